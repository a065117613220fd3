"""``codegen lint``: everything the docs get wrong or leave unclear, as diagnostics.

Lint reads a docs folder as ``codegen generate`` does and reports what the page readers and the
builder say (P, R, W, X, B and J codes), then its own checks (L codes): the example envelopes
against the WSDL (:mod:`codegen.example_checks`) and the WebAPI pages against their SOAP
operations (:mod:`codegen.rest_checks`). Where a stage already reports a finding, lint does not
say it again: pages with no WSDL operation and operations with no page are the builder's B002
and B003, WebAPI names that match no SOAP parameter and endpoints with no SOAP operation the
WebAPI builder's J002, J003 and J001, unknown front matter the page reader's P006.

Selection (``--select``, ``--ignore``) takes codes or prefixes, comma-separated: ``X``, ``L00``,
``L001``. As in ruff, the more specific rule wins: ``--select L --ignore L001`` keeps every L
code but L001, ``--ignore L --select L020`` keeps only L020 of the L codes. Without
``--select`` every code is selected.

Exit codes: 0, no warning or error after selection (info does not count); 1, some; 2, bad
usage or a docs folder that gives no model. ``--exit-zero`` makes 1 a 0.

Codes (``codegen lint --explain CODE`` prints one row):

  code  severity      meaning
  ----  ------------  ---------------------------------------------------------------------
  P001  error         the file could not be read
  P002  warning       the file is not valid UTF-8 (decoded with replacement characters)
  P003  warning       the file is empty
  P004  error         the front matter has no closing '---' line
  P005  warning       a front matter line is not 'key: value'
  P006  warning       a front matter key the page reader does not know
  P007  warning       a front matter key given twice (the first value is used)
  P010  error         a SOAP page whose version or service cannot be told
  P011  error         a SOAP operation page whose operation name cannot be told
  P012  warning       two identity signals of a page disagree (the stronger one is used)
  P013  error         a fenced block is not closed
  P014  error         a SOAP operation page without a request example
  P015  error         a SOAP operation page without a response example
  P016  warning       an example found without its heading (by root element or by order)
  P017  error         a WSDL page without a fenced WSDL document
  P018  info          MDX that is not read: an import or export statement, a comment, a
                      self-closing component
  P019  info          a front matter date that is not one day (day or month first?); the
                      page's date stays unknown
  P020  warning       a symbolic link that leads outside the docs folder (not followed;
                      follow_links_to names folders that links may reach)
  P021  error         a page of more lines than the page-lines limit (left out)
  P022  error         a page of more fenced blocks than the fences limit (left out)
  P023  error         a text longer than the text limit (the page is left out)
  P024  error         a page of more markdown tokens than the page-tokens limit (left out)
  R001  error         the page is not a REST endpoint page
  R002  error         a REST page without a 'POST /api/v1/Agents/<Agent>/<Method>' line
  R003  warning       a REST page without a sample request
  R004  warning       a REST page without a sample response
  R005  warning       a table row whose number of cells differs from its header's
  O001  error         a spec not readable as JSON (invalid JSON or UTF-8, nested too deep,
                      too large)
  O002  error         a JSON file that is not an OpenAPI 3.x or Swagger 2.0 document
  O003  warning       a spec's $ref that resolves to nothing (read as a schema that allows
                      anything)
  O004  warning       a part of a spec of the wrong shape (skipped)
  O005  warning       a spec's schema nested too deep (cut off there, allowing anything)
  O006  warning       an agent path with an HTTP method other than POST (not generated)
  O007  warning       a spec path under /api/vN/Agents/ that is not
                      /Agents/<Agent>/<Method>
  O008  warning       a spec parameter the client cannot send (in an agent's path, cookie or
                      formData)
  O009  warning       a spec's request body without a JSON media type (left out)
  O010  warning       a spec's enum of more values than the enum-members limit (read as any
                      string)
  W001  error         the WSDL is not well-formed XML (or holds a DTD or entities)
  W002  error         no wsdl:definitions root, or no SOAP 1.1 address or binding
  W003  error         a type or element reference the WSDL does not define
  W004  warning       an XML Schema construct the generator does not model (ignored)
  W005  error         an operation whose messages or wrapper elements are missing
  W006  warning       a minOccurs or EnumerationValue that is not a whole number (ignored)
  W007  error         an enumeration of more members than the enum-members limit (left out)
  Z001  error         a zip that cannot be read (truncated, corrupt, not a zip after all)
  Z002  error         a zip with more members than allowed (none is read)
  Z003  error         a zip member name that is absolute, has a drive letter or goes up
                      (..): refused
  Z004  error         an encrypted zip member (not read)
  Z005  error         a zip member larger than allowed uncompressed, or the members
                      together (not read)
  Z006  error         a zip member compressed more than real text is (a zip bomb; not read)
  Z007  error         a zip member that cannot be decompressed (bad CRC, truncated, unknown
                      method)
  Z008  info          zip members that are not WSDLs of NetServer services (skipped), named
  Z009  warning       a WSDL that is not UTF-8 or UTF-16 text (decoded with replacement
                      characters)
  Z010  warning       two names of a WSDL disagree on its version or service (the stronger
                      is used)
  Z011  error         a NetServer WSDL whose service cannot be told (not used)
  X001  error         an example is not well-formed XML
  X002  error         an example holds a DTD or entity (refused)
  X003  error         an example's root is not a SOAP 1.1 or 1.2 Envelope
  X004  error         an example's Envelope has no single Body
  X005  error         an example's Body has no single wrapper element
  X006  warning       an xsi:type whose prefix is not declared (type ignored)
  X007  warning       an element of a primitive xsi:type with child elements (ignored)
  X008  warning       a part without xsi:type in a service without WSDL (assumed string)
  X009  info/warning  a response wrapper not named <Operation>Response (warning when in
                      another namespace)
  X010  warning       two examples of one operation (the first is kept)
  X011  warning       an operation in another namespace than the rest of its service
  X012  warning       a type seen as two kinds (complex, array, dictionary, enum)
  X013  warning       a field seen with two types (the first is kept)
  X014  warning       an array seen with two item element names
  X015  warning       a dictionary seen with two pair element names
  X016  warning       a field only seen as xsi:nil or untyped (assumed string)
  X017  warning       an array only seen empty (item guessed from its name)
  X018  info          an enumeration the examples cannot describe (read as string)
  B001  error         two WSDLs for one service that neither date nor kind tell apart (the
                      first, by path, is used)
  B002  warning       an operation page with no operation in its service's WSDL (not
                      generated)
  B003  info          a WSDL operation without an operation page (generated, undocumented);
                      one per version for a version without operation pages
  B004  warning       a service without a WSDL page (shapes inferred from the examples)
  B005  error         one type name defined differently by two WSDLs of a version
  B006  warning       two operation pages for one operation (the first, by path, is used)
  B007  warning       a parameter note that names no parameter of the operation
  B008  error         an operation page whose examples could not be read (not generated)
  B009  info          header types assumed from NetServer's standard contract
  B010  error         a type reference that nothing defines (generated as str)
  B011  info          a WSDL not used for its service: another one is newer (or a file),
                      named
  B012  info          how many operations and types a version described from another
                      version's docs
  B013  error         a type that extends itself, or types that extend each other in a cycle
                      (left out, with the types that extend them)
  B014  error         a type deeper in inheritance than the depth limit (left out)
  B015  warning       a field or parameter of a type that was left out (generated as str)
  J001  info          a WebAPI endpoint built from its page alone (no SOAP operation)
  J002  warning       a WebAPI query parameter that names no parameter of the SOAP operation
  J003  warning       a WebAPI body property that names no parameter of the SOAP operation
  J004  warning       a SOAP parameter the WebAPI page does not show
  J005  warning       a WebAPI body of one value for a SOAP operation of several parameters
  J006  info          the WebAPI pages were not generated (their SOAP version not asked for)
  J007  warning       a spec's query parameter, body property or body whose type differs
                      from the SOAP parameter's
  J008  warning       a spec's reply that differs from the SOAP operation's return
  J009  warning       a property of a spec's named schema that the SOAP data contract of
                      that name lacks
  J010  warning       a field of a SOAP data contract that the spec's named schema of that
                      name lacks
  J011  warning       a property of a spec's named schema whose type differs from the SOAP
                      field's
  J012  warning       enum values of a spec that the SOAP enum lacks, or SOAP enum values
                      the spec lacks
  J013  info          a spec's named schema with no SOAP type of that name (not compared)
  J014  info          an endpoint described by a spec and by a page: the spec is used, the
                      page fills in
  J015  warning       a spec's reply that is not JSON where SOAP returns no bytes (read as JSON)
  J016  warning       an entity operation not generated: its path template and path
                      parameters disagree, or a path parameter is not a scalar
  J017  warning       an entity operation not generated: its request body is not JSON (a
                      multipart upload)
  J018  info          an entity schema XWithLinks read as the SOAP data contract X (its
                      _Links not kept)
  J019  info          an entity schema with no SOAP data contract of its name: JSON, typed
                      object
  J020  warning       an entity operation given twice (same HTTP method and path); the
                      first by file is used
  L001  info          artefact: an example in the SOAP 1.2 envelope namespace; the WSDL binds
                      SOAP 1.1
  L002  info          artefact: header blocks directly under Envelope, not inside Header
  L003  info          artefact: xsi:type annotations that repeat the declared type (one per
                      example)
  L004  info          artefact: xsi:nil="true" where the docs' generator cut off recursion
  L005  info          artefact: a value that leaves out every field it inherits (Carrier's
                      TableRight and FieldProperties)
  L006  info          artefact: an empty dateTime or duration value
  L010  warning       an example element the WSDL does not declare there (or a repeat)
  L011  warning       an example value that lacks elements the WSDL declares
  L012  warning       example elements out of the WSDL's order
  L013  warning       an xsi:type that is neither the declared type nor derived from it
  L014  warning       an enum value that the WSDL's enumeration does not have
  L015  warning       an example wrapper element named otherwise than the WSDL's
  L016  warning       an example header block that the binding does not declare
  L017  warning       an example value not of its type's lexical form (or with children)
  L020  warning       a WebAPI entity body property that names no field of the entity's type
  L021  warning       a WebAPI parameter or body property whose type contradicts SOAP's
  L022  warning       a WebAPI response body type that contradicts the SOAP reply
                      ('TableRight' on a void reply)
  L023  warning       a WebAPI response property that names no field of the SOAP reply type
  L024  warning       a WebAPI response property whose type contradicts the SOAP field's
                      ('Recurrence | TableRight')
  L025  info          a SOAP operation of the newest version with no WebAPI page
  L026  warning       two WebAPI pages for one endpoint (the first, by path, is used)
  N001  error         a version name that is not "Services" and ASCII digits, or too long (not
                      generated)
  N002  error         a service whose name is not an XML name, or too long (not generated)
  N003  error         an operation whose names are not XML names, or too long, or whose
                      SOAPAction is not a URI (not generated)
  N004  error         a type whose names are not XML names, or too long, or whose namespace is
                      not a URI (not generated; references to it are generated as str)
  N005  error         a service whose namespace is not a URI (not generated)
  N006  warning       a SOAPAction with characters beyond ASCII (sent percent-encoded)
  C001  warning       cache entries that failed the check against this user's key (planted,
                      or copied from another machine): deleted unread (generate only)
  C002  warning       no cache key could be read or made: the cache was not used (generate
                      only)
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .config import ConfigError
from .example_checks import check_examples
from .model import Diagnostic
from .reading import Docs, DocsError, add_docs_command, docs_settings, read_docs, shown_folder
from .rest_checks import check_rest

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class CodeInfo:
    code: str
    severity: str
    meaning: str


def _code_table(doc: str) -> dict[str, CodeInfo]:
    """The codes table of this module's docstring: the one place the codes are described."""
    rows: dict[str, CodeInfo] = {}
    last = ""
    for line in doc.splitlines():
        row = re.match(r"^  ([A-Z]\d{3})  (\S+)\s+(.+)$", line)
        if row:
            last = row.group(1)
            rows[last] = CodeInfo(last, row.group(2), row.group(3).strip())
        elif last and re.match(r"^ {22}\S", line):
            info = rows[last]
            rows[last] = CodeInfo(last, info.severity, f"{info.meaning} {line.strip()}")
        else:
            last = ""
    return rows


