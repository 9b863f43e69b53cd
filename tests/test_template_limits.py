"""Templates run with limits: a hostile override ends in a Chinese TemplateProblem that names
its own file and line, quickly, and never takes the machine down.

Each hostile template is rendered in a child process whose address space is capped
(RLIMIT_AS) and which is killed after TIMEOUT seconds, so a regression fails this test
instead of filling the machine's memory; the child renders in a thread (the limits need no
signals).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment

from reportgen.render import environment as templating
from reportgen.render import limits as template_limits
from reportgen.render.sandbox import COMPILED_FORMAT, LimitedSandbox

PROFILE = Path(__file__).resolve().parents[1] / "profiles" / "托克逊县-2024.yaml"
TIMEOUT = 60  # seconds for a child: each takes about one (imports included)
MEMORY = 1 << 30  # bytes of address space for a child: a working render needs a fifth of it

VALUE = "生成的文字或列表过长（一项最多 200 万个字符或项），已停止；请检查这一行的重复（*）、拼接（~、+、join）或宽度"
NUMBER = "数字过大（最多 1000 位），已停止；请检查这一行的乘方（**）、乘法或小数位数"
LOOPS = "循环次数过多（一份报告最多 100 万次），已停止；请检查这一行所在的循环"
DEPTH = "嵌套过深，已停止：可能是宏调用了自己，或模板 include 了自己（直接或间接）"

CHILD = textwrap.dedent(
    """
    import json, resource, sys, threading
    from pathlib import Path

    settings = json.loads(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (settings["memory"], settings["memory"]))

    from reportgen.render import limits as template_limits
    from reportgen.render.context import build_context
    from reportgen.render.environment import TemplateProblem, make_environment, render_template
    from reportgen.validate import validate_file

    for name, value in settings["limits"].items():
        setattr(template_limits, name, value)
    context = build_context(validate_file(Path(settings["profile"])).report)
    env = make_environment([Path(settings["templates"])])
    outcome = {}

    def render():
        try:
            outcome["output"] = len(render_template(env, "levels/county.j2", context))
        except TemplateProblem as problem:
            outcome["message"], outcome["exit_code"] = problem.message, problem.exit_code

    thread = threading.Thread(target=render)
    thread.start()
    thread.join()
    print(json.dumps(outcome, ensure_ascii=False))
    """
)


def _render_hostile(tmp_path: Path, text: str, limits: dict[str, float] | None = None) -> tuple[Path, dict]:
    """Render the county report with `text` as the user's sections/plans.j2, in a child process."""
    pytest.importorskip("resource", reason="the child's memory is capped with resource.setrlimit (POSIX)")
    templates = tmp_path / "templates"
    (templates / "sections").mkdir(parents=True)
    (templates / "sections" / "plans.j2").write_text(text, encoding="utf-8")
    settings = {"memory": MEMORY, "limits": limits or {}, "profile": str(PROFILE), "templates": str(templates)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(settings)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    assert done.returncode == 0 and done.stdout, done.stderr
    return (templates / "sections" / "plans.j2").resolve(), json.loads(done.stdout)


BOMBS = {
    "repetition": ("第一行\n{{ '1' * 10**10 }}\n", 2, VALUE),
    "a text doubled 40 times": (
        "{% set ns = namespace(text='x') %}\n{% for i in range(40) %}\n{% set ns.text = ns.text ~ ns.text %}\n"
        "{% endfor %}\n{{ ns.text }}\n",
        3,
        VALUE,
    ),
    "a text doubled by set": ("{% set s = 'x' %}\n" + "{% set s = s ~ s %}" * 40 + "\n{{ s }}\n", 2, VALUE),
    "nested range loops": (
        "{% for i in range(100000) %}\n{% for j in range(100000) %}{% endfor %}\n{% endfor %}\n",
        2,
        LOOPS,
    ),
    "a loop in a loop over a long text": (
        "{% set s = 'x' * 1000000 %}\n{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}\n",
        2,
        LOOPS,
    ),
    "a huge power": ("{{ (10**10)**(10**10) }}\n", 1, NUMBER),
    "a power too long to print": ("前文\n{{ 2**100000 }}\n", 2, NUMBER),
    "a gigabyte of text": ("{{ ('x'*10**6)*1000 }}\n", 1, VALUE),
    "a macro calling itself": ("{% macro again() %}\n{{ again() }}\n{% endmacro %}\n{{ again() }}\n", 2, DEPTH),
    "a template including itself": ("前文\n{% include 'sections/plans.j2' %}\n", 2, DEPTH),
    "a width as a method": ("{{ 'x'.center(10**10) }}\n", 1, VALUE),
    "a width as a filter": ("{{ ('x\\n' * 500000)|indent(1000) }}\n", 1, VALUE),
    "a width in a format": ("{{ '{:>{}}'.format(1, 10**9) }}\n", 1, VALUE),
    "a width in a % format": ("{{ '%10000000000s' % 1 }}\n", 1, VALUE),
    "a list of one text a thousand times, joined": ("{{ ([['x' * 100000] * 10] * 100)|join }}\n", 1, VALUE),
    "nested shared lists printed": (
        "{% set a = ['x' * 100000] * 10 %}{% set b = [a, a, a, a, a, a, a, a, a, a] %}\n{{ [b, b, b] }}\n",
        2,
        VALUE,
    ),
    "a helper given one long text many times": (
        "前文\n{{ enumeration([{'title': 'x' * 100000, 'text': ''}] * 30) }}\n",
        2,
        VALUE,
    ),
    "a list extending itself": (
        "{% set l = ['x'] %}\n{% for i in range(60) %}{% do l.extend(l) %}{% endfor %}\n",
        2,
        VALUE,
    ),
}


@pytest.mark.parametrize(("text", "line", "sentence"), BOMBS.values(), ids=BOMBS.keys())
def test_a_hostile_template_stops_naming_its_own_file_and_line(tmp_path, text, line, sentence):
    plans, outcome = _render_hostile(tmp_path, text)
    assert outcome == {"message": f"模板 {plans} 第 {line} 行：{sentence}", "exit_code": 1}


def test_a_report_printed_a_hundred_thousand_times_stops_at_the_output_limit(tmp_path):
    plans, outcome = _render_hostile(tmp_path, "前文\n{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}\n")
    assert outcome["message"] == (
        f"模板 {plans} 第 2 行：生成的报告过长（最多 200 万个字符），已停止；请检查这一行所在的循环"
    )


def test_texts_piled_up_in_a_list_stop_at_the_total_limit(tmp_path):
    plans, outcome = _render_hostile(
        tmp_path,
        "{% set kept = [] %}\n{% for i in range(1000) %}{% for j in range(1000) %}\n"
        "{% do kept.append('x' * 1000 ~ j) %}\n{% endfor %}{% endfor %}\n",
    )
    assert outcome["message"] == (
        f"模板 {plans} 第 3 行：生成的内容总量过大（一份报告最多 2000 万个字符或项），已停止；请检查这一行所在的循环"
    )


def test_a_render_that_runs_too_long_stops_at_the_time_limit(tmp_path):
    # 2**40 macro calls, each small: only the clock stops them (here after half a second).
    text = (
        "{% macro twice(n) %}{% if n %}\n{{ twice(n - 1) }}{{ twice(n - 1) }}{% endif %}{% endmacro %}{{ twice(40) }}\n"
    )
    plans, outcome = _render_hostile(tmp_path, text, {"TIME_LIMIT": 0.5})
    assert outcome["message"] == (
        f"模板 {plans} 第 2 行：生成一份报告超过 0.5 秒仍未完成，已停止；请检查这一行所在的循环或宏"
    )


def test_running_out_of_memory_is_a_template_problem(tmp_path):
    # With the size limit lifted, the child's capped address space runs out instead.
    plans, outcome = _render_hostile(tmp_path, "前文\n{{ '1' * 10**10 }}\n", {"MAX_VALUE": 10**12})
    assert outcome["message"] == f"模板 {plans} 第 2 行：内存不足，已停止；请检查这一行生成的内容是否过多"


def test_a_range_past_its_limit_is_named(tmp_path):
    plans, outcome = _render_hostile(tmp_path, "{{ range(10**6)|length }}\n")
    assert outcome["message"] == f"模板 {plans} 第 1 行：range() 的项数过多（一次最多 10 万项）"


def test_pydantic_methods_are_out_of_a_templates_reach(tmp_path):
    plans, outcome = _render_hostile(tmp_path, "{{ jurisdiction.model_dump_json(indent=10**6) }}\n")
    assert outcome["message"] == f"模板 {plans} 第 1 行：试图访问模板中不允许使用的内容（出于安全考虑已阻止）"


def test_lipsum_is_not_offered(tmp_path):
    plans, outcome = _render_hostile(tmp_path, "{{ lipsum(10**9) }}\n")
    assert outcome["message"] == (f"模板 {plans} 第 1 行：使用了未定义的名称“lipsum”；可用的变量和函数见模板维护指南")


# ---------------------------------------------------------------- ordinary templates are unchanged

ORDINARY = """\
{{ ['甲', '乙']|join('、') }}|{{ 'x'|center(5) }}|{{ '%s年'|format(2024) }}|{{ '{}件，{:.1f}%'.format(3, 2.5) }}
{{ [3, 1, 2]|sort|join(',') }}|{{ items|map(attribute='title')|join('；') }}|{{ 'a\nb'|indent(2) }}
{{ 'ab'.replace('a', 'c') }}|{{ '、'.join(['1', '2']) }}|{{ 'a<b>c'|striptags }}|{{ items|tojson }}
{% for x in items if x.title %}{{ loop.index }}/{{ loop.length }}{{ x.title ~ '。' ~ loop.last }}{% endfor %}
{{ 2 ** 10 }}|{{ 3 * 'ab' }}|{{ [1] + [2] }}|{{ '%d%%' % 50 }}|{{ '%(a)s' % {'a': 1} }}|{{ range(3)|list }}
{% set ns = namespace(n=0) %}{% for i in range(5) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}|{{ ns }}
{% set kept = [] %}{% do kept.append(1) %}{{ kept }}|{{ 1.25|round(1) }}|{{ 'x'|wordwrap(3) }}
{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m('宏') }}|{% set block %}块{{ 1 }}{% endset %}{{ block }}
{% for x in [[1, [2]], [3]] recursive %}{{ x if x is number else loop(x) }}{% endfor %}
"""


def test_ordinary_templates_render_as_in_jinjas_own_sandbox():
    items = [{"title": "一"}, {"title": ""}, {"title": "三"}]
    with template_limits.metered():
        limited = LimitedSandbox(extensions=["jinja2.ext.do"]).from_string(ORDINARY).render(items=items)
    assert limited == SandboxedEnvironment(extensions=["jinja2.ext.do"]).from_string(ORDINARY).render(items=items)
    assert "甲、乙|  x  |2024年|3件，2.5%" in limited


PLAIN_VALUES = [
    [],
    {},
    ["甲", "乙乙"],
    {"title": "标题", "text": "正文"},
    [{"title": "一", "text": "x" * 50}, "二", {}],
    [{"title": "一", "n": 3}],  # not plain: walked
    [["nested"]],  # not plain: walked
    {"key": ["value"]},  # not plain: walked
    {None: "x" * 100},  # a key that is not text: walked, the key counted
    {None: {"a": "b"}, 3: "c"},
]


@pytest.mark.parametrize("value", PLAIN_VALUES)
@pytest.mark.parametrize("limit", [0, 3, 9, 60, template_limits.MAX_VALUE])
def test_plain_lists_and_dicts_are_measured_as_every_value_is(value, limit):
    """The quick sum for lists and dicts of texts agrees with the walk, also where it stops past `limit`."""
    with template_limits.metered():
        plain = template_limits._plain_size(value, limit)
        assert plain is None or plain == template_limits._walked_size(value, limit, 0)
        assert template_limits.text_size(value, limit) == template_limits._walked_size(value, limit, 0)


# ---------------------------------------------------------------- the compiled-template cache


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A cache folder of its own, and environments made afresh (they keep their cache)."""
    home = tmp_path / "cache-home"
    home.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    templating._environment.cache_clear()
    yield home
    templating._environment.cache_clear()


def _report_text() -> str:
    from reportgen.render.context import render_document
    from reportgen.validate import validate_file
    from reportgen.writers.text import write_text

    return write_text(render_document(validate_file(PROFILE).report))


def test_compiled_templates_are_cached_under_the_generated_codes_format(cache_home):
    expected = _report_text()
    cached = sorted(path.name for path in (cache_home / "reportgen" / "templates").iterdir())
    assert cached and all(name.startswith(f"{COMPILED_FORMAT}-") for name in cached)
    templating._environment.cache_clear()
    assert _report_text() == expected  # read back from the cache


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root writes into read-only folders; the next tests fail the writes for anyone",
)
def test_a_read_only_cache_folder_still_builds(cache_home, capsys):
    expected = _report_text()
    templating._environment.cache_clear()
    folder = cache_home / "reportgen" / "templates"
    for path in folder.iterdir():
        path.unlink()  # so that this build has to write again
    for path in (folder, folder.parent, cache_home):
        path.chmod(0o500)
    try:
        assert _report_text() == expected
    finally:
        for path in (cache_home, folder.parent, folder):
            path.chmod(0o700)
    assert list(folder.iterdir()) == []
    assert capsys.readouterr() == ("", "")


def test_a_cache_folder_that_breaks_after_start_is_skipped_silently(cache_home, capsys):
    expected = _report_text()
    templating._environment.cache_clear()
    env = templating.make_environment()  # the cache folder exists now …
    folder = cache_home / "reportgen" / "templates"
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.write_text("不是文件夹", encoding="utf-8")  # … and then a file is in its way
    assert env is templating.make_environment()
    assert _report_text() == expected
    assert _report_text() == expected  # no second attempt at writing either
    assert folder.read_text(encoding="utf-8") == "不是文件夹"
    assert capsys.readouterr() == ("", "")


def test_a_full_disk_while_writing_the_cache_is_skipped_silently(cache_home, monkeypatch, capsys):
    expected = _report_text()
    templating._environment.cache_clear()
    folder = cache_home / "reportgen" / "templates"
    for path in folder.iterdir():
        path.unlink()

    def full(self, file):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jinja2.bccache.Bucket, "write_bytecode", full)
    assert _report_text() == expected
    assert list(folder.iterdir()) == []  # Jinja's temporary file removed, nothing half-written
    assert capsys.readouterr() == ("", "")


def test_a_file_where_the_cache_folder_goes_means_no_cache(cache_home):
    (cache_home / "reportgen").write_text("", encoding="utf-8")
    assert templating._bytecode_cache() is None
    assert "托克逊县" in _report_text()
