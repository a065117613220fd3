"""The intermediate model: what the docs say about the API, before any Python naming.

Data flows one way: the page readers (``codegen.sources``) produce pieces of this model,
``codegen.build`` merges them into one :class:`Api`, and the renderer only formats it.
Everything here is a frozen dataclass made of tuples, strings, ints and bools, so a model
can be compared, hashed and dumped to JSON (``to_json``) without custom code.

Names are XML names: ``QName("http://…/Services88", "ErpConnection")``. Python names are
derived later by ``codegen.naming``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeAlias

XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope"
SUPEROFFICE_NS_PREFIX = "http://www.superoffice.net/ws/crm/NetServer/"


@dataclass(frozen=True, order=True)
class QName:
    """A namespace-qualified XML name. Prefixes never reach the model."""

    namespace: str
    name: str

    def __str__(self) -> str:
        return f"{{{self.namespace}}}{self.name}"


@lru_cache(maxsize=None)
def shared_qname(namespace: str, name: str) -> QName:
    """One object per name, for the readers: a pickle (the cache) then holds each name once
    and refers to it, which makes a model's pickle several times smaller and faster to load."""
    return QName(sys.intern(namespace), sys.intern(name))


# The primitive types of the wire: XML Schema built-ins and the three Microsoft
# serialization types. Everything else is a named type defined in a Version.
PRIMITIVES: frozenset[QName] = frozenset(
    [
        QName(XSD, name)
        for name in (
            "string", "int", "long", "short", "byte", "unsignedByte", "unsignedShort",
            "unsignedInt", "unsignedLong", "boolean", "double", "float", "decimal",
            "dateTime", "base64Binary", "anyURI", "QName", "anyType",
        )
    ]
    + [QName(SERIALIZATION, name) for name in ("guid", "char", "duration")]
)

STRING = QName(XSD, "string")
ANY_TYPE = QName(XSD, "anyType")


@dataclass(frozen=True, order=True)
class SourceRef:
    """Where something was read: a path as the user gave it (relative to the docs root) and
    a 1-based line number in that file."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Field:
    """One element of a sequence: a field of a complex type, a parameter of a request, an
    output part of a response, the item of an array or the key/value of a dictionary."""

    name: str  # XML local name, kept for the wire
    namespace: str  # element namespace (elementFormDefault is qualified everywhere)
    type: QName
    min_occurs: int = 1
    nillable: bool = False
    description: str = ""

    @property
    def optional(self) -> bool:
        return self.min_occurs == 0


@dataclass(frozen=True)
class ComplexType:
    """A data contract: an ordered sequence of elements, possibly extending a base type."""

    name: QName
    fields: tuple[Field, ...]  # own fields only; inherited ones live on the base
    base: QName | None = None
    description: str = ""
    source: SourceRef | None = None
    kind: Literal["complex"] = "complex"


@dataclass(frozen=True)
class ArrayType:
    """``ArrayOfX``: a wrapper of repeated item elements (``<int>``, ``<ErpConnection>``)."""

    name: QName
    item: Field
    source: SourceRef | None = None
    kind: Literal["array"] = "array"


@dataclass(frozen=True)
class DictType:
    """A data contract dictionary (``IsDictionary``): repeated pair elements, each holding a
    Key and a Value element. The pair element's name comes from the schema."""

    name: QName
    pair: QName
    key: Field
    value: Field
    source: SourceRef | None = None
    kind: Literal["dict"] = "dict"


@dataclass(frozen=True)
class EnumMember:
    value: str  # the XML string
    number: int | None = None  # the numeric value, where the schema gives or implies one
    description: str = ""


@dataclass(frozen=True)
class EnumType:
    """An enumeration. ``flags`` enums are ``xs:list`` types: a space-separated set of names."""

    name: QName
    members: tuple[EnumMember, ...]
    flags: bool = False
    description: str = ""
    source: SourceRef | None = None
    kind: Literal["enum"] = "enum"


TypeDef: TypeAlias = ComplexType | ArrayType | DictType | EnumType


def type_references(typedef: TypeDef) -> list[QName]:
    """The types a type names: its fields' types and base, its items', its keys' and values'."""
    if isinstance(typedef, ComplexType):
        return [f.type for f in typedef.fields] + ([typedef.base] if typedef.base else [])
    if isinstance(typedef, ArrayType):
        return [typedef.item.type]
    if isinstance(typedef, DictType):
        return [typedef.key.type, typedef.value.type]
    return []


@dataclass(frozen=True)
class Header:
    """A SOAP header block: a global element, and whether it is sent or received."""

    element: QName
    type: QName
    nillable: bool = True