CODES: Mapping[str, CodeInfo] = _code_table(__doc__ or "")


# -- the checks ------------------------------------------------------------------------------


def lint(docs: Docs) -> list[Diagnostic]:
    """Every diagnostic of the docs: the readers' and the builder's, then lint's own; each
    once, sorted by path, line and code."""
    pages = {page.path: page for page in docs.pages}
    found = list(docs.diagnostics)
    for version in docs.api.versions:
        found.extend(check_examples(version, pages))
    mirrored = next((v for v in docs.api.versions if v.name == docs.newest_version), None)
    found.extend(check_rest(docs.rest_pages, mirrored))
    if docs.versions_asked:
        found = _of_versions(found, docs, set(docs.versions_asked))
    return sorted(set(found))


def _of_versions(found: Iterable[Diagnostic], docs: Docs, wanted: set[str]) -> list[Diagnostic]:
    """Only what concerns the versions asked for: a page belongs to its version, a REST page
    to the newest one, which it mirrors."""
    version_of = {page.path: page.version for page in docs.pages if page.version}
    newest = docs.newest_version
    version_of.update((page.path, newest) for page in docs.rest_pages)
    kept = []
    for diagnostic in found:
        version = version_of.get(diagnostic.path)
        if version is None and re.fullmatch(r"[A-Za-z]+\d+", diagnostic.path):
            version = diagnostic.path  # a diagnostic about a whole version (B009)
        if version is None or version in wanted:
            kept.append(diagnostic)
    return kept


