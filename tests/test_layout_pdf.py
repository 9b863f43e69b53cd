"""The GB/T 9704-2012 layout, measured on the page: reportgen's .docx is converted to PDF by LibreOffice
(reportgen.writers.pdf, as `reportgen build --format pdf` does) and measured with PyMuPDF, in points.

The conversion finds its fonts through the shipped fonts.conf, which maps the font names GB/T 9704 uses onto
the free faces `reportgen fonts --install` installs, so every level renders as it would on a clerk's machine.
Each test skips, naming it, where a tool or font it measures with is missing. Each synthetic document and
each of the five examples in profiles/ is converted once per module.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportgen.api import validate_paths
from reportgen.document.model import Document, FontNames, Heading, PageLayout, Paragraph, Signature
from reportgen.document.signature import date_is_longer
from reportgen.render.context import render_document
from reportgen.writers.docx import write_docx
from reportgen.writers.fonts import check_fonts, fontconfig_env
from reportgen.writers.pdf import docx_to_pdf

pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed: pip install -e '.[test]'")

PROFILES = Path(__file__).resolve().parents[1] / "profiles"
EXAMPLES = sorted(path.stem for path in PROFILES.glob("*.yaml"))


def _fc(*arguments: str) -> str:
    """fc-list / fc-match output through the shipped fonts.conf, as LibreOffice sees the fonts; "" without them."""
    tool = shutil.which(arguments[0])
    if tool is None:
        return ""
    done = subprocess.run([tool, *arguments[1:]], capture_output=True, text=True, env=fontconfig_env(), check=False)
    return done.stdout.strip()


def _has_font(family: str) -> bool:
    return bool(_fc("fc-list", family))


pytestmark = [
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
    ),
    pytest.mark.skipif(
        not _fc("fc-list", ":lang=zh"), reason="no Chinese font is installed: reportgen fonts --install"
    ),
]

# Where the date's right end is measured, its digits must have Times New Roman's widths (its metric twin).
NEEDS_LIBERATION_SERIF = pytest.mark.skipif(
    not _has_font("Liberation Serif"),
    reason="Liberation Serif (Times New Roman's metrics) is not installed: apt-get install fonts-liberation",
)
# Each level in its own kind of face: what `reportgen fonts` reports for the default layout.
_FACES = check_fonts(FontNames())
NEEDS_RIGHT_FACES = pytest.mark.skipif(
    not all(font.ok for font in _FACES),
    reason="fontconfig (fc-match) is not installed"
    if any(font.ok is None for font in _FACES)
    else "no face of the right kind for "
    + ", ".join(f"{font.requested} (got {font.family})" for font in _FACES if not font.ok)
    + ": reportgen fonts --install",
)

# A PostScript name as `pdffonts` lists it, of a face with Japanese, Korean or Traditional glyph forms
# ("BAAAAA+NotoSansCJKjp-Regular-VKana", "SourceHanSerifTC-Bold", "MS-Mincho").
NOT_SIMPLIFIED = re.compile(r"CJK(?:jp|kr|tc|hk)|(?:JP|KR|TC|HK|TW)\b|mincho|gothic|batang|mingliu", re.IGNORECASE)

MM = 72 / 25.4  # points per millimetre
TOLERANCE = 1 * MM  # "within 1 mm"
PITCH = 579 / 20  # the exact line: 28.95 pt
CHAR = 16  # 一字 in 3号
CONDENSED = -5  # the Signature style's character spacing, twips (scripts/make_reference_docx.py)
# GB/T 9704-2012 5.2.1: A4, 天头 37 mm, 订口 28 mm, type area 156 × 225 mm.
PAGE = (210 * MM, 297 * MM)
LEFT, RIGHT, TOP, BOTTOM = 28 * MM, (28 + 156) * MM, 37 * MM, (37 + 225) * MM
CENTRE = (LEFT + RIGHT) / 2

PLAIN = "法治政府建设是全面依法治国的重点任务和主体工程"  # no punctuation: every full line holds 28
BODIES = ("中共托克逊县委员会", "托克逊县人民政府")
REPORT = Document(
    title="托克逊县人民政府关于2024年法治政府建设情况的报告",
    title_lines=("托克逊县人民政府关于2024年", "法治政府建设情况的报告"),
    blocks=(
        Paragraph(PLAIN * 100),  # pages 1–4: pages 2 and 3 are full of body text
        Heading(1, "主要举措和成效", "一、"),
        Heading(2, "健全政府机构职能体系", "（一）"),
        Heading(3, "规范行政执法", "1."),
        # 26 characters fill the indented first line: without kinsoku the comma would start the next.
        Paragraph("全" * 26 + "，" + PLAIN + "。"),
        Signature(BODIES, dt.date(2025, 3, 12)),
    ),
)
CENTERED = Document(
    title="托克逊县司法局2024年法治政府建设年度报告",
    blocks=(Paragraph(PLAIN * 30), Signature(("托克逊县司法局",), dt.date(2025, 12, 31))),
    layout=PageLayout(page_numbers="centered"),
)


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float  # of the glyph boxes
    bottom: float
    baseline: float
    size: float
    fonts: tuple[str, ...]


def lines(page) -> list[Line]:
    """The text lines of a page, top to bottom, spaces PyMuPDF puts between spans removed."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [span for span in line["spans"] if span["text"].strip()]
            if spans:
                x0, top, x1, bottom = line["bbox"]
                text = "".join(span["text"] for span in spans).replace(" ", "")
                fonts = tuple(span["font"] for span in spans)
                found.append(Line(text, x0, x1, top, bottom, spans[0]["origin"][1], spans[0]["size"], fonts))
    return sorted(found, key=lambda line: (line.baseline, line.x0))


