"""``codegen inspect``: the model as JSON, or one version, service or operation described for a
person, as ``python -m zeep`` prints a WSDL.

A target is ``Services88``, ``Services88.ErpSync`` or ``Services88.ErpSync.SaveConnection``, or
the same in Python names (``services88.erp_sync.save_connection``; the agent class
``ErpSyncAgent`` names its service too). The Python side (signatures, class and attribute names,
annotations, docstrings) comes from the renderer's own views, :mod:`codegen.naming` and
:mod:`codegen.pytypes`, so what inspect shows is what ``codegen generate`` writes.

Exit codes: 0, described; 2, bad usage, a docs folder that gives no model, or an unknown target
(the message lists close matches).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO, TypeVar

from . import __version__, naming
from .config import ConfigError, DEFAULT_PACKAGE
from .model import (
    Api,
    ArrayType,
    ComplexType,
    DictType,
    EnumType,
    Header,
    Operation,
    PRIMITIVES,
    QName,
    SERIALIZATION,
    Service,
    TypeDef,
    Version,
    XSD,
    to_json,
)
from .hierarchy import base_chain, reached_types
from .pytypes import TypeSpace
from .reading import DocsError, add_docs_command, docs_from_pages, docs_settings, read_pages
from .sources.pages import SOAP_KINDS, Page
from .render import AGENT_ATTRIBUTES, HeaderSet, OperationView, Renderer, ServiceView

EXIT_OK = 0
EXIT_USAGE = 2
WIDTH = 100


class TargetError(Exception):
    """A target that names nothing in the model; the message suggests what it may mean."""


# -- the Python side of one version ------------------------------------------------------------


class PythonView:
    """The generated Python names of one version's services and types, computed as the
    renderer computes them."""

    def __init__(self, version: Version, package: str = DEFAULT_PACKAGE) -> None:
        self.version = version
        self.package = package
        self.module = naming.module_names([version.name])[0]
        agents = {name for s in version.services for name in naming.agent_class_names(s.name)}
        self.space = TypeSpace(version, reserved=frozenset(agents))
        modules = naming.module_names([s.name for s in version.services], reserved={"types"})
        self.service_modules = {s.name: m for s, m in zip(version.services, modules)}
        self.renderer = Renderer(package, __version__, "")

    def service(self, service: Service) -> ServiceView:
        """The renderer's view of a service: methods, signatures, docstrings. The header sets
        only name constants of the generated schema module, which inspect does not show."""
        requests = {
            tuple(h.element.name for h in op.input.headers): HeaderSet("")
            for op in service.operations
        }
        replies = {op.output.headers: HeaderSet("") for op in service.operations}
        module = self.service_modules[service.name]
        return self.renderer.service_view(
            self.space, self.version, service, module, requests, replies
        )

    def attribute_names(self, typedef: ComplexType) -> list[str]:
        """The Python attributes of a complex type's own fields: a subclass never reuses a name
        its bases use, so the names depend on the whole chain, root first."""
        inherited: list[str] = []
        own: list[str] = []
        for link in reversed(base_chain(typedef, self.space.types)):
            own = naming.field_names([f.name for f in link.fields], inherited=inherited)
            inherited = inherited + own
        return own


def signature(view: OperationView, asynchronous: bool = False) -> str:
    """``def name(self, a: A, b: B) -> R``, as the generated stub declares it."""
    params = "".join(f", {p.attr}: {p.annotation}" for p in view.params)
    prefix = "async def" if asynchronous else "def"
    return f"{prefix} {view.method}(self{params}) -> {view.returns}"


# -- targets -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    version: Version
    service: Service | None = None
    operation: Operation | None = None


def parse_target(text: str) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in text.strip().split("."))
    if not text.strip() or len(parts) > 3 or not all(parts):
        raise TargetError(
            f"{text!r} is not a target: give VERSION, VERSION.SERVICE or VERSION.SERVICE.OPERATION "
            "(e.g. Services88.ErpSync.SaveConnection)"
        )
    return parts


def resolve(versions: Sequence[Version], parts: Sequence[str]) -> Target:
    """The version, service and operation a target names, by XML or Python name."""
    version = _pick(
        parts[0], versions, lambda v: (v.name, naming.module_names([v.name])[0]), "version", ""
    )
    if len(parts) == 1:
        return Target(version)
    service = _pick(
        parts[1],
        version.services,
        lambda s: (s.name, naming.snake_case(s.name), *naming.agent_class_names(s.name)),
        "service",
        f" in {version.name}",
    )
    if len(parts) == 2:
        return Target(version, service)
    methods = naming.method_names([op.name for op in service.operations], reserved=AGENT_ATTRIBUTES)
    method_of = {op.name: method for op, method in zip(service.operations, methods)}
    operation = _pick(
        parts[2],
        service.operations,
        lambda op: (op.name, method_of[op.name]),
        "operation",
        f" in {version.name}.{service.name}",
    )
    return Target(version, service, operation)


# Any model item, and the names it answers to (its XML name first).
_Named = TypeVar("_Named", str, Version, Service, Operation)


def _pick(
    wanted: str,
    items: Sequence[_Named],
    names: Callable[[_Named], tuple[str, ...]],
    what: str,
    where: str,
) -> _Named:
    for exact in (True, False):  # an exact name first, then one that differs only in case
        for item in items:
            if any(
                name == wanted if exact else name.casefold() == wanted.casefold()
                for name in names(item)
            ):
                return item
    candidates = sorted({name for item in items for name in names(item)[:1]})
    close = difflib.get_close_matches(wanted, candidates, n=5, cutoff=0.5)
    if not close:
        folded = {c.casefold(): c for c in candidates}
        close = [
            folded[c]
            for c in difflib.get_close_matches(wanted.casefold(), list(folded), n=5, cutoff=0.5)
        ]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    listing = "" if close or len(candidates) > 12 else f" ({', '.join(candidates) or 'none'})"
    raise TargetError(f"no {what} {wanted!r}{where}{hint}{listing}")


# -- descriptions for a person -------------------------------------------------------------------


def describe(target: Target, package: str = DEFAULT_PACKAGE) -> str:
    python = PythonView(target.version, package)
    if target.operation is not None and target.service is not None:
        return "\n".join(_operation_lines(python, target.service, target.operation))
    if target.service is not None:
        return "\n".join(_service_lines(python, target.service))
    return "\n".join(_version_lines(python))


def _version_lines(python: PythonView) -> Iterator[str]:
    version = python.version
    operations = sum(len(s.operations) for s in version.services)
    yield f"{version.name}  ({python.package}.{python.module})"
    yield f"  namespace   {version.namespace}"
    yield f"  services    {len(version.services)}, operations {operations}"
    yield f"  types       {len(version.types)}"
    yield ""
    yield "Services:"
    width = max((len(s.name) for s in version.services), default=0)
    for service in version.services:
        agent, _ = naming.agent_class_names(service.name)
        count = f"{len(service.operations)} operations"
        yield f"  {service.name:<{width}}  {agent:<{width + 5}}  {count:<15}  {service.endpoint}"


def _service_lines(python: PythonView, service: Service) -> Iterator[str]:
    view = python.service(service)
    version = python.version
    yield f"{version.name}.{service.name}"
    yield f"  endpoint    {service.endpoint}"
    yield f"  namespace   {service.namespace}"
    yield f"  classes     {view.agent}, {view.async_agent}"
    yield f"  module      {python.package}.{python.module}.{view.module}"
    if not service.from_wsdl:
        yield "  shapes      inferred from the examples (the docs have no WSDL for it)"
    yield ""
    yield f"Methods ({len(view.operations)}):"
    for operation in view.operations:
        yield f"  {signature(operation)}"
    yield ""
    yield f"Docstring of {view.agent}:"
    yield from _indented(view.description, "  ")


def _operation_lines(python: PythonView, service: Service, operation: Operation) -> Iterator[str]:
    view = python.service(service)
    op_view = next(o for o in view.operations if o.name == operation.name)
    version = python.version
    yield f"{version.name}.{service.name}.{operation.name}"
    yield f"  {signature(op_view)}"
    yield f"  on {view.agent} (and {signature(op_view, asynchronous=True)} on {view.async_agent})"
    yield f"  in {python.package}.{python.module}.{view.module}"
    if op_view.result_class:
        yield f"  returns the NamedTuple {op_view.result_class}"
    yield ""
    yield f"SOAP action   {operation.soap_action}"
    yield f"endpoint      {service.endpoint}"
    if operation.source is not None:
        yield f"documented    {operation.source}"
    for title, message, fields in (
        ("request", operation.input, op_view.params),
        ("response", operation.output, op_view.parts),
    ):
        yield f"{title:<14}{message.element}"
        for item, python_field in zip(message.fields, fields):
            xml_side = f"{item.name}: {_xml_type(item.type)}"
            python_side = f"{python_field.attr}: {python_field.annotation}"
            yield f"  {xml_side:<40} -> {python_side}{_occurrence(item.min_occurs, item.nillable)}"
        if not message.fields:
            yield "  (no parts)"
    yield "headers sent  " + _headers(operation.input.headers)
    yield "headers read  " + _headers(operation.output.headers)
    yield ""
    roots = [f.type for f in operation.input.fields + operation.output.fields]
    reached = reached_types(roots, python.version.type_map())
    yield f"Types ({len(reached)}, reached from the request and the response):"
    for typedef in reached:
        yield from _type_lines(python, typedef)
    yield ""
    yield "Docstring:"
    yield from _indented(op_view.docstring, "  ")


def _headers(headers: Sequence[Header]) -> str:
    return ", ".join(f"{h.element.name}: {_xml_type(h.type)}" for h in headers) or "none"


def _occurrence(min_occurs: int, nillable: bool) -> str:
    marks = [word for word, flag in (("optional", min_occurs == 0), ("nillable", nillable)) if flag]
    return f"  ({', '.join(marks)})" if marks else ""


def _type_lines(python: PythonView, typedef: TypeDef) -> Iterator[str]:
    space = python.space
    name = typedef.name
    if isinstance(typedef, ComplexType):
        info = space.classes[name]
        base = f", extends {typedef.base.name}" if typedef.base else ""
        yield f"  {name.name}  (class {info.name} in types.{info.module}{base})"
        rows = [
            (
                f"{attr}: {space.field_annotation(item)}",
                f"{item.name}: {_xml_type(item.type)}",
                item,
            )
            for attr, item in zip(python.attribute_names(typedef), typedef.fields)
        ]
        width = min(max((len(python_side) for python_side, _, _ in rows), default=0), 56)
        for python_side, xml_side, item in rows:
            occurrence = _occurrence(item.min_occurs, item.nillable)
            yield f"    {python_side:<{width}}  {xml_side}{occurrence}"
        if not typedef.fields:
            yield "    (no fields of its own)"
    elif isinstance(typedef, EnumType):
        view = python.renderer.enum_view(space.classes[name], typedef)
        kind = "flags enum" if typedef.flags else "enum"
        yield f"  {name.name}  ({kind} {view.name} in types.{view.module})"
        members = [
            f"{m.name} = {m.value}" + (f" ({m.xml})" if typedef.flags else "") for m in view.members
        ]
        yield from textwrap.wrap(
            ", ".join(members), WIDTH, initial_indent="    ", subsequent_indent="    "
        )
    elif isinstance(typedef, ArrayType):
        item = typedef.item
        yield f"  {name.name}  (array: {space.annotation(name)})"
        yield f"    item {item.name}: {_xml_type(item.type)}"
    elif isinstance(typedef, DictType):
        yield f"  {name.name}  (dictionary: {space.annotation(name)})"
        key, value = _xml_type(typedef.key.type), _xml_type(typedef.value.type)
        yield f"    pair {typedef.pair.name}: Key {key}, Value {value}"


def _xml_type(name: QName) -> str:
    if name in PRIMITIVES:
        return f"{'ser' if name.namespace == SERIALIZATION else 'xsd'}:{name.name}"
    return name.name if name.namespace != XSD else f"xsd:{name.name}"


def _indented(text: str, indent: str) -> Iterator[str]:
    for line in (text.strip() or "Undocumented.").split("\n"):
        yield f"{indent}{line}".rstrip()


# -- the command -----------------------------------------------------------------------------------

DESCRIPTION = """\
Print the model the docs give: as JSON without a TARGET (or with --json), or one version,
service or operation described for a person: Python signatures, SOAP action, messages,
headers, the types an operation reaches, and the docstring. Settings (docs, versions, package)
come from [tool.codegen] of the nearest pyproject.toml; options override them."""

EPILOG = """\
targets:
  Services88                              a version: its services and endpoints
  Services88.ErpSync                      a service: its endpoint and every method's signature
  Services88.ErpSync.SaveConnection       an operation, in full
  services88.erp_sync.save_connection     the same, in Python names

