"""A WSDL page's XML -> the service it describes, as model pieces.

SuperOffice's WSDLs are WCF output: document/literal wrapped, SOAP 1.1, one wrapper element per
request and response, data contracts as ``xs:complexType`` (optionally extending a base),
``ArrayOfX`` wrappers, dictionaries flagged with ``IsDictionary``, enums as ``xs:simpleType``
restrictions and flags enums as ``xs:list`` of such a restriction. Only that subset of XML
Schema occurs in the docs; anything else is reported, not guessed.

Diagnostic codes:
  W001 error    the WSDL block is not well-formed XML (or holds a DTD or entities)
  W002 error    no wsdl:definitions root, or no service address / SOAP binding
  W003 error    a type or element reference that the WSDL does not define
  W004 warning  an XML Schema construct this generator does not model (ignored)
  W005 error    an operation whose messages or wrapper elements are missing
  W006 warning  a number (minOccurs, EnumerationValue) that is not a whole number (ignored)
  W007 error    an enumeration of more members than the enum-members limit (left out: what
                refers to it is generated as str, B010)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import TypeVar

from lxml import etree

from ..limits import DEFAULT_LIMITS
from ..model import (
    PRIMITIVES,
    ArrayType,
    ComplexType,
    Diagnostic,
    DictType,
    EnumMember,
    EnumType,
    Field,
    Header,
    Message,
    Operation,
    QName,
    SERIALIZATION,
    SourceRef,
    TypeDef,
    XSD,
    shared_qname,
    type_references,
)

WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"
SOAP_BINDING_NS = "http://schemas.xmlsoap.org/wsdl/soap/"
_XS = f"{{{XSD}}}"
_WSDL = f"{{{WSDL_NS}}}"
_SOAP = f"{{{SOAP_BINDING_NS}}}"
_SER = f"{{{SERIALIZATION}}}"

_ENDPOINT = re.compile(r"(Remote/(Services\d+)/([A-Za-z0-9_]+)\.svc)")


@dataclass(frozen=True)
class WsdlService:
    """What one WSDL says: the service, its operations (without descriptions) and every
    named type its schemas define."""

    name: str
    version: str
    endpoint: str
    namespace: str
    operations: tuple[Operation, ...]
    types: tuple[TypeDef, ...]
    source: SourceRef
    left_out: tuple[QName, ...] = ()  # types defined but not read (W007): what refers to them is str


_D = TypeVar("_D", int, None)


def safe_parser() -> etree.XMLParser:
    """No DTDs, no entities, no network: the docs are other people's input."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )


def xml_error_message(error: etree.XMLSyntaxError) -> str:
    """lxml's message without its own "line N, column M" (relative to the block): diagnostics
    give the file line instead."""
    message = error.msg or str(error)
    return re.sub(r"(, )?line \d+(, column \d+)?", "", message).strip(" ,")


def parse_xml(
    text: str, path: str, line: int, code: str
) -> tuple[etree._Element | None, list[Diagnostic]]:
    """Parse an XML block of a page; errors carry the file line (``line`` is where the block
    starts in the file)."""
    data = text.encode("utf-8")
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as error:
        xml_line = error.lineno or 1
        message = xml_error_message(error)
        return None, [Diagnostic(path, line + xml_line - 1, code, "error", f"malformed XML: {message}")]
    reason = refusal(root)
    if reason is not None:
        return None, [Diagnostic(path, line, code, "error", f"XML with {reason} is refused")]
    return root, []


_XINCLUDE_ELEMENTS = ("{http://www.w3.org/2001/XInclude}*", "{http://www.w3.org/2003/XInclude}*")


def refusal(root: etree._Element) -> str | None:
    """What makes a parsed block hostile (a DTD, an entity reference, an XInclude), or None.
    The safe parser has neither loaded nor expanded any of them; they are refused so that no
    later step can."""
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
        return "a DTD"
    # lxml filters the nodes in C: a walk in Python was a tenth of reading the docs
    for node in root.iter(etree.Entity, *_XINCLUDE_ELEMENTS):
        return "entity references" if isinstance(node, etree._Entity) else "XInclude"
    return None