def body_lines(page) -> list[Line]:
    return [line for line in lines(page) if line.bottom < BOTTOM + TOLERANCE]


def page_number(page) -> Line:
    (number,) = [line for line in lines(page) if line.top > BOTTOM]
    return number


def render(document: Document):
    return pymupdf.open(stream=docx_to_pdf(write_docx(document)), filetype="pdf")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        return {"report": render(REPORT), "centered": render(CENTERED)}


@pytest.fixture(scope="module")
def report(rendered):
    return rendered["report"]


@pytest.fixture(scope="module")
def centered(rendered):
    return rendered["centered"]


def test_pages_are_a4(report, centered):
    sizes = {(round(page.rect.width), round(page.rect.height)) for pdf in (report, centered) for page in pdf}
    assert sizes == {(round(PAGE[0]), round(PAGE[1]))}
    assert len(report) >= 4


def test_a_full_page_holds_22_lines_of_28_characters(report):
    """GB/T 9704-2012 5.2.3: 一般每面排22行，每行排28个字，并撑满版心."""
    page = body_lines(report[1])
    assert [len(line.text) for line in page] == [28] * 22


def test_lines_are_28_95_pt_apart(report):
    baselines = [line.baseline for line in body_lines(report[1])]
    assert [b - a for a, b in itertools.pairwise(baselines)] == [pytest.approx(PITCH, abs=0.1)] * 21
    assert baselines[-1] - baselines[0] == pytest.approx(21 * PITCH, abs=0.2)


def test_type_area_sits_at_the_margins(report):
    """Flush lines start at 28 mm and end at 184 mm; the 22 line boxes run from 37 mm to 262 mm.
    LibreOffice puts the baseline of an exact-height line at 80 % of its height, so a line box runs
    from baseline − 0.8 × 28.95 pt to baseline + 0.2 × 28.95 pt; the glyphs lie inside it."""
    page = body_lines(report[1])
    assert min(line.x0 for line in page) == pytest.approx(LEFT, abs=TOLERANCE)
    assert max(line.x1 for line in page) == pytest.approx(RIGHT, abs=TOLERANCE)
    assert page[0].baseline - 0.8 * PITCH == pytest.approx(TOP, abs=TOLERANCE)
    assert page[-1].baseline + 0.2 * PITCH == pytest.approx(BOTTOM, abs=TOLERANCE)
    assert page[0].top >= TOP - TOLERANCE
    assert page[-1].bottom <= BOTTOM + TOLERANCE


