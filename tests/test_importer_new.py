"""`reportgen new --from`: last year's profile as next year's draft. Structure, titles and
settings kept; texts kept and marked; figures emptied; last year linked so 同比 is computed;
dates, 文号 and 索引号 cleared. The draft validates, with warnings for what is still to fill in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import PROFILES
from reportgen import api
from reportgen.cli.commands import main
from reportgen.errors import FileProblem, InvalidProfile
from test_profiles import EXAMPLES

TEXT_KEYS = {"preamble", "intro", "text", "approach", "goals", "cause"}


@pytest.fixture(params=sorted(EXAMPLES))
def draft(request: pytest.FixtureRequest, tmp_path: Path):
    last = shutil.copy(PROFILES / request.param, tmp_path / request.param)
    created = api.new_from(Path(last))
    return Path(last), created


def _load(path: Path) -> Any:
    return YAML().load(path.read_text(encoding="utf-8"))


def _values(data: Any, key: str) -> list[Any]:
    """Every value stored under `key`, anywhere in the profile."""
    found = []
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                found.append(value)
            found += _values(value, key)
    elif isinstance(data, list):
        for item in data:
            found += _values(item, key)
    return found


def test_the_draft_validates(draft):
    _, created = draft
    assert [d.message for d in created.result.errors] == []
    assert "publication.published_on" in {d.dotted_path() for d in created.result.warnings}


def test_next_year_beside_last_years_profile(draft):
    last, created = draft
    before, after = _load(last), _load(created.path)
    assert created.path == last.parent / f"{before['jurisdiction']['name']}-{before['year'] + 1}.yaml"
    assert after["year"] == before["year"] + 1
    assert after["last_year"] == {"profile": last.name}
    assert after["jurisdiction"] == before["jurisdiction"]
    assert after["layout"]["numbering"] == before.get("layout", {}).get("numbering", after["layout"]["numbering"])


def test_structure_and_titles_kept_texts_kept_and_marked(draft):
    last, created = draft
    before, after = _load(last), _load(created.path)
    for key in ("achievements", "shortcomings", "plans"):
        assert len(_values(after[key], "measures")) == len(_values(before[key], "measures"))
        # the same titles, their years moved on (checked in test_titles_move_on_a_year)
        assert [re.sub(r"\d", "", t) for t in _values(after[key], "title")] == [
            re.sub(r"\d", "", t) for t in _values(before[key], "title")
        ]
    texts = sum(len([v for v in _values(before, key) if isinstance(v, str) and v.strip()]) for key in TEXT_KEYS)
    assert created.todo.texts == texts
    assert created.path.read_text(encoding="utf-8").count("# 去年的内容，请改写") == texts


def test_figures_emptied_and_publication_dates_cleared(draft):
    _, created = draft
    after = _load(created.path)
    for figures in _values(after, "figures"):
        for group, values in figures.items():
            if group == "in_text":
                continue
            for entry in values if isinstance(values, list) else [values]:
                assert {name: value for name, value in entry.items() if name != "kind"} == dict.fromkeys(
                    [name for name in entry if name != "kind"]
                )
    for key in ("signed_on", "published_on", "document_number", "index_number"):
        assert key not in after["publication"]


def test_titles_move_on_a_year(tmp_path):
    last = Path(shutil.copy(PROFILES / "托克逊县-2024.yaml", tmp_path))
    after = _load(api.new_from(last, 2025).path)
    assert after["publication"]["title"] == "托克逊县2025年度法治政府建设工作报告"
    assert after["plans"]["title"] == "2026年工作计划"


def test_references_become_last_years_values(tmp_path):
    """{同比:…} in last year's text has no figure to stand for in the draft: it becomes last year's words."""
    last = Path(shutil.copy(PROFILES / "喀什地区-2023.yaml", tmp_path))
    texts = "\n".join(_values(_load(api.new_from(last).path), "text"))
    assert "{" not in texts
    assert "出庭应诉率由79.39%提高至96.91%，同比提高17.52个百分点。" in texts


def test_year_on_year_is_computed_once_figures_are_filled_in(tmp_path):
    last = Path(shutil.copy(PROFILES / "八宿县-2020.yaml", tmp_path))
    draft = api.new_from(last).path
    text = draft.read_text(encoding="utf-8").replace("          cases:\n", "          cases: 150\n", 1)
    draft.write_text(text, encoding="utf-8")
    result = api.check_profile(draft)
    assert [(c.group, c.name) for c in result.report.changes] == [("administrative_litigation", "cases")]


def test_wrong_year_is_refused(tmp_path):
    last = Path(shutil.copy(PROFILES / "紫阳县-2023.yaml", tmp_path))
    with pytest.raises(FileProblem) as raised:
        api.new_from(last, 2026)
    assert raised.value.message == (
        f"{last} 是 2023 年度的资料，由它只能生成 2024 年度的资料（同比要和上一年比较），"
        "而 --year 写的是 2026；请改为 --year 2024，或不写 --year"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["紫阳县-2023.yaml"]


def test_a_profile_with_errors_is_refused(tmp_path):
    last = tmp_path / "甲乡-2024.yaml"
    last.write_text("jurisdiction:\n  name: 甲乡\n  level: 乡镇\nyear: 2024\npublication:\n  signed_on: 2024-02-30\n")
    with pytest.raises(InvalidProfile) as raised:
        api.new_from(last)
    assert raised.value.message.startswith(f"{last} 有 1 个错误，请先改正")


def test_command_line(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(PROFILES / "土城子乡-2022.yaml", tmp_path)
    code = main(["new", "--from", "土城子乡-2022.yaml", "--year", "2023"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[:6] == [
        "已写入 土城子乡-2023.yaml，还需要：",
        "  改写 32 段去年的文字（标有“# 去年的内容，请改写”）",
        "  填写 4 组今年的数字（标有“# 今年的数字，请填写”；填好后由去年的资料计算同比）",
        "  核对 2 个标题中改过的年份",
        "  发布后填写成文日期、发布日期（以及文号、索引号，如有）",
        "[警告] 土城子乡-2023.yaml:10:1  党政主要负责人履行第一责任人职责情况 (leader_duties)  "
        "缺少“党政主要负责人履行推进法治建设第一责任人职责情况”。《法治政府建设与责任落实督察工作规定》"
        "（厅字〔2019〕28号）规定年度报告应包括此项（第3项内容）",
    ]
    assert main(["new", "--from", "土城子乡-2022.yaml"]) == 2
    assert "已存在" in capsys.readouterr().err
    assert main(["new", "--from", "土城子乡-2022.yaml", "--force"]) == 0


def test_command_line_needs_from(capsys):
    assert main(["new", "--year", "2025"]) == 2
    assert capsys.readouterr().err == (
        "[错误] 请用 --from 给出去年的资料文件，如：reportgen new --from 托克逊县-2024.yaml --year 2025\n"
    )
