"""Symbolic links in the docs folder are followed only where they lead inside it (or to a folder
``follow_links_to`` names): a pull request's `ln -s / docs/x` must not make a run read the
machine, nor an outside page end up in the published package."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.pipeline import Settings, build_output
from codegen.sources.walk import walk
from conftest import require_corpus
from test_determinism import small_docs

SECRET = "OUTSIDE-THE-DOCS-3141"


def outside_page(corpus: Path, folder: Path) -> Path:
    """A real operation page of a service the docs folder lacks, with a marker in its text."""
    page = next(iter(sorted((corpus / "soap/Services88/ErpSync").glob("*.md"))))
    folder.mkdir(parents=True)
    target = folder / page.name
    target.write_text(page.read_text(encoding="utf-8").replace("\n## ", f"\n{SECRET}\n\n## ", 1), encoding="utf-8")
    shutil.copy(corpus / "soap/Services88/Services88-ErpSync.md", folder / "Services88-ErpSync.md")
    return folder


def test_links_that_lead_outside_are_not_followed_and_are_named(tmp_path: Path) -> None:
    corpus = require_corpus()
    docs = small_docs(corpus, tmp_path / "docs")
    elsewhere = outside_page(corpus, tmp_path / "elsewhere")
    (docs / "soap/Services88/linked-folder").symlink_to(elsewhere, target_is_directory=True)
    (docs / "soap/Services88/linked-page.md").symlink_to(next(elsewhere.glob("*.md")))
    (docs / "root").symlink_to("/", target_is_directory=True)
    inside = docs / "soap/Services88/Tooltips"
    (docs / "alias").symlink_to(inside, target_is_directory=True)  # inside: followed
    clean = build_output(Settings(docs=docs, out=tmp_path / "out")).files
    assert not [path for path in clean if "erp_sync" in path]
    assert SECRET.encode() not in b"".join(clean.values())
    outcome = build_output(Settings(docs=docs, out=tmp_path / "out"))
    refused = sorted(d.path for d in outcome.diagnostics if d.code == "P020")
    assert refused == ["root", "soap/Services88/linked-folder", "soap/Services88/linked-page.md"]
    walked = walk(docs)
    assert any(relative.startswith("alias/") for relative, _, _ in walked.files)
    assert all(os.path.realpath(full).startswith(str(tmp_path)) for _, full, _ in walked.files)


def test_a_folder_named_in_follow_links_to_is_followed(tmp_path: Path) -> None:
    corpus = require_corpus()
    docs = small_docs(corpus, tmp_path / "docs")
    elsewhere = outside_page(corpus, tmp_path / "elsewhere")
    (docs / "soap/Services88/linked-folder").symlink_to(elsewhere, target_is_directory=True)
    outcome = build_output(Settings(docs=docs, out=tmp_path / "out", follow_links_to=(elsewhere,)))
    assert not [d for d in outcome.diagnostics if d.code == "P020"]
    assert any("erp_sync" in path for path in outcome.files)


def test_a_docs_folder_that_is_itself_a_link_is_read(tmp_path: Path) -> None:
    docs = small_docs(require_corpus(), tmp_path / "real-docs")
    (tmp_path / "docs").symlink_to(docs, target_is_directory=True)
    linked = build_output(Settings(docs=tmp_path / "docs", out=tmp_path / "out")).files
    assert linked == build_output(Settings(docs=docs, out=tmp_path / "out")).files


def test_the_command_line_warns_and_takes_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = require_corpus()
    docs = small_docs(corpus, tmp_path / "docs")
    elsewhere = outside_page(corpus, tmp_path / "elsewhere")
    (docs / "soap/linked").symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.codegen]\ndocs = "docs"\nout = "out"\n', encoding="utf-8")
    assert main(["generate", "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert "soap/linked:1: warning P020: a symbolic link that leads outside the docs folder" in err
    assert not (tmp_path / "out/superoffice_services/services88/erp_sync.py").exists()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.codegen]\ndocs = "docs"\nout = "out"\nfollow_links_to = ["elsewhere"]\n', encoding="utf-8"
    )
    assert main(["generate", "--no-cache"]) == 0
    assert "P020" not in capsys.readouterr().err
    assert (tmp_path / "out/superoffice_services/services88/erp_sync.py").exists()
