"""The WebAPI's RESTful entity endpoints (``GET /api/v1/Contact/{id}`` and so on): a spec's
operations become typed methods, sync and async, on the agents' WebApiSession.

Small specs written here give the model and a generated package, which is called against a real
HTTP server on 127.0.0.1 (every HTTP method, what it records is what went over the wire); the
package from today's docs shares the Services88 data contracts; and every operation of today's
50 entity specs, counted from their JSON here, is a method or a diagnostic saying why not.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from codegen.build_rest import build_webapi
from codegen.model import ComplexType, Field, QName, Version, XSD
from codegen.pipeline import Settings, build_output
from codegen.output import write_tree
from codegen.sources.documents import read_bytes
from codegen.sources.openapi import read_openapi
from conftest import CURRENT_PACKAGE, Generated

NS = "http://www.superoffice.net/ws/crm/NetServer/Services88"
PACKAGE = "entity_demo"
TICKET = "7T:c2VjcmV0IHRpY2tldA=="


# -- a small spec, written here -------------------------------------------------------------------


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}, "text/json": {"schema": schema}}


def path_param(name: str, kind: str = "integer") -> dict[str, Any]:
    schema = {"type": "integer", "format": "int32"} if kind == "integer" else {"type": "string"}
    return {"name": name, "in": "path", "required": True, "schema": schema}


def query_param(name: str, schema: dict[str, Any] | None = None, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": schema or {"type": "string"}}


HEADER = {"name": "SO-Language", "in": "header", "required": False, "schema": {"type": "string"}}
THING = "SuperOffice.CRM.Services.ThingEntity"
WITH_LINKS = "SuperOffice.WebApi.v1.Carriers.ThingCarriers.ThingEntityWithLinks"


def operation(op_id: str, parameters: list[dict[str, Any]], responses: dict[str, Any], body: dict[str, Any] | None = None, summary: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {"tags": ["Thing"], "summary": summary or op_id, "operationId": op_id, "parameters": [*parameters, HEADER], "responses": responses}
    if body is not None:
        found["requestBody"] = {"content": body, "required": True}
    return found


SPEC: dict[str, Any] = {
    "openapi": "3.0.1",
    "info": {"title": "SuperOffice REST API v1", "version": "v1-REST"},
    "paths": {
        "/api/v1/Thing/{id}": {
            "get": operation("v1ThingEntity_GetThingEntity", [path_param("id"), query_param("$select"), query_param("fk", {"type": "boolean"})],
                             {"200": {"description": "found", "content": json_content(ref(WITH_LINKS))}, "404": {"description": "not found"}}),
            "put": operation("v1ThingEntity_PutThingEntity", [path_param("id")], {"200": {"description": "saved", "content": json_content(ref(WITH_LINKS))}},
                             body=json_content(ref(THING))),
            "delete": operation("v1ThingEntity_DeleteThingEntity", [path_param("id")], {"204": {"description": "deleted"}}),
        },
        "/api/v1/Thing/ByName/{name}": {
            "get": operation("v1ThingEntity_GetByName", [path_param("name", "string"), query_param("$top", {"type": "integer", "format": "int32"}),
                                                         query_param("mode", {"type": "string", "enum": ["Slim", "Full"]}, required=True)],
                             {"200": {"description": "the list", "content": json_content(ref("SuperOffice.Services.WebApi.OData.ODataSlimResponse"))}}),
        },
        "/api/v1/Thing/{thingId}/Image": {
            "get": operation("v1ThingEntity_GetImage", [path_param("thingId")], {"200": {"description": "an image", "content": {"image/png": {"schema": {"type": "string", "format": "byte"}}}}}),
            "put": operation("v1ThingEntity_SaveImage", [path_param("thingId")], {"200": {"description": "blob id", "content": json_content({"type": "integer", "format": "int32"})}},
                             body={"multipart/form-data": {"schema": {"type": "object", "properties": {"image": {"type": "string", "format": "binary"}}}}}),
        },
        "/api/v1/Thing/Tags": {
            "put": operation("v1ThingEntity_SetTags", [], {"200": {"description": "the tags", "content": json_content({"type": "array", "items": {"type": "string"}})}},
                             body=json_content({"type": "array", "items": {"type": "string"}})),
        },
        "/api/v1/Thing/{id}/Broken": {
            "get": operation("v1ThingEntity_Broken", [], {"204": {"description": "never"}}),
        },
        "/api/v1/Thing/default": {"get": {"tags": ["Thing"], "responses": {"200": {"description": "a new one", "content": json_content(ref(THING))}}}},
    },
    "components": {
        "schemas": {
            THING: {"type": "object", "properties": {"ThingId": {"type": "integer", "format": "int32"}, "Name": {"type": "string"}}},
            WITH_LINKS: {"type": "object", "properties": {"ThingId": {"type": "integer", "format": "int32"}, "Name": {"type": "string"}, "_Links": {"type": "object", "additionalProperties": {"type": "string"}}}},
            "SuperOffice.Services.WebApi.OData.ODataSlimResponse": {"type": "object", "properties": {"value": {"type": "array", "items": {"type": "object"}}}},
        }
    },
}
OPERATIONS = 9  # in SPEC, of which two are not generated (the multipart upload, the broken path)


def thing_version() -> Version:
    thing = ComplexType(QName(NS, "ThingEntity"), (
        Field("ThingId", NS, QName(XSD, "int")), Field("Name", NS, QName(XSD, "string"), min_occurs=0, nillable=True),
    ))
    return Version("Services88", NS, (), (thing,))


def spec_bytes(spec: dict[str, Any] = SPEC) -> bytes:
    return json.dumps(spec).encode()


# -- the model ------------------------------------------------------------------------------------


def built() -> tuple[dict[str, Any], list[Any]]:
    pages, _ = read_openapi("thing.json", spec_bytes())
    webapi, diagnostics = build_webapi(pages, thing_version(), "Services88")
    assert webapi is not None and webapi.agents == ()
    (entity,) = webapi.entities
    assert entity.name == "Thing"
    return {e.method: e for e in entity.endpoints}, diagnostics


def test_every_operation_of_an_entity_spec_is_read_and_the_file_is_not_skipped() -> None:
    reading = read_bytes(spec_bytes(), "thing.json")
    assert reading.skipped == ""
    assert len(reading.rest_pages) == OPERATIONS
    assert all(p.entity == "Thing" and not p.agent and not p.method for p in reading.rest_pages)
    assert {p.operation for p in reading.rest_pages} >= {"GetThingEntity", "GetByName", "GetThingDefault"}  # the last has no operationId


def test_entity_operations_have_method_path_parameters_query_body_and_shared_types() -> None:
    endpoints, _ = built()
    get = endpoints["GetThingEntity"]
    assert (get.http_method, get.path, get.select) == ("GET", "/api/v1/Thing/{id}", True)
    assert [(p.wire_name, p.location, p.field.type.name) for p in get.parameters] == [("id", "path", "int"), ("fk", "query", "boolean")]
    assert get.returns[0].type == QName(NS, "ThingEntity")  # ThingEntityWithLinks read as the SOAP type
    put = endpoints["PutThingEntity"]
    assert [(p.location, p.field.type) for p in put.parameters] == [("path", QName(XSD, "int")), ("body", QName(NS, "ThingEntity"))]
    assert endpoints["DeleteThingEntity"].returns == ()
    by_name = endpoints["GetByName"]
    assert [(p.wire_name, p.field.optional) for p in by_name.parameters] == [("name", False), ("$top", True), ("mode", False)]
    assert by_name.returns[0].type.name == "anyType"  # no SOAP type: JSON as parsed
    assert endpoints["GetImage"].raw_reply and endpoints["GetImage"].returns == ()


def test_what_cannot_be_generated_is_a_diagnostic_saying_why() -> None:
    endpoints, diagnostics = built()
    assert "SaveImage" not in endpoints and "Broken" not in endpoints
    codes = {(d.code, d.message.split(":")[0]) for d in diagnostics}
    assert ("J017", "PUT /api/v1/Thing/{thingId}/Image") in codes  # multipart upload
    assert ("J016", "GET /api/v1/Thing/{id}/Broken") in codes  # {id} without its parameter
    assert any(d.code == "J018" and "ThingEntityWithLinks" in d.message for d in diagnostics)
    assert any(d.code == "J019" and "ODataSlimResponse" in d.message for d in diagnostics)
    assert len(endpoints) == OPERATIONS - 2


def test_names_from_the_spec_become_identifiers_and_texts_stay_inside_their_literals(tmp_path: Path) -> None:
    hostile = json.loads(json.dumps(SPEC))
    hostile["paths"] = {
        '/api/v1/Thing/{class}/x"""\\': {
            "get": operation('v1Thing_import"; import os #', [path_param("class"), query_param("self"), query_param("a.b-c"), query_param("A_B_C")],
                             {"204": {"description": "ok"}}, summary='""" + __import__("os").system("x") + """'),
            "post": operation("v1Thing_Get", [path_param("class")], {"204": {"description": "ok"}}),
            "put": operation("v1Thing_get", [path_param("class")], {"204": {"description": "ok"}}),
        }
    }
    hostile["paths"]['/api/v1/Thing/{class}/x"""\\']["get"]["tags"] = ["class"]
    package = generate(tmp_path, hostile, "entity_hostile")
    for source in (package / "webapi" / "entities").glob("*.py*"):
        compile(source.read_text(encoding="utf-8"), str(source), "exec")
    text = (package / "webapi" / "entities" / "thing.py").read_text(encoding="utf-8")
    assert "def get(" in text and "def get_2(" in text  # two names that fold alike
    named = (package / "webapi" / "entities" / "class_.py").read_text(encoding="utf-8")
    assert "class ClassApi(" in named and "self_: str | None = None" in named and "a_b_c_2:" in named
    assert "import os" not in text.replace("import os #", "")  # only ever inside a string


