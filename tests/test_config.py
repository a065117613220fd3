"""codegen.config: which pyproject.toml, what it may say, and what overrides it."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.config import ConfigError, Overrides, find_pyproject, resolve_settings


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository root: the search for pyproject.toml stops here."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    return root


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_finds_the_pyproject_of_a_parent_folder(repo: Path) -> None:
    pyproject = write(repo / "pyproject.toml", "[tool.codegen]\n")
    (repo / "a" / "b").mkdir(parents=True)
    assert find_pyproject(repo / "a" / "b") == pyproject


def test_the_nearest_pyproject_with_a_codegen_table_wins(repo: Path) -> None:
    write(repo / "pyproject.toml", "[tool.codegen]\n")
    nearer = write(repo / "tools" / "pyproject.toml", "[tool.codegen]\npackage = 'x'\n")
    assert find_pyproject(repo / "tools") == nearer


def test_a_pyproject_without_a_codegen_table_is_passed_over(repo: Path) -> None:
    outer = write(repo / "pyproject.toml", "[tool.codegen]\n")
    write(repo / "generated" / "pyproject.toml", "[project]\nname = 'generated'\n")
    assert find_pyproject(repo / "generated") == outer


def test_the_search_stops_at_the_repository_root(tmp_path: Path, repo: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.codegen]\n")  # outside the repository
    (repo / "src").mkdir()
    assert find_pyproject(repo / "src") is None


def test_paths_in_pyproject_are_relative_to_its_folder(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.codegen]\ndocs = "input/docs"\nout = "../build"\n')
    cwd = repo / "deep" / "er"
    cwd.mkdir(parents=True)
    settings = resolve_settings(Overrides(), cwd).settings
    assert settings.docs == repo / "input" / "docs"
    assert settings.out == repo.parent / "build"


def test_command_line_paths_are_relative_to_the_current_folder_and_win(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.codegen]\ndocs = "input"\nout = "gen"\n')
    cwd = repo / "sub"
    cwd.mkdir()
    settings = resolve_settings(Overrides(docs="mydocs", out="/abs/out"), cwd).settings
    assert settings.docs == repo / "sub" / "mydocs"
    assert settings.out == Path("/abs/out")


def test_defaults_apply_relative_to_the_pyproject_folder(repo: Path) -> None:
    write(repo / "pyproject.toml", "[tool.codegen]\n")
    (repo / "sub").mkdir()
    resolved = resolve_settings(Overrides(), repo / "sub")
    assert resolved.pyproject == repo / "pyproject.toml"
    assert resolved.settings.docs == repo / "docs_input"
    assert resolved.settings.out == repo / "generated"
    assert resolved.settings.versions == ()
    assert resolved.settings.package == "superoffice_services"


def test_defaults_apply_relative_to_the_current_folder_without_a_pyproject(repo: Path) -> None:
    resolved = resolve_settings(Overrides(), repo)
    assert resolved.pyproject is None
    assert resolved.settings.docs == repo / "docs_input"


def test_versions_and_package_come_from_pyproject_unless_overridden(repo: Path) -> None:
    write(
        repo / "pyproject.toml",
        '[tool.codegen]\nversions = ["Services86", "Services88"]\npackage = "so_client"\n',
    )
    from_file = resolve_settings(Overrides(), repo).settings
    assert from_file.versions == ("Services86", "Services88")
    assert from_file.package == "so_client"
    overridden = resolve_settings(Overrides(versions=("Services84",), package="other"), repo)
    assert overridden.settings.versions == ("Services84",)
    assert overridden.settings.package == "other"


def test_repeated_versions_are_kept_once_in_order(repo: Path) -> None:
    overrides = Overrides(versions=("Services88", "Services86", "Services88"))
    assert resolve_settings(overrides, repo).settings.versions == ("Services88", "Services86")


def test_an_unknown_key_is_named_with_its_file(repo: Path) -> None:
    pyproject = write(repo / "pyproject.toml", '[tool.codegen]\noutput = "gen"\n')
    with pytest.raises(ConfigError) as raised:
        resolve_settings(Overrides(), repo)
    message = str(raised.value)
    assert str(pyproject) in message
    assert "unknown key 'output'" in message
    assert "did you mean 'out'?" in message


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ("docs = 3", "docs must be a non-empty string"),
        ('out = ""', "out must be a non-empty string"),
        ('versions = "Services88"', "versions must be a list"),
        ("versions = [88]", "versions must be a list"),
        ('package = "super-office"', "'super-office' is not a valid Python package name"),
        ('package = "class"', "'class' is not a valid Python package name"),
    ],
)
def test_a_value_of_the_wrong_kind_is_named(repo: Path, line: str, complaint: str) -> None:
    write(repo / "pyproject.toml", f"[tool.codegen]\n{line}\n")
    with pytest.raises(ConfigError, match=complaint):
        resolve_settings(Overrides(), repo)


def test_a_pyproject_that_is_not_toml_is_named(repo: Path) -> None:
    pyproject = write(repo / "pyproject.toml", "[tool.codegen\n")
    with pytest.raises(ConfigError, match="not valid TOML") as raised:
        resolve_settings(Overrides(), repo)
    assert str(pyproject) in str(raised.value)


def test_a_bad_package_on_the_command_line_names_the_option(repo: Path) -> None:
    with pytest.raises(ConfigError, match="--package: '9lives' is not a valid"):
        resolve_settings(Overrides(package="9lives"), repo)
