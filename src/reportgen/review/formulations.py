"""Canonical formulations, kept as data with their sources (formulations.yaml): an outdated
form (F1), and a one- or two-character slip from the current wording (F2)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib.resources import files

from reportgen import messages
from reportgen.review.model import Finding
from reportgen.review.text import Joined, occurrences

# Width and quote style are P1's and P2's business: fold them, one character for one, so that
# spans found in the folded text are spans of the text as written. (str.replace per character
# present is several times faster than str.translate over a paragraph of Chinese.)
_FOLD = (
    *((chr(ord(char) - 0xFEE0), char) for char in "（）：；，．！？０１２３４５６７８９"),
    *(('"', char) for char in "“”"),
    *(("'", char) for char in "‘’"),
)
_ANCHOR = 3  # characters a slip leaves intact at one end of the phrase (a single slip always does)
# A span with more of these than the phrase has is a list or two clauses ("法治政府建设,年度报告"):
# other text that happens to contain the phrase's words, not a slip.
_SEPARATORS = frozenset(",;:.!?、。")


@dataclass(frozen=True)
class Replaced:
    """`form` found in a text is to be written as `current`; `why` says what replaced it."""

    form: str
    current: str
    why: str = ""


@dataclass(frozen=True)
class Formulation:
    """One canonical phrase: its source, the forms it replaces and the near forms that are fine."""

    phrase: str
    source: str
    outdated: tuple[Replaced, ...] = ()
    misspelt: tuple[Replaced, ...] = ()
    distinct: tuple[str, ...] = ()
    max_slips: int = 2


@cache
def formulations() -> tuple[Formulation, ...]:
    """The dictionary shipped beside this module."""
    import yaml

    text = files("reportgen.review").joinpath("formulations.yaml").read_text(encoding="utf-8")
    # libyaml's loader where PyYAML has it: the pure-Python one costs a first check ~10 ms.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple(_entry(item) for item in yaml.load(text, Loader=loader))


def _entry(item: dict) -> Formulation:
    phrase = item["phrase"]
    outdated = tuple(Replaced(o["form"], o.get("current", phrase), o.get("why", "")) for o in item.get("outdated", ()))
    misspelt = tuple(Replaced(m["form"], m["correct"]) for m in item.get("misspelt", ()))
    slips = item.get("max_slips", 1 if len(phrase) < 12 else 2)
    return Formulation(phrase, item["source"], outdated, misspelt, tuple(item.get("distinct", ())), slips)


def fold(text: str) -> str:
    for folded, char in _FOLD:
        if char in text:
            text = text.replace(char, folded)
    return text


def check_formulations(number: int, text: str) -> list[Finding]:
    folded = fold(text)
    relevant = _entries_anchored_in(folded)
    if not relevant:
        return []
    findings = []
    for entry in relevant:
        for old in entry.outdated:
            message = messages.outdated_formulation(old.form, old.current, old.why)
            findings += [
                Finding("F1", "hint", number, text, start, end, message, old.current)
                for start, end in occurrences(folded, fold(old.form))
            ]
        for slip in entry.misspelt:
            changes = _changes(slip.form, slip.current)
            message = messages.formulation_slip(slip.form, slip.current, changes, entry.source)
            findings += [
                Finding("F2", "warning", number, text, start, end, message, slip.current)
                for start, end in occurrences(folded, fold(slip.form))
            ]
    taken = [(finding.start, finding.end) for finding in findings]
    # Most entries anchored in a paragraph (by 法治政府…) have no span near_misses would weigh.
    for entry in filter(partial(_may_slip, folded), relevant):
        for start, end, _ in near_misses(folded, entry, taken):
            message = messages.formulation_slip(
                text[start:end], entry.phrase, _changes(text[start:end], entry.phrase), entry.source
            )
            findings.append(Finding("F2", "warning", number, text, start, end, message, entry.phrase))
    return findings


def suspects(joined: Joined) -> set[int]:
    """The paragraphs check_formulations may find something in; in the others it cannot."""
    folded = fold(joined.text)  # one character for one: offsets stay the paragraphs'
    return joined.holding(match.start() for match in _suspect_pattern().finditer(folded))


@cache
def _suspect_pattern() -> re.Pattern[str]:
    """What a finding needs, for all entries in one pattern: an outdated or misspelt form, or a
    span near_misses would weigh (_candidates, _end_slips) that does not start or end where the
    phrase or a distinct form does (near_misses passes over those). Most paragraphs name the
    phrases' opening words (法治政…, 习近平…) without a span that could be a slip."""
    rests: dict[str, list[str]] = {}  # the character a match starts with → what may follow it
    for entry in formulations():
        forms = [fold(replaced.form) for replaced in (*entry.outdated, *entry.misspelt)]
        branches = [(form[0], re.escape(form[1:])) for form in forms]
        branches += _slip_patterns(fold(entry.phrase), entry.max_slips, [fold(form) for form in entry.distinct])
        for first, rest in branches:
            rests.setdefault(first, []).append(rest)
    # Every alternative starts with its own character, so the engine skips, in C, every character
    # none starts with, and tries one alternative's branches where one does.
    return re.compile("|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in rests.items()))


def _may_slip(folded: str, entry: Formulation) -> bool:
    """Whether near_misses may find a slip from the entry's phrase in `folded`."""
    return _slip_screen(entry.phrase, entry.max_slips, entry.distinct).search(folded) is not None


@cache
def _slip_screen(phrase: str, limit: int, distinct: tuple[str, ...]) -> re.Pattern[str]:
    """One entry's _slip_patterns as one pattern: what near_misses needs to find anything. Compiled
    for the entries a paragraph is anchored in, when it is: most are never."""
    branches = _slip_patterns(fold(phrase), limit, [fold(form) for form in distinct])
    return re.compile("|".join(f"{re.escape(first)}(?:{rest})" for first, rest in branches))


def _slip_patterns(phrase: str, limit: int, distinct: list[str]) -> list[tuple[str, str]]:
    """_candidates and _end_slips as patterns, on text without line breaks (see Joined): each as
    its first character and the pattern of what follows it."""
    head, tail = phrase[:_ANCHOR], phrase[-_ANCHOR:]
    if len(phrase) - limit <= _ANCHOR + 1:  # too short for the patterns below: any anchor may do
        return [(head[0], re.escape(head[1:])), (tail[0], re.escape(tail[1:]))]
    first, before_last, last = (re.escape(char) for char in (phrase[0], phrase[-2], phrase[-1]))
    known = [phrase, *distinct]
    # Past the first character: not the rest of a known form starting there, or ending here.
    not_starting_known = f"(?!{'|'.join(re.escape(form[1:]) for form in known if form[0] == phrase[0])})"
    not_ending_known = "".join(f"(?<!{re.escape(form)})" for form in known)
    # Characters between an anchor and the phrase's other end, in a span within `limit` of its length.
    gap = f".{{{len(phrase) - limit - _ANCHOR - 1},{len(phrase) + limit - _ANCHOR - 1}}}"
    # Characters between an anchor and the character beside the other end, in a span of its length.
    middle = f".{{{len(phrase) - _ANCHOR - 2}}}"
    return [
        (head[0], f"{not_starting_known}{re.escape(head[1:])}{gap}{last}"),
        (phrase[0], f"{gap}{re.escape(tail)}{not_ending_known}"),
        (head[0], f"{not_starting_known}{re.escape(head[1:])}{middle}{before_last}[^{last}\n]"),
        # the phrase's second character, not after its first (nor at a paragraph's start)
        (phrase[1], f"(?<=[^{first}\n].){middle}{re.escape(tail)}{not_ending_known}"),
    ]


def _entries_anchored_in(folded: str) -> list[Formulation]:
    """The entries that can match in `folded`: an outdated or misspelt form, or the phrase's first
    or last characters (every slip keeps one end intact), found by one regex pass, not one
    search per entry and anchor."""
    pattern, entries_of = _anchor_index()
    found = {index for anchor in pattern.findall(folded) for index in entries_of[anchor]}
    return [entry for index, entry in enumerate(formulations()) if index in found]


@cache
def _anchor_index() -> tuple[re.Pattern[str], dict[str, set[int]]]:
    entries_of: dict[str, set[int]] = {}
    for index, entry in enumerate(formulations()):
        phrase = fold(entry.phrase)
        forms = [fold(replaced.form) for replaced in (*entry.outdated, *entry.misspelt)]
        for anchor in (phrase[:_ANCHOR], phrase[-_ANCHOR:], *forms):
            entries_of.setdefault(anchor, set()).add(index)
    # Overlapping anchors ("法治政" and "治政府" in one place) are all found.
    alternatives = "|".join(re.escape(anchor) for anchor in sorted(entries_of, key=len, reverse=True))
    # A look-ahead finds anchors that overlap; the leading class lets the engine skip, in C, every
    # character no anchor starts with (a plain alternation in a look-ahead is tried at each one).
    firsts = "".join(sorted({re.escape(anchor[0]) for anchor in entries_of}))
    return re.compile(f"(?=[{firsts}])(?=({alternatives}))"), entries_of


def near_misses(folded: str, entry: Formulation, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, int]]:
    """Spans of `folded` that begin and end as the phrase does, or differ from it in an end
    character only (_end_slips), and differ from it by 1 to `max_slips` characters inserted,
    deleted or replaced: (start, end, how many)."""
    phrase, limit = fold(entry.phrase), entry.max_slips
    known = [*taken]
    for form in (phrase, *(fold(form) for form in entry.distinct)):
        known += occurrences(folded, form)
    ends = _end_slips(folded, phrase)
    found = []
    for start, end in sorted(_candidates(folded, phrase, limit) | ends):
        if any(start < other_end and other_start < end for other_start, other_end in known):
            continue
        if _separators(folded[start:end]) > _separators(phrase):
            continue
        slips = _distance(folded[start:end], phrase, limit)
        if 0 < slips <= limit:
            # Of equally close spans, one that keeps both of the phrase's ends: "职某能科学…" is
            # 某 inserted, not 职 replaced by 某 after a stray 职.
            found.append((slips, (start, end) in ends, abs(end - start - len(phrase)), start, end))
    chosen: list[tuple[int, int, int]] = []
    for slips, _, _, start, end in sorted(found):  # the closest of overlapping spans
        if all(end <= other_start or other_end <= start for other_start, other_end, _ in chosen):
            chosen.append((start, end, slips))
    return sorted(chosen)


