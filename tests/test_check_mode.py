"""`codegen generate --check`: exit 0 on a fresh output, 1 after a page or a template changes,
naming the files; nothing written either way."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from codegen import cache, render
from codegen.cli import main
from conftest import ROOT, require_corpus


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    corpus = require_corpus()
    docs = tmp_path / "docs"
    shutil.copytree(corpus / "soap/Services88/ErpSync", docs / "erp")
    shutil.copy(corpus / "soap/Services88/Services88-ErpSync.md", docs)
    (tmp_path / "pyproject.toml").write_text('[tool.codegen]\ndocs = "docs"\nout = "generated"\n', encoding="utf-8")
    return tmp_path


def generate(project: Path, *options: str) -> int:
    return main(["generate", "--docs", str(project / "docs"), "--out", str(project / "generated"), "--no-progress", *options])


def test_check_passes_on_a_fresh_output_and_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate(project, "--quiet") == 0
    before = tree(project / "generated")
    assert generate(project, "--check") == 0
    assert "is up to date" in capsys.readouterr().out
    assert tree(project / "generated") == before


def test_check_fails_after_a_page_changes_and_names_the_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate(project, "--quiet") == 0
    before = tree(project / "generated")
    page = project / "docs/erp/DeleteConnection.md"
    page.write_text(page.read_text().replace("## DeleteConnection\n", "## DeleteConnection\n\nForgets a connection.\n", 1))
    (project / "docs/erp/SyncAll.md").unlink()  # an operation page gone: the operation stays (the WSDL decides)
    capsys.readouterr()

    assert generate(project, "--check", "--diff") == 1

    out = capsys.readouterr().out
    assert "would change" in out and "services88/erp_sync.py" in out and "services88/erp_sync.pyi" in out
    assert "+        \"\"\"Forgets a connection.\"\"\"" in out  # the --diff shows the new docstring
    assert "out of date" in out
    assert tree(project / "generated") == before


def test_stale_files_are_reported_by_check_and_removed_by_a_normal_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = require_corpus()
    shutil.copytree(corpus / "soap/Services88/Webhook", project / "docs/hooks")
    assert generate(project, "--quiet") == 0
    assert (project / "generated/superoffice_services/services88/webhook.py").is_file()
    shutil.rmtree(project / "docs/hooks")  # the docs no longer hold the Webhook service
    capsys.readouterr()

    assert generate(project, "--check") == 1
    out = capsys.readouterr().out
    assert "would remove generated/superoffice_services/services88/webhook.py" in out.replace(str(project) + "/", "")

    assert generate(project) == 0
    assert not (project / "generated/superoffice_services/services88/webhook.py").exists()
    assert "removed" in capsys.readouterr().out


@pytest.fixture()
def edited_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the templates, used instead of the real ones for this test."""
    copy = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, copy)
    monkeypatch.setattr(render, "TEMPLATES", copy)
    render._environment.cache_clear()
    cache.generator_fingerprint.cache_clear()
    yield copy
    render._environment.cache_clear()
    cache.generator_fingerprint.cache_clear()


def test_check_fails_after_a_template_changes(project: Path, edited_templates: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate(project, "--quiet") == 0
    template = edited_templates / "package" / "enum_type.py.jinja"
    text = template.read_text()
    assert "{% endif %} of {{ version }}" in text
    template.write_text(text.replace("{% endif %} of {{ version }}", "{% endif %} in {{ version }}"), encoding="utf-8")
    render._environment.cache_clear()
    cache.generator_fingerprint.cache_clear()
    capsys.readouterr()

    assert generate(project, "--check") == 1

    changed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("would change")]
    assert changed and all("/types/" in line for line in changed)
    assert any(line.endswith("/types/erp_sync_response_code.py") for line in changed)
