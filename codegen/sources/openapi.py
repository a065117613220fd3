"""Read a WebAPI spec: OpenAPI 3.0 or Swagger 2.0 JSON -> one RestPage per endpoint.

SuperOffice publishes the agents (``POST /api/v1/Agents/<Agent>/<Method>``) as one OpenAPI file
per agent. Each POST operation becomes a :class:`RestPage` filled as the markdown reader fills
one (``codegen.sources.rest``): description (summary, then the description, cleaned like the
pages' text, without the server's "NsApiSlow threshold" logging note), the Online Restricted
note, query parameters, the request body ("request" where it is a carrier whose properties are
the SOAP parameters, else one value), the reply's type word, status codes and properties. It
adds what only a spec gives: required-ness of parameters, the request and reply schemas, and
the file's named schemas (:class:`SchemaSet`, shared by the file's pages) with their
descriptions and inline enums. The RESTful entity operations (``/api/vN/<Entity>/...``, any
HTTP method) are read too, as RestPages with ``entity``, ``operation``, ``http_method`` and
``path_parameters`` set and no agent or method (``codegen.build_entities`` builds them). The
standard headers (SO-AppToken, Accept-Language, ...) are the session's.

The data is untrusted: every shape is checked, nesting is bounded, and bad input gives
diagnostics, never an exception. Lines are found by looking for the JSON key in the text
(line 1 where it cannot be found).

Diagnostic codes:
  O001 error    not readable as JSON (invalid JSON or UTF-8, nested too deep, too large)
  O002 error    not an OpenAPI 3.x or Swagger 2.0 document
  O003 warning  a $ref that resolves to nothing (read as a schema that allows anything)
  O004 warning  a part of the wrong shape (not an object, list or string where one is due); skipped
  O005 warning  a schema nested deeper than MAX_DEPTH (cut off there, allowing anything)
  O006 warning  an agent path with an HTTP method other than POST (not generated)
  O007 warning  a path under /api/vN/Agents/ that is not /Agents/<Agent>/<Method>
  O008 warning  a parameter the client cannot send (in path of an agent, in cookie or formData,
                or a required header other than the standard ones); left out
  O009 warning  a request body without a JSON media type; left out
  O010 warning  an enum of more values than the enum-members limit (read as any string)
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace

from ..limits import DEFAULT_LIMITS
from ..model import Diagnostic, Severity
from .pages import clean_text, split_restricted
from .rest import JsonSchema, RestPage, RestProperty, SchemaProperty, SchemaSet

MAX_BYTES = 64 * 1024 * 1024  # the largest agent spec of the corpus is 2 MB
MAX_DEPTH = 32  # schema nesting; the corpus nests 3 deep, references aside
_ANY = JsonSchema()
_AGENT_PATH = re.compile(r"^/api/v\d+/Agents/([A-Za-z_]\w*)/([A-Za-z_]\w*)$")
_AGENTS_PREFIX = re.compile(r"^/api/v\d+/Agents/", re.IGNORECASE)
_API_PATH = re.compile(r"^/api/v\d+/([A-Za-z_]\w*)(?:/|$)")  # a RESTful entity path: /api/v1/Contact/{id}
_OPERATION_ID = re.compile(r"^v\d+[A-Za-z]*_([A-Za-z_]\w*)$")  # v1ContactEntity_GetContactEntity
_HTTP_METHODS = frozenset("get put post delete options head patch trace".split())
# sent by the session (credentials, CallOptions) or by httpx
_SESSION_HEADERS = frozenset(
    h.casefold()
    for h in (
        "SO-AppToken", "Accept-Language", "SO-Language", "SO-Culture", "SO-TimeZone",
        "Authorization", "X-XSRF-TOKEN", "Accept", "Content-Type",
    )
)
_SLOW_NOTE = re.compile(r"^[ \t]*NsApiSlow threshold:[^\n]*(?:\n|$)", re.MULTILINE | re.IGNORECASE)
_PARA_BEFORE = re.compile(r"<para\s*/?>\s*$", re.IGNORECASE)
_SNIFF = re.compile(rb'"(?:openapi|swagger)"\s*:\s*"')


def looks_like_openapi(data: bytes) -> bool:
    """Whether ``data`` reads as an OpenAPI or Swagger JSON document, by its first bytes."""
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and _SNIFF.search(head) is not None


def read_openapi(path: str, data: bytes, enum_members: int = DEFAULT_LIMITS.enum_members) -> tuple[list[RestPage], tuple[Diagnostic, ...]]:
    """The agent endpoints of the spec ``data``; ``path`` (relative to the docs folder) names
    it in diagnostics. The diagnostics returned are the file's; an endpoint's are on its page.
    ``enum_members``: the most values an enum may have (``codegen.limits``)."""
    if len(data) > MAX_BYTES:
        return [], (_diag(path, 1, "O001", "error", f"larger than {MAX_BYTES} bytes; not read"),)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return [], (_diag(path, line, "O001", "error", f"not valid UTF-8 (offset {error.start})"),)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [], (_diag(path, error.lineno, "O001", "error", f"not valid JSON: {error.msg}"),)
    except (ValueError, RecursionError) as error:  # huge numbers; nesting past the parser's limit
        message = f"not readable as JSON: {error or type(error).__name__}"
        return [], (_diag(path, 1, "O001", "error", message[:200]),)
    spec = _Spec(path, text, enum_members)
    pages = spec.read(document)
    return pages, tuple(spec.diagnostics)


class _Locator:
    """Lines of JSON keys in the text, found by searching forward from a known position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def find(self, name: str, start: int) -> int:
        """The offset of the key ``"name":`` at or after ``start`` (``start`` when not found)."""
        token = json.dumps(name)
        at = max(start, 0)
        while True:
            at = self.text.find(token, at)
            if at < 0:
                return start
            rest = self.text[at + len(token) : at + len(token) + 64].lstrip()
            if rest.startswith(":"):
                return at
            at += len(token)

    def keys(self, names: Iterator[str] | list[str], start: int) -> dict[str, int]:
        """The offsets of keys that follow one another in the text, each searched from the one
        before (one pass, however many there are)."""
        found: dict[str, int] = {}
        for name in names:
            found[name] = start = self.find(name, start)
        return found

    def value(self, text: str, start: int) -> int:
        """The offset of the string value ``"text"`` after ``start`` (``start`` when not found)."""
        at = self.text.find(json.dumps(text), max(start, 0))
        return at if at >= 0 else start

    def line(self, offset: int) -> int:
        return bisect_right(self.newlines, offset - 1) + 1 if offset > 0 else 1