@dataclass(frozen=True)
class Message:
    """The body of a request or response: a wrapper element (document/literal wrapped)
    around an ordered sequence of parts, plus the header blocks the binding declares."""

    element: QName
    fields: tuple[Field, ...]
    headers: tuple[Header, ...] = ()


@dataclass(frozen=True)
class Operation:
    name: str
    soap_action: str
    input: Message
    output: Message
    description: str = ""
    online_restricted: str = ""
    returns: str = ""
    source: SourceRef | None = None  # the operation page, where there is one
    example_response: str = ""  # the page's documented response envelope, as written (for the test doubles)


@dataclass(frozen=True)
class Service:
    name: str  # "ErpSync"
    endpoint: str  # "Remote/Services88/ErpSync.svc"
    namespace: str
    operations: tuple[Operation, ...]
    description: str = ""
    online_restricted: str = ""
    from_wsdl: bool = True  # False where shapes were inferred from the examples
    source: SourceRef | None = None


@dataclass(frozen=True)
class Version:
    name: str  # "Services88"
    namespace: str
    services: tuple[Service, ...]
    types: tuple[TypeDef, ...]  # sorted by name; each name once
    # The WSDLs' XML Schema documents merged (codegen.xsd) as (file name, text), and the
    # document that validates each service's requests, for the test doubles; empty where no
    # service has a WSDL.
    schemas: tuple[tuple[str, str], ...] = ()
    schema_entries: tuple[tuple[str, str], ...] = ()

    def type_map(self) -> dict[QName, TypeDef]:
        return {t.name: t for t in self.types}


RestLocation: TypeAlias = Literal["query", "property", "body", "path"]


@dataclass(frozen=True)
class RestParameter:
    """Where one parameter of a WebAPI endpoint travels: in the query string (``query``), as a
    property of the JSON request object (``property``), or as the whole JSON body (``body``,
    for endpoints whose body is one entity or one array), or in the URL's path (``path``, the
    RESTful entity endpoints' ``{id}``)."""

    wire_name: str  # the query key or JSON property, as the page writes it
    location: RestLocation
    field: Field  # name and type as the SOAP operation declares them


@dataclass(frozen=True)
class Endpoint:
    """``POST /api/v1/Agents/<Agent>/<Method>``: a WebAPI twin of a SOAP operation; or a
    RESTful entity operation (``GET /api/v1/Contact/{id}``: ``http_method``, path parameters,
    ``raw_reply`` for a reply that is not JSON, such as an image)."""

    method: str
    path: str
    parameters: tuple[RestParameter, ...]
    returns: tuple[Field, ...]  # the SOAP operation's output parts: none (void) or one
    select: bool = False  # takes $select
    description: str = ""
    online_restricted: str = ""
    soap_operation: str = ""  # "" where the endpoint was built from its page alone
    source: SourceRef | None = None
    sample_response: str = ""  # the page's sample response (status line, headers, JSON), for the test doubles
    http_method: str = "POST"
    raw_reply: bool = False  # the reply's bytes as they come (images, documents)


@dataclass(frozen=True)
class RestAgent:
    name: str
    endpoints: tuple[Endpoint, ...]
    description: str = ""


@dataclass(frozen=True)
class WebApi:
    """The WebAPI agents and entity endpoints. They share the data contracts of one SOAP version (``version``):
    the WebAPI mirrors the newest NetServer services."""

    version: str
    agents: tuple[RestAgent, ...]
    entities: tuple[RestAgent, ...] = ()  # the RESTful entity endpoints, one per spec tag


@dataclass(frozen=True)
class Api:
    versions: tuple[Version, ...]
    webapi: WebApi | None = None


Severity: TypeAlias = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """Something the docs get wrong or leave unclear. ``error`` means part of the input could
    not be used; ``warning`` means it was used with a guess; ``info`` is for the curious."""

    path: str
    line: int
    code: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity} {self.code}: {self.message}"


def to_jsonable(value: object) -> object:
    """The model as plain JSON values (dicts, lists, strings, numbers)."""
    if isinstance(value, QName):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def to_json(value: object) -> str:
    return json.dumps(to_jsonable(value), indent=1, sort_keys=False)


__all__ = [
    "ANY_TYPE", "ARRAYS", "Api", "ArrayType", "ComplexType", "Diagnostic", "DictType",
    "EnumMember", "EnumType", "Field", "Header", "Message", "Operation", "PRIMITIVES",
    "QName", "RestAgent", "RestLocation", "RestParameter", "SERIALIZATION", "STRING", "Service",
    "Severity", "SourceRef", "TypeDef", "Endpoint", "Version", "WebApi", "XSD", "XSI",
    "shared_qname", "type_references",
]
