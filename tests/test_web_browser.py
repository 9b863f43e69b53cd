"""The publication page in a real browser: Chromium driven by Playwright, checked by axe-core.

Every example profile, and a sample document with what the examples lack (every metadata field, a wide table,
hostile text), is rendered twice, as the standalone page and as the CMS fragment inside a small host page, and
served to Chromium from memory at http://reportgen.test/. Every request goes through one handler that records
it and answers only the page itself, so a request for anything else (a font, a script, an image) fails the test
instead of reaching the network.

Screenshots (1280 px and 375 px wide, whole page) and the print PDFs are kept as artefacts: in the folder named by
$REPORTGEN_ARTEFACTS if it is set, else in pytest's temporary folder (…/pytest-of-USER/pytest-N/web-artefacts0).

The module skips, saying why, when Playwright or Chromium is missing, and the axe-core test when axe-core is
(.ci/run installs Chromium with apt-get and axe-core with npm). Chromium is $REPORTGEN_CHROMIUM, else `chromium`
on the PATH. One browser serves the whole module.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import PROFILES, REPO
from reportgen.document import (
    Document,
    Enumeration,
    EnumerationItem,
    Heading,
    Metadata,
    Paragraph,
    Signature,
    Table,
)
from reportgen.render import render_document
from reportgen.validate import validate_file
from reportgen.write_html import TOC_MIN_HEADINGS, write_html

ORIGIN = "http://reportgen.test"
URL = f"{ORIGIN}/report.html"
AXE = REPO / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXAMPLES = sorted(path.stem for path in PROFILES.glob("*.yaml"))
SAMPLE = "sample"  # sample_document(): what no example has yet
REPORTS = [*EXAMPLES, SAMPLE]
FORMS = ("page", "fragment")
CASES = [pytest.param(report, form, id=f"{report}-{form}") for report in REPORTS for form in FORMS]
A4_MM = (210, 297)
CN = "一二三四五六七八九十"
NUMERALS = [*CN, *(f"十{d}" for d in CN[:9]), "二十"]  # 一 … 二十

# A CMS page as a webmaster has it: its own header, styles and footer around the pasted fragment.
HOST_PAGE = """\
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>某县人民政府 政府信息公开</title>
<style>body{{margin:0;font:16px/1.5 sans-serif;color:#222}}header,footer{{padding:1rem}}</style>
</head>
<body>
<header><p class="site">某县人民政府门户网站 › 政府信息公开 › 法治政府建设年度报告</p></header>
<main>
{fragment}
</main>
<footer><p>主办：某县人民政府办公室</p><table><tr><td>网站标识码</td><td>0000000000</td></tr></table></footer>
</body>
</html>
"""

# Records every Content-Security-Policy violation; runs before the page's own content, outside its policy.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


# --- fixtures ----------------------------------------------------------------------------------


def _chromium_path() -> str | None:
    configured = os.environ.get("REPORTGEN_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (Python) is not installed")
    executable = _chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; or set REPORTGEN_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed (npm install --prefix .ci axe-core@4): {AXE} is missing")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    rendered = {}
    for example in EXAMPLES:
        result = validate_file(PROFILES / f"{example}.yaml")
        assert result.report is not None, example
        rendered[example] = render_document(result.report)
    rendered[SAMPLE] = sample_document()
    return rendered


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("REPORTGEN_ARTEFACTS")
    if not configured:
        return tmp_path_factory.mktemp("web-artefacts")
    folder = Path(configured)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def markup(documents: dict[str, Document], example: str, form: str) -> str:
    """The standalone page, or the fragment pasted into the host page."""
    if form == "page":
        return write_html(documents[example])
    return HOST_PAGE.format(fragment=write_html(documents[example], fragment=True))


# Profile text that would run or load something if it were not escaped.
HOSTILE = '<script>window.pwned=1</script>"><img src=x onerror="window.pwned=1">{{ 7*7 }}'


def sample_document() -> Document:
    """What no example has yet: every metadata field, a wide table, all four heading levels, hostile text."""
    header = ("项目", "新收", "办结", "维持", "驳回", "撤销", "变更", "确认违法", "责令履行", "纠错率")
    rows = (
        ("行政复议", "32", "30", "18", "4", "4", "1", "2", "1", "26.67%"),
        ("行政诉讼（一审）", "12", "11", "—", "7", "2", "0", "1", "1", "36.36%"),
    )
    blocks = (
        Paragraph("2024年，我县坚持以习近平法治思想为指导，全面推进法治政府建设。现将有关情况报告如下：", stock=True),
        Heading(1, "主要举措和成效", number="一、", anchor="s1"),
        Heading(2, "健全行政复议和应诉工作体系", number="（一）", anchor="s1-1"),
        Paragraph("全年新收行政复议案件32件，办结30件，纠错率26.67%。", lead="发挥行政复议化解行政争议主渠道作用。"),
        Table("表1 2024年行政复议和行政诉讼案件情况", header, rows),
        Heading(3, "规范性文件管理", number="1.", anchor="s1-1-1"),
        Heading(4, "清理情况", number="（1）", anchor="s1-1-1-1"),
        Enumeration(
            (
                EnumerationItem("强化组织领导", "成立领导小组", number="一是"),
                EnumerationItem("加强学法", "开展常务会学法4次", number="二是"),
            ),
            intro="主要做法：",
            inline=True,
        ),
        Paragraph(HOSTILE),
        Heading(1, "存在的不足和原因", number="二、", anchor="s2"),
        Enumeration((EnumerationItem("法治意识有待提高", "部分干部学法不够深入。", number="一是"),), intro="主要有："),
        Signature(("中共某某县委员会", "某某县人民政府"), dt.date(2025, 3, 12)),
    )
    metadata = Metadata(
        index_number="11620300013909010R/2025-48086",
        topic="综合政务\\政务公开",
        publisher="某某县人民政府",
        document_number="某政发〔2025〕3号",
        signed_on=dt.date(2025, 3, 12),
        published_on=dt.date(2025, 3, 20),
        keywords=("法治政府建设", "年度报告"),
        description="某某县2024年法治政府建设年度报告",
    )
    return Document(HOSTILE + "某某县2024年法治政府建设年度报告", blocks, metadata)


# --- one visit to a page -----------------------------------------------------------------------


@dataclass
class Visit:
    page: Any
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations")

    def scroll_width(self) -> tuple[int, int]:
        return tuple(
            self.page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        )


def visit(browser: Any, html: str, width: int = 1280, height: int = 900) -> Visit:
    """Open `html` as URL in a fresh context, recording requests, console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    page = context.new_page()
    seen = Visit(page)
    page.on("console", lambda message: message.type == "error" and seen.console_errors.append(message.text))
    page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
    page.add_init_script(CSP_RECORDER)

    def answer(route: Any) -> None:
        seen.requests.append(route.request.url)
        if route.request.url == URL:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
        else:
            route.abort()

    page.route("**/*", answer)
    page.goto(URL, wait_until="load")
    return seen


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Visit]]:
    """`visit` for one test; the contexts it opened are closed after the test."""
    visits: list[Visit] = []

    def open_one(html: str, **viewport: int) -> Visit:
        visits.append(visit(browser, html, **viewport))
        return visits[-1]

    yield open_one
    for seen in visits:
        seen.page.context.close()


