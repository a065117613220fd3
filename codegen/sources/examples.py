"""Example SOAP envelopes -> observed trees and the shapes they imply.

Every operation page of the docs shows an example request and response envelope. The WSDL
normally decides all types; this module lets the generator work from operation pages alone,
reading shapes from the examples' ``xsi:type`` annotations. It does not interpret pages: the
caller hands over the text of one ```` ```xml ```` fence, the page path and the file line where
the fence content starts.

Public API
----------
``read_example(text, path, line) -> (Example | None, diagnostics)``
    Parse one envelope safely (no DTD, no entities, no network) into an :class:`Example`: the
    header blocks seen and the body's wrapper element, as a light observed tree of
    :class:`ObservedElement` (element QName, ``xsi:type`` QName, nil flag, text, children, file
    line). Prefixes are resolved to namespaces here and never appear again. Bad input gives
    ``None`` and an error diagnostic; it never raises.
``infer_operation(request, response) -> (InferredOperation, diagnostics)``
    The operation's name, input and output :class:`~codegen.model.Message`, the header names
    seen, and the :class:`TypeObservation` of every named type the two examples show.
``merge_operations(operations) -> (InferredService, diagnostics)``
    The operations of one service, each name once, sorted by name, with their observations.
``merge_types(observations) -> (typedefs, diagnostics)``
    Unions all observations of each type name (typically over a whole version) into one
    :class:`~codegen.model.ComplexType`, :class:`~codegen.model.ArrayType` or
    :class:`~codegen.model.DictType`, sorted by name.

Inference rules
---------------
- An ``xsi:type`` in the XML Schema or the Microsoft Serialization namespace is a primitive.
- A non-primitive ``xsi:type`` whose children are repeated pair elements (without an
  ``xsi:type`` of their own), each with exactly ``Key`` and ``Value`` children, is a dictionary;
  the pair element name is the one the example uses. This is checked before the array rule, so
  that a WCF ``ArrayOfKeyValueOf…`` dictionary is read as a dictionary too.
- A non-primitive ``xsi:type`` named ``ArrayOf…`` is an array; its item comes from the children.
- Any other non-primitive ``xsi:type`` with children is a complex type, fields in order. The
  examples show only a type's own fields, not those it inherits (``Carrier``'s ``TableRight``
  and ``FieldProperties`` never appear), so inferred complex types never have a base.
- A non-primitive ``xsi:type`` with text but no children is an enumeration the examples cannot
  describe: fields of that type become ``xsd:string`` and :func:`merge_types` says so once per
  type (info ``X018`` (enum as string)). Without text either, it is a complex type with no
  fields shown.
- ``xsi:nil="true"`` marks where the docs' generator cut off recursion, not nillability: the
  element contributes its name but no type. The type then comes from another observation of
  the same field of the same type; failing that it defaults to ``xsd:string`` with a warning.
  An element without ``xsi:type`` (other than a dictionary pair) is treated the same way. (The
  docs' nil elements carry no ``xsi:type``; should one carry a primitive one, it is kept, but
  a named type is not, since a nil element cannot show whether it is an enum.)
- Polymorphism (an element whose ``xsi:type`` is a subtype of the declared type) cannot be
  seen from examples: what is seen is recorded; a field seen with two types keeps the first
  and warns.

Occurrence and nillability of inferred fields: every inferred field has ``min_occurs=0`` (an
example shows every field, but the server may omit any), and ``nillable=True`` exactly for
the types .NET serializes as references: every named type plus the reference primitives
string, base64Binary, anyType, anyURI and QName. So the generated client can send what the
example shows and accept what the server may leave out, while value types (int, bool,
dateTime, guid, ...) are never sent as ``xsi:nil``, which a data contract would refuse.

Diagnostic codes: ``X001`` (xml syntax), ``X002`` (dtd refused), ``X003`` (not envelope),
``X004`` (no body), ``X005`` (body wrapper), ``X006`` (xsi type prefix),
``X007`` (primitive children), ``X008`` (part untyped), ``X009`` (response name),
``X010`` (operation duplicate), ``X011`` (namespace mismatch), ``X012`` (type kind conflict),
``X013`` (field type conflict), ``X014`` (array item conflict), ``X015`` (dict pair conflict),
``X016`` (field untyped), ``X017`` (array item guessed), ``X018`` (enum as string).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeAlias, cast

from lxml import etree

from .wsdl import refusal, safe_parser, xml_error_message

from ..model import (
    ARRAYS,
    PRIMITIVES,
    SERIALIZATION,
    SOAP11_ENV,
    SOAP12_ENV,
    STRING,
    XSD,
    XSI,
    ArrayType,
    ComplexType,
    Diagnostic,
    DictType,
    Field,
    Message,
    QName,
    SourceRef,
    TypeDef,
)

ENVELOPE_NAMESPACES = (SOAP12_ENV, SOAP11_ENV)
PRIMITIVE_NAMESPACES = (XSD, SERIALIZATION)

# Primitives .NET serializes as references, hence nillable in data contracts.
NILLABLE_PRIMITIVES: frozenset[QName] = frozenset(
    QName(XSD, name) for name in ("string", "base64Binary", "anyType", "anyURI", "QName")
)

_XSI_TYPE = f"{{{XSI}}}type"
_XSI_NIL = f"{{{XSI}}}nil"
# the elements that carry an xsi:type, and their values, in document order, found by libxml2
_TYPED = etree.XPath("descendant-or-self::*[@xsi:type]", namespaces={"xsi": XSI})
_TYPE_VALUES = etree.XPath("descendant-or-self::*/@xsi:type", namespaces={"xsi": XSI}, smart_strings=False)
_ARRAY_PREFIX = "ArrayOf"
_PAIR_CHILDREN = ("Key", "Value")
_RESPONSE_SUFFIX = "Response"

# The examples declare UTF-8; we parse the text re-encoded as UTF-8 whatever they declare.
_DECLARED_ENCODING = re.compile(r"\A(<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2")


# --- the observed tree ---------------------------------------------------------------------


@dataclass(frozen=True)
class ObservedElement:
    """One element of an example as written: no interpretation beyond resolving prefixes."""

    name: QName
    xsi_type: QName | None  # None when absent or when its prefix could not be resolved
    nil: bool
    text: str  # the element's own text, unstripped ("" when empty)
    children: tuple[ObservedElement, ...]
    line: int  # 1-based line in the page file


_UNOBSERVED = ObservedElement(QName("", ""), None, False, "", (), 0)  # what a check-only reader keeps


@dataclass(frozen=True)
class Example:
    """One example envelope: the header blocks seen and the body's wrapper element."""

    path: str
    line: int  # file line where the fence content starts
    envelope_namespace: str  # SOAP12_ENV in the docs; SOAP11_ENV accepted
    headers: tuple[ObservedElement, ...]  # under Header, or directly under Envelope as in the docs
    wrapper: ObservedElement  # the Body's single child
    # The header blocks written directly under Envelope (also in ``headers``): the docs do it,
    # SOAP does not allow it; kept apart so that a linter can tell.
    headers_under_envelope: tuple[ObservedElement, ...] = ()

    @property
    def header_names(self) -> tuple[QName, ...]:
        return tuple(header.name for header in self.headers)


