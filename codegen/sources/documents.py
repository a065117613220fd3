"""One file of the docs folder -> what it documents.

A docs folder holds several sorts of source, and one file may document many things:

- a markdown page (``.md``, ``.mdx``, ``.yml``): one SOAP or WebAPI page
  (``codegen.sources.pages``, ``codegen.sources.rest``);
- an OpenAPI 3.0 or Swagger 2.0 spec (``.json``): the WebAPI agent endpoints and RESTful
  entity operations it describes (``codegen.sources.openapi``);
- a WSDL (``.wsdl``, ``.xml``) or a zip of WSDLs (``wsdl.zip``): one SOAP service's WSDL
  each, as a WSDL page would give it (``codegen.sources.wsdl_files``).

A file is known by its content, not its name: the suffix only says which readers to try. A
file that documents nothing (an image, a JSON file that is no spec) is *skipped*, with the
reason, so that a run can count and name what it left out.

:func:`read_file` is the one place where a docs file is read, and where the limits of
``codegen.limits`` are kept: a file over one is left out with a diagnostic naming its file and
line, before it costs more than its bytes (sizes and lines are checked before parsing, fenced
blocks before the page is identified).

Diagnostic codes (file-level codes of the page reader's family):
  P020 error    a file larger than the page-size limit (or a zip member, then Z005); not read
  P021 error    a markdown page or spec of more lines than the page-lines limit; not parsed
  P022 error    a markdown page of more fenced blocks than the fences limit; left out
  P023 error    a text (description, note, title, ...) longer than the text limit; its page
                (a spec: the whole file) is left out
  P024 error    a markdown page that makes more tokens than the page-tokens limit (blocks,
                list items, table cells); left out, its parse stopped there
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits, read_limited
from ..model import Diagnostic
from .openapi import looks_like_openapi, read_openapi
from .pages import PAGE_SUFFIXES, Fence, Page, TooManyTokens, decode, identify, parse_document, read_text
from .rest import RestPage, rest_page_of
from .wsdl_files import ZipLimits, looks_like_wsdl, looks_like_zip, read_wsdl_file, read_wsdl_zip

SPEC_SUFFIXES = (".json",)
WSDL_SUFFIXES = (".wsdl", ".xml", ".zip")
READ_SUFFIXES = PAGE_SUFFIXES + SPEC_SUFFIXES + WSDL_SUFFIXES


@dataclass(frozen=True)
class Reading:
    """What one file documents. ``skipped`` says why a file gives nothing ("" when it gives
    something); ``diagnostics`` are the file's own (a page's are on the page)."""

    path: str  # relative to the docs folder, POSIX; for a file given apart, as given
    pages: tuple[Page, ...] = ()
    rest_pages: tuple[RestPage, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    skipped: str = ""

    @property
    def all_diagnostics(self) -> tuple[Diagnostic, ...]:
        found = list(self.diagnostics)
        for page in self.pages:
            found.extend(page.diagnostics)
        for rest_page in self.rest_pages:
            found.extend(rest_page.diagnostics)
        return tuple(found)


def reads(relative: str) -> bool:
    """Whether a file of this name is one the readers may know (the rest is skipped unread)."""
    return relative.lower().endswith(READ_SUFFIXES)


def read_file(path: Path, root: Path, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """What the file at ``path`` documents; ``root`` is the docs folder (files given apart,
    like ``--wsdl`` ones, are named as given)."""
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    lower = relative.lower()
    if not lower.endswith(READ_SUFFIXES):
        return Reading(relative, skipped="not a page, spec or WSDL")
    try:
        data = read_limited(path, limits.page_size)
    except OSError as error:
        problem = Diagnostic(relative, 1, "P001", "error", f"cannot read the file: {error.strerror or error}")
        if lower.endswith(PAGE_SUFFIXES):  # a page that cannot be read is still a page, of no kind
            return Reading(relative, (Page(relative, "other", diagnostics=(problem,)),))
        return Reading(relative, diagnostics=(problem,), skipped="unreadable")
    if data is None:
        message = f"larger than the page-size limit of {limits.page_size:,} bytes; not read"
        return _left_out(relative, 1, "P020", message, "over the page-size limit")
    if lower.endswith(PAGE_SUFFIXES):
        return _within_text_limit(read_page_bytes(data, relative, limits), limits)
    return _within_text_limit(read_bytes(data, relative, limits), limits)


def read_page_bytes(data: bytes, relative: str, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """A markdown page (``.md``, ``.mdx``, ``.yml``) given as bytes, its lines and fenced
    blocks counted before they cost anything."""
    text, problems = decode(data, relative)
    # the lines markdown-it will see: it takes \r\n and a lone \r for a newline too
    over = _over_lines(text.count("\n") + text.count("\r") - text.count("\r\n") + 1, relative, limits)
    if over is not None:
        return over
    if not text.strip():
        return Reading(relative, (read_text(text, relative, problems),))
    try:
        document = parse_document(text, relative, limits.page_tokens)
    except TooManyTokens:
        message = f"more markdown tokens (blocks, list items, table cells) than the page-tokens limit of {limits.page_tokens:,}; the page is left out"
        return _left_out(relative, 1, "P024", message, "over the page-tokens limit")
    if len(document.fences) > limits.fences:
        line = document.fences[limits.fences].line - 1  # the opening line of the first one too many
        message = f"{len(document.fences):,} fenced blocks, more than the fences limit of {limits.fences:,}; the page is left out"
        return _left_out(relative, line, "P022", message, "over the fences limit")
    page = identify(document, problems)
    rest_page = rest_page_of(document, page) if page.kind == "rest-endpoint" else None
    return Reading(relative, (page,), (rest_page,) if rest_page is not None else ())


def read_bytes(data: bytes, relative: str, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """What a spec, WSDL or zip given as bytes documents (by its content)."""
    if looks_like_zip(data):
        zip_limits = ZipLimits(member_size=limits.page_size)
        pages, problems = read_wsdl_zip(relative, data, zip_limits)
        return Reading(relative, tuple(pages), diagnostics=problems, skipped="" if pages else "a zip holding no WSDL")
    if looks_like_openapi(data):
        over = _over_lines(data.count(b"\n") + 1, relative, limits)  # the reader keeps where each line starts
        if over is not None:
            return over
        rest_pages, problems = read_openapi(relative, data, limits.enum_members)
        why = "" if rest_pages else "an OpenAPI spec without WebAPI agent or entity endpoints"
        return Reading(relative, rest_pages=tuple(rest_pages), diagnostics=problems, skipped=why)
    if looks_like_wsdl(data):
        pages, problems = read_wsdl_file(relative, data)
        return Reading(relative, tuple(pages), diagnostics=problems, skipped="" if pages else "a WSDL of no NetServer service")
    return Reading(relative, skipped="neither an OpenAPI or Swagger spec, a WSDL nor a zip of WSDLs")


def _over_lines(lines: int, relative: str, limits: Limits) -> Reading | None:
    if lines <= limits.page_lines:
        return None
    message = f"{lines:,} lines, more than the page-lines limit of {limits.page_lines:,}; not parsed"
    return _left_out(relative, limits.page_lines + 1, "P021", message, "over the page-lines limit")


def _left_out(relative: str, line: int, code: str, message: str, why: str) -> Reading:
    return Reading(relative, diagnostics=(Diagnostic(relative, line, code, "error", message),), skipped=why)


# -- the text limit --------------------------------------------------------------------------------

# where a page's texts are, for the line of a diagnostic: the field holding the line
_TEXT_LINES = {
    "description": "description_line", "online_restricted": "description_line", "parameters": "description_line",
    "returns": "description_line", "h1": "h1_line", "endpoint": "endpoint_line", "operation": "h1_line",
}


def _within_text_limit(reading: Reading, limits: Limits) -> Reading:
    """The reading without its pages that hold a text longer than the limit, each reported.
    A spec's endpoints share its named schemas: one long text leaves out the whole file."""
    problems = list(reading.diagnostics)
    kept = []
    for page in reading.pages:
        found = _long_text(page, limits.text, 1, set())
        if found is None:
            kept.append(page)
        else:
            problems.append(_text_problem(page.path, found, limits))
    seen: set[int] = set()  # a spec's SchemaSet is looked at once, not once per endpoint
    found = next((f for p in reading.rest_pages if (f := _long_text(p, limits.text, p.endpoint_line or 1, seen))), None)
    if found is not None:
        problems.append(_text_problem(reading.path, found, limits))
    if len(kept) == len(reading.pages) and found is None:
        return reading
    rest_pages = () if found is not None else reading.rest_pages
    why = "" if kept or rest_pages else "over the text limit"
    return replace(reading, pages=tuple(kept), rest_pages=rest_pages, diagnostics=tuple(problems), skipped=reading.skipped or why)