class _Spec:
    """One spec being read: its text, its named schemas and the diagnostics so far."""

    def __init__(self, path: str, text: str, enum_members: int) -> None:
        self.path = path
        self.enum_members = enum_members
        self.where = _Locator(text)
        self.diagnostics: list[Diagnostic] = []
        self.swagger = False
        self.document: dict[str, object] = {}
        self.raw_schemas: dict[str, object] = {}
        self.schemas: dict[str, JsonSchema] = {}
        self.reading: set[str] = set()  # named schemas being read (allOf cycles)
        self.schema_set = SchemaSet(path)
        self.schema_offsets: dict[str, int] = {}

    def report(self, at: int, code: str, severity: Severity, message: str) -> None:
        self.diagnostics.append(_diag(self.path, self.where.line(at), code, severity, message))

    def read(self, document: object) -> list[RestPage]:
        if not isinstance(document, dict):
            self.report(0, "O002", "error", "not an OpenAPI or Swagger document (not a JSON object)")
            return []
        openapi, swagger = document.get("openapi"), document.get("swagger")
        if isinstance(openapi, str) and openapi.startswith("3."):
            self.swagger = False
        elif swagger == "2.0":
            self.swagger = True
        else:
            found = f"openapi {openapi!r}" if openapi is not None else f"swagger {swagger!r}"
            if openapi is None and swagger is None:
                found = "neither 'openapi' nor 'swagger'"
            self.report(0, "O002", "error", f"not an OpenAPI 3.x or Swagger 2.0 document ({found})"[:200])
            return []
        self.document = document
        paths = document.get("paths")
        if not isinstance(paths, dict):
            self.report(0, "O004", "warning", "'paths' is not an object; no endpoints read")
            return []
        operations = list(self.operations(paths))
        if not operations:
            return []
        self.read_schemas()
        return [self.page(*operation) for operation in operations]

    def operations(self, paths: dict[str, object]) -> Iterator[tuple[str, str, str, dict[str, object], list[object], int, str]]:
        """(path, agent, method, operation, path-level parameters, offset, HTTP method) of each
        agent POST and each entity operation (agent and method "" for those)."""
        offsets = self.where.keys(list(paths), self.where.find("paths", 0))
        for key, item in paths.items():
            found = _AGENT_PATH.match(key)
            at = offsets[key]
            entity = found is None and _API_PATH.match(key) is not None and not _AGENTS_PREFIX.match(key)
            if found is None and not entity:
                if _AGENTS_PREFIX.match(key):
                    self.report(at, "O007", "warning", f"{key!r} is not /Agents/<Agent>/<Method>; not generated"[:200])
                continue
            if not isinstance(item, dict):
                self.report(at, "O004", "warning", f"{key}: the path item is not an object")
                continue
            shared = item.get("parameters")
            for method, operation in item.items():
                verb = method.upper()
                if method.lower() not in _HTTP_METHODS:
                    continue
                if found is not None and verb != "POST":
                    self.report(at, "O006", "warning", f"{verb} {key}: agents take POST only; not generated")
                elif not isinstance(operation, dict):
                    self.report(at, "O004", "warning", f"{key}: the {verb} operation is not an object")
                elif found is not None:
                    yield key, found.group(1), found.group(2), operation, shared if isinstance(shared, list) else [], at, verb
                else:
                    yield key, "", "", operation, shared if isinstance(shared, list) else [], at, verb

    # -- named schemas ---------------------------------------------------------------------

    def read_schemas(self) -> None:
        if self.swagger:
            table = self.document.get("definitions")
            at = self.where.find("definitions", 0)
        else:
            components = self.document.get("components")
            table = components.get("schemas") if isinstance(components, dict) else None
            at = self.where.find("schemas", self.where.find("components", 0))
        if table is None:
            table = {}
        if not isinstance(table, dict):
            self.report(at, "O004", "warning", "the named schemas are not an object; none read")
            table = {}
        self.raw_schemas = table
        self.schema_offsets = self.where.keys(list(table), at)
        for name in table:
            self.named(name)
        self.schema_set = SchemaSet(self.path, tuple(self.schemas.items()))

    def named(self, name: str, depth: int = 0) -> JsonSchema:
        """The named schema ``name``, read once (``depth``: the nesting of the allOf that asks)."""
        known = self.schemas.get(name)
        if known is not None:
            return known
        at = self.schema_offsets.get(name, 0)
        if name in self.reading:
            self.report(at, "O003", "warning", f"schema {name!r} includes itself (allOf); read as any")
            return _ANY
        self.reading.add(name)
        schema = self.schema(self.raw_schemas.get(name), at, depth, name)
        self.reading.discard(name)
        self.schemas[name] = schema
        return schema

    def ref_name(self, ref: object, at: int) -> str:
        """The schema name a ``$ref`` points at; "" (and O003) when it points at nothing."""
        prefix = "#/definitions/" if self.swagger else "#/components/schemas/"
        if isinstance(ref, str) and ref.startswith(prefix):
            name = _unpointer(ref[len(prefix) :])
            if name in self.raw_schemas and "/" not in ref[len(prefix) :]:
                return name
        self.report(at, "O003", "warning", f"$ref {str(ref)[:120]!r} resolves to no schema; read as any")
        return ""

    # -- schemas ---------------------------------------------------------------------------

    def schema(self, raw: object, at: int, depth: int, owner: str = "") -> JsonSchema:
        """A schema object of the spec as a JsonSchema (references kept by name)."""
        if raw is True or raw is None:
            return _ANY
        if not isinstance(raw, dict):
            self.report(at, "O004", "warning", f"a schema that is not an object ({type(raw).__name__}); read as any")
            return _ANY
        if depth > MAX_DEPTH:
            self.report(at, "O005", "warning", f"a schema nested deeper than {MAX_DEPTH}; read as any from there")
            return _ANY
        line = self.where.line(at)
        description = _clean(raw.get("description"))
        if "$ref" in raw:
            name = self.ref_name(raw["$ref"], at)
            return JsonSchema(ref=name, description=description, line=line) if name else JsonSchema(description=description, line=line)
        for key in ("allOf", "oneOf", "anyOf"):
            if key in raw:
                return self.combined(key, raw, description, at, depth)
        kind, nullable = _type_of(raw)
        nullable = nullable or raw.get("nullable") is True or raw.get("x-nullable") is True
        fmt = raw.get("format")
        items = self.schema(raw["items"], at, depth + 1) if "items" in raw else None
        values = self.values(raw.get("additionalProperties"), at, depth)
        return JsonSchema(
            type=kind,
            format=fmt if isinstance(fmt, str) else "",
            items=items,
            values=values,
            properties=self.properties(raw.get("properties"), at, depth, owner),
            enum=self.enum(raw.get("enum"), at),
            nullable=nullable,
            description=description,
            line=line,
        )

    def values(self, raw: object, at: int, depth: int) -> JsonSchema | None:
        if raw is None or raw is False:
            return None
        return _ANY if raw is True else self.schema(raw, at, depth + 1)

    def properties(self, raw: object, at: int, depth: int, owner: str) -> tuple[SchemaProperty, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, dict):
            self.report(at, "O004", "warning", f"{owner or 'a schema'}: 'properties' is not an object; none read")
            return ()
        offsets = self.where.keys(list(raw), at)
        return tuple(
            SchemaProperty(name, self.schema(value, offsets[name], depth + 1), self.where.line(offsets[name]))
            for name, value in raw.items()
        )

    def enum(self, raw: object, at: int) -> tuple[str, ...]:
        if raw is None:
            return ()
        values = raw if isinstance(raw, list) else []
        if len(values) > self.enum_members:
            message = f"an enum of {len(values):,} values, more than the enum-members limit of {self.enum_members:,}; read as any string"
            self.report(at, "O010", "warning", message)
            return ()
        kept = tuple(v if isinstance(v, str) else json.dumps(v) for v in values if isinstance(v, (str, int, float)) and not isinstance(v, bool))
        if not isinstance(raw, list) or len(kept) != len(values):
            self.report(at, "O004", "warning", "an enum that is not a list of strings or numbers; the other values left out")
        return kept

    def combined(self, key: str, raw: dict[str, object], description: str, at: int, depth: int) -> JsonSchema:
        """allOf: one schema, or the members' properties merged (inheritance), the schema's own
        properties with them; oneOf/anyOf: one schema, or any."""
        listed = raw[key]
        if not isinstance(listed, list) or not listed:
            self.report(at, "O004", "warning", f"'{key}' is not a non-empty list; read as any")
            return JsonSchema(description=description)
        members = [self.schema(member, at, depth + 1) for member in listed]
        if key == "allOf" and "properties" in raw:
            members.append(self.schema({k: v for k, v in raw.items() if k != key}, at, depth + 1))
        if len(members) == 1:
            return replace(members[0], description=description or members[0].description)
        if key != "allOf":
            return JsonSchema(description=description, line=self.where.line(at))
        merged: dict[str, SchemaProperty] = {}
        for member in members:
            target = self.named(member.ref, depth + 1) if member.ref else member
            for prop in target.properties:
                merged.setdefault(prop.name, prop)
        return JsonSchema("object", properties=tuple(merged.values()), description=description, line=self.where.line(at))

    # -- operations ------------------------------------------------------------------------

    def page(self, path: str, agent: str, method: str, operation: dict[str, object], shared: list[object], at: int, verb: str) -> RestPage:
        before = len(self.diagnostics)
        entity = "" if agent else _entity_name(operation.get("tags"), path)
        description, restricted = _description(operation.get("summary"), operation.get("description"))
        operation_id = operation.get("operationId")
        query: list[RestProperty] = []
        in_path: list[RestProperty] = []
        body: tuple[str, str, JsonSchema | None] = ("", "", None)
        raw_parameters = operation.get("parameters", [])
        if not isinstance(raw_parameters, list):
            self.report(at, "O004", "warning", f"{path}: 'parameters' is not a list; none read")
            raw_parameters = []
        cursor = at
        for raw in [*shared, *raw_parameters]:
            parameter = self.parameter(raw, path, cursor, bool(entity))
            if parameter is None:
                continue
            location, prop, body_name, cursor = parameter
            if location == "query":
                query.append(prop)
            elif location == "path":
                in_path.append(prop)
            else:
                body = (body_name, prop.description, prop.schema)
        request_media: tuple[str, ...] = ()
        if not self.swagger and "requestBody" in operation:
            body, request_media = self.request_body(operation["requestBody"], path, at)
        name, body_text, request_schema = body
        request_body, request_properties = self.body_kind(name, request_schema, method)
        codes, response_schema, media = self.responses(operation.get("responses"), path, at)
        response_type, response_properties = self.reply_kind(response_schema)
        return RestPage(
            self.path,
            agent=agent,
            method=method,
            endpoint=path,
            endpoint_line=self.where.line(at),
            title=f"POST Agents/{agent}/{method}" if agent else f"{verb} {path}",
            uid=operation_id if isinstance(operation_id, str) else "",
            description=description,
            online_restricted=restricted,
            query_parameters=tuple(query),
            request_body=request_body,
            request_body_description=body_text,
            request_properties=request_properties,
            response_type=response_type,
            response_description=next((text for code, text in codes if code.startswith("2")), ""),
            response_codes=codes,
            response_properties=response_properties,
            diagnostics=tuple(self.diagnostics[before:]),
            source_format="openapi",
            request_schema=request_schema,
            response_schema=response_schema,
            response_media=media,
            schemas=self.schema_set,
            entity=entity,
            operation=_operation_name(operation_id, verb, path) if entity else "",
            http_method=verb,
            path_parameters=tuple(in_path),
            request_media=request_media,
        )

    def resolved(self, raw: object) -> object:
        """A parameter, request body or response object, its ``$ref`` followed (a few hops)."""
        for _ in range(8):
            if not isinstance(raw, dict) or "$ref" not in raw:
                return raw
            ref = raw["$ref"]
            target: object = None
            if isinstance(ref, str) and ref.startswith("#/"):
                target = self.document
                for step in ref[2:].split("/"):
                    target = target.get(_unpointer(step)) if isinstance(target, dict) else None
            if target is None:
                return None
            raw = target
        return None

    def parameter(self, raw: object, path: str, at: int, entity: bool = False) -> tuple[str, RestProperty, str, int] | None:
        """("query", "path" (entity operations only) or "body", the parameter, the body's
        name, its offset) of one parameter object (searched for from ``at``)."""
        raw = self.resolved(raw)
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not isinstance(raw.get("in"), str):
            self.report(at, "O004", "warning", f"{path}: a parameter without a name and location, or a $ref to none; left out")
            return None
        name, location = str(raw["name"]), str(raw["in"])
        where = self.where.value(name, at)
        description = _clean(raw.get("description"))
        required = raw.get("required") is True
        if location == "query" or (location == "path" and entity):
            schema = self.schema(raw["schema"], where, 1) if "schema" in raw else self.schema(raw, where, 1)
            return location, RestProperty(name, self.word(schema), description, self.where.line(where), required, schema), "", where
        if location == "body" and self.swagger:
            schema = self.schema(raw.get("schema"), where, 1)
            return "body", RestProperty(name, self.word(schema), description, self.where.line(where), required, schema), name, where
        if location == "header" and (name.casefold() in _SESSION_HEADERS or not required):
            return None
        self.report(at, "O008", "warning", f"{path}: parameter {name!r} in {location} is not one the client sends; left out"[:200])
        return None

    def request_body(self, raw: object, path: str, at: int) -> tuple[tuple[str, str, JsonSchema | None], tuple[str, ...]]:
        """(name, description, schema) of a JSON request body, and the body's media types."""
        raw = self.resolved(raw)
        if not isinstance(raw, dict):
            self.report(at, "O004", "warning", f"{path}: the request body is not an object; left out")
            return ("", "", None), ()
        content = raw.get("content")
        media = _json_media(content)
        kinds = tuple(str(m) for m in content) if isinstance(content, dict) else ()
        if media is None:
            if content:
                self.report(at, "O009", "warning", f"{path}: the request body has no JSON media type; left out")
            return ("", "", None), kinds
        schema = self.schema(content[media].get("schema") if isinstance(content, dict) and isinstance(content[media], dict) else None, at, 1)
        name = raw.get("x-bodyName")
        return (name if isinstance(name, str) else "body", _clean(raw.get("description")), schema), kinds

    def responses(self, raw: object, path: str, at: int) -> tuple[tuple[tuple[str, str], ...], JsonSchema | None, tuple[str, ...]]:
        """The status codes, and the schema and media types of the first success reply."""
        if not isinstance(raw, dict):
            if raw is not None:
                self.report(at, "O004", "warning", f"{path}: 'responses' is not an object; none read")
            return (), None, ()
        codes: list[tuple[str, str]] = []
        schema: JsonSchema | None = None
        media: tuple[str, ...] = ()
        success = sorted((code for code in raw if code.startswith("2")), key=lambda c: c != "200")
        for code, item in raw.items():
            item = self.resolved(item)
            if not isinstance(item, dict):
                self.report(at, "O004", "warning", f"{path}: response {code!r} is not an object; left out")
                continue
            codes.append((code, _clean(item.get("description"))))
            if not success or code != success[0]:
                continue
            if self.swagger:
                schema = self.schema(item["schema"], at, 1) if "schema" in item else None
                continue
            content = item.get("content")
            if isinstance(content, dict) and content:
                media = tuple(content)
                chosen = _json_media(content) or next(iter(content))
                entry = content[chosen]
                schema = self.schema(entry.get("schema") if isinstance(entry, dict) else None, at, 1)
        return tuple(codes), schema, media

    def body_kind(self, name: str, schema: JsonSchema | None, method: str) -> tuple[str, tuple[RestProperty, ...]]:
        """("request", the carrier's properties) for a carrier; (name, an entity's properties)
        for a single-value body; ("", ()) for none."""
        if schema is None:
            return "", ()
        # a carrier: the named <Method>Request, or an object spelled out in place (anonymous:
        # no entity would be)
        carrier = (".Carriers." in schema.ref or _short(schema.ref) == f"{method}Request") if schema.ref else bool(schema.properties)
        kind = "request" if carrier else ("body" if name in ("", "request") else name)
        return kind, self.table(schema)

    def reply_kind(self, schema: JsonSchema | None) -> tuple[str, tuple[RestProperty, ...]]:
        if schema is None:
            return "", ()
        item = schema.items if schema.type == "array" and schema.items is not None else schema
        return self.word(schema), self.table(item)

    def table(self, schema: JsonSchema) -> tuple[RestProperty, ...]:
        """The properties of a named object schema, as a page's property table lists them."""
        target = self.schema_set.resolve(schema) if schema.ref else schema
        return tuple(
            RestProperty(p.name, self.word(p.schema), p.schema.description, p.line, schema=p.schema)
            for p in target.properties
        )

    def word(self, schema: JsonSchema) -> str:
        """The pages' type word for a schema (the vocabulary of ``codegen.rest_checks``)."""
        if schema.ref:
            return _short(schema.ref)
        kind, fmt = schema.type, schema.format
        if kind == "integer":
            return "int64" if fmt == "int64" else "int32" if fmt == "int32" else "integer"
        if kind == "number":
            return fmt if fmt in ("double", "float", "decimal") else "number"
        if kind == "boolean":
            return "bool"
        if kind == "string":
            return {"date-time": "date-time", "byte": "byte", "binary": "byte"}.get(fmt, "string")
        return kind or "object"


