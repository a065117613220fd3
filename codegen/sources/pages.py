"""Read one page of the docs: what kind of page it is, who it belongs to, and what it says.

No interpretation of the XML inside: the fenced blocks are handed on as text (with the file
line of their first content line) to ``codegen.sources.wsdl`` and ``codegen.sources.examples``.
REST pages are identified here; their tables are read by ``codegen.sources.rest``.

Pages are known by their content, never by their path or file name: users keep their copy
of the docs in any folder layout under any file names (``.md`` and ``.mdx`` alike). The signals,
strongest first:

- the endpoint marker ``**Remote/Services88/ErpSync.svc**`` of SOAP operation and service
  pages, and the ``POST /api/v1/Agents/<Agent>/<Method>`` line of REST pages;
- the front matter ``title`` (``Services88.ErpSyncAgent.SaveConnection SOAP``,
  ``Services88.ErpSyncAgent SOAP``, ``Services88.ErpSyncAgent WSDL``,
  ``POST Agents/ErpSync/SaveConnection``);
- the H1 (``# Services88 ErpSync SaveConnection``, with or without a trailing `` SOAP``);
- the ``<see cref="M:SuperOffice.Services88.IErpSyncAgent.SaveConnection">`` line (today's site:
  ``Implemented by the `SuperOffice.Services88.IErpSyncAgent.SaveConnection` method.``), the
  ``## SaveConnection Request`` headings, the ``uid`` (also lowercase, or ``id``).

MDX (today's site, Mintlify): component tags such as ``<Note>`` and ``</Note>`` are dropped and
what they hold is read as markdown; top-level ``import``/``export`` statements, ``{/* comments */}``
and self-closing components (``<WebapiIntro />``, whose content is elsewhere) are skipped with an
info diagnostic. Nothing of it is run; what is not a complete tag stays text.

Where two signals disagree the stronger one wins and the disagreement is reported.

Page kinds: ``soap-operation``, ``soap-wsdl``, ``soap-service``, ``soap-version-index``,
``rest-endpoint``, ``rest-index``, ``toc`` (a table-of-contents YAML file) and ``other``.

Diagnostic codes (severity in brackets):

- P001 [error] the file could not be read.
- P002 [warning] the file is not valid UTF-8; it was decoded with replacement characters.
- P003 [warning] the file is empty.
- P004 [error] the front matter has no closing ``---`` line.
- P005 [warning] a front matter line is not ``key: value``.
- P006 [warning] a front matter key this reader does not know.
- P007 [warning] a front matter key given twice (the first value is used).
- P010 [error] the page looks like a SOAP page, but its version or service cannot be told.
- P011 [error] a SOAP operation page whose operation name cannot be told.
- P012 [warning] two identity signals disagree (the stronger one is used).
- P013 [error] a fenced block is not closed.
- P014 [error] a SOAP operation page without a request example.
- P015 [error] a SOAP operation page without a response example.
- P016 [warning] a request or response example found without its heading (by root element
  name or by order).
- P017 [error] a WSDL page without a fenced WSDL document.
- P018 [info] MDX that is not read: an import or export statement, a comment, a self-closing
  component.
- P019 [info] a front matter ``date`` that is not one day (``12.02.2021``: day or month
  first?); the page's ``published`` stays empty.

Bad input never raises out of :func:`read_page` or :func:`read_text`: it becomes a diagnostic.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import FunctionType
from typing import Literal, TypeAlias

from markdown_it import MarkdownIt
from markdown_it.rules_block.table import table as _stock_table
from markdown_it.rules_core.block import block as _stock_block
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from ..model import Diagnostic, Severity
from .examples import check_example
from .mdx import without_mdx
from .walk import discover_files

PageKind: TypeAlias = Literal[
    "soap-operation",
    "soap-wsdl",
    "soap-service",
    "soap-version-index",
    "rest-endpoint",
    "rest-index",
    "toc",
    "other",
]

SOAP_KINDS: tuple[PageKind, ...] = ("soap-operation", "soap-wsdl", "soap-service")


@dataclass(frozen=True)
class Fence:
    """A fenced code block. ``line`` is the 1-based file line of its first content line."""

    info: str  # the info string as written, stripped: "xml", "http!", ""
    text: str
    line: int


@dataclass(frozen=True)
class Block:
    """One top-level markdown block, keeping the raw markdown of its inline parts."""

    kind: Literal["heading", "paragraph", "list", "fence", "table", "html", "code"]
    line: int  # 1-based first line in the file
    text: str = ""  # heading / paragraph source, fence / html / code content
    level: int = 0  # heading level
    info: str = ""  # fence info string
    items: tuple[str, ...] = ()  # list items, each as its inline source
    rows: tuple[tuple[str, ...], ...] = ()  # table rows, the header row first
    row_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Document:
    """A page split into front matter and markdown blocks, before any identification."""

    path: str
    text: str  # newline-normalised, without a byte order mark
    front_matter: tuple[tuple[str, str], ...]
    front_matter_lines: tuple[int, ...]  # the file line of each front matter pair
    blocks: tuple[Block, ...]
    fences: tuple[Fence, ...]  # every fenced block, nested ones included, in file order
    diagnostics: tuple[Diagnostic, ...]

    def meta(self, key: str) -> str:
        """The first front matter value of ``key``, compared case-insensitively."""
        return self._meta(key)[0]

    def meta_line(self, key: str) -> int:
        """The file line of the front matter key ``key`` (1 when it is absent)."""
        return self._meta(key)[1]

    def _meta(self, key: str) -> tuple[str, int]:
        wanted = key.lower()
        for (name, value), line in zip(self.front_matter, self.front_matter_lines):
            if name.lower() == wanted:
                return value, line
        return "", 1

    def h1(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "heading" and b.level == 1), None)


@dataclass(frozen=True)
class Page:
    """What one page says. Fields a kind of page does not have stay empty."""

    path: str  # as given: relative to the docs root, POSIX
    kind: PageKind
    version: str = ""  # "Services88"
    service: str = ""  # "ErpSync"; the agent of a REST page
    operation: str = ""  # "SaveConnection"; the method of a REST page
    endpoint: str = ""  # "Remote/Services88/ErpSync.svc"; "/api/v1/Agents/ErpSync/SaveConnection"
    endpoint_line: int = 0
    front_matter: tuple[tuple[str, str], ...] = ()
    title: str = ""
    uid: str = ""  # ``uid``, or ``id`` where a page has that instead
    h1: str = ""
    h1_line: int = 0
    description: str = ""  # clean docstring text
    description_line: int = 0  # the first line of the description (or of its section)
    online_restricted: str = ""
    parameters: tuple[tuple[str, str], ...] = ()  # (name as written, clean text)
    returns: str = ""
    operations_listed: tuple[str, ...] = ()  # a service page's list of operation links
    fences: tuple[Fence, ...] = ()
    request: Fence | None = None  # the example request envelope of an operation page
    response: Fence | None = None  # the example response envelope of an operation page
    wsdl: Fence | None = None  # the WSDL document of a WSDL page
    # when the source says it was published, ISO 8601 ("2026-07-10T03:20:10"); "" when it does
    # not say (a WSDL file's date inside wsdl.zip; a page's front matter date)
    published: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()


# ---------------------------------------------------------------------------------------
# Entry points


PAGE_SUFFIXES = (".md", ".mdx", ".yml")


def discover(root: Path) -> list[Path]:
    """Every page file (``*.md``, ``*.mdx``, ``*.yml``) below ``root``, sorted by relative POSIX
    path.

    Follows symbolic links that lead inside ``root`` (see :func:`walk`), and enters each real
    folder once, so that a link loop ends. Hidden folders (``.git``, ``.vscode``) are skipped.
    """
    return [Path(full) for relative, full, _ in discover_files(root) if relative.lower().endswith(PAGE_SUFFIXES)]


def read_page(path: Path, root: Path) -> Page:
    """Read and identify the page at ``path``; ``root`` is the docs folder it lives in."""
    return read_document(path, root)[0]


def read_document(path: Path, root: Path) -> tuple[Page, Document | None]:
    """Like :func:`read_page`, with the parsed document for readers of a particular kind of
    page (None where the file is unreadable or empty)."""
    relative, text, problems = read_source(path, root)
    if text is None:
        return Page(relative, "other", diagnostics=problems), None
    if not text.strip():
        return _read(text, relative, problems), None
    doc = parse_document(text, relative)
    return identify(doc, problems), doc


def read_source(path: Path, root: Path) -> tuple[str, str | None, tuple[Diagnostic, ...]]:
    """The page's path relative to ``root`` (POSIX), its text (None when it cannot be
    read: P001) and the diagnostics of reading and decoding it."""
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
        return relative, None, (_diag(relative, 1, "P001", "error", message),)
    text, problems = decode(data, relative)
    return relative, text, problems


def read_text(text: str, path: str, problems: tuple[Diagnostic, ...] = ()) -> Page:
    """Identify a page given as text; ``path`` is only used to name it in diagnostics;
    ``problems``: those of decoding it, which lead its diagnostics."""
    return _read(text, path, problems)


def decode(data: bytes, path: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """The page's text. Bytes that are not UTF-8 become U+FFFD and a P002 diagnostic."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start});"
            " decoded with replacement characters"
        )
        return data.decode("utf-8", "replace"), (_diag(path, line, "P002", "warning", message),)