def _candidates(folded: str, phrase: str, limit: int) -> set[tuple[int, int]]:
    """Spans anchored by the phrase's opening or closing characters, of a length within
    `limit` of the phrase's, whose first and last characters are the phrase's own.
    (_slip_patterns writes this and _end_slips as a regex for build's screen: change both.)"""
    lengths = range(len(phrase) - limit, len(phrase) + limit + 1)
    spans = set()
    for start, _ in occurrences(folded, phrase[:_ANCHOR]):
        spans |= {(start, start + n) for n in lengths if folded[start + n - 1 : start + n] == phrase[-1]}
    for _, end in occurrences(folded, phrase[-_ANCHOR:]):
        spans |= {(end - n, end) for n in lengths if end >= n and folded[end - n] == phrase[0]}
    return spans


def _end_slips(folded: str, phrase: str) -> set[tuple[int, int]]:
    """Spans the length of the phrase, anchored at one end, whose character at the other end is
    not the phrase's but the one beside it is ("人民满义", "只能科学"): a slip in the end character
    itself, which the spans above miss, as they need both ends. The neighbour must agree, so
    that a different word ending the phrase's opening words ("…督察工作方案") is not a slip."""
    size = len(phrase)
    spans = set()
    for start, _ in occurrences(folded, phrase[:_ANCHOR]):
        end = start + size
        if end <= len(folded) and folded[end - 1] != phrase[-1] and folded[end - 2] == phrase[-2]:
            spans.add((start, end))
    for _, end in occurrences(folded, phrase[-_ANCHOR:]):
        start = end - size
        if start >= 0 and folded[start] != phrase[0] and folded[start + 1] == phrase[1]:
            spans.add((start, end))
    return spans


