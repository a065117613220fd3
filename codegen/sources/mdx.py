"""MDX, the markdown with JSX that today's site (Mintlify) is written in, read as markdown: the
component tags go and what they hold stays; import and export statements, comments and
self-closing components are not read (a P018 info each). Nothing of it is ever run."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from markdown_it.token import Token

from ..model import Diagnostic



# Where a line may hold MDX: a component tag (capitalised) or a fragment at its start, closing
# tags at its end, a comment, an import or export statement. Namespaced XML such as
# <SOAP-ENV:Body> and <ErpSync:Ticket> does not match. Each branch starts with a literal
# character, so that the regular expression engine skips to those characters at C speed.
_MDX_HINT = re.compile(
    r"\n[ \t]*(?P<tag></?(?:[A-Z][\w.]*(?=[\s/>])|>))"
    r"|<(?P<closers>/[A-Z][\w.]*[ \t]*>(?:[ \t]*</[A-Z][\w.]*[ \t]*>)*[ \t]*)(?=\n|\Z)"
    r"|\{(?P<comment>/\*)"
    r"|\n(?P<esm>import|export)\b"
)
# the statements MDX takes for ESM, not prose that starts with the word
_ESM = re.compile(
    r"import\s*(?:[\w$*{][^\n]*?\bfrom\s*)?[\"']|import\s*\{"
    r"|export\s+(?:const|let|var|function|async|class|default)\b|export\s*[{*]"
)
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\n|$)")
_JSX_NAME = re.compile(r"[A-Za-z_$][\w$.:\-]*")
# a name, with its ="string" (or = and then a {expression}, read by _braces_end)
_JSX_ATTRIBUTE = re.compile(r"""[A-Za-z_$:][\w$:.\-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|(?=\{)))?""")
_JSX_SPACE = re.compile(r"\s*")
_JSX_NEXT_TAG = re.compile(r"[ \t]*(?=</?(?:[A-Z]|>))")
_BRACE_TOKEN = re.compile(r"""[{}]|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`""")
_JSX_LIMIT = 2000  # characters: a longer "tag" is taken for text


def _jsx_tag(text: str, start: int) -> tuple[int, str, bool]:
    """The JSX tag at ``text[start]`` (a ``<``): (the offset after it, its name, whether it
    closes itself). Where it is no complete tag the offset is negative: minus the offset the
    search reached, so that a caller need not search that text again. A blank line or
    _JSX_LIMIT characters end the search."""
    limit = min(len(text), start + _JSX_LIMIT)
    at = start + 1
    closing = text.startswith("/", at)
    at += closing
    found = _JSX_NAME.match(text, at, limit)
    name = found.group(0) if found else ""
    at = found.end() if found else at
    while at < limit:
        space = _JSX_SPACE.match(text, at, limit)
        if space is not None:
            if space.group(0).count("\n") > 1:
                break  # a blank line
            at = space.end()
        if text.startswith(">", at):
            return at + 1, name, False
        if text.startswith("/>", at) and not closing:
            return at + 2, name, True
        if text.startswith("{", at) and not closing:
            at = _braces_end(text, at, limit)
            if at < 0:
                return -limit, name, False
            continue
        attribute = None if closing else _JSX_ATTRIBUTE.match(text, at, limit)
        if attribute is None:
            break
        at = attribute.end()
    return -max(at, start + 1), name, False


def _braces_end(text: str, start: int, limit: int) -> int:
    """The offset after the ``}`` that closes the ``{`` at ``start`` (strings skipped), or -1
    when it is not closed before ``limit``."""
    depth = 0
    for token in _BRACE_TOKEN.finditer(text, start, limit):
        if token.group(0) == "{":
            depth += 1
        elif token.group(0) == "}":
            depth -= 1
            if depth == 0:
                return token.end()
    return -1


def _within(ranges: Sequence[tuple[int, int]], line: int) -> bool:
    """Whether ``line`` is in one of the sorted, disjoint [start, end) ``ranges``."""
    index = bisect_left(ranges, (line + 1, -1)) - 1
    return index >= 0 and ranges[index][0] <= line < ranges[index][1]


_CLOSING_TAG = re.compile(r"</([A-Z][\w.:\-]*)?>")  # a fragment's name is ""


class _Walk:
    """What without_mdx asks of the text as it walks it forward, each answer found without
    going over the same text twice, so that no page, however hostile, costs more than its
    length: the backticks before an offset on its line, where a comment ends, whether a tag
    is closed later."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ticks_at = 0  # the backticks of the current line are counted up to here
        self._ticks = 0
        self._comment_end = 0  # the last "*/}" found, -1 when there is none after
        self._last_closing: dict[str, int] | None = None

    def in_code_span(self, start: int) -> bool:
        """Whether ``start`` (never less than in the call before) is inside a backtick code
        span of its line (an odd number of backticks before it): MDX takes code as it is."""
        newline = self.text.rfind("\n", self._ticks_at, start)
        if newline >= 0:
            self._ticks_at, self._ticks = newline + 1, 0
        self._ticks += self.text.count("`", self._ticks_at, start)
        self._ticks_at = start
        return self._ticks % 2 == 1

    def comment_end(self, start: int) -> int:
        """The offset of the first ``*/}`` after ``start``, or -1."""
        if 0 <= self._comment_end < start:
            self._comment_end = self.text.find("*/}", start)
        return self._comment_end

    def closed_after(self, name: str, offset: int) -> bool:
        """Whether a ``</name>`` follows ``offset``."""
        if self._last_closing is None:
            self._last_closing = {m.group(1) or "": m.start() for m in _CLOSING_TAG.finditer(self.text)}
        return self._last_closing.get(name, -1) >= offset