def read_example(text: str, path: str, line: int) -> tuple[Example | None, tuple[Diagnostic, ...]]:
    """Parse one example envelope. ``line`` is the file line of the fence's first content line."""
    reader = _Reader(path, line)
    example = reader.read(text)
    return example, tuple(reader.diagnostics)


def check_example(text: str, path: str, line: int) -> tuple[Diagnostic, ...]:
    """The problems :func:`read_example` reports, without keeping the shapes (for the page
    reader, which reads every example: building the observed trees was most of that)."""
    reader = _Reader(path, line, observe=False)
    reader.read(text)
    return tuple(reader.diagnostics)


class _Reader:
    def __init__(self, path: str, line: int, *, observe: bool = True) -> None:
        self.path = path
        self.fence_line = line
        self.first_line = line  # file line of the XML text's line 1
        self.observe = observe  # False: check the elements, keep no shapes
        self.scope: dict[str | None, str] | None = None  # the prefixes of every element, where shared
        self.diagnostics: list[Diagnostic] = []

    def report(
        self, xml_line: int, code: str, severity: Literal["error", "warning"], message: str
    ) -> None:
        file_line = self.first_line + max(xml_line, 1) - 1
        self.diagnostics.append(Diagnostic(self.path, file_line, code, severity, message))

    def read(self, text: str) -> Example | None:
        # Blank lines before the XML declaration would make the XML invalid although the
        # meaning is clear: skip them and keep counting file lines.
        stripped = text.lstrip()
        skipped_lines = text[: len(text) - len(stripped)].count("\n")
        self.first_line += skipped_lines
        stripped = _DECLARED_ENCODING.sub(r"\1\2UTF-8\2", stripped, count=1)
        try:
            root = etree.fromstring(stripped.encode("utf-8", "replace"), safe_parser())
        except etree.XMLSyntaxError as error:
            self.report(
                error.lineno or 1,
                "X001",
                "error",
                f"XML not well-formed: {xml_error_message(error)}",
            )
            return None
        reason = refusal(root)
        if reason is not None:
            self.report(1, "X002", "error", f"example holds {reason}; refused")
            return None
        # Every declaration is an "xmlns" in the text: where the root's are all there are, every
        # element has the root's prefixes, and ``nsmap`` (a walk up the tree) is asked once.
        scope = root.nsmap
        self.scope = scope if stripped.count("xmlns") == len(scope) else None
        return self._envelope(root)

    def _envelope(self, root: etree._Element) -> Example | None:
        root_name = etree.QName(root)
        if root_name.localname != "Envelope" or root_name.namespace not in ENVELOPE_NAMESPACES:
            self.report(
                _line(root),
                "X003",
                "error",
                f"root element is {_clark(root_name)}, not a SOAP 1.1 or 1.2 Envelope",
            )
            return None
        envelope_namespace = root_name.namespace
        headers: list[ObservedElement] = []
        headers_under_envelope: list[ObservedElement] = []
        bodies: list[etree._Element] = []
        for child in _element_children(root):
            child_name = etree.QName(child)
            if child_name.namespace == envelope_namespace and child_name.localname == "Body":
                bodies.append(child)
            elif child_name.namespace == envelope_namespace and child_name.localname == "Header":
                headers.extend(self._observe(block) for block in _element_children(child))
            else:
                # The docs put ApplicationToken and Credentials directly under Envelope.
                headers_under_envelope.append(self._observe(child))
                headers.append(headers_under_envelope[-1])
        if len(bodies) != 1:
            self.report(
                _line(root),
                "X004",
                "error",
                f"Envelope has {len(bodies)} Body elements, expected 1",
            )
            return None
        body = bodies[0]
        wrappers = _element_children(body)
        if len(wrappers) != 1:
            self.report(
                _line(body),
                "X005",
                "error",
                f"Body has {len(wrappers)} child elements, expected the single wrapper element",
            )
            return None
        return Example(
            path=self.path,
            line=self.fence_line,
            envelope_namespace=envelope_namespace,
            headers=tuple(headers),
            headers_under_envelope=tuple(headers_under_envelope),
            wrapper=self._observe(wrappers[0]),
        )

    def _observe(self, element: etree._Element) -> ObservedElement:
        if not self.observe:
            # the same problems, in the same order (an element's type before its children's);
            # where every element has the root's prefixes, the values alone tell (most examples)
            scope = self.scope
            values = cast("list[str]", _TYPE_VALUES(element)) if scope is not None else ()
            if scope is None or not all(_resolves(value, scope) for value in values):
                for node in cast("list[etree._Element]", _TYPED(element)):
                    self._xsi_type(node)
            return _UNOBSERVED
        name = etree.QName(element)
        return ObservedElement(
            name=QName(name.namespace or "", name.localname),
            xsi_type=self._xsi_type(element),
            nil=(element.get(_XSI_NIL) or "").strip() in ("true", "1"),
            text=_own_text(element),
            children=tuple(self._observe(child) for child in _element_children(element)),
            line=self.first_line + _line(element) - 1,
        )

    def _xsi_type(self, element: etree._Element) -> QName | None:
        value = element.get(_XSI_TYPE)
        if value is None:
            return None
        prefix, local = _type_name(value)
        namespace = (self.scope if self.scope is not None else element.nsmap).get(prefix)
        if namespace is None or not local:
            self.report(
                _line(element),
                "X006",
                "warning",
                f"xsi:type {value!r} cannot be resolved (undeclared prefix?); type ignored",
            )
            return None
        return QName(namespace, local)