def test_first_line_indent_is_two_characters(report):
    first_body_line = body_lines(report[0])[2]  # after the two title lines
    assert (first_body_line.x0 - LEFT) / CHAR == pytest.approx(2, abs=0.1)


def test_title_is_centred_at_the_top_in_22_pt(report):
    title = [line for line in lines(report[0]) if line.size == 22]
    assert [line.text for line in title] == ["托克逊县人民政府关于2024年", "法治政府建设情况的报告"]
    for line in title:
        assert (line.x0 + line.x1) / 2 == pytest.approx(CENTRE, abs=TOLERANCE)
    assert title[0].baseline - 0.8 * PITCH == pytest.approx(TOP, abs=TOLERANCE)
    # 标题下空一行: the body starts on the fourth line of the page
    assert body_lines(report[0])[2].baseline - title[0].baseline == pytest.approx(3 * PITCH, abs=0.5)


def test_page_numbers_odd_right_even_left_one_character_in(report):
    """GB/T 9704-2012 7.5: "— 1 —" in 4号 (14 pt), 单页码居右空一字，双页码居左空一字."""
    for index, page in enumerate(report):
        number = page_number(page)
        assert re.fullmatch(r"—(\d+)—", number.text).group(1) == str(index + 1)
        assert number.size == 14
        if index % 2 == 0:  # page 1, 3 …
            assert number.x1 == pytest.approx(RIGHT - 14, abs=TOLERANCE)
        else:
            assert number.x0 == pytest.approx(LEFT + 14, abs=TOLERANCE)


def test_page_number_dash_is_7_mm_below_the_type_area(report):
    """7.5: 一字线上距版心下边缘7mm — found as the rows of dark pixels the dashes draw across the number."""
    page = report[0]
    number = page_number(page)
    clip = pymupdf.Rect(number.x0, number.top, number.x1, number.bottom)
    pixmap = page.get_pixmap(dpi=600, clip=clip, colorspace=pymupdf.csGRAY)
    width, samples = pixmap.width, pixmap.samples
    rows = [y for y in range(pixmap.height) if sum(v < 128 for v in samples[y * width : (y + 1) * width]) > width / 3]
    dash = number.top + (rows[0] + rows[-1]) / 2 * 72 / 600
    assert dash - BOTTOM == pytest.approx(7 * MM, abs=TOLERANCE)


def test_centred_page_numbers_variant(centered):
    assert len(centered) >= 2
    for index, page in enumerate(centered):
        number = page_number(page)
        assert number.text == f"—{index + 1}—"
        assert (number.x0 + number.x1) / 2 == pytest.approx(CENTRE, abs=TOLERANCE)


def test_signature_right_aligned_with_the_date_two_characters_in(report):
    """7.3.5.2: 正文下空一行；署名右空二字；成文日期首字比署名首字右移二字."""
    page = lines(report[-1])
    index = next(i for i, line in enumerate(page) if line.text == BODIES[0])
    last_text, *bodies, date = page[index - 1 : index + 3]
    assert [line.text for line in bodies] + [date.text] == [*BODIES, "2025年3月12日"]
    assert bodies[0].baseline - last_text.baseline == pytest.approx(2 * PITCH, abs=0.5)  # one blank line
    for body in bodies:
        assert body.x1 == pytest.approx(RIGHT - 2 * CHAR, abs=TOLERANCE)
    assert date.x0 - min(body.x0 for body in bodies) == pytest.approx(2 * CHAR, abs=TOLERANCE)


