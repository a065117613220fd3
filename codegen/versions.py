"""NetServer version names: their order, the newest, the nearest documented one."""

from __future__ import annotations

import re
from collections.abc import Iterable


def version_number(name: str) -> int:
    match = re.search(r"\d+", name)
    return int(match.group()) if match else 0


def nearest_documented(version: str, documented: Iterable[str]) -> str | None:
    """The documented version (one with operation pages) nearest to ``version`` by number,
    the newer on a tie; None when there is none but ``version`` itself."""
    number = version_number(version)
    others = [name for name in documented if name != version]
    return max(others, key=lambda name: (-abs(version_number(name) - number), version_number(name)), default=None)


def newest_version(names: Iterable[str]) -> str:
    """The newest NetServer version, whose operations the WebAPI mirrors."""
    return max(names, key=version_number, default="")


__all__ = ["nearest_documented", "newest_version", "version_number"]