def _type_of(raw: dict[str, object]) -> tuple[str, bool]:
    """The schema's type and whether it admits null (3.1's ``["string", "null"]``)."""
    kind = raw.get("type")
    if isinstance(kind, list):
        named = [k for k in kind if isinstance(k, str) and k != "null"]
        return (named[0] if len(named) == 1 else ""), "null" in kind
    if isinstance(kind, str):
        return kind, False
    if "properties" in raw or "additionalProperties" in raw:
        return "object", False
    return "", False


def _entity_name(tags: object, path: str) -> str:
    """The entity an operation belongs to: its first tag, else the path's first segment."""
    if isinstance(tags, list) and tags and isinstance(tags[0], str) and tags[0].strip():
        return tags[0].strip()
    found = _API_PATH.match(path)
    return found.group(1) if found else "Api"


def _operation_name(operation_id: object, verb: str, path: str) -> str:
    """An entity operation's name: the operationId after its ``v1<Entity>_`` prefix
    (``GetContactEntity``), else the method and the path's literal segments (``GetDefault``)."""
    if isinstance(operation_id, str):
        found = _OPERATION_ID.match(operation_id)
        if found:
            return found.group(1)
        if re.fullmatch(r"[A-Za-z_]\w*", operation_id):
            return operation_id
    words = [s for s in path.split("/")[3:] if s and not s.startswith("{")]
    return verb.capitalize() + "".join(w[:1].upper() + w[1:] for w in words)