class _Reader:
    def __init__(self, root: etree._Element, path: str, line: int, enum_members: int) -> None:
        self.root = root
        self.enum_members = enum_members
        self.path = path
        self.line = line
        self.diagnostics: list[Diagnostic] = []
        self.elements: dict[QName, etree._Element] = {}
        self.types: dict[QName, TypeDef] = {}
        self.left_out: set[QName] = set()

    # -- helpers ---------------------------------------------------------------------------

    def source(self, node: etree._Element) -> SourceRef:
        line = node.sourceline if isinstance(node.sourceline, int) else 1
        return SourceRef(self.path, self.line + line - 1)

    def report(self, node: etree._Element, code: str, severity: str, message: str) -> None:
        where = self.source(node)
        self.diagnostics.append(Diagnostic(where.path, where.line, code, severity, message))  # type: ignore[arg-type]

    def qname(self, node: etree._Element, value: str) -> QName:
        prefix, _, local = value.rpartition(":")
        namespace = node.nsmap.get(prefix or None)
        if namespace is None:
            self.report(node, "W003", "error", f"unknown namespace prefix in {value!r}")
            namespace = ""
        return shared_qname(namespace, local)

    # -- schema ----------------------------------------------------------------------------

    def read_schemas(self) -> None:
        for schema in self.root.iter(f"{_XS}schema"):
            namespace = sys.intern(schema.get("targetNamespace", ""))
            qualified = schema.get("elementFormDefault") == "qualified"
            for node in schema:
                if not isinstance(node.tag, str):
                    continue
                name = node.get("name")
                if node.tag == f"{_XS}element" and name:
                    self.elements[shared_qname(namespace, name)] = node
                elif node.tag == f"{_XS}complexType" and name:
                    self.add(self.complex_type(node, shared_qname(namespace, name), namespace, qualified))
                elif node.tag == f"{_XS}simpleType" and name:
                    simple = self.simple_type(node, shared_qname(namespace, name))
                    if simple is not None:
                        self.add(simple)
                elif node.tag not in (f"{_XS}import", f"{_XS}attribute", f"{_XS}annotation"):
                    self.report(node, "W004", "warning", f"schema construct {etree.QName(node).localname} ignored")

    def add(self, typedef: TypeDef) -> None:
        self.types.setdefault(typedef.name, typedef)

    def integer(self, node: etree._Element, what: str, text: str, default: _D) -> int | _D:
        try:
            return int(text)
        except ValueError:
            self.report(node, "W006", "warning", f"{what} {text!r} is not a whole number; ignored")
            return default

    def fields(self, sequence: etree._Element | None, namespace: str, qualified: bool) -> tuple[Field, ...]:
        if sequence is None:
            return ()
        result = []
        for node in sequence:
            if not isinstance(node.tag, str):
                continue
            if node.tag != f"{_XS}element":
                self.report(node, "W004", "warning", f"{etree.QName(node).localname} in a sequence ignored")
                continue
            type_name = node.get("type")
            if type_name is None:
                self.report(node, "W004", "warning", f"element {node.get('name')!r} without a type ignored")
                continue
            result.append(
                Field(
                    name=sys.intern(node.get("name", "")),
                    namespace=namespace if qualified else "",
                    type=self.qname(node, type_name),
                    min_occurs=self.integer(node, "minOccurs", node.get("minOccurs", "1"), 1),
                    nillable=node.get("nillable") == "true",
                )
            )
        return tuple(result)

    def complex_type(self, node: etree._Element, name: QName, namespace: str, qualified: bool) -> TypeDef:
        source = self.source(node)
        if node.find(f"{_XS}annotation/{_XS}appinfo/{_SER}IsDictionary") is not None:
            pair = node.find(f"{_XS}sequence/{_XS}element")
            if pair is not None:
                key_value = self.fields(pair.find(f"{_XS}complexType/{_XS}sequence"), namespace, qualified)
                if len(key_value) == 2:
                    return DictType(name, shared_qname(namespace, pair.get("name", "")), key_value[0], key_value[1], source)
            self.report(node, "W004", "warning", f"dictionary {name.name} without a Key/Value pair")
        content = node.find(f"{_XS}complexContent")
        if content is not None:
            extension = content.find(f"{_XS}extension")
            if extension is None or extension.get("base") is None:
                self.report(node, "W004", "warning", f"complex content of {name.name} ignored")
                return ComplexType(name, (), source=source)
            base = self.qname(extension, extension.get("base", ""))
            own = self.fields(extension.find(f"{_XS}sequence"), namespace, qualified)
            return ComplexType(name, own, base=base, source=source)
        sequence = node.find(f"{_XS}sequence")
        fields = self.fields(sequence, namespace, qualified)
        if sequence is not None and len(fields) == 1 and len(sequence) == 1:
            if sequence[0].get("maxOccurs") == "unbounded":
                return ArrayType(name, fields[0], source)
        return ComplexType(name, fields, source=source)

    def simple_type(self, node: etree._Element, name: QName) -> EnumType | None:
        listed = node.find(f"{_XS}list/{_XS}simpleType/{_XS}restriction")
        restriction = listed if listed is not None else node.find(f"{_XS}restriction")
        if restriction is None:
            self.report(node, "W004", "warning", f"simple type {name.name} ignored")
            return None
        values = restriction.findall(f"{_XS}enumeration")
        if not values:
            return None  # a restricted primitive (guid, char, duration): the type stays primitive
        if len(values) > self.enum_members:
            # before any member is made: a flags enum's n-th value is 2**n
            kind = "flags enumeration" if listed is not None else "enumeration"
            message = (f"{kind} {name.name} has {len(values):,} members, more than the enum-members limit "
                       f"of {self.enum_members:,}; left out")
            self.report(node, "W007", "error", message)
            self.left_out.add(name)
            return None
        members = []
        for index, value in enumerate(values):
            explicit = value.find(f"{_XS}annotation/{_XS}appinfo/{_SER}EnumerationValue")
            if explicit is not None and explicit.text:
                number: int | None = self.integer(explicit, "EnumerationValue", explicit.text, None)
            elif listed is not None:
                number = 1 << index  # WCF numbers flags members by position unless told
            else:
                number = None
            members.append(EnumMember(value.get("value", ""), number))
        return EnumType(name, tuple(members), flags=listed is not None, source=self.source(node))

    # -- elements, messages, operations ------------------------------------------------------

    def wrapper(self, element: QName, where: etree._Element) -> Message | None:
        node = self.elements.get(element)
        if node is None:
            self.report(where, "W005", "error", f"wrapper element {element.name} is not defined")
            return None
        inline = node.find(f"{_XS}complexType")
        if inline is None:
            self.report(node, "W004", "warning", f"wrapper element {element.name} is not a sequence")
            return None
        schema = node.getparent()
        qualified = schema is not None and schema.get("elementFormDefault") == "qualified"
        return Message(element, self.fields(inline.find(f"{_XS}sequence"), element.namespace, qualified))

    def header(self, element: QName, where: etree._Element) -> Header | None:
        node = self.elements.get(element)
        if node is None or node.get("type") is None:
            self.report(where, "W003", "error", f"header element {element.name} is not defined")
            return None
        return Header(element, self.qname(node, node.get("type", "")), node.get("nillable") == "true")

    def service(self) -> WsdlService | None:
        root = self.root
        if root.tag != f"{_WSDL}definitions":
            self.report(root, "W002", "error", "the XML block is not a wsdl:definitions document")
            return None
        self.read_schemas()
        namespace = root.get("targetNamespace", "")
        messages: dict[str, dict[str, QName]] = {}
        for message in root.findall(f"{_WSDL}message"):
            parts = {}
            for part in message.findall(f"{_WSDL}part"):
                parts[part.get("name", "")] = self.qname(part, part.get("element", ""))
            messages[message.get("name", "")] = parts

        address = root.find(f"{_WSDL}service/{_WSDL}port/{_SOAP}address")
        match = _ENDPOINT.search(address.get("location", "")) if address is not None else None
        binding = root.find(f"{_WSDL}binding")
        if match is None or binding is None:
            self.report(root, "W002", "error", "no SOAP address Remote/ServicesNN/<Service>.svc or binding")
            return None
        port_type = root.find(f"{_WSDL}portType")
        port_ops = {
            op.get("name", ""): op for op in (port_type.findall(f"{_WSDL}operation") if port_type is not None else [])
        }
        operations = []
        for bound in binding.findall(f"{_WSDL}operation"):
            operation = self.operation(bound, port_ops.get(bound.get("name", "")), messages)
            if operation is not None:
                operations.append(operation)
        self.check_references()
        return WsdlService(
            name=match.group(3),
            version=match.group(2),
            endpoint=match.group(1),
            namespace=namespace,
            operations=tuple(operations),
            types=tuple(sorted(self.types.values(), key=lambda t: t.name)),
            source=self.source(root),
            left_out=tuple(sorted(self.left_out)),
        )

    def operation(
        self,
        bound: etree._Element,
        abstract: etree._Element | None,
        messages: dict[str, dict[str, QName]],
    ) -> Operation | None:
        name = bound.get("name", "")
        if abstract is None:
            self.report(bound, "W005", "error", f"operation {name} is bound but not in the portType")
            return None
        soap_op = bound.find(f"{_SOAP}operation")
        action = soap_op.get("soapAction", "") if soap_op is not None else ""
        sides: list[Message] = []
        for side in ("input", "output"):
            abstract_side = abstract.find(f"{_WSDL}{side}")
            bound_side = bound.find(f"{_WSDL}{side}")
            if abstract_side is None or bound_side is None:
                self.report(bound, "W005", "error", f"operation {name} has no {side}")
                return None
            parts = messages.get(abstract_side.get("message", "").rpartition(":")[2])
            if not parts or len(parts) != 1:
                self.report(abstract_side, "W005", "error", f"operation {name}: {side} message is not one wrapper part")
                return None
            body = self.wrapper(next(iter(parts.values())), abstract_side)
            if body is None:
                return None
            headers = []
            for soap_header in bound_side.findall(f"{_SOAP}header"):
                header_parts = messages.get(soap_header.get("message", "").rpartition(":")[2], {})
                element = header_parts.get(soap_header.get("part", ""))
                if element is None:
                    self.report(soap_header, "W003", "error", f"operation {name}: header part {soap_header.get('part')} is not defined")
                    continue
                header = self.header(element, soap_header)
                if header is not None:
                    headers.append(header)
            sides.append(Message(body.element, body.fields, tuple(headers)))
        return Operation(name, action, sides[0], sides[1], source=self.source(bound))

    def check_references(self) -> None:
        known = set(self.types) | PRIMITIVES | self.left_out  # the left out are reported (W007)
        for typedef in self.types.values():
            for ref in type_references(typedef):
                if ref not in known:
                    self.diagnostics.append(
                        Diagnostic(
                            self.path, typedef.source.line if typedef.source else self.line, "W003", "error",
                            f"type {typedef.name.name} refers to {ref.name} ({ref.namespace}), which is not defined",
                        )
                    )


def read_wsdl(
    text: str, path: str, line: int, enum_members: int = DEFAULT_LIMITS.enum_members
) -> tuple[WsdlService | None, tuple[Diagnostic, ...]]:
    """Read the WSDL held in a page's XML block (``line``: the file line where it starts);
    ``enum_members``: the most members an enumeration may have (``codegen.limits``)."""
    root, diagnostics = parse_xml(text, path, line, "W001")
    if root is None:
        return None, tuple(diagnostics)
    reader = _Reader(root, path, line, enum_members)
    service = reader.service()
    return service, tuple(diagnostics + reader.diagnostics)
