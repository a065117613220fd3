"""Test-only: the codegen command line with a fake build step, for subprocess tests.

    python tests/fake_codegen.py SCENARIO generate --docs ... --out ...

runs ``codegen.cli.main`` exactly as ``python -m codegen`` does, except that the build step
is the fake named SCENARIO. The fakes are importable too, for in-process tests.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from codegen.cli import BuildFunction, main  # noqa: E402
from codegen.model import Diagnostic  # noqa: E402
from codegen.pipeline import FatalError, Finished, Outcome, Progress, Settings  # noqa: E402

FILES = {
    "superoffice_services/__init__.py": b'"""Generated."""\n',
    "superoffice_services/services88/__init__.py": b"from .erp_sync import ErpSyncAgent\n",
    "superoffice_services/services88/erp_sync.py": b"class ErpSyncAgent:\n    pass\n",
    "pyproject.toml": b'[project]\nname = "superoffice-services"\n',
}

WARNING = Diagnostic("soap/Services88/ErpSync/b.md", 7, "W200", "warning", "guessed a type")
INFO_1 = Diagnostic("soap/Services88/ErpSync/a.md", 3, "I300", "info", "no description")
INFO_2 = Diagnostic("soap/Services88/ErpSync/c.md", 1, "I300", "info", "no description")
# Listed out of order on purpose: the command line sorts them.
ERROR_LATE = Diagnostic("soap/Services88/ErpSync/b.md", 40, "E100", "error", "no WSDL block")
ERROR_EARLY = Diagnostic("soap/Services88/Agent/a.md", 12, "E101", "error", "unreadable table")


def _outcome(diagnostics: list[Diagnostic]) -> Outcome:
    return Outcome(
        files=dict(FILES),
        diagnostics=diagnostics,
        pages_read=17,
        versions=2,
        services=3,
        operations=41,
        types=59,
    )


def clean(settings: Settings, progress: Progress | None, finished: Finished | None) -> Outcome:
    if progress is not None:
        for done in range(4):
            progress("read pages", done, 3)
    return _outcome([INFO_2, WARNING, INFO_1])


def with_errors(settings: Settings, progress: Progress | None, finished: Finished | None) -> Outcome:
    return _outcome([ERROR_LATE, INFO_1, WARNING, ERROR_EARLY])


def fatal(settings: Settings, progress: Progress | None, finished: Finished | None) -> Outcome:
    raise FatalError(f"no pages found in {settings.docs}")


def no_files(settings: Settings, progress: Progress | None, finished: Finished | None) -> Outcome:
    return Outcome(files={})


def interrupted(settings: Settings, progress: Progress | None, finished: Finished | None) -> Outcome:
    os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C does
    time.sleep(5)
    raise AssertionError("SIGINT did not interrupt the build")


def buggy(settings: Settings, progress: Progress | None, finished: Finished | None) -> Outcome:
    raise RuntimeError("a bug in the build")


SCENARIOS: dict[str, BuildFunction] = {
    "clean": clean,
    "with_errors": with_errors,
    "fatal": fatal,
    "no_files": no_files,
    "interrupted": interrupted,
    "buggy": buggy,
}

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[2:], build=SCENARIOS[sys.argv[1]]))