def _json_media(content: object) -> str | None:
    if not isinstance(content, dict):
        return None
    if "application/json" in content:
        return "application/json"
    return next((m for m in content if m.split(";")[0].strip().endswith(("/json", "+json"))), None)


def _short(name: str) -> str:
    """A named schema's type name: ``SuperOffice.CRM.Services.ErpConnection`` -> ``ErpConnection``."""
    return re.split(r"[.+]", name)[-1]


def _unpointer(step: str) -> str:
    return step.replace("~1", "/").replace("~0", "~")


def _clean(value: object) -> str:
    return clean_text(value.replace("\r\n", "\n")) if isinstance(value, str) else ""


def _description(summary: object, description: object) -> tuple[str, str]:
    """(description, Online Restricted note) of an operation: the summary, the description
    without the logging note, and the labelled notes ("## Experimental: ## ...") as text."""
    text = _SLOW_NOTE.sub("", description.replace("\r\n", "\n")) if isinstance(description, str) else ""
    parts = [_clean(summary)]
    restricted: list[str] = []
    marks = _labels(text)
    parts.append(text[: marks[0][0]] if marks else text)
    for (_, end, label), following in zip(marks, [*marks[1:], None]):
        note = text[end : following[0] if following else len(text)]
        if label.casefold() == "online restricted":
            restricted.append(note)
        else:
            parts.append(f"{label}: {note}")
    cleaned: list[str] = []
    for part in parts:
        rest, inline = split_restricted(part)  # the pages' "<b>Online Restricted:</b>" form
        cleaned.append(clean_text(rest))
        if inline is not None:
            restricted.append(inline)
    return "\n\n".join(p for p in cleaned if p), "\n\n".join(n for n in map(clean_text, restricted) if n)


