"""Each example builds into a report shaped like its reference (../shared/seeds/): the same
headings in the same order, its problems, its plans, its signature, and every figure."""

from __future__ import annotations

import re

import pytest

from conftest import PROFILES, REPO, SEEDS
from reportgen.document import Enumeration, Heading, Paragraph, Signature
from reportgen.render.context import render_document
from reportgen.validate import validate_file
from reportgen.writers.text import write_text
from test_profiles import CORRECTED, EXAMPLES, _body

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the reference reports are not beside the repository ({SEEDS})"
)

# Sentences whose wording an example corrects, each noted in a "# 原文：" comment in its profile.
CORRECTIONS = REPO / "tests" / "testdata" / "faithful"

# Headings whose wording the example corrects (the reference's own text is in a comment there).
CORRECTED_HEADINGS = {
    "土城子乡-2022.yaml": {"健全行政权力制约和监督体系": "健全行政和监督体系"},
    "托克逊县-2024.yaml": {"敢于直面难点问题症结": "敢于直面难点问题结症"},
}
_NOT_TEXT = re.compile(r"[\s\W_]+")


def _normal(text: str) -> str:
    """Letters, digits and CJK only: the examples correct punctuation, not words."""
    return _NOT_TEXT.sub("", text)


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def built(request):
    name = request.param
    document = render_document(validate_file(PROFILES / name).report)
    seed = (SEEDS / EXAMPLES[name]).read_text(encoding="utf-8")
    return name, document, seed


def _in_order(needles: list[str], haystack: str) -> list[str]:
    """The needles not found in `haystack` after the previous one."""
    missing, position = [], 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + len(needle)
    return missing


def test_headings_appear_in_the_references_order(built):
    name, document, seed = built
    placeholder_sections = {place for place, _ in document.placeholders()}
    corrections = CORRECTED_HEADINGS.get(name, {})
    titles = [
        _normal(corrections.get(h.text, h.text))
        for h in document.headings
        if h.label not in placeholder_sections and not _generated(h)
    ]
    assert _in_order(titles, _normal(seed)) == []


def test_every_numbered_heading_of_the_reference_is_a_heading(built):
    name, document, seed = built
    ours = {_normal(h.text) for h in document.headings}
    ours |= {_normal(v) for v in CORRECTED_HEADINGS.get(name, {}).values()}
    theirs = re.findall(
        r"(?m)^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])([^。\n]{2,40}?)(?:。|$)", seed
    )
    missing = [t for t in theirs if _normal(t) not in ours and not any(_normal(t).startswith(o) for o in ours if o)]
    assert missing == []


def test_problems_and_plans_keep_the_references_order(built):
    _, document, seed = built
    items = [_normal(i.title or i.text[:20]) for b in document.blocks if isinstance(b, Enumeration) for i in b.items]
    assert _in_order([i for i in items if i], _normal(seed)) == []


def test_signature_matches_the_reference_when_it_has_one(built):
    _, document, seed = built
    [signature] = [b for b in document.blocks if isinstance(b, Signature)]
    tail = seed.strip().splitlines()[-8:]
    dated = [line.strip() for line in tail if re.fullmatch(r"\s*\d{4}年\d{1,2}月\d{1,2}日\s*", line)]
    if dated:
        assert signature.date_text == dated[-1]
        assert all(body in seed for body in signature.bodies)


def test_every_figure_of_the_reference_is_in_the_report(built):
    name, document, seed = built
    text = write_text(document)
    stated = set(re.findall(r"\d+(?:\.\d+)?", _body(seed)))
    held = set(re.findall(r"\d+(?:\.\d+)?", text))
    missing = stated - held - set(CORRECTED[name])
    assert sorted(missing) == []


def _generated(heading: Heading) -> bool:
    """Headings reportgen writes itself (plans' 思路/目标/措施 titles, standard part titles)."""
    return (
        heading.text in {"主要举措和成效", "存在的不足和原因", "工作成效", "存在的不足", "意见建议"}
        or re.fullmatch(r"\d{4}年(工作安排|工作思路|主要目标任务)|完成目标任务的主要措施", heading.text) is not None
    )


def test_nothing_is_added_but_numbering_placeholders_and_noted_corrections(built, update_golden):
    """Publishable as is: every sentence of the report is the reference's own (letters and digits
    compared), except the numbers reportgen generates, the marked 【待填写】 placeholders, and the
    corrections each profile notes in a "# 原文：" comment. Those are listed, one per line, in
    tests/testdata/faithful/<example>.txt: each line was checked against its profile comment by a
    reviewer; a new line there (after `pytest --update-golden`) is a sentence to review."""
    name, document, seed = built
    reference = _normal(seed)
    added = "".join(f"{sentence}\n" for sentence in _sentences(document) if _normal(sentence) not in reference)
    reviewed = CORRECTIONS / name.replace(".yaml", ".txt")
    if update_golden:
        reviewed.parent.mkdir(exist_ok=True)
        reviewed.write_text(added, encoding="utf-8")
    assert added == reviewed.read_text(encoding="utf-8")


def _sentences(document) -> list[str]:
    """The report's sentences without generated numbers (一、（一）1.（1）一是) and placeholders."""
    texts: list[str] = []
    placeholder_sections = {place for place, _ in document.placeholders()}  # a required part to write
    for block in document.blocks:
        if isinstance(block, Heading) and not _generated(block) and block.label not in placeholder_sections:
            texts.append(block.text)
        elif isinstance(block, Paragraph) and not block.placeholder:
            texts += [_unnumbered(block.lead), block.text]
        elif isinstance(block, Enumeration):
            for item in block.items:
                texts += [item.title, item.text, *(_unnumbered(text) for text, _ in item.tail)]
        elif isinstance(block, Signature):
            texts += [*block.bodies, block.date_text]
    pieces = (piece for text in texts for piece in re.split(r"[。；！？]", text.replace("主要原因是：", "")))
    return [piece for piece in pieces if _normal(piece)]


def _unnumbered(text: str) -> str:
    return re.sub(r"^(?:[一二三四五六七八九十]+是|（\d+）|\d+\.)", "", text)