@NEEDS_LIBERATION_SERIF
def test_date_longer_than_signature_keeps_two_characters(centered):
    """7.3.5.2: 如成文日期长于发文机关署名，应当使成文日期右空二字编排，并相应增加发文机关署名右空字数. The
    signature's place follows from the date's width, which Word spaces a little wider than LibreOffice
    (a quarter against a fifth of a character at each change between digits and Chinese: 1.4 mm here)."""
    *_, body, date = lines(centered[-1])[:-1]
    assert (body.text, date.text) == ("托克逊县司法局", "2025年12月31日")
    assert date.x1 == pytest.approx(RIGHT - 2 * CHAR, abs=TOLERANCE)
    assert date.x0 - body.x0 == pytest.approx(2 * CHAR, abs=TOLERANCE + 5 * 0.05 * CHAR)
    assert body.x1 < RIGHT - 2 * CHAR - TOLERANCE  # the signature's right space grew


def test_no_line_starts_with_closing_punctuation(report):
    """Kinsoku: 。，、；：？！）》” never begin a line. The test paragraph's comma falls due at a line's start;
    it hangs at the end of the line before (Word's and LibreOffice's default) or takes a character along."""
    page = body_lines(report[-1])
    (comma_line,) = [line for line in page if "，" in line.text]
    assert comma_line.text.index("，") > 0
    starts = [line.text[0] for pdf_page in report for line in body_lines(pdf_page)]
    assert not set(starts) & set("。，、；：？！）》”")


def _postscript_name(role: str) -> str:
    """The PostScript name of the face fontconfig gives a role of the default layout, as the PDF embeds it."""
    requested = getattr(FontNames(), role)
    query = requested if role == "latin" else f"{requested}:lang=zh-cn"
    return _fc("fc-match", "--format", "%{postscriptname}", query)


@NEEDS_RIGHT_FACES
def test_each_level_renders_in_its_kind_of_face(report):
    """Through fonts.conf, each level in the face `reportgen fonts` names for it (on a machine with the free faces:
    小标宋 → FandolSong Bold, 黑体 → FandolHei, 楷体 → FandolKai, 仿宋 → FandolFang, 宋体 → FandolSong, digits and
    Latin letters → Liberation Serif), and no face with Japanese, Korean or Traditional glyph forms."""
    first, *_, last = report
    by_text = {line.text: line.fonts for page in (first, last) for line in lines(page)}
    expected = {
        "title": by_text["法治政府建设情况的报告"][0],
        "heading1": by_text["一、主要举措和成效"][0],
        "heading2": by_text["（一）健全政府机构职能体系"][0],
        "body": by_text[BODIES[0]][0],
        "latin": by_text["1.规范行政执法"][0],
        "page_number": page_number(first).fonts[0],
    }
    assert expected == {role: _postscript_name(role) for role in expected}
    embedded = {font[3] for page in report for font in page.get_fonts()}
    assert not [name for name in embedded if NOT_SIMPLIFIED.search(name)]


# ---------------------------------------------------------------- the five examples' own signatures


def _example(stem: str) -> Document:
    (result,) = validate_paths([PROFILES / f"{stem}.yaml"])
    return render_document(result.report)


def _signature(document: Document) -> tuple[tuple[str, ...], str]:
    """The signing bodies and the date as a report prints them (a placeholder where it asks for one)."""
    (signature,) = [block for block in document.blocks if isinstance(block, Signature)]
    bodies = signature.bodies or ((signature.missing_bodies,) if signature.missing_bodies else ())
    return bodies, signature.date_text or signature.missing_date


# The examples that sign: 土城子乡 and 八宿县; the other three print no 落款, as their originals.
SIGNED = [stem for stem in EXAMPLES if any(_signature(_example(stem)))]


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[object, tuple[str, ...], str]]:
    """Each example's last page as LibreOffice renders it, with its signature and date."""
    rendered = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        for stem in EXAMPLES:
            document = _example(stem)
            rendered[stem] = (render(document), *_signature(document))
    return rendered


def test_two_examples_sign():
    assert SIGNED == ["八宿县-2020", "土城子乡-2022"]