# --- the checks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("example", "form"), CASES)
def test_loads_with_no_request_no_console_error_and_no_policy_violation(open_page, documents, example, form):
    seen = open_page(markup(documents, example, form))

    assert seen.requests == [URL]
    assert seen.console_errors == []
    assert seen.page_errors == []
    assert seen.csp_violations() == []
    if form == "page":
        assert seen.page.evaluate("document.scripts.length") == 0
        policy = seen.page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert policy == "default-src 'none'; style-src 'unsafe-inline'"


def test_the_checks_catch_a_stray_request_and_a_policy_violation(open_page, documents):
    """The load test above cannot pass by accident: the same page with an image from elsewhere fails it."""
    stray = '<img src="https://example.invalid/x.png" alt="x">'
    page = write_html(documents[EXAMPLES[0]]).replace("</article>", stray + "</article>")
    fragment = HOST_PAGE.format(fragment=stray)

    with_policy = open_page(page)
    without_policy = open_page(fragment)

    assert with_policy.requests == [URL]  # the policy stopped it before any request
    assert [v.split()[0] for v in with_policy.csp_violations()] == ["img-src"]
    assert with_policy.console_errors
    assert without_policy.requests == [URL, "https://example.invalid/x.png"]


@pytest.mark.parametrize(("example", "form"), CASES)
def test_axe_core_finds_no_wcag_2_1_a_or_aa_violation(open_page, documents, axe_source, example, form):
    seen = open_page(markup(documents, example, form))
    seen.page.evaluate(axe_source)
    results = seen.page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )

    violations = [(v["id"], v["help"], [node["target"] for node in v["nodes"]]) for v in results["violations"]]
    assert violations == []
    # axe did look: these rules apply to every page (and the next two to every table) and passed.
    passed = {rule["id"] for rule in results["passes"]}
    assert {"color-contrast", "valid-lang", "meta-viewport"} <= passed
    if seen.page.locator(".reportgen table").count():
        assert {"td-headers-attr", "th-has-data-cells"} <= passed


