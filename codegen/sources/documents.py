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
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Diagnostic
from .openapi import looks_like_openapi, read_openapi
from .pages import PAGE_SUFFIXES, Page, read_document
from .rest import RestPage, rest_page_of
from .wsdl_files import looks_like_wsdl, looks_like_zip, read_wsdl_file, read_wsdl_zip

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


def read_file(path: Path, root: Path) -> Reading:
    """What the file at ``path`` documents; ``root`` is the docs folder (files given apart,
    like ``--wsdl`` ones, are named as given)."""
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    lower = relative.lower()
    if lower.endswith(PAGE_SUFFIXES):
        page, document = read_document(path, root)
        rest_page = rest_page_of(document, page) if document is not None and page.kind == "rest-endpoint" else None
        return Reading(relative, (page,), (rest_page,) if rest_page is not None else ())
    if not lower.endswith(SPEC_SUFFIXES + WSDL_SUFFIXES):
        return Reading(relative, skipped="not a page, spec or WSDL")
    try:
        data = path.read_bytes()
    except OSError as error:
        problem = Diagnostic(relative, 1, "P001", "error", f"cannot read the file: {error.strerror or error}")
        return Reading(relative, diagnostics=(problem,), skipped="unreadable")
    return read_bytes(data, relative)


def read_bytes(data: bytes, relative: str) -> Reading:
    """What a spec, WSDL or zip given as bytes documents (by its content)."""
    if looks_like_zip(data):
        pages, problems = read_wsdl_zip(relative, data)
        return Reading(relative, tuple(pages), diagnostics=problems, skipped="" if pages else "a zip holding no WSDL")
    if looks_like_openapi(data):
        rest_pages, problems = read_openapi(relative, data)
        why = "" if rest_pages else "an OpenAPI spec without WebAPI agent or entity endpoints"
        return Reading(relative, rest_pages=tuple(rest_pages), diagnostics=problems, skipped=why)
    if looks_like_wsdl(data):
        pages, problems = read_wsdl_file(relative, data)
        return Reading(relative, tuple(pages), diagnostics=problems, skipped="" if pages else "a WSDL of no NetServer service")
    return Reading(relative, skipped="neither an OpenAPI or Swagger spec, a WSDL nor a zip of WSDLs")


__all__ = ["READ_SUFFIXES", "Reading", "read_bytes", "read_file", "reads"]
