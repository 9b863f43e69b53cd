"""Fonts: the roles of the report's text, the kinds of face, `reportgen fonts`, and the PDF's font warnings."""

from __future__ import annotations

from collections.abc import Sequence

# The roles of FontNames, as `reportgen fonts` lists them and the warnings name them.
FONT_ROLES = {
    "title": "标题",
    "heading1": "一级标题",
    "heading2": "二级标题",
    "body": "正文",
    "page_number": "页码",
    "latin": "西文数字",
}
FONT_KINDS = {
    "title_song": "粗宋体类",
    "hei": "黑体类",
    "kai": "楷体类",
    "fangsong": "仿宋类",
    "song": "宋体类",
    "times": "Times 同宽西文",
}
FONTS_TABLE_HEADINGS = ("用途", "版式要求的字体", "本机实际使用", "是否合适")
INSTALL_COMMAND = "reportgen fonts --install"


def font_verdict(ok: bool | None, kind: str) -> str:
    if ok is None:
        return "无法判断"
    return f"是（{FONT_KINDS[kind]}）" if ok else f"否，应为{FONT_KINDS[kind]}"


def font_used_directly() -> str:
    return "（Word 直接使用）"


def fonts_all_right() -> str:
    return (
        "各用途都有合适的字体：PDF 中标题、各级标题和正文的字体类别与 Word 文档相同"
        "（本机没有的字体由同类免费字体代替）。"
    )


def fonts_wrong_hint(roles: Sequence[str]) -> str:
    return (
        f"{'、'.join(FONT_ROLES[role] for role in roles)}没有合适的字体，生成的 PDF 中这些文字会是别的字形。"
        f"在 Debian/Ubuntu 上运行 {INSTALL_COMMAND} 安装免费的同类字体（需要管理员权限，下载约 170 MB），"
        "或安装版式要求的字体"
    )


def fonts_no_fontconfig() -> str:
    return (
        "本机没有 fontconfig（如 Windows）：Word 直接使用上表中的字体，LibreOffice 生成 PDF 时也用本机安装的同名字体；"
        "请在“控制面板 → 字体”中确认它们都已安装。"
    )


def fonts_wrong(wrong: Sequence[tuple[str, str, str, str]]) -> str:
    """`wrong`: (role, requested font, the face used instead, kind) of each role set in a wrong kind of face."""
    details = "；".join(
        f"{FONT_ROLES[role]}要求“{requested}”（{FONT_KINDS[kind]}），本机只能用“{used}”"
        for role, requested, used, kind in wrong
    )
    return (
        f"PDF 中有的文字字体不对：{details}。运行 reportgen fonts 查看各用途的字体；在 Debian/Ubuntu 上运行 "
        f"{INSTALL_COMMAND} 安装免费的同类字体后重新生成，或在 Word 中打开 .docx 另存为 PDF"
    )


def fonts_refused_final(roles: Sequence[str]) -> str:
    names = "、".join(FONT_ROLES[role] for role in roles)
    return (
        f"--final 要求 PDF 中各级文字都用对字体，本机{names}没有合适的字体（见 reportgen fonts），没有生成。"
        f"请先运行 {INSTALL_COMMAND} 安装免费的同类字体（或安装版式要求的字体），再生成定稿"
    )


def fonts_install_running(command: str) -> str:
    return f"运行：{command}"


def fonts_install_unsupported() -> str:
    return (
        "本机没有 apt-get（不是 Debian 或 Ubuntu），无法自动安装字体。请用本系统的软件包或字体管理器安装："
        "FandolFang、FandolKai、FandolHei、FandolSong（TeX Live 的 fandol 字体）、Noto Serif CJK SC、"
        "Noto Sans CJK SC 和 Liberation Serif；或安装 仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312、宋体 和 "
        "Times New Roman。装好后运行 reportgen fonts 检查"
    )


def fonts_install_needs_root(commands: Sequence[str]) -> str:
    return "安装字体需要管理员权限，本机没有 sudo。请以 root 身份运行：" + "；".join(commands)


def fonts_install_failed(command: str, code: int) -> str:
    return f"命令 {command} 没有成功（退出码 {code}），字体没有装好；请检查网络和软件源（apt-get update 的输出）后重试"
