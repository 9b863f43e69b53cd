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


def _all_models():
    from pydantic import BaseModel

    from reportgen.schema import Profile
    from reportgen.schema.introspect import unwrap_annotation

    seen, queue = [], [Profile]
    while queue:
        model = queue.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            annotation = unwrap_annotation(info.annotation)
            inner = getattr(annotation, "__args__", (annotation,))
            for candidate in (annotation, *inner):
                candidate = unwrap_annotation(candidate)
                if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                    queue.append(candidate)
    return seen


def test_every_field_has_a_chinese_title_and_description():
    import re

    cjk = re.compile(r"[\u4e00-\u9fff]")
    models = _all_models()
    assert len(models) > 20  # the walk reached the indicator groups
    for model in models:
        for name, info in model.model_fields.items():
            assert info.title and cjk.search(info.title), f"{model.__name__}.{name} has no Chinese title"
            assert info.description and cjk.search(info.description), f"{model.__name__}.{name} has no description"
