"""The API difference between two versions of the model: what a user of the generated client,
or of the server contract, has to know when the docs move from one snapshot or version to
another.

The diff is computed on the model (``codegen.model``), never on generated text: services,
operations (SOAP action, request and reply wrapper elements, headers), parameters, result
parts, types (kind, base), fields of data contracts, array items, dictionary entries and enum
members. Descriptions are not compared: they change no call.

Names are compared relative to their version: ``{…/Services87}ErpConnection`` and
``{…/Services88}ErpConnection`` are the same type, and a SOAP action or endpoint is compared
with the version's namespace and name taken out. Names of other namespaces keep theirs
(``xs:int``, ``arr:ArrayOfint``). A renamed thing shows as one removed and one added.

How a change is classed
=======================

Every change has a kind, and :data:`RULES` is the one table that classes each kind, with its
reason. A rule has two columns: the class when the changed thing travels in requests (the
client writes it, the server reads it) and when it travels in replies (the server writes it,
the client reads it). Parameters travel in requests and result parts in replies; a type
travels wherever an operation's parameters, results or headers reach it, through fields,
bases, array items, dictionary entries and subtypes (a subtype may stand wherever its base
is declared). A change is breaking when it is breaking in any direction its thing travels in
the old or the new model; a type that no operation reaches is classed as if it travelled
both ways (its class is still public in the generated package).

The reasoning behind the table, from the point of view of the generated client and of the
server contract:

- Removing anything a user can name (service, operation, parameter, result part, type, field,
  enum member) is breaking; adding a service, operation or type is compatible.
- Every parameter of a generated method is positional and has no default, so an added
  parameter breaks every existing call, optional (``minOccurs="0"``) or not; reordered
  parameters break positional calls and the wire order (``xs:sequence`` is ordered).
- Data contract fields are keyword-only, defaulting to ``None`` when optional: an added optional
  field is compatible; an added required field breaks the code that builds a request, but a
  reply only brings one more attribute.
- Loosening (optional, nillable) is compatible for what the client sends and breaking for what
  it reads (code meets ``None`` where it could not before); tightening is the reverse.
- An added enum member is compatible in both directions. In replies it can surprise code that
  handles every member explicitly; the generated client reads an unknown value as a
  pseudo-member and ignores an unknown flag with a warning, so a reply still parses. The
  change says when the enum reaches replies. Member numbers are not compared: the wire
  carries the names.

The WebAPI
==========

Given the WebAPI of both sides (``diff_versions(..., webapi=(old, new))``, or
:func:`diff_webapi` alone), its agents are compared in the area ``webapi``: agents and endpoints
(by agent and method name), each endpoint's path, ``$select``, reply and parameters (by their
SOAP name): where each travels (query string, body property, the whole body), its wire name
(compared case-insensitively: the WebAPI binds names so), type and required-ness. Types are
named relative to the version the WebAPI pairs with (``WebApi.version``), as above; the data
contracts themselves are the SOAP types of that version and are compared there.

Parameters travel in requests, replies in replies. The generated WebAPI methods take every
parameter positionally, without default, like the SOAP ones, so an added parameter breaks
calls whether the server needs it or not (a required one breaks raw HTTP calls too); a moved
or renamed parameter is sent where the server no longer reads it. ``$select`` is keyword-only.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, get_args

from .model import (
    ARRAYS,
    SERIALIZATION,
    XSD,
    ArrayType,
    ComplexType,
    DictType,
    Endpoint,
    EnumType,
    Field,
    Header,
    Operation,
    QName,
    RestAgent,
    RestParameter,
    Service,
    TypeDef,
    Version,
    WebApi,
    type_references,
)

Severity: TypeAlias = Literal["breaking", "compatible"]
Direction: TypeAlias = Literal["request", "reply"]
Area: TypeAlias = Literal["service", "type", "webapi"]

Kind: TypeAlias = Literal[
    "service-added",
    "service-removed",
    "service-endpoint-changed",
    "operation-added",
    "operation-removed",
    "soap-action-changed",
    "message-element-changed",
    "header-added",
    "header-removed",
    "header-changed",
    "parameter-added",
    "parameter-removed",
    "parameter-type-changed",
    "parameter-became-required",
    "parameter-became-optional",
    "parameter-became-nillable",
    "parameter-became-non-nillable",
    "parameters-reordered",
    "result-added",
    "result-removed",
    "result-shape-changed",
    "result-type-changed",
    "result-became-required",
    "result-became-optional",
    "result-became-nillable",
    "result-became-non-nillable",
    "results-reordered",
    "type-added",
    "type-removed",
    "type-kind-changed",
    "type-base-changed",
    "field-added-required",
    "field-added-optional",
    "field-removed",
    "field-type-changed",
    "field-became-required",
    "field-became-optional",
    "field-became-nillable",
    "field-became-non-nillable",
    "fields-reordered",
    "array-item-changed",
    "dict-entry-changed",
    "enum-member-added",
    "enum-member-removed",
    "enum-flags-changed",
    "webapi-agent-added",
    "webapi-agent-removed",
    "webapi-endpoint-added",
    "webapi-endpoint-removed",
    "webapi-path-changed",
    "webapi-select-added",
    "webapi-select-removed",
    "webapi-parameter-added",
    "webapi-parameter-removed",
    "webapi-parameter-moved",
    "webapi-wire-name-changed",
    "webapi-parameter-type-changed",
    "webapi-parameter-became-required",
    "webapi-parameter-became-optional",
    "webapi-parameters-reordered",
    "webapi-reply-added",
    "webapi-reply-removed",
    "webapi-reply-type-changed",
]

KINDS: Final[tuple[Kind, ...]] = get_args(Kind)
BREAKING: Final = "breaking"
COMPATIBLE: Final = "compatible"


@dataclass(frozen=True)
class Rule:
    """How one kind of change is classed where its thing travels in requests and in replies."""

    request: Severity
    reply: Severity
    why: str


def _both(severity: Severity, why: str) -> Rule:
    return Rule(severity, severity, why)


_B: Final = BREAKING
_C: Final = COMPATIBLE

# The one table of classes. Kinds of operations and parameters use the request column, kinds
# of results the reply column; kinds of types, fields and members use both (see the docstring).
RULES: Final[Mapping[Kind, Rule]] = {
    "service-added": _both(_C, "a new agent class; nothing existing changes"),
    "service-removed": _both(_B, "the agent class and all its methods disappear"),
    "service-endpoint-changed": _both(_B, "calls go to an address the server may not serve"),
    "operation-added": _both(_C, "a new method; nothing existing changes"),
    "operation-removed": _both(_B, "calls of the method fail"),
    "soap-action-changed": _both(_B, "the server dispatches on the SOAPAction header"),
    "message-element-changed": _both(_B, "the wrapper element of the body is renamed"),
    "header-added": _both(_C, "header blocks are optional; the session sends what it has"),
    "header-removed": _both(_B, "the server stops reading, or the reply stops carrying, it"),
    "header-changed": _both(_B, "the header block's type or nil rule differs"),
    "parameter-added": _both(
        _B, "generated methods take every parameter positionally, without default"
    ),
    "parameter-removed": _both(_B, "existing calls pass an argument the method no longer has"),
    "parameter-type-changed": _both(_B, "existing arguments no longer fit"),
    "parameter-became-required": _both(_B, "the server now needs what callers could leave out"),
    "parameter-became-optional": _both(_C, "callers may leave it out; existing calls still fit"),
    "parameter-became-nillable": _both(_C, "None is accepted as well"),
    "parameter-became-non-nillable": _both(_B, "None is no longer accepted"),
    "parameters-reordered": _both(_B, "positional calls and the wire order change"),
    "result-added": _both(_C, "one more value in the reply; existing readers still work"),
    "result-removed": _both(_B, "callers lose a value they read"),
    "result-shape-changed": _both(
        _B, "the method returns one value instead of a result object, or the reverse"
    ),
    "result-type-changed": _both(_B, "callers read a value of another type"),
    "result-became-required": _both(_C, "the value is always there now"),
    "result-became-optional": _both(_B, "callers may now get None"),
    "result-became-nillable": _both(_B, "callers may now get None"),
    "result-became-non-nillable": _both(_C, "the value is never nil now"),
    "results-reordered": _both(_B, "the reply's element order (xs:sequence) changes"),
    "type-added": _both(_C, "a new class; nothing existing changes"),
    "type-removed": _both(_B, "code naming the class fails; the wire no longer carries it"),
    "type-kind-changed": _both(_B, "a class becomes an enum, a list or a dict, or the reverse"),
    "type-base-changed": _both(_B, "inherited fields and isinstance checks change"),
    "field-added-required": Rule(
        _B, _C, "requests must now set it; replies bring one more attribute"
    ),
    "field-added-optional": _both(_C, "keyword-only with a default of None"),
    "field-removed": _both(_B, "code reading or setting the attribute fails"),
    "field-type-changed": _both(_B, "values of the old type no longer fit"),
    "field-became-required": Rule(_B, _C, "requests must now set it; replies always have it"),
    "field-became-optional": Rule(_C, _B, "requests may leave it out; replies may lack it"),
    "field-became-nillable": Rule(_C, _B, "requests may send None; replies may carry None"),
    "field-became-non-nillable": Rule(_B, _C, "requests may not send None; replies never do"),
    "fields-reordered": _both(_B, "the element order (xs:sequence) on the wire changes"),
    "array-item-changed": _both(_B, "the items' element or type changes"),
    "dict-entry-changed": _both(_B, "the entries' element, key or value changes"),
    "enum-member-added": _both(
        _C,
        "a new value; in replies, code handling every member may meet it, but the generated "
        "client still parses it",
    ),
    "enum-member-removed": _both(_B, "code naming the member fails; the server refuses it"),
    "enum-flags-changed": _both(_B, "a set of names becomes a single value, or the reverse"),
    "webapi-agent-added": _both(_C, "a new WebAPI agent class; nothing existing changes"),
    "webapi-agent-removed": _both(_B, "the agent class and all its endpoints disappear"),
    "webapi-endpoint-added": _both(_C, "a new method; nothing existing changes"),
    "webapi-endpoint-removed": _both(_B, "calls of the method fail"),
    "webapi-path-changed": _both(_B, "calls are posted to a URL the server may not serve"),
    "webapi-select-added": _both(_C, "select= is keyword-only and optional"),
    "webapi-select-removed": _both(_B, "calls passing select= fail; the server ignores $select"),
    "webapi-parameter-added": _both(
        _B,
        "generated methods take every parameter positionally, without default; a required one "
        "breaks raw HTTP calls too",
    ),
    "webapi-parameter-removed": _both(
        _B, "existing calls pass an argument the method no longer has"
    ),
    "webapi-parameter-moved": _both(
        _B, "the server reads it elsewhere (query string, body property, whole body) now"
    ),
    "webapi-wire-name-changed": _both(_B, "the server reads the query key or property by its name"),
    "webapi-parameter-type-changed": _both(_B, "existing arguments no longer fit"),
    "webapi-parameter-became-required": _both(
        _B, "the server now needs what callers could leave out"
    ),
    "webapi-parameter-became-optional": _both(
        _C, "callers may leave it out; existing calls still fit"
    ),
    "webapi-parameters-reordered": _both(_B, "positional calls of the generated methods change"),
    "webapi-reply-added": _both(
        _C, "the method returns a value instead of None; callers ignored it"
    ),
    "webapi-reply-removed": _both(_B, "callers lose the value they read"),
    "webapi-reply-type-changed": _both(_B, "callers read a value of another type"),
}


@dataclass(frozen=True)
class Change:
    """One difference. ``section`` is the service or type it belongs to; ``subject`` names the
    thing itself (``ErpSync.SaveConnection``, ``ErpConnection.DisplayName``); ``message`` says
    what changed, without the subject; ``old`` and ``new`` are the values, where there are."""

    kind: Kind
    severity: Severity
    area: Area
    section: str
    subject: str
    message: str
    old: str = ""
    new: str = ""

    @property
    def breaking(self) -> bool:
        return self.severity == BREAKING


@dataclass(frozen=True)
class Comparison:
    """The changes from one version of the model to another (or to the same version of
    another snapshot), in a stable order: by area, section, breaking first, subject."""

    old_version: str
    new_version: str
    changes: tuple[Change, ...]

    @property
    def breaking(self) -> int:
        return sum(1 for change in self.changes if change.breaking)

    @property
    def compatible(self) -> int:
        return len(self.changes) - self.breaking

    def sections(self, area: Area) -> list[tuple[str, list[Change]]]:
        """The sections of one area, those with breaking changes first, then by name."""
        grouped: dict[str, list[Change]] = {}
        for change in self.changes:
            if change.area == area:
                grouped.setdefault(change.section, []).append(change)
        return sorted(
            grouped.items(), key=lambda item: (not any(c.breaking for c in item[1]), item[0])
        )


def severity_of(kind: Kind, directions: Iterable[Direction]) -> Severity:
    """The class of a change of ``kind`` to something that travels in ``directions``."""
    rule = RULES[kind]
    classes = {rule.request if direction == "request" else rule.reply for direction in directions}
    return BREAKING if BREAKING in classes or not classes else COMPATIBLE


def diff_versions(
    old: Version, new: Version, webapi: tuple[WebApi, WebApi] | None = None
) -> Comparison:
    """Everything that differs from ``old`` to ``new``; with ``webapi`` (the old and the new
    WebAPI, pairing with ``old`` and ``new``), its differences too."""
    differ = _Differ(old, new)
    differ.compare_services()
    differ.compare_types()
    if webapi is not None:
        differ.compare_webapi(*webapi)
    return differ.comparison()


def diff_webapi(old: WebApi, new: WebApi, old_version: Version, new_version: Version) -> Comparison:
    """The differences of the WebAPI alone, its names relative to the versions it pairs with."""
    differ = _Differ(old_version, new_version)
    differ.compare_webapi(old, new)
    return differ.comparison()


_AREA_ORDER: Final[Mapping[Area, int]] = {"service": 0, "type": 1, "webapi": 2}


# -- names relative to their version ----------------------------------------------------------

_PREFIXES: Final = {XSD: "xs", SERIALIZATION: "ser", ARRAYS: "arr"}
_BOTH_WAYS: Final[frozenset[Direction]] = frozenset(("request", "reply"))


class _Names:
    """Names of one version as compared and shown: the version's own namespace left out."""

    def __init__(self, version: Version) -> None:
        self.namespace = version.namespace
        self.version = version.name

    def of(self, name: QName) -> str:
        if name.namespace == self.namespace:
            return name.name
        prefix = _PREFIXES.get(name.namespace)
        return f"{prefix}:{name.name}" if prefix else str(name)

    def namespace_of(self, namespace: str) -> str:
        return "" if namespace == self.namespace else namespace

    def text(self, value: str) -> str:
        """A SOAP action or endpoint with the version taken out, for comparing."""
        if self.namespace:
            value = value.replace(self.namespace, "{version}")
        return value.replace(f"/{self.version}/", "/{version}/")

    def field(self, item: Field) -> str:
        """A field as a person reads it: ``Name: type (optional, nillable)``."""
        traits = [t for t, on in (("optional", item.optional), ("nillable", item.nillable)) if on]
        shown = f"{item.name}: {self.of(item.type)}"
        return f"{shown} ({', '.join(traits)})" if traits else shown