def _text_problem(path: str, found: tuple[int, str, int], limits: Limits) -> Diagnostic:
    line, what, length = found
    message = f"{what} is {length:,} characters long, more than the text limit of {limits.text:,}; the page is left out"
    return Diagnostic(path, line, "P023", "error", message)


def _long_text(value: object, limit: int, line: int, seen: set[int], what: str = "a text") -> tuple[int, str, int] | None:
    """(line, what it is, length) of the first text in ``value`` longer than ``limit``: any
    string of a page or of what it holds, but fenced blocks (examples and WSDLs, bounded by
    the page size) and diagnostics. ``line``: the nearest line known."""
    if isinstance(value, str):
        return (line, what, len(value)) if len(value) > limit else None
    if isinstance(value, (tuple, list)):
        return next((f for item in value if (f := _long_text(item, limit, line, seen, what))), None)
    if not is_dataclass(value) or isinstance(value, (Fence, Diagnostic)) or id(value) in seen:
        return None
    seen.add(id(value))
    own = getattr(value, "line", 0)
    line = own if isinstance(own, int) and own > 0 else line
    for item in fields(value):
        at = getattr(value, _TEXT_LINES.get(item.name, ""), 0) or line
        found = _long_text(getattr(value, item.name), limit, at, seen, f"the {item.name.replace('_', ' ')}")
        if found is not None:
            return found
    return None


__all__ = ["READ_SUFFIXES", "Reading", "read_bytes", "read_file", "read_page_bytes", "reads"]
