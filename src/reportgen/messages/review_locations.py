"""Where a finding of `reportgen check` or of build's proofreading was written in a profile."""

from __future__ import annotations


def written_at(where: str, file: str, line: int, column: int | None) -> str:
    """`where` is the paragraph ("第 5 段（“…”下）"); then the profile's line and column, as the
    profile checks print them, so an editor opens the file there."""
    at = f"{file}:{line}:{column}" if column is not None else f"{file}:{line}"
    return f"{where}，见 {at}"


def written_by_template(where: str) -> str:
    return f"{where}，这处文字由模板生成（编号、标题或根据数字写出的句子），资料文件中没有"