# -- which way each type travels --------------------------------------------------------------


def _directions(version: Version, names: _Names) -> dict[str, set[Direction]]:
    """For each type (by relative name), the directions in which some operation carries it."""
    types = version.type_map()
    subtypes: dict[QName, list[QName]] = {}
    for typedef in version.types:
        if isinstance(typedef, ComplexType) and typedef.base is not None:
            subtypes.setdefault(typedef.base, []).append(typedef.name)
    roots: dict[Direction, list[QName]] = {"request": [], "reply": []}
    for service in version.services:
        for operation in service.operations:
            roots["request"] += [f.type for f in operation.input.fields]
            roots["request"] += [h.type for h in operation.input.headers]
            roots["reply"] += [f.type for f in operation.output.fields]
            roots["reply"] += [h.type for h in operation.output.headers]
    found: dict[str, set[Direction]] = {}
    for direction, start in roots.items():
        seen: set[QName] = set()
        stack = list(start)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            reached = types.get(name)
            if reached is not None:
                found.setdefault(names.of(name), set()).add(direction)
                stack.extend(type_references(reached))
                stack.extend(subtypes.get(name, ()))
    return found


# -- sequences of elements: parameters, result parts, fields ----------------------------------


@dataclass(frozen=True)
class _MemberKinds:
    """The kinds of change of one sort of sequence member, and what a person calls it."""

    noun: str
    added_required: Kind
    added_optional: Kind
    removed: Kind
    type_changed: Kind
    became_required: Kind
    became_optional: Kind
    became_nillable: Kind
    became_non_nillable: Kind
    reordered: Kind


