"""Read one WebAPI agent page: ``POST /api/v1/Agents/<Agent>/<Method>``.

The page is identified by :mod:`codegen.sources.pages` (by its content: the endpoint line,
the title, the H1). This module reads what the page says about the endpoint: the
description, the Online Restricted note, the query string parameters, the request body and
its properties, the response type and its properties, and the sample request and response.
Types are kept as written (``int32``, ``String``, ``array``, ``ErpConnection``); JSON samples
are kept as text.

The page layout, and the variants this reader accepts:

- ``uid:`` or ``id:`` in the front matter; ``generated:`` or not;
- a description after the endpoint fence, possibly with ``<para>``, ``<see cref>``, ``&amp;``,
  bare fences and headings of its own (the Archive agent's restriction syntax pages);
- ``## Online Restricted: ## The X agent is not available …`` (a heading holding the note);
- ``## Query String Parameters`` with a ``Parameter Name | Type | Description`` table;
- ``## Request Body: request`` then a line of text and a ``Property Name | Type |
  Description`` table;
- ``## Response:``, ``## Response:array``, ``## Response: bool``, then a description, a
  ``Response | Description`` table of status codes, and the body's property table under
  ``### Response body: X`` or under a plain ``Response body: X`` line;
- ``## Sample request`` / ``## Sample Request`` with an ``http!`` fence and ``## Sample
  response`` with an ``http_`` fence, or the response fence straight after the request one.

Diagnostic codes of this module (besides the ``P`` codes of ``codegen.sources.pages``):

- R001 [error] the page is not a REST endpoint page.
- R002 [error] no ``POST /api/v1/Agents/<Agent>/<Method>`` endpoint line.
- R003 [warning] no sample request.
- R004 [warning] no sample response.
- R005 [warning] a table row whose number of cells differs from its header's.

The same records come from the WebAPI's OpenAPI and Swagger specs (:mod:`codegen.sources.openapi`,
``source_format="openapi"``), which also give what the pages cannot: the request and response
JSON schemas (:class:`JsonSchema`, named schemas kept by name in one :class:`SchemaSet` per
spec file) and which query parameters are required.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..model import Diagnostic, Severity
from .pages import (
    Block,
    Document,
    Fence,
    Page,
    blocks_text,
    clean_text,
    identify,
    parse_document,
    read_source,
    split_restricted,
)


@dataclass(frozen=True)
class JsonSchema:
    """What a JSON value may be, as a spec says. A reference names a schema of the spec's
    :class:`SchemaSet` (so cycles cost nothing); a schema with no type allows anything."""

    type: str = ""  # "object", "array", "string", "integer", "number", "boolean"; "" for any
    format: str = ""  # "int32", "int64", "double", "date-time", "byte", "binary", ...
    ref: str = ""  # the name of a schema of the SchemaSet: the value is that one
    items: JsonSchema | None = None  # of an array
    values: JsonSchema | None = None  # of a dictionary (additionalProperties)
    properties: tuple[SchemaProperty, ...] = ()
    enum: tuple[str, ...] = ()  # the allowed values (numbers as their JSON text)
    nullable: bool = False
    description: str = ""  # clean text
    line: int = 0


@dataclass(frozen=True)
class SchemaProperty:
    name: str
    schema: JsonSchema
    line: int = 0


@dataclass(frozen=True)
class SchemaSet:
    """The named schemas of one spec file (``components/schemas`` or ``definitions``), one
    object shared by every page read from the file."""

    path: str
    schemas: tuple[tuple[str, JsonSchema], ...] = ()

    @cached_property
    def by_name(self) -> dict[str, JsonSchema]:
        return dict(self.schemas)

    def resolve(self, schema: JsonSchema) -> JsonSchema:
        """The schema a reference stands for (a chain of references followed; a loop, a chain
        longer than 32 or a dangling name gives the any-schema); other schemas as they are."""
        for _ in range(32):
            if not schema.ref:
                return schema
            if schema.ref not in self.by_name:
                break
            schema = self.by_name[schema.ref]
        return JsonSchema()


@dataclass(frozen=True)
class RestProperty:
    """One row of a parameter or property table. ``type`` is as written, "" when blank."""

    name: str
    type: str
    description: str  # clean text
    line: int
    required: bool = False  # a spec's "required": true (the pages' tables do not say)
    schema: JsonSchema | None = None  # a spec's schema of the value


@dataclass(frozen=True)
class RestPage:
    path: str
    agent: str = ""  # "ErpSync"
    method: str = ""  # "SaveConnection"
    endpoint: str = ""  # "/api/v1/Agents/ErpSync/SaveConnection"
    endpoint_line: int = 0
    title: str = ""
    uid: str = ""  # ``uid``, or ``id`` where a page has that instead
    description: str = ""
    online_restricted: str = ""
    query_parameters: tuple[RestProperty, ...] = ()
    request_body: str = ""  # the body's name: "request", "entity", "" when there is none
    request_body_description: str = ""
    request_properties: tuple[RestProperty, ...] = ()
    response_type: str = ""  # "ErpConnection", "array", "bool"; "" when not given
    response_description: str = ""
    response_codes: tuple[tuple[str, str], ...] = ()  # (("200", "OK"),)
    response_properties: tuple[RestProperty, ...] = ()
    sample_request: Fence | None = None
    sample_response: Fence | None = None
    fences: tuple[Fence, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    source_format: str = "markdown"  # or "openapi" (OpenAPI 3 and Swagger 2 specs)
    request_schema: JsonSchema | None = None  # the JSON body's schema (specs only)
    response_schema: JsonSchema | None = None  # the success reply's schema (specs only)
    response_media: tuple[str, ...] = ()  # the success reply's media types (specs only)
    schemas: SchemaSet | None = None  # the spec's named schemas, shared by its pages
    # a RESTful entity operation of a spec (``GET /api/v1/Contact/{id}``): agent and method
    # are "" for those, so that everything made for the agents passes them by
    entity: str = ""  # "Contact": the spec's tag
    operation: str = ""  # "GetContactEntity": from the operationId
    http_method: str = "POST"
    path_parameters: tuple[RestProperty, ...] = ()
    request_media: tuple[str, ...] = ()  # the request body's media types (specs only)


def read_rest_page(path: Path, root: Path) -> RestPage:
    """Read the REST endpoint page at ``path``; ``root`` is the docs folder."""
    relative, text, problems = read_source(path, root)
    if text is None:
        return RestPage(relative, diagnostics=problems)
    return _read(text, relative, problems)


def read_rest_text(text: str, path: str) -> RestPage:
    """Read a REST endpoint page given as text; ``path`` names it in diagnostics."""
    return _read(text, path, ())


_ONLINE_RESTRICTED = re.compile(r"^Online Restricted\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_QUERY = re.compile(r"^Query String Parameters\s*$", re.IGNORECASE)
_HEADERS = re.compile(r"^Request Headers\s*$", re.IGNORECASE)
_REQUEST_BODY = re.compile(r"^Request Body\s*(?::\s*(.*))?$", re.IGNORECASE)
_RESPONSE = re.compile(r"^Response\s*(?::\s*(.*))?$", re.IGNORECASE)
_RESPONSE_BODY = re.compile(r"^Response body\s*:\s*(.*)$", re.IGNORECASE)
_SAMPLE_REQUEST = re.compile(r"^Sample request\s*$", re.IGNORECASE)
_SAMPLE_RESPONSE = re.compile(r"^Sample response\s*$", re.IGNORECASE)


@dataclass
class _Reading:
    """What has been read so far, while walking the blocks of one page."""

    section: str = "description"
    description: list[Block] = field(default_factory=list)
    restricted: list[str] = field(default_factory=list)
    query: list[RestProperty] = field(default_factory=list)
    body: str = ""
    body_text: list[str] = field(default_factory=list)
    body_properties: list[RestProperty] = field(default_factory=list)
    response_heading: str = ""
    response_body: str = ""
    response_text: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)
    response_properties: list[RestProperty] = field(default_factory=list)
    sample_request: Fence | None = None
    sample_response: Fence | None = None


def _read(text: str, path: str, problems: tuple[Diagnostic, ...]) -> RestPage:
    doc = parse_document(text, path)
    return rest_page_of(doc, identify(doc, problems))


def rest_page_of(doc: Document, page: Page) -> RestPage:
    """The REST endpoint page of a document already parsed and identified as ``page`` (so
    that a reader that identified it first does not parse it twice)."""
    path = doc.path
    diagnostics = list(page.diagnostics)
    if page.kind != "rest-endpoint":
        message = f"not a REST endpoint page (it reads as {page.kind})"
        diagnostics.append(_diag(path, page.h1_line or 1, "R001", "error", message))
        return RestPage(
            path,
            title=page.title,
            uid=page.uid,
            fences=page.fences,
            diagnostics=tuple(diagnostics),
        )
    if not page.endpoint:
        message = "no 'POST /api/v1/Agents/<Agent>/<Method>' endpoint line"
        diagnostics.append(_diag(path, page.h1_line or 1, "R002", "error", message))
    reading = _walk(doc, page.endpoint_line, diagnostics)
    where = page.h1_line or 1
    if reading.sample_request is None:
        diagnostics.append(_diag(path, where, "R003", "warning", "no sample request"))
    if reading.sample_response is None:
        diagnostics.append(_diag(path, where, "R004", "warning", "no sample response"))
    return RestPage(
        path,
        agent=page.service,
        method=page.operation,
        endpoint=page.endpoint,
        endpoint_line=page.endpoint_line,
        title=page.title,
        uid=page.uid,
        description=blocks_text(reading.description),
        online_restricted=_join(reading.restricted),
        query_parameters=tuple(reading.query),
        request_body=reading.body,
        request_body_description=_join(reading.body_text),
        request_properties=tuple(reading.body_properties),
        response_type=reading.response_body or reading.response_heading,
        response_description=_join(reading.response_text),
        response_codes=tuple(reading.codes),
        response_properties=tuple(reading.response_properties),
        sample_request=reading.sample_request,
        sample_response=reading.sample_response,
        fences=page.fences,
        diagnostics=tuple(diagnostics),
    )


def _walk(doc: Document, endpoint_line: int, diagnostics: list[Diagnostic]) -> _Reading:
    """Sort the page's blocks into its sections, in one pass."""
    reading = _Reading()
    fences = {fence.line: fence for fence in doc.fences}
    lines = doc.text.split("\n")
    h1 = doc.h1()
    for block in doc.blocks:
        if block is h1:
            continue
        if block.kind == "heading" and _heading(block, reading):
            continue
        if block.kind == "paragraph":
            found = _RESPONSE_BODY.match(block.text.strip())
            if found and reading.section in ("response", "response-body"):
                # The older pages write "Response body: object" as a plain line.
                reading.section = "response-body"
                reading.response_body = found.group(1).strip()
                continue
        if block.kind == "table":
            _check_cells(block, lines, doc.path, diagnostics)
        if block.kind == "fence":
            fence = fences.get(block.line + 1)
            if fence is not None and _sample(fence, block, endpoint_line, reading):
                continue
        _content(block, reading)
    return reading


