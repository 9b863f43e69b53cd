"""Limits on what a template may make (sizes, numbers, loop steps, time) and the checks for them.

Template folders are shared between offices, so a template is code from someone else. Jinja's
sandbox stops it reaching Python internals but not `'1' * 10**10` or a loop that never ends.
The checks here run *before* each operation that can make something large (repetition,
concatenation, formatting, powers, the filters and string methods that take a width or a
count); a per-report `Budget` counts loop steps, everything made and the time spent. The
sandbox (template_sandbox.py) calls them from inside the template, so a `LimitExceeded`
ends at the user's own file and line (templating.render_template makes it a TemplateProblem).
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import inspect
import itertools
import math
import re
import time
from collections import abc, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from numbers import Rational
from string import Formatter
from typing import Any

from jinja2.sandbox import MAX_RANGE
from jinja2.utils import Namespace
from pydantic import BaseModel

# A real report is 30-60 KB of text, 10,000-20,000 characters (the examples print 4,000-7,500);
# a profile may be at most 1 MiB (load.MAX_FILE_BYTES). Two million characters in one value is
# a hundred times the longest report and more than the largest profile, yet at most 8 MB.
MAX_VALUE = 2_000_000
# The whole report, in characters: the same hundredfold margin.
MAX_OUTPUT = 2_000_000
# Everything one report makes, summed (texts, lists, printed values, joined buffers): the
# examples make 15,000-26,000; 20 million caps what a template can pile up at about 80 MB.
MAX_MADE = 20_000_000
# Loop steps per report: the examples take 17-37. A million bare steps take about 0.2 s,
# and Jinja's own range() stops at MAX_RANGE (100,000) items per call.
MAX_LOOP_STEPS = 1_000_000
# Digits in a number a template computes: reports print 亿-scale figures (under 20 digits);
# Python itself refuses to print integers over 4,300 digits, with an unexplained ValueError.
MAX_DIGITS = 1_000
# Seconds per report: the examples render in 1-3 ms; after 10 s a clerk would think the
# program hung. Checked in the sandbox's hooks, so it works in threads (no signals).
TIME_LIMIT = 10.0

# %f prints the largest float (1e308) as 316 characters: the most one field adds by itself.
_LONGEST_NUMBER = 320
# What str() of an unknown object (a view, a date, a macro) is reckoned at.
_OPAQUE = 80
# Characters an operation may copy in all (striptags copies the text once per tag): well
# under a second of copying.
_MAX_COPIED = 1_000_000_000
# Nesting deeper than this is not walked: Python's own repr() gives up near 1,000.
_MAX_NESTING = 100


class LimitExceeded(Exception):
    """A template went past a limit: `limit` names it ("value", "output", "made", "loops",
    "range", "number", "time", "work"), `amount` is the limit's size for the message."""

    def __init__(self, limit: str, amount: float):
        super().__init__(limit, amount)
        self.limit = limit
        self.amount = amount


# ---------------------------------------------------------------- the budget of one report


class Budget:
    """What one report may still spend: loop steps, characters made, time. It also keeps the
    printed size of each profile object it has measured (`sizes`, emptied when a template
    changes a list or dict: that list may sit inside one of them), and the templates the report
    has looked up (`templates`, see LimitedSandbox.get_template). `keeps` False: neither is kept
    (the budget outside `metered()`, shared by every render)."""

    __slots__ = ("deadline", "made", "max_made", "max_steps", "sizes", "steps", "stopped", "templates")

    def __init__(self, seconds: float, max_steps: float, max_made: float, keeps: bool = True):
        self.deadline = time.monotonic() + seconds
        self.max_steps, self.max_made = max_steps, max_made
        self.steps = self.made = 0
        self.sizes: dict[int, tuple[Any, int]] | None = {} if keeps else None
        self.templates: dict[tuple[Any, ...], Any] | None = {} if keeps else None
        self.stopped: LimitExceeded | None = None

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise self.stopped or LimitExceeded("time", TIME_LIMIT)

    def stop(self, reason: LimitExceeded) -> None:
        """End the report at the template's next hook (so the error is raised in its code)."""
        if self is _UNMETERED:
            raise reason
        self.stopped, self.deadline = reason, -math.inf

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.max_steps:
            raise LimitExceeded("loops", MAX_LOOP_STEPS)
        self.tick()

    def make(self, size: int) -> None:
        self.made += size
        if self.made > self.max_made:
            raise LimitExceeded("made", MAX_MADE)


