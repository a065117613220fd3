"""The only ways text from the docs reaches generated code: one function per kind of literal.

- ``docstring_literal``: a triple-quoted docstring (module, class, method, field, member);
- ``string_literal``: a string literal (names, namespaces, enum values, SOAPActions...).

No docs text goes into a comment. Both are lossless for any Unicode text, surrogates and
control characters included, after the cleaning ``docstring_literal`` documents (the tests
check it over arbitrary text: tests/test_literals.py). The generated files are formatted by
black or by codegen/layout.py, which keep these literals as they are written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from black.strings import normalize_string_quotes

from .layout import LINE_LENGTH

# What a docstring may not hold as itself: a backslash, a run of three quotes and a quote next
# to the delimiters (black pads those with a space), and every character that is not printable
# source or that str.splitlines(), and so black, takes for a line break.
_UNSAFE = re.compile(r'\\|"{3,}|\A"|"\Z|[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff]')


def clean_docstring_text(text: str) -> str:
    """The documented cleaning of a docstring's text: line ends as ``\n``; each line without
    trailing white space; the lines after the first without the spaces they all begin with
    (black takes those off); the whole without leading and trailing white space; and
    "Undocumented." for nothing. A docstring's value is this text, its lines after the first
    indented for their place in the code."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip(" \t\n\f\v").split("\n")
    lines = [line.rstrip(" \t\f\v") for line in lines]
    margins = [len(line) - len(line.lstrip(" ")) for line in lines[1:] if line]
    margin = min(margins, default=0)
    return "\n".join([lines[0], *(line[margin:] for line in lines[1:])]) or "Undocumented."


def _escaped(match: re.Match[str]) -> str:
    found = match.group(0)
    if found == "\\":
        return "\\\\"
    if found.startswith('"'):
        return "\\x22" * len(found)
    code = ord(found)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def docstring_literal(text: str, indent: int, *, attribute: bool = False) -> str:
    """A triple-quoted literal holding ``clean_docstring_text(text)``, indented for its place.

    black keeps a one-line docstring on one line however long it is, but leaves the string
    after a field or enum member (an ``attribute`` docstring) as written: there, the closing
    quotes go on a line of their own when the line would be too long."""
    lines = _UNSAFE.sub(_escaped, clean_docstring_text(text)).split("\n")
    if len(lines) == 1 and (not attribute or len(lines[0]) + indent + 6 <= LINE_LENGTH):
        return f'"""{lines[0]}"""'
    pad = " " * indent
    body = "\n".join(pad + line if line.strip() else "" for line in lines[1:])
    return f'"""{lines[0]}\n{body}\n{pad}"""' if len(lines) > 1 else f'"""{lines[0]}\n{pad}"""'


@lru_cache(maxsize=None)  # the same names and namespaces come back thousands of times
def string_literal(value: str) -> str:
    """``value`` as a Python string literal in black's quotes (double unless that takes more
    escapes), decided by black's own rule. ``repr`` escapes every character that is not
    printable, lone surrogates included, so any str is written losslessly."""
    return normalize_string_quotes(repr(value))


__all__ = ["clean_docstring_text", "docstring_literal", "string_literal"]
