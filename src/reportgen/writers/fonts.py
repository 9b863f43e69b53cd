"""Which face each role of the report gets on this machine, and the free fonts that stand in for the Windows ones.

The layout names a font per role (document.model.FontNames): 方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312, 宋体 and
Times New Roman, which government PCs have and Word uses directly. Servers and Linux desktops lack them, so the
PDF's conversion (pdf.py) points LibreOffice's fontconfig at the shipped fonts.conf, which accepts after each of
those names a free face of the same kind with Simplified Chinese glyphs (GB/T 9704 5.2.2, 7.3.1, 7.3.3, 7.5).
`check_fonts` asks fc-match through the same file and judges, per role, whether the face found is the right kind,
by its family names (KIND_PATTERNS), so that `build --format pdf` warns and `--final` refuses before a PDF is set
in the wrong kind of face. `install_commands` install the free faces on Debian and Ubuntu.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportgen import messages
from reportgen.document.model import FontNames
from reportgen.errors import ReportgenError

FONTS_CONF = Path(__file__).resolve().with_name("fonts.conf")

# The kind of face each role (a FontNames field) needs: 7.3.1 标题 小标宋 (a Song, heavy where the layout asks for
# 小标宋), 7.3.3 一、 黑体, （一） 楷体, 正文 仿宋, 7.5 页码 宋体; digits and Latin letters in Times New Roman or a face
# with its widths, since lines and the date's place are computed with them (document/signature.py).
ROLE_KINDS = {
    "title": "title_song",
    "heading1": "hei",
    "heading2": "kai",
    "body": "fangsong",
    "page_number": "song",
    "latin": "times",
}

# Family-name patterns of each kind of face, tried in this order (仿宋 before 宋, so a FangSong is never taken for
# a Song): the Windows fonts' Chinese and English names, Founder's and SinoType's (方正…, 华文… / ST…), and the
# free faces (Fandol…, Noto Serif/Sans CJK SC, AR PL UKai/UMing, WenQuanYi Zen Hei, Liberation Serif …).
KIND_PATTERNS = (
    ("fangsong", re.compile(r"仿宋|fang\s*song|fandolfang", re.IGNORECASE)),
    ("kai", re.compile(r"楷|kai", re.IGNORECASE)),
    ("hei", re.compile(r"黑|hei|sans\s*cjk|source\s*han\s*sans", re.IGNORECASE)),
    ("song", re.compile(r"宋|song|sung|ming|明|serif\s*cjk|source\s*han\s*serif", re.IGNORECASE)),
    ("times", re.compile(r"times|liberation\s*serif|tinos|nimbus\s*roman|termes", re.IGNORECASE)),
)
# Faces that draw Chinese characters in Japanese, Korean or Traditional forms (Noto … CJK JP/KR/TC/HK, AR PL … TW,
# MS Mincho, Batang, MingLiU …): the right kind of face, but not the characters a Chinese reader expects.
NOT_SIMPLIFIED = re.compile(
    r"\b(?:jp|kr|tc|hk|tw|big5)\b|mincho|gothic|batang|gulim|dotum|mingliu|jhenghei|dfkai|明朝", re.IGNORECASE
)
# 小标宋 is a heavy Song: where the layout asks for it, a Song family's bold face or a face named for it.
XIAOBIAOSONG = re.compile(r"小标宋|标宋|biaosong", re.IGNORECASE)
BOLD_STYLE = re.compile(r"bold|heavy|black|粗", re.IGNORECASE)
FC_WEIGHT_DEMIBOLD = 180  # fontconfig's weight scale: 80 regular, 180 demibold, 200 bold

# The free faces, on Debian and Ubuntu: FandolFang/Kai/Hei/Song (GB 2312; GPL with the font exception) in
# texlive-lang-chinese, Noto Serif/Sans CJK SC for characters beyond GB 2312 (SIL OFL), Liberation Serif (GPL with
# the font exception).
DEBIAN_PACKAGES = ("fonts-liberation", "fonts-noto-cjk", "texlive-lang-chinese")


class FontProblem(ReportgenError):
    exit_code = 2


@dataclass(frozen=True)
class RoleFont:
    """One role: the font the layout asks for, the face this machine gives it, and whether that is the right kind."""

    role: str  # a FontNames field: title, heading1, heading2, body, page_number, latin
    requested: str
    family: str | None = None  # the face fontconfig gives; None where there is no fontconfig (Windows)
    style: str = ""
    ok: bool | None = None  # None: cannot tell here

    @property
    def kind(self) -> str:
        return ROLE_KINDS[self.role]


def fontconfig_env() -> dict[str, str]:
    """The environment for LibreOffice and fc-match: the system's fonts plus the stand-ins (fonts.conf)."""
    return {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}