def without_mdx(
    body: str, tokens: Sequence[Token], regions: Sequence[tuple[int, int, int]], path: str
) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """``body`` with its MDX removed (line breaks kept, so that lines stay file lines) and a
    P018 for each part that is not read; (None, ()) where the page has no MDX outside code.

    Component tags go, what they hold stays. What is not a complete tag (``<Foo bar="``), or
    is never closed (``<Service> of the agent``), stays text. Hits inside fences are never
    MDX; hits inside markdown-it's indented code are MDX when the page has MDX elsewhere (MDX
    has no indented code). ``regions``: the page's ``_fence_bodies``."""
    text = "\n" + body  # every line after a newline, as _MDX_HINT wants; offsets one more
    # searched between the top-level fences only: they are most of the text, and a regular
    # expression tried over them made reading a page a sixth slower
    hits: list[re.Match[str]] = []
    position = 0
    for _, start, end in regions:
        hits.extend(_MDX_HINT.finditer(text, position, start + 1))
        position = end + 1
    hits.extend(_MDX_HINT.finditer(text, position))
    if not hits:
        return None, ()
    fences = sorted((t.map[0], t.map[1]) for t in tokens if t.type == "fence" and t.map)
    indented = sorted((t.map[0], t.map[1]) for t in tokens if t.type == "code_block" and t.map)
    cuts: list[tuple[int, int]] = []  # the spans of ``text`` removed
    notes: list[tuple[int, str]] = []  # (file line, message) of what is not read
    mdx = False  # some MDX outside indented code: the page is MDX
    done = counted = 0  # the offset looked at so far; ``line`` is the 0-based line of ``counted``
    line = -1
    walk = _Walk(text)
    for hit in hits:
        kind = hit.lastgroup
        start = hit.start(kind) if kind in ("tag", "esm") else hit.start()  # not the newline before
        if start < done:
            continue
        line += text.count("\n", counted, start)
        counted = start
        if _within(fences, line):
            continue
        before = len(cuts), len(notes)
        if kind == "comment":
            end = walk.comment_end(start + 3)
            if end < 0 or walk.in_code_span(start):
                continue  # not closed, or in code: text
            last = line + text.count("\n", start, end)
            if any(line < opener <= last for opener, _ in fences):
                continue  # a fence inside: text, the fence stays whole
            done = end + 3
            cuts.append((start, done))
            notes.append((line + 1, "an MDX comment {/* ... */} is not read"))
        elif kind == "esm":
            if text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip() or not _ESM.match(text, start):
                continue  # not at the start of a block, or prose
            blank = _BLANK_LINE.search(text, start)
            done = blank.start() if blank else len(text)
            last = line + text.count("\n", start, done)
            if any(line < opener <= last for opener, _ in fences):
                continue
            cuts.append((start, done))
            statement = text[start:done].split("\n", 1)[0][:80]
            notes.append((line + 1, f"an MDX {hit.group('esm')} statement is not read: {statement!r}"))
        elif kind == "closers":
            if walk.in_code_span(start):
                continue
            done = hit.end()
            cuts.append((start, done))
        else:  # a run of tags from the start of the line: <Note>, <Tabs><Tab title="a">
            first = at = start
            cut_end = first  # the end of the last complete tag
            while True:
                end, name, closes = _jsx_tag(text, at)
                if end < 0:
                    done = max(done, -end)
                    break
                if not closes and not text.startswith("</", at) and not walk.closed_after(name, end):
                    break  # never closed: "<Service> of the agent" is text, not MDX
                cut_end = done = end
                if closes:
                    message = f"the MDX component <{name} /> is not read: what it shows is not on the page"
                    notes.append((line + 1 + text.count("\n", first, at), message))
                following = _JSX_NEXT_TAG.match(text, end)
                if following is None:
                    break
                at = following.end()
            if cut_end > first:
                cuts.append((first, cut_end))
        if (len(cuts), len(notes)) != before and not _within(indented, line):
            mdx = True
    if not mdx:
        return None, ()
    pieces: list[str] = []
    position = 1  # without the newline put first
    for start, end in cuts:
        pieces.append(text[position:start])
        pieces.append("\n" * text.count("\n", start, end))
        position = end
    pieces.append(text[position:])
    problems = tuple(Diagnostic(path, max(where, 1), "P018", "info", message) for where, message in notes)
    return "".join(pieces), problems


__all__ = ["without_mdx"]
