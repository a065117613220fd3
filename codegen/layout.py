"""black's line breaking for the code the templates write, without running black.

black formats about 130 KB of our code per second and core; a full generation writes about
20 MB, which made black nearly all of a cold run. The templates already write black's style
(double quotes, spacing, blank lines); what they cannot know is where a long line must break.
This module breaks long lines the way black does, for the few shapes the templates produce:

- a ``def`` that is too long splits after its opening parenthesis (black's left-hand split);
- any other line splits at its last bracket pair (black's right-hand split), the body on its
  own line if it fits, otherwise one item per line with a trailing comma; collections and
  bodies that end in a magic trailing comma always go one item per line.

It answers None for anything else (comments inside brackets, operators between items, heads
or tails that do not fit, single-quoted strings black would rewrite...), and the caller runs
black on that file. tests/test_layout.py holds the result to black on every generated file.
"""

from __future__ import annotations

import re
from functools import lru_cache

import black
from black.mode import TargetVersion

LINE_LENGTH = 100  # the generated code's line length (black's setting too)
INDENT = "    "
_MODE = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310})

# A string literal, a comment, or one bracket: what changes the meaning of a character.
_TOKEN = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\\\n]*(?:\\.[^\'\\\n]*)*\'|#.*|[()\[\]{}]')
_OPENING = "([{"
_CLOSING = ")]}"
_SIMPLE_LINE = re.compile(r"[^'\"#()\[\]{}]*")  # no string, comment or bracket at all
# What may stand before an item's bracket: a name, dotted once at most, maybe a keyword.
_FROM_IMPORT = re.compile(r"from [\w.]+ import \w+(?: as \w+)?(?:, \w+(?: as \w+)?)*")
# An item that is one literal or name (maybe a keyword argument): black leaves it long.
_ATOM_ITEM = re.compile(r'(?:\w+=)?(?:\w+|"(?:[^"\\]|\\.)*"),?')
_COMMA_BEFORE_CLOSING = re.compile(r",\s*[)\]}]")  # what a magic trailing comma needs
_ITEM_HEAD = re.compile(r"(?:\w+=)?(?:(?:\*\*?)?\w+(?:\.\w+)?)?")


class _Unsupported(Exception):
    """A shape this module does not lay out; black will."""


def layout(text: str) -> str | None:
    """``text`` as black would format it, or None where that takes black itself."""
    try:
        return "".join(_layout(text))
    except _Unsupported:
        return None


def _layout(text: str) -> list[str]:
    out: list[str] = []
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        code = line.rstrip("\n")
        stripped = code.lstrip(" ")
        if code != code.rstrip() or "\t" in code:
            raise _Unsupported("trailing whitespace or tabs")
        if stripped.startswith('"""') or stripped.startswith('r"""'):
            index = _copy_docstring(lines, index - 1, out)
            continue
        if stripped.startswith("# "):
            out.append(line)  # a comment on its own line: black leaves it as it is
            continue
        if '"""' in stripped:
            raise _Unsupported("a multi-line string in code")
        indent = len(code) - len(stripped)
        if _SIMPLE_LINE.fullmatch(stripped):
            if len(code) <= LINE_LENGTH:
                out.append(line)
            elif _FROM_IMPORT.fullmatch(stripped):
                out.extend(_split_import(stripped, indent))
            else:
                raise _Unsupported("a long line without brackets")
            continue
        # a logical line: physical lines until its brackets close
        pieces = [stripped]
        depth = _depth_change(stripped)
        while depth > 0:
            if index >= len(lines):
                raise _Unsupported("unclosed bracket")
            more = lines[index].strip()
            index += 1
            if more.startswith("#") or '"""' in more:
                raise _Unsupported("a comment or multi-line string inside brackets")
            pieces.append(more)
            depth += _depth_change(more)
        if depth < 0:
            raise _Unsupported("unbalanced brackets")
        logical = _join(pieces)
        try:
            out.extend(_statement(logical, indent))
        except _Unsupported:
            if indent or logical.endswith(":"):
                raise  # black cannot parse a compound statement's header without its body
            # a top-level statement breaks the same alone as in its file: black it alone
            out.append(black.format_str(logical + "\n", mode=_MODE))
    return out


@lru_cache(maxsize=1 << 14)  # the same statements come back in the sync, async and stub files
def _statement(logical: str, indent: int) -> tuple[str, ...]:
    """One logical line at ``indent`` as black lays it out, as lines with their newlines."""
    return tuple(f"{result}\n" for result in _split(logical, indent, inside=False))


def _split_import(statement: str, indent: int) -> list[str]:
    """A long ``from x import a, b`` in parentheses, one name per line (black always
    explodes an import it must split)."""
    head, names = statement.split(" import ", 1)
    pad = INDENT * (indent // 4)
    if not _fits(f"{head} import (", indent):
        raise _Unsupported("an import whose module is too long")
    return [f"{pad}{head} import (\n", *(f"{pad}{INDENT}{name.strip()},\n" for name in names.split(",")), f"{pad})\n"]


def _copy_docstring(lines: list[str], start: int, out: list[str]) -> int:
    """Copy a docstring statement as it is (the templates write docstrings black's way)."""
    first = lines[start].strip()
    quote_at = first.index('"""')
    rest = first[quote_at + 3 :]
    out.append(lines[start])
    if '"""' in rest:
        if not rest.endswith('"""'):
            raise _Unsupported("code after a docstring")
        return start + 1
    index = start + 1
    while index < len(lines):
        out.append(lines[index])
        index += 1
        if '"""' in lines[index - 1]:
            if not lines[index - 1].rstrip("\n").endswith('"""'):
                raise _Unsupported("code after a docstring")
            return index
    raise _Unsupported("unterminated docstring")


def _depth_change(text: str) -> int:
    if '"' not in text and "'" not in text and "#" not in text:
        # brackets only (most lines): counted in C
        opened = text.count("(") + text.count("[") + text.count("{")
        return opened - text.count(")") - text.count("]") - text.count("}")
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _OPENING:
            depth += 1
        elif token in _CLOSING:
            depth -= 1
        elif token[0] == "#":
            raise _Unsupported("a comment after code")
        elif token[0] == "'" and '"' not in token:
            raise _Unsupported("a single-quoted string black would rewrite")
    return depth


def _join(pieces: list[str]) -> str:
    """The physical lines of one logical line as one line, spaced as black spaces them."""
    joined = pieces[0]
    for piece in pieces[1:]:
        if joined[-1] in _OPENING or piece[0] in _CLOSING:
            joined += piece
        else:
            joined += " " + piece
    return joined


def _brackets(text: str, *, nested: bool = False) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the bracket pairs of ``text``: the top-level ones in
    order, or with ``nested`` every pair."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _OPENING:
            stack.append(match.start())
        elif token in _CLOSING:
            opening = stack.pop()
            if nested or not stack:
                pairs.append((opening, match.start()))
    return pairs


def _has_magic(text: str) -> bool:
    """Whether a bracket anywhere in ``text`` ends with a magic trailing comma (black keeps
    such a bracket one item per line; a one-item tuple's comma is not magic)."""
    if not _COMMA_BEFORE_CLOSING.search(text):
        return False  # most lines: no comma right before a closing bracket, nothing to look at
    for opening, closing in _brackets(text, nested=True):
        items, trailing_comma = _items(text[opening + 1 : closing])
        if trailing_comma and not (text[opening] == "(" and len(items) == 1 and _is_literal(text[: opening + 1])):
            return True
    return False


def _items(body: str) -> tuple[list[str], bool]:
    """The comma-separated items at the top level of a bracket's body, and whether the body
    ends with a trailing comma."""
    cuts: list[int] = []
    depth = 0
    position = 0
    for match in _TOKEN.finditer(body):
        if depth == 0:
            cuts.extend(_commas(body, position, match.start()))
        token = match.group()
        if token in _OPENING:
            depth += 1
        elif token in _CLOSING:
            depth -= 1
        position = match.end()
    cuts.extend(_commas(body, position, len(body)))
    items: list[str] = []
    start = 0
    for cut in cuts:
        items.append(body[start:cut].strip())
        start = cut + 1
    tail = body[start:].strip()
    if tail:
        items.append(tail)
    if any(not item for item in items):
        raise _Unsupported("an empty item")
    return items, bool(cuts) and not tail


def _commas(text: str, start: int, end: int) -> list[int]:
    found = []
    comma = text.find(",", start, end)
    while comma >= 0:
        found.append(comma)
        comma = text.find(",", comma + 1, end)
    return found


def _fits(text: str, indent: int) -> bool:
    return indent + len(text) <= LINE_LENGTH


def _split(line: str, indent: int, *, inside: bool) -> list[str]:
    """One logical line at ``indent``, as black lays it out."""
    pad = INDENT * (indent // 4)
    if _fits(line, indent) and not _has_magic(line):
        return [pad + line]
    pairs = _brackets(line)
    if not pairs:
        if inside and _ATOM_ITEM.fullmatch(line):
            return [pad + line]  # a long string: nothing black could break
        raise _Unsupported("a long line without brackets")
    is_def = line.startswith(("def ", "async def "))
    opening, closing = pairs[0] if is_def else pairs[-1]
    head, body, tail = line[: opening + 1], line[opening + 1 : closing], line[closing:]
    if not body.strip():
        raise _Unsupported("an empty bracket to split")
    if not inside and not is_def and not _fits(head, indent) and tail == ")":
        target, equals, value = head.rpartition(" = ")
        if equals and _fits(target + " = (", indent) and not _brackets(value) and "=" not in value:
            # black's invisible parentheses around the value of an assignment become visible
            return [pad + target + " = (", *_split(value + line[opening + 1 :], indent + 4, inside=True), pad + ")"]
    if not _fits(head, indent) or not _fits(tail, indent):
        raise _Unsupported("a head or tail too long")
    if not is_def:
        if len(tail) > 2 or tail[1:] not in ("", ",", ":"):
            raise _Unsupported("code after the last bracket")
        if inside:
            _check_item_head(head)
    items, trailing_comma = _items(body)
    if is_def and len(items) == 1 and not trailing_comma:
        trailing_comma = True  # black gives a lone parameter a magic trailing comma
    collection = _is_literal(head)
    lines = [pad + head]
    explode = len(items) > 1 and (trailing_comma or collection)
    one_line = ", ".join(items) + ("," if trailing_comma else "")
    if not explode and _fits(one_line, indent + 4) and not any(_has_magic(item) for item in items):
        lines.append(pad + INDENT + one_line)
    elif len(items) == 1:
        lines.extend(_split(items[0] + ("," if trailing_comma else ""), indent + 4, inside=True))
    else:
        for item in items:
            lines.extend(_split(item + ",", indent + 4, inside=True))
    lines.append(pad + tail)
    return lines


def _is_literal(head: str) -> bool:
    """Whether the bracket that ends ``head`` opens a literal (a list, tuple, dict or set),
    which black always explodes one item per line, rather than a call or subscript."""
    before = head[:-1].rstrip()
    return not before or before[-1] in "=(,[{:" or before.endswith((" in", "return", " yield"))


def _check_item_head(head: str) -> None:
    """An item split at its bracket must be a plain call or subscript: black would split an
    item with operators or attribute chains at those instead."""
    if not _ITEM_HEAD.fullmatch(head[:-1]) and head[:-1]:
        raise _Unsupported(f"an item black may split elsewhere: {head!r}")


__all__ = ["LINE_LENGTH", "layout"]
