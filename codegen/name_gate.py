"""The one gate every name from the docs passes before it reaches the model's output: a
version, service, operation or type that cannot be written on the wire (its names are not XML
names, its namespace is not a URI) or cannot be mapped safely to Python and the file system
(too long) is left out with a diagnostic naming its file and line, and the rest generates.

What passes is safe to write as it is: names are XML NCNames (no markup character can occur
in them), namespaces are URI references (the runtime still escapes them into attributes, since
a URI may hold ``&``), SOAPActions are ASCII URIs (an IRI's other characters percent-encoded,
RFC 3987 section 3.1), so that an HTTP header can carry them.

Diagnostic codes:
  N001 error    a version name that is not "Services" and 1 to 9 ASCII digits, or too long
                (not generated)
  N002 error    a service whose name is not an XML name, or too long (not generated)
  N003 error    an operation whose name, wrapper or part element names are not XML names,
                or too long, or whose SOAPAction is not a URI (not generated)
  N004 error    a type whose name or element names are not XML names, or too long, or whose
                namespace is not a URI (not generated; references to it are generated as str)
  N005 error    a service whose namespace is not a URI (not generated)
  N006 warning  a SOAPAction with characters beyond ASCII (sent percent-encoded)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from . import naming
from .model import (
    ArrayType,
    ComplexType,
    Diagnostic,
    DictType,
    EnumType,
    Field,
    Operation,
    QName,
    Service,
    SourceRef,
    TypeDef,
)

# Names of the docs and of what they become in Python and on disk are cut off here; the
# longest in SuperOffice's docs has 76 characters, and a file name may have 255.
DEFAULT_MAX_NAME_LENGTH = 128

# XML 1.0 (fifth edition) NameStartChar and NameChar, without the colon: an NCName
_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NCNAME = re.compile(f"[{_NAME_START}][{_NAME_START}\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]*")

# RFC 3987's IRI-reference, by its characters: the URI's unreserved, reserved and
# percent-encoded ones, and ucschar/iprivate beyond ASCII. Structure (scheme, authority) is not
# checked: namespace names are compared as strings, never resolved.
_IRI = re.compile(
    r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2}"
    "|[\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U000efffd])*"
)
_VERSION = re.compile(r"Services[0-9]{1,9}")  # NetServer's have two digits; int() takes any of these


def xml_name_problem(name: str, limit: int) -> str | None:
    """Why ``name`` cannot be an element, operation or type name on the wire, or None."""
    if len(name) > limit:
        return f"is {len(name)} characters long (the limit is {limit}, max_name_length)"
    if not _NCNAME.fullmatch(name):
        return "is not an XML name"
    longest = max((naming.class_name(name), naming.snake_case(name)), key=len)
    if len(longest) > limit:
        return f"becomes a Python name of {len(longest)} characters (the limit is {limit}, max_name_length)"
    return None


def uri_problem(uri: str) -> str | None:
    """Why ``uri`` cannot be a namespace name or SOAPAction (an IRI reference), or None."""
    if _IRI.fullmatch(uri):
        return None
    bad = next((char for char in uri if not _IRI.fullmatch(char)), "%")
    return f"is not a URI: it holds {bad!r}"


def version_problem(name: str, limit: int) -> str | None:
    """Why ``name`` cannot be a version (a subpackage ``servicesNN``), or None."""
    if len(name) > limit:
        return f"is {len(name)} characters long (the limit is {limit}, max_name_length)"
    if not _VERSION.fullmatch(name):
        return "is not 'Services' followed by 1 to 9 ASCII digits"
    return None


def ascii_uri(uri: str) -> str:
    """An IRI as the URI it maps to: characters beyond ASCII percent-encoded as UTF-8."""
    return quote(uri, safe="".join(chr(c) for c in range(0x21, 0x7F)))


@dataclass
class NameGate:
    """The gate of one version's services and types, with the diagnostics it gave."""

    limit: int = DEFAULT_MAX_NAME_LENGTH
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, where: SourceRef | None, fallback: str, code: str, severity: str, message: str) -> None:
        path, line = (where.path, where.line) if where else (fallback, 1)
        self.diagnostics.append(Diagnostic(path, line, code, severity, message))  # type: ignore[arg-type]

    def service(self, service: Service, version: str) -> Service | None:
        """The service with the operations that pass; None where the service itself cannot."""
        problem = xml_name_problem(service.name, self.limit)
        if problem:
            self.report(service.source, version, "N002", "error", f"service name {shown(service.name)} {problem}; not generated")
            return None
        namespace_problem = uri_problem(service.namespace)
        if namespace_problem:
            self.report(service.source, version, "N005", "error",
                        f"the namespace of service {service.name} {namespace_problem}; not generated")
            return None
        operations = [checked for op in service.operations if (checked := self.operation(service, op, version))]
        return replace(service, operations=tuple(operations))

    def operation(self, service: Service, operation: Operation, version: str) -> Operation | None:
        where = operation.source or service.source
        what = f"operation {service.name}.{shown(operation.name)}"
        names = [operation.name, operation.input.element.name, operation.output.element.name]
        names += [f.name for f in operation.input.fields + operation.output.fields]
        names += [h.element.name for h in operation.input.headers + operation.output.headers]
        namespaces = [operation.input.element.namespace, operation.output.element.namespace]
        namespaces += [f.namespace for f in operation.input.fields + operation.output.fields]
        problem = self.names_problem(names) or self.namespaces_problem(namespaces) or _action_problem(operation.soap_action)
        if problem:
            self.report(where, version, "N003", "error", f"{what}: {problem}; not generated")
            return None
        action = ascii_uri(operation.soap_action)
        if action != operation.soap_action:
            self.report(where, version, "N006", "warning",
                        f"{what}: SOAPAction {operation.soap_action!r} holds characters beyond ASCII; sent as {action!r}")
            return replace(operation, soap_action=action)
        return operation

    def types(self, types: Iterable[TypeDef], version: str) -> list[TypeDef]:
        """The types that pass."""
        kept = []
        for typedef in types:
            names, namespaces = _type_names(typedef)
            problem = self.names_problem(names) or self.namespaces_problem(namespaces)
            if problem:
                self.report(typedef.source, version, "N004", "error",
                            f"type {shown(typedef.name.name)}: {problem}; not generated")
            else:
                kept.append(typedef)
        return kept

    def names_problem(self, names: Iterable[str]) -> str | None:
        for name in dict.fromkeys(names):
            problem = xml_name_problem(name, self.limit)
            if problem:
                return f"the name {shown(name)} {problem}"
        return None

    @staticmethod
    def namespaces_problem(namespaces: Iterable[str]) -> str | None:
        for namespace in dict.fromkeys(namespaces):
            problem = uri_problem(namespace)
            if problem:
                return f"the namespace {shown(namespace)} {problem}"
        return None


def _action_problem(action: str) -> str | None:
    problem = uri_problem(action)
    return f"the SOAPAction {shown(action)} {problem}" if problem else None


def _type_names(typedef: TypeDef) -> tuple[list[str], list[str]]:
    """The XML names a type puts on the wire, and their namespaces."""
    fields: tuple[Field, ...] = ()
    qnames: list[QName] = [typedef.name]
    if isinstance(typedef, ComplexType):
        fields = typedef.fields
    elif isinstance(typedef, ArrayType):
        fields = (typedef.item,)
    elif isinstance(typedef, DictType):
        fields, qnames = (typedef.key, typedef.value), [typedef.name, typedef.pair]
    elif isinstance(typedef, EnumType):
        pass  # members are text content, escaped as text
    names = [q.name for q in qnames] + [f.name for f in fields]
    return names, [q.namespace for q in qnames] + [f.namespace for f in fields]


def shown(name: str, room: int = 60) -> str:
    """A name for a message: quoted, and cut where it is long."""
    return repr(name) if len(name) <= room else repr(name[:room]) + "..."


__all__ = [
    "DEFAULT_MAX_NAME_LENGTH", "NameGate", "ascii_uri", "shown", "uri_problem", "version_problem", "xml_name_problem",
]
