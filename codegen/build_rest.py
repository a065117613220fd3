"""WebAPI pages + the SOAP model -> the WebAPI agents.

Every ``POST /api/v1/Agents/<Agent>/<Method>`` mirrors the SOAP operation of the same agent and
method of the newest NetServer version. The REST pages' tables are weak (arrays without item
types, enums shown as string, no nullability, some wrong rows), so types come from the SOAP
operation; the page decides what travels in the query string and what in the JSON body, and
brings the descriptions. A page whose SOAP operation is not in the input is built from its own
tables, with the WebAPI's vocabulary mapped to XML Schema types and unknown types left open.

Diagnostic codes:
  J001 info     an endpoint built from its page alone (its SOAP operation is not in the docs)
  J002 warning  a query string parameter that names no parameter of the SOAP operation
  J003 warning  a request body property that names no parameter of the SOAP operation
  J004 warning  a SOAP parameter the page does not show (sent as a body property)
  J005 warning  a page whose body is one value, but whose SOAP operation has several body parameters
  J006 info     the WebAPI pages were not generated: their SOAP version is not among those asked for
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from .model import (
    ANY_TYPE,
    Diagnostic,
    Endpoint,
    Field,
    Operation,
    QName,
    RestAgent,
    RestParameter,
    SourceRef,
    Version,
    WebApi,
    XSD,
)
from .sources.rest import RestPage, RestProperty

SELECT = "$select"

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


@dataclass
class _Join:
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, page: RestPage, line: int, code: str, severity: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(page.path, line or page.endpoint_line or 1, code, severity, message))  # type: ignore[arg-type]


def build_webapi(
    rest_pages: Sequence[RestPage], version: Version | None, newest: str
) -> tuple[WebApi | None, list[Diagnostic]]:
    """The WebAPI agents of ``rest_pages``, joined to ``version`` (the newest SOAP version in
    the docs, or None where it is not generated or the docs have no SOAP pages)."""
    join = _Join()
    pages = sorted((p for p in rest_pages if p.agent and p.method), key=lambda p: (p.agent, p.method, p.path))
    if not pages:
        return None, []
    if version is None and newest:
        join.diagnostics.append(
            Diagnostic(pages[0].path, 1, "J006", "info", f"WebAPI pages not generated: {newest}, whose types they share, was not asked for")
        )
        return None, join.diagnostics
    services = {s.name: s for s in version.services} if version else {}
    types = version.type_map() if version else {}
    agents: dict[str, list[Endpoint]] = {}
    seen: set[tuple[str, str]] = set()
    for page in pages:
        if (page.agent, page.method) in seen:
            continue  # the page reader and lint report duplicates; the first (by path) is used
        seen.add((page.agent, page.method))
        service = services.get(page.agent)
        operation = next((op for op in service.operations if op.name == page.method), None) if service else None
        if operation is not None:
            endpoint = _from_operation(page, operation, join)
        else:
            join.report(page, page.endpoint_line, "J001", "info", f"{page.agent}.{page.method}: no SOAP operation in the docs; built from the page's tables")
            endpoint = _from_page(page, types, version.namespace if version else "")
        agents.setdefault(page.agent, []).append(endpoint)
    webapi = WebApi(
        version=version.name if version else "",
        agents=tuple(RestAgent(name, tuple(endpoints)) for name, endpoints in sorted(agents.items())),
    )
    return webapi, join.diagnostics


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
        placed[soap_field.name] = RestParameter(query.name, "query", _described(soap_field, query))
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
    )


def _described(soap_field: Field, prop: RestProperty | None, fallback: str = "") -> Field:
    text = soap_field.description or (strip_required(prop.description) if prop else "") or fallback
    return Field(soap_field.name, soap_field.namespace, soap_field.type, soap_field.min_occurs, soap_field.nillable, text)


def strip_required(text: str) -> str:
    """A WebAPI table's description without its leading "**Required**" marker."""
    return re.sub(r"^\s*Required\b\s*", "", text).strip()


def _from_page(page: RestPage, types: Collection[QName], namespace: str) -> Endpoint:
    """An endpoint from the page's own tables: names as the page writes them, types mapped from
    the WebAPI's vocabulary or, where the page names a data contract the docs define, that."""

    def typed(name: str, word: str, description: str) -> Field:
        known = QName(namespace, word)
        type_name = REST_TYPES.get(word.casefold()) or (known if known in types else ANY_TYPE)
        return Field(name, namespace, type_name, min_occurs=0, nillable=True, description=strip_required(description))

    parameters = [
        RestParameter(q.name, "query", typed(q.name, q.type, q.description)) for q in page.query_parameters if q.name != SELECT
    ]
    if page.request_body == "request":
        parameters += [RestParameter(p.name, "property", typed(p.name, p.type, p.description)) for p in page.request_properties]
    elif page.request_body:
        parameters.append(RestParameter("", "body", typed(page.request_body, "object", page.request_body_description)))
    void = not page.response_type or any(code == "204" for code, _ in page.response_codes)
    returns = () if void else (typed("Response", page.response_type, page.response_description),)
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
