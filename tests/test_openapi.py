"""The WebAPI agent specs (OpenAPI 3.0 and Swagger 2.0 JSON): reading them into RestPages, the
diagnostics for bad input, joining them to the SOAP model (and where the two disagree), the
precedence over markdown pages, and the real corpus: every POST operation of SuperOffice's 53
agent specs (counted here from the JSON itself), and every request the client generated from
them sends, validated against the spec's own schema with jsonschema.

The specs here are our own, made up for a "Gadget" agent; the corpus is read from
../shared/superoffice-docs-current and the tests that need it skip when it is absent."""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.build_rest import build_webapi, describe_rest_types, preferred_pages
from codegen.model import (
    ARRAYS, ArrayType, ComplexType, EnumMember, EnumType, Field, Message, Operation, QName, Service,
    Version, XSD,
)
from codegen.sources.openapi import MAX_DEPTH, json_schema, looks_like_openapi, read_openapi
from codegen.sources.rest import RestPage, read_rest_text
from conftest import CURRENT, CURRENT_PACKAGE, Generated

AGENT_SPECS = CURRENT / "endpoints" / "agents-webapi" / "reference"
NS = "http://www.superoffice.net/ws/crm/NetServer/Services88"
LINK = "SuperOffice.CRM.Services.Link"
CARRIERS = "SuperOffice.WebApi.v1.Carriers.GadgetCarriers."
HEADERS = [
    {"name": name, "in": "header", "required": False, "schema": {"type": "string"}}
    for name in ("Accept-Language", "SO-Language", "SO-Culture", "SO-TimeZone", "SO-AppToken")
]
SELECT = {"name": "$select", "in": "query", "required": False, "schema": {"type": "string"}}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def body(schema: dict[str, Any], text: str = "") -> dict[str, Any]:
    media = ("application/json", "text/json", "application/xml")
    return {"content": {m: {"schema": schema} for m in media}, "description": text, "required": True}


def ok(schema: dict[str, Any] | None) -> dict[str, Any]:
    if schema is None:
        return {"204": {"description": "No Content"}}
    return {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}


def post(summary: str, parameters: list[dict[str, Any]], request: dict[str, Any] | None, responses: dict[str, Any], description: str = "") -> dict[str, Any]:
    operation: dict[str, Any] = {
        "tags": ["Gadget_Agent"], "summary": summary, "description": description,
        "operationId": f"v1GadgetAgent_{summary.split()[0]}", "parameters": parameters + HEADERS, "responses": responses,
    }
    if request is not None:
        operation["requestBody"] = request
    return {"post": operation}


def carrier(method: str, **properties: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return CARRIERS + f"{method}Request", {"description": f"{method}: the carrier.", "type": "object", "properties": properties}


INT = {"type": "integer", "format": "int32"}
SCHEMAS = dict(
    [
        (LINK, {
            "description": "A kept link.\r\n<para />\r\nCarrier object for <see cref=\"T:X.Link\">Link</see>.",
            "type": "object",
            "properties": {
                "LinkId": {**INT, "description": "Primary key"},
                "Label": {"type": "string", "description": "Shown to users"},
                "Kind": {"enum": ["Plain", "Rich", "Fancy"], "type": "string", "description": "How it looks"},
                "Targets": {"type": "array", "items": INT},
                "Size": {**INT, "description": "Bytes"},
                "Extra": {"type": "object", "additionalProperties": {"type": "string"}},
                "Next": ref(LINK),
            },
        }),
        ("SuperOffice.CRM.Services.Orphan", {"type": "object", "properties": {"Id": INT}}),
        carrier("StoreLink", Link=ref(LINK)),
        carrier("CountLinks", Prefix=INT),
        carrier("GetBlob", LinkId=INT),
        carrier("Forget", LinkId=INT),
    ]
)
AGENT = "/api/v1/Agents/Gadget/"
PATHS = {
    AGENT + "StoreLink": post(
        "StoreLink keeps a link.", [SELECT], body(ref(CARRIERS + "StoreLinkRequest"), "Link"), ok(ref(LINK)),
        "Keeps it &amp; its label.\r\nNsApiSlow threshold: 5000 ms.\r\n<para />## Online Restricted: ## The Gadget agent needs a scope.",
    ),
    AGENT + "GetLink": post(
        "GetLink gets a link.",
        [{"name": "linkId", "in": "query", "required": True, "description": "The link's id", "schema": INT}, SELECT],
        None, ok(ref(LINK)),
    ),
    AGENT + "CountLinks": post("CountLinks counts.", [], body(ref(CARRIERS + "CountLinksRequest")), ok({"type": "string"})),
    AGENT + "DeleteLinks": post("DeleteLinks deletes.", [], body({"type": "array", "items": INT}, "The ids"), ok(None)),
    AGENT + "GetBlob": post(
        "GetBlob streams.", [], body(ref(CARRIERS + "GetBlobRequest")),
        {"200": {"description": "OK", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
    ),
    AGENT + "Forget": post("Forget forgets.", [], body(ref(CARRIERS + "ForgetRequest")), ok({"type": "boolean"})),
    AGENT + "Ping": post(
        "Ping answers.", [{"name": "count", "in": "query", "required": True, "schema": INT}], None, ok(ref(LINK)),
        "<para />## Experimental: ## Subject to change.",
    ),
    # the RESTful API: an entity operation (codegen.build_entities), not an agent
    "/api/v1/Link/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": True, "schema": INT}], "responses": ok(ref(LINK))}},
}
SPEC = json.dumps({"openapi": "3.0.1", "info": {"title": "Gadget"}, "paths": PATHS, "components": {"schemas": SCHEMAS}}, indent=1)