# -- selection -------------------------------------------------------------------------------


class UsageError(Exception):
    """Bad command line input; the message says which."""


def parse_codes(values: Sequence[str] | None, option: str) -> tuple[str, ...]:
    """``["X,L001", "B"]`` -> ``("X", "L001", "B")``, each a known code or prefix of one."""
    items: list[str] = []
    for value in values or ():
        items.extend(item.strip().upper() for item in value.split(",") if item.strip())
    for item in items:
        if not any(code.startswith(item) for code in CODES):
            close = difflib.get_close_matches(item, list(CODES), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UsageError(f"{option}: {item!r} is not a lint code or a prefix of one{hint}")
    return tuple(items)


def is_selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """The longest matching prefix decides; a tie goes to ``ignore``. No ``select`` selects
    everything, at the weakest specificity."""
    chosen = max((len(p) for p in select if code.startswith(p)), default=-1) if select else 0
    dropped = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return chosen >= 0 and chosen > dropped


def select_diagnostics(
    found: Iterable[Diagnostic], select: Sequence[str], ignore: Sequence[str]
) -> list[Diagnostic]:
    return [d for d in found if is_selected(d.code, select, ignore)]


# -- output ----------------------------------------------------------------------------------


def counts_by_code(found: Iterable[Diagnostic]) -> dict[str, int]:
    return dict(sorted(Counter(d.code for d in found).items()))


def shown_path(diagnostic: Diagnostic, docs_shown: str) -> str:
    """The diagnostic's file as the user can open it: joined to the docs folder as shown."""
    path = diagnostic.path
    if path and not os.path.isabs(path):
        return Path(docs_shown, path).as_posix()
    return path


def write_text(found: Sequence[Diagnostic], docs_shown: str, stream: TextIO) -> None:
    """``path:line: severity CODE: message`` lines, sorted, then the count of each code."""
    for d in found:
        print(
            f"{shown_path(d, docs_shown)}:{d.line}: {d.severity} {d.code}: {d.message}", file=stream
        )
    counts = counts_by_code(found)
    if not counts:
        print("No diagnostics.", file=stream)
        return
    severities = Counter(d.severity for d in found)
    print(
        f"\n{len(found)} diagnostics: {severities['error']} errors, "
        f"{severities['warning']} warnings, {severities['info']} info. By code:",
        file=stream,
    )
    width = len(str(max(counts.values())))
    for code, count in counts.items():
        info = CODES.get(code)
        meaning = f"  {info.severity:<12}  {info.meaning}" if info else ""
        print(f"  {code}  {count:>{width}}{meaning}", file=stream)


def write_json(found: Sequence[Diagnostic], docs_shown: str, stream: TextIO) -> None:
    """One JSON object: the diagnostics as a list of objects, the counts by code and by
    severity."""
    document = {
        "diagnostics": [
            {
                "path": shown_path(d, docs_shown),
                "line": d.line,
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
            }
            for d in found
        ],
        "counts": counts_by_code(found),
        "severities": {
            s: sum(1 for d in found if d.severity == s) for s in ("error", "warning", "info")
        },
    }
    json.dump(document, stream, indent=1)
    stream.write("\n")


def explain(code: str) -> str:
    info = CODES.get(code.strip().upper())
    if info is None:
        close = difflib.get_close_matches(code.strip().upper(), list(CODES), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UsageError(f"--explain: unknown code {code!r}{hint}")
    return f"{info.code} ({info.severity}): {info.meaning}"


# -- the command -----------------------------------------------------------------------------

DESCRIPTION = """\
Report everything the docs get wrong or leave unclear: the page readers' and the builder's
diagnostics, example envelopes that disagree with their WSDL, WebAPI pages that disagree with
their SOAP operation. Settings (docs, versions) come from [tool.codegen] of the nearest
pyproject.toml; options override them."""

EPILOG = """\
exit codes:
  0    no warning or error after selection (info diagnostics do not count)
  1    some warnings or errors (0 with --exit-zero)
  2    bad usage, or a docs folder without SOAP pages

examples:
  codegen lint --ignore L00          hide the known artefacts of the docs' examples
  codegen lint --select L02 --format json
  codegen lint --explain L005
"""


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``lint`` with the command line's subcommands."""
    summary = "report what the docs get wrong or leave unclear"
    parser = add_docs_command(commands, "lint", summary, DESCRIPTION, EPILOG)
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these codes or prefixes (comma-separated)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="not these codes or prefixes (comma-separated)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when warnings or errors are found"
    )
    parser.add_argument("--explain", metavar="CODE", help="print what a code means and exit")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, *_: object) -> int:
    """The ``lint`` command: arguments in, exit code out; the report on stdout."""
    try:
        if args.explain is not None:
            print(explain(args.explain))
            return EXIT_CLEAN
        select = parse_codes(args.select, "--select")
        ignore = parse_codes(args.ignore, "--ignore")
        settings = docs_settings(args)
        docs = read_docs(settings.docs, settings.versions, settings.wsdl, settings.limits, settings.follow_links_to)
    except (UsageError, ConfigError, DocsError) as error:
        print(f"codegen lint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    found = select_diagnostics(lint(docs), select, ignore)
    docs_shown = shown_folder(settings.docs, Path.cwd())
    if args.format == "json":
        write_json(found, docs_shown, sys.stdout)
    else:
        write_text(found, docs_shown, sys.stdout)
    if args.exit_zero or not any(d.severity in ("error", "warning") for d in found):
        return EXIT_CLEAN
    return EXIT_FINDINGS


__all__ = [
    "CODES",
    "CodeInfo",
    "UsageError",
    "add_parser",
    "counts_by_code",
    "explain",
    "is_selected",
    "lint",
    "parse_codes",
    "run",
    "select_diagnostics",
    "write_json",
    "write_text",
]