def _heading(block: Block, reading: _Reading) -> bool:
    """Switch section on a known heading; False for a heading that is part of the text."""
    text = block.text.strip()
    if block.level == 2:
        restricted = _ONLINE_RESTRICTED.match(text)
        if restricted:
            reading.section = "restricted"
            # "## Online Restricted: ## The agent …": the note is inside the heading.
            note = restricted.group(1).strip().lstrip("#").strip()
            if note:
                reading.restricted.append(clean_text(note))
            return True
        if _QUERY.match(text):
            reading.section = "query"
            return True
        if _HEADERS.match(text):
            reading.section = "headers"
            return True
        body = _REQUEST_BODY.match(text)
        if body:
            reading.section = "body"
            reading.body = (body.group(1) or "").strip()
            return True
        response = _RESPONSE.match(text)
        if response:
            reading.section = "response"
            reading.response_heading = (response.group(1) or "").strip()
            return True
        if _SAMPLE_REQUEST.match(text):
            reading.section = "sample-request"
            return True
        if _SAMPLE_RESPONSE.match(text):
            reading.section = "sample-response"
            return True
    found = _RESPONSE_BODY.match(text)
    if found and block.level >= 2:
        reading.section = "response-body"
        reading.response_body = found.group(1).strip()
        return True
    if reading.section == "description":
        return False  # a heading of the description's own (Archive's restriction syntax)
    if block.level <= 2:
        reading.section = "other"
    return True