def line_of(text: str, wanted: str) -> int:
    """The 1-based number of the first line holding ``wanted``."""
    return next(i + 1 for i, line in enumerate(text.split("\n")) if wanted in line)


def read(spec: str | dict[str, Any], path: str = "gadget.json") -> tuple[dict[str, RestPage], list[str]]:
    text = spec if isinstance(spec, str) else json.dumps(spec, indent=1)
    pages, problems = read_openapi(path, text.encode("utf-8"))
    return {p.method: p for p in pages if p.agent}, [d.code for d in problems] + [d.code for p in pages for d in p.diagnostics]


# -- reading -------------------------------------------------------------------------------------


def test_every_agent_post_operation_is_a_page_and_nothing_else() -> None:
    pages, problems = read(SPEC)
    everything, _ = read_openapi("gadget.json", SPEC.encode())
    (entity,) = [p for p in everything if not p.agent]  # the RESTful path: an entity page
    assert (entity.entity, entity.operation, entity.http_method, entity.method) == ("Link", "GetLink", "GET", "")
    assert sorted(pages) == ["CountLinks", "DeleteLinks", "Forget", "GetBlob", "GetLink", "Ping", "StoreLink"]
    assert problems == []
    page = pages["StoreLink"]
    assert (page.agent, page.endpoint, page.source_format) == ("Gadget", AGENT + "StoreLink", "openapi")
    assert (page.title, page.uid) == ("POST Agents/Gadget/StoreLink", "v1GadgetAgent_StoreLink")
    assert page.endpoint_line == line_of(SPEC, f'"{AGENT}StoreLink": {{')


def test_description_is_summary_and_description_cleaned_and_the_restriction_apart() -> None:
    pages, _ = read(SPEC)
    assert pages["StoreLink"].description == "StoreLink keeps a link.\n\nKeeps it & its label."
    assert pages["StoreLink"].online_restricted == "The Gadget agent needs a scope."
    assert pages["Ping"].description == "Ping answers.\n\nExperimental: Subject to change."
    assert pages["Ping"].online_restricted == ""


def test_query_parameters_with_their_required_ness_and_no_headers() -> None:
    pages, _ = read(SPEC)
    (link_id, select) = pages["GetLink"].query_parameters
    assert (link_id.name, link_id.type, link_id.description, link_id.required) == ("linkId", "int32", "The link's id", True)
    assert link_id.schema is not None and (link_id.schema.type, link_id.schema.format) == ("integer", "int32")
    assert (select.name, select.required) == ("$select", False)
    assert link_id.line == line_of(SPEC, '"name": "linkId"')


def test_carrier_body_and_its_properties_single_value_body_and_replies() -> None:
    pages, _ = read(SPEC)
    store = pages["StoreLink"]
    assert (store.request_body, store.request_body_description) == ("request", "Link")
    assert [(p.name, p.type) for p in store.request_properties] == [("Link", "Link")]
    assert (store.response_type, store.response_codes, store.response_description) == ("Link", (("200", "OK"),), "OK")
    assert [(p.name, p.type, p.description) for p in store.response_properties] == [
        ("LinkId", "int32", "Primary key"), ("Label", "string", "Shown to users"), ("Kind", "string", "How it looks"),
        ("Targets", "array", ""), ("Size", "int32", "Bytes"), ("Extra", "object", ""), ("Next", "Link", ""),
    ]
    assert store.response_properties[0].line == line_of(SPEC, '"LinkId": {')
    deleting = pages["DeleteLinks"]
    assert (deleting.request_body, deleting.request_body_description, deleting.request_properties) == ("body", "The ids", ())
    assert (deleting.response_type, deleting.response_codes, deleting.response_schema) == ("", (("204", "No Content"),), None)
    assert (pages["GetBlob"].response_type, pages["GetBlob"].response_media) == ("byte", ("application/octet-stream",))


def test_schemas_keep_references_by_name_enums_and_descriptions_shared_by_the_files_pages() -> None:
    pages, _ = read(SPEC)
    schemas = pages["StoreLink"].schemas
    assert schemas is not None and all(p.schemas is schemas for p in pages.values())
    link = schemas.by_name[LINK]
    assert link.description == "A kept link.\n\nCarrier object for Link."
    props = {p.name: p.schema for p in link.properties}
    assert props["Kind"].enum == ("Plain", "Rich", "Fancy")
    assert props["Next"].ref == LINK and schemas.resolve(props["Next"]) is link  # a cycle, harmlessly
    assert props["Extra"].values is not None and props["Extra"].values.type == "string"
    assert pages["StoreLink"].request_schema is not None and pages["StoreLink"].request_schema.ref == CARRIERS + "StoreLinkRequest"