@NEEDS_LIBERATION_SERIF
@pytest.mark.parametrize("stem", SIGNED)
def test_each_examples_date_holds_one_line_two_characters_right_of_its_signature(examples, stem):
    """7.3.5.2 with the examples' real signatures (土城子乡: 中共土城子乡委员会 / 土城子乡人民政府 / 2022年11月25日;
    八宿县: 八宿县人民政府 / 2021年1月15日, a date longer than its body): 署名右空二字 (or more, when the date is
    longer); 成文日期首字比署名首字右移二字, on one line, keeping its own right space."""
    pdf, bodies, date = examples[stem]
    page = lines(pdf[-1])
    texts = [line.text for line in page]
    assert date in texts, f"the date is not on one line: {texts[-4:]}"
    index = texts.index(date)
    shown, date_line = page[index - len(bodies) : index], page[index]
    assert [line.text for line in shown] == list(bodies)
    rights = {round(line.x1, 1) for line in shown}
    assert max(rights) - min(rights) < 0.5  # every body right-aligned at one indent
    assert min(rights) <= RIGHT - 2 * CHAR + TOLERANCE
    first_char = min(line.x0 for line in shown)
    assert date_line.x0 - first_char == pytest.approx(2 * CHAR, abs=TOLERANCE)
    if date_is_longer(bodies, date, CONDENSED):  # 八宿县: the date 右空二字, as Word spaces it (see above)
        assert RIGHT - date_line.x1 == pytest.approx(2 * CHAR, abs=TOLERANCE + 5 * 0.05 * CHAR)
    else:  # 土城子乡: from the longest body's first character, within the type area
        assert date_line.x1 <= RIGHT + TOLERANCE


@pytest.mark.skipif(
    not _has_font("DejaVu Serif"), reason="DejaVu Serif is not installed: apt-get install fonts-dejavu-core"
)
def test_a_wider_face_for_digits_moves_no_date_to_a_second_line(tmp_path, monkeypatch):
    """Digits in DejaVu Serif, a fifth wider than Times New Roman (what a machine without Liberation Serif used): the
    土城子乡 date still holds one line and starts two characters right of the signature — it is placed by its first
    character and may reach into the right space — where it used to break as "2022年11月25 / 日"."""
    monkeypatch.setenv("HOME", str(tmp_path))
    document = _example("土城子乡-2022")
    fonts = dataclasses.replace(document.layout.fonts, latin="DejaVu Serif")
    pdf = render(dataclasses.replace(document, layout=dataclasses.replace(document.layout, fonts=fonts)))
    page = lines(pdf[-1])
    texts = [line.text for line in page]
    assert "2022年11月25日" in texts
    body, date = page[texts.index("2022年11月25日") - 2], page[texts.index("2022年11月25日")]
    assert body.text == "中共土城子乡委员会"
    assert date.x0 - body.x0 == pytest.approx(2 * CHAR, abs=TOLERANCE)


@NEEDS_RIGHT_FACES
@pytest.mark.parametrize("stem", EXAMPLES)
def test_examples_embed_no_japanese_korean_or_traditional_face(examples, stem):
    """`pdffonts` on each example: the free faces with Simplified Chinese glyphs, never a JP/KR/TC variant (what
    a machine without them embedded: NotoSansCJKjp for every character)."""
    assert NOT_SIMPLIFIED.search("BAAAAA+NotoSansCJKjp-Regular-VKana")
    pdf, _, _ = examples[stem]
    embedded = {font[3] for page in pdf for font in page.get_fonts()}
    assert embedded and not [name for name in embedded if NOT_SIMPLIFIED.search(name)], embedded


@pytest.mark.parametrize("stem", SIGNED)
def test_the_signature_never_stands_on_a_page_without_body_text(examples, stem):
    """GB/T 9704-2012 7.3.5.5: 落款 and body text share the last page (土城子乡's signature used to fall alone on p. 13)."""
    pdf, bodies, date = examples[stem]
    texts = [line.text for line in body_lines(pdf[-1])]
    signature = {*bodies, date}
    assert [text for text in texts if text not in signature], texts