def _sample(fence: Fence, block: Block, endpoint_line: int, reading: _Reading) -> bool:
    """Take a fence as the sample request or response; False when it is neither."""
    last_line = block.line + 1 + block.text.count("\n")
    if reading.section == "description" and block.line < endpoint_line <= last_line:
        return True  # the endpoint fence itself: not part of the description
    info = fence.info.lower()
    if reading.section not in ("sample-request", "sample-response") and info not in (
        "http!",
        "http_",
    ):
        return False
    # An answer: marked http_, starting with a status line, or under "Sample response"
    # (the older pages put it straight after the request, with no heading of its own).
    answer = info == "http_" or fence.text.lstrip().startswith("HTTP/")
    if answer or reading.section == "sample-response":
        if reading.sample_response is None:
            reading.sample_response = fence
            return True
    elif reading.sample_request is None:
        reading.sample_request = fence
        return True
    return False


def _content(block: Block, reading: _Reading) -> None:
    """A block of text or a table, filed under the current section."""
    section = reading.section
    if section == "description":
        if block.kind in ("paragraph", "html"):
            text, note = split_restricted(block.text)
            if clean_text(text):
                reading.description.append(Block(block.kind, block.line, text))
            if note is not None:
                reading.restricted.append(clean_text(note))
        else:
            reading.description.append(block)
        return
    if block.kind == "table":
        if section == "query":
            reading.query.extend(_properties(block))
        elif section == "body":
            reading.body_properties.extend(_properties(block))
        elif section == "response" and _header(block)[:1] == ("response",):
            reading.codes.extend((row[0], clean_text(row[-1])) for row in block.rows[1:] if row)
        elif section in ("response", "response-body"):
            reading.response_properties.extend(_properties(block))
        return
    if block.kind not in ("paragraph", "html", "list"):
        return
    text = blocks_text([block])
    if section == "restricted":
        reading.restricted.append(text)
    elif section == "body":
        reading.body_text.append(text)
    elif section == "response":
        reading.response_text.append(text)


