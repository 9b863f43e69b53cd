"""Document → plain text: for proofreading, diffs, and the golden files of the tests."""

from __future__ import annotations

from reportgen.document import Document, Enumeration, Heading, Paragraph, Signature, Table


def write_text(document: Document) -> str:
    lines = ["\n".join(document.title_lines) or document.title, ""]
    if document.addressee:
        lines.append(document.addressee)
    for block in document.blocks:
        lines.extend(_block_lines(block))
    return "\n".join(lines).rstrip() + "\n"


def _block_lines(block: object) -> list[str]:
    # Placeholders need no marker here: their text is the visible prompt 【待填写：……】.
    if isinstance(block, Heading):
        return [f"{'  ' * (block.level - 1)}{block.label}"]
    if isinstance(block, Paragraph):
        return [f"{block.lead}{block.text}"]
    if isinstance(block, Enumeration):
        return ["".join(text for text, _ in runs) for runs in block.paragraph_runs()]
    if isinstance(block, Table):
        rows = [" | ".join(block.header), *(" | ".join(row) for row in block.rows)]
        return [block.caption, *rows]
    if isinstance(block, Signature):
        bodies = block.bodies or ((block.missing_bodies,) if block.missing_bodies else ())
        date = block.date_text or block.missing_date
        return ["", *(f"{body:>30}" for body in bodies), *([f"{date:>30}"] if date else [])]
    return []