def test_the_pages_pickle_with_one_copy_of_the_shared_schemas() -> None:
    import pickle

    pages, _ = read(SPEC)
    again = pickle.loads(pickle.dumps(list(pages.values())))
    assert again == list(pages.values())
    assert len({id(p.schemas) for p in again}) == 1


SWAGGER = {
    "swagger": "2.0",
    "info": {"title": "Gadget"},
    "paths": {
        AGENT + "StoreLink": {"post": {
            "summary": "StoreLink keeps a link.",
            "parameters": [
                {"name": "$select", "in": "query", "type": "string"},
                {"name": "request", "in": "body", "required": True, "description": "Link", "schema": {"$ref": f"#/definitions/{CARRIERS}StoreLinkRequest"}},
                {"name": "SO-AppToken", "in": "header", "type": "string"},
            ],
            "responses": {"200": {"description": "OK", "schema": {"$ref": f"#/definitions/{LINK}"}}},
        }},
        AGENT + "GetLink": {"post": {
            "summary": "GetLink gets a link.",
            "parameters": [
                {"name": "linkId", "in": "query", "required": True, "type": "integer", "format": "int32"},
                {"name": "$select", "in": "query", "type": "string"},
            ],
            "responses": {"200": {"description": "OK", "schema": {"$ref": f"#/definitions/{LINK}"}}},
        }},
        AGENT + "DeleteLinks": {"post": {
            "summary": "DeleteLinks deletes.",
            "parameters": [{"name": "ids", "in": "body", "schema": {"type": "array", "items": {"type": "integer", "format": "int32"}}}],
            "responses": {"204": {"description": "No Content"}},
        }},
    },
    "definitions": json.loads(json.dumps({LINK: SCHEMAS[LINK], CARRIERS + "StoreLinkRequest": SCHEMAS[CARRIERS + "StoreLinkRequest"]}).replace("#/components/schemas/", "#/definitions/")),
}


def test_swagger_2_reads_as_openapi_3_does() -> None:
    pages, problems = read(SWAGGER)
    assert problems == []
    three, _ = read(SPEC)
    for method in ("StoreLink", "GetLink", "DeleteLinks"):
        ours, theirs = pages[method], three[method]
        for name in ("endpoint", "query_parameters", "request_properties", "response_type", "response_codes"):
            strip = (lambda rows: [(r.name, r.type, r.required) for r in rows]) if name.endswith(("parameters", "properties")) else (lambda v: v)
            assert strip(getattr(ours, name)) == strip(getattr(theirs, name)), (method, name)
    assert pages["StoreLink"].request_body == "request" and pages["DeleteLinks"].request_body == "ids"
    assert pages["StoreLink"].schemas is not None and LINK in pages["StoreLink"].schemas.by_name


def test_looks_like_openapi_by_content() -> None:
    assert looks_like_openapi(SPEC.encode()) and looks_like_openapi(b'\xef\xbb\xbf {"swagger": "2.0"}')
    assert not looks_like_openapi(b'{"name": "a package.json"}')
    assert not looks_like_openapi(b"# POST Agents/Gadget/GetLink\n")


# -- bad input: diagnostics, never an exception ---------------------------------------------------


def spec_with(**paths: Any) -> dict[str, Any]:
    return {"openapi": "3.0.0", "paths": paths, "components": {"schemas": {LINK: SCHEMAS[LINK]}}}


def deep(levels: int) -> dict[str, Any]:
    schema: dict[str, Any] = INT
    for _ in range(levels):
        schema = {"type": "array", "items": schema}
    return schema