def _header(block: Block) -> tuple[str, ...]:
    return tuple(cell.strip().lower() for cell in block.rows[0]) if block.rows else ()


def _properties(block: Block) -> list[RestProperty]:
    """The rows of a ``Name | Type | Description`` table, columns found by their header."""
    header = _header(block)
    if not header:
        return []
    name_column = next((i for i, h in enumerate(header) if h.endswith("name")), 0)
    type_column = next((i for i, h in enumerate(header) if h == "type"), None)
    text_column = next((i for i, h in enumerate(header) if h == "description"), len(header) - 1)
    found: list[RestProperty] = []
    for row, line in zip(block.rows[1:], block.row_lines[1:]):
        name = clean_text(row[name_column]) if name_column < len(row) else ""
        if not name:
            continue
        kind = (
            row[type_column].strip() if type_column is not None and type_column < len(row) else ""
        )
        text = clean_text(row[text_column]) if text_column < len(row) else ""
        # the pages mark a parameter the server requires in its text: "**Required** The id."
        found.append(RestProperty(name, kind, text, line, required=bool(re.match(r"\s*Required\b", text))))
    return found


_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")


def _check_cells(
    block: Block, lines: Sequence[str], path: str, diagnostics: list[Diagnostic]
) -> None:
    """The table reader pads short rows and drops extra cells: say so (R005)."""
    expected = len(block.rows[0]) if block.rows else 0
    for line in block.row_lines:
        raw = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        inner = raw[1:] if raw.startswith("|") else raw
        inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
        count = len(_CELL_SEPARATOR.split(inner))
        if count != expected:
            message = f"a table row with {count} cells under a header of {expected}"
            diagnostics.append(_diag(path, line, "R005", "warning", message))


def _join(parts: Sequence[str]) -> str:
    return "\n\n".join(part for part in parts if part)


def _diag(path: str, line: int, code: str, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(path, max(line, 1), code, severity, message)


__all__ = [
    "JsonSchema",
    "RestPage",
    "RestProperty",
    "SchemaProperty",
    "SchemaSet",
    "read_rest_page",
    "read_rest_text",
]