# -- JSON Schema, for validating values against a spec -------------------------------------------

_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_PATTERNS = {
    "date-time": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$",
    "byte": r"^[A-Za-z0-9+/]*={0,2}$",
}


def json_schema(
    schema: JsonSchema, schemas: SchemaSet | None, *, null: bool = True, closed: bool = False
) -> dict[str, object]:
    """A JSON Schema (draft 7) document for ``schema``: the named schemas it reaches under
    ``definitions``, formats as the checks they imply (int32 range, date-time and base64
    patterns). ``null``: null is allowed everywhere (the specs never say nullable, and .NET
    accepts null for every reference type); ``closed``: objects with properties allow no
    others (to catch a client that sends a property the spec does not know)."""
    definitions: dict[str, object] = {}
    todo: list[str] = []

    def convert(item: JsonSchema) -> dict[str, object]:
        nullable = null or item.nullable
        if item.ref:
            if schemas is None or item.ref not in schemas.by_name:
                return {}
            if item.ref not in definitions:
                definitions[item.ref] = {}
                todo.append(item.ref)
            target: dict[str, object] = {"$ref": "#/definitions/" + item.ref.replace("~", "~0").replace("/", "~1")}
            return {"anyOf": [target, {"type": "null"}]} if nullable else target
        out: dict[str, object] = {}
        if item.type:
            out["type"] = [item.type, "null"] if nullable else item.type
        if item.enum:
            values: list[object] = [_enum_value(item.type, v) for v in item.enum]
            out["enum"] = values + [None] if nullable else values
        if item.type == "integer" and item.format in _INT_RANGES:
            out["minimum"], out["maximum"] = _INT_RANGES[item.format]
        if item.type == "string" and item.format in _PATTERNS:
            out["pattern"] = _PATTERNS[item.format]
        if item.items is not None:
            out["items"] = convert(item.items)
        if item.properties:
            out["properties"] = {p.name: convert(p.schema) for p in item.properties}
        if item.values is not None:
            out["additionalProperties"] = convert(item.values)
        elif closed and item.properties:
            out["additionalProperties"] = False
        return out

    document = convert(schema)
    while todo and schemas is not None:
        name = todo.pop()
        definitions[name] = convert(replace(schemas.by_name[name], nullable=False))
    if definitions:
        document["definitions"] = definitions
    return document


def _enum_value(kind: str, text: str) -> object:
    if kind in ("integer", "number"):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def _labels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each "<para />## Label: ##" mark, in order. A scan, not a regular
    expression: the text is untrusted, and a pattern for it would backtrack."""
    marks: list[tuple[int, int, str]] = []
    at = text.find("##")
    while at >= 0:
        close = text.find("##", at + 2, at + 100)
        label = text[at + 2 : close].strip().rstrip(":").rstrip() if close >= 0 else ""
        if not (label[:1].isascii() and label[:1].isalpha() and "\n" not in label):
            at = text.find("##", at + 2)
            continue
        before = _PARA_BEFORE.search(text, max(0, at - 16), at)
        end = close + 2
        while end < len(text) and text[end] in " \t\n":
            end += 1
        marks.append((before.start() if before else at, end, label))
        at = text.find("##", end)
    return marks


def _diag(path: str, line: int, code: str, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(path, max(line, 1), code, severity, message)


__all__ = ["MAX_DEPTH", "json_schema", "looks_like_openapi", "read_openapi"]
