"""The five example profiles: they validate, and they hold every figure of their reference."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import PROFILES, SEEDS
from reportgen.load import load_profile
from reportgen.validate import validate_file

EXAMPLES = {
    "托克逊县-2024.yaml": "000_3a6de6dfb520c28b.txt",
    "喀什地区-2023.yaml": "001_9c15b25c3d952bdf.txt",
    "紫阳县-2023.yaml": "002_335ed3547a572491.txt",
    "土城子乡-2022.yaml": "003_acf98a436d4acf9f.txt",
    "八宿县-2020.yaml": "004_5d0074b0d1f1d66d.txt",
}

# The regulation's verdicts on the real reports (none has a 第一责任人 section; 八宿县 was
# published in 2022 for 2020; 托克逊县, 喀什地区 and 紫阳县 give no 成文日期, 喀什地区 and
# 土城子乡 no 发布日期; 土城子乡 was signed on 2022-11-25, before its year ended). Paths of the
# warnings each example must show, and no others.
EXPECTED_WARNINGS = {
    # 托克逊县, 喀什地区 and 紫阳县 are deliberately unsigned (signatories: []), as their references.
    "托克逊县-2024.yaml": {"leader_duties", "shortcomings.items"},
    "喀什地区-2023.yaml": {"leader_duties", "shortcomings.items", "publication.published_on"},
    "紫阳县-2023.yaml": {"leader_duties", "shortcomings.items"},
    "土城子乡-2022.yaml": {
        "leader_duties",
        "shortcomings.items",
        "publication.published_on",
        "publication.signed_on",
    },
    "八宿县-2020.yaml": {"leader_duties", "shortcomings.items", "publication.published_on"},
}

# Numbers of a reference that are deliberately not in its profile, each with the reason.
CORRECTED = {
    "喀什地区-2023.yaml": {"18.56": "同比增长18.56% is an arithmetic slip; reportgen computes 17.52个百分点"},
    "八宿县-2020.yaml": {"91.75": "truncated rate; 6536 ÷ 7123 rounds to 91.76"},
    "紫阳县-2023.yaml": {},
    "托克逊县-2024.yaml": {},
    "土城子乡-2022.yaml": {},
}

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def example(request: pytest.FixtureRequest) -> str:
    return request.param


def test_example_validates_without_errors(example: str) -> None:
    result = validate_file(PROFILES / example)
    assert [d.message for d in result.errors] == []
    assert {d.dotted_path() for d in result.warnings} == EXPECTED_WARNINGS[example]


def test_example_holds_every_figure_of_its_reference(example: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the reference reports are not beside the repository ({SEEDS})")
    seed = (SEEDS / EXAMPLES[example]).read_text(encoding="utf-8")
    stated = set(_NUMBER.findall(_body(seed)))
    held = _numbers_in(load_profile(PROFILES / example).data)
    missing = stated - held - set(CORRECTED[example])
    assert sorted(missing, key=Decimal) == []


def test_corrected_figures_really_are_absent(example: str) -> None:
    held = _numbers_in(load_profile(PROFILES / example).data)
    assert set(CORRECTED[example]) & held == set()


def _body(seed: str) -> str:
    """The report's figures: without the web page's chrome, nor its typed numbering (1. 2.),
    which reportgen generates instead."""
    seed = re.sub(r"(发布时间|时间)[:：][^\n]*", "", seed)
    return re.sub(r"(?m)^\s*[(（]?\d+[.．)）]", "", seed)


def _numbers_in(data: Any) -> set[str]:
    """Every number in the profile's values (text and figures), ignoring its comments."""
    found: set[str] = set()
    if isinstance(data, dict):
        for value in data.values():
            found |= _numbers_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= _numbers_in(value)
    elif data is not None:
        text = str(data)
        found |= set(_NUMBER.findall(text))
        found |= {_plain(number) for number in _NUMBER.findall(text)}
    return found


def _plain(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number


def test_examples_directory_has_only_the_examples() -> None:
    assert sorted(p.name for p in Path(PROFILES).glob("*.yaml")) == sorted(EXAMPLES)
