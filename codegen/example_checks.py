"""Lint: the example envelopes of the operation pages against their WSDL.

Every operation page shows an example request and response. Where the service has a WSDL, the
WSDL decides what goes on the wire, so an example that says otherwise misleads its reader.
This module walks each example's observed tree (:mod:`codegen.sources.examples`) beside the
WSDL's model of the operation (:mod:`codegen.model`) and reports where they part.

Two kinds of finding. The docs' example generator has habits that are known and harmless: a
SOAP 1.2 envelope, header blocks straight under Envelope, an ``xsi:type`` on every element,
``xsi:nil`` where it cut off recursion, the fields a data contract inherits left out, empty
dateTime values. Those are ``info`` with codes of their own (L001-L006), so that a reader can
count or hide them. Everything else is a real disagreement and a ``warning`` (L010-L017).

The codes are documented in :mod:`codegen.lint`. Only services read from a WSDL are checked: a
service without one was inferred from these very examples.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import (
    ANY_TYPE,
    ARRAYS,
    SERIALIZATION,
    SOAP12_ENV,
    XSD,
    ArrayType,
    ComplexType,
    Diagnostic,
    DictType,
    EnumType,
    Field,
    Message,
    Operation,
    PRIMITIVES,
    QName,
    Severity,
    TypeDef,
    Version,
)
from .hierarchy import base_chain
from .sources.examples import Example, ObservedElement, read_example
from .sources.pages import Page

# The lexical forms a value of each primitive must have; types absent here take any text.
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DOUBLE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|-INF|NaN")
_DATETIME = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DURATION = re.compile(r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")
_BOOLEAN = re.compile(r"true|false|1|0")
LEXICAL_FORMS: dict[QName, re.Pattern[str]] = {
    **{
        QName(XSD, name): _INTEGER
        for name in (
            "int",
            "long",
            "short",
            "byte",
            "unsignedByte",
            "unsignedShort",
            "unsignedInt",
            "unsignedLong",
        )
    },
    QName(XSD, "boolean"): _BOOLEAN,
    QName(XSD, "decimal"): _DECIMAL,
    QName(XSD, "double"): _DOUBLE,
    QName(XSD, "float"): _DOUBLE,
    QName(XSD, "dateTime"): _DATETIME,
    QName(SERIALIZATION, "guid"): _GUID,
    QName(SERIALIZATION, "duration"): _DURATION,
}
# The types whose values the docs' generator sometimes leaves blank, though their lexical
# space has no empty value: dictionary keys of dateTime, and every duration.
BLANKED_TYPES = frozenset({QName(XSD, "dateTime"), QName(SERIALIZATION, "duration")})


def check_examples(version: Version, pages: Mapping[str, Page]) -> list[Diagnostic]:
    """Every example of every operation of ``version`` that has a WSDL and a page, against
    that WSDL. ``pages`` maps a page's path to the page. Examples that cannot be read are
    skipped: the builder has reported them (X001-X005)."""
    checker = _Checker(version)
    for service in version.services:
        if not service.from_wsdl:
            continue
        for operation in service.operations:
            page = pages.get(operation.source.path) if operation.source else None
            if page is None or page.kind != "soap-operation":
                continue  # no page: B003
            checker.operation(operation, page)
    return checker.found


@dataclass
class _ExampleReport:
    """What one example shows that is reported once per example, not per element."""

    redundant_types: int = 0  # elements whose xsi:type repeats their declared type
    typed: int = 0  # elements with an xsi:type at all
    first_redundant_line: int = 0


@dataclass(frozen=True)
class _Slot:
    """A place the WSDL declares: an element, its type, and whether a base type brings it."""

    field: Field
    inherited_from: str = ""  # the base type's name, for inherited fields

    @property
    def key(self) -> tuple[str, str]:
        return (self.field.namespace, self.field.name)


class _Checker:
    """Walks the examples of one version; ``found`` collects the diagnostics."""

    def __init__(self, version: Version) -> None:
        self.types: dict[QName, TypeDef] = version.type_map()
        self.found: list[Diagnostic] = []
        self.slots_cache: dict[QName, tuple[_Slot, ...]] = {}
        self.path = ""  # the page being checked
        self.example_report = _ExampleReport()

    def report(self, line: int, code: str, severity: Severity, message: str) -> None:
        self.found.append(Diagnostic(self.path, max(line, 1), code, severity, message))

    # -- one operation ------------------------------------------------------------------------

    def operation(self, operation: Operation, page: Page) -> None:
        self.path = page.path
        for fence, message, side in (
            (page.request, operation.input, "request"),
            (page.response, operation.output, "response"),
        ):
            if fence is None:
                continue  # P014/P015
            example, _ = read_example(fence.text, page.path, fence.line)
            if example is not None:
                self.example(example, message, side)

    def example(self, example: Example, message: Message, side: str) -> None:
        self.example_report = _ExampleReport()
        # The WSDL reader accepts only SOAP 1.1 bindings (W002 otherwise): a service with a
        # WSDL is bound to SOAP 1.1.
        if example.envelope_namespace == SOAP12_ENV:
            self.report(
                example.line,
                "L001",
                "info",
                f"the {side} example uses the SOAP 1.2 envelope namespace; the WSDL binds SOAP 1.1",
            )
        if example.headers_under_envelope:
            names = ", ".join(h.name.name for h in example.headers_under_envelope)
            self.report(
                example.headers_under_envelope[0].line,
                "L002",
                "info",
                f"header blocks {names} stand directly under Envelope, not inside a Header element",
            )
        self.headers(example.headers, message)
        wrapper = example.wrapper
        if wrapper.name != message.element:
            self.report(
                wrapper.line,
                "L015",
                "warning",
                f"the {side} wrapper element is {display_name(wrapper.name)}; the WSDL says "
                f"{display_name(message.element)}",
            )
        self.sequence(wrapper, [_Slot(part) for part in message.fields], message.element.name)
        summary = self.example_report
        if summary.redundant_types:
            self.report(
                summary.first_redundant_line,
                "L003",
                "info",
                f"{summary.redundant_types} of the {summary.typed} xsi:type annotations of the "
                f"{side} example repeat the declared type",
            )

    def headers(self, blocks: Sequence[ObservedElement], message: Message) -> None:
        declared = {header.element: header for header in message.headers}
        for block in blocks:
            header = declared.get(block.name)
            if header is None:
                known = ", ".join(h.element.name for h in message.headers) or "none"
                self.report(
                    block.line,
                    "L016",
                    "warning",
                    f"header block {display_name(block.name)} is not declared by the binding "
                    f"(it declares {known})",
                )
                continue
            element = header.element
            self.element(
                block, Field(element.name, element.namespace, header.type, 0, header.nillable)
            )

    # -- elements -----------------------------------------------------------------------------

    def element(self, observed: ObservedElement, declared: Field) -> None:
        """One observed element against the field it fills."""
        if observed.nil:
            self.cut_off(observed)
            return
        actual = self.actual_type(observed, declared.type)
        if actual is None:
            return
        if actual in PRIMITIVES:
            self.primitive(observed, actual)
            return
        typedef = self.types.get(actual)
        if isinstance(typedef, EnumType):
            self.enum(observed, typedef)
        elif isinstance(typedef, ArrayType):
            self.array(observed, typedef)
        elif isinstance(typedef, DictType):
            self.dictionary(observed, typedef)
        elif isinstance(typedef, ComplexType):
            self.sequence(observed, list(self.slots(typedef)), typedef.name.name)
        # an undefined type: the builder reported it (B010)

    def cut_off(self, observed: ObservedElement) -> None:
        self.report(
            observed.line,
            "L004",
            "info",
            f"{observed.name.name} is xsi:nil: the docs' generator cut the example off here",
        )

    def actual_type(self, observed: ObservedElement, declared: QName) -> QName | None:
        """The type the element's content follows: its xsi:type where that is the declared
        type or one derived from it, else the declared type. None where the xsi:type names a
        type nothing defines (reported), since then nothing can be said of the content."""
        shown = observed.xsi_type
        if shown is None:
            return declared
        self.example_report.typed += 1
        if shown == declared:
            self.example_report.redundant_types += 1
            if not self.example_report.first_redundant_line:
                self.example_report.first_redundant_line = observed.line
            return declared
        known = shown in PRIMITIVES or shown in self.types
        if declared == ANY_TYPE and known:
            return shown
        if known and self.derives_from(shown, declared):
            return shown
        reason = "which is not derived from it" if known else "which the WSDL does not define"
        self.report(
            observed.line,
            "L013",
            "warning",
            f"{observed.name.name} has xsi:type {display_name(shown)}, {reason}; "
            f"the WSDL declares {display_name(declared)}",
        )
        return declared if known else None

    def derives_from(self, candidate: QName, base: QName) -> bool:
        seen: set[QName] = set()
        current: QName | None = candidate
        while current is not None and current not in seen:
            if current == base:
                return True
            seen.add(current)
            typedef = self.types.get(current)
            current = typedef.base if isinstance(typedef, ComplexType) else None
        return False

    def has_children(self, observed: ObservedElement, what: str) -> bool:
        """A simple value with child elements: reported, and nothing more to say of it."""
        if observed.children:
            message = f"{observed.name.name} is of {what} but holds child elements"
            self.report(observed.line, "L017", "warning", message)
        return bool(observed.children)

    def primitive(self, observed: ObservedElement, type_name: QName) -> None:
        if self.has_children(observed, f"type {display_name(type_name)}"):
            return
        text = observed.text.strip()
        if type_name in BLANKED_TYPES and not text:
            self.report(
                observed.line,
                "L006",
                "info",
                f"{observed.name.name} is an empty {display_name(type_name)}: the docs' generator "
                "leaves such values blank (no server sends or accepts one)",
            )
            return
        form = LEXICAL_FORMS.get(type_name)
        if form is not None and not form.fullmatch(text):
            self.report(
                observed.line,
                "L017",
                "warning",
                f"{observed.name.name} holds {text!r}, not a valid {display_name(type_name)}",
            )

    def enum(self, observed: ObservedElement, typedef: EnumType) -> None:
        if self.has_children(observed, f"enumeration {typedef.name.name}"):
            return
        members = {member.value for member in typedef.members}
        text = observed.text.strip()
        values = text.split() if typedef.flags else [text]
        for value in values:
            if value not in members:
                self.report(
                    observed.line,
                    "L014",
                    "warning",
                    f"{observed.name.name} holds {value!r}, which enumeration "
                    f"{typedef.name.name} does not have ({_members(typedef)})",
                )

    def array(self, observed: ObservedElement, typedef: ArrayType) -> None:
        item = typedef.item
        for child in observed.children:
            if (child.name.namespace, child.name.name) != (item.namespace, item.name):
                self.unknown(child, f"{typedef.name.name} (its items are {item.name})")
                continue
            self.element(child, item)

    def dictionary(self, observed: ObservedElement, typedef: DictType) -> None:
        for child in observed.children:
            if child.name != typedef.pair:
                self.unknown(child, f"{typedef.name.name} (its pairs are {typedef.pair.name})")
                continue
            if child.nil:
                self.cut_off(child)
                continue
            self.sequence(child, [_Slot(typedef.key), _Slot(typedef.value)], typedef.pair.name)

    # -- sequences ----------------------------------------------------------------------------

    def slots(self, typedef: ComplexType) -> tuple[_Slot, ...]:
        """The elements of a complex type in schema order: the root base type's first."""
        cached = self.slots_cache.get(typedef.name)
        if cached is None:
            chain = base_chain(typedef, self.types)
            cached = tuple(
                _Slot(item, "" if owner is typedef else owner.name.name)
                for owner in reversed(chain)
                for item in owner.fields
            )
            self.slots_cache[typedef.name] = cached
        return cached

    def sequence(self, observed: ObservedElement, slots: Sequence[_Slot], owner: str) -> None:
        """The children of a wrapper, a complex value or a dictionary pair against the
        elements the WSDL declares there, in order."""
        index = {slot.key: position for position, slot in enumerate(slots)}
        by_local_name = {slot.field.name: position for position, slot in enumerate(slots)}
        seen: list[tuple[int, ObservedElement]] = []
        positions: set[int] = set()
        for child in observed.children:
            position = index.get((child.name.namespace, child.name.name))
            if position is None and by_local_name.get(child.name.name) not in positions:
                # The right name in the wrong namespace: say so once, and read it as the field.
                position = by_local_name.get(child.name.name)
                if position is not None:
                    self.misplaced(child, slots[position].field, owner)
            if position is None or position in positions:
                self.unknown(child, owner, repeated=position is not None)
                continue
            positions.add(position)
            seen.append((position, child))
            self.element(child, slots[position].field)
        self.order(seen, slots, owner)
        self.missing(observed, [s for p, s in enumerate(slots) if p not in positions], slots, owner)

    def unknown(self, child: ObservedElement, owner: str, repeated: bool = False) -> None:
        if repeated:
            reason = f"appears more than once in {owner}, which declares it once"
        else:
            reason = f"is not an element of {owner}"
        self.report(child.line, "L010", "warning", f"{display_name(child.name)} {reason}")

    def misplaced(self, child: ObservedElement, declared: Field, owner: str) -> None:
        self.report(
            child.line,
            "L010",
            "warning",
            f"{child.name.name} of {owner} is in namespace {child.name.namespace or '(none)'}; "
            f"the WSDL puts it in {declared.namespace or '(none)'}",
        )

    def order(
        self, seen: Sequence[tuple[int, ObservedElement]], slots: Sequence[_Slot], owner: str
    ) -> None:
        for (before, _), (after, child) in zip(seen, seen[1:]):
            if after < before:
                expected = ", ".join(slots[p].field.name for p, _ in sorted(seen))
                self.report(
                    child.line,
                    "L012",
                    "warning",
                    f"{child.name.name} comes after {slots[before].field.name} in {owner}; "
                    f"the WSDL's order is {expected}",
                )
                return

    def missing(
        self, observed: ObservedElement, absent: Sequence[_Slot], slots: Sequence[_Slot], owner: str
    ) -> None:
        inherited = [s for s in slots if s.inherited_from]
        absent_inherited = [s for s in absent if s.inherited_from]
        if inherited and len(absent_inherited) == len(inherited):
            # The docs' generator shows only a type's own fields: all inherited ones are gone.
            bases = ", ".join(dict.fromkeys(s.inherited_from for s in inherited))
            names = ", ".join(s.field.name for s in inherited)
            self.report(
                observed.line,
                "L005",
                "info",
                f"{observed.name.name} ({owner}) leaves out the fields it inherits from "
                f"{bases}: {names}",
            )
            absent = [s for s in absent if not s.inherited_from]
        if absent:
            names = ", ".join(s.field.name for s in absent)
            self.report(
                observed.line,
                "L011",
                "warning",
                f"{observed.name.name} ({owner}) lacks {names}, which the WSDL declares",
            )


def display_name(name: QName) -> str:
    """A name as a reader knows it: the local name, with the namespace where it is not
    SuperOffice's own (those differ only by version)."""
    if name.namespace.startswith("http://www.superoffice.net/") or not name.namespace:
        return name.name
    prefix = _PREFIXES.get(name.namespace)
    return f"{prefix}:{name.name}" if prefix else str(name)


_PREFIXES = {XSD: "xsd", SERIALIZATION: "ser", ARRAYS: "arrays"}


def _members(typedef: EnumType) -> str:
    values = [member.value for member in typedef.members]
    shown = ", ".join(values[:8])
    return shown + (f", … {len(values) - 8} more" if len(values) > 8 else "")


__all__ = ["BLANKED_TYPES", "LEXICAL_FORMS", "check_examples", "display_name"]
