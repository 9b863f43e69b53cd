"""Golden text renditions of the five examples: reviewed by eye once, then held.

After a deliberate change of wording, refresh them with `pytest --update-golden` and
review the diff of tests/testdata/golden/ before committing.
"""

from __future__ import annotations

import pytest

from conftest import PROFILES, REPO
from reportgen.render.context import render_document
from reportgen.validate import validate_file
from reportgen.writers.text import write_text

GOLDEN = REPO / "tests" / "testdata" / "golden"


@pytest.mark.parametrize("profile", sorted(p.name for p in PROFILES.glob("*.yaml")))
def test_example_renders_as_its_golden_text(profile, update_golden):
    text = write_text(render_document(validate_file(PROFILES / profile).report))
    golden = GOLDEN / profile.replace(".yaml", ".txt")
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