exit codes:
  0    described
  2    bad usage, no docs, or an unknown target (close matches are listed)
"""


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``inspect`` with the command line's subcommands."""
    summary = "print the model, or describe one version, service or operation"
    parser = add_docs_command(commands, "inspect", summary, DESCRIPTION, EPILOG)
    parser.add_argument("target", nargs="?", metavar="TARGET", help="what to describe (see below)")
    parser.add_argument("--json", action="store_true", help="print the target's model as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, *_: object) -> int:
    """The ``inspect`` command: arguments in, exit code out; the description on stdout."""
    try:
        parts = parse_target(args.target) if args.target is not None else ()
        resolved = docs_settings(args)
        pages, rest_pages, _problems = read_pages(resolved.docs, resolved.wsdl, resolved.limits, resolved.follow_links_to)
        # A target in one version needs only that version built (a version's model does not
        # depend on the others').
        wanted = resolved.versions or _version_of(parts, pages)
        docs = docs_from_pages(resolved.docs, pages, rest_pages, wanted, resolved.limits)
        target = resolve(docs.api.versions, parts) if parts else None
    except (TargetError, ConfigError, DocsError) as error:
        print(f"codegen inspect: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    write(target, docs.api, args.json, resolved.package, sys.stdout)
    return EXIT_OK


def _version_of(parts: Sequence[str], pages: Sequence[Page]) -> tuple[str, ...]:
    """The version a target names, as the docs spell it (checked before anything is built)."""
    if not parts:
        return ()
    found = sorted({page.version for page in pages if page.version and page.kind in SOAP_KINDS})
    return (
        _pick(parts[0], found, lambda name: (name, naming.module_names([name])[0]), "version", ""),
    )


def write(target: Target | None, api: Api, as_json: bool, package: str, stream: TextIO) -> None:
    """The model as JSON without a target; the target as JSON or described for a person."""
    if target is None:
        stream.write(to_json(api) + "\n")
    elif as_json:
        stream.write(to_json(target.operation or target.service or target.version) + "\n")
    else:
        stream.write(describe(target, package) + "\n")


__all__ = [
    "PythonView",
    "Target",
    "TargetError",
    "add_parser",
    "describe",
    "parse_target",
    "resolve",
    "run",
    "signature",
]