# ---------------------------------------------------------------------------------------
# Markdown structure

# The readers take the raw markdown of inline parts (clean_text does the rest), so markdown-it's
# inline parse, a seventh of reading a page, is not run.
_MARKDOWN = MarkdownIt("commonmark").enable("table").disable("inline")
# MDX has no indented code blocks: text indented inside a component is still markdown
_MARKDOWN_MDX = MarkdownIt("commonmark").enable("table").disable(["inline", "code"])


def _split_cells(row: str) -> list[str]:
    """markdown-it's ``escapedSplit`` (a row's cells, where a pipe after a backslash belongs to
    its cell, the backslash dropped), with str.split instead of a loop over every character:
    the WebAPI pages' tables made that loop a fifth of reading them."""
    pieces = row.split("|")
    if "\\|" not in row:
        return pieces
    cells: list[str] = []
    cell = ""
    for piece in pieces[:-1]:
        if piece.endswith("\\"):
            cell += piece[:-1] + "|"
        else:
            cells.append(cell + piece)
            cell = ""
    cells.append(cell + pieces[-1])
    return cells


# markdown-it's own table rule, reading the names it calls from a copy of its module's names
# in which escapedSplit is the one above: the rule stays the library's, for these parsers only
for _parser in (_MARKDOWN, _MARKDOWN_MDX):
    _parser.block.ruler.at(
        "table",
        FunctionType(_stock_table.__code__, {**_stock_table.__globals__, "escapedSplit": _split_cells}, "table"),
        {"alt": ["paragraph", "reference"]},  # as markdown-it registers it: a table ends a paragraph
    )



class TooManyTokens(Exception):
    """A page whose markdown makes more tokens than :func:`parse_document` was allowed."""


class _Budget(list[Token]):
    """markdown-it's list of block tokens, refusing to grow past a limit: a token costs about
    half a KB, and two bytes of a table row (``|a``) make three."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def append(self, token: Token) -> None:
        if len(self) >= self.limit:
            raise TooManyTokens(self.limit)
        super().append(token)


_BUDGET = "codegen token budget"  # the key of env that holds it


def _budgeted_block(state: StateCore) -> None:
    """markdown-it's block rule, into a :class:`_Budget` where the env names one (the block
    parser adds every block token with ``append``)."""
    limit = state.env.get(_BUDGET)
    if isinstance(limit, int) and limit > 0 and not state.inlineMode:
        state.tokens = _Budget(limit)
    _stock_block(state)


for _parser in (_MARKDOWN, _MARKDOWN_MDX):
    _parser.core.ruler.at("block", _budgeted_block)

_KNOWN_KEYS = frozenset(
    """title uid id generated description author keywords content_type tocexclude
    so.date so.topic so.envir so.client so.version so.category so.product
    ms.date ms.topic ms.author redirect_url redirect_from language platform date
    sidebartitle layout toc_title
    mode version audience audience_tooltip""".split()  # the last line: keys of today's site
)
_FM_LINE = re.compile(r"^([A-Za-z_][\w.\-]*)[ \t]*:(.*)$")


def parse_document(text: str, path: str, max_tokens: int = 0) -> Document:
    """Split a page into front matter and top-level markdown blocks, with file lines. With
    ``max_tokens``, a page whose markdown makes more tokens raises :class:`TooManyTokens`
    before it costs more."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    pairs, pair_lines, body_start, problems = _read_front_matter(lines, path)
    # Blank out the front matter so that markdown line numbers stay file line numbers.
    body = "\n" * body_start + "\n".join(lines[body_start:])
    regions = _fence_bodies(body)
    env: dict[str, object] = {_BUDGET: max_tokens}
    tokens = _parse_markdown(body, regions, env)
    mdx_body, mdx_problems = without_mdx(body, tokens, regions, path)
    if mdx_body is not None:  # the same lines, the components' markdown now markdown
        tokens = _MARKDOWN_MDX.parse(mdx_body, {**env})
    blocks = tuple(_blocks(tokens))
    fences, fence_problems = _fences(tokens, lines, path)
    diagnostics = problems + mdx_problems + fence_problems
    return Document(path, text, pairs, pair_lines, blocks, fences, diagnostics)