BAD: list[tuple[str, bytes | dict[str, Any], str, int]] = [
    ("truncated JSON", b'{\n "openapi": "3.0.0",\n "paths": {,}\n}', "O001", 3),
    ("not UTF-8", b'{"openapi": "3.0.0",\n"x": "\xff"}', "O001", 2),
    ("nested past the parser", b"[" * 200_000, "O001", 1),
    ("a number too long to convert", b'{"openapi": "3.0.0", "x": ' + b"1" * 5000 + b"}", "O001", 1),
    ("a list", b"[]", "O002", 1),
    ("OpenAPI 2.5", b'{"openapi": "2.5"}', "O002", 1),
    ("no version", b'{"paths": {}}', "O002", 1),
    ("paths a list", {"openapi": "3.0.0", "paths": []}, "O004", 1),
    ("operation a string", spec_with(**{AGENT + "A": {"post": "x"}}), "O004", 0),
    ("parameters an object", spec_with(**{AGENT + "A": {"post": {"parameters": {}, "responses": {}}}}), "O004", 0),
    ("a response a number", spec_with(**{AGENT + "A": {"post": {"responses": {"200": 5}}}}), "O004", 0),
    ("properties a list", spec_with(**{AGENT + "A": {"post": {"responses": ok({"type": "object", "properties": [1]})}}}), "O004", 0),
    ("enum of objects", spec_with(**{AGENT + "A": {"post": {"responses": ok({"type": "string", "enum": [{}]})}}}), "O004", 0),
    ("a dangling $ref", spec_with(**{AGENT + "A": {"post": {"responses": ok(ref("Nowhere"))}}}), "O003", 0),
    ("an external $ref", spec_with(**{AGENT + "A": {"post": {"responses": ok({"$ref": "other.json#/X"})}}}), "O003", 0),
    ("schemas nested too deep", spec_with(**{AGENT + "A": {"post": {"responses": ok(deep(MAX_DEPTH + 5))}}}), "O005", 0),
    ("GET on an agent", spec_with(**{AGENT + "A": {"get": {"responses": {}}}}), "O006", 0),
    ("an agent path without method", spec_with(**{"/api/v1/Agents/Gadget": {"post": {"responses": {}}}}), "O007", 0),
    ("a cookie parameter", spec_with(**{AGENT + "A": {"post": {"parameters": [{"name": "c", "in": "cookie"}], "responses": {}}}}), "O008", 0),
    ("a required header of its own", spec_with(**{AGENT + "A": {"post": {"parameters": [{"name": "X-Key", "in": "header", "required": True}], "responses": {}}}}), "O008", 0),
    ("an XML-only body", spec_with(**{AGENT + "A": {"post": {"requestBody": {"content": {"text/xml": {"schema": INT}}}, "responses": {}}}}), "O009", 0),
]


@pytest.mark.parametrize(("data", "code", "line"), [pytest.param(d, c, n, id=name) for name, d, c, n in BAD])
def test_bad_input_gives_its_diagnostic_naming_the_file(data: bytes | dict[str, Any], code: str, line: int) -> None:
    raw = data if isinstance(data, bytes) else json.dumps(data, indent=1).encode()
    pages, problems = read_openapi("specs/bad.json", raw)
    found = list(problems) + [d for p in pages for d in p.diagnostics]
    assert code in [d.code for d in found], found
    first = next(d for d in found if d.code == code)
    assert first.path == "specs/bad.json"
    if line:
        assert first.line == line
    else:  # located in the text: the operation's line, or a line inside it
        assert first.line >= line_of(raw.decode(), '"/api/v1/Agents/')


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["type", "$ref", "items", "properties", "enum", "content", "schema", "in", "name", "required", "allOf", "post", "200", "x"]) | st.text(max_size=6), inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["operation", "schema", "parameters", "responses", "requestBody", "paths"]), JSON)
def test_no_value_anywhere_in_a_spec_makes_the_reader_or_the_join_raise(where: str, value: Any) -> None:
    spec = json.loads(SPEC)
    operation = spec["paths"][AGENT + "StoreLink"]["post"]
    if where == "operation":
        spec["paths"][AGENT + "StoreLink"]["post"] = value
    elif where == "schema":
        spec["components"]["schemas"][LINK] = value
    elif where == "paths":
        spec["paths"][AGENT + "Fuzzed"] = value
    else:
        operation[where] = value
    pages, problems = read_openapi("f.json", json.dumps(spec).encode())
    assert all(isinstance(p, RestPage) for p in pages) and all(d.path == "f.json" for d in problems)
    build_webapi(pages, gadget_version(), "Services88")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_no_bytes_make_the_reader_raise(data: bytes) -> None:
    read_openapi("b.json", b'{"openapi": "3.0.0", "paths": ' + data)
    read_openapi("b.json", data)


def test_a_large_hostile_spec_is_read_in_linear_time() -> None:
    """Chains of references and allOf, a description of spaces after a "##", thousands of
    paths: every search in the text moves forward, nothing backtracks."""
    import time

    n = 4000
    schemas: dict[str, Any] = {f"S{i}": {"allOf": [ref(f"S{i + 1}")], "properties": {"x": {"type": "string"}}} for i in range(n)}
    paths = {
        f"{AGENT}M{i}": post(f"M{i} does.", [SELECT], body(ref(f"S{i}")), ok(ref(f"S{i}")), "## a" + " " * 100_000 if i == 0 else "")
        for i in range(n)
    }
    data = json.dumps({"openapi": "3.0.0", "paths": paths, "components": {"schemas": schemas}}).encode()
    start = time.perf_counter()
    pages, problems = read_openapi("big.json", data)
    assert len(pages) == n and {d.code for d in problems} == {"O003", "O005"}
    assert time.perf_counter() - start < 20  # about half a second here; quadratic would be minutes


# -- the join ------------------------------------------------------------------------------------


def q(name: str) -> QName:
    return QName(NS, name)


def f(name: str, type_: QName, **options: Any) -> Field:
    return Field(name, NS, type_, **{"min_occurs": 0, **options})


