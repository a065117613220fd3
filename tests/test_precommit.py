"""The repository's .pre-commit-hooks.yaml, run by pre-commit itself against a temporary git
repository of a user: one hook regenerates, the other fails on drift and names the files.

pre-commit installs this repository into an environment of its own (from PyPI), so the test
needs the network the first time; it skips with a message where pre-commit or git is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, require_corpus


def run(*command: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if shutil.which("pre-commit") is None and not (Path(os.sys.executable).parent / "pre-commit").exists():
        pytest.skip("pre-commit is not installed (it is in the test extras)")
    return tmp_path_factory.mktemp("pre-commit-home")


def test_the_hooks_regenerate_and_fail_on_drift(tmp_path: Path, pre_commit_home: Path) -> None:
    corpus = require_corpus()
    repo = tmp_path / "user-project"
    (repo / "docs").mkdir(parents=True)
    shutil.copytree(corpus / "soap/Services88/Webhook", repo / "docs/webhook")
    shutil.copy(corpus / "soap/Services88/Services88-Webhook.md", repo / "docs")
    (repo / "pyproject.toml").write_text(
        '[tool.codegen]\ndocs = "docs"\nout = "generated"\ncache = ".codegen-cache"\n', encoding="utf-8"
    )
    (repo / ".gitignore").write_text(".codegen-cache/\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "docs"]):
        assert run(*command, cwd=repo, env=env).returncode == 0
    pre_commit = shutil.which("pre-commit") or str(Path(os.sys.executable).parent / "pre-commit")

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return run(pre_commit, "try-repo", str(ROOT), name, "--all-files", "--verbose", cwd=repo, env=env)

    generated = hook("codegen-generate")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    module = repo / "generated/superoffice_services/services88/webhook.py"
    assert module.is_file()
    assert run("git", "add", ".", cwd=repo, env=env).returncode == 0
    assert run("git", "commit", "-qm", "generated", cwd=repo, env=env).returncode == 0

    assert hook("codegen-check").returncode == 0  # up to date

    page = repo / "docs/webhook/GetWebhook.md"
    page.write_text(page.read_text().replace("## GetWebhook\n", "## GetWebhook\n\nReads one webhook.\n", 1))
    drift = hook("codegen-check")
    assert drift.returncode == 1
    assert "would change generated/superoffice_services/services88/webhook.py" in drift.stdout
    assert "Reads one webhook." not in module.read_text()  # check mode writes nothing

    regenerated = hook("codegen-generate")
    assert regenerated.returncode == 1  # pre-commit fails a hook that changed tracked files
    assert "files were modified by this hook" in regenerated.stdout
    assert "Reads one webhook." in module.read_text()
    assert hook("codegen-check").returncode == 0
