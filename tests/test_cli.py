"""The command line: settings, exit codes, diagnostics, summary and progress.

The build step is faked (tests/fake_codegen.py): in process through ``main(build=...)``, and
in a subprocess through the same script run as a program.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.output import MANIFEST_NAME
from codegen.pipeline import Finished, Outcome, Progress, Settings

import fake_codegen
from fake_codegen import FILES

REPO = Path(__file__).resolve().parents[1]
FAKE = Path(fake_codegen.__file__)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with [tool.codegen] settings and one docs page; the current folder."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.codegen]\ndocs = "docs"\nout = "generated"\nversions = ["Services88"]\n'
    )
    page = root / "docs" / "soap" / "Services88" / "ErpSync" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text("# ErpSync\n")
    monkeypatch.chdir(root)
    return root


def run(scenario: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in a child process, with a fake build step."""
    return subprocess.run(
        [sys.executable, str(FAKE), scenario, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m codegen`` itself, for what is decided before the build step runs."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# Exit codes, in a child process


def test_exit_0_writes_the_output_when_no_input_had_errors(project: Path) -> None:
    result = run("clean", "generate", cwd=project)
    assert result.returncode == 0, result.stderr
    written = tree(project / "generated")
    assert {p: c for p, c in written.items() if p != MANIFEST_NAME} == FILES
    assert "Generated superoffice_services in generated: 4 written" in result.stdout


def test_exit_1_writes_the_good_parts_and_reports_the_broken_pages(project: Path) -> None:
    result = run("with_errors", "generate", cwd=project)
    assert result.returncode == 1
    assert "docs/soap/Services88/ErpSync/b.md:40: error E100: no WSDL block" in result.stderr
    assert (project / "generated" / "superoffice_services" / "__init__.py").exists()
    assert "with 2 errors in the input" in result.stdout


def test_exit_2_on_a_fatal_build_error_leaves_the_output_as_it_was(project: Path) -> None:
    assert run("clean", "generate", cwd=project).returncode == 0
    before = tree(project / "generated")
    result = run("fatal", "generate", cwd=project)
    assert result.returncode == 2
    assert "codegen: error: no pages found in" in result.stderr
    assert "nothing was written" in result.stderr
    assert tree(project / "generated") == before


def test_exit_2_when_the_docs_folder_is_missing(project: Path) -> None:
    result = run_module("generate", "--docs", "nowhere", cwd=project)
    assert result.returncode == 2
    assert "docs folder not found: nowhere" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_2_on_an_unknown_key_in_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.codegen]\ndocs = "docs"\nouts = "gen"\n')
    result = run_module("generate", cwd=project)
    assert result.returncode == 2
    assert "unknown key 'outs'" in result.stderr
    assert str(project / "pyproject.toml") in result.stderr
    assert not (project / "generated").exists()


def test_exit_2_on_bad_usage(project: Path) -> None:
    result = run_module("generate", "--bogus", cwd=project)
    assert result.returncode == 2
    assert "unrecognized arguments: --bogus" in result.stderr


def test_exit_2_without_a_command_shows_the_commands(project: Path) -> None:
    result = run_module(cwd=project)
    assert result.returncode == 2
    assert "generate" in result.stderr


def test_exit_2_and_the_folder_kept_when_out_is_not_codegens(project: Path) -> None:
    (project / "src").mkdir()
    (project / "src" / "app.py").write_text("print('mine')\n")
    result = run("clean", "generate", "--out", "src", cwd=project)
    assert result.returncode == 2
    assert "src is not empty and has no .codegen-manifest.json" in result.stderr
    assert tree(project / "src") == {"app.py": b"print('mine')\n"}


def test_exit_130_on_interrupt_leaves_the_output_as_it_was(project: Path) -> None:
    assert run("clean", "generate", cwd=project).returncode == 0
    before = tree(project / "generated")
    result = run("interrupted", "generate", cwd=project)
    assert result.returncode == 130
    assert "interrupted" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(project / "generated") == before


def test_exit_2_on_a_bug_in_the_build_without_a_traceback(project: Path) -> None:
    result = run("buggy", "generate", cwd=project)
    assert result.returncode == 2
    assert "internal error: RuntimeError: a bug in the build" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "generated").exists()


def test_verbose_shows_the_traceback_of_a_bug(project: Path) -> None:
    result = run("buggy", "generate", "--verbose", cwd=project)
    assert result.returncode == 2
    assert "Traceback" in result.stderr


def test_exit_2_when_the_build_produced_no_files(project: Path) -> None:
    result = run("no_files", "generate", cwd=project)
    assert result.returncode == 2
    assert "the build produced no files" in result.stderr
    assert not (project / "generated").exists()