def op(name: str, inputs: tuple[Field, ...], output: QName | None) -> Operation:
    outputs = (f(f"{name}Result", output, nillable=True),) if output else ()
    return Operation(name, f"{NS}/Gadget/{name}", Message(q(name), inputs), Message(q(f"{name}Response"), outputs))


INT_Q, STRING_Q = QName(XSD, "int"), QName(XSD, "string")
ARRAY_OF_INT = QName(ARRAYS, "ArrayOfint")


def gadget_version() -> Version:
    """SOAP's Gadget: Link has Legacy (not in the spec), no Extra and Next (in the spec), Size
    unsignedInt (int32 in the spec), LinkKind lacks Fancy; CountLinks' Prefix is a string and
    returns int; GetBlob returns bytes; Forget returns nothing; Ping has no operation."""
    types = (
        ComplexType(q("Link"), (
            f("LinkId", INT_Q), f("Label", STRING_Q, nillable=True), f("Kind", q("LinkKind")),
            f("Targets", ARRAY_OF_INT, nillable=True), f("Size", QName(XSD, "unsignedInt")), f("Legacy", STRING_Q, nillable=True),
        )),
        EnumType(q("LinkKind"), (EnumMember("Plain", 0), EnumMember("Rich", 1))),
        ArrayType(ARRAY_OF_INT, Field("int", ARRAYS, INT_Q)),
    )
    operations = (
        op("StoreLink", (f("Link", q("Link"), nillable=True),), q("Link")),
        op("GetLink", (f("LinkId", INT_Q),), q("Link")),
        op("CountLinks", (f("Prefix", STRING_Q, nillable=True),), INT_Q),
        op("DeleteLinks", (f("LinkIds", ARRAY_OF_INT, nillable=True),), None),
        op("GetBlob", (f("LinkId", INT_Q),), QName(XSD, "base64Binary")),
        op("Forget", (f("LinkId", INT_Q),), None),
    )
    return Version("Services88", NS, (Service("Gadget", "Remote/Services88/Gadget.svc", NS, operations),), types)


def joined() -> tuple[dict[str, Any], list[Any]]:
    pages, _ = read(SPEC)
    webapi, diagnostics = build_webapi(list(pages.values()), gadget_version(), "Services88")
    assert webapi is not None
    return {e.method: e for a in webapi.agents for e in a.endpoints}, diagnostics


def test_spec_endpoints_join_the_soap_operations_and_share_their_types() -> None:
    endpoints, _ = joined()
    store = endpoints["StoreLink"]
    assert [(p.wire_name, p.location, p.field.type) for p in store.parameters] == [("Link", "property", q("Link"))]
    assert store.returns[0].type == q("Link") and store.select and store.soap_operation == "StoreLink"
    assert store.description == "StoreLink keeps a link.\n\nKeeps it & its label."
    assert [(p.wire_name, p.location) for p in endpoints["DeleteLinks"].parameters] == [("", "body")]


def test_a_required_query_parameter_is_required_in_the_model() -> None:
    endpoints, _ = joined()
    (link_id,) = endpoints["GetLink"].parameters
    assert (link_id.wire_name, link_id.location, link_id.field.name) == ("linkId", "query", "LinkId")
    assert (link_id.field.min_occurs, link_id.field.nillable) == (1, False)


def test_an_endpoint_without_soap_operation_is_typed_from_its_schemas() -> None:
    endpoints, diagnostics = joined()
    ping = endpoints["Ping"]
    assert [(p.wire_name, p.field.type, p.field.min_occurs) for p in ping.parameters] == [("count", INT_Q, 1)]
    assert ping.returns[0].type == q("Link")
    assert "J001" in {d.code for d in diagnostics}


def test_where_the_spec_and_the_wsdl_disagree_the_diagnostics_say_so() -> None:
    _, diagnostics = joined()
    said = sorted((d.code, d.message) for d in diagnostics if d.code != "J001")
    assert said == [
        ("J007", f"'Prefix' of {AGENT}CountLinks is integer (int32); SOAP parameter Prefix is xsd:string"),
        ("J008", f"{AGENT}Forget replies boolean; SOAP Gadget.Forget returns nothing"),
        ("J008", f"the reply of {AGENT}CountLinks is string; SOAP Gadget.CountLinks's return is xsd:int"),
        ("J009", "Link.Extra of the spec: SOAP Link has no such field"),
        ("J009", "Link.Next of the spec: SOAP Link has no such field"),
        ("J010", "SOAP Link.Legacy is not in the spec's Link"),
        ("J011", "Link.Size is integer (int32) in the spec; SOAP's is xsd:unsignedInt"),
        ("J012", "enum LinkKind: Fancy not in SOAP LinkKind"),
        ("J013", "named schema Orphan has no SOAP type of that name; not compared"),
    ]
    where = {d.code: d for d in diagnostics}
    assert where["J011"].line == line_of(SPEC, '"Size": {') and where["J011"].path == "gadget.json"


