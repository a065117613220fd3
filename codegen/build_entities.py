"""WebAPI specs' RESTful entity operations -> typed endpoints (``GET /api/v1/Contact/{id}``).

Each operation of a spec outside ``/Agents/`` (read by ``codegen.sources.openapi`` as a RestPage
with ``entity`` set) becomes one :class:`Endpoint` of the entity's :class:`RestAgent`, grouped
by the spec's tag: its HTTP method, its path template and path parameters, its query parameters
(``$select`` as the methods' ``select``), its JSON body and its reply. Types come from the
spec's schemas, mapped to the SOAP data contracts of the newest version by name, the way the
agents' spec-only endpoints are (``codegen.build_rest``): ``ContactEntity`` is Services88's
ContactEntity, whose fields the builder compares with the schema's (J009-J011), and the
``XWithLinks`` carriers (X with the server's ``_Links``) are read as X. A schema with no SOAP
type of its name (the OData list replies, dictionaries) is JSON as parsed, typed ``object``. A
reply without a JSON media type (images) is the reply's bytes.

Diagnostic codes:
  J016 warning  an entity operation not generated: its path template and its path parameters
                disagree, or a path parameter is not a number, string or boolean
  J017 warning  an entity operation not generated: its request body is not JSON (a multipart
                upload)
  J018 info     an entity schema XWithLinks read as the SOAP data contract X (its _Links not kept)
  J019 info     an entity schema with no SOAP data contract of its name: JSON, typed object
  J020 warning  an entity operation given twice (the same HTTP method and path); the first by
                file is used
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .build_rest import SELECT, _Join, _schema_type, replies_raw, schema_type_name, strip_required
from .model import ANY_TYPE, ARRAYS, Endpoint, Field, QName, RestAgent, RestParameter, SourceRef
from .sources.rest import JsonSchema, RestPage

_PLACEHOLDER = re.compile(r"\{([^{}/]*)\}")
_LINKS = "WithLinks"
_PATH_KINDS = frozenset({"string", "integer", "number", "boolean"})


def build_entities(
    pages: Sequence[RestPage], types: Collection[QName], namespace: str, join: _Join
) -> tuple[RestAgent, ...]:
    """The entity endpoints of ``pages`` (entity pages only), typed with the SOAP ``types``."""
    builder = _Entities(types, namespace, join)
    groups: dict[str, list[Endpoint]] = {}
    seen: dict[tuple[str, str], str] = {}
    for page in sorted(pages, key=lambda p: p.path):  # spec order within a file
        where = (page.http_method, page.endpoint)
        if where in seen:
            join.report(page, page.endpoint_line, "J020", "warning",
                        f"{page.http_method} {page.endpoint} is also in {seen[where]}; that one is used")
            continue
        seen[where] = page.path
        endpoint = builder.endpoint(page)
        if endpoint is not None:
            groups.setdefault(page.entity, []).append(endpoint)
    return tuple(RestAgent(name, tuple(endpoints)) for name, endpoints in sorted(groups.items()))


class _Entities:
    def __init__(self, types: Collection[QName], namespace: str, join: _Join) -> None:
        self.types = types
        self.namespace = namespace
        self.join = join
        self.noted: set[tuple[str, str]] = set()  # (file, schema) pairs already told of

    def endpoint(self, page: RestPage) -> Endpoint | None:
        what = f"{page.http_method} {page.endpoint}"
        problem = _path_problem(page)
        if problem:
            self.join.report(page, page.endpoint_line, "J016", "warning", f"{what}: {problem}; not generated"[:400])
            return None
        if page.request_media and page.request_schema is None:
            media = ", ".join(page.request_media[:3])
            self.join.report(page, page.endpoint_line, "J017", "warning", f"{what}: the request body is {media}, not JSON; not generated")
            return None
        parameters = [RestParameter(p.name, "path", self.field(page, p.name, p.schema, p.description, True)) for p in page.path_parameters]
        if page.request_schema is not None:
            name = "entity" if page.request_schema.ref else "body"
            parameters.append(RestParameter("", "body", self.field(page, name, page.request_schema, page.request_body_description, True)))
        for q in page.query_parameters:
            if q.name != SELECT:
                parameters.append(RestParameter(q.name, "query", self.field(page, q.name, q.schema, q.description, q.required)))
        raw = replies_raw(page)
        returns: tuple[Field, ...] = ()
        if page.response_schema is not None and not raw:
            returns = (self.field(page, "Response", page.response_schema, page.response_description, False),)
        return Endpoint(
            method=page.operation,
            path=page.endpoint,
            parameters=tuple(parameters),
            returns=returns,
            select=any(q.name == SELECT for q in page.query_parameters),
            description=page.description,
            source=SourceRef(page.path, page.endpoint_line or 1),
            http_method=page.http_method,
            raw_reply=raw,
        )

    def field(self, page: RestPage, name: str, schema: JsonSchema | None, description: str, required: bool) -> Field:
        type_name = self.type(page, schema) if schema is not None else ANY_TYPE
        text = strip_required(description)
        if required:
            return Field(name, self.namespace, type_name, description=text)
        return Field(name, self.namespace, type_name, min_occurs=0, nillable=True, description=text)

    def type(self, page: RestPage, schema: JsonSchema) -> QName:
        """The SOAP type of a schema: a data contract by name (``XWithLinks`` as X), arrays
        of those, primitives; else anyType (JSON as parsed), with a note (J018, J019)."""
        if schema.ref:
            short = schema_type_name(schema.ref)
            known = QName(self.namespace, short)
            if known in self.types:
                return known
            base = QName(self.namespace, short.removesuffix(_LINKS))
            if short.endswith(_LINKS) and base in self.types:
                self.note(page, short, "J018", f"schema {short} read as the SOAP data contract {base.name}; its _Links are not kept")
                return base
            if page.schemas is not None and not page.schemas.resolve(schema).properties and page.schemas.resolve(schema).type:
                return _schema_type(page.schemas.resolve(schema), self.types, self.namespace)  # a named primitive
            self.note(page, short, "J019", f"schema {short} has no SOAP data contract of its name; the value is JSON, typed object")
            return ANY_TYPE
        if schema.type == "array" and schema.items is not None:
            item = self.type(page, schema.items)
            found = [QName(ns, f"ArrayOf{item.name}") for ns in (self.namespace, ARRAYS)]
            return next((n for n in found if n in self.types and item != ANY_TYPE), ANY_TYPE)
        return _schema_type(schema, self.types, self.namespace)

    def note(self, page: RestPage, schema: str, code: str, message: str) -> None:
        if (page.path, schema) not in self.noted:
            self.noted.add((page.path, schema))
            self.join.report(page, page.endpoint_line, code, "info", message)


def _path_problem(page: RestPage) -> str:
    """Why the path template cannot be filled from the path parameters ("" when it can)."""
    holes = _PLACEHOLDER.findall(page.endpoint)
    names = [p.name for p in page.path_parameters]
    if page.endpoint.count("{") != len(holes) or page.endpoint.count("}") != len(holes):
        return "the path template's braces do not pair"
    missing = [h for h in holes if h not in names]
    if missing:
        return f"no path parameter for {{{missing[0]}}}"
    extra = [n for n in names if n not in holes]
    if extra:
        return f"path parameter {extra[0]!r} is not in the path"
    if len(set(holes)) != len(holes):
        return "a path parameter appears twice in the path"
    odd = next((p for p in page.path_parameters if p.schema is None or (p.schema.type not in _PATH_KINDS and not p.schema.enum)), None)
    if odd is not None:
        return f"path parameter {odd.name!r} is not a number, string or boolean"
    return ""


__all__ = ["build_entities"]