def _parse_markdown(
    body: str, regions: list[tuple[int, int, int]] | None = None, env: dict[str, object] | None = None
) -> list[Token]:
    """markdown-it's tokens of ``body``, with the same lines, parsed without the contents of
    its top-level fences, which are then put back into their tokens. The fences (example
    envelopes and WSDLs) are most of the docs' lines, and markdown-it spends a third of its
    time walking them line by line although it keeps them verbatim. Where markdown-it does
    not see a removed region as one fence of its own (a fence in an HTML block, say), the
    page is parsed as it is. ``regions``: ``_fence_bodies(body)`` where the caller has it."""
    regions = _fence_bodies(body) if regions is None else regions
    if not regions:
        return _MARKDOWN.parse(body, {**(env or {})})
    pieces: list[str] = []
    position = 0
    openers: list[int] = []  # each fence's opening line in the text without the contents
    removed = [0]  # the lines removed before each fence, and in all
    for first, start, end in regions:
        pieces.append(body[position:start])
        position = end
        openers.append(first - removed[-1])
        removed.append(removed[-1] + body.count("\n", start, end))
    pieces.append(body[position:])
    tokens = _MARKDOWN.parse("".join(pieces), {**(env or {})})
    fences = {t.map[0]: t for t in tokens if t.type == "fence" and t.level == 0 and t.map}
    found = [fences[line] for line in openers if line in fences and fences[line].map == [line, line + 2]]
    if len(found) < len(openers):
        return _MARKDOWN.parse(body, {**(env or {})})
    for token in tokens:
        if token.map:
            # a line after the n-th opener had the contents of the first n fences before it
            token.map = [line + removed[bisect_left(openers, line)] for line in token.map]
    for fence, (_, start, end) in zip(found, regions):
        # a fence opened at the margin keeps its lines verbatim; NUL as markdown-it's normalize
        fence.content = body[start:end].replace("\0", "\ufffd")
    return tokens


def _fence_bodies(body: str) -> list[tuple[int, int, int]]:
    """(opening line, start and end offsets of the contents) of each fence that opens at the
    margin, is closed and is not empty, pairing fence lines as CommonMark does; indented
    openers are paired but not listed (markdown-it strips their indent from the contents)."""
    regions = []
    line = counted = 0  # the line number of the offset ``counted``
    marks = iter(_fence_marks(body))
    for begin, marker, end in marks:
        if marker[0] == "`" and "`" in body[begin + len(marker) : end]:
            continue  # not a fence: an info string cannot hold a backtick
        for closing, fence, closing_end in marks:
            if fence[0] == marker[0] and len(fence) >= len(marker) and not body[closing + len(fence) : closing_end].strip(" \t"):
                break
        else:
            break  # never closed: it runs to the end, which markdown-it handles well enough
        closing = body.rfind("\n", 0, closing) + 1  # the closing line's start
        if body[begin - 1 : begin] in ("", "\n") and closing > end + 1:
            line += body.count("\n", counted, begin)
            regions.append((line, end + 1, closing))
            line, counted = line + body.count("\n", begin, closing), closing
    return regions


def _fence_marks(body: str) -> list[tuple[int, str, int]]:
    """(offset, run, end of line) of each run of three or more backticks or tildes that
    starts a line after up to three spaces, in order: the lines that may open or close a
    fence. Found with str.find, many times faster here than a regex anchored at lines."""
    found = []
    for mark in ("```", "~~~"):
        offset = body.find(mark)
        while offset >= 0:
            begin = body.rfind("\n", max(offset - 4, 0), offset) + 1
            if (begin > 0 or offset < 4) and body[begin:offset] == " " * (offset - begin):
                run = offset + 3
                while body[run : run + 1] == mark[0]:
                    run += 1
                end = body.find("\n", run)
                end = len(body) if end < 0 else end
                found.append((offset, body[offset:run], end))
                offset = end
            else:
                offset += 3
            offset = body.find(mark, offset)
    found.sort()
    return found


