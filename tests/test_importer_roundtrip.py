"""Import, then build: the report comes back. Each reference report (../shared/seeds/) and each
report of another shape written for these tests (tests/testdata/importer/), as text, as a web
page and as a Word file, gives a report whose text is at least 95% the reference's (difflib
ratio on text normalised for blanks and full/half-width punctuation), with every figure of the
reference and its parts in their order — and a profile that validates."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import SEEDS
from importer_formats import as_html, write_docx
from reportgen import api
from reportgen.document import Heading
from reportgen.render import render_document
from reportgen.writers.text import write_text

TESTDATA = Path(__file__).parent / "testdata" / "importer"
MIN_RATIO = 0.95
SEED_FILES = sorted(SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []
SHAPES = sorted(TESTDATA.glob("*.txt"))
# The reference's web page lines (its CMS, not the report), whole lines only.
_PAGE_LINES = re.compile(
    r"(?:政府信息公开|索\s*引\s*号.*|文\s+号.*|公开日|发布时间.*|时间:.*来源:.*|附件下载:|相关链接:)"
)
_TITLE = re.compile(r".*法治政府建设.*(?:报告|总结)")
_PART = re.compile(r"(?m)^\s*[一二三四五六七八九]?、\s*(\S[^。\n]*)$")


def reference(text: str) -> str:
    """The report as published: without the page lines, nor the site's name above the title."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = next((index for index, line in enumerate(lines) if _TITLE.fullmatch(line)), 0)
    return "\n".join(line for line in lines[title:] if not _PAGE_LINES.fullmatch(line))


def normal(text: str) -> str:
    """Blanks removed; full-width letters and punctuation as their half-width forms (NFKC)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def numbers(text: str) -> set[str]:
    """The figures of a text, not its typed numbering (1. 2. at a line's start), which is generated."""
    return set(re.findall(r"\d+(?:\.\d+)?", re.sub(r"(?m)^\s*[(（]?\d+[.．)）]", "", text)))


def source_file(text_file: Path, kind: str, folder: Path) -> Path:
    text = text_file.read_text(encoding="utf-8")
    if kind == "txt":
        return text_file
    title_lines = 2 if text.startswith("中共") else 1
    if kind == "html":
        path = folder / f"{text_file.stem}.html"
        path.write_text(as_html(text, title_lines=title_lines), encoding="utf-8")
        return path
    return write_docx(text, folder / f"{text_file.stem}.docx", title_lines=title_lines, heading_parts=True)


@pytest.fixture(
    scope="module",
    params=[(f, "txt") for f in SEED_FILES] + [(f, kind) for f in SHAPES for kind in ("txt", "html", "docx")],
    ids=lambda param: f"{param[0].stem}.{param[1]}",
)
def round_trip(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    text_file, kind = request.param
    folder = tmp_path_factory.mktemp("import")
    imported = api.import_report(source_file(text_file, kind, folder), folder)
    result = api.check_profile(imported.path)
    document = render_document(result.report)
    return reference(text_file.read_text(encoding="utf-8")), imported, result, document


def test_the_profile_validates(round_trip) -> None:
    _, imported, result, _ = round_trip
    assert [d.message for d in result.errors] == []
    assert imported.result.errors == []


def test_the_built_report_is_the_reference(round_trip) -> None:
    expected, _, _, document = round_trip
    ratio = difflib.SequenceMatcher(None, normal(expected), normal(write_text(document)), autojunk=False).ratio()
    assert ratio >= MIN_RATIO


def test_every_figure_of_the_reference_is_in_the_report(round_trip) -> None:
    expected, _, _, document = round_trip
    assert sorted(numbers(expected) - numbers(write_text(document))) == []


def test_the_parts_keep_their_order(round_trip) -> None:
    expected, _, _, document = round_trip
    theirs = [re.sub(r"\W", "", title) for title in _PART.findall(expected)]
    placeholders = {place for place, _ in document.placeholders()}
    ours = [
        re.sub(r"\W", "", block.text)
        for block in document.blocks
        if isinstance(block, Heading) and block.level == 1 and block.label not in placeholders
    ]
    assert ours == theirs


def test_no_paragraph_is_dropped(round_trip) -> None:
    """Every paragraph of the reference is in the report, word for word (its punctuation and the numbers
    reportgen generates aside)."""
    expected, _, _, document = round_trip
    built = _words(write_text(document))
    missing = [line for line in expected.splitlines()[1:] if _words(line) not in built]
    assert missing == []


def _words(text: str) -> str:
    """Letters and digits only, without numbering (一、（一）1. 一是 are generated, or lost in the original)."""
    text = re.sub(
        r"(?m)^\s*(?:[一二三四五六七八九十]*、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．]|第[一二三四五六七八九十]+部分)",
        "",
        text,
    )
    text = re.sub(r"[一二三四五六七八九十]*是", "", text)
    return re.sub(r"[\W_]", "", unicodedata.normalize("NFKC", text))
