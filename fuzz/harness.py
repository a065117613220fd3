"""The oracle of the fuzzing: one drawn docs folder through the whole pipeline.

Allowed outcomes, and nothing else:

- generated files, every ``.py`` and ``.pyi`` of which compiles (warnings count as errors),
  every error and warning naming a page of the folder and a line inside it, and written to the
  output folder completely (the folder then holds exactly those files and the manifest);
- a ``FatalError`` naming the docs folder or one of its pages, with the output folder left
  exactly as it was.

Any other exception is a crash and propagates; a broken promise raises ``AssertionError``.
"""

from __future__ import annotations

import hashlib
import shutil
import warnings
from collections.abc import Mapping
from pathlib import Path

from codegen.output import MANIFEST_NAME, write_tree
from codegen.pipeline import FatalError, Settings, build_output

from .mutations import write_docs


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` by relative path, as a hash of its bytes."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_compiles(path: str, data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an invalid escape in a docstring is a bug too
        try:
            compile(data, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, Warning) as error:
            raise AssertionError(f"generated {path} does not compile: {error}") from error


def run_input(docs: Mapping[str, bytes], work: Path, cache: Path | None) -> str:
    """Generate from ``docs`` in ``work`` (its docs/ replaced, its out/ kept between inputs
    so that every write replaces a previous output); return ``"generated"`` or ``"fatal"``."""
    folder = work / "docs"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    write_docs(folder, docs)
    out = work / "out"
    before = snapshot(out)
    try:
        outcome = build_output(Settings(docs=folder, out=out, cache=cache))
    except FatalError as error:
        message = str(error)
        assert str(folder) in message or any(name in message for name in docs), message
        assert snapshot(out) == before
        return "fatal"
    lines = {name: data.count(b"\n") + 1 for name, data in docs.items()}
    for diagnostic in outcome.diagnostics:
        if diagnostic.severity == "info" and diagnostic.path not in lines:
            continue  # a fact about a version (B009), not a problem of the input
        shown = f"{diagnostic.path}:{diagnostic.line}: {diagnostic.code}: {diagnostic.message}"
        assert diagnostic.path in lines, f"a diagnostic names no page of the folder: {shown}"
        assert 1 <= diagnostic.line <= lines[diagnostic.path], f"a diagnostic's line is outside its page: {shown}"
    for path, data in outcome.files.items():
        if path.endswith((".py", ".pyi")):
            assert_compiles(path, data)
    write_tree(out, outcome.files)
    written = snapshot(out)
    written.pop(MANIFEST_NAME)
    assert written == {path: hashlib.sha256(data).hexdigest() for path, data in outcome.files.items()}, "partial output"
    return "generated"