# -- a generated package against a real server ----------------------------------------------------


@dataclass
class Seen:
    method: str
    raw_path: str  # as sent, percent-escapes kept
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class Server:
    """Any HTTP method: records the request, answers with ``answer`` (status, content type, body)."""

    seen: list[Seen] = field(default_factory=list)
    answer: tuple[int, str, bytes] = (200, "application/json", b"null")
    httpd: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.httpd is not None
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/Cust1"

    @property
    def last(self) -> Seen:
        return self.seen[-1]

    def reply(self, value: Any, status: int = 200) -> None:
        self.answer = (status, "application/json; charset=utf-8", json.dumps(value).encode())


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    running = Server()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def handle_any(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            split = urlsplit(self.path)
            running.seen.append(Seen(self.command, split.path, parse_qs(split.query), {k.lower(): v for k, v in self.headers.items()}, body))
            status, content_type, data = running.answer
            self.send_response(status)
            if status != 204:
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if status != 204:
                self.wfile.write(data)

        do_GET = do_PUT = do_POST = do_DELETE = handle_any  # noqa: N815 (http.server's names)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    running.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=running.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.httpd.shutdown()
        running.httpd.server_close()
        thread.join(timeout=10)


def generate(tmp_path: Path, spec: dict[str, Any], package: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "openapi-v3-Thing.json").write_bytes(spec_bytes(spec))
    outcome = build_output(Settings(docs=docs, out=tmp_path / "out", package=package, cache=None))
    assert outcome.errors == 0, outcome.diagnostics
    write_tree(tmp_path / "out", outcome.files)
    return tmp_path / "out" / package


@pytest.fixture(scope="module")
def entities(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    package = generate(tmp_path_factory.mktemp("entity"), SPEC, PACKAGE)
    sys.path.insert(0, str(package.parent))
    try:
        yield importlib.import_module(f"{PACKAGE}.webapi")
    finally:
        sys.path.remove(str(package.parent))


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest, entities: Any, server: Server) -> Callable[..., Any]:
    """call(method, *args, **keywords): one call of ThingApi, sync or asyncio."""
    module = importlib.import_module(f"{PACKAGE}.webapi.entities")

    def sync(method: str, *args: Any, **keywords: Any) -> Any:
        with entities.WebApiSession(server.url, ticket=TICKET) as session:
            return getattr(module.ThingApi(session), method)(*args, **keywords)

    def asynchronous(method: str, *args: Any, **keywords: Any) -> Any:
        async def run() -> Any:
            async with entities.AsyncWebApiSession(server.url, ticket=TICKET) as session:
                awaited: Awaitable[Any] = getattr(module.AsyncThingApi(session), method)(*args, **keywords)
                return await awaited

        return asyncio.run(run())

    return sync if request.param == "sync" else asynchronous


def test_a_get_sends_the_method_the_path_with_its_id_and_the_query(call: Any, server: Server) -> None:
    server.reply({"ThingId": 7, "Name": "seven", "_Links": {"Self": "x"}})
    found = call("get_thing_entity", 7, fk=True, select=["Name"])
    seen = server.last
    assert (seen.method, seen.raw_path, seen.query, seen.body) == ("GET", "/Cust1/api/v1/Thing/7", {"fk": ["true"], "$select": ["Name"]}, b"")
    assert seen.headers["authorization"] == f"SOTicket {TICKET}" and seen.headers["accept"] == "application/json"
    assert found == {"ThingId": 7, "Name": "seven", "_Links": {"Self": "x"}}  # no SOAP types here: JSON as parsed


@pytest.mark.parametrize("value", ["a/b", "..", ".", "x?y=1#z", "50%", "æ ø", "../../Agents/X/Y"])
def test_a_path_parameter_never_changes_the_path(call: Any, server: Server, value: str) -> None:
    server.reply({"value": []})
    call("get_by_name", value, mode="Slim")
    seen = server.last
    prefix = "/Cust1/api/v1/Thing/ByName/"
    assert seen.raw_path.startswith(prefix)
    segment = seen.raw_path[len(prefix):]
    assert "/" not in segment and "." not in segment and unquote(segment) == value
    assert seen.query == {"mode": ["Slim"]}


def test_an_empty_path_parameter_is_refused_before_sending(call: Any) -> None:
    with pytest.raises(ValueError, match="empty"):
        call("get_by_name", "", mode="Full")


def test_a_body_is_json_and_the_reply_typed(call: Any, server: Server) -> None:
    server.reply(["a", "b"])
    assert call("set_tags", ["a", "b"]) == ["a", "b"]
    seen = server.last
    assert (seen.method, seen.raw_path, json.loads(seen.body)) == ("PUT", "/Cust1/api/v1/Thing/Tags", ["a", "b"])
    assert seen.headers["content-type"].startswith("application/json")


def test_a_204_is_none_and_a_404_a_webapi_error(call: Any, server: Server, entities: Any) -> None:
    server.answer = (204, "", b"")
    assert call("delete_thing_entity", 3) is None
    assert server.last.method == "DELETE" and server.last.raw_path == "/Cust1/api/v1/Thing/3"
    server.reply({"Error": "no thing 3", "ErrorType": "NotFound", "ErrorMessage": "Thing 3 not found", "ErrorSource": "x"}, status=404)
    with pytest.raises(entities.WebApiError, match="Thing 3 not found") as raised:
        call("get_thing_entity", 3)
    assert raised.value.status_code == 404 and raised.value.operation == "GET /api/v1/Thing/{id}"


def test_a_reply_that_is_not_json_is_its_bytes(call: Any, server: Server) -> None:
    png = b"\x89PNG\r\n\x1a\nnot really"
    server.answer = (200, "image/png", png)
    assert call("get_image", 5) == png
    assert server.last.headers["accept"] == "*/*"


# -- today's docs ---------------------------------------------------------------------------------


def entity_specs(current: Path) -> list[Path]:
    return sorted((current / "endpoints" / "rest-webapi" / "reference").glob("openapi-v3-*.json"))


def test_every_entity_operation_of_todays_docs_is_a_method_or_a_diagnostic(current: Path, generated_current: Generated) -> None:
    specs = entity_specs(current)
    assert len(specs) == 50
    operations = {
        (method.upper(), path)
        for spec in specs
        for path, item in json.loads(spec.read_bytes())["paths"].items()
        for method in item
        if method.lower() in ("get", "put", "post", "delete", "patch", "head", "options")
    }
    assert len(operations) == 1277
    entities = importlib.import_module(f"{CURRENT_PACKAGE}.webapi.entities")
    generated = set()
    for name in entities.__all__:
        if not name.startswith("Async"):
            module = sys.modules[getattr(entities, name).__module__]
            generated |= {(e.method, e.path) for e in vars(module).values() if type(e).__name__ == "Endpoint"}
    said = {
        tuple(str(d["message"]).split(":")[0].split(" ", 1))
        for d in generated_current.diagnostics
        if d["code"] in ("J016", "J017", "J020") and "rest-webapi" in str(d["path"])
    }
    assert generated | said == operations and not generated & said
    assert len(said) == 8  # the multipart image uploads of Contact, Person, Product and Project


def test_todays_contact_endpoints_share_the_services88_dataclasses(generated_current: Generated, server: Server) -> None:
    contact = importlib.import_module(f"{CURRENT_PACKAGE}.webapi.entities.contact")
    types = importlib.import_module(f"{CURRENT_PACKAGE}.services88")
    webapi = importlib.import_module(f"{CURRENT_PACKAGE}.webapi")
    server.reply({"ContactId": 12, "Name": "SuperOffice ASA", "_Links": {"Self": "..."}})
    with webapi.WebApiSession(server.url, ticket=TICKET) as session:
        found = contact.ContactApi(session).get_contact_entity(12, select=["Name"])
        assert isinstance(found, types.ContactEntity) and (found.contact_id, found.name) == (12, "SuperOffice ASA")
        contact.ContactApi(session).put_contact_entity(12, types.ContactEntity(contact_id=12, name="SuperOffice"))
    seen = server.last
    assert (seen.method, seen.raw_path) == ("PUT", "/Cust1/api/v1/Contact/12")
    assert json.loads(seen.body)["Name"] == "SuperOffice"


def test_todays_stream_agents_return_the_bytes_of_the_reply(generated_current: Generated, server: Server) -> None:
    """The agents whose spec replies octet-stream and whose SOAP operation returns base64Binary
    (BLOB/GetBlobStream ...) return the reply's bytes as they come, sync and async."""
    blob = importlib.import_module(f"{CURRENT_PACKAGE}.webapi.blob")
    webapi = importlib.import_module(f"{CURRENT_PACKAGE}.webapi")
    pdf = b"%PDF-1.7\n\x00\xff binary"
    server.answer = (200, "application/pdf", pdf)
    with webapi.WebApiSession(server.url, ticket=TICKET) as session:
        assert blob.BLOBAgent(session).get_blob_stream(7) == pdf
    seen = server.last
    assert (seen.method, seen.raw_path, seen.headers["accept"]) == ("POST", "/Cust1/api/v1/Agents/BLOB/GetBlobStream", "*/*")
    assert json.loads(seen.body) == {"BlobEntityId": 7}

    async def call() -> Any:
        async with webapi.AsyncWebApiSession(server.url, ticket=TICKET) as session:
            return await blob.AsyncBLOBAgent(session).get_blob_stream(7)

    assert asyncio.run(call()) == pdf