def test_version_is_printed(project: Path) -> None:
    result = run_module("--version", cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith("codegen ")


def test_help_documents_the_exit_codes(project: Path) -> None:
    result = run_module("generate", "--help", cwd=project)
    assert result.returncode == 0
    for code in ("0 ", "1 ", "2 ", "130 "):
        assert f"\n  {code}" in result.stdout


# Settings reach the build step


def test_the_build_gets_pyproject_settings_with_command_line_overrides(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Settings] = []

    def build(settings: Settings, progress: Progress | None, finished: Finished | None) -> Outcome:
        seen.append(settings)
        return fake_codegen.clean(settings, progress, finished)

    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    code = main(
        ["generate", "--versions", "Services86", "Services87", "--package", "so"], build=build
    )
    assert code == 0
    assert seen == [
        Settings(
            docs=project / "docs",
            out=project / "generated",
            versions=("Services86", "Services87"),
            package="so",
            cache=project / ".codegen-cache",
        )
    ]


def test_an_output_folder_inside_the_docs_is_refused(project: Path) -> None:
    code = main(["generate", "--out", "docs/generated"], build=fake_codegen.clean)
    assert code == 2
    assert not (project / "docs" / "generated").exists()


def test_the_docs_folder_as_output_is_refused(project: Path) -> None:
    code = main(["generate", "--out", "docs"], build=fake_codegen.clean)
    assert code == 2
    assert (project / "docs" / "soap" / "Services88" / "ErpSync" / "a.md").exists()


# What is printed


def test_diagnostics_are_sorted_and_infos_hidden_by_default(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "--no-progress"], build=fake_codegen.with_errors) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/soap/Services88/Agent/a.md:12: error E101: unreadable table",
        "docs/soap/Services88/ErpSync/b.md:7: warning W200: guessed a type",
        "docs/soap/Services88/ErpSync/b.md:40: error E100: no WSDL block",
        "1 info diagnostic not shown (--verbose shows them)",
    ]


def test_verbose_shows_info_diagnostics(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--no-progress", "-v"], build=fake_codegen.with_errors) == 1
    err = capsys.readouterr().err
    assert "docs/soap/Services88/ErpSync/a.md:3: info I300: no description" in err
    assert "not shown" not in err


def test_quiet_prints_only_errors_and_the_result_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "-q"], build=fake_codegen.with_errors) == 1
    printed = capsys.readouterr()
    assert printed.err.splitlines() == [
        "docs/soap/Services88/Agent/a.md:12: error E101: unreadable table",
        "docs/soap/Services88/ErpSync/b.md:40: error E100: no WSDL block",
    ]
    assert printed.out.splitlines() == [
        "Generated superoffice_services in generated with 2 errors in the input "
        "(reported above): 4 written, 0 unchanged, 0 removed."
    ]


def test_summary_counts_what_was_read_built_and_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "--no-progress"], build=fake_codegen.clean) == 0
    capsys.readouterr()
    (project / "generated" / "stray.txt").write_text("left by hand")
    assert main(["generate", "--no-progress"], build=fake_codegen.clean) == 0
    rows = {
        line.split(maxsplit=1)[0]: line for line in capsys.readouterr().out.splitlines()
    }
    assert rows["docs"] == "  docs read    17 files (in docs)"
    assert rows["skipped"] == "  skipped      0 files"
    assert rows["versions"] == "  versions     2"
    assert rows["services"] == "  services     3"
    assert rows["operations"] == "  operations   41"
    assert rows["types"] == "  types        59"
    assert rows["files"] == "  files        0 written, 4 unchanged, 0 removed, 1 not written by codegen kept (in generated)"
    assert rows["diagnostics"] == "  diagnostics  0 errors, 1 warning, 2 infos"
    assert rows["time"].startswith("  time ")
    assert rows["Generated"] == (
        "Generated superoffice_services in generated: 0 written, 4 unchanged, 0 removed, 1 not written by codegen kept."
    )


def test_progress_is_plain_lines_when_stderr_is_not_a_terminal(project: Path) -> None:
    result = run("clean", "generate", cwd=project)
    assert "read pages: 3/3" in result.stderr.splitlines()
    assert "write files: 4/4" in result.stderr.splitlines()


@pytest.mark.parametrize("option", ["--no-progress", "--quiet"])
def test_no_progress_lines_with(project: Path, option: str) -> None:
    result = run("clean", "generate", option, cwd=project)
    assert result.returncode == 0
    assert "3/3" not in result.stderr and "4/4" not in result.stderr


def test_a_terminal_gets_a_progress_bar_not_lines(project: Path) -> None:
    parent, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, str(FAKE), "clean", "generate"],
        cwd=project,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=child,
    )
    os.close(child)
    drawn = b""
    while True:
        try:
            chunk = os.read(parent, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(parent)
    assert process.wait(timeout=60) == 0
    assert process.stdout is not None and b"Generated" in process.stdout.read()
    screen = drawn.decode(errors="replace")
    assert "read pages: 3/3" not in screen  # no plain lines on a terminal
    assert "\x1b[" in screen  # the bar is drawn with terminal control sequences


def test_importing_the_main_module_does_not_run_the_command() -> None:
    """Worker processes started by spawn or a fork server import ``__main__`` again: for
    ``python -m codegen`` that is codegen.__main__, which must not run the command then."""
    import importlib
    import sys

    sys.modules.pop("codegen.__main__", None)
    module = importlib.import_module("codegen.__main__")
    assert module.main is main