def _read_front_matter(
    lines: Sequence[str], path: str
) -> tuple[tuple[tuple[str, str], ...], tuple[int, ...], int, tuple[Diagnostic, ...]]:
    """The ``key: value`` pairs between the leading ``---`` lines, their file lines, and
    the index of the body's first line."""
    if not lines or lines[0].strip() != "---":
        return (), (), 0, ()
    problems: list[Diagnostic] = []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.append(
            _diag(path, 1, "P004", "error", "the front matter is not closed by a '---' line")
        )
        # Recover what can be: the run of key: value lines after the opening line.
        end = 1
        while end < len(lines) and _FM_LINE.match(lines[end]):
            end += 1
        body_start = end
    else:
        body_start = end + 1
    pairs: list[tuple[str, str]] = []
    pair_lines: list[int] = []
    for index in range(1, end):
        line = lines[index]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _FM_LINE.match(line)
        if match is None:
            if pairs and (line[:1].isspace() or stripped.startswith("- ")):
                # A YAML continuation or list item: part of the previous value.
                key, value = pairs[-1]
                pairs[-1] = (key, f"{value} {stripped}".strip())
                continue
            message = f"front matter line is not 'key: value': {stripped!r}"
            problems.append(_diag(path, index + 1, "P005", "warning", message))
            continue
        key, value = match.group(1), _unquote(match.group(2).strip())
        if any(existing.lower() == key.lower() for existing, _ in pairs):
            message = f"front matter key {key!r} is given twice; the first value is used"
            problems.append(_diag(path, index + 1, "P007", "warning", message))
        elif key.lower() not in _KNOWN_KEYS:
            message = f"unknown front matter key {key!r}"
            problems.append(_diag(path, index + 1, "P006", "warning", message))
        pairs.append((key, value))
        pair_lines.append(index + 1)
    return tuple(pairs), tuple(pair_lines), body_start, tuple(problems)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def _blocks(tokens: Sequence[Token]) -> Iterable[Block]:
    """The top-level blocks; lists and tables keep their items and rows."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level != 0 or token.nesting == -1:
            index += 1
            continue
        kind = token.type
        if kind == "heading_open":
            yield Block(
                "heading", _line(token), tokens[index + 1].content, level=int(token.tag[1:])
            )
        elif kind == "paragraph_open":
            yield Block("paragraph", _line(token), tokens[index + 1].content)
        elif kind == "fence":
            yield Block("fence", _line(token), token.content, info=token.info.strip())
        elif kind == "code_block":
            yield Block("code", _line(token), token.content)
        elif kind == "html_block":
            yield Block("html", _line(token), token.content)
        elif kind in ("bullet_list_open", "ordered_list_open", "blockquote_open", "table_open"):
            close = _closing(tokens, index)
            inner = tokens[index + 1 : close]
            if kind == "table_open":
                rows, row_lines = _table_rows(inner)
                yield Block("table", _line(token), rows=rows, row_lines=row_lines)
            elif kind == "blockquote_open":
                text = "\n\n".join(t.content for t in inner if t.type == "inline")
                yield Block("paragraph", _line(token), text)
            else:
                yield Block("list", _line(token), items=tuple(_list_items(inner)))
            index = close
        index += 1


def _closing(tokens: Sequence[Token], start: int) -> int:
    """The index of the token that closes the one at ``start``."""
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _list_items(tokens: Sequence[Token]) -> Iterable[str]:
    level = min((t.level for t in tokens), default=0)
    parts: list[str] | None = None
    for token in tokens:
        if token.type == "list_item_open" and token.level == level:
            parts = []
        elif token.type == "list_item_close" and token.level == level and parts is not None:
            yield "\n".join(parts)
            parts = None
        elif token.type in ("inline", "fence", "code_block", "html_block") and parts is not None:
            parts.append(token.content.rstrip("\n"))


def _table_rows(
    tokens: Sequence[Token],
) -> tuple[tuple[tuple[str, ...], ...], tuple[int, ...]]:
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    cells: list[str] = []
    for token in tokens:
        if token.type == "tr_open":
            cells = []
            lines.append(_line(token))
        elif token.type == "inline":
            cells.append(token.content.strip())
        elif token.type == "tr_close":
            rows.append(tuple(cells))
    return tuple(rows), tuple(lines)


def _fences(
    tokens: Sequence[Token], lines: Sequence[str], path: str
) -> tuple[tuple[Fence, ...], tuple[Diagnostic, ...]]:
    """Every fenced block, and a P013 diagnostic for each one that is never closed."""
    fences: list[Fence] = []
    problems: list[Diagnostic] = []
    for token in _walk(tokens):
        if token.type != "fence" or not token.map:
            continue
        start, end = token.map
        fences.append(Fence(token.info.strip(), token.content, start + 2))
        closing = lines[end - 1].lstrip(" \t>").rstrip() if end - 1 > start else ""
        marker = token.markup
        if not (closing and set(closing) == {marker[0]} and len(closing) >= len(marker)):
            problems.append(
                _diag(
                    path,
                    start + 1,
                    "P013",
                    "error",
                    f"the fenced block opened here ({marker}{token.info.strip()}) is never closed",
                )
            )
    return tuple(fences), tuple(problems)


def _walk(tokens: Sequence[Token]) -> Iterable[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


# ---------------------------------------------------------------------------------------
# Clean docstring text


_SEE = re.compile(r"<(see|seealso)\b([^<>]*?)(?:/>|>(.*?)</\1\s*>)", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_NAME_REF = re.compile(
    r"<(?:paramref|typeparamref)\b[^<>]*?\bname\s*=\s*[\"']([^\"']*)[\"'][^<>]*/?>", re.IGNORECASE
)
_CODE = re.compile(r"<(c|code|tt)\b[^<>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"</?(?:para|p|br)\b[^<>]*>", re.IGNORECASE)
# Only the tags that doc comments and simple HTML use: text such as ``List<int>`` or
# ``<template variable>`` is content and stays.
_INLINE_TAG = re.compile(
    r"</?(?:b|i|u|em|strong|span|a|sup|sub|small|font|list|listheader|item|term|"
    r"description|summary|remarks|value|returns|example|note|ul|ol|li|div|"
    r"see|seealso|paramref|typeparamref|c|code|tt)\b[^<>]*>",  # the last: left unpaired
    re.IGNORECASE,
)
# Mintlify's components inside a line of text (those that start a line are gone already, see
# mdx.without_mdx): dropped, what they hold kept. Only these names: List<Contact> is content.
_MDX_INLINE = re.compile(
    r"</?(?:Accordion|AccordionGroup|Badge|Callout|Card|CardGroup|Check|CodeGroup|Columns|Danger|"
    r"Expandable|Frame|Icon|Info|Note|ParamField|ResponseField|Snippet|Step|Steps|Tab|Tabs|Tip|"
    r"Tooltip|Tree|Update|Warning)(?=[\s/>])(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>"
)
_BACKTICKS = re.compile(r"`+")
_KEPT = re.compile(r"\ue000(\d+)\ue001")  # a code span set aside by _keep_code_spans
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SPACE = re.compile(r"\s+")


def clean_text(markup: str) -> str:
    """Docs markup (markdown, doc-comment XML tags, HTML entities) as plain docstring text.

    ``<see cref="M:A.B.C">C</see>`` becomes its text (or ``C`` when empty); ``<para />``
    and ``<br/>`` break paragraphs; ``<c>x</c>`` becomes ```x```; ``<b>`` and friends are
    dropped; ``&amp;`` becomes ``&``; ``[text](url)`` becomes ``text``; ``**bold**`` becomes
    ``bold``. Paragraphs are separated by one blank line; inside a paragraph all whitespace
    is one space. No leading or trailing whitespace. A code span (```x```, where today's site
    has what the 2023 pages wrote as ``<see cref>``) keeps its backticks and its text as written:
    ```__init__``` stays. MDX components in the text (``<Tooltip tip="x">y</Tooltip>``) become
    what they hold.
    """
    text = _unescape(markup)
    kept: list[str] = []
    if "`" in text and "\ue000" not in text:
        text, kept = _keep_code_spans(text)
    # each rewrite only where the text has a character its pattern needs: most texts are
    # plain, and the rewrites were a tenth of reading the docs
    if "<" in text:
        text = _MDX_INLINE.sub("", text)
        text = _SEE.sub(_see_text, text)
        text = _NAME_REF.sub(lambda m: m.group(1), text)
        text = _CODE.sub(lambda m: f"`{_SPACE.sub(' ', m.group(2)).strip()}`", text)
        text = _BREAK.sub("\n\n", text)
        text = _INLINE_TAG.sub("", text)
    if "[" in text:
        text = _IMAGE.sub(lambda m: m.group(1), text)
        text = _LINK.sub(lambda m: m.group(1), text)
        text = _REFERENCE_LINK.sub(lambda m: m.group(1), text)
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: m.group(1), text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(lambda m: m.group(2), text)
        text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: m.group(1), text)
    paragraphs = (_SPACE.sub(" ", part).strip() for part in _PARAGRAPH_BREAK.split(text))
    cleaned = "\n\n".join(p for p in paragraphs if p)
    return _KEPT.sub(lambda m: kept[int(m.group(1))], cleaned) if kept else cleaned


def _keep_code_spans(text: str) -> tuple[str, list[str]]:
    """``text`` with each backtick code span replaced by a placeholder that no rewrite of
    clean_text touches, and the spans (whitespace made single spaces). Spans pair as in
    CommonMark: a run of backticks with the next run of the same length; each run is looked
    at once, whatever the text."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    pieces: list[str] = []
    kept: list[str] = []
    position = index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect_right(same, index)
        if later == len(same):
            index += 1  # never closed: literal backticks
            continue
        close = same[later]
        span = text[start : runs[close][1]]
        index = close + 1
        if _PARAGRAPH_BREAK.search(span):
            continue  # a span does not cross paragraphs
        pieces.append(text[position:start])
        pieces.append(f"\ue000{len(kept)}\ue001")
        kept.append(_SPACE.sub(" ", span))
        position = runs[close][1]
    pieces.append(text[position:])
    return "".join(pieces), kept


