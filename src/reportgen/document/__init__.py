"""The format-neutral document between templates and writers (data types and numbering)."""

from reportgen.document.model import (
    Block,
    Document,
    Enumeration,
    EnumerationItem,
    FontNames,
    Heading,
    Metadata,
    PageLayout,
    Paragraph,
    Signature,
    Table,
)

__all__ = [
    "Block",
    "Document",
    "Enumeration",
    "EnumerationItem",
    "FontNames",
    "Heading",
    "Metadata",
    "PageLayout",
    "Paragraph",
    "Signature",
    "Table",
]
