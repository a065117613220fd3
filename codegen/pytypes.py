"""How the model's types look in the generated Python: annotations and wire codecs.

One version at a time: every ComplexType and EnumType becomes a class in its own module of
the version's ``types`` package; ArrayType and DictType become ``list[...]`` and
``dict[...]`` annotations with an inline codec, since they carry no behaviour of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import naming
from .literals import string_literal
from .model import (
    ARRAYS,
    ArrayType,
    ComplexType,
    DictType,
    EnumType,
    Field,
    QName,
    SERIALIZATION,
    TypeDef,
    Version,
    XSD,
    XSI,
)

CRYPTOGRAPHY = "http://schemas.datacontract.org/2004/07/System.Security.Cryptography"

# Namespaces the runtime knows by a fixed prefix (wire.PREFIXES); the version's own namespace
# is the envelope's default namespace.
KNOWN_NAMESPACES = {ARRAYS: "wire.ARRAYS", SERIALIZATION: "wire.SERIALIZATION", CRYPTOGRAPHY: "wire.CRYPTOGRAPHY"}

# primitive -> (Python annotation, codec, module to import the annotation from)
PRIMITIVE_TYPES: dict[QName, tuple[str, str, str | None]] = {
    **{QName(XSD, n): ("str", "wire.STRING", None) for n in ("string", "anyURI", "QName")},
    **{
        QName(XSD, n): ("int", "wire.INT", None)
        for n in ("int", "long", "short", "byte", "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong")
    },
    QName(XSD, "boolean"): ("bool", "wire.BOOLEAN", None),
    QName(XSD, "double"): ("float", "wire.DOUBLE", None),
    QName(XSD, "float"): ("float", "wire.DOUBLE", None),
    QName(XSD, "decimal"): ("Decimal", "wire.DECIMAL", "decimal"),
    QName(XSD, "dateTime"): ("datetime", "wire.DATETIME", "datetime"),
    QName(XSD, "base64Binary"): ("bytes", "wire.BASE64", None),
    QName(XSD, "anyType"): ("object", "wire.ANY", None),
    QName(SERIALIZATION, "guid"): ("UUID", "wire.GUID", "uuid"),
    QName(SERIALIZATION, "char"): ("str", "wire.CHAR", None),
    QName(SERIALIZATION, "duration"): ("timedelta", "wire.DURATION", "datetime"),
}


@dataclass(frozen=True)
class ClassInfo:
    """Where the class of a named type lives."""

    name: str  # Python class name
    module: str  # module name inside the version's types package
    typedef: ComplexType | EnumType


class TypeSpace:
    """The Python side of one version's types: class and module names, and how any type
    reference is annotated and encoded."""

    def __init__(self, version: Version, reserved: frozenset[str] = frozenset()) -> None:
        self.version = version
        self.namespace = version.namespace
        self.types: dict[QName, TypeDef] = version.type_map()
        named = [t for t in version.types if isinstance(t, (ComplexType, EnumType))]
        module_names = naming.module_names([t.name.name for t in named])
        # a class named like a module of its package would be hidden by it once imported
        services = naming.module_names([s.name for s in version.services], reserved=naming.VERSION_MODULES)
        modules = {*module_names, *services, *naming.VERSION_MODULES}
        class_names = naming.class_names([t.name.name for t in named], reserved=reserved | modules)
        self.classes: dict[QName, ClassInfo] = {
            t.name: ClassInfo(c, m, t) for t, c, m in zip(named, class_names, module_names)
        }

    def typedef(self, name: QName) -> TypeDef | None:
        return self.types.get(name)

    def is_known(self, name: QName) -> bool:
        return name in PRIMITIVE_TYPES or name in self.types

    # -- annotations -----------------------------------------------------------------------

    def annotation(self, name: QName) -> str:
        """The Python type of a value of this XML type (containers hold non-optional items:
        the schemas mark every reference-type item nillable, NetServer never sends such nils)."""
        primitive = PRIMITIVE_TYPES.get(name)
        if primitive is not None:
            return primitive[0]
        typedef = self.types.get(name)
        if isinstance(typedef, ArrayType):
            return f"list[{self.annotation(typedef.item.type)}]"
        if isinstance(typedef, DictType):
            return f"dict[{self.annotation(typedef.key.type)}, {self.annotation(typedef.value.type)}]"
        info = self.classes.get(name)
        if info is None:
            return "str"  # unknown: the builder reported it; strings are what the wire carries
        return info.name

    def field_annotation(self, item: Field) -> str:
        """A dataclass field or a multi-part result: optional unless the schema requires it."""
        annotation = self.annotation(item.type)
        return f"{annotation} | None" if item.optional or item.nillable else annotation

    def parameter_annotation(self, item: Field) -> str:
        """A method parameter: None is meaningful only where the schema allows nil."""
        annotation = self.annotation(item.type)
        return f"{annotation} | None" if item.nillable else annotation

    def classes_used(self, name: QName) -> set[str]:
        """Generated classes named by the annotation of this type."""
        typedef = self.types.get(name)
        if isinstance(typedef, ArrayType):
            return self.classes_used(typedef.item.type)
        if isinstance(typedef, DictType):
            return self.classes_used(typedef.key.type) | self.classes_used(typedef.value.type)
        info = self.classes.get(name)
        return {info.name} if info is not None else set()

    def stdlib_imports(self, name: QName) -> set[tuple[str, str]]:
        """(module, name) pairs the annotation needs from the standard library."""
        primitive = PRIMITIVE_TYPES.get(name)
        if primitive is not None:
            return {(primitive[2], primitive[0])} if primitive[2] else set()
        typedef = self.types.get(name)
        if isinstance(typedef, ArrayType):
            return self.stdlib_imports(typedef.item.type)
        if isinstance(typedef, DictType):
            return self.stdlib_imports(typedef.key.type) | self.stdlib_imports(typedef.value.type)
        return set()

    # -- codecs ----------------------------------------------------------------------------

    def namespace_expr(self, namespace: str) -> str:
        """A Python expression for a namespace in the generated modules."""
        if namespace in ("", self.namespace):
            return "NAMESPACE"
        return KNOWN_NAMESPACES.get(namespace) or string_literal(namespace)

    def namespace_argument(self, namespace: str) -> str:
        """``, namespace=…`` for an element outside the version's namespace."""
        if namespace in ("", self.namespace):
            return ""
        return f", namespace={self.namespace_expr(namespace)}"

    def other_namespaces(self) -> dict[str, str]:
        """The namespaces of the version's names that the runtime has no fixed prefix for (a
        WSDL whose definitions and schema differ, say), each with a prefix of its own."""
        found: set[str] = set()
        for typedef in self.version.types:
            found.add(typedef.name.namespace)
            if isinstance(typedef, ComplexType):
                found.update(f.namespace for f in typedef.fields)
            elif isinstance(typedef, ArrayType):
                found.add(typedef.item.namespace)
            elif isinstance(typedef, DictType):
                found.update((typedef.pair.namespace, typedef.key.namespace, typedef.value.namespace))
        for service in self.version.services:
            for operation in service.operations:
                for message in (operation.input, operation.output):
                    found.add(message.element.namespace)
                    found.update(f.namespace for f in message.fields)
                    found.update(h.element.namespace for h in message.headers)
        found -= {"", self.namespace, XSD, XSI, *KNOWN_NAMESPACES}
        return {namespace: f"n{number}" for number, namespace in enumerate(sorted(found), 1)}

    def codec(self, name: QName) -> str:
        """A Python expression for the codec of this type, for the generated wire specs."""
        primitive = PRIMITIVE_TYPES.get(name)
        if primitive is not None:
            return primitive[1]
        typedef = self.types.get(name)
        if isinstance(typedef, ArrayType):
            item = typedef.item
            nillable = ", nillable=True" if item.nillable else ""
            return f"wire.ArrayOf({string_literal(item.name)}, {self.codec(item.type)}{self.namespace_argument(item.namespace)}{nillable})"
        if isinstance(typedef, DictType):
            options = []
            if typedef.key.name != "Key":
                options.append(f"key_name={string_literal(typedef.key.name)}")
            if typedef.value.name != "Value":
                options.append(f"value_name={string_literal(typedef.value.name)}")
            if not typedef.key.nillable:
                options.append("key_nillable=False")
            if not typedef.value.nillable:
                options.append("value_nillable=False")
            extra = "".join(f", {o}" for o in options)
            return f"wire.DictOf({string_literal(typedef.pair.name)}, {self.codec(typedef.key.type)}, {self.codec(typedef.value.type)}{extra})"
        info = self.classes.get(name)
        if info is None:
            return "wire.STRING"
        return string_literal(info.name)

    def element(self, attr: str, item: Field) -> str:
        """``wire.Element(…)`` for one field, parameter or part."""
        options = self.namespace_argument(item.namespace)
        if item.nillable:
            options += ", nillable=True"
        if not item.optional:
            options += ", required=True"
        return f"wire.Element({string_literal(attr)}, {string_literal(item.name)}, {self.codec(item.type)}{options})"
