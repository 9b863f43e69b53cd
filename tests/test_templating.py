"""Templates: user folder first, shipped second; errors named by file and line; sandboxed."""

from __future__ import annotations

import pytest

from reportgen.render.environment import TemplateProblem, make_environment, render_template, shipped_templates
from reportgen.writers.text import write_text


def test_a_users_file_overrides_the_shipped_one_of_the_same_name(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "plans.j2").write_text("自己的措辞", encoding="utf-8")
    env = make_environment([tmp_path])
    assert env.get_template("sections/plans.j2").filename == str(tmp_path / "sections" / "plans.j2")
    assert env.get_template("sections/area.j2").filename == str(shipped_templates() / "sections" / "area.j2")


def test_an_override_can_extend_the_file_it_replaces_through_the_shipped_prefix(tmp_path):
    (tmp_path / "levels").mkdir()
    (tmp_path / "levels" / "county.j2").write_text(
        '{% extends "!shipped/levels/county.j2" %}{% block signature %}【自定义落款】{% endblock %}', encoding="utf-8"
    )
    env = make_environment([tmp_path])
    assert env.get_template("!shipped/levels/county.j2").filename == str(shipped_templates() / "levels" / "county.j2")
    assert "【自定义落款】" in render_template(env, "levels/county.j2", _context())


def test_a_template_edited_between_reports_is_read_again(tmp_path):
    """Each report looks a template up once (not at every include), but the next report sees the edit."""
    import os

    plans = tmp_path / "sections" / "plans.j2"
    plans.parent.mkdir()
    plans.write_text("第一稿", encoding="utf-8")
    env = make_environment([tmp_path])
    assert "第一稿" in render_template(env, "levels/county.j2", _context())
    plans.write_text("第二稿", encoding="utf-8")
    later = plans.stat().st_mtime + 10  # a modification time Jinja's check cannot miss
    os.utime(plans, (later, later))
    text = render_template(env, "levels/county.j2", _context())
    assert "第二稿" in text and "第一稿" not in text


def _context():
    from conftest import PROFILES
    from reportgen.render.context import build_context
    from reportgen.validate import validate_file

    return build_context(validate_file(PROFILES / "托克逊县-2024.yaml").report)


def _broken(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    env = make_environment([tmp_path])
    with pytest.raises(TemplateProblem) as raised:
        render_template(env, "levels/county.j2", _context())
    return raised.value


def test_a_syntax_error_names_the_file_and_line_in_chinese(tmp_path):
    problem = _broken(tmp_path, "sections/plans.j2", "第一行\n{% if plans.intro %}\n没有结束\n")
    assert problem.message.startswith(f"模板 {tmp_path / 'sections' / 'plans.j2'} 第 ")
    assert "缺少" in problem.message or "提前结束" in problem.message
    assert problem.exit_code == 1


def test_an_unknown_tag_is_explained(tmp_path):
    problem = _broken(tmp_path, "sections/plans.j2", "{% endfi %}\n")
    assert (
        problem.message
        == f"模板 {tmp_path / 'sections' / 'plans.j2'} 第 1 行：用了不认识的标签（如拼错了 endif、endfor）"
    )


def test_an_undefined_name_names_the_template_line_and_name(tmp_path):
    problem = _broken(tmp_path, "sections/plans.j2", "第一行\n{{ plans.titel }}\n")
    assert problem.message == (
        f"模板 {tmp_path / 'sections' / 'plans.j2'} 第 2 行：使用了未定义的名称“titel”；可用的变量和函数见模板维护指南"
    )


def test_the_sandbox_blocks_reaching_python_internals(tmp_path):
    problem = _broken(tmp_path, "sections/plans.j2", "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    assert "sections/plans.j2 第 1 行" in problem.message


def test_a_missing_figures_template_is_named(tmp_path):
    problem = _broken(tmp_path, "sections/area.j2", '{% include "figures/nothing.j2" %}\n')
    assert problem.message == "找不到模板 figures/nothing.j2；运行 reportgen templates list 查看可用的模板"


def test_the_shipped_templates_render_every_example(tmp_path):
    from conftest import PROFILES
    from reportgen.render.context import render_document
    from reportgen.validate import validate_file

    for path in sorted(PROFILES.glob("*.yaml")):
        text = write_text(render_document(validate_file(path).report))
        assert "None" not in text and "\x1e" not in text


def test_template_reference_is_current():
    from conftest import REPO
    from reportgen.render.reference import template_reference

    committed = (REPO / "docs" / "template-reference.md").read_text(encoding="utf-8")
    assert committed == template_reference(), "run `reportgen templates doc -o docs/template-reference.md`"


def test_documented_names_are_exactly_what_templates_get():
    from conftest import PROFILES
    from reportgen.render.context import CONTEXT_DOC, build_context
    from reportgen.render.environment import HELPER_DOC, HELPERS
    from reportgen.render.filters import FILTER_DOC, JINJA_FILTERS
    from reportgen.validate import validate_file

    assert set(CONTEXT_DOC) == set(build_context(validate_file(PROFILES / "托克逊县-2024.yaml").report))
    assert set(HELPER_DOC) == set(HELPERS)
    assert set(FILTER_DOC) == set(JINJA_FILTERS)
