"""Limits on what one file of the docs may hold, and the one bounded read of a file.

The docs folder is untrusted (pull requests to a public repository): every limit bounds what
one page may cost, so that no page can stop a run or take the machine's memory. A file over
a limit is reported with its file and line and left out; the rest generates. The defaults are
far above the real docs (both corpora, measured: the biggest file is a 3.7 MB OpenAPI spec,
the longest page 80,962 lines (a spec; markdown: 17,045), the most markdown
tokens 39,782, the most fenced blocks 21, the longest text 2,475
characters, the biggest enum 109 members, inheritance 1 level deep) and keep one process's
peak memory for a page at the limits under about 1 GB (README, "Limits on the docs").

Settings: ``[tool.codegen.limits]`` in pyproject.toml (``page-size = 4_000_000``) and
``--limit NAME=N`` on the command line (``codegen.config``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Limits:
    # bytes of one file (a page, a spec, a WSDL, a zip) and of one zip member uncompressed
    page_size: int = 8 << 20
    # lines of one markdown page or spec: markdown-it keeps five numbers a line, the spec
    # reader one; a page of newlines would otherwise cost 200 bytes a byte
    page_lines: int = 200_000
    # markdown-it's tokens of one page (about 550 bytes each, and a table row makes three a
    # cell): this, not the size, bounds the memory of parsing a page
    page_tokens: int = 200_000
    fences: int = 1_000  # fenced blocks of one markdown page
    text: int = 100_000  # characters of one text: a description, a parameter note, a title
    enum_members: int = 2_000  # members of one enumeration (a flags enum's values are 2**n)
    depth: int = 32  # levels of inheritance below a type that extends nothing

    def describe(self) -> str:
        """The limits as the settings write them, for cache keys and messages."""
        return ", ".join(f"{name}={getattr(self, attr)}" for name, attr in SETTING_NAMES.items())


DEFAULT_LIMITS = Limits()

# the names of the settings in [tool.codegen.limits] and --limit, and the fields they set
SETTING_NAMES = {f.name.replace("_", "-"): f.name for f in fields(Limits)}


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes | None:
    """The bytes of the file at ``path``; None where it holds more than ``limit`` bytes. The
    size is checked before reading and while reading (a file may grow meanwhile), so that
    no more than ``limit + 1`` bytes are ever read. Raises OSError where it cannot be read."""
    with open(path, "rb") as stream:
        if os.fstat(stream.fileno()).st_size > limit:
            return None
        data = stream.read(limit + 1)
    return data if len(data) <= limit else None


__all__ = ["DEFAULT_LIMITS", "Limits", "SETTING_NAMES", "read_limited"]