@functools.cache
def check_fonts(names: FontNames) -> tuple[RoleFont, ...]:
    """Each role's font as fontconfig resolves it through fonts.conf, judged by kind; asked once per set of
    names and process (a folder of profiles shares one layout)."""
    return tuple(_check_role(role, getattr(names, role)) for role in ROLE_KINDS)


def wrong_roles(names: FontNames) -> list[RoleFont]:
    """The roles whose face is of the wrong kind here ([] where fontconfig cannot tell)."""
    return [font for font in check_fonts(names) if font.ok is False]


def _check_role(role: str, name: str) -> RoleFont:
    found = _fc_match(name, latin=role == "latin")
    if found is None:
        return RoleFont(role, name)
    families, style, weight = found
    right = is_right_kind(ROLE_KINDS[role], families, style, weight, requested=name)
    return RoleFont(role, name, families[0], style, right)


def is_right_kind(kind: str, families: tuple[str, ...], style: str = "", weight: int = 80, requested: str = "") -> bool:
    """Whether a face (all its family names, its style and fontconfig weight) is of `kind` (ROLE_KINDS) for a
    layout that asked for the font `requested`."""
    names = " / ".join(families)
    if kind != "times" and NOT_SIMPLIFIED.search(names):
        return False
    found = face_kind(families)
    if kind == "title_song":
        heavy = bool(BOLD_STYLE.search(style)) or weight >= FC_WEIGHT_DEMIBOLD or bool(XIAOBIAOSONG.search(names))
        return found == "song" and (heavy or not XIAOBIAOSONG.search(requested))
    return found == kind


def face_kind(families: tuple[str, ...]) -> str | None:
    """The kind of face its family names say (KIND_PATTERNS, first match), or None."""
    names = " / ".join(families)
    return next((kind for kind, pattern in KIND_PATTERNS if pattern.search(names)), None)


def _fc_match(name: str, *, latin: bool) -> tuple[tuple[str, ...], str, int] | None:
    """(family names, style, weight) of the face fontconfig gives `name` through fonts.conf; None without fontconfig.
    Chinese roles are asked for in Simplified Chinese, as the DOCX marks its text (w:lang zh-CN)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = _escape(name) + ("" if latin else ":lang=zh-cn")
    command = [fc_match, "--format", "%{family}\t%{style}\t%{weight}", "--", pattern]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, env=fontconfig_env(), check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    family, _, rest = done.stdout.partition("\t")
    style, _, weight = rest.partition("\t")
    families = tuple(part.strip() for part in family.split(",") if part.strip())
    if done.returncode != 0 or not families:
        return None
    return families, style.split(",")[0].strip(), int(weight) if weight.strip().isdigit() else 80


def _escape(name: str) -> str:
    """A family name as an fc-match pattern: '-' would start a size, ',' another family, ':' the properties."""
    return re.sub(r"([\\\-,:])", r"\\\1", name)


# ---------------------------------------------------------------- installing the stand-ins


def install_fonts(announce: Callable[[str], None]) -> None:
    """Run install_commands, each announced first (so whoever runs it sees what runs as root), stopping at the
    first that fails. Debian and Ubuntu only: elsewhere it says which fonts to install."""
    commands = install_commands()
    if shutil.which("apt-get") is None:
        raise FontProblem(messages.fonts_install_unsupported())
    if not _is_root() and shutil.which("sudo") is None:
        raise FontProblem(messages.fonts_install_needs_root([shlex.join(command[1:]) for command in commands]))
    for command in commands:
        announce(shlex.join(command))
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        code = subprocess.run(command, stdin=subprocess.DEVNULL, env=env, check=False).returncode
        if code != 0:
            raise FontProblem(messages.fonts_install_failed(shlex.join(command), code))
    check_fonts.cache_clear()


def install_commands() -> list[list[str]]:
    """The commands that install the free faces (DEBIAN_PACKAGES) and index them for fonts.conf: fc-cache run as
    root writes the system's cache, so LibreOffice under any user finds the Fandol fonts at once."""
    sudo = [] if _is_root() else ["sudo"]
    return [
        [*sudo, "apt-get", "update"],
        [*sudo, "apt-get", "install", "-y", "--no-install-recommends", *DEBIAN_PACKAGES],
        [*sudo, "env", f"FONTCONFIG_FILE={FONTS_CONF}", "fc-cache"],
    ]


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