def test_a_reply_that_is_no_json_is_its_bytes_where_soap_returns_bytes() -> None:
    endpoints, _ = joined()
    assert endpoints["GetBlob"].raw_reply and not endpoints["GetLink"].raw_reply
    version = gadget_version()
    (service,) = version.services
    as_text = tuple(
        replace(o, output=replace(o.output, fields=(f("GetBlobResult", STRING_Q, nillable=True),))) if o.name == "GetBlob" else o
        for o in service.operations
    )
    pages, _ = read(SPEC)
    webapi, diagnostics = build_webapi(list(pages.values()), replace(version, services=(replace(service, operations=as_text),)), "Services88")
    assert webapi is not None
    (blob,) = [e for a in webapi.agents for e in a.endpoints if e.method == "GetBlob"]
    assert not blob.raw_reply  # a string is not what the bytes of the reply are: read as JSON, and said
    assert [d.message for d in diagnostics if d.code == "J015"] == [
        f"{AGENT}GetBlob replies application/octet-stream, not JSON, but SOAP returns no bytes; the client reads JSON"
    ]


# A WebAPI page in the layout of the 2023 pages, written here (no text of the docs).
MARKDOWN = "\n".join(
    [
        "---",
        "title: POST Agents/Gadget/GetLink",
        "uid: v1GadgetAgent_GetLink",
        "---",
        "",
        "# POST Agents/Gadget/GetLink",
        "",
        "```http",
        "POST /api/v1/Agents/Gadget/GetLink",
        "```",
        "",
        "Fetches one link, as the page tells it.",
        "",
        "## Query String Parameters",
        "",
        "| Parameter Name | Type | Description |",
        "| --- | --- | --- |",
        "| LinkId | int32 | **Required** The page's words for the id. |",
        "",
        "## Response:",
        "",
        "Gadget replies.",
        "",
        "| Response | Description |",
        "| --- | --- |",
        "| 200 | The link. |",
        "",
    ]
)


def test_a_spec_wins_over_a_markdown_page_of_the_same_endpoint_which_fills_in_its_empty_texts() -> None:
    spec = json.loads(SPEC)
    operation = spec["paths"][AGENT + "GetLink"]["post"]
    operation["summary"] = ""
    del operation["parameters"][0]["description"]
    pages, _ = read(spec, "specs/gadget.json")
    markdown = read_rest_text(MARKDOWN, "pages/v1GadgetAgent_GetLink.md")
    webapi, diagnostics = build_webapi([markdown, *pages.values()], gadget_version(), "Services88")
    assert webapi is not None
    found = [e for a in webapi.agents for e in a.endpoints if e.method == "GetLink"]
    assert len(found) == 1
    (endpoint,) = found
    assert endpoint.source is not None and endpoint.source.path == "specs/gadget.json"
    assert endpoint.parameters[0].wire_name == "linkId" and endpoint.parameters[0].field.min_occurs == 1
    assert endpoint.description == "Fetches one link, as the page tells it."
    assert endpoint.parameters[0].field.description == "The page's words for the id."
    (note,) = [d for d in diagnostics if d.code == "J014"]
    assert (note.path, note.severity) == ("specs/gadget.json", "info")
    assert "specs/gadget.json" in note.message and "pages/v1GadgetAgent_GetLink.md" in note.message
    chosen, _ = preferred_pages([markdown])
    assert chosen == [markdown]  # a page alone is used as it is


def test_lint_leaves_a_spec_to_the_builder_and_a_spec_and_a_page_are_no_twins() -> None:
    from codegen.rest_checks import check_rest

    pages, _ = read(SPEC, "specs/gadget.json")
    markdown = read_rest_text(MARKDOWN, "pages/v1GadgetAgent_GetLink.md")
    found = check_rest([markdown, *pages.values()], gadget_version())
    assert "L026" not in {d.code for d in found}
    assert all(d.path != "specs/gadget.json" for d in found)


def test_component_descriptions_reach_the_soap_types() -> None:
    pages, _ = read(SPEC)
    version = gadget_version()
    described = describe_rest_types(version.type_map(), pages.values())
    link = described[q("Link")]
    assert isinstance(link, ComplexType)
    assert link.description == "A kept link.\n\nCarrier object for Link."
    assert {f.name: f.description for f in link.fields}["Size"] == "Bytes"
    untouched = describe_rest_types(version.type_map(), [])
    assert untouched == version.type_map()


def test_json_schema_of_a_spec_validates_what_it_says() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    pages, _ = read(SPEC)
    page = pages["StoreLink"]
    assert page.request_schema is not None
    schema = json_schema(page.request_schema, page.schemas, closed=True)
    validator = jsonschema.Draft7Validator(schema)
    good = {"Link": {"LinkId": 1, "Kind": "Rich", "Targets": [1, 2], "Next": {"Label": None}, "Extra": {"a": "b"}}}
    assert list(validator.iter_errors(good)) == []
    for bad in ({"Link": {"LinkId": 2**31}}, {"Link": {"Kind": "Huge"}}, {"Link": {"Unknown": 1}}, {"Link": {"Next": {"Targets": ["x"]}}}):
        assert list(validator.iter_errors(bad)), bad
    strict = jsonschema.Draft7Validator(json_schema(page.request_schema, page.schemas, null=False))
    assert list(strict.iter_errors({"Link": None}))


