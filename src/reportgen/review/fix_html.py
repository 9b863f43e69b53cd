"""`check --fix` for a web page: the same source, only the corrected characters changed in its
text, in the page's own encoding; tags, attributes, scripts and the rest stay byte for byte."""

from __future__ import annotations

import codecs

from reportgen.reader.lines import RawLine
from reportgen.reader.model import ReadReport
from reportgen.review.fix import Origin, placed_edits
from reportgen.review.model import Correction

# As reader.decode tells them apart; UTF-32's marks first, as they begin with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def html_copy(
    read: ReadReport, plan: dict[int, list[Correction]]
) -> tuple[bytes | None, list[Correction], list[Correction]]:
    """The corrected page's bytes (None when nothing could be placed), the corrections made, those left."""
    from reportgen.reader.decode import declared_charset
    from reportgen.reader.html import mapped_page_lines, page_lines

    every = [correction for number in sorted(plan) for correction in plan[number]]
    raw = read.source.read_bytes()
    mark, encoding = next(((bom, name) for bom, name in _BOMS if raw.startswith(bom)), (b"", read.encoding))
    markup = _decoded(raw[len(mark) :], encoding)
    if markup is None:
        return None, [], every
    lines = mapped_page_lines(markup)
    if [line.text for line in lines] != [line.text for line in page_lines(markup)]:
        return None, [], every  # the two parses disagree: no character's place can be trusted
    edits, placed, left = placed_edits(read, plan, lines, _line_chars)
    declared = declared_charset(raw)
    for (start, end), replacement in sorted(edits, reverse=True):
        markup = markup[:start] + _written(replacement, encoding, declared) + markup[end:]
    return (mark + markup.encode(encoding) if placed else None), placed, left


def _decoded(raw: bytes, encoding: str) -> str | None:
    """The page as text, only if writing it back gives the same bytes (so all else stays as it was)."""
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if text.encode(encoding) == raw else None


def _line_chars(line: RawLine) -> tuple[str, list[Origin]] | None:
    from reportgen.reader.html import MappedText

    source = line.source
    return (source.text, list(source.spans)) if isinstance(source, MappedText) else None


def _written(text: str, encoding: str, declared: str | None) -> str:
    """`text` as the page can hold it: a character its declared charset lacks as a &#…; reference."""
    for name in {encoding, declared or encoding}:
        try:
            text.encode(name)
        except UnicodeEncodeError:
            return "".join(f"&#{ord(char)};" for char in text)
        except LookupError:
            continue
    return text
