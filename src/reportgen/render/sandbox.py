"""The environment templates run in: Jinja's sandbox with reportgen's limits (template_limits).

Two things have no sandbox hook in Jinja, so its code generator is extended (its documented
`code_generator_class`): a {% for %} counts its steps, and `~` measures its operands. The rest
uses the sandbox's own extension points: intercepted operators, `call`, the access-time hook for
string methods, `is_safe_attribute`, the `concat` that joins output, a bounded `range`.
"""

from __future__ import annotations

import types
from collections import ChainMap, abc, deque
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Template, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import Context, Macro, Undefined, markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

from reportgen.render.limits import (
    MAX_OUTPUT,
    LimitExceeded,
    bounded_range,
    check_arguments,
    check_binop,
    check_size,
    checked_method,
    current,
    guarded_filters,
    made,
    text_size,
)

# The code this generator writes differs from plain Jinja's: change this when it changes, so
# compiled templates cached on disk from before are not loaded.
COMPILED_FORMAT = "limited-1"


def _counted_call(node: nodes.Node) -> bool:
    """A loop's items as LimitedCodeGenerator wraps them: environment.counted(items)."""
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.EnvironmentAttribute)
        and node.node.name == "counted"
    )


class LimitedCodeGenerator(CodeGenerator):
    """Jinja's code generator, but loops count their steps and `~` measures its operands:
    neither goes through a sandbox hook in plain Jinja (a loop over a long text, or a text
    doubled by `{% set s = s ~ s %}`, would run unchecked). Jinja allows no new node types,
    so a loop's items become a call of an environment attribute, compiled as a plain call."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not _counted_call(node.iter):
            counted = nodes.EnvironmentAttribute("counted", lineno=node.iter.lineno)
            node.iter = nodes.Call(counted, [node.iter], [], None, None, lineno=node.iter.lineno)
        super().visit_For(node, frame)

    def visit_Call(self, node: nodes.Call, frame: Frame, **kwargs: Any) -> None:
        if not _counted_call(node):
            return super().visit_Call(node, frame, **kwargs)
        self.write("environment.counted(")
        self.visit(node.args[0], frame)
        self.write(")")
        return None

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.joined(context, (")
        for operand in node.nodes:
            self.visit(operand, frame)
            self.write(", ")
        self.write("))")


# What pydantic's BaseModel itself defines (model_dump_json, model_copy, json, copy …).
_PYDANTIC_NAMES = frozenset(dir(BaseModel))
_SAFE_ATTRIBUTES: dict[tuple[type, str], bool] = {}
_METHODS = (types.MethodType, types.BuiltinMethodType)
_MAX_KEPT_VERDICTS = 4096


class _Context(Context):
    """Jinja's context, made some 40 times a report (one per {% include %}): the names of the
    template's globals are collected from its ChainMap's maps at once, not by iterating the
    ChainMap (a dict built key by key, which took a quarter of making a context)."""

    def __init__(
        self,
        environment: SandboxedEnvironment,
        parent: dict[str, Any],
        name: str | None,
        blocks: dict[str, Callable[[Context], Iterator[str]]],
        globals: abc.MutableMapping[str, Any] | None = None,
    ):
        super().__init__(environment, parent, name, blocks, None)
        if globals is not None:
            self.globals_keys = set().union(*globals.maps) if type(globals) is ChainMap else set(globals)


class LimitedSandbox(SandboxedEnvironment):
    """The sandbox with limits on size, numbers, loop steps and time (see the module)."""

    code_generator_class = LimitedCodeGenerator
    context_class = _Context
    intercepted_binops = frozenset({"*", "+", "%", "**"})

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.globals["range"] = bounded_range
        # lipsum(n) writes n paragraphs of filler: no use in a report, and n is unbounded.
        self.globals.pop("lipsum", None)
        self.filters = guarded_filters(self.filters)
        self._helpers: frozenset[Callable[..., Any]] = frozenset()

    def add_helpers(self, helpers: abc.Mapping[str, Callable[..., Any]]) -> None:
        """Plain functions for templates (reportgen's heading(), enumeration() …), as globals.
        `call` knows them: they need no context and are safe, so Jinja's checks for either
        (five attribute look-ups, for some 50 calls a report) are skipped; the limits are not."""
        plain = all(type(helper) is types.FunctionType for helper in helpers.values())
        if not plain or any(hasattr(helper, "jinja_pass_arg") for helper in helpers.values()):
            raise TypeError("helpers are plain functions, without Jinja's pass_context and the like")
        self.globals.update(helpers)
        self._helpers |= frozenset(helpers.values())

    def get_template(
        self, name: str | Template, parent: str | None = None, globals: abc.MutableMapping[str, Any] | None = None
    ) -> Template:
        """Each template once per report: Jinja looks it up in its cache at every {% include %}
        (a report includes some 40 times) and, as auto_reload asks, compares its file's
        modification time each time. An edited file is still seen by the next report."""
        looked_up = current().templates
        if looked_up is None or globals is not None or type(name) is not str:
            return super().get_template(name, parent, globals)
        key = (self, name, parent)
        template = looked_up.get(key)
        if template is None:
            template = looked_up[key] = super().get_template(name, parent, globals)
        return template

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        current().tick()
        check_binop(operator, left, right)
        return made(self.binop_table[operator](left, right))

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        budget = current()
        budget.tick()
        if type(obj) is types.FunctionType and obj in self._helpers:
            check_arguments(args, kwargs)
            return made(self._call_helper(obj, args, kwargs))
        if isinstance(obj, (Macro, Undefined)) or obj is bounded_range:  # measured where joined, no
            return super().call(context, obj, *args, **kwargs)  # such function, range's own check
        check_arguments(args, kwargs)
        result = super().call(context, obj, *args, **kwargs)
        receiver = obj.__self__ if isinstance(obj, types.BuiltinMethodType) else None
        if isinstance(receiver, (list, dict, set, deque)):  # append, extend, update …: it grew
            check_size(len(receiver))
            budget.make(text_size((args, kwargs)))
            if budget.sizes:
                budget.sizes.clear()
        return made(result)

    def _call_helper(self, helper: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """What Jinja's Context.call does for a function that takes no context."""
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return helper(*args, **kwargs)
        except StopIteration:
            return self.undefined("value was undefined because a callable raised a StopIteration exception")

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute` in a template: Jinja's sandboxed getattr, which asks wrap_str_format
        and is_safe_attribute below. Most reads (some 170 a report) are of a field whose verdict
        is kept and that is no method, where both would let the value through: it is returned
        without asking them."""
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        if not isinstance(value, _METHODS) and _SAFE_ATTRIBUTES.get((type(obj), attribute)):
            return value
        wrapped = self.wrap_str_format(value)
        if wrapped is not None:
            return wrapped
        if self.is_safe_attribute(obj, attribute, value):
            return value
        return self.unsafe_undefined(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's hook for a method taken off a string: format (sandboxed by Jinja) and the
        other methods that can make much more than they get are checked before they run."""
        if not isinstance(value, _METHODS):
            return None
        wrapped = super().wrap_str_format(value)
        return checked_method(value, wrapped) or wrapped

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Every rule here and in Jinja's is_internal_attribute depends on the object's type
        # and the name only, so the verdict is kept per (type, name): a report asks ~170 times.
        key = (type(obj), attr)
        safe = _SAFE_ATTRIBUTES.get(key)
        if safe is None:
            safe = self._is_safe_attribute(obj, attr, value)
            if len(_SAFE_ATTRIBUTES) < _MAX_KEPT_VERDICTS:  # names a template computes stay unkept
                _SAFE_ATTRIBUTES[key] = safe
        return safe

    def _is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # pydantic's own machinery is not for templates: model_dump_json(indent=…) alone could
        # write gigabytes. Templates read a profile's fields and reportgen's properties.
        if attr in _PYDANTIC_NAMES and isinstance(obj, BaseModel):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def counted(self, iterable: Any) -> Iterator[Any]:
        """A loop's items, one step of the report's budget each."""
        budget = current()
        for item in iterable:
            budget.step()
            yield item

    def joined(self, context: Context, operands: tuple[Any, ...]) -> str:
        """`a ~ b`: measured first, then joined as Jinja does."""
        current().tick()
        check_size(sum(len(x) if type(x) is str else text_size(x) for x in operands))
        join = markup_join if context.eval_ctx.autoescape else str_join
        return made(join(operands))

    def concat(self, pieces: abc.Iterable[str]) -> str:  # type: ignore[override]
        """Joins a template's output: a macro's or a {% set %} block's pieces (a list), or the
        whole report (the template's generator: streamed, and stopped inside the template)."""
        if isinstance(pieces, list):
            check_size(sum(map(len, pieces)))
            return made("".join(pieces))
        report = "".join(self._streamed(pieces))
        current().make(len(report))
        return report

    def _streamed(self, pieces: abc.Iterable[str]) -> Iterator[str]:
        budget, total = current(), 0
        for piece in pieces:
            total += len(piece)
            if total > MAX_OUTPUT:
                # The pieces come out of nested generators (include is a loop over the included
                # template's), so an error raised here would name only the outermost template:
                # the template itself stops at its next hook, naming the line that printed last.
                budget.stop(LimitExceeded("output", MAX_OUTPUT))
                if total > 2 * MAX_OUTPUT:  # no hook came: plain text only
                    raise LimitExceeded("output", MAX_OUTPUT)
            yield piece
        if total > MAX_OUTPUT:
            raise LimitExceeded("output", MAX_OUTPUT)