# Outside `metered()` (a template rendered some other way) only the per-value limits apply.
_UNMETERED = Budget(math.inf, math.inf, math.inf, keeps=False)
_current: ContextVar[Budget] = ContextVar("reportgen_template_budget", default=_UNMETERED)


def current() -> Budget:
    return _current.get()


@contextmanager
def metered() -> Iterator[Budget]:
    """A fresh budget for one report, for the current thread or task."""
    token = _current.set(Budget(TIME_LIMIT, MAX_LOOP_STEPS, MAX_MADE))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


# ---------------------------------------------------------------- measuring values


def check_size(size: int) -> None:
    if size > MAX_VALUE:
        raise LimitExceeded("value", MAX_VALUE)


def check_digits(digits: int) -> None:
    if digits > MAX_DIGITS:
        raise LimitExceeded("number", MAX_DIGITS)


def made(result: Any) -> Any:
    """Charge a result to the report's budget (after checking its length) and return it."""
    if isinstance(result, _SIZED):
        size = len(result)
        check_size(size)
        _current.get().make(size)
    return result


_SIZED = (str, bytes, bytearray, list, tuple, dict, set, frozenset)
_SEQUENCES = (str, bytes, list, tuple)
_COLLECTIONS = (list, tuple, set, frozenset, deque, abc.KeysView, abc.ValuesView, abc.ItemsView)


def digits(number: Any) -> int:
    """About how many digits an integer or fraction prints (0 for other values)."""
    if isinstance(number, int):
        return number.bit_length() * 30103 // 100000 + 1
    if isinstance(number, Rational):
        return digits(number.numerator) + digits(number.denominator)
    return 0


def text_size(value: Any, limit: int = MAX_VALUE, indent: int = 0) -> int:
    """About how many characters str(value) prints, each shared part counted where it
    appears (printing repeats it). Stops once past `limit`, so a list of a million references
    to one long text costs no more than `limit` steps. `indent`: per level, as JSON indents."""
    if type(value) is str:  # most values: quickly
        return len(value)
    if not indent and (type(value) is list or type(value) is dict):
        plain = _plain_size(value, limit)
        if plain is not None:
            return plain
    return _walked_size(value, limit, indent)


def _walked_size(value: Any, limit: int, indent: int) -> int:
    """text_size of anything: part by part, depth first, keeping the sizes of profile objects."""
    children = _parts(value)
    if children is None:
        return _leaf_size(value)
    sizes = _current.get().sizes if not indent else None
    total = 0
    # Per level: the parts still to count, the depth, the object and the total before it.
    stack: list[tuple[Iterator[Any], int, Any, int]] = [(iter(children), 1, value, 0)]
    while stack:
        parts, depth, owner, before = stack[-1]
        pad = 2 + depth * indent  # quotes or a separator, and the indent
        for item in parts:
            if type(item) is str:  # most parts: quickly
                total += pad + len(item)
            elif item is None or type(item) is bool:  # unset and yes/no fields: no parts, never kept
                total += pad + _leaf_size(item)
            else:
                known = sizes.get(id(item)) if sizes is not None else None
                children = None if known else _parts(item)
                if children is not None:
                    if len(stack) > _MAX_NESTING:
                        return limit + 1
                    stack.append((iter(children), depth + 1, item, total + pad))
                    total += pad
                    break
                total += pad + (known[1] if known else _leaf_size(item))
            if total > limit:
                return total
        else:
            stack.pop()
            if sizes is not None and _kept(owner):
                sizes[id(owner)] = (owner, total - before)
    return total


_LIST_ITEM = object()  # the "key" of a list's items in _plain_size: no key a template can make


def _plain_size(value: list[Any] | dict[Any, Any], limit: int) -> int | None:
    """text_size of what templates mostly pass: a list of texts or of dicts of texts
    ([{"title": …, "text": …}]), or a dict of texts; None for anything else. The same sums
    in one loop (no stack, no kept sizes: these are not profile objects), stopping past
    `limit` where text_size would."""
    total = 0
    pairs = value.items() if type(value) is dict else ((_LIST_ITEM, item) for item in value)
    for key, item in pairs:
        if key is not _LIST_ITEM:
            if type(key) is not str:  # None or a number as a key: the walk measures it
                return None
            total += 2 + len(key)
            if total > limit:
                return total
        if type(item) is str:
            total += 2 + len(item)
            if total > limit:
                return total
            continue
        if key is not _LIST_ITEM or type(item) is not dict:
            return None
        total += 2
        for inner_key, inner in item.items():
            if type(inner_key) is not str or type(inner) is not str:
                return None
            total += 2 + len(inner_key)
            if total > limit:
                return total
            total += 2 + len(inner)
            if total > limit:
                return total
    return total


