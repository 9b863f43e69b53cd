"""Generated documents stay in step with the schema (regenerate with the commands named)."""

from __future__ import annotations

from conftest import PROFILES, REPO
from reportgen import api


def test_schema_reference_is_current():
    committed = (REPO / "docs" / "schema-reference.md").read_text(encoding="utf-8")
    assert committed == api.schema_reference_text(), (
        "docs/schema-reference.md is stale: run `reportgen schema --format markdown -o docs/schema-reference.md`"
    )


def test_bundled_json_schema_is_current():
    committed = (PROFILES / "reportgen.schema.json").read_text(encoding="utf-8")
    assert committed == api.json_schema_text(), (
        "profiles/reportgen.schema.json is stale: run `reportgen schema -o profiles/reportgen.schema.json`"
    )


def test_reference_names_every_indicator_with_its_unit():
    text = api.schema_reference_text()
    assert "| `head_appearance_rate` | 负责人出庭应诉率 | % |" in text
    assert "| `received` | 收到行政复议申请 | 件 |" in text
    assert "负责人出庭应诉率 = 实际出庭 ÷ 应出庭 × 100%（自动计算）" in text
