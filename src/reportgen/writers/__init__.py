"""Stage 5, write: the numbered document model → the bytes of each output format.

In: a `reportgen.document.Document` (never the profile) and `WriteOptions`.
Out: bytes — `.docx` (docx.py over reference.docx, with the raw-XML helpers in docx_oxml.py),
publication `.html` (html.py), plain `.txt` for proofreading and goldens (text.py), and `.pdf`
through LibreOffice (pdf.py, with the free font stand-ins of fonts.py and fonts.conf).
Each writer is imported only when its format is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportgen.document import Document


@dataclass(frozen=True)
class WriteOptions:
    fragment: bool = False  # HTML: the article only, for pasting into a CMS
    toc: bool | None = None  # HTML table of contents: None lets the writer decide by length
    final: bool = False  # refuse to write a report that still holds a placeholder


def _docx(document: Document, options: WriteOptions) -> bytes:
    from reportgen.writers.docx import write_docx

    return write_docx(document)


def _html(document: Document, options: WriteOptions) -> bytes:
    from reportgen.writers.html import write_html

    return write_html(document, fragment=options.fragment, toc=options.toc).encode("utf-8")


def _pdf(document: Document, options: WriteOptions) -> bytes:
    from reportgen.writers.pdf import docx_to_pdf

    return docx_to_pdf(_docx(document, options))


def _txt(document: Document, options: WriteOptions) -> bytes:
    from reportgen.writers.text import write_text

    return write_text(document).encode("utf-8")


WRITERS: dict[str, Callable[[Document, WriteOptions], bytes]] = {"docx": _docx, "html": _html, "txt": _txt, "pdf": _pdf}


def write(document: Document, extension: str, options: WriteOptions) -> bytes:
    """The document in one format ("docx", "html", "txt", "pdf")."""
    return WRITERS[extension](document, options)