_LEAVES = (str, bytes, int, float, type(None))


def _parts(item: Any) -> abc.Iterable[Any] | None:
    """What str(item) prints inside it, or None for a leaf."""
    shape = _shape(type(item))
    if shape is _Shape.COLLECTION:
        return item
    if shape is _Shape.MAPPING:
        return itertools.chain.from_iterable(item.items())
    if shape is _Shape.FIELDS:
        return getattr(item, "__dict__", {}).values()
    if shape is _Shape.NAMESPACE:
        return _parts(object.__getattribute__(item, "_Namespace__attrs"))
    return None


class _Shape(enum.Enum):
    LEAF = enum.auto()
    MAPPING = enum.auto()
    COLLECTION = enum.auto()
    NAMESPACE = enum.auto()
    FIELDS = enum.auto()  # a pydantic model, or a dataclass printed as its fields


@functools.cache
def _shape(kind: type) -> _Shape:
    """How values of a type print, found once per type: isinstance checks against ABCs (pydantic's
    models too) take a while, and a report measures a few hundred parts."""
    if issubclass(kind, _LEAVES):
        return _Shape.LEAF
    if issubclass(kind, dict):
        return _Shape.MAPPING
    if issubclass(kind, _COLLECTIONS):
        return _Shape.COLLECTION
    if issubclass(kind, Namespace):
        return _Shape.NAMESPACE
    if _kept_kind(kind):
        return _Shape.FIELDS
    return _Shape.LEAF


def _kept(item: Any) -> bool:
    """The profile and its views, which a template cannot make, and which live as long as the
    render: their sizes are kept (their ids stay their own)."""
    return _kept_kind(type(item))


@functools.cache
def _kept_kind(kind: type) -> bool:
    return issubclass(kind, BaseModel) or _printed_as_fields(kind)


@functools.cache
def _printed_as_fields(kind: type) -> bool:
    """A dataclass without a __str__ of its own prints every field (as its repr)."""
    return dataclasses.is_dataclass(kind) and kind.__str__ is object.__str__


def _leaf_size(item: Any) -> int:
    if isinstance(item, (str, bytes)):
        return len(item)
    if isinstance(item, int):
        return digits(item)
    return _OPAQUE


def check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any], printed: bool = True) -> None:
    """What a function or filter is given: no integer above MAX_VALUE (a width, a count, a
    length to make) and, if it may print them, together at most MAX_VALUE characters."""
    size = 0
    for values in (args, kwargs.values()) if kwargs else (args,):
        for value in values:
            if type(value) is str:  # most arguments: quickly
                size += len(value)
            elif isinstance(value, int):
                if value > MAX_VALUE:
                    raise LimitExceeded("value", MAX_VALUE)
            elif printed:
                size += text_size(value, MAX_VALUE - size)
    check_size(size)