def _unescape(markup: str) -> str:
    """Entities as characters, first of all: the docs escape some of their own tags
    (``&lt;para/&gt;``) and escape some entities twice (``&amp;apos;``)."""
    text = html.unescape(markup)
    for _ in range(2):
        again = html.unescape(text)
        if again == text:
            break
        text = again
    return text


def _see_text(match: re.Match[str]) -> str:
    inner = match.group(3)
    if inner is not None and inner.strip():
        return inner
    attributes: dict[str, str] = {}
    for attribute in _ATTRIBUTE.finditer(match.group(2)):
        value = attribute.group(2) if attribute.group(2) is not None else attribute.group(3)
        attributes.setdefault(attribute.group(1).lower(), value)
    for name in ("cref", "href", "langword"):
        target = attributes.get(name, "")
        if target:
            if name == "cref":
                # "M:SuperOffice.X.Method(System.Int32)" -> "Method"
                target = target.split(":", 1)[-1].split("(", 1)[0]
                return target.rsplit(".", 1)[-1]
            return target
    return ""


def blocks_text(blocks: Iterable[Block]) -> str:
    """Blocks as docstring text: paragraphs cleaned, lists as ``- item`` lines, code
    indented by four spaces, blocks separated by a blank line."""
    parts: list[str] = []
    for block in blocks:
        if block.kind in ("paragraph", "heading", "html"):
            parts.append(clean_text(block.text))
        elif block.kind == "list":
            items = (clean_text(item).replace("\n\n", "\n  ") for item in block.items)
            parts.append("\n".join(f"- {item}" for item in items if item))
        elif block.kind in ("fence", "code"):
            code_lines = block.text.rstrip("\n").split("\n")
            while code_lines and not code_lines[0].strip():
                code_lines.pop(0)
            parts.append("\n".join(f"    {line}".rstrip() for line in code_lines))
        elif block.kind == "table":
            parts.append("\n".join(" | ".join(clean_text(c) for c in row) for row in block.rows))
    return "\n\n".join(part for part in parts if part.strip())


# ---------------------------------------------------------------------------------------
# Identification

_VERSION = r"(Services\d+)"
_NAME = r"([A-Za-z_]\w*)"
_TITLE_OPERATION = re.compile(rf"^{_VERSION}\.{_NAME}Agent\.{_NAME}(?:\s+SOAP)?$")
_TITLE_SERVICE = re.compile(rf"^{_VERSION}\.{_NAME}Agent\s+SOAP$")
_TITLE_WSDL = re.compile(rf"^{_VERSION}\.{_NAME}Agent\s+WSDL$")
_H1_OPERATION = re.compile(rf"^{_VERSION}\s+{_NAME}\s+{_NAME}(?:\s+SOAP)?$")
_H1_SERVICE = re.compile(rf"^{_VERSION}\s+{_NAME}\s+SOAP$")
_H1_WSDL = _TITLE_WSDL
_H1_VERSION_INDEX = re.compile(rf"^SOAP web services for {_VERSION}$", re.IGNORECASE)
_UID_OPERATION = re.compile(rf"^{_VERSION}-{_NAME}-{_NAME}$", re.IGNORECASE)
_UID_SERVICE = re.compile(rf"^{_VERSION}-{_NAME}(?:-soap)?$", re.IGNORECASE)
_UID_WSDL = re.compile(rf"^wsdl-{_VERSION}-{_NAME}$", re.IGNORECASE)
_MARKER = re.compile(rf"\bRemote/{_VERSION}/{_NAME}\.svc\b")
_CREF_METHOD = re.compile(rf"cref=[\"']M:SuperOffice\.{_VERSION}\.I{_NAME}Agent\.{_NAME}[\"'(]")
_CREF_INTERFACE = re.compile(rf"cref=[\"']T:SuperOffice\.{_VERSION}\.I{_NAME}Agent[\"']")
# today's site names them in backticks where the 2023 pages had the cref
_CODE_METHOD = re.compile(rf"Implemented by the\s+`SuperOffice\.{_VERSION}\.I{_NAME}Agent\.{_NAME}[`(]")
_CODE_INTERFACE = re.compile(rf"Handled by the\s+`SuperOffice\.{_VERSION}\.I{_NAME}Agent`")
_VERSION_LISTING = re.compile(rf"WSDL files for \*\*{_VERSION}\*\*")
_EXAMPLE_HEADING = re.compile(r"^(?:(\w+)\s+)?(Request|Response)$", re.IGNORECASE)
_REST_TITLE = re.compile(rf"^POST\s+(?:/api/v\d+/)?Agents/{_NAME}/{_NAME}$")
_REST_LINE = re.compile(
    rf"^[ \t]*POST[ \t]+(/api/v\d+/Agents/{_NAME}/{_NAME})[ \t]*$", re.MULTILINE
)
_REST_AGENT_TITLE = re.compile(rf"^{_NAME}_Agent$")
_REST_AGENT_FENCE = re.compile(r"^\s*/api/v\d+/\w+/Agent\s*$", re.MULTILINE)
_REST_LINK = re.compile(r"^\[POST Agents/\w+/\w+\]\(")
_TOC_LINE = re.compile(r"^(?:-\s+)?(?:name|href|items|uid|topicHref)\s*:")
_WSDL_DOCUMENT = re.compile(r"<(?:\w+:)?definitions\b[^>]*schemas\.xmlsoap\.org/wsdl/")
_ENVELOPE = re.compile(r"<(?:[\w.\-]+:)?Envelope\b")
_BODY_CHILD = re.compile(r"<(?:[\w.\-]+:)?Body\b[^>]*>\s*<(?:[\w.\-]+:)?([\w.\-]+)")


@dataclass(frozen=True)
class _Claim:
    """What one signal of a page says about whose page it is."""

    source: str  # named in diagnostics: "the title", "the H1", ...
    line: int
    version: str = ""
    service: str = ""
    operation: str = ""


def _read(text: str, path: str, problems: tuple[Diagnostic, ...]) -> Page:
    if not text.strip():
        empty = _diag(path, 1, "P003", "warning", "the file is empty")
        return Page(path, "other", diagnostics=problems + (empty,))
    return identify(parse_document(text, path), problems)


