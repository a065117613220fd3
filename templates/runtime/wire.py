"""XML encoding of the data contracts: what each type looks like on the wire.

The generated modules describe every type once, as data (``Element`` specs registered on the
version's ``Schema``). Writing joins pre-rendered tag strings; reading walks an lxml tree with a
per-type lookup table keyed by Clark names. Named types are referenced by their Python class
name and resolved on first use, so importing a module costs nothing for the types it does not
touch, and no schema lookup happens per call once resolved.

Importing this module imports neither lxml nor the value types' modules (datetime, decimal,
uuid, base64) nor logging: a codec that needs a value type imports them when it is bound (on
first use of an operation that has one; see ``import_value_types``), parsing imports lxml (in
soap.py), and the rare warnings make their logger when they are written.
"""

from __future__ import annotations

import enum
import importlib
import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .errors import ProtocolError, SerializationError

if TYPE_CHECKING:
    import base64
    import logging
    from datetime import datetime, timedelta
    from decimal import Decimal, InvalidOperation
    from uuid import UUID

    from lxml import etree

XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
CRYPTOGRAPHY = "http://schemas.datacontract.org/2004/07/System.Security.Cryptography"

# Fixed prefixes, declared once on the Envelope; the version's own namespace is the default
# namespace there and is also bound to "s" for xsi:type values.
PREFIXES: dict[str, str] = {
    XSI: "xsi",
    XSD: "xsd",
    SERIALIZATION: "ser",
    ARRAYS: "a",
    CRYPTOGRAPHY: "c",
}
_XSI_TYPE = f"{{{XSI}}}type"
_XSI_NIL = f"{{{XSI}}}nil"


def logger(name: str = "superoffice_services") -> logging.Logger:
    """The runtime's logger, looked up when a record is written (rarely: a retry, a value the
    docs do not know) so that importing the package does not import logging."""
    import logging

    return logging.getLogger(name)


class Codec:
    """How one type is written and read. Subclasses are singletons per type."""

    python_type: ClassVar[str] = "object"

    def bind(self, schema: Schema) -> Codec:
        return self

    def write(self, out: list[str], element: Element, value: Any) -> None:
        raise NotImplementedError

    def read(self, node: etree._Element) -> Any:
        raise NotImplementedError


# -- text escaping ----------------------------------------------------------------------------

# XML 1.0 Char excludes these; lone surrogates cannot even be encoded as UTF-8
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    if _ILLEGAL_XML.search(text):
        raise SerializationError(
            f"text holds a character XML 1.0 cannot carry: {_ILLEGAL_XML.search(text)!r}"
        )
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")  # else parsers turn it into \n
    return text


def escape_attribute(text: str) -> str:
    """Text for a double-quoted attribute value (a namespace may hold ``&``)."""
    return escape(text).replace('"', "&quot;")


def localname(node: etree._Element) -> str:
    """An element's name without its namespace (what ``etree.QName(node).localname`` gives)."""
    return node.tag.rpartition("}")[2]


# -- primitives -------------------------------------------------------------------------------


class Primitive(Codec):
    """A simple type: text content, one Python type."""

    def __init__(self, xsd_name: str, namespace: str = XSD) -> None:
        self.xsd_name = xsd_name
        self.namespace = namespace

    def format(self, value: Any) -> str:
        return str(value)

    def parse(self, text: str) -> Any:
        return text

    def write(self, out: list[str], element: Element, value: Any) -> None:
        out.append(element.open)
        out.append(escape(self.format(value)))
        out.append(element.close)

    def read(self, node: etree._Element) -> Any:
        text = node.text
        if not text:
            return self.empty()
        try:
            return self.parse(text)
        except (ValueError, ArithmeticError) as error:  # binascii.Error is a ValueError
            raise ProtocolError(
                f"<{localname(node)}> holds {text[:80]!r}, not a valid {self.xsd_name}: {error}"
            ) from None

    def empty(self) -> Any:
        return None  # an empty number, date, … is absent (the docs' examples have some)

    def __repr__(self) -> str:
        return f"<{self.xsd_name}>"


class _String(Primitive):
    def format(self, value: Any) -> str:
        if not isinstance(value, str):
            raise SerializationError(f"expected str, got {type(value).__name__}")
        return value

    def write(self, out: list[str], element: Element, value: Any) -> None:
        out.append(element.open)
        out.append(escape(self.format(value)))
        out.append(element.close)

    def empty(self) -> Any:
        return ""


