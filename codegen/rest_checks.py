"""Lint: the WebAPI agent pages against their SOAP operations.

``POST /api/v1/Agents/<Agent>/<Method>`` is the REST twin of the SOAP operation of the same
agent and method in the newest NetServer version (Services88 in the corpus): same parameters,
same data contracts. Where a REST page says otherwise, one of the two pages is wrong.

The REST tables speak a weak vocabulary: ``int32``, ``string``, ``array``, ``object``,
``bool``, ``date-time`` in response tables, ``Integer``, ``String``, ``Array``, ``Boolean``,
``Number`` in request tables, and type names for data contracts. So a row contradicts its SOAP
type only where no reading of its word fits (:data:`REST_WORDS`): ``string`` fits an enum, a
guid or a duration; ``array`` fits any ArrayOf; a type name must be the SOAP type's name. The
known wrong rows of the docs (``Recurrence | TableRight``, ``Response body: TableRight`` on
replies that are void) are real disagreements and reported as such.

The codes (L020-L026) are documented in :mod:`codegen.lint`. Names that match no SOAP
parameter and endpoints without SOAP operation are the WebAPI builder's J002, J003 and J001
(:mod:`codegen.build_rest`); lint checks the names the builder does not (the properties of an
entity body) and all the types.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import (
    ANY_TYPE,
    ArrayType,
    ComplexType,
    Diagnostic,
    DictType,
    EnumType,
    Field,
    Operation,
    PRIMITIVES,
    QName,
    Severity,
    TypeDef,
    Version,
)
from .example_checks import display_name
from .hierarchy import base_chain
from .sources.rest import RestPage, RestProperty

REQUEST_BODY = "request"  # a body whose properties are the operation's parameters

_INTEGERS = frozenset(
    "int long short byte unsignedByte unsignedShort unsignedInt unsignedLong".split()
)
_STRINGS = frozenset("string anyURI QName char guid duration".split())

# A REST type word (case-folded) -> the kinds of SOAP type it may stand for. A kind is the
# local name of a primitive, or "enum", "array", "dict", "complex". The request tables write
# dates, binaries and enums as String; the response tables write byte arrays as byte.
REST_WORDS: dict[str, frozenset[str]] = {
    **{word: _STRINGS | {"dateTime", "base64Binary", "enum"} for word in ("string",)},
    **{word: _INTEGERS for word in ("int32", "int16", "int64", "integer", "short", "long")},
    "byte": frozenset({"base64Binary", "byte", "unsignedByte"}),
    **{word: frozenset({"boolean"}) for word in ("bool", "boolean")},
    **{
        word: frozenset({"double", "float", "decimal"})
        for word in ("double", "float", "number", "decimal")
    },
    **{word: frozenset({"dateTime"}) for word in ("date-time", "datetime")},
    "array": frozenset({"array"}),
    "object": frozenset({"dict", "complex"}),
}


def check_rest(rest_pages: Sequence[RestPage], version: Version | None) -> list[Diagnostic]:
    """The REST pages against the SOAP operations of ``version`` (the newest one; None when
    it is not built, and then nothing is compared)."""
    if version is None:
        return []
    checker = _Checker(version)
    pages: dict[tuple[str, str, str], RestPage] = {}
    for page in sorted(rest_pages, key=lambda p: p.path):
        if not page.agent or not page.method:
            continue  # not an endpoint page, or no endpoint line: R001/R002
        # a spec and a page for one endpoint are not duplicates: the builder chooses (J014)
        first = pages.setdefault((page.agent, page.method, page.source_format), page)
        if first is not page:
            checker.report(
                page.path,
                page.endpoint_line,
                "L026",
                "warning",
                f"a second page for POST Agents/{page.agent}/{page.method}; {first.path} is used",
            )
            continue
        # a spec's schemas are compared by the builder, more closely (J007-J012)
        if page.source_format == "markdown":
            checker.endpoint(page)
    if pages:
        checker.unmirrored({(agent, method) for agent, method, _ in pages})
    return checker.found


class _Checker:
    """Compares the REST pages with one SOAP version; ``found`` collects the diagnostics."""

    def __init__(self, version: Version) -> None:
        self.version_name = version.name
        self.types: dict[QName, TypeDef] = version.type_map()
        self.operations: dict[tuple[str, str], Operation] = {
            (service.name, operation.name): operation
            for service in version.services
            for operation in service.operations
        }
        self.found: list[Diagnostic] = []

    def report(self, path: str, line: int, code: str, severity: Severity, message: str) -> None:
        self.found.append(Diagnostic(path, max(line, 1), code, severity, message))

    def endpoint(self, page: RestPage) -> None:
        operation = self.operations.get((page.agent, page.method))
        if operation is None:
            return  # the WebAPI builder says so (J001)
        soap = f"SOAP {page.agent}.{page.method}"
        parameters = list(operation.input.fields)
        for query in page.query_parameters:
            matched = _named(parameters, query.name)
            if matched is None:
                continue  # $select, or a name the WebAPI builder reports (J002)
            parameters.remove(matched)
            self.compare(page, query, matched.type, f"parameter {matched.name} of {soap}")
        self.body(page, parameters, soap)
        self.reply(page, operation, soap)

    def body(self, page: RestPage, parameters: list[Field], soap: str) -> None:
        """The request body's properties: the parameters left after the query string, or,
        where the body is one value (``entity``), the fields of that parameter's type."""
        if page.request_body and page.request_body.casefold() != REQUEST_BODY and parameters:
            entity = parameters[0]
            owner = self.types.get(entity.type)
            fields = self.fields(owner) if isinstance(owner, ComplexType) else []
            where = f"{entity.type.name} (the type of parameter {entity.name} of {soap})"
            for prop in page.request_properties:
                self.property(page, prop, fields, where)
            return
        for prop in page.request_properties:
            matched = _named(parameters, prop.name)
            if matched is not None:  # an unknown name: the WebAPI builder reports it (J003)
                self.compare(page, prop, matched.type, f"parameter {matched.name} of {soap}")

    def reply(self, page: RestPage, operation: Operation, soap: str) -> None:
        parts = operation.output.fields
        stated = page.response_type.strip()
        if not parts:
            if stated:
                self.report(
                    page.path,
                    page.endpoint_line,
                    "L022",
                    "warning",
                    f"the page gives the response body as {stated}, but {soap} returns nothing",
                )
            return
        if len(parts) > 1:
            return  # several parts have no REST shape to compare with
        reply_type = parts[0].type
        if stated and not self.fits(stated, reply_type):
            self.report(
                page.path,
                page.endpoint_line,
                "L022",
                "warning",
                f"the page gives the response body as {stated}; {soap} returns "
                f"{_described(reply_type, self.types)}",
            )
        described = self.described_type(reply_type)
        if described is None:
            return
        fields = self.fields(described)
        for prop in page.response_properties:
            self.property(
                page, prop, fields, f"{described.name.name} (the reply of {soap})", "L023", "L024"
            )

    def described_type(self, reply_type: QName) -> ComplexType | None:
        """The complex type whose properties a response table lists: the reply's type, or
        the item type of an array reply."""
        typedef = self.types.get(reply_type)
        if isinstance(typedef, ArrayType):
            typedef = self.types.get(typedef.item.type)
        return typedef if isinstance(typedef, ComplexType) else None

    def property(
        self,
        page: RestPage,
        prop: RestProperty,
        fields: Sequence[Field],
        owner: str,
        unknown_code: str = "L020",
        type_code: str = "L021",
    ) -> None:
        """A property of an entity body or a response table against the fields of its type."""
        matched = _named(fields, prop.name)
        if matched is None:
            message = f"{prop.name!r} names no field of {owner}"
            self.report(page.path, prop.line, unknown_code, "warning", message)
            return
        self.compare(page, prop, matched.type, f"field {matched.name} of {owner}", type_code)

    def compare(
        self, page: RestPage, prop: RestProperty, soap_type: QName, what: str, code: str = "L021"
    ) -> None:
        if prop.type and not self.fits(prop.type, soap_type):
            self.report(
                page.path,
                prop.line,
                code,
                "warning",
                f"{prop.name} is given as {prop.type}; "
                f"{what} is {_described(soap_type, self.types)}",
            )

    def fits(self, word: str, soap_type: QName) -> bool:
        """Whether a REST table's type word can stand for ``soap_type``."""
        if soap_type == ANY_TYPE:
            return True
        kinds = REST_WORDS.get(word.casefold())
        if kinds is None:
            return word == soap_type.name  # a data contract's name
        return _kind(soap_type, self.types) in kinds

    def fields(self, typedef: ComplexType) -> list[Field]:
        """All fields of a complex type, inherited ones first (the REST tables list both)."""
        return [f for owner in reversed(base_chain(typedef, self.types)) for f in owner.fields]

    def unmirrored(self, documented: set[tuple[str, str]]) -> None:
        """SOAP operations without a REST page (only said when the docs have REST pages)."""
        for (service, name), operation in sorted(self.operations.items()):
            if (service, name) in documented or operation.source is None:
                continue
            self.report(
                operation.source.path,
                operation.source.line,
                "L025",
                "info",
                f"{self.version_name} {service}.{name} has no WebAPI page "
                f"(POST Agents/{service}/{name})",
            )


def _named(fields: Sequence[Field], name: str) -> Field | None:
    """The field a REST name stands for: the REST pages write names in their own case
    (``appointmentId`` for ``AppointmentId``)."""
    wanted = name.casefold()
    return next((f for f in fields if f.name.casefold() == wanted), None)


def _kind(type_name: QName, types: dict[QName, TypeDef]) -> str:
    if type_name in PRIMITIVES:
        return type_name.name
    typedef = types.get(type_name)
    if isinstance(typedef, EnumType):
        return "enum"
    if isinstance(typedef, ArrayType):
        return "array"
    if isinstance(typedef, DictType):
        return "dict"
    return "complex"


def _described(type_name: QName, types: dict[QName, TypeDef]) -> str:
    kind = _kind(type_name, types)
    if type_name in PRIMITIVES or kind == "complex":
        return display_name(type_name)
    return f"{display_name(type_name)} ({kind})"


__all__ = ["REST_WORDS", "check_rest"]