# ---------------------------------------------------------------- operators


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Before `*`, `+`, `%`, `**`: the size of what they would make."""
    if operator == "*":
        if isinstance(left, Rational) and isinstance(right, Rational):
            check_digits(digits(left) + digits(right))
        elif isinstance(right, int) and isinstance(left, _SEQUENCES):
            check_size(len(left) * right)
        elif isinstance(left, int) and isinstance(right, _SEQUENCES):
            check_size(len(right) * left)
    elif operator == "+":
        if isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
            check_size(len(left) + len(right))
        elif _fractions(left, right):  # denominators multiply
            check_digits(digits(left) + digits(right))
    elif operator == "**":
        if isinstance(left, Rational) and isinstance(right, int) and abs(left) not in (0, 1):
            check_digits(digits(left) * abs(right))
    elif operator == "%" and isinstance(left, str):
        check_size(printf_size(left, right))


def _fractions(left: Any, right: Any) -> bool:
    """Both numbers exact, and not both integers (whose sum grows by one digit at most)."""
    both = isinstance(left, Rational) and isinstance(right, Rational)
    return both and not (isinstance(left, int) and isinstance(right, int))


# A width or precision: after "%" or a key's ")" and the flags. Every part is optional, so a
# match never backtracks and the scan stays linear however the text is made.
_PRINTF_NUMBERS = re.compile(r"[%)][-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def printf_size(text: str, args: Any) -> int:
    """At most how long `text % args` is: widths, precisions and the values printed. Counts
    generously (any ")" may end a key), never less than Python prints."""
    size = len(text) + text.count("%") * _LONGEST_NUMBER
    stars = 0
    for numbers in _PRINTF_NUMBERS.findall(text):
        for number in numbers:
            if number == "*":
                stars += 1
            elif number:
                size += int(number) if len(number) < 10 else MAX_VALUE + 1
    if stars and isinstance(args, tuple):
        size += stars * sum(arg for arg in args if isinstance(arg, int) and arg > 0)
    if isinstance(args, abc.Mapping):  # each "%(key)" may print any value
        return size + text.count("%(") * text_size(args)
    return size + text_size(args)


def format_size(text: str, args: tuple[Any, ...], kwargs: abc.Mapping[str, Any]) -> int:
    """At most how long `text.format(*args, **kwargs)` is."""
    size, auto = len(text), itertools.count()
    for _literal, field, spec, _conversion in Formatter().parse(text):
        if field is None:
            continue
        size += text_size(_field_root(field, args, kwargs, auto)) + _LONGEST_NUMBER
        for _part, nested, _, _ in Formatter().parse(spec or ""):
            if nested is not None:  # a width given as an argument: "{:{}}"
                width = _field_root(nested, args, kwargs, auto)
                size += width if isinstance(width, int) else 0
        size += sum(int(number) if len(number) < 10 else MAX_VALUE + 1 for number in re.findall(r"\d+", spec or ""))
    return size


def _field_root(field: str, args: tuple[Any, ...], kwargs: abc.Mapping[str, Any], auto: Iterator[int]) -> Any:
    """The argument a replacement field starts from ("0.title" → args[0])."""
    first = re.split(r"[.\[]", field, maxsplit=1)[0]
    if not first or first.isdigit():
        index = next(auto) if not first else int(first)
        return args[index] if index < len(args) else None
    return kwargs.get(first)


# ---------------------------------------------------------------- string methods and filters


def _replace(text: Any, old: Any, new: Any, count: int = -1) -> None:
    found = text.count(old) if old else len(text) + 1
    found = found if count is None or count < 0 else min(found, count)
    check_size(len(text) + found * max(len(new) - len(old), 0))


def _materialized(items: Any) -> list[Any]:
    listed = list(itertools.islice(iter(items), MAX_VALUE + 1))
    check_size(len(listed))
    return listed


def _joined_size(separator: Any, items: list[Any]) -> int:
    return sum(text_size(item) for item in items) + len(items) * len(separator)


def _method_join(separator: Any, items: Any) -> tuple[Any, ...]:
    listed = _materialized(items)
    check_size(_joined_size(separator, listed))
    return (listed,)


def _expandtabs(text: Any, tabsize: int = 8) -> None:
    check_size(len(text) + text.count("\t" if isinstance(text, str) else b"\t") * max(tabsize, 0))


def _striptags(text: Any) -> None:
    # markupsafe removes one tag at a time, copying the rest of the text each time.
    if (text.count("<") + 1) * len(text) > _MAX_COPIED:
        raise LimitExceeded("work", _MAX_COPIED)


def _translate(text: Any, table: Any, *_: Any) -> None:
    longest = (
        max((len(v) for v in table.values() if isinstance(v, (str, bytes))), default=1)
        if isinstance(table, dict)
        else 1
    )
    check_size(len(text) * max(longest, 1))


# Methods of str and bytes that can make much more than they are given, each with a check
# that runs first (and may return the arguments to call with instead, as join's list).
_METHOD_CHECKS: dict[str, Callable[..., Any]] = {
    "replace": _replace,
    "join": _method_join,
    "expandtabs": _expandtabs,
    "translate": _translate,
    "striptags": _striptags,
    "format": lambda text, *args, **kwargs: check_size(format_size(text, args, kwargs)),
    "format_map": lambda text, mapping: check_size(format_size(text, (), mapping)),
}


def checked_method(method: Any, call: Callable[..., Any] | None = None) -> Callable[..., Any] | None:
    """A method taken off a string, checked before it runs if it can make much more than it
    gets (None if it cannot). `call`: what to run instead of the method (Jinja's sandboxed
    format)."""
    text = getattr(method, "__self__", None)
    check = _METHOD_CHECKS.get(getattr(method, "__name__", "")) if isinstance(text, (str, bytes)) else None
    if check is None:
        return None
    run = call or method

    @functools.wraps(method)
    def checked(*args: Any, **kwargs: Any) -> Any:
        replaced = check(text, *args, **kwargs)
        return run(*(replaced if replaced is not None else args), **kwargs)

    return checked


def _filter_join(arguments: dict[str, Any]) -> None:
    arguments["value"] = _materialized(arguments["value"])
    check_size(_joined_size(str(arguments["d"]), arguments["value"]))


def _filter_indent(arguments: dict[str, Any]) -> None:
    width, text = arguments["width"], str(arguments["s"])
    check_size(len(text) + (text.count("\n") + 1) * (width if isinstance(width, int) else len(str(width))))


def _filter_wordwrap(arguments: dict[str, Any]) -> None:
    wrap = arguments["wrapstring"] or "\n"
    check_size(len(str(arguments["s"])) * (1 + len(wrap)))  # at worst a break after every character


def _filter_urlize(arguments: dict[str, Any]) -> None:
    text = str(arguments["value"])
    extra = len(str(arguments["target"] or "")) + len(str(arguments["rel"] or "")) + 64
    check_size(2 * len(text) + (len(text.split()) + 1) * extra)


def _filter_precision(name: str) -> Callable[[dict[str, Any]], None]:
    def check(arguments: dict[str, Any]) -> None:
        if isinstance(arguments[name], int):
            check_digits(abs(arguments[name]))

    return check


def _indent_width(indent: Any) -> int:
    return indent if isinstance(indent, int) else len(str(indent or ""))


# Filters that can make much more than they are given, by name, each checked first with the
# filter's bound arguments (join's may be replaced by the list it was given as).
_FILTER_CHECKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "join": _filter_join,
    "indent": _filter_indent,
    "wordwrap": _filter_wordwrap,
    "urlize": _filter_urlize,
    "replace": lambda a: _replace(str(a["s"]), a["old"], a["new"], a["count"]),
    "format": lambda a: check_size(printf_size(str(a["value"]), a["kwargs"] or a["args"])),
    "tojson": lambda a: check_size(text_size(a["value"], indent=_indent_width(a["indent"]))),
    "pprint": lambda a: check_size(text_size(a["value"], indent=1)),
    "striptags": lambda a: _striptags(str(a["value"])),
    "round": _filter_precision("precision"),
    "percent": _filter_precision("decimals"),
}


# Filters that only pick, count or order what they are given, never print it: what they are
# given is not measured (their result still is). Any other filter's arguments are.
_PICKING_FILTERS = frozenset(
    {
        *("attr", "batch", "count", "d", "default", "dictsort", "first", "groupby", "items", "last", "length"),
        *("list", "map", "max", "min", "random", "reject", "rejectattr", "reverse", "select", "selectattr"),
        *("slice", "sort", "unique"),
    }
)


def guarded_filters(filters: abc.Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """The filters, each checking what it is given (and, for the amplifiers, what it would
    make) first and its result after. Filters are called directly by compiled templates, not
    through the sandbox's `call`, so they are checked here."""
    return {name: _guarded_filter(name, function) for name, function in filters.items()}


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    if getattr(function, "reportgen_guarded", False):
        return function
    check = _FILTER_CHECKS.get(name)
    printed = name not in _PICKING_FILTERS

    @functools.wraps(function)  # keeps jinja_pass_arg: Jinja still passes context or environment
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _current.get().tick()
        if check is not None:
            bound = _signature(function).bind(*args, **kwargs)
            bound.apply_defaults()
            check(bound.arguments)
            args, kwargs = bound.args, bound.kwargs
        check_arguments(args, kwargs, printed)
        return made(function(*args, **kwargs))

    guarded.reportgen_guarded = True  # type: ignore[attr-defined]
    return guarded


# A filter's signature, read when the filter is first used: reading all of them took a third
# of making an environment, which the first report of every process waits for.
_signature = functools.cache(inspect.signature)


def bounded_range(*args: int) -> range:
    """Jinja's sandboxed range, with a message of our own past MAX_RANGE items."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise LimitExceeded("range", MAX_RANGE)
    return numbers