class _Int(Primitive):
    def format(self, value: Any) -> str:
        if type(value) is not int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise SerializationError(f"expected int, got {type(value).__name__}")
        return str(value)

    def parse(self, text: str) -> Any:
        return int(text)


class _Bool(Primitive):
    def format(self, value: Any) -> str:
        return "true" if value else "false"

    def parse(self, text: str) -> Any:
        text = text.strip()
        if text in ("true", "1"):
            return True
        if text in ("false", "0"):
            return False
        raise ValueError("expected true or false")


class _Float(Primitive):
    def format(self, value: Any) -> str:
        number = float(value)
        if math.isnan(number):
            return "NaN"
        if math.isinf(number):
            return "INF" if number > 0 else "-INF"
        return repr(number)

    def parse(self, text: str) -> Any:
        return float(text)


class _ValueTyped(Primitive):
    """A primitive whose Python type lives in a module imported on first bind."""

    def bind(self, schema: Schema) -> Codec:
        import_value_types()
        return self


class _Decimal(_ValueTyped):
    def format(self, value: Any) -> str:
        if isinstance(value, float):
            value = Decimal(repr(value))
        number = Decimal(value)
        if not number.is_finite():
            raise SerializationError(f"xs:decimal has no {number}")
        return format(number, "f")  # xs:decimal has no exponent form

    def parse(self, text: str) -> Any:
        try:
            return Decimal(text.strip())
        except InvalidOperation:
            raise ValueError("not a decimal number") from None


_FRACTION = re.compile(r"(\.\d{6})\d+")


class _DateTime(_ValueTyped):
    def format(self, value: Any) -> str:
        if not isinstance(value, datetime):
            raise SerializationError(f"expected datetime, got {type(value).__name__}")
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    def parse(self, text: str) -> Any:
        text = text.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        text = _FRACTION.sub(r"\1", text)  # .NET writes 7 fractional digits
        return datetime.fromisoformat(text)


class _Base64(_ValueTyped):
    def format(self, value: Any) -> str:
        return base64.b64encode(bytes(value)).decode("ascii")

    def parse(self, text: str) -> Any:
        return base64.b64decode("".join(text.split()), validate=True)

    def empty(self) -> Any:
        return b""


class _Guid(_ValueTyped):
    def format(self, value: Any) -> str:
        return str(UUID(str(value)))

    def parse(self, text: str) -> Any:
        return UUID(text.strip())


class _Char(Primitive):
    """.NET's System.Char travels as its code point (``ser:char`` restricts xs:int)."""

    def format(self, value: Any) -> str:
        if not isinstance(value, str) or len(value) != 1:
            raise SerializationError("expected a one-character str")
        return str(ord(value))

    def parse(self, text: str) -> Any:
        return chr(int(text))


_DURATION = re.compile(
    r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?)S)?)?$"
)