@pytest.mark.parametrize(("example", "form"), CASES)
def test_text_reflows_at_360_and_320px_and_at_200_percent_zoom(open_page, documents, example, form):
    seen = open_page(markup(documents, example, form), width=360, height=780)
    phone = seen.scroll_width()
    seen.page.set_viewport_size({"width": 320, "height": 640})  # WCAG 2.1 1.4.10 Reflow: 320 CSS px
    small_phone = seen.scroll_width()
    seen.page.set_viewport_size({"width": 640, "height": 450})  # 1280 × 900 at 200 % zoom
    zoomed = seen.scroll_width()
    seen.page.set_viewport_size({"width": 1280, "height": 900})
    body_size = "parseFloat(getComputedStyle(document.querySelector('.reportgen p')).fontSize)"
    normal = seen.page.evaluate(body_size)
    seen.page.evaluate("document.documentElement.style.fontSize = '200%'")  # the reader's text size setting

    assert phone == (360, 360)
    assert small_phone == (320, 320)
    assert zoomed == (640, 640)
    assert normal >= 16
    assert seen.page.evaluate(body_size) == 2 * normal  # sizes in rem follow the reader's setting
    assert seen.scroll_width() == (1280, 1280)


def _expected_number(tag: str, n: int) -> str:
    return {"h2": f"{NUMERALS[n - 1]}、", "h3": f"（{NUMERALS[n - 1]}）", "h4": f"{n}.", "h5": f"（{n}）"}[tag]


@pytest.mark.parametrize(("example", "form"), CASES)
def test_headings_are_numbered_in_order_and_match_the_document(open_page, documents, example, form):
    seen = open_page(markup(documents, example, form))
    headings = seen.page.evaluate(
        "[...document.querySelectorAll('.reportgen :is(h1,h2,h3,h4,h5,h6)')].map(h => [h.tagName.toLowerCase(), h.innerText, h.id])"
    )

    assert [tag for tag, _, _ in headings].count("h1") == 1
    assert headings[0][0] == "h1"
    counters = {"h2": 0, "h3": 0, "h4": 0, "h5": 0}
    for tag, text, _ in headings[1:]:
        counters[tag] += 1
        for deeper in [t for t in counters if t > tag]:
            counters[deeper] = 0
        assert text.startswith(_expected_number(tag, counters[tag])), (tag, text)
    assert [text for _, text, _ in headings[1:]] == [h.label for h in documents[example].headings]
    ids = [anchor for _, _, anchor in headings[1:]]
    assert all(ids) and len(set(ids)) == len(ids)


@pytest.mark.parametrize("example", REPORTS)
def test_table_of_contents_links_jump_to_their_headings(open_page, documents, example):
    seen = open_page(markup(documents, example, "page"), width=375, height=700)
    links = seen.page.locator("nav.toc a")
    level_1_and_2 = [h for h in documents[example].headings if h.level <= 2]
    if len(level_1_and_2) <= TOC_MIN_HEADINGS:
        assert links.count() == 0
        return
    last = links.nth(links.count() - 1)
    target = last.get_attribute("href")
    last.click()

    assert links.count() == len(level_1_and_2)
    assert seen.page.evaluate("location.hash") == target
    top = seen.page.evaluate(f"document.getElementById({target[1:]!r}).getBoundingClientRect().top")
    assert 0 <= top < 700  # scrolled to, below the scroll margin


