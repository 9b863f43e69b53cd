"""`reportgen import`: a published report (read by reportgen.reader) mapped onto a profile.

outline.py   title, 主送, preamble, the parts (一、…) and their roles, signature and date
tree.py      inside a part: the numbered levels as a tree, run-in 一是 items, repaired gaps
sections.py  the trees as the profile's sections; ledger.py and figures.py the figures in them
profile.py   all of it as ruamel data with `# 自动识别，请核对` comments, and the summary
settle.py    guesses the profile rejects are withdrawn until it validates

new_year.py  `reportgen new --from`: last year's profile as next year's draft
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.importer.summary import ImportSummary

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

__all__ = ["ImportSummary", "import_profile"]


def import_profile(source: Path) -> tuple[CommentedMap, ImportSummary]:
    """The profile data and summary for a report file (FileProblem when it cannot be read as one)."""
    from reportgen.importer.profile import profile_from
    from reportgen.reader import read_report

    return profile_from(read_report(source))