def identify(doc: Document, problems: tuple[Diagnostic, ...] = ()) -> Page:
    """The page a parsed document is; ``problems`` (from decoding) lead its diagnostics."""
    path = doc.path
    diagnostics = list(problems + doc.diagnostics)
    kind = _kind(doc)
    if kind == "rest-endpoint":
        page = _rest_page(doc, diagnostics)
    elif kind in SOAP_KINDS:
        page = _soap_page(doc, kind, diagnostics)
    elif kind == "soap-version-index":
        page = Page(path, kind, version=_version_of_index(doc))
    else:
        page = Page(path, kind)
        if kind == "other" and _looks_like_soap(doc):
            message = (
                "this looks like a SOAP page, but its kind, version and service cannot be told"
            )
            diagnostics.append(_diag(path, _h1_line(doc), "P010", "error", message))
    published, why = front_matter_date(doc.meta("date"))
    if why:
        diagnostics.append(_diag(path, doc.meta_line("date"), "P019", "info", why))
    h1 = doc.h1()
    return replace(
        page,
        published=published,
        front_matter=doc.front_matter,
        title=doc.meta("title"),
        uid=doc.meta("uid") or doc.meta("id"),
        h1=clean_text(h1.text) if h1 else "",
        h1_line=h1.line if h1 else 0,
        fences=doc.fences,
        diagnostics=tuple(diagnostics),
    )


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_DOTTED_DAY = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")


def front_matter_date(value: str) -> tuple[str, str]:
    """A front matter ``date`` as ISO 8601 (``2021-02-12``) and "", or "" and why not.

    ISO dates are read as they are. ``05.23.2025`` or ``23.05.2025`` is read where only one of
    month first and day first is a date: today's site writes month first (05.23.2025,
    11.19.2021) but nothing says it always does, so ``12.02.2021`` is not read. An empty
    value gives ("", "")."""
    text = value.strip()
    if not text:
        return "", ""
    no_day = f"the front matter date {value!r} is no day of the calendar"
    iso = _ISO_DAY.fullmatch(text)
    if iso:
        day = _iso_day(int(iso[1]), int(iso[2]), int(iso[3]))
        return (day, "") if day else ("", no_day)
    dotted = _DOTTED_DAY.fullmatch(text)
    if dotted is None:
        return "", f"the front matter date {value!r} is not a date this reader knows (2021-02-12, 05.23.2025)"
    first, second, year = int(dotted[1]), int(dotted[3]), int(dotted[4])
    month_first, day_first = _iso_day(year, first, second), _iso_day(year, second, first)
    if month_first and day_first and month_first != day_first:
        why = f"may be {month_first} (month first) or {day_first} (day first)"
        return "", f"the front matter date {value!r} {why}; the page's date is left empty"
    if month_first or day_first:
        return month_first or day_first, ""
    return "", no_day