def _type_name(value: str) -> tuple[str | None, str]:
    """An xsi:type value's prefix (None: the default namespace) and local name."""
    prefix, _, local = value.strip().rpartition(":")
    return prefix or None, local


def _resolves(value: str, scope: dict[str | None, str]) -> bool:
    """Whether an xsi:type value names a type under the prefixes of ``scope`` (as _xsi_type)."""
    prefix, local = _type_name(value)
    return bool(local) and prefix in scope


def _element_children(element: etree._Element) -> list[etree._Element]:
    # Processing instructions (and entities, refused earlier) are not part of the shape.
    return [child for child in element if isinstance(child.tag, str)]


def _own_text(element: etree._Element) -> str:
    parts = [element.text or ""]
    parts.extend(child.tail or "" for child in element if not isinstance(child.tag, str))
    return "".join(parts)


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) and line > 0 else 1


def _clark(name: etree.QName) -> str:
    return f"{{{name.namespace}}}{name.localname}" if name.namespace else name.localname


# --- observations of types -----------------------------------------------------------------

TypeKind: TypeAlias = Literal["complex", "array", "dict", "enum"]


@dataclass(frozen=True)
class ObservedField:
    """One element seen as a field (or array item, or dictionary key/value) of a type."""

    name: str
    namespace: str
    type: QName | None  # None: xsi:nil or no xsi:type, so this place says nothing of the type
    source: SourceRef