def _changes(written: str, canonical: str) -> list[tuple[str, str]]:
    """The spots where `written` differs from `canonical`, width and quote style aside."""
    from difflib import SequenceMatcher

    opcodes = SequenceMatcher(None, fold(written), fold(canonical), autojunk=False).get_opcodes()
    return [(written[i1:i2], canonical[j1:j2]) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]


def _separators(text: str) -> int:
    return sum(char in _SEPARATORS for char in text)


def _distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, or `limit + 1` when it is over `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # What the two begin and end with alike costs nothing: only what lies between is compared
    # (a slip in a long phrase leaves most of it on either side).
    same_start = _same_start(a, b)
    a, b = a[same_start:], b[same_start:]
    same_end = _same_start(reversed(a), reversed(b))
    a, b = a[: len(a) - same_end], b[: len(b) - same_end]
    # Only the cells within `limit` of the diagonal can hold `limit` or less (each step away
    # from it is an insertion or a deletion): the others are not computed, and count as over.
    over = limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [over] * (len(b) + 1)
        current[0] = i
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != b[j - 1]), over)
        if min(current) > limit:
            return over
        previous = current
    return previous[-1]


def _same_start(a: Iterable[str], b: Iterable[str]) -> int:
    """How many characters `a` and `b` begin with alike."""
    same = 0
    for char, other in zip(a, b, strict=False):  # the shorter one ends it
        if char != other:
            break
        same += 1
    return same
