"""One generation run, from a docs folder to the files of the output package, in memory.

The command line (``codegen.cli``) reads settings, calls :func:`build_output`, writes the
files with ``codegen.output`` and reports. Nothing here touches the output folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .model import Diagnostic

# progress(stage, done, total): called as work advances, so that a front end can draw a bar.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Settings:
    docs: Path
    out: Path
    versions: tuple[str, ...] = ()  # empty: every version found in the docs
    package: str = "superoffice_services"


@dataclass
class Outcome:
    files: dict[str, bytes]  # relative POSIX path inside the output folder -> content
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages_read: int = 0
    versions: int = 0
    services: int = 0
    operations: int = 0
    types: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")


class FatalError(Exception):
    """The run cannot produce anything (no docs folder, no pages, bad settings)."""


def build_output(settings: Settings, progress: Progress | None = None) -> Outcome:
    raise NotImplementedError  # filled in by the build and render stages