# -- the corpus ----------------------------------------------------------------------------------


def require_specs() -> list[Path]:
    files = sorted(AGENT_SPECS.glob("openapi-v3-*Agent.json"))
    if not files:
        pytest.skip(f"the current SuperOffice docs are not at {CURRENT} (they live beside the repository in ../shared)")
    return files


@pytest.fixture(scope="module")
def corpus_specs() -> tuple[list[RestPage], list[Any]]:
    pages: list[RestPage] = []
    problems: list[Any] = []
    for path in require_specs():
        found, file_problems = read_openapi(path.relative_to(CURRENT).as_posix(), path.read_bytes())
        pages += found
        problems += list(file_problems) + [d for p in found for d in p.diagnostics]
    return pages, problems


def test_corpus_every_agent_post_operation_is_one_page(corpus_specs: tuple[list[RestPage], list[Any]]) -> None:
    pages, problems = corpus_specs
    expected = set()
    for path in require_specs():  # counted from the JSON itself
        for route, item in json.loads(path.read_text(encoding="utf-8"))["paths"].items():
            if re.fullmatch(r"/api/v1/Agents/\w+/\w+", route) and "post" in item:
                expected.add(route)
    assert len(expected) == 1805
    assert sorted(p.endpoint for p in pages) == sorted(expected)
    assert problems == []
    assert all(p.endpoint == f"/api/v1/Agents/{p.agent}/{p.method}" for p in pages)
    assert sum(1 for p in pages for q in p.query_parameters if q.required) == 182
    assert Counter(p.request_body for p in pages) == {"request": 1219, "": 463, "body": 123}


def test_corpus_files_are_known_by_their_content() -> None:
    for path in require_specs():
        assert looks_like_openapi(path.read_bytes()), path
    entities = sorted((CURRENT / "endpoints" / "rest-webapi" / "reference").glob("*.json"))
    for path in entities:  # the RESTful entity API: entity operations, no agent endpoints
        data = path.read_bytes()
        pages, problems = read_openapi(path.name, data)
        assert looks_like_openapi(data) and pages and all(p.entity and not p.agent for p in pages), path
        assert {d.code for d in problems} <= {"O009"}, path  # O009: the multipart image uploads


@pytest.fixture(scope="module")
def current_model(corpus_specs: tuple[list[RestPage], list[Any]]) -> tuple[Version, Any, list[Any]]:
    """The current corpus' Services88 (its SOAP pages) and the WebAPI of its specs joined to it."""
    from codegen.build import build_api
    from codegen.sources.pages import discover, read_page

    pages = [read_page(path, CURRENT) for path in discover(CURRENT / "endpoints" / "soap")]
    api, _ = build_api(pages, [], ["Services88"])
    (version,) = api.versions
    webapi, diagnostics = build_webapi(corpus_specs[0], version, version.name)
    return version, webapi, diagnostics


def test_corpus_specs_join_the_current_soap_model_and_their_disagreements_are_counted(current_model: tuple[Version, Any, list[Any]]) -> None:
    _, webapi, diagnostics = current_model
    assert sum(len(a.endpoints) for a in webapi.agents) == 1805
    assert all(e.soap_operation for a in webapi.agents for e in a.endpoints)  # no J001
    assert Counter(d.code for d in diagnostics) == {"J003": 1, "J008": 5, "J009": 2, "J011": 15, "J012": 24, "J013": 2}


# -- what the generated client sends, against the spec -----------------------------------------

PACKAGE = CURRENT_PACKAGE


@pytest.fixture(scope="module")
def current_package(generated_current: Generated) -> Path:
    """The package a user gets from today's docs (every version, the WebAPI of the specs)."""
    return generated_current.path


def sample(wire: Any, codec: Any, depth: int = 0) -> Any:
    """A value of every part of a codec's type: a non-default primitive, the second enum member,
    one flag, one item, one entry, complex values two levels deep."""
    from datetime import UTC, datetime, timedelta
    from decimal import Decimal
    from uuid import UUID

    if isinstance(codec, wire.Primitive):
        return {
            "string": "text", "anyURI": "https://example.com/", "QName": "a:b", "char": "c", "int": 7, "long": 2**40,
            "short": 3, "byte": 1, "unsignedByte": 2, "unsignedShort": 4, "unsignedInt": 5, "unsignedLong": 6,
            "boolean": True, "double": 1.5, "float": 2.5, "decimal": Decimal("1.25"),
            "dateTime": datetime(2024, 5, 1, 8, 30, 15, 250000, tzinfo=UTC), "base64Binary": b"\x00\x01\xfe",
            "guid": UUID(int=1), "duration": timedelta(hours=1, minutes=2),
        }[codec.xsd_name]
    if isinstance(codec, wire.FlagsCodec):
        return codec.names[0][0] if codec.names else codec.cls(0)
    if isinstance(codec, wire.EnumCodec):
        members = list(codec.cls)
        return members[min(1, len(members) - 1)]
    if isinstance(codec, wire.ArrayOf):
        return [sample(wire, codec.item.codec, depth + 1)]
    if isinstance(codec, wire.DictOf):
        return {sample(wire, codec.key.codec, depth + 1): sample(wire, codec.value.codec, depth + 1)}
    if isinstance(codec, wire.ComplexCodec):
        codec.prepare()
        return None if depth > 2 else codec.cls(**{e.attr: sample(wire, e.codec, depth + 1) for e in codec.elements})
    return "anything"  # anyType


