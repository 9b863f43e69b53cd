"""Document → plain text: for proofreading, diffs, and the golden files of the tests."""

from __future__ import annotations

from reportgen.document import Document, Enumeration, Heading, Paragraph, Signature, Table


def write_text(document: Document) -> str:
    lines = ["\n".join(document.title_lines) or document.title, ""]
    for block in document.blocks:
        lines.extend(_block_lines(block))
    return "\n".join(lines).rstrip() + "\n"


def _block_lines(block: object) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'  ' * (block.level - 1)}{block.label}"]
    if isinstance(block, Paragraph):
        marker = "【模板文字】" if block.stock else ""
        return [f"{marker}{block.lead}{block.text}"]
    if isinstance(block, Enumeration):
        return _enumeration_lines(block)
    if isinstance(block, Table):
        rows = [" | ".join(block.header), *(" | ".join(row) for row in block.rows)]
        return [block.caption, *rows]
    if isinstance(block, Signature):
        return ["", *(f"{body:>30}" for body in block.bodies), f"{block.date_text:>30}"]
    return []


def _enumeration_lines(block: Enumeration) -> list[str]:
    if block.inline:
        return [block.inline_text]
    return ([block.intro] if block.intro else []) + [item.run_in_text for item in block.items]
