"""Document → publication HTML: one self-contained page, or a fragment to paste into a site's CMS.

The page is what the 政府信息公开 column shows (DOMAIN_NOTES §3): the metadata block, one `<h1>`, a table of
contents for long reports, the body with numbered headings kept as text, and the 署名 and 成文日期; its head
carries the same metadata for site search. It makes no request of its own: no script, no web font, no external
stylesheet, no image, and its Content-Security-Policy forbids them all. Every piece of text is escaped here,
whatever produced it; the model promises clean text, but a page on a government site is not the place to trust that.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

from reportgen.document.markup import XML_FORBIDDEN_CHARACTERS
from reportgen.document.model import (
    Block,
    Document,
    Enumeration,
    Heading,
    Metadata,
    Paragraph,
    Signature,
    Table,
)
from reportgen.document.numbering import outline_anchors
from reportgen.document.signature import RIGHT_SPACE, date_is_longer
from reportgen.document.title import title_phrases

# Characters XML 1.0 forbids, plus what HTML calls parse errors in text: C1 controls and noncharacters
# (U+FDD0–FDEF and the last two code points of every plane). Lone surrogates would make the page
# unencodable as UTF-8.
_NONCHARACTERS = "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
_SURROGATE = re.compile("[\ud800-\udfff]")
_FORBIDDEN = re.compile(f"[{XML_FORBIDDEN_CHARACTERS}\x7f-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]")

# DOMAIN_NOTES §3.2: the 政府信息公开 fields reportgen prints, in page order (gov.cn 政策文件库 order).
_METADATA_FIELDS = (
    ("索引号", "index_number"),
    ("主题分类", "topic"),
    ("发布机构", "publisher"),
    ("成文日期", "signed_on"),
    ("发文字号", "document_number"),
    ("发布日期", "published_on"),
)

# Every selector sits under .reportgen, so the fragment's stylesheet changes nothing else on a CMS page.
# GB/T 37668-2019 and the 适老化 rules (DOMAIN_NOTES §3.3): body text 18px (≥ 16px, in rem so that the reader's
# text size setting scales it), line-height 1.8, contrast ≥ 4.5:1 (#1a1a1a on #fff ≈ 17:1, #555 ≈ 7:1, links
# #0b4ea2 ≈ 8:1 and underlined, so never told by colour alone), a visible focus ring, and no fixed widths: the
# text reflows down to 320px and at 200% zoom; a wide table scrolls inside its own box. Headings and paragraphs
# start 2 characters in (GB/T 9704 7.3.3); h2's 1.8em of 1.25rem is 2em of the 1.125rem body.
# On a phone paragraphs are not justified: a line that ends before an unbreakable run (《2023年…) would be
# stretched into wide gaps; and a table's caption starts where the reader sees it, not in the middle of a table
# that scrolls sideways.
# The title keeps every word whole (keep-all: no break between two characters unless a <wbr> allows it, see
# _title); only a phrase wider than the line breaks anywhere. The clerk's title lines need a line as wide
# as the printed one, 20 字 of 二号 in the 156 mm type area: 20 × 1.75rem + the padding is 37em; on narrower
# screens their <br> gives way to the phrase breaks, and text-wrap:balance evens the lines out.
# Headings wrap "pretty", so a phone never leaves one character of a heading alone on its last line (…全面领｜导).
# The signature's block is as wide as its longest line (see _signature; the 2 字 spaces are inline styles).
# Print (GB/T 9704 5.2.2, 7.3): body 仿宋 16pt (三号) on a 28pt line, title 22pt (二号), headings kept with the
# text that follows them; the metadata block and the table of contents are screen furniture and are left out,
# and links print as plain text (no URL is ever added after them).
_SCOPED_CSS = """\
.reportgen{box-sizing:border-box;max-width:42em;margin:0 auto;padding:1.5rem 1rem 3rem;color:#1a1a1a;\
background:#fff;font-family:"FangSong","仿宋","STFangsong",serif;font-size:1.125rem;line-height:1.8;\
overflow-wrap:break-word}
.reportgen *,.reportgen *::before,.reportgen *::after{box-sizing:inherit}
.reportgen .meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(15rem,100%),1fr));\
gap:.2rem 1.5rem;margin:0 0 2rem;padding:.75rem 1rem;border:1px solid #d0d0d0;background:#f7f7f7;\
font-family:sans-serif;font-size:1rem;line-height:1.6}
.reportgen .meta div{display:flex;gap:.5em;min-width:0}
.reportgen .meta dt{flex:none;color:#555}
.reportgen .meta dt::after{content:"："}
.reportgen .meta dd{min-width:0;margin:0;overflow-wrap:anywhere}
.reportgen h1{margin:0 0 1.5em;font-family:"方正小标宋简体","FZXiaoBiaoSong-B05S","SimHei","黑体",sans-serif;\
font-size:1.75rem;font-weight:normal;line-height:1.5;text-align:center;text-wrap:balance;word-break:keep-all;\
overflow-wrap:anywhere}
.reportgen h1 .spaced{white-space:pre}
.reportgen h2,.reportgen h3,.reportgen h4,.reportgen h5{margin:1.2em 0 .4em;scroll-margin-top:1rem;\
font-size:1.125rem;font-weight:normal;line-height:1.6;text-indent:2em;text-wrap:pretty}
.reportgen .r1{font-family:"SimHei","黑体","STHeiti",sans-serif;font-size:1.25rem;text-indent:1.8em}
.reportgen .r2{font-family:"KaiTi","楷体","STKaiti",serif}
.reportgen .addressee{text-indent:0;text-align:start}
.reportgen mark{background:#ffeb3b;color:#1a1a1a}
.reportgen p{margin:0 0 .6em;text-indent:2em;text-align:justify}
.reportgen .lead{font-weight:bold}
.reportgen a{color:#0b4ea2;text-decoration:underline}
.reportgen a:focus-visible,.reportgen summary:focus-visible,.reportgen .table-wrap:focus-visible{\
outline:3px solid #1a1a1a;outline-offset:2px}
.reportgen .toc{margin:0 0 2rem;padding:.75rem 1rem;border:1px solid #d0d0d0;font-size:1rem;line-height:1.6}
.reportgen .toc summary{cursor:pointer;font-weight:bold}
.reportgen .toc ol{margin:0;padding:0;list-style:none}
.reportgen .toc details>ol{margin-top:.3em}
.reportgen .toc ol ol{padding-left:2em}
.reportgen .toc li{margin:.2em 0}
.reportgen .table-wrap{margin:1em 0;overflow-x:auto}
.reportgen table{min-width:100%;border-collapse:collapse;font-size:1rem;line-height:1.6}
.reportgen caption{padding:.3em 0;font-weight:bold}
.reportgen th,.reportgen td{padding:.35em .6em;border:1px solid #767676;text-align:center}
.reportgen th{background:#f0f0f0;white-space:nowrap}
.reportgen .signature{width:fit-content;margin:2em 0 0 auto}
.reportgen .signers{width:fit-content}
.reportgen .signature p{margin:0;text-indent:0;text-align:right}
.reportgen .signature .date{text-align:left;white-space:nowrap}
@media (max-width:480px){.reportgen{padding:1rem .75rem 2rem}.reportgen h1{font-size:1.5rem}\
.reportgen p,.reportgen caption{text-align:start}}
@media screen and (max-width:37em){.reportgen h1 br{display:none}}
@media print{.reportgen{max-width:none;padding:0;color:#000;background:none;\
font-family:"FangSong_GB2312","仿宋_GB2312","FangSong","仿宋","STFangsong",serif;font-size:16pt;line-height:28pt}\
.reportgen .meta,.reportgen .toc{display:none}\
.reportgen h1{margin:0 0 28pt;font-size:22pt;line-height:35pt;break-after:avoid}\
.reportgen h2,.reportgen h3,.reportgen h4,.reportgen h5{margin:0;font-size:16pt;line-height:28pt;text-indent:2em;\
break-after:avoid;break-inside:avoid}\
.reportgen p{margin:0;orphans:2;widows:2}.reportgen a{color:inherit;text-decoration:none}\
.reportgen .table-wrap{overflow:visible}.reportgen caption{break-after:avoid}.reportgen tr{break-inside:avoid}\
.reportgen th{background:none;white-space:normal}.reportgen .signature{margin-top:28pt;break-inside:avoid}}
"""

# Only in the standalone page: these reach outside the article.
# GB/T 9704-2012 5.2.1: A4, 天头 37 mm, 订口 28 mm, type area 156 × 225 mm → right 26 mm, bottom 35 mm.
# 7.5: the page number "— 1 —" under the type area, 4号 (14pt) 宋体. Browsers that draw margin boxes (Chromium
# 131 and later) then leave out their own header and footer, the page's address and the date.
_PAGE_CSS = """\
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#1a1a1a}
@page{size:A4;margin:37mm 26mm 35mm 28mm;\
@bottom-center{content:"— " counter(page) " —";font-family:"SimSun","宋体",serif;font-size:14pt}}
"""

# The standalone page may load nothing and run nothing; only its own inline <style> applies.
_CSP = "default-src 'none'; style-src 'unsafe-inline'"

# A table of contents by default when a report has more than this many 一、 and （一） headings: the
# examples have 9 to 17; a dozen is about where a reader on a phone loses the outline.
TOC_MIN_HEADINGS = 12

# Single characters with spaces between them: a letter-spaced word (报  告, GB/T 9704 7.3.1's 梯形 title).
_LETTER_SPACED = re.compile(r"\S(?:[ \u3000]+\S)+")


def write_html(document: Document, *, fragment: bool = False, toc: bool | None = None) -> str:
    """The report as a standalone HTML page, or (`fragment=True`) as a `<style>` plus one `<article>`.

    The fragment's stylesheet is scoped under `.reportgen` and carries no page rules, so pasting it
    into a CMS changes nothing outside the article. `toc` adds a table of contents (目录) of the 一、
    and （一） headings; by default (None) only when there are more than TOC_MIN_HEADINGS of them.
    """
    if toc is None:
        toc = sum(1 for heading in document.headings if heading.level <= 2) > TOC_MIN_HEADINGS
    article = _article(document, toc=toc)
    if fragment:
        return f"<style>\n{_SCOPED_CSS}</style>\n{article}\n"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="zh-CN">',
            "<head>",
            *_head(document),
            "</head>",
            "<body>",
            "<main>",
            article,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _head(document: Document) -> list[str]:
    return [
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(document.title)}</title>",
        *(f'<meta name="{name}" content="{_text(value)}">' for name, value in _search_metadata(document) if value),
        f"<style>\n{_PAGE_CSS}{_SCOPED_CSS}</style>",
    ]


def _search_metadata(document: Document) -> list[tuple[str, str]]:
    """The <meta> names site search reads (DOMAIN_NOTES §3.2), each with its value or "".

    ArticleTitle, PubDate and ContentSource are the names Chinese government sites' CMSs write into every
    article page, and what their site search, 统一检索 and crawlers read for title, publication date and
    source; PubDate is YYYY-MM-DD (those sites add a time, which the profile does not have). description,
    keywords and author (the 发布机构) are HTML's standard names, read by every other search engine.
    """
    meta = document.metadata
    published = _iso_date(meta.published_on) if meta.published_on else ""
    publisher = _clean(meta.publisher).strip()
    return [
        ("ArticleTitle", _clean(document.title).strip()),
        ("PubDate", published),
        ("ContentSource", publisher),
        ("author", publisher),
        ("description", _clean(meta.description).strip()),
        ("keywords", ",".join(k for k in (_clean(k).strip() for k in meta.keywords) if k)),
    ]


def _article(document: Document, *, toc: bool) -> str:
    anchors = _heading_ids(document.blocks)
    parts = [
        '<article class="reportgen" lang="zh-CN">',
        *_metadata_block(document.metadata),
        _title(document),
        *_addressee(document.addressee),
        *(_toc(document.headings, anchors) if toc else []),
        *_body(document.blocks, iter(anchors)),
        "</article>",
    ]
    return "\n".join(parts)


def _metadata_block(meta: Metadata) -> list[str]:
    """The 政府信息公开 block: only the fields that have a value (DOMAIN_NOTES §3.2)."""
    rows = []
    for label, name in _METADATA_FIELDS:
        value = getattr(meta, name)
        # DOMAIN_NOTES §5: metadata dates are YYYY-MM-DD, unlike the 成文日期 under the signature.
        shown = _iso_date(value) if isinstance(value, dt.date) else _clean(value or "").strip()
        if shown:
            rows.append(f"<div><dt>{label}</dt><dd>{_text(shown)}</dd></div>")
    if not rows:
        return []
    return ['<dl class="meta">', *rows, "</dl>"]


def _iso_date(value: dt.date) -> str:
    # The date alone, even if a datetime slips in: YYYY-MM-DD, zero-padded.
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _title(document: Document) -> str:
    """The title, never broken inside a word: CSS keeps each run of characters whole (keep-all), and <wbr>
    marks the phrase boundaries (`title_phrases`) where a narrow screen may break it. The clerk's lines
    (title_lines, set for the printed page) end in <br>, which the stylesheet shows wherever a printed
    line fits and drops on narrower screens; the <wbr> before it lets the line flow on there.
    """
    lines = [_clean(line) for line in document.title_lines if _clean(line).strip()] or [_clean(document.title)]
    phrased = ("<wbr>".join(map(_title_phrase, title_phrases(line))) for line in lines)
    return f"<h1>{'<wbr><br>'.join(phrased)}</h1>"


def _title_phrase(phrase: str) -> str:
    # A letter-spaced word, as a two-character last line is set on paper (报  告), is still one word: its
    # spaces are kept as the clerk typed them and never break (white-space:pre).
    if _LETTER_SPACED.fullmatch(phrase):
        return f'<span class="spaced">{_text(phrase)}</span>'
    return _text(phrase)


def _body(blocks: tuple[Block, ...], anchors: Iterator[str]) -> Iterator[str]:
    for block in blocks:
        match block:
            case Heading():
                yield _heading(block, next(anchors))
            case Paragraph():
                yield from _paragraph(block)
            case Enumeration():
                yield from _enumeration(block)
            case Table():
                yield _table(block)
            case Signature():
                yield from _signature(block)
            case _:
                raise TypeError(f"write_html: unknown block {type(block).__name__}")


def _toc(headings: list[Heading], anchors: list[str]) -> list[str]:
    """目录: a link to every 一、 heading, with its （一） headings in a list under it, folded in a <details>.

    Closed on every screen: the page may run no script, and CSS cannot open a <details> on wide screens
    only (::details-content could show a closed one's list, but the summary would still be announced as
    collapsed, and the browsers of many readers ignore it); open, 13 to 20 entries fill a phone's first
    screen, and most of a laptop's. Closed, the first screen shows the title and the text, the 目录 is
    one click, tap or Enter away, and it works unchanged where a CMS drops the stylesheet.
    """
    entries: list[tuple[str, list[str]]] = []  # (link, sub-links) per 一、 heading
    for heading, anchor in zip(headings, anchors, strict=True):
        link = f'<a href="#{_text(anchor)}">{_text(heading.label)}</a>'
        if heading.level == 1 or (heading.level == 2 and not entries):
            entries.append((link, []))
        elif heading.level == 2:
            entries[-1][1].append(link)
    lines = ['<nav class="toc" aria-label="目录">', "<details>", "<summary>目录</summary>", "<ol>"]
    for link, subs in entries:
        nested = "<ol>" + "".join(f"<li>{sub}</li>" for sub in subs) + "</ol>" if subs else ""
        lines.append(f"<li>{link}{nested}</li>")
    return [*lines, "</ol>", "</details>", "</nav>"]


def _heading_ids(blocks: tuple[Block, ...]) -> list[str]:
    """One unique id per heading: its anchor, or its place in the outline ("s1", "s1-2") when it has none.

    Anchors are links people keep, so given anchors win; a generated or repeated one gets a suffix.
    """
    headings = [block for block in blocks if isinstance(block, Heading)]
    given = [re.sub(r"\s+", "-", _clean(h.anchor).strip()) for h in headings]
    used = set(filter(None, given))
    ids = []
    for anchor, place in zip(given, outline_anchors([h.level for h in headings]), strict=True):
        if anchor and anchor not in ids:
            ids.append(anchor)
            continue
        candidate, n = place, 1
        while candidate in used:
            n += 1
            candidate = f"{place}_{n}"
        used.add(candidate)
        ids.append(candidate)
    return ids


def _heading(heading: Heading, anchor: str) -> str:
    # The outline: part → h2, area → h3 …: the title is the page's only h1. The look follows the number's
    # kind (一、 黑体, （一） 楷体, 1. 仿宋) as in the Word file, whatever depth layout.numbering gives it.
    tag = f"h{min(max(heading.level, 1), 4) + 1}"
    rank = min(max(heading.style_level, 1), 4)
    return f'<{tag} id="{_text(anchor)}" class="r{rank}">{_text(heading.label)}</{tag}>'


def _paragraph(paragraph: Paragraph) -> Iterator[str]:
    if paragraph.placeholder:  # 【待填写：……】: marked, as the Word file highlights it
        yield f'<p><mark class="placeholder">{_text(paragraph.text)}</mark></p>'
        return
    if not (paragraph.lead or paragraph.text):
        return
    lead = f'<span class="lead">{_text(paragraph.lead)}</span>' if paragraph.lead else ""
    yield f"<p>{lead}{_text(paragraph.text)}</p>"


def _enumeration(enumeration: Enumeration) -> Iterator[str]:
    """The model's paragraphs of runs (write_docx prints the same): inline, one paragraph "intro一是……；二是……。";
    otherwise the intro, then one paragraph per item; lead phrases bold for all items of a list or for none."""
    for runs in enumeration.paragraph_runs():
        yield (
            "<p>" + "".join(f'<span class="lead">{_text(t)}</span>' if bold else _text(t) for t, bold in runs) + "</p>"
        )


def _addressee(addressee: str) -> list[str]:
    """主送机关: flush left under the title (GB/T 9704-2012 7.2.4)."""
    text = _clean(addressee).strip()
    return [f'<p class="addressee">{_text(text)}</p>'] if text else []


def _table(table: Table) -> str:
    # The wrapper scrolls a wide table sideways on a phone instead of the whole page; tabindex lets a
    # keyboard user scroll it, and the label names the region for screen readers.
    name = _text(table.caption.strip() or "表格")
    parts = [f'<div class="table-wrap" role="region" aria-label="{name}" tabindex="0">', "<table>"]
    if table.caption.strip():
        parts.append(f"<caption>{_text(table.caption.strip())}</caption>")
    if table.header:
        cells = "".join(f'<th scope="col">{_text(cell)}</th>' for cell in table.header)
        parts.append(f"<thead><tr>{cells}</tr></thead>")
    rows = ("<tr>" + "".join(f"<td>{_text(cell)}</td>" for cell in row) + "</tr>" for row in table.rows)
    parts += ["<tbody>", *rows, "</tbody>", "</table>", "</div>"]
    return "\n".join(parts)


def _signature(signature: Signature) -> Iterator[str]:
    """署名 then 成文日期, one line each, placed as the Word file places them (GB/T 9704-2012 7.3.5.2).

    The block is as wide as its longest line and sits 2 字 (em) from the right; the bodies are right-aligned
    in a box as wide as the longest of them, at the block's left, and the date starts 2 字 right of that
    box, i.e. of the signature's first character. Normally the date may reach into the right space
    (margin-right -2em), so the bodies keep it; when the date is longer (decided as for Word, by
    `date_is_longer`), it widens the block, ends 2 字 from the right, and the bodies move left with it.
    The browser measures the text itself, so the fonts it has do not matter. A missing body or date shows
    its placeholder prompt, highlighted, in its place.
    """
    bodies = tuple(body for body in map(_clean, signature.bodies) if body.strip())
    date = _clean(signature.date_text)
    missing_bodies, missing_date = _clean(signature.missing_bodies).strip(), _clean(signature.missing_date).strip()
    mark = '<mark class="placeholder">{}</mark>'
    shown = [_text(body) for body in bodies] or ([mark.format(_text(missing_bodies))] if missing_bodies else [])
    shown_date = _text(date) if date else mark.format(_text(missing_date)) if missing_date else ""
    if not (shown or shown_date):
        return
    space = f"{RIGHT_SPACE}em"
    yield f'<div class="signature" style="padding-right:{space}">'
    if shown:
        yield "\n".join(['<div class="signers">', *(f"<p>{line}</p>" for line in shown), "</div>"])
    if shown_date:
        longer = date_is_longer(bodies or (missing_bodies,), date or missing_date)
        right = "0" if longer else f"-{space}"
        yield f'<p class="date" style="margin-left:{space};margin-right:{right}">{shown_date}</p>'
    yield "</div>"


def _clean(value: object) -> str:
    """Text without characters XML/HTML forbid; surrogate pairs that slipped in apart are joined first."""
    text = str(value)
    if text.isprintable():  # nearly every text: all it removes is unprintable, and this scan is quicker
        return text
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return _FORBIDDEN.sub("", text)


def _text(value: object) -> str:
    """Clean and escape text for element content and quoted attribute values alike."""
    return html.escape(_clean(value), quote=True)