def _iso_day(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _kind(doc: Document) -> PageKind:
    title = doc.meta("title")
    uid = doc.meta("uid") or doc.meta("id")
    h1_text = _h1_text(doc)
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    if not doc.front_matter and _is_toc(doc.text):
        return "toc"
    if _REST_TITLE.match(title) or _REST_TITLE.match(h1_text):
        return "rest-endpoint"
    if (
        _REST_AGENT_TITLE.match(title)
        or "agent api" in h1_text.lower()
        or any(b.kind == "fence" and "/api/v" in b.text and _REST_AGENT_FENCE.search(b.text) for b in doc.blocks)
        or any(b.kind == "list" and all(_REST_LINK.match(i) for i in b.items) for b in doc.blocks)
    ):
        return "rest-index"
    # today's overview pages (content_type: concept) quote endpoint lines as examples
    if _rest_line(doc) and doc.meta("content_type").lower() in ("", "reference"):
        return "rest-endpoint"
    if (
        _TITLE_WSDL.match(title)
        or _UID_WSDL.match(uid)
        or _H1_WSDL.match(h1_text)
        or any(_is_wsdl(f.text) for f in doc.fences)
    ):
        return "soap-wsdl"
    if (
        _TITLE_OPERATION.match(title)
        or (not title and _H1_OPERATION.match(h1_text) and not _H1_SERVICE.match(h1_text))
        or any(_CREF_METHOD.search(p) or _CODE_METHOD.search(p) for p in paragraphs)
        or (_example_headings(doc) and any(_ENVELOPE.search(f.text) for f in doc.fences))
    ):
        return "soap-operation"
    if (
        _TITLE_SERVICE.match(title)
        or _H1_SERVICE.match(h1_text)
        or any(_CREF_INTERFACE.search(p) or _CODE_INTERFACE.search(p) for p in paragraphs)
    ):
        return "soap-service"
    if _H1_VERSION_INDEX.match(h1_text) or any(_VERSION_LISTING.search(p) for p in paragraphs):
        return "soap-version-index"
    return "other"


def _h1_text(doc: Document) -> str:
    h1 = doc.h1()
    return clean_text(h1.text) if h1 else ""


def _h1_line(doc: Document) -> int:
    h1 = doc.h1()
    return h1.line if h1 else 1


def _is_wsdl(text: str) -> bool:
    # the literal first: the pattern tries every "<" of the megabytes of example XML
    return "definitions" in text and _WSDL_DOCUMENT.search(text) is not None


def _is_toc(text: str) -> bool:
    lines = (line for line in text.split("\n") if line.strip() and not line.startswith("#"))
    return bool(_TOC_LINE.match(next(lines, "")))


def _looks_like_soap(doc: Document) -> bool:
    texts = [b.text for b in doc.blocks if b.kind in ("paragraph", "heading")]
    return any(_MARKER.search(t) for t in texts) or any(
        _ENVELOPE.search(f.text) for f in doc.fences
    )


def _rest_line(doc: Document) -> tuple[str, str, str, int] | None:
    """The first ``POST /api/v1/Agents/<Agent>/<Method>`` line: path, agent, method, line."""
    for block in doc.blocks:
        if block.kind == "fence" and block.info.rstrip("!_").lower() in ("http", ""):
            first = block.line + 1  # the fence's first content line
        elif block.kind == "paragraph":
            first = block.line
        else:
            continue
        match = _REST_LINE.search(block.text)
        if match:
            line = first + block.text.count("\n", 0, match.start())
            return match.group(1), match.group(2), match.group(3), line
    return None


def _rest_page(doc: Document, diagnostics: list[Diagnostic]) -> Page:
    claims: list[_Claim] = []
    found = _rest_line(doc)
    endpoint, line = "", 0
    if found:
        endpoint, agent, method, line = found
        claims.append(_Claim("the endpoint line", line, service=agent, operation=method))
    title = _REST_TITLE.match(doc.meta("title"))
    if title:
        claims.append(_Claim("the title", doc.meta_line("title"), "", *title.groups()))
    h1 = _REST_TITLE.match(_h1_text(doc))
    if h1:
        claims.append(_Claim("the H1", _h1_line(doc), "", *h1.groups()))
    service = _settle(claims, "service", doc.path, diagnostics)
    operation = _settle(claims, "operation", doc.path, diagnostics)
    return Page(
        doc.path,
        "rest-endpoint",
        service=service,
        operation=operation,
        endpoint=endpoint,
        endpoint_line=line,
    )


def _soap_claims(doc: Document, kind: PageKind) -> list[_Claim]:
    """Every identity signal of a SOAP page, strongest first."""
    claims: list[_Claim] = []
    marker = _marker(doc)
    if marker:
        endpoint, line = marker
        match = _MARKER.search(endpoint)
        if match:
            claims.append(_Claim("the endpoint marker", line, *match.groups()))
    title_pattern = {"soap-wsdl": _TITLE_WSDL, "soap-service": _TITLE_SERVICE}.get(
        kind, _TITLE_OPERATION
    )
    found = title_pattern.match(doc.meta("title"))
    if found:
        claims.append(_Claim("the title", doc.meta_line("title"), *found.groups()))
    h1_text = _h1_text(doc)
    if kind == "soap-wsdl":
        found = _H1_WSDL.match(h1_text)
    elif kind == "soap-service":
        found = _H1_SERVICE.match(h1_text)
    else:  # "# Services88 ErpSync SOAP" names a service, not an operation called SOAP
        found = None if _H1_SERVICE.match(h1_text) else _H1_OPERATION.match(h1_text)
    if found:
        claims.append(_Claim("the H1", _h1_line(doc), *found.groups()))
    cref_pattern = _CREF_METHOD if kind == "soap-operation" else _CREF_INTERFACE
    code_pattern = _CODE_METHOD if kind == "soap-operation" else _CODE_INTERFACE
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        found = cref_pattern.search(block.text)
        if found:
            claims.append(_Claim("the cref", block.line, *found.groups()))
            break
        found = code_pattern.search(block.text)
        if found:
            source = "the 'Implemented by' line" if kind == "soap-operation" else "the 'Handled by' line"
            claims.append(_Claim(source, block.line, *found.groups()))
            break
    if kind == "soap-operation":
        for operation, line, _ in _example_headings(doc):
            if operation:
                claims.append(_Claim("the example heading", line, operation=operation))
    uid_pattern = {"soap-wsdl": _UID_WSDL, "soap-service": _UID_SERVICE}.get(kind, _UID_OPERATION)
    uid_key = "uid" if doc.meta("uid") else "id"
    found = uid_pattern.match(doc.meta(uid_key))
    if found:
        # Uids are lowercase in the current docs: they confirm a name but cannot spell it.
        version, *names = found.groups()
        claims.append(
            _Claim(
                "the uid", doc.meta_line(uid_key), "Services" + version[len("services") :], *names
            )
        )
    return claims


def _marker(doc: Document) -> tuple[str, int] | None:
    """The ``Remote/Services88/ErpSync.svc`` endpoint named on the page, and its line."""
    for block in doc.blocks:
        if block.kind in ("paragraph", "heading"):
            match = _MARKER.search(block.text)
            if match:
                return match.group(0), block.line + block.text.count("\n", 0, match.start())
    return None


def _settle(
    claims: Sequence[_Claim],
    field: Literal["version", "service", "operation"],
    path: str,
    diagnostics: list[Diagnostic],
) -> str:
    """The value of the strongest claim; a P012 for each weaker claim that disagrees."""
    chosen: _Claim | None = None
    for claim in claims:
        value: str = getattr(claim, field)
        if not value:
            continue
        if chosen is None:
            chosen = claim
            continue
        expected: str = getattr(chosen, field)
        if value.lower() != expected.lower():
            message = (
                f"{claim.source} names the {field} {value!r}, but {chosen.source}"
                f" (line {chosen.line}) names {expected!r}; {expected!r} is used"
            )
            diagnostics.append(_diag(path, claim.line, "P012", "warning", message))
    value = getattr(chosen, field) if chosen else ""
    return str(value)


def _soap_page(doc: Document, kind: PageKind, diagnostics: list[Diagnostic]) -> Page:
    claims = _soap_claims(doc, kind)
    version = _settle(claims, "version", doc.path, diagnostics)
    service = _settle(claims, "service", doc.path, diagnostics)
    operation = (
        _settle(claims, "operation", doc.path, diagnostics) if kind == "soap-operation" else ""
    )
    marker = _marker(doc)
    endpoint, endpoint_line = marker if marker else ("", 0)
    where = _h1_line(doc)
    if not version or not service:
        missing = " and ".join(n for n, v in (("version", version), ("service", service)) if not v)
        message = (
            f"this looks like a {kind} page, but its {missing} cannot be told from its"
            " endpoint marker, title, H1, cref or uid"
        )
        diagnostics.append(_diag(doc.path, where, "P010", "error", message))
    page = Page(
        doc.path,
        kind,
        version=version,
        service=service,
        operation=operation,
        endpoint=endpoint,
        endpoint_line=endpoint_line,
    )
    if kind == "soap-wsdl":
        wsdl = next((f for f in doc.fences if _is_wsdl(f.text)), None)
        if wsdl is None:
            message = "a WSDL page without a fenced WSDL document (<wsdl:definitions>)"
            diagnostics.append(_diag(doc.path, where, "P017", "error", message))
        return replace(page, wsdl=wsdl)
    if kind == "soap-service":
        section = _section_after(doc.blocks, _h1_line(doc) if doc.h1() else 0)
        notes = _notes(section)
        return replace(
            page,
            description=notes.description,
            description_line=notes.line,
            online_restricted=notes.online_restricted,
            operations_listed=notes.links,
        )
    if not operation:
        message = "a SOAP operation page whose operation name cannot be told"
        diagnostics.append(_diag(doc.path, where, "P011", "error", message))
    request, response = _examples(doc, operation, diagnostics)
    for fence in (request, response):
        if fence is not None:  # read here, once per page, so that every reader reports its problems
            diagnostics.extend(check_example(fence.text, doc.path, fence.line))
    heading = _operation_heading(doc.blocks, operation)
    notes = _notes(_section_after(doc.blocks, heading.line) if heading else [])
    return replace(
        page,
        request=request,
        response=response,
        description=notes.description,
        description_line=notes.line or (heading.line if heading else 0),
        online_restricted=notes.online_restricted,
        parameters=notes.parameters,
        returns=notes.returns,
    )


def _version_of_index(doc: Document) -> str:
    match = _H1_VERSION_INDEX.match(_h1_text(doc))
    if match:
        return "Services" + match.group(1)[len("services") :]
    for block in doc.blocks:
        found = _VERSION_LISTING.search(block.text) if block.kind == "paragraph" else None
        if found:
            return found.group(1)
    return ""


# ---------------------------------------------------------------------------------------
# Examples and notes of SOAP pages


def _example_direction(heading: str) -> tuple[str, str] | None:
    """``SaveConnection Request`` -> ("SaveConnection", "request");
    ``Response`` -> ("", "response"); any other heading -> None."""
    match = _EXAMPLE_HEADING.match(clean_text(heading))
    if match is None:
        return None
    return match.group(1) or "", match.group(2).lower()


def _example_headings(doc: Document) -> list[tuple[str, int, str]]:
    """Headings such as ``## SaveConnection Request``: (operation or "", line, direction)."""
    found: list[tuple[str, int, str]] = []
    for block in doc.blocks:
        direction = _example_direction(block.text) if block.kind == "heading" else None
        if direction and block.level >= 2:
            found.append((direction[0], block.line, direction[1]))
    return found


def _examples(
    doc: Document, operation: str, diagnostics: list[Diagnostic]
) -> tuple[Fence | None, Fence | None]:
    """The request and response envelopes: the first fence under ``## <Op> Request`` and
    ``## <Op> Response``; without those headings, by root element name, then by order."""
    by_line = {fence.line: fence for fence in doc.fences}
    chosen: dict[str, Fence] = {}
    direction = ""
    for block in doc.blocks:
        if block.kind == "heading":
            found = _example_direction(block.text)
            direction = found[1] if found else ""
        elif block.kind == "fence" and direction and direction not in chosen:
            fence = by_line.get(block.line + 1)
            if fence is not None:
                chosen[direction] = fence
    taken = [fence.line for fence in chosen.values()]
    loose = [f for f in doc.fences if f.line not in taken and _ENVELOPE.search(f.text)]
    heading = operation or "<Operation>"
    for direction in ("request", "response"):
        if direction in chosen:
            continue
        for fence in loose:
            child = _BODY_CHILD.search(fence.text)
            if child and child.group(1).endswith("Response") == (direction == "response"):
                chosen[direction] = fence
                loose.remove(fence)
                message = (
                    f"the {direction} example has no '## {heading} {direction.title()}'"
                    f" heading; recognised by its element <{child.group(1)}>"
                )
                diagnostics.append(_diag(doc.path, fence.line - 1, "P016", "warning", message))
                break
    for direction in ("request", "response"):
        if direction not in chosen and loose:
            fence = loose.pop(0)
            chosen[direction] = fence
            message = (
                f"the {direction} example has no '## {heading} {direction.title()}'"
                " heading; taken by its order on the page"
            )
            diagnostics.append(_diag(doc.path, fence.line - 1, "P016", "warning", message))
    for direction, code in (("request", "P014"), ("response", "P015")):
        if direction not in chosen:
            where = f"'## {heading} {direction.title()}'"
            message = f"no {direction} example (a fenced envelope under {where})"
            diagnostics.append(_diag(doc.path, _h1_line(doc), code, "error", message))
    return chosen.get("request"), chosen.get("response")


def _operation_heading(blocks: Sequence[Block], operation: str) -> Block | None:
    """The ``## <Operation>`` heading that the description follows."""
    headings = [b for b in blocks if b.kind == "heading" and b.level == 2]
    for block in headings:
        name = clean_text(block.text)
        name = name[: -len(" SOAP")] if name.endswith(" SOAP") else name
        if operation and name.lower() == operation.lower():
            return block
    return next((b for b in headings if not _example_direction(b.text)), None)


def _section_after(blocks: Sequence[Block], line: int) -> list[Block]:
    """The blocks after the heading at ``line`` up to the next heading of level 1 or 2."""
    section: list[Block] = []
    for block in blocks:
        if block.line <= line:
            continue
        if block.kind == "heading" and block.level <= 2:
            break
        section.append(block)
    return section


_BOILERPLATE = re.compile(
    r"^(?:\[WSDL file for|Download \[WSDL file|Obtain a ticket from|Application tokens must be"
    r"|SOAP request and response examples|Implemented by the|Handled by the"
    r"|Agent listing contains)",
    re.IGNORECASE,
)
_RETURNS = re.compile(r"^\*\*\s*Returns\s*:?\s*\*\*\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_PARAMETER = re.compile(r"^\*\*\s*([A-Za-z_]\w*)\s*:?\s*\*\*\s*:?\s*(.*)$", re.DOTALL)
_LINK_ITEM = re.compile(r"^\[([^\]]+)\]\([^)]*\)\s*$")
_RESTRICTED = re.compile(
    r"(?:<para\s*/?>\s*)?"
    r"(?:<b>\s*Online Restricted\s*:?\s*</b>|\*\*\s*Online Restricted\s*:?\s*\*\*)\s*:?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Notes:
    """What a description section says, cleaned."""

    description: str = ""
    line: int = 0  # the first line of the description
    online_restricted: str = ""
    parameters: tuple[tuple[str, str], ...] = ()
    returns: str = ""
    links: tuple[str, ...] = ()


def split_restricted(markup: str) -> tuple[str, str | None]:
    """Split ``text <para /><b>Online Restricted:</b> note`` into the text and the note
    (None when there is no Online Restricted note). Both parts are still markup."""
    text = _unescape(markup)
    match = _RESTRICTED.search(text)
    if match is None:
        return markup, None
    return text[: match.start()], text[match.end() :]


def _notes(blocks: Sequence[Block]) -> _Notes:
    """Sort a section into description, Online Restricted note, ``* **name:** text``
    parameter notes, ``**Returns:** text`` and a list of links, leaving out boilerplate."""
    description: list[Block] = []
    restricted: list[str] = []
    parameters: list[tuple[str, str]] = []
    returns: list[str] = []
    links: list[str] = []
    for block in blocks:
        if block.kind in ("paragraph", "html"):
            raw = block.text.strip()
            if _BOILERPLATE.match(raw):
                continue
            found = _RETURNS.match(raw)
            if found:
                returns.append(clean_text(found.group(1)))
                continue
            text, note = split_restricted(raw)
            if clean_text(text):
                description.append(replace(block, text=text))
            if note is not None:
                restricted.append(clean_text(note))
        elif block.kind == "list":
            notes = [_PARAMETER.match(item.strip()) for item in block.items]
            targets = [_LINK_ITEM.match(item.strip()) for item in block.items]
            if block.items and all(notes):
                parameters.extend((m.group(1), clean_text(m.group(2))) for m in notes if m)
            elif block.items and all(targets):
                links.extend(clean_text(m.group(1)) for m in targets if m)
            else:
                description.append(block)
        else:
            description.append(block)
    return _Notes(
        description=blocks_text(description),
        line=description[0].line if description else 0,
        online_restricted="\n\n".join(r for r in restricted if r),
        parameters=tuple(parameters),
        returns="\n\n".join(r for r in returns if r),
        links=tuple(links),
    )


def _diag(path: str, line: int, code: str, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(path, max(line, 1), code, severity, message)


__all__ = [
    "Block",
    "Document",
    "Fence",
    "Page",
    "PageKind",
    "SOAP_KINDS",
    "TooManyTokens",
    "blocks_text",
    "clean_text",
    "decode",
    "discover",
    "PAGE_SUFFIXES",
    "discover_files",
    "front_matter_date",
    "identify",
    "parse_document",
    "read_page",
    "read_source",
    "read_text",
    "split_restricted",
]
