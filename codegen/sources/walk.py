"""The docs folder's files: the walk every reader starts from, kept inside the folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..model import Diagnostic


class Walk(NamedTuple):
    files: list[tuple[str, str, os.stat_result]]  # (relative POSIX path, path, stat)
    refused_links: list[str]  # relative POSIX paths of symbolic links that lead outside


def walk(root: Path, follow_links_to: Sequence[Path] = ()) -> Walk:
    """Every regular file below ``root`` (pages, specs, WSDLs and whatever else is there; the
    readers of ``codegen.sources.documents`` decide what each is), as (relative POSIX path,
    path, stat): the stat taken to know it is a file serves a caller that keeps digests by
    stat. Hidden files and folders are left out.

    A symbolic link is followed only where it leads inside ``root`` (``root`` itself may be a
    link) or inside one of ``follow_links_to``: docs from a pull request must not make a run
    read, and publish, what lies elsewhere on the machine. The others are listed in
    ``refused_links``. Each real folder is entered once, so that a link loop ends."""
    found: list[tuple[str, str, os.stat_result]] = []
    refused: list[str] = []
    seen: set[tuple[int, int]] = set()
    top = os.fspath(root)
    allowed = [os.path.realpath(top), *(os.path.realpath(folder) for folder in follow_links_to)]

    def leads_inside(path: str) -> bool:
        real = os.path.realpath(path)
        return any(real == folder or real.startswith(folder.rstrip(os.sep) + os.sep) for folder in allowed)

    for folder, subfolders, files in os.walk(top, followlinks=True, onerror=lambda _: None):
        try:
            info = os.stat(folder)
        except OSError:
            subfolders[:] = []
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in seen:
            subfolders[:] = []
            continue
        seen.add(identity)
        # plain strings: Path objects for ten thousand files cost more than the walk
        prefix = os.path.relpath(folder, top).replace(os.sep, "/") + "/" if folder != top else ""
        kept = []
        for name in sorted(d for d in subfolders if not d.startswith(".")):
            if os.path.islink(os.path.join(folder, name)) and not leads_inside(os.path.join(folder, name)):
                refused.append(prefix + name)
            else:
                kept.append(name)
        subfolders[:] = kept
        for name in files:
            if name.startswith("."):
                continue
            full = os.path.join(folder, name)
            if os.path.islink(full) and not leads_inside(full):
                refused.append(prefix + name)
                continue
            try:
                status = os.stat(full)
            except OSError:
                continue
            if stat.S_ISREG(status.st_mode):
                found.append((prefix + name, full, status))
    found.sort(key=lambda entry: entry[0])
    return Walk(found, sorted(refused))


def discover_files(root: Path, follow_links_to: Sequence[Path] = ()) -> list[tuple[str, str, os.stat_result]]:
    """The files of :func:`walk`."""
    return walk(root, follow_links_to).files


def refused_link(relative: str) -> Diagnostic:
    message = (
        "a symbolic link that leads outside the docs folder: not followed "
        "(follow_links_to in [tool.codegen] allows a folder)"
    )
    return Diagnostic(relative, 1, "P020", "warning", message)


__all__ = ["Walk", "discover_files", "refused_link", "walk"]
