"""What `reportgen check --fix` tells the clerk: the copy written, each correction in it, and what it left alone."""

from __future__ import annotations

from pathlib import Path


def fix_change(paragraph: int, found: str, replacement: str, excerpt: str) -> str:
    where = f"第 {paragraph} 段" if paragraph else "标题"
    return f"  {where}：“{found}”改为“{replacement}”  {excerpt}"


def fix_left(paragraphs: list[int], count: int) -> str:
    where = "、".join("标题" if number == 0 else f"第 {number} 段" for number in paragraphs)
    return (
        f"另有 {count} 处没有改：{where}在文件中的文字与读出的文字对不上（例如有域、修订或特殊字符），"
        "为免改错，这些段落在副本中原样保留，请手工改正"
    )


def fix_nothing() -> str:
    return "没有可以自动改正的标点，没有另存副本。"


def fix_profile_note(profile: Path) -> str:
    return (
        f"副本是资料文件生成的正文，资料文件 {profile} 本身没有改动：请照以上各处在资料文件中改正，"
        "否则重新生成时问题仍在"
    )


def fix_copy_exists(path: Path) -> str:
    return f"{path} 已存在，为免覆盖您在副本中改过的内容，没有写入；如确需重新生成副本，请加 --force"


def fix_copy_is_input(path: Path) -> str:
    return f"{path} 就是要校对的文件本身（或指向它），副本不能写在它上面，没有写入"