class _Duration(_ValueTyped):
    def format(self, value: Any) -> str:
        if not isinstance(value, timedelta):
            raise SerializationError(f"expected timedelta, got {type(value).__name__}")
        sign = "-" if value < timedelta(0) else ""
        value = abs(value)
        if value > _TIMESPAN_MAX:
            raise SerializationError(
                f"{sign}{value} is beyond the range of a .NET TimeSpan (ser:duration)"
            )
        hours, rest = divmod(value.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        second_text = (
            f"{seconds}.{value.microseconds:06d}".rstrip("0").rstrip(".")
            if value.microseconds
            else str(seconds)
        )
        text = f"{sign}P"
        if value.days:
            text += f"{value.days}D"
        time = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        if seconds or value.microseconds or not (value.days or time):
            time += f"{second_text}S"
        return text + ("T" + time if time else "")

    def parse(self, text: str) -> Any:
        match = _DURATION.match(text.strip())
        if match is None or text.strip() in ("P", "-P") or text.strip().endswith("T"):
            raise ValueError("not an ISO 8601 duration")
        sign, years, months, days, hours, minutes, seconds = match.groups()
        if years or months:
            raise ValueError("years and months have no fixed length")
        value = timedelta(
            days=int(days or 0),
            hours=int(hours or 0),
            minutes=int(minutes or 0),
            seconds=float(seconds or 0),
        )
        return -value if sign else value


STRING = _String("string")
INT = _Int("int")
BOOLEAN = _Bool("boolean")
DOUBLE = _Float("double")
DECIMAL = _Decimal("decimal")
DATETIME = _DateTime("dateTime")
BASE64 = _Base64("base64Binary")
GUID = _Guid("guid", SERIALIZATION)
CHAR = _Char("char", SERIALIZATION)
DURATION = _Duration("duration", SERIALIZATION)


def import_value_types() -> None:
    """Bind this module's names of the value types the primitives convert to and from
    (datetime, timedelta, Decimal, UUID, base64). The codecs that use them call it from
    ``bind``, which runs once per element before its first write or read: the imports are paid
    on the first call that needs them, not by importing an agent, and cost nothing per call."""
    global base64, datetime, timedelta, Decimal, InvalidOperation, UUID, _TIMESPAN_MAX, _BY_PYTHON
    if _BY_PYTHON:  # bound last: set, all the names are
        return
    import base64
    from datetime import datetime, timedelta
    from decimal import Decimal, InvalidOperation
    from uuid import UUID

    # ser:duration is .NET's TimeSpan: its schema bounds it by TimeSpan.MaxValue / MinValue
    # (in 100 ns ticks, one more below zero); Python's timedelta reaches further.
    _TIMESPAN_MAX = timedelta(days=10675199, hours=2, minutes=48, seconds=5, microseconds=477580)
    # how xs:anyType sends a Python value: the first type it is an instance of (bool before int)
    _BY_PYTHON = (
        (bool, "xsd:boolean", BOOLEAN),
        (int, "xsd:long", INT),
        (float, "xsd:double", DOUBLE),
        (Decimal, "xsd:decimal", DECIMAL),
        (str, "xsd:string", STRING),
        (datetime, "xsd:dateTime", DATETIME),
        (bytes, "xsd:base64Binary", BASE64),
        (UUID, "ser:guid", GUID),
        (timedelta, "ser:duration", DURATION),
    )


_TIMESPAN_MAX: timedelta
_BY_PYTHON: tuple[tuple[type, str, Primitive], ...] = ()


class _Any(Codec):
    """``xs:anyType``: the value says its type with xsi:type."""

    def __init__(self) -> None:
        self.schema: Schema | None = None

    def bind(self, schema: Schema) -> Codec:
        import_value_types()
        bound = _Any()
        bound.schema = schema
        return bound

    def write(self, out: list[str], element: Element, value: Any) -> None:
        for python_type, xsi_type, codec in _BY_PYTHON:
            if isinstance(value, python_type):
                out.append(f'{element.open[:-1]} xsi:type="{xsi_type}">')
                out.append(escape(codec.format(value)))
                out.append(element.close)
                return
        if self.schema is not None:
            complex_codec = self.schema.codec_of(type(value))
            if complex_codec is not None:
                complex_codec.write_as(out, element, value, typed=True)
                return
        raise SerializationError(f"cannot send a {type(value).__name__} as xs:anyType")

    def read(self, node: etree._Element) -> Any:
        declared = node.get(_XSI_TYPE)
        if declared is None:
            return node.text or ""
        qname = _resolve_qname(node, declared)
        primitive = _ANY_READERS.get(qname)
        if primitive is not None:
            return primitive.read(node)
        if self.schema is not None:
            found = self.schema.codec_by_xml_name(qname)
            if found is not None:
                return found.read(node)
        return node.text or ""


ANY = _Any()

# xsi:type values an anyType may carry, and how to read them
_ANY_READERS: dict[tuple[str, str], Primitive] = {
    **{
        (XSD, name): INT
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
    **{(XSD, name): STRING for name in ("string", "anyURI", "QName")},
    (XSD, "boolean"): BOOLEAN,
    (XSD, "double"): DOUBLE,
    (XSD, "float"): DOUBLE,
    (XSD, "decimal"): DECIMAL,
    (XSD, "dateTime"): DATETIME,
    (XSD, "base64Binary"): BASE64,
    (SERIALIZATION, "guid"): GUID,
    (SERIALIZATION, "char"): CHAR,
    (SERIALIZATION, "duration"): DURATION,
}


def _resolve_qname(node: etree._Element, value: str) -> tuple[str, str]:
    prefix, _, local = value.rpartition(":")
    return node.nsmap.get(prefix or None, ""), local


# -- elements ---------------------------------------------------------------------------------


class Element:
    """One element in a sequence: the Python attribute it fills, its XML name and namespace
    (None: the version's namespace), its type, and whether it may be nil or must be present."""

    __slots__ = (
        "attr",
        "name",
        "namespace",
        "type_ref",
        "nillable",
        "required",
        "codec",
        "open",
        "close",
        "nil",
        "tag",
    )

    def __init__(
        self,
        attr: str,
        name: str,
        type_ref: Codec | str,
        *,
        namespace: str | None = None,
        nillable: bool = False,
        required: bool = False,
    ) -> None:
        self.attr = attr
        self.name = name
        self.namespace = namespace
        self.type_ref = type_ref
        self.nillable = nillable
        self.required = required
        self.codec: Codec | None = None
        self.open = self.close = self.nil = self.tag = ""

    def bind(self, schema: Schema) -> None:
        """Render the tag strings for this version's envelope (done once, on first use)."""
        namespace = self.namespace if self.namespace is not None else schema.namespace
        prefix = "" if namespace == schema.namespace else schema.prefixes[namespace] + ":"
        self.open = f"<{prefix}{self.name}>"
        self.close = f"</{prefix}{self.name}>"
        self.nil = f'<{prefix}{self.name} xsi:nil="true"/>'
        self.tag = f"{{{namespace}}}{self.name}"
        ref = self.type_ref
        self.codec = schema.resolve(ref) if isinstance(ref, str) else ref.bind(schema)

    def write(self, out: list[str], value: Any) -> None:
        if value is None:
            if self.required:
                if not self.nillable:  # leaving it out would make a message the schema rejects
                    raise SerializationError(
                        f"{self.name}: a value is required (the schema allows no nil here)"
                    )
                out.append(self.nil)
            return
        codec = self.codec
        assert codec is not None, "element used before its schema bound it"
        codec.write(out, self, value)

    def read(self, node: etree._Element) -> Any:
        if node.get(_XSI_NIL) == "true":
            return None
        return self.bound().read(node)

    def bound(self) -> Codec:
        codec = self.codec
        assert codec is not None, "element used before its schema bound it"
        return codec

    def __repr__(self) -> str:
        return f"Element({self.attr!r}, {self.name!r})"


# -- composite codecs -------------------------------------------------------------------------


class ArrayOf(Codec):
    """``ArrayOfX``: repeated item elements inside the field's element; a list in Python."""

    def __init__(
        self,
        item_name: str,
        item_type: Codec | str,
        *,
        namespace: str | None = None,
        nillable: bool = False,
    ) -> None:
        self.item = Element(
            "item", item_name, item_type, namespace=namespace, nillable=nillable, required=True
        )

    def bind(self, schema: Schema) -> Codec:
        self.item.bind(schema)
        return self

    def write(self, out: list[str], element: Element, value: Any) -> None:
        if isinstance(value, (str, bytes, Mapping)):
            raise SerializationError(f"{element.name}: expected a list, got {type(value).__name__}")
        out.append(element.open)
        item = self.item
        for entry in value:
            item.write(out, entry)
        out.append(element.close)

    def read(self, node: etree._Element) -> Any:
        tag, codec = self.item.tag, self.item.bound()
        # Element.read, inlined (as in ComplexCodec.read_as)
        return [
            None if child.get(_XSI_NIL) == "true" else codec.read(child)
            for child in node
            if child.tag == tag
        ]


class DictOf(Codec):
    """A data contract dictionary: repeated pair elements of Key and Value; a dict in Python."""

    def __init__(
        self,
        pair_name: str,
        key_type: Codec | str,
        value_type: Codec | str,
        *,
        key_name: str = "Key",
        value_name: str = "Value",
        key_nillable: bool = True,
        value_nillable: bool = True,
    ) -> None:
        self.pair = Element("pair", pair_name, STRING)
        self.key = Element("key", key_name, key_type, nillable=key_nillable, required=True)
        self.value = Element(
            "value", value_name, value_type, nillable=value_nillable, required=True
        )

    def bind(self, schema: Schema) -> Codec:
        for element in (self.pair, self.key, self.value):
            element.bind(schema)
        return self

    def write(self, out: list[str], element: Element, value: Any) -> None:
        if not isinstance(value, Mapping):
            raise SerializationError(f"{element.name}: expected a dict, got {type(value).__name__}")
        out.append(element.open)
        pair_open, pair_close = self.pair.open, self.pair.close
        for key, item in value.items():
            out.append(pair_open)
            self.key.write(out, key)
            self.value.write(out, item)
            out.append(pair_close)
        out.append(element.close)

    def read(self, node: etree._Element) -> Any:
        result: dict[Any, Any] = {}
        pair_tag, key_tag, value_tag = self.pair.tag, self.key.tag, self.value.tag
        for pair in node:
            if pair.tag != pair_tag:
                continue
            key = value = None
            for child in pair:
                if child.tag == key_tag:
                    key = self.key.read(child)
                elif child.tag == value_tag:
                    value = self.value.read(child)
            result[key] = value
        return result


class EnumCodec(Codec):
    """A str enum: the member's value is its XML text. Unknown values from a newer server
    become extra members instead of failing (see XmlEnum._missing_)."""

    def __init__(self, cls: type[enum.Enum]) -> None:
        self.cls = cls

    def write(self, out: list[str], element: Element, value: Any) -> None:
        text = value.value if isinstance(value, enum.Enum) else value
        if not isinstance(text, str):
            raise SerializationError(
                f"{element.name}: expected {self.cls.__name__}, got {type(value).__name__}"
            )
        out.append(element.open)
        out.append(escape(text))
        out.append(element.close)

    def read(self, node: etree._Element) -> Any:
        return self.cls((node.text or "").strip())


class FlagsCodec(Codec):
    """A flags enum (``xs:list``): space-separated member names; an enum.Flag in Python."""

    def __init__(self, cls: type[enum.Flag], names: Mapping[str, enum.Flag]) -> None:
        self.cls = cls
        self.by_name = dict(names)
        # canonical (single-bit, first-declared) members and their XML names, for writing
        self.names: list[tuple[enum.Flag, str]] = []
        seen: set[int] = set()
        for name, member in names.items():
            number = int(member.value)
            if number and number & (number - 1) == 0 and number not in seen:
                seen.add(number)
                self.names.append((member, name))
        self.zero = next((name for name, member in names.items() if int(member.value) == 0), "")

    def write(self, out: list[str], element: Element, value: Any) -> None:
        if not isinstance(value, self.cls):
            raise SerializationError(
                f"{element.name}: expected {self.cls.__name__}, got {type(value).__name__}"
            )
        words = [name for member, name in self.names if member in value]
        out.append(element.open)
        out.append(" ".join(words) if words else self.zero)
        out.append(element.close)

    def read(self, node: etree._Element) -> Any:
        result = self.cls(0)
        for word in (node.text or "").split():
            member = self.by_name.get(word)
            if member is None:
                logger().warning("ignoring unknown %s flag %r", self.cls.__name__, word)
                continue
            result |= member
        return result


class ComplexCodec(Codec):
    """A data contract class: its elements in schema order, base class elements first."""

    def __init__(
        self, schema: Schema, cls: type, name: str, namespace: str, own: tuple[Element, ...]
    ) -> None:
        self.schema = schema
        self.cls = cls
        self.name = name
        self.namespace = namespace
        self.own = own
        self.elements: tuple[Element, ...] = ()
        self.readers: dict[str, tuple[str, Codec]] = {}  # tag -> (attribute, codec)
        self.xsi_type = ""
        self.ready = False

    def prepare(self) -> None:
        """Bind the elements on first use (their types may live in modules not yet loaded)."""
        if self.ready:
            return
        inherited: tuple[Element, ...] = ()
        for base in self.cls.__mro__[1:]:
            base_codec = self.schema.codec_of(base)
            if base_codec is not None:
                base_codec.prepare()
                inherited = base_codec.elements
                break
        for element in self.own:
            element.bind(self.schema)
        self.elements = inherited + self.own
        self.readers = {element.tag: (element.attr, element.bound()) for element in self.elements}
        prefix = (
            "s" if self.namespace == self.schema.namespace else self.schema.prefixes[self.namespace]
        )
        self.xsi_type = f' xsi:type="{prefix}:{self.name}"'
        self.ready = True  # last: another thread may be reading the flag

    def write(self, out: list[str], element: Element, value: Any) -> None:
        cls = type(value)
        if cls is self.cls:
            self.write_as(out, element, value, typed=False)
            return
        actual = self.schema.codec_of(cls)
        if actual is None or not issubclass(cls, self.cls):
            raise SerializationError(
                f"{element.name}: expected {self.cls.__name__}, got {cls.__name__}"
            )
        actual.write_as(out, element, value, typed=True)  # a subtype says so with xsi:type

    def write_as(self, out: list[str], element: Element, value: Any, *, typed: bool) -> None:
        if not self.ready:
            self.prepare()
        out.append(f"{element.open[:-1]}{self.xsi_type}>" if typed else element.open)
        for child in self.elements:
            child.write(out, getattr(value, child.attr))
        out.append(element.close)

    def read(self, node: etree._Element) -> Any:
        declared = node.get(_XSI_TYPE)
        if declared is not None:
            actual = self.schema.codec_by_xml_name(_resolve_qname(node, declared))
            if actual is not None and actual is not self and issubclass(actual.cls, self.cls):
                return actual.read_as(node)
        return self.read_as(node)

    def read_as(self, node: etree._Element) -> Any:
        if not self.ready:
            self.prepare()
        values: dict[str, Any] = {}
        readers = self.readers
        for child in node:
            found = readers.get(child.tag)
            if found is not None:  # unknown elements (a newer server) are skipped
                # Element.read, inlined: the call per element was a tenth of reading a reply
                attr, codec = found
                values[attr] = None if child.get(_XSI_NIL) == "true" else codec.read(child)
        return self.cls(**values)


# -- the registry of one version ----------------------------------------------------------------


class Schema:
    """The types of one version: which module defines each, and their codecs once loaded."""

    def __init__(
        self,
        namespace: str,
        package: str,
        modules: Mapping[str, str],
        xml_names: Mapping[str, tuple[str, str]],
        namespaces: Mapping[str, str] | None = None,
    ) -> None:
        self.namespace = namespace
        # every namespace but the version's, by prefix: the fixed ones and the docs' others
        # (``namespaces``), all declared on the Envelope
        self.prefixes = {**PREFIXES, **(namespaces or {})}
        self.package = package
        self.modules = modules  # Python class name -> module name inside package
        self.xml_names = {qname: name for name, qname in xml_names.items()}  # (ns, xml) -> class
        self.codecs: dict[str, Codec] = {}
        self.by_class: dict[type, ComplexCodec] = {}

    # registration, called by the generated type modules as they are imported

    def define(
        self, cls: type, name: str, *elements: Element, namespace: str | None = None
    ) -> None:
        codec = ComplexCodec(self, cls, name, namespace or self.namespace, elements)
        self.codecs[cls.__name__] = codec
        self.by_class[cls] = codec

    def define_enum(self, cls: type[enum.Enum]) -> None:
        self.codecs[cls.__name__] = EnumCodec(cls)

    def define_flags(self, cls: type[enum.Flag], names: Mapping[str, enum.Flag]) -> None:
        self.codecs[cls.__name__] = FlagsCodec(cls, names)

    # lookups

    def resolve(self, name: str) -> Codec:
        codec = self.codecs.get(name)
        if codec is None:
            module = self.modules.get(name)
            if module is None:
                raise LookupError(f"{self.package} defines no type {name}")
            importlib.import_module(f"{self.package}.{module}")
            codec = self.codecs[name]
        return codec

    def codec_of(self, cls: type) -> ComplexCodec | None:
        return self.by_class.get(cls)

    def codec_by_xml_name(self, qname: tuple[str, str]) -> ComplexCodec | None:
        name = self.xml_names.get(qname)
        if name is None:
            return None
        codec = self.resolve(name)
        return codec if isinstance(codec, ComplexCodec) else None


def bind_all(schema: Schema, elements: Iterable[Element]) -> tuple[Element, ...]:
    bound = tuple(elements)
    for element in bound:
        element.bind(schema)
    return bound


class XmlEnum(str, enum.Enum):
    """Base of the generated enums: a str whose value is the XML text. A value the generated
    code does not know (the server is newer than the docs) becomes a pseudo-member, so that a
    reply still parses."""

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        logger().info("%s: value %r is not in the docs", cls.__name__, value)
        return cls._value2member_map_.setdefault(value, member)


__all__ = [
    "ANY",
    "ARRAYS",
    "ArrayOf",
    "BASE64",
    "BOOLEAN",
    "CHAR",
    "CRYPTOGRAPHY",
    "Codec",
    "DATETIME",
    "DECIMAL",
    "DOUBLE",
    "DURATION",
    "DictOf",
    "Element",
    "GUID",
    "INT",
    "STRING",
    "Schema",
    "XmlEnum",
    "bind_all",
    "import_value_types",
    "localname",
    "logger",
]