def _deepest(error: Any) -> Any:
    """The innermost of an error's causes (the anyOf that allows null hides them)."""
    causes = [_deepest(cause) for cause in error.context or ()]
    return max(causes, key=lambda e: len(e.absolute_path), default=error)


# Requests that the spec rejects, by endpoint: where SOAP has a dictionary of anyType
# (StringObjectDictionary) the spec says the values are objects (.NET's System.Object), and
# the client lets any JSON value through (the sample sends a string).
SPEC_REJECTS = {
    "Webhook/SaveWebhook": "$.Properties.text",
    "Webhook/SignalEvent": "$.Data.text",
    "Webhook/TestWebhook": "$.Webhook.Properties.text",
}


# The WSDLs of downloads/wsdl.zip (2026-07) are newer than the specs (2026-04) and win: their data
# contracts have fields the specs' schemas lack (UseGraphApi, ExternallyOwnedStatus ...), which a
# request then carries, and operations have parameters their carriers lack. Each must be one the
# generation reported (J010 "SOAP X.F is not in the spec's X", J004 "SOAP parameter P of O is not
# on the page"); any other property the spec does not allow fails the test.
J010 = re.compile(r"SOAP \w+\.(\w+) is not in the spec's|SOAP parameter (\w+) of \w+ is not on the page")
UNEXPECTED = re.compile(r"'(\w+)'")


def newer_fields(generated: Generated) -> set[str]:
    return {m[1] or m[2] for d in generated.diagnostics if d["code"] in ("J004", "J010") and (m := J010.search(str(d["message"])))}


def test_every_request_the_generated_client_sends_is_valid_for_the_spec(
    current_package: Path, corpus_specs: tuple[list[RestPage], list[Any]], generated_current: Generated
) -> None:
    allowed = newer_fields(generated_current)
    newer: set[str] = set()
    jsonschema = pytest.importorskip("jsonschema")
    wire = importlib.import_module(f"{PACKAGE}._runtime.wire")
    rest = importlib.import_module(f"{PACKAGE}._runtime.rest")
    pages = {p.endpoint.removeprefix("/api/v1/Agents/"): p for p in corpus_specs[0]}
    endpoints = {}
    for module in sorted((current_package / PACKAGE / "webapi").glob("*.py")):
        if module.stem not in ("__init__", "testing"):
            found = vars(importlib.import_module(f"{PACKAGE}.webapi.{module.stem}")).values()
            endpoints.update({e.path: e for e in found if isinstance(e, rest.Endpoint)})
    assert sorted(endpoints) == sorted(pages)
    rejected: dict[str, str] = {}
    checked = Counter[str]()

    def check(path: str, value: Any, schema: Any, page: RestPage, where: str) -> None:
        validator = jsonschema.Draft7Validator(json_schema(schema, page.schemas, closed=True))
        errors = []
        for found in validator.iter_errors(value):
            unexpected = set(UNEXPECTED.findall(_deepest(found).message)) if _deepest(found).validator == "additionalProperties" else set()
            if unexpected and unexpected <= allowed:
                newer.update(unexpected)
            else:
                errors.append(found)
        error = jsonschema.exceptions.best_match(errors)
        checked[where] += 1
        if error is not None:
            deepest = _deepest(error)
            rejected[path] = "$" + "".join(f".{step}" for step in deepest.absolute_path) + ("" if where == "body" else f" ({where})")

    for path, endpoint in sorted(endpoints.items()):
        page = pages[path]
        endpoint.prepare()
        params, content = endpoint.build([sample(wire, p.element.codec) for p in endpoint.params], ["Name"] if endpoint.select else None)
        query = {row.name: row for row in page.query_parameters}
        for key, text in params.items():
            row = query.get(key)
            assert row is not None and row.schema is not None, f"{path}: the query key {key} is not the spec's"
            check(path, json.loads(text) if row.schema.type in ("integer", "number", "boolean") else text, row.schema, page, f"query {key}")
        assert all(row.name in params for row in page.query_parameters if row.required), path
        if page.request_schema is None:
            assert content is None, f"{path}: a body the spec does not take"
        else:
            assert content is not None, f"{path}: no body, though the spec requires one"
            check(path, json.loads(content), page.request_schema, page, "body")
    assert rejected == SPEC_REJECTS
    assert "UseGraphApi" in newer  # the zip's WSDLs are newer than the specs, and it shows
    assert checked["body"] == 1342 and sum(checked.values()) > 1342  # every body, and the query strings
