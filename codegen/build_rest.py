"""WebAPI pages and specs + the SOAP model -> the WebAPI agents (and, through
``codegen.build_entities``, the RESTful entity endpoints).

Every ``POST /api/v1/Agents/<Agent>/<Method>`` mirrors the SOAP operation of the same agent and
method of the newest NetServer version. The REST pages' tables are weak (arrays without item
types, enums shown as string, no nullability, some wrong rows), so types come from the SOAP
operation; the page decides what travels in the query string and what in the JSON body, and
brings the descriptions. A page whose SOAP operation is not in the input is built from its own
tables, with the WebAPI's vocabulary mapped to XML Schema types and unknown types left open.

The OpenAPI and Swagger specs (``codegen.sources.openapi``) give the same records, joined the
same way, with more: a query parameter the spec requires is required in the model; an endpoint
without SOAP operation is typed from its schemas; and the schemas are compared with the WSDL's
types (J007-J013, J015), so that either side's mistakes show.

Precedence: where a docs folder has both a spec and a markdown page for one endpoint, the spec
is used (SuperOffice generates it from the server's code; the pages are an older rendering of
the same source), the page fills in the descriptions the spec leaves empty and brings its
samples (the test doubles answer with them), and J014 names both files. Among pages of one
format, the first by path is used, as before.

Diagnostic codes:
  J001 info     an endpoint built from its page alone (its SOAP operation is not in the docs)
  J002 warning  a query string parameter that names no parameter of the SOAP operation
  J003 warning  a request body property that names no parameter of the SOAP operation
  J004 warning  a SOAP parameter the page does not show (sent as a body property)
  J005 warning  a page whose body is one value, but whose SOAP operation has several body parameters
  J006 info     the WebAPI pages were not generated: their SOAP version is not among those asked for
  J007 warning  a spec's query parameter, body property or body whose type differs from the SOAP parameter's
  J008 warning  a spec's reply that differs from the SOAP operation's return (a type, or void against a value)
  J009 warning  a property of a spec's named schema that the SOAP data contract of that name lacks
  J010 warning  a field of a SOAP data contract that the spec's named schema of that name lacks
  J011 warning  a property of a spec's named schema whose type differs from the SOAP field's
  J012 warning  enum values of a spec that the SOAP enum lacks, or SOAP enum values the spec lacks
  J013 info     a spec's named schema with no SOAP type of that name (not compared)
  J014 info     an endpoint described by a spec and by a page: the spec is used, the page fills in
  J015 warning  a spec's reply that is not JSON (octet-stream and the like) where SOAP returns no
                bytes; the client reads JSON (where SOAP returns base64Binary, the bytes are returned)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .example_checks import display_name
from .hierarchy import base_chain
from .model import (
    ANY_TYPE,
    ARRAYS,
    ComplexType,
    ArrayType,
    Diagnostic,
    DictType,
    Endpoint,
    EnumType,
    Field,
    Operation,
    PRIMITIVES,
    QName,
    RestAgent,
    RestParameter,
    SERIALIZATION,
    SourceRef,
    TypeDef,
    Version,
    WebApi,
    XSD,
)
from .sources.rest import JsonSchema, RestPage, RestProperty, SchemaSet

SELECT = "$select"
OPENAPI = "openapi"

# The WebAPI tables' type words -> XML Schema types. "array", "object" and the like say too
# little: they stay open (anyType), and JSON passes through as it is.
REST_TYPES: dict[str, QName] = {
    **{word: QName(XSD, "int") for word in ("int32", "integer", "int16", "short")},
    **{word: QName(XSD, "long") for word in ("int64", "long")},
    **{word: QName(XSD, "string") for word in ("string", "uri")},
    **{word: QName(XSD, "boolean") for word in ("bool", "boolean")},
    **{word: QName(XSD, "double") for word in ("double", "float", "number")},
    "decimal": QName(XSD, "decimal"),
    "date-time": QName(XSD, "dateTime"),
    "datetime": QName(XSD, "dateTime"),
}

# A spec's (type, format) -> the XML Schema primitives it may stand for ("" format: any).
_INTEGERS = frozenset("int long short byte unsignedByte unsignedShort unsignedInt unsignedLong".split())
_SPEC_PRIMITIVES: dict[tuple[str, str], frozenset[str]] = {
    ("integer", "int32"): frozenset("int short byte unsignedByte unsignedShort".split()),
    ("integer", "int64"): frozenset("long unsignedInt unsignedLong".split()),
    ("integer", ""): _INTEGERS,
    ("number", ""): frozenset({"double", "float", "decimal"}),
    ("boolean", ""): frozenset({"boolean"}),
    ("string", ""): frozenset("string anyURI QName guid char duration".split()),
    ("string", "date-time"): frozenset({"dateTime"}),
    ("string", "byte"): frozenset({"base64Binary"}),
    ("string", "binary"): frozenset({"base64Binary"}),
    ("string", "uuid"): frozenset({"guid"}),
}


@dataclass
class _Join:
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, page: RestPage, line: int, code: str, severity: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(page.path, line or page.endpoint_line or 1, code, severity, message))  # type: ignore[arg-type]


def build_webapi(
    rest_pages: Sequence[RestPage], version: Version | None, newest: str
) -> tuple[WebApi | None, list[Diagnostic]]:
    """The WebAPI agents of ``rest_pages`` (markdown pages and spec endpoints), joined to
    ``version`` (the newest SOAP version in the docs, or None where it is not generated or the
    docs have no SOAP pages)."""
    join = _Join()
    pages, notes = preferred_pages(rest_pages)
    entity_pages = [p for p in rest_pages if p.entity]
    if not pages and not entity_pages:
        return None, []
    if version is None and newest:
        join.diagnostics.append(
            Diagnostic((pages or entity_pages)[0].path, 1, "J006", "info", f"WebAPI pages not generated: {newest}, whose types they share, was not asked for")
        )
        return None, join.diagnostics
    join.diagnostics.extend(notes)
    services = {s.name: s for s in version.services} if version else {}
    types = version.type_map() if version else {}
    checker = _SpecChecker(types, version.namespace if version else "", join)
    agents: dict[str, list[Endpoint]] = {}
    for page in pages:
        service = services.get(page.agent)
        operation = next((op for op in service.operations if op.name == page.method), None) if service else None
        if operation is not None:
            endpoint = _from_operation(page, operation, join)
            if page.source_format == OPENAPI:
                checker.endpoint(page, endpoint)
        else:
            source = "spec's schemas" if page.source_format == OPENAPI else "page's tables"
            join.report(page, page.endpoint_line, "J001", "info", f"{page.agent}.{page.method}: no SOAP operation in the docs; built from the {source}")
            endpoint = _from_page(page, types, version.namespace if version else "")
        agents.setdefault(page.agent, []).append(endpoint)
    from .build_entities import build_entities  # it builds on this module's helpers

    entities = build_entities(entity_pages, types, version.namespace if version else "", join)
    if version is not None:
        checker.named_schemas([*pages, *entity_pages])  # the agents' first: theirs as before
    webapi = WebApi(
        version=version.name if version else "",
        agents=tuple(RestAgent(name, tuple(endpoints)) for name, endpoints in sorted(agents.items())),
        entities=entities,
    )
    return webapi, join.diagnostics


def preferred_pages(rest_pages: Iterable[RestPage]) -> tuple[list[RestPage], list[Diagnostic]]:
    """One page per endpoint, by (agent, method), with the J014 notes of the precedence (see
    the module's docstring): a spec's endpoint over a markdown page, filled in from the page;
    otherwise the first by path (the page reader and lint report duplicates)."""
    groups: dict[tuple[str, str], list[RestPage]] = {}
    for page in sorted((p for p in rest_pages if p.agent and p.method), key=lambda p: (p.agent, p.method, p.path)):
        groups.setdefault((page.agent, page.method), []).append(page)
    chosen: list[RestPage] = []
    notes: list[Diagnostic] = []
    for group in groups.values():
        spec = next((p for p in group if p.source_format == OPENAPI), None)
        markdown = next((p for p in group if p.source_format != OPENAPI), None)
        if spec is None or markdown is None:
            chosen.append(group[0])
            continue
        chosen.append(_filled(spec, markdown))
        message = f"POST {spec.endpoint}: described by {spec.path} and by {markdown.path}; the spec is used, the page fills in its empty descriptions"
        notes.append(Diagnostic(spec.path, spec.endpoint_line or 1, "J014", "info", message))
    return chosen, notes


def _filled(spec: RestPage, page: RestPage) -> RestPage:
    """The spec's endpoint with the page's descriptions where the spec has none, and its samples."""

    def rows(own: tuple[RestProperty, ...], other: tuple[RestProperty, ...]) -> tuple[RestProperty, ...]:
        texts = {p.name.casefold(): p.description for p in other}
        return tuple(p if p.description else replace(p, description=texts.get(p.name.casefold(), "")) for p in own)

    return replace(
        spec,
        description=spec.description or page.description,
        online_restricted=spec.online_restricted or page.online_restricted,
        query_parameters=rows(spec.query_parameters, page.query_parameters),
        request_body_description=spec.request_body_description or page.request_body_description,
        request_properties=rows(spec.request_properties, page.request_properties),
        response_description=spec.response_description or page.response_description,
        response_properties=rows(spec.response_properties, page.response_properties),
        sample_request=page.sample_request,
        sample_response=page.sample_response,
    )


def _from_operation(page: RestPage, operation: Operation, join: _Join) -> Endpoint:
    by_name = {f.name.casefold(): f for f in operation.input.fields}
    placed: dict[str, RestParameter] = {}
    for query in page.query_parameters:
        if query.name == SELECT:
            continue
        soap_field = by_name.get(query.name.casefold())
        if soap_field is None:
            join.report(page, query.line, "J002", "warning", f"query parameter {query.name!r} names no parameter of SOAP {operation.name}")
            continue
        query_field = _described(soap_field, query)
        if query.required:  # the spec says so; SOAP's wrappers make every element optional
            query_field = replace(query_field, min_occurs=1, nillable=False)
        placed[soap_field.name] = RestParameter(query.name, "query", query_field)
    remaining = [f for f in operation.input.fields if f.name not in placed]
    if page.request_body and page.request_body != "request" and remaining:
        # the body is one value: the entity, or an array of ids
        if len(remaining) > 1:
            join.report(page, page.endpoint_line, "J005", "warning",
                        f"the body is one value ({page.request_body}) but SOAP {operation.name} has {len(remaining)} parameters left")
        body = remaining[0]
        placed[body.name] = RestParameter("", "body", _described(body, None, page.request_body_description))
        remaining = remaining[1:]
    properties = {p.name.casefold(): p for p in page.request_properties}
    if page.request_body == "request":
        unknown = [p for p in page.request_properties if p.name.casefold() not in {f.name.casefold() for f in remaining}]
        unshown = [f for f in remaining if f.name.casefold() not in properties]
        for prop in unknown:
            message = f"body property {prop.name!r} names no parameter of SOAP {operation.name}"
            if len(unknown) == len(unshown):
                # the same parameter under another name: the page decides the JSON shape
                partner = unshown[unknown.index(prop)]
                properties[partner.name.casefold()] = prop
                message += f"; taken for {partner.name}, which it stands in place of"
            join.report(page, prop.line, "J003", "warning", message)
    for soap_field in remaining:
        described = properties.get(soap_field.name.casefold())
        if described is None:
            join.report(page, page.endpoint_line, "J004", "warning",
                        f"SOAP parameter {soap_field.name} of {operation.name} is not on the page; sent as a body property")
        placed[soap_field.name] = RestParameter(
            described.name if described else soap_field.name, "property", _described(soap_field, described)
        )
    parameters = tuple(placed[f.name] for f in operation.input.fields)
    return Endpoint(
        method=page.method,
        path=page.endpoint,
        parameters=parameters,
        returns=operation.output.fields,
        select=any(q.name == SELECT for q in page.query_parameters),
        description=page.description or operation.description,
        online_restricted=page.online_restricted or operation.online_restricted,
        soap_operation=operation.name,
        source=SourceRef(page.path, page.endpoint_line or 1),
        sample_response=page.sample_response.text if page.sample_response else "",
        # a stream (a document, an image) comes as its bytes, not as a JSON string of base64
        raw_reply=replies_raw(page) and [f.type for f in operation.output.fields] == [QName(XSD, "base64Binary")],
    )


def replies_raw(page: RestPage) -> bool:
    """Whether a spec says the reply is not JSON (octet-stream, pdf and the like)."""
    return bool(page.response_media) and not any(is_json_media(m) for m in page.response_media)


def is_json_media(media: str) -> bool:
    return media.split(";")[0].strip().endswith(("/json", "+json"))


def _described(soap_field: Field, prop: RestProperty | None, fallback: str = "") -> Field:
    text = soap_field.description or (strip_required(prop.description) if prop else "") or fallback
    return Field(soap_field.name, soap_field.namespace, soap_field.type, soap_field.min_occurs, soap_field.nillable, text)


def strip_required(text: str) -> str:
    """A WebAPI table's description without its leading "**Required**" marker."""
    return re.sub(r"^\s*Required\b\s*", "", text).strip()


def _from_page(page: RestPage, types: Collection[QName], namespace: str) -> Endpoint:
    """An endpoint from the page's own tables: names as the page writes them, types mapped from
    the WebAPI's vocabulary (a spec's schemas where there are) or, where the page names a data
    contract the docs define, that."""

    def typed(name: str, word: str, description: str, schema: JsonSchema | None = None, required: bool = False) -> Field:
        known = QName(namespace, word)
        type_name = REST_TYPES.get(word.casefold()) or (known if known in types else ANY_TYPE)
        if schema is not None:
            type_name = _schema_type(schema, types, namespace)
        if required:
            return Field(name, namespace, type_name, description=strip_required(description))
        return Field(name, namespace, type_name, min_occurs=0, nillable=True, description=strip_required(description))

    parameters = [
        RestParameter(q.name, "query", typed(q.name, q.type, q.description, q.schema, q.required))
        for q in page.query_parameters if q.name != SELECT
    ]
    if page.request_body == "request":
        parameters += [RestParameter(p.name, "property", typed(p.name, p.type, p.description, p.schema)) for p in page.request_properties]
    elif page.request_body:
        parameters.append(RestParameter("", "body", typed(page.request_body, "object", page.request_body_description, page.request_schema)))
    void = not page.response_type or any(code == "204" for code, _ in page.response_codes)
    returns = () if void else (typed("Response", page.response_type, page.response_description, page.response_schema),)
    return Endpoint(
        method=page.method,
        path=page.endpoint,
        parameters=tuple(parameters),
        returns=returns,
        select=any(q.name == SELECT for q in page.query_parameters),
        description=page.description,
        online_restricted=page.online_restricted,
        source=SourceRef(page.path, page.endpoint_line or 1),
        sample_response=page.sample_response.text if page.sample_response else "",
    )


def _schema_type(schema: JsonSchema, types: Collection[QName], namespace: str) -> QName:
    """The SOAP type a spec's schema names, where the version defines it; else an XML Schema
    primitive, or anyType (JSON passes through)."""
    if schema.ref:
        known = QName(namespace, schema_type_name(schema.ref))
        return known if known in types else ANY_TYPE
    if schema.type == "array" and schema.items is not None:
        item = _schema_type(schema.items, types, namespace)
        found = [QName(ns, f"ArrayOf{item.name}") for ns in (namespace, ARRAYS)]
        return next((name for name in found if name in types and item != ANY_TYPE), ANY_TYPE)
    if schema.enum or schema.type in ("", "object", "array"):
        return QName(XSD, "string") if schema.enum else ANY_TYPE
    kinds = _SPEC_PRIMITIVES.get((schema.type, schema.format)) or _SPEC_PRIMITIVES.get((schema.type, ""), frozenset())
    for preferred in ("int", "long", "double", "boolean", "dateTime", "base64Binary", "string", "guid"):
        if preferred in kinds:
            return QName(SERIALIZATION if preferred == "guid" else XSD, preferred)
    return ANY_TYPE


def schema_type_name(name: str) -> str:
    """The SOAP type name of a spec's named schema: ``SuperOffice.CRM.Services.ErpConnection``
    -> ``ErpConnection``."""
    return re.split(r"[.+]", name)[-1]


def _is_carrier(name: str) -> bool:
    return ".Carriers." in name or name.endswith("Request")


# -- the specs against the WSDL's types ---------------------------------------------------------


class _SpecChecker:
    """Compares a spec's schemas with the SOAP types (J007-J013, J015)."""

    def __init__(self, types: Mapping[QName, TypeDef], namespace: str, join: _Join) -> None:
        self.types = types
        self.namespace = namespace
        self.join = join
        self.enums_seen: set[QName] = set()

    def endpoint(self, page: RestPage, endpoint: Endpoint) -> None:
        rows = {p.name.casefold(): p for p in page.query_parameters + page.request_properties}
        for parameter in endpoint.parameters:
            if parameter.location == "body":
                schema, line, what = page.request_schema, page.endpoint_line, "the body"
            else:
                row = rows.get(parameter.wire_name.casefold())
                schema, line, what = (row.schema, row.line, repr(row.name)) if row else (None, 0, "")
            if schema is not None:
                self.compare(page, line, schema, parameter.field.type, "J007", f"{what} of {endpoint.path}", f"SOAP parameter {parameter.field.name}")
        self.reply(page, endpoint)

    def reply(self, page: RestPage, endpoint: Endpoint) -> None:
        schema = page.response_schema
        soap = f"SOAP {page.agent}.{endpoint.soap_operation}"
        if replies_raw(page):
            if not endpoint.raw_reply:  # a raw reply of bytes is what the SOAP base64Binary promises
                media = ", ".join(page.response_media[:3])
                self.join.report(page, page.endpoint_line, "J015", "warning", f"{endpoint.path} replies {media}, not JSON, but SOAP returns no bytes; the client reads JSON")
            return
        if len(endpoint.returns) > 1:
            return  # several output parts have no JSON shape to compare
        if not endpoint.returns:
            if schema is not None:
                self.join.report(page, page.endpoint_line, "J008", "warning", f"{endpoint.path} replies {_text(schema)}; {soap} returns nothing")
        elif schema is None:
            self.join.report(page, page.endpoint_line, "J008", "warning",
                             f"{endpoint.path} replies no content; {soap} returns {display_name(endpoint.returns[0].type)}")
        else:
            self.compare(page, page.endpoint_line, schema, endpoint.returns[0].type, "J008", f"the reply of {endpoint.path}", soap + "'s return")

    def compare(self, page: RestPage, line: int, schema: JsonSchema, soap_type: QName, code: str, what: str, soap: str) -> None:
        if not self.fits(schema, soap_type, page.schemas):
            self.join.report(page, line, code, "warning", f"{what} is {_text(schema)}; {soap} is {self.soap_text(soap_type)}")
        else:
            self.enum(page, line, schema, soap_type)

    def fits(self, schema: JsonSchema, soap_type: QName, schemas: SchemaSet | None) -> bool:
        """Whether a value of the spec's ``schema`` can be one of ``soap_type`` (names of data
        contracts compared, not their fields: those are compared once per named schema)."""
        typedef = self.types.get(soap_type)
        if soap_type == ANY_TYPE or (not schema.type and not schema.ref):
            return True
        if schema.ref:
            target = schemas.resolve(schema) if schemas else JsonSchema()
            if isinstance(typedef, ComplexType):
                return schema_type_name(schema.ref) in {t.name.name for t in base_chain(typedef, self.types)} or not target.type
            return not target.properties and self.fits(replace(target, description=""), soap_type, None)
        if isinstance(typedef, ArrayType):
            return schema.type == "array" and (schema.items is None or self.fits(schema.items, typedef.item.type, schemas))
        if isinstance(typedef, DictType):
            return schema.type == "object" and (schema.values is None or self.fits(schema.values, typedef.value.type, schemas))
        if isinstance(typedef, ComplexType):
            return schema.type == "object" and schema.values is None
        if isinstance(typedef, EnumType):
            return schema.type == "string"
        kinds = _SPEC_PRIMITIVES.get((schema.type, schema.format)) or _SPEC_PRIMITIVES.get((schema.type, ""), frozenset())
        return soap_type in PRIMITIVES and soap_type.name in kinds

    def enum(self, page: RestPage, line: int, schema: JsonSchema, soap_type: QName) -> None:
        """Inline enum values against the SOAP enum's members (each SOAP enum once)."""
        while schema.type == "array" and schema.items is not None:
            schema = schema.items
            item = self.types.get(soap_type)
            soap_type = item.item.type if isinstance(item, ArrayType) else soap_type
        typedef = self.types.get(soap_type)
        if not schema.enum or not isinstance(typedef, EnumType) or soap_type in self.enums_seen:
            return
        self.enums_seen.add(soap_type)
        members = [m.value for m in typedef.members]
        extra = [v for v in schema.enum if v not in members]
        missing = [v for v in members if v not in schema.enum]
        if extra or missing:
            said = [f"{', '.join(extra)} not in SOAP {soap_type.name}"] if extra else []
            said += [f"SOAP's {', '.join(missing)} not in the spec"] if missing else []
            self.join.report(page, line, "J012", "warning", f"enum {soap_type.name}: {'; '.join(said)}"[:400])

    def named_schemas(self, pages: Sequence[RestPage]) -> None:
        """Each named schema (by type name, the first file's) against the SOAP type of its name."""
        seen: set[str] = set()
        for page in pages:
            if page.source_format != OPENAPI or page.schemas is None:
                continue
            for name, schema in page.schemas.schemas:
                short = schema_type_name(name)
                if _is_carrier(name) or short in seen:
                    continue
                seen.add(short)
                self.named(page, short, schema, page.schemas)

    def named(self, page: RestPage, short: str, schema: JsonSchema, schemas: SchemaSet) -> None:
        typedef = self.types.get(QName(self.namespace, short))
        report = self.join.report
        if typedef is None:
            report(page, schema.line, "J013", "info", f"named schema {short} has no SOAP type of that name; not compared")
            return
        if not isinstance(typedef, ComplexType):
            return
        fields = {f.name.casefold(): f for owner in reversed(base_chain(typedef, self.types)) for f in owner.fields}
        props = {p.name.casefold(): p for p in schema.properties}
        for key, prop in props.items():
            soap_field = fields.get(key)
            if soap_field is None:
                report(page, prop.line, "J009", "warning", f"{short}.{prop.name} of the spec: SOAP {short} has no such field")
            elif not self.fits(prop.schema, soap_field.type, schemas):
                report(page, prop.line, "J011", "warning",
                       f"{short}.{prop.name} is {_text(prop.schema)} in the spec; SOAP's is {self.soap_text(soap_field.type)}")
            else:
                self.enum(page, prop.line, prop.schema, soap_field.type)
        for key, soap_field in fields.items():
            if key not in props:
                report(page, schema.line, "J010", "warning", f"SOAP {short}.{soap_field.name} is not in the spec's {short}")

    def soap_text(self, name: QName) -> str:
        typedef = self.types.get(name)
        if isinstance(typedef, ArrayType):
            return f"array of {self.soap_text(typedef.item.type)}"
        kind = {EnumType: " (enum)", DictType: " (dictionary)"}.get(type(typedef), "")
        return display_name(name) + kind


def _text(schema: JsonSchema) -> str:
    """A schema as a reader knows it: ``integer (int32)``, ``array of ErpConnection``."""
    if schema.ref:
        return schema_type_name(schema.ref)
    if schema.type == "array":
        return f"array of {_text(schema.items) if schema.items else 'any'}"
    if schema.values is not None:
        return f"dictionary of {_text(schema.values)}"
    if schema.enum:
        return f"{schema.type or 'any'} enum"
    return f"{schema.type or 'any'}{f' ({schema.format})' if schema.format else ''}"


# -- descriptions for the SOAP types ------------------------------------------------------------


def describe_rest_types(types: Mapping[QName, TypeDef], rest_pages: Iterable[RestPage]) -> dict[QName, TypeDef]:
    """The SOAP types with the descriptions the WebAPI sources give them (``rest_type_notes``);
    a description the type has is kept."""
    fields, own = rest_type_notes(rest_pages)
    described: dict[QName, TypeDef] = dict(types)
    for name, typedef in types.items():
        notes = fields.get(name.name, {})
        if isinstance(typedef, ComplexType) and (notes or name.name in own):
            new_fields = tuple(replace(f, description=f.description or notes.get(f.name.casefold(), "")) for f in typedef.fields)
            described[name] = replace(typedef, fields=new_fields, description=typedef.description or own.get(name.name, ""))
        elif isinstance(typedef, EnumType) and name.name in own:
            described[name] = replace(typedef, description=typedef.description or own[name.name])
    return described


def rest_type_notes(rest_pages: Iterable[RestPage]) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """What the WebAPI sources say of the data contracts, by type name: field descriptions
    (casefolded property name -> text) from the response tables (pages and specs) of the types
    the endpoints return, then from the specs' named schemas of the same name; and the type's
    own description, from those schemas."""
    fields: dict[str, dict[str, str]] = {}
    own: dict[str, str] = {}
    pages = [p for p in rest_pages if not p.entity]  # the SOAP types' notes stay the agents'
    for page in pages:
        if page.response_type and page.response_properties:
            table = fields.setdefault(page.response_type, {})
            for prop in page.response_properties:
                if prop.description:
                    table.setdefault(prop.name.casefold(), prop.description)
    sets = {id(p.schemas): p.schemas for p in pages if p.schemas is not None}
    for schema_name, schema in (entry for schemas in sets.values() for entry in schemas.schemas):
        if _is_carrier(schema_name):
            continue
        short = schema_type_name(schema_name)
        if schema.description:
            own.setdefault(short, schema.description)
        notes = fields.setdefault(short, {})
        for member in schema.properties:
            if member.schema.description:
                notes.setdefault(member.name.casefold(), member.schema.description)
    return fields, own