_PARAMETER: Final = _MemberKinds(
    "parameter",
    "parameter-added",
    "parameter-added",
    "parameter-removed",
    "parameter-type-changed",
    "parameter-became-required",
    "parameter-became-optional",
    "parameter-became-nillable",
    "parameter-became-non-nillable",
    "parameters-reordered",
)
_RESULT: Final = _MemberKinds(
    "result part",
    "result-added",
    "result-added",
    "result-removed",
    "result-type-changed",
    "result-became-required",
    "result-became-optional",
    "result-became-nillable",
    "result-became-non-nillable",
    "results-reordered",
)
_FIELD: Final = _MemberKinds(
    "field",
    "field-added-required",
    "field-added-optional",
    "field-removed",
    "field-type-changed",
    "field-became-required",
    "field-became-optional",
    "field-became-nillable",
    "field-became-non-nillable",
    "fields-reordered",
)

_KIND_NAMES: Final = {
    ComplexType: "complex type",
    ArrayType: "array",
    DictType: "dictionary",
    EnumType: "enumeration",
}


def _moved(old: Sequence[str], new: Sequence[str]) -> list[str]:
    """The names that left their place: those outside the longest run kept in order."""
    matcher = difflib.SequenceMatcher(a=list(old), b=list(new), autojunk=False)
    kept = {
        name
        for block in matcher.get_matching_blocks()
        for name in old[block.a : block.a + block.size]
    }
    return [name for name in new if name not in kept]