@dataclass(frozen=True)
class TypeObservation:
    """What one element with a named ``xsi:type`` shows of that type.

    ``fields`` holds, per kind: complex, the children in order; array, every item element;
    dict, the Key and Value of every pair; enum, nothing."""

    name: QName
    kind: TypeKind
    fields: tuple[ObservedField, ...]
    source: SourceRef
    pair: QName | None = None  # dict only: the pair element


def is_primitive(type_name: QName) -> bool:
    return type_name.namespace in PRIMITIVE_NAMESPACES


def inferred_field(name: str, namespace: str, type_name: QName) -> Field:
    """A field as inferred from examples: optional; nillable where .NET uses a reference."""
    nillable = not is_primitive(type_name) or type_name in NILLABLE_PRIMITIVES
    return Field(name=name, namespace=namespace, type=type_name, min_occurs=0, nillable=nillable)


class _Observer:
    """Walks observed elements, collecting type observations and the diagnostics they raise."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.observations: list[TypeObservation] = []
        self.diagnostics: list[Diagnostic] = []

    def field_type(self, element: ObservedElement) -> QName | None:
        """The type an element shows for the field it fills; observes named types on the way."""
        type_name = element.xsi_type
        if type_name is None:
            return None
        if element.nil and not is_primitive(type_name):
            # A nil element shows nothing of a named type's shape, nor whether it is an enum.
            return None
        source = SourceRef(self.path, element.line)
        if is_primitive(type_name):
            if element.children:
                self.diagnostics.append(
                    Diagnostic(
                        self.path,
                        element.line,
                        "X007",
                        "warning",
                        f"element {element.name.name} of primitive type {type_name} has child "
                        "elements; they are ignored",
                    )
                )
            return type_name
        if not element.children and element.text.strip():
            self.observations.append(TypeObservation(type_name, "enum", (), source))
            return STRING
        self.observations.append(self._observe_named(type_name, element, source))
        return type_name

    def observed_field(self, element: ObservedElement) -> ObservedField:
        return ObservedField(
            name=element.name.name,
            namespace=element.name.namespace,
            type=self.field_type(element),
            source=SourceRef(self.path, element.line),
        )

    def _observe_named(
        self, type_name: QName, element: ObservedElement, source: SourceRef
    ) -> TypeObservation:
        children = element.children
        if _is_dictionary(children):
            fields = tuple(self.observed_field(part) for pair in children for part in pair.children)
            return TypeObservation(type_name, "dict", fields, source, pair=children[0].name)
        fields = tuple(self.observed_field(child) for child in children)
        kind: TypeKind = "array" if type_name.name.startswith(_ARRAY_PREFIX) else "complex"
        return TypeObservation(type_name, kind, fields, source)


def _is_dictionary(children: tuple[ObservedElement, ...]) -> bool:
    if not children:
        return False
    pair_name = children[0].name
    return all(
        child.name == pair_name
        and child.xsi_type is None
        and not child.nil
        and tuple(part.name.name for part in child.children) == _PAIR_CHILDREN
        for child in children
    )


# --- operations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class InferredOperation:
    """An operation as its two examples show it.

    ``input.headers`` and ``output.headers`` stay empty: an example names its header blocks
    (``headers``) but does not type them (Credentials carries no xsi:type), so the build
    stage decides their types."""

    name: str
    input: Message
    output: Message
    headers: tuple[QName, ...]  # header blocks seen in request then response, each once
    observations: tuple[TypeObservation, ...]  # every named type seen, in document order
    source: SourceRef  # the request example

    @property
    def namespace(self) -> str:
        return self.input.element.namespace

    @property
    def types_used(self) -> tuple[QName, ...]:
        return tuple(sorted({observation.name for observation in self.observations}))


def infer_operation(
    request: Example, response: Example
) -> tuple[InferredOperation, tuple[Diagnostic, ...]]:
    """The operation shown by one request and one response example (usually of one page)."""
    request_observer = _Observer(request.path)
    input_message = _message(request, request_observer)
    response_observer = _Observer(response.path)
    output_message = _message(response, response_observer)
    diagnostics = request_observer.diagnostics + response_observer.diagnostics

    name = request.wrapper.name.name
    expected = QName(request.wrapper.name.namespace, name + _RESPONSE_SUFFIX)
    if response.wrapper.name != expected:
        # Several operations may share one response wrapper (SoPrincipal's Authenticate*
        # all answer AuthenticateResponse): worth telling, but only a namespace is wrong.
        same_namespace = response.wrapper.name.namespace == expected.namespace
        diagnostics.append(
            Diagnostic(
                response.path,
                response.wrapper.line,
                "X009",
                "info" if same_namespace else "warning",
                f"response wrapper is {response.wrapper.name}, not {expected}; kept as shown",
            )
        )
    operation = InferredOperation(
        name=name,
        input=input_message,
        output=output_message,
        headers=_unique(request.header_names + response.header_names),
        observations=tuple(request_observer.observations + response_observer.observations),
        source=SourceRef(request.path, request.wrapper.line),
    )
    return operation, tuple(diagnostics)


def _message(example: Example, observer: _Observer) -> Message:
    fields: list[Field] = []
    for part in example.wrapper.children:
        part_type = observer.field_type(part)
        if part_type is None:
            # A part has no other observation to learn its type from.
            observer.diagnostics.append(
                Diagnostic(
                    example.path,
                    part.line,
                    "X008",
                    "warning",
                    f"part {part.name.name} of {example.wrapper.name.name} shows no xsi:type; "
                    "assumed xsd:string",
                )
            )
            part_type = STRING
        fields.append(inferred_field(part.name.name, part.name.namespace, part_type))
    return Message(element=example.wrapper.name, fields=tuple(fields))


def _unique(names: Iterable[QName]) -> tuple[QName, ...]:
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class InferredService:
    """The operations of one service inferred from examples, each name once, sorted by name."""

    operations: tuple[InferredOperation, ...]
    headers: tuple[QName, ...]  # every header block seen, in order of the sorted operations

    @property
    def observations(self) -> tuple[TypeObservation, ...]:
        """All type observations, for :func:`merge_types` over the service or its version."""
        return tuple(o for operation in self.operations for o in operation.observations)


def merge_operations(
    operations: Iterable[InferredOperation],
) -> tuple[InferredService, tuple[Diagnostic, ...]]:
    """One service from its operations: a repeated name keeps the first seen and warns."""
    diagnostics: list[Diagnostic] = []
    by_name: dict[str, InferredOperation] = {}
    for operation in operations:
        kept = by_name.get(operation.name)
        if kept is None:
            by_name[operation.name] = operation
            continue
        diagnostics.append(
            Diagnostic(
                operation.source.path,
                operation.source.line,
                "X010",
                "warning",
                f"operation {operation.name} already seen at {kept.source}; keeping that one",
            )
        )
    ordered = tuple(by_name[name] for name in sorted(by_name))
    if ordered:
        namespace = ordered[0].namespace
        for operation in ordered[1:]:
            if operation.namespace != namespace:
                diagnostics.append(
                    Diagnostic(
                        operation.source.path,
                        operation.source.line,
                        "X011",
                        "warning",
                        f"operation {operation.name} is in namespace {operation.namespace}, "
                        f"{ordered[0].name} in {namespace}",
                    )
                )
    headers = _unique(name for operation in ordered for name in operation.headers)
    return InferredService(operations=ordered, headers=headers), tuple(diagnostics)


# --- merging observations into type definitions --------------------------------------------


def merge_types(
    observations: Iterable[TypeObservation],
) -> tuple[tuple[TypeDef, ...], tuple[Diagnostic, ...]]:
    """Union the observations of each type name into one definition, sorted by name.

    The first observation of a name decides its kind; fields keep first-seen order, later
    ones are appended; a field's type is the first one seen, a nil field takes its type from
    another observation of the same field and otherwise defaults to xsd:string. Enumerations
    give no definition (fields already say xsd:string), only an info diagnostic."""
    groups: dict[QName, list[TypeObservation]] = {}
    for observation in observations:
        groups.setdefault(observation.name, []).append(observation)
    typedefs: list[TypeDef] = []
    diagnostics: list[Diagnostic] = []
    for name in sorted(groups):
        typedef = _merge_one(name, groups[name], diagnostics)
        if typedef is not None:
            typedefs.append(typedef)
    return tuple(typedefs), tuple(diagnostics)


def _merge_one(
    name: QName, group: list[TypeObservation], diagnostics: list[Diagnostic]
) -> TypeDef | None:
    first = group[0]
    same_kind: list[TypeObservation] = []
    conflicting_kinds: set[str] = set()
    for observation in group:
        if observation.kind == first.kind:
            same_kind.append(observation)
        elif observation.kind not in conflicting_kinds:
            conflicting_kinds.add(observation.kind)
            diagnostics.append(
                _warning(
                    observation.source,
                    "X012",
                    f"type {name} seen as {observation.kind} here and as {first.kind} at "
                    f"{first.source}; keeping {first.kind}",
                )
            )
    if first.kind == "enum":
        diagnostics.append(
            Diagnostic(
                first.source.path,
                first.source.line,
                "X018",
                "info",
                f"type {name} looks like an enumeration the examples cannot describe; "
                "its fields are read as xsd:string",
            )
        )
        return None
    fields = _merge_fields(name, same_kind, diagnostics)
    if first.kind == "complex":
        return ComplexType(name=name, fields=fields, source=first.source)
    if first.kind == "array":
        return ArrayType(
            name=name, item=_array_item(name, fields, first, diagnostics), source=first.source
        )
    return _dictionary(name, fields, same_kind, diagnostics)


def _merge_fields(
    type_name: QName, group: list[TypeObservation], diagnostics: list[Diagnostic]
) -> tuple[Field, ...]:
    merged: dict[tuple[str, str], ObservedField] = {}  # insertion order is first-seen order
    reported: set[tuple[tuple[str, str], QName]] = set()
    for observation in group:
        for seen in observation.fields:
            key = (seen.namespace, seen.name)
            kept = merged.get(key)
            if kept is None or (kept.type is None and seen.type is not None):
                # A typed observation fills in a nil one without moving the field.
                merged[key] = seen
            elif (
                seen.type is not None
                and seen.type != kept.type
                and (key, seen.type) not in reported
            ):
                reported.add((key, seen.type))
                diagnostics.append(
                    _warning(
                        seen.source,
                        "X013",
                        f"field {seen.name} of {type_name} is {seen.type} here and {kept.type} at "
                        f"{kept.source}; keeping {kept.type}",
                    )
                )
    fields: list[Field] = []
    for seen in merged.values():
        field_type = seen.type
        if field_type is None:
            diagnostics.append(
                _warning(
                    seen.source,
                    "X016",
                    f"field {seen.name} of {type_name} is only seen as xsi:nil or without "
                    "xsi:type; assumed xsd:string",
                )
            )
            field_type = STRING
        fields.append(inferred_field(seen.name, seen.namespace, field_type))
    return tuple(fields)


def _array_item(
    name: QName, fields: tuple[Field, ...], first: TypeObservation, diagnostics: list[Diagnostic]
) -> Field:
    if not fields:
        item = _guessed_item(name)
        diagnostics.append(
            _warning(
                first.source,
                "X017",
                f"array {name} is only seen empty; item guessed as {item.name} of type {item.type}",
            )
        )
        return item
    for other in fields[1:]:
        diagnostics.append(
            _warning(
                first.source,
                "X014",
                f"array {name} holds items named {fields[0].name} and {other.name}; "
                f"keeping {fields[0].name}",
            )
        )
    return fields[0]


def _guessed_item(name: QName) -> Field:
    item_name = name.name[len(_ARRAY_PREFIX) :] or "anyType"
    if name.namespace == ARRAYS and QName(XSD, item_name) in PRIMITIVES:
        return inferred_field(item_name, ARRAYS, QName(XSD, item_name))
    return inferred_field(item_name, name.namespace, QName(name.namespace, item_name))


def _dictionary(
    name: QName,
    fields: tuple[Field, ...],
    group: list[TypeObservation],
    diagnostics: list[Diagnostic],
) -> DictType:
    first = group[0]
    pair = first.pair or QName(name.namespace, "KeyValuePair")
    for observation in group[1:]:
        if observation.pair is not None and observation.pair != pair:
            diagnostics.append(
                _warning(
                    observation.source,
                    "X015",
                    f"dictionary {name} uses pair element {observation.pair} here and {pair} at "
                    f"{first.source}; keeping {pair}",
                )
            )
            break
    by_name = {field.name: field for field in fields}
    # The pair's Key and Value are always shown, so both exist; a fallback keeps types total.
    key = by_name.get("Key") or inferred_field("Key", pair.namespace, STRING)
    value = by_name.get("Value") or inferred_field("Value", pair.namespace, STRING)
    return DictType(name=name, pair=pair, key=key, value=value, source=first.source)


def _warning(source: SourceRef, code: str, message: str) -> Diagnostic:
    return Diagnostic(source.path, source.line, code, "warning", message)


__all__ = [
    "ENVELOPE_NAMESPACES",
    "Example",
    "InferredOperation",
    "InferredService",
    "NILLABLE_PRIMITIVES",
    "ObservedElement",
    "ObservedField",
    "TypeKind",
    "TypeObservation",
    "check_example",
    "infer_operation",
    "inferred_field",
    "is_primitive",
    "merge_operations",
    "merge_types",
    "read_example",
]