def _pdf_lines(pdf: Any, number: int) -> list[str]:
    page = pdf[number]
    lines = [
        (line["bbox"][1], "".join(span["text"] for span in line["spans"]).strip())
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", [])
    ]
    return [text for _, text in sorted(lines) if text]


@pytest.mark.parametrize("example", REPORTS)
def test_prints_on_a4_with_page_numbers_and_never_strands_a_heading(open_page, documents, artefacts, example):
    pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF is not installed")
    seen = open_page(markup(documents, example, "page"))
    data = seen.page.pdf(prefer_css_page_size=True, print_background=True)
    (artefacts / f"{example}.pdf").write_bytes(data)
    pdf = pymupdf.open(stream=data, filetype="pdf")
    seen.page.emulate_media(media="print")
    hidden = seen.page.evaluate(
        "[...document.querySelectorAll('.reportgen .meta, .reportgen .toc')].map(e => getComputedStyle(e).display)"
    )
    headings = [heading.label for heading in documents[example].headings]

    assert pdf.page_count >= 2
    for page in pdf:
        assert (round(page.rect.width * 25.4 / 72), round(page.rect.height * 25.4 / 72)) == A4_MM
    assert set(hidden) <= {"none"}
    for number in range(pdf.page_count):
        lines = _pdf_lines(pdf, number)
        assert lines[0] == f"— {number + 1} —" or lines[-1] == f"— {number + 1} —", lines  # GB/T 9704 7.5
        body = [line for line in lines if line != f"— {number + 1} —"]
        if number < pdf.page_count - 1:
            assert not any(body[-1] in heading for heading in headings), (number + 1, body[-1])


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("example", REPORTS)
def test_screenshots_at_1280_and_375px_are_kept_as_artefacts(open_page, documents, artefacts, example):
    seen = open_page(markup(documents, example, "page"), width=1280, height=900)
    for width in (1280, 375):
        seen.page.set_viewport_size({"width": width, "height": 900})
        path = artefacts / f"{example}-{width}.png"
        seen.page.screenshot(path=str(path), full_page=True)

        shot_width, shot_height = _png_size(path)
        assert shot_width == width
        assert shot_height > 900  # the whole report, not one screen


HOST_STYLE = """() => [...document.querySelectorAll('body, header p, footer p, footer td')].map(e => {
  const s = getComputedStyle(e);
  return [e.tagName, s.fontFamily, s.fontSize, s.lineHeight, s.color, s.textIndent, s.textAlign, s.margin, s.padding];
})"""


def test_the_fragment_changes_nothing_on_the_host_page(open_page, documents):
    expected = open_page(HOST_PAGE.format(fragment="")).page.evaluate(HOST_STYLE)

    for example in EXAMPLES:
        with_report = open_page(markup(documents, example, "fragment"))
        assert with_report.page.evaluate(HOST_STYLE) == expected, example
        assert with_report.page.locator("article.reportgen h1").count() == 1, example


@pytest.mark.parametrize("form", FORMS)
def test_hostile_text_stays_text_and_a_wide_table_scrolls_in_its_own_box(open_page, documents, form):
    seen = open_page(markup(documents, SAMPLE, form), width=360)
    wrapper = seen.page.locator(".table-wrap")

    assert seen.page.evaluate("window.pwned") is None
    assert seen.page.locator("img, script").count() == 0
    handlers = "[...document.querySelectorAll('*')].flatMap(e => e.getAttributeNames()).filter(n => n.startsWith('on'))"
    assert seen.page.evaluate(handlers) == []
    assert HOSTILE in seen.page.locator(".reportgen p").all_inner_texts()
    assert seen.page.locator(".reportgen h1").inner_text() == documents[SAMPLE].title
    assert seen.scroll_width() == (360, 360)
    scroll_width, client_width = wrapper.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll_width > client_width  # the table is wider than a phone, and scrolls inside its box
