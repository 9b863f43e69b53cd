"""The starter profile: a Chinese comment above every field, valid as generated."""

from __future__ import annotations

import re

import pytest

from reportgen.api import create_starter_profile
from reportgen.starter import starter_profile_text
from reportgen.validate import validate_file

KEY_LINE = re.compile(r"^(?P<indent>\s*)(?:- )?(?P<key>[a-z_]+):")


@pytest.mark.parametrize("level", ["乡镇", "县", "地区", "省", "部门"])
def test_starter_validates_with_warnings_only(tmp_path, level):
    path = tmp_path / "p.yaml"
    path.write_text(starter_profile_text("示例", level, 2024, schema_ref="s.json"), encoding="utf-8")
    result = validate_file(path)
    assert result.errors == []
    assert result.warnings  # the parts still empty are named


def test_every_live_field_has_a_chinese_comment_above_it():
    lines = starter_profile_text("土城子乡", "乡镇", 2024, schema_ref="s.json").splitlines()
    for number, line in enumerate(lines):
        match = KEY_LINE.match(line)
        if not match or match["key"] == "area":
            continue
        above = lines[number - 1].strip()
        assert above.startswith("# ") and re.search(r"[\u4e00-\u9fff]", above), (number + 1, line)


def test_uncommenting_the_examples_gives_valid_yaml(tmp_path):
    lines = starter_profile_text("土城子乡", "乡镇", 2024, schema_ref="s.json").splitlines()
    wanted = ("measures:", "  - title:", "    text:", "figures:", "  study:", "    standing_meeting_sessions:")
    first_area = lines.index("    - area: rule_of_law_thought")
    uncommented = []
    for number, line in enumerate(lines):
        rest = line.removeprefix("      # ")
        # Do what the clerk is told: delete the "# " in front of the example lines.
        if number > first_area and rest != line and rest.startswith(wanted) and len(uncommented) < len(lines):
            line = "      " + rest
        uncommented.append(line)
        if line.startswith("    - area: government_functions"):
            first_area = len(lines)  # only the first area's examples
    text = "\n".join(uncommented).replace("standing_meeting_sessions:  #", "standing_meeting_sessions: 15  #", 1)
    path = tmp_path / "p.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    result = validate_file(path)
    assert result.errors == []
    [group] = result.report.groups
    assert group.key == "study" and group.figures["standing_meeting_sessions"].value == 15


def test_last_years_file_is_named_as_init_names_it(tmp_path):
    [written, _schema] = create_starter_profile("土城子乡", "乡镇", 2024, tmp_path)
    lines = written.read_text(encoding="utf-8").splitlines()

    assert written.name == "土城子乡-2024.yaml"
    assert lines[lines.index("# last_year:") + 1] == (
        "#   profile: 土城子乡-2023.yaml  # 去年的资料文件：去年用 init 生成的就是 土城子乡-2023.yaml；"
        "不在同一文件夹时写相对于本文件的路径"
    )