def _by_name(fields: Sequence[Field]) -> dict[str, Field]:
    found: dict[str, Field] = {}
    for item in fields:
        found.setdefault(item.name, item)
    return found


class _Differ:
    def __init__(self, old: Version, new: Version) -> None:
        self.old, self.new = old, new
        self.old_names, self.new_names = _Names(old), _Names(new)
        self.changes: list[Change] = []
        self.directions = _directions(old, self.old_names)
        for name, directions in _directions(new, self.new_names).items():
            self.directions.setdefault(name, set()).update(directions)

    def add(
        self,
        kind: Kind,
        where: tuple[Area, str, str],
        message: str,
        *,
        directions: Iterable[Direction] = _BOTH_WAYS,
        old: str = "",
        new: str = "",
    ) -> None:
        area, section, subject = where
        severity = severity_of(kind, directions)
        self.changes.append(Change(kind, severity, area, section, subject, message, old, new))

    def type_directions(self, name: str) -> frozenset[Direction]:
        return frozenset(self.directions.get(name) or _BOTH_WAYS)

    def comparison(self) -> Comparison:
        changes = sorted(
            set(self.changes),
            key=lambda c: (
                _AREA_ORDER[c.area],
                c.section,
                not c.breaking,
                c.subject,
                KINDS.index(c.kind),
                c.message,
            ),
        )
        return Comparison(self.old.name, self.new.name, tuple(changes))

    # -- services and operations -------------------------------------------------------------

    def compare_services(self) -> None:
        old = {s.name: s for s in self.old.services}
        new = {s.name: s for s in self.new.services}
        for name in sorted(new.keys() - old.keys()):
            count = len(new[name].operations)
            self.add(
                "service-added",
                ("service", name, name),
                f"service added with {count} operation{'' if count == 1 else 's'}",
                new=new[name].endpoint,
            )
        for name in sorted(old.keys() - new.keys()):
            self.add("service-removed", ("service", name, name), "service removed")
        for name in sorted(old.keys() & new.keys()):
            self.compare_service(old[name], new[name])

    def compare_service(self, old: Service, new: Service) -> None:
        where: tuple[Area, str, str] = ("service", new.name, new.name)
        if self.old_names.text(old.endpoint) != self.new_names.text(new.endpoint):
            self.add(
                "service-endpoint-changed",
                where,
                "endpoint changed",
                old=old.endpoint,
                new=new.endpoint,
            )
        old_ops = {op.name: op for op in old.operations}
        new_ops = {op.name: op for op in new.operations}
        for name in sorted(new_ops.keys() - old_ops.keys()):
            self.add(
                "operation-added", ("service", new.name, f"{new.name}.{name}"), "operation added"
            )
        for name in sorted(old_ops.keys() - new_ops.keys()):
            self.add(
                "operation-removed",
                ("service", new.name, f"{new.name}.{name}"),
                "operation removed",
            )
        for name in sorted(old_ops.keys() & new_ops.keys()):
            self.compare_operation(new.name, old_ops[name], new_ops[name])

    def compare_operation(self, service: str, old: Operation, new: Operation) -> None:
        where: tuple[Area, str, str] = ("service", service, f"{service}.{new.name}")
        if self.old_names.text(old.soap_action) != self.new_names.text(new.soap_action):
            self.add(
                "soap-action-changed",
                where,
                "SOAP action changed",
                old=old.soap_action,
                new=new.soap_action,
            )
        for side, old_message, new_message in (
            ("request", old.input, new.input),
            ("reply", old.output, new.output),
        ):
            before, after = self.old_names.of(old_message.element), self.new_names.of(
                new_message.element
            )
            if before != after:
                self.add(
                    "message-element-changed",
                    where,
                    f"{side} wrapper element changed",
                    old=before,
                    new=after,
                )
            self.compare_headers(where, side, old_message.headers, new_message.headers)
        self.compare_members(where, _PARAMETER, old.input.fields, new.input.fields, {"request"})
        self.compare_members(where, _RESULT, old.output.fields, new.output.fields, {"reply"})
        shapes = ("nothing", "one value", "a result object")
        old_shape = shapes[min(len(old.output.fields), 2)]
        new_shape = shapes[min(len(new.output.fields), 2)]
        if old_shape != new_shape and "nothing" not in (old_shape, new_shape):
            self.add(
                "result-shape-changed",
                where,
                f"returns {new_shape} instead of {old_shape}",
                old=old_shape,
                new=new_shape,
            )

    def compare_headers(
        self,
        where: tuple[Area, str, str],
        side: str,
        old: Sequence[Header],
        new: Sequence[Header],
    ) -> None:
        def shown(header: Header, names: _Names) -> str:
            nil = ", nillable" if header.nillable else ""
            return f"{names.of(header.element)}: {names.of(header.type)}{nil}"

        before = {self.old_names.of(h.element): shown(h, self.old_names) for h in old}
        after = {self.new_names.of(h.element): shown(h, self.new_names) for h in new}
        for name in sorted(after.keys() - before.keys()):
            self.add("header-added", where, f"{side} header {name} added", new=after[name])
        for name in sorted(before.keys() - after.keys()):
            self.add("header-removed", where, f"{side} header {name} removed", old=before[name])
        for name in sorted(before.keys() & after.keys()):
            if before[name] != after[name]:
                self.add(
                    "header-changed",
                    where,
                    f"{side} header {name} changed",
                    old=before[name],
                    new=after[name],
                )

    # -- sequences ---------------------------------------------------------------------------

    def compare_members(
        self,
        where: tuple[Area, str, str],
        kinds: _MemberKinds,
        old_fields: Sequence[Field],
        new_fields: Sequence[Field],
        directions: Iterable[Direction],
    ) -> None:
        area, section, subject = where
        old, new = _by_name(old_fields), _by_name(new_fields)

        def at(name: str) -> tuple[Area, str, str]:
            return (area, section, f"{subject}.{name}")

        for name in [f.name for f in new_fields if f.name not in old]:
            item = new[name]
            kind = kinds.added_optional if item.optional else kinds.added_required
            shown = self.new_names.field(item)
            self.add(kind, at(name), f"{kinds.noun} added", directions=directions, new=shown)
        for name in [f.name for f in old_fields if f.name not in new]:
            shown = self.old_names.field(old[name])
            self.add(
                kinds.removed, at(name), f"{kinds.noun} removed", directions=directions, old=shown
            )
        for name in [f.name for f in new_fields if f.name in old]:
            self.compare_member(at(name), kinds, old[name], new[name], directions)
        common = set(old) & set(new)
        old_order = [f.name for f in old_fields if f.name in common]
        new_order = [f.name for f in new_fields if f.name in common]
        if old_order != new_order:
            self.add(
                kinds.reordered,
                where,
                f"{kinds.noun}s reordered: {', '.join(_moved(old_order, new_order))} moved",
                directions=directions,
                old=", ".join(old_order),
                new=", ".join(new_order),
            )

    def compare_member(
        self,
        where: tuple[Area, str, str],
        kinds: _MemberKinds,
        old: Field,
        new: Field,
        directions: Iterable[Direction],
    ) -> None:
        before = (self.old_names.of(old.type), self.old_names.namespace_of(old.namespace))
        after = (self.new_names.of(new.type), self.new_names.namespace_of(new.namespace))
        if before != after:
            what = "type" if before[0] != after[0] else "element namespace"
            self.add(
                kinds.type_changed,
                where,
                f"{kinds.noun} {what} changed",
                directions=directions,
                old=before[0] if before[0] != after[0] else old.namespace,
                new=after[0] if before[0] != after[0] else new.namespace,
            )
        if old.optional != new.optional:
            kind = kinds.became_optional if new.optional else kinds.became_required
            state = "optional" if new.optional else "required"
            self.add(
                kind,
                where,
                f"{kinds.noun} became {state} (minOccurs {old.min_occurs} → {new.min_occurs})",
                directions=directions,
                old=f"minOccurs={old.min_occurs}",
                new=f"minOccurs={new.min_occurs}",
            )
        if old.nillable != new.nillable:
            kind = kinds.became_nillable if new.nillable else kinds.became_non_nillable
            state = "nillable" if new.nillable else "not nillable"
            self.add(
                kind,
                where,
                f"{kinds.noun} became {state}",
                directions=directions,
                old=f"nillable={str(old.nillable).lower()}",
                new=f"nillable={str(new.nillable).lower()}",
            )

    # -- types -------------------------------------------------------------------------------

    def compare_types(self) -> None:
        old = {self.old_names.of(t.name): t for t in self.old.types}
        new = {self.new_names.of(t.name): t for t in self.new.types}
        for name in sorted(new.keys() - old.keys()):
            kind = _KIND_NAMES[type(new[name])]
            self.add("type-added", ("type", name, name), f"{kind} added")
        for name in sorted(old.keys() - new.keys()):
            kind = _KIND_NAMES[type(old[name])]
            self.add("type-removed", ("type", name, name), f"{kind} removed")
        for name in sorted(old.keys() & new.keys()):
            self.compare_type(name, old[name], new[name])

    def compare_type(self, name: str, old: TypeDef, new: TypeDef) -> None:
        where: tuple[Area, str, str] = ("type", name, name)
        directions = self.type_directions(name)
        if isinstance(old, ComplexType) and isinstance(new, ComplexType):
            before = self.old_names.of(old.base) if old.base else ""
            after = self.new_names.of(new.base) if new.base else ""
            if before != after:
                self.add(
                    "type-base-changed",
                    where,
                    "base type changed",
                    directions=directions,
                    old=before or "(none)",
                    new=after or "(none)",
                )
            self.compare_members(where, _FIELD, old.fields, new.fields, directions)
        elif isinstance(old, ArrayType) and isinstance(new, ArrayType):
            before, after = self.old_names.field(old.item), self.new_names.field(new.item)
            if before != after:
                self.add("array-item-changed", where, "array item changed", old=before, new=after)
        elif isinstance(old, DictType) and isinstance(new, DictType):
            before = self.dict_entry(old, self.old_names)
            after = self.dict_entry(new, self.new_names)
            if before != after:
                self.add(
                    "dict-entry-changed", where, "dictionary entry changed", old=before, new=after
                )
        elif isinstance(old, EnumType) and isinstance(new, EnumType):
            self.compare_enum(where, old, new, directions)
        else:
            self.add(
                "type-kind-changed",
                where,
                "kind of type changed",
                old=_KIND_NAMES[type(old)],
                new=_KIND_NAMES[type(new)],
            )

    @staticmethod
    def dict_entry(typedef: DictType, names: _Names) -> str:
        return f"{names.of(typedef.pair)}({names.field(typedef.key)}, {names.field(typedef.value)})"

    def compare_enum(
        self,
        where: tuple[Area, str, str],
        old: EnumType,
        new: EnumType,
        directions: frozenset[Direction],
    ) -> None:
        area, section, subject = where
        if old.flags != new.flags:
            self.add(
                "enum-flags-changed",
                where,
                "became a flags enum (a set of names)" if new.flags else "is no longer flags",
                directions=directions,
                old="flags" if old.flags else "single value",
                new="flags" if new.flags else "single value",
            )
        before = [m.value for m in old.members]
        after = [m.value for m in new.members]
        in_replies = " (the enum reaches replies)" if "reply" in directions else ""
        for value in [v for v in after if v not in before]:
            self.add(
                "enum-member-added",
                (area, section, f"{subject}.{value}"),
                f"member added{in_replies}",
                directions=directions,
                new=value,
            )
        for value in [v for v in before if v not in after]:
            self.add(
                "enum-member-removed",
                (area, section, f"{subject}.{value}"),
                "member removed",
                directions=directions,
                old=value,
            )

    # -- the WebAPI ----------------------------------------------------------------------------

    def compare_webapi(self, old: WebApi, new: WebApi) -> None:
        old_agents = {a.name: a for a in old.agents}
        new_agents = {a.name: a for a in new.agents}
        for name in sorted(new_agents.keys() - old_agents.keys()):
            count = len(new_agents[name].endpoints)
            self.add(
                "webapi-agent-added",
                ("webapi", name, name),
                f"agent added with {count} endpoint{'' if count == 1 else 's'}",
            )
        for name in sorted(old_agents.keys() - new_agents.keys()):
            self.add("webapi-agent-removed", ("webapi", name, name), "agent removed")
        for name in sorted(old_agents.keys() & new_agents.keys()):
            self.compare_agent(old_agents[name], new_agents[name])

    def compare_agent(self, old: RestAgent, new: RestAgent) -> None:
        before = {e.method: e for e in old.endpoints}
        after = {e.method: e for e in new.endpoints}

        def at(method: str) -> tuple[Area, str, str]:
            return ("webapi", new.name, f"{new.name}.{method}")

        for method in sorted(after.keys() - before.keys()):
            self.add("webapi-endpoint-added", at(method), "endpoint added", new=after[method].path)
        for method in sorted(before.keys() - after.keys()):
            self.add(
                "webapi-endpoint-removed", at(method), "endpoint removed", old=before[method].path
            )
        for method in sorted(before.keys() & after.keys()):
            self.compare_endpoint(at(method), before[method], after[method])

    def compare_endpoint(self, where: tuple[Area, str, str], old: Endpoint, new: Endpoint) -> None:
        if old.path != new.path:
            self.add("webapi-path-changed", where, "path changed", old=old.path, new=new.path)
        if old.select != new.select:
            self.add(
                "webapi-select-added" if new.select else "webapi-select-removed",
                where,
                "takes $select now" if new.select else "no longer takes $select",
            )
        self.compare_reply(where, old.returns, new.returns)
        self.compare_rest_parameters(where, old.parameters, new.parameters)

    def compare_reply(
        self, where: tuple[Area, str, str], old: Sequence[Field], new: Sequence[Field]
    ) -> None:
        # the reply is one value or none: a void endpoint answers 204
        before = self.old_names.of(old[0].type) if old else ""
        after = self.new_names.of(new[0].type) if new else ""
        replies: frozenset[Direction] = frozenset({"reply"})
        if before == after:
            return
        if not before:
            self.add(
                "webapi-reply-added",
                where,
                "returns a value instead of nothing",
                directions=replies,
                new=after,
            )
        elif not after:
            self.add(
                "webapi-reply-removed",
                where,
                "returns nothing instead of a value",
                directions=replies,
                old=before,
            )
        else:
            self.add(
                "webapi-reply-type-changed",
                where,
                "reply type changed",
                directions=replies,
                old=before,
                new=after,
            )

    def compare_rest_parameters(
        self,
        where: tuple[Area, str, str],
        old_parameters: Sequence[RestParameter],
        new_parameters: Sequence[RestParameter],
    ) -> None:
        area, section, subject = where
        requests: frozenset[Direction] = frozenset({"request"})
        old, new = _rest_by_name(old_parameters), _rest_by_name(new_parameters)

        def at(parameter: RestParameter) -> tuple[Area, str, str]:
            return (area, section, f"{subject}.{parameter.field.name}")

        for key, parameter in new.items():
            if key not in old:
                shown = self.rest_parameter(parameter, self.new_names)
                self.add(
                    "webapi-parameter-added",
                    at(parameter),
                    f"parameter added, {_LOCATIONS[parameter.location]}",
                    directions=requests,
                    new=shown,
                )
        for key, parameter in old.items():
            if key not in new:
                shown = self.rest_parameter(parameter, self.old_names)
                self.add(
                    "webapi-parameter-removed",
                    at(parameter),
                    "parameter removed",
                    directions=requests,
                    old=shown,
                )
        for key, after in new.items():
            before = old.get(key)
            if before is not None:
                self.compare_rest_parameter(at(after), before, after, requests)
        old_order = [k for k in old if k in new]
        new_order = [k for k in new if k in old]
        if old_order != new_order:
            names = {k: p.field.name for k, p in new.items()}
            self.add(
                "webapi-parameters-reordered",
                where,
                f"parameters reordered: {', '.join(names[k] for k in _moved(old_order, new_order))} moved",
                directions=requests,
                old=", ".join(old[k].field.name for k in old_order),
                new=", ".join(names[k] for k in new_order),
            )

    def compare_rest_parameter(
        self,
        where: tuple[Area, str, str],
        old: RestParameter,
        new: RestParameter,
        directions: frozenset[Direction],
    ) -> None:
        if old.location != new.location:
            renamed = old.wire_name.casefold() != new.wire_name.casefold()
            named = old.wire_name and new.wire_name and renamed
            self.add(
                "webapi-parameter-moved",
                where,
                f"parameter moved: now {_LOCATIONS[new.location]}, "
                f"was {_LOCATIONS[old.location]}"
                + (f" (wire name {old.wire_name} → {new.wire_name})" if named else ""),
                directions=directions,
                old=old.location,
                new=new.location,
            )
        elif old.wire_name.casefold() != new.wire_name.casefold():
            # a moved parameter's name changes with its place (a body has none): not twice
            self.add(
                "webapi-wire-name-changed",
                where,
                "wire name changed",
                directions=directions,
                old=old.wire_name,
                new=new.wire_name,
            )
        before, after = self.old_names.of(old.field.type), self.new_names.of(new.field.type)
        if before != after:
            self.add(
                "webapi-parameter-type-changed",
                where,
                "parameter type changed",
                directions=directions,
                old=before,
                new=after,
            )
        if old.field.optional != new.field.optional:
            state = "optional" if new.field.optional else "required"
            self.add(
                (
                    "webapi-parameter-became-optional"
                    if new.field.optional
                    else "webapi-parameter-became-required"
                ),
                where,
                f"parameter became {state}",
                directions=directions,
                old="optional" if old.field.optional else "required",
                new=state,
            )

    @staticmethod
    def rest_parameter(parameter: RestParameter, names: _Names) -> str:
        """``OrderId: xs:int (optional) as orderId in the query string``."""
        shown = names.field(parameter.field)
        wire = parameter.wire_name
        if wire and wire != parameter.field.name:
            shown += f" as {wire}"
        return f"{shown}, {_LOCATIONS[parameter.location]}"


# Where a WebAPI parameter travels, as a person reads it.
_LOCATIONS: Final[Mapping[str, str]] = {
    "query": "in the query string",
    "property": "a property of the JSON body",
    "body": "the whole JSON body",
}


def _rest_by_name(parameters: Sequence[RestParameter]) -> dict[str, RestParameter]:
    # by SOAP name, case-insensitively: a page-built endpoint names them as its page writes them
    found: dict[str, RestParameter] = {}
    for parameter in parameters:
        found.setdefault(parameter.field.name.casefold(), parameter)
    return found


__all__ = [
    "Area",
    "BREAKING",
    "COMPATIBLE",
    "Change",
    "Comparison",
    "Direction",
    "KINDS",
    "Kind",
    "RULES",
    "Rule",
    "Severity",
    "diff_versions",
    "diff_webapi",
    "severity_of",
]
