"""Settings for a run: ``[tool.codegen]`` in pyproject.toml, overridden by the command line.

Which pyproject.toml: starting in the current directory and walking up, the first
``pyproject.toml`` that has a ``[tool.codegen]`` table. Like black, the walk stops at the
root of a repository (a folder holding ``.git`` or ``.hg``) after looking there, so that a
project never picks up the settings of a folder around it; and a pyproject.toml without
``[tool.codegen]`` (the generated package's own, say) is passed over.

Paths written in pyproject.toml are relative to the folder holding it; paths given on the
command line are relative to the current directory; the defaults (``docs_input``,
``generated``) are relative to the pyproject.toml's folder when there is one, else to the
current directory.

Limits (``codegen.limits``) are a table of their own, ``[tool.codegen.limits]``, each a
positive whole number (``page-size = 4_000_000``); ``--limit NAME=N`` overrides one.
"""

from __future__ import annotations

import difflib
import keyword
import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from .limits import DEFAULT_LIMITS, SETTING_NAMES, Limits
from .name_gate import DEFAULT_MAX_NAME_LENGTH
from .pipeline import Settings

PYPROJECT = "pyproject.toml"
SECTION = "[tool.codegen]"
KEYS = ("docs", "out", "versions", "package", "cache", "wsdl", "follow_links_to", "limits", "max-name-length")
REPOSITORY_MARKERS = (".git", ".hg")

DEFAULT_DOCS = "docs_input"
DEFAULT_OUT = "generated"
DEFAULT_PACKAGE = "superoffice_services"
DEFAULT_CACHE = ".codegen-cache"


class ConfigError(Exception):
    """The settings are unusable; the message names the file, key or option at fault."""


@dataclass(frozen=True)
class Overrides:
    """What the command line says; ``None`` where it says nothing."""

    docs: str | None = None
    out: str | None = None
    versions: tuple[str, ...] | None = None
    package: str | None = None
    cache: str | None = None
    no_cache: bool = False
    wsdl: tuple[str, ...] | None = None  # WSDL files, folders or zips besides the docs folder
    follow_links_to: tuple[str, ...] | None = None  # folders outside the docs that links may reach
    limits: tuple[tuple[str, int], ...] = ()  # (setting name, value) of the limits set
    max_name_length: int | None = None


@dataclass(frozen=True)
class ResolvedSettings:
    settings: Settings
    pyproject: Path | None  # where the file settings came from, if anywhere


def find_pyproject(start: Path) -> Path | None:
    """The pyproject.toml that configures codegen for ``start`` (see the module docstring)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / PYPROJECT
        if candidate.is_file() and _has_codegen_table(candidate):
            return candidate
        if any((folder / marker).exists() for marker in REPOSITORY_MARKERS):
            return None
    return None


def read_pyproject(path: Path) -> Overrides:
    """The ``[tool.codegen]`` table of ``path``, checked, with paths made absolute."""
    tool = _load(path).get("tool", {})
    table = tool.get("codegen", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {SECTION} must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        key = unknown[0]
        hint = difflib.get_close_matches(key, KEYS, n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        raise ConfigError(
            f"{path}: unknown key {key!r} in {SECTION}{suggestion} "
            f"(known keys: {', '.join(sorted(KEYS))})"
        )
    where = f"{path}: {SECTION}"
    folder = path.parent
    docs = _string(table, "docs", where)
    out = _string(table, "out", where)
    cache = _string(table, "cache", where)
    versions = table.get("versions")
    if versions is not None and not (
        isinstance(versions, list) and all(isinstance(v, str) and v for v in versions)
    ):
        raise ConfigError(f'{where} versions must be a list of version names, like ["Services88"]')
    wsdl = table.get("wsdl")
    if isinstance(wsdl, str):
        wsdl = [wsdl]
    if wsdl is not None and not (isinstance(wsdl, list) and all(isinstance(w, str) and w for w in wsdl)):
        raise ConfigError(f'{where} wsdl must be a path or a list of paths, like ["downloads/wsdl.zip"]')
    links = table.get("follow_links_to")
    if isinstance(links, str):
        links = [links]
    if links is not None and not (isinstance(links, list) and all(isinstance(f, str) and f for f in links)):
        raise ConfigError(f'{where} follow_links_to must be a folder or a list of folders, like ["../superoffice-docs"]')
    max_name_length = table.get("max-name-length")
    if max_name_length is not None:
        max_name_length = _limit(max_name_length, f"{where} max-name-length")
    return Overrides(
        limits=_limits(table.get("limits"), f"{path}: [tool.codegen.limits]"),
        max_name_length=max_name_length,
        wsdl=None if wsdl is None else tuple(str(folder / Path(w).expanduser()) for w in wsdl),
        follow_links_to=None if links is None else tuple(str(folder / Path(f).expanduser()) for f in links),
        docs=None if docs is None else str(folder / Path(docs).expanduser()),
        out=None if out is None else str(folder / Path(out).expanduser()),
        versions=None if versions is None else tuple(versions),
        package=_string(table, "package", where),
        cache=None if cache is None else str(folder / Path(cache).expanduser()),
    )


def resolve_settings(overrides: Overrides, cwd: Path) -> ResolvedSettings:
    """Defaults, then pyproject.toml, then the command line; every path made absolute."""
    pyproject = find_pyproject(cwd)
    from_file = read_pyproject(pyproject) if pyproject is not None else Overrides()
    base = pyproject.parent if pyproject is not None else cwd

    def path(cli: str | None, file: str | None, default: str) -> Path:
        # abspath, not resolve: a docs folder that is a symlink keeps its name in messages.
        if cli is not None:
            return Path(os.path.abspath(cwd / Path(cli).expanduser()))
        if file is not None:
            return Path(os.path.abspath(file))  # already relative to the pyproject's folder
        return Path(os.path.abspath(base / default))

    versions = overrides.versions if overrides.versions is not None else from_file.versions
    if overrides.versions is not None and not all(overrides.versions):
        raise ConfigError("--versions: a version name cannot be empty")
    if overrides.package is not None:
        package, source = overrides.package, "--package"
    elif from_file.package is not None:
        package, source = from_file.package, f"{pyproject}: {SECTION} package"
    else:
        package, source = DEFAULT_PACKAGE, "the default package"
    if not package.isidentifier() or keyword.iskeyword(package):
        raise ConfigError(f"{source}: {package!r} is not a valid Python package name")
    max_name_length = overrides.max_name_length if overrides.max_name_length is not None else from_file.max_name_length
    if overrides.max_name_length is not None:
        _limit(overrides.max_name_length, "--max-name-length")
    settings = Settings(
        max_name_length=DEFAULT_MAX_NAME_LENGTH if max_name_length is None else max_name_length,
        docs=path(overrides.docs, from_file.docs, DEFAULT_DOCS),
        out=path(overrides.out, from_file.out, DEFAULT_OUT),
        versions=tuple(dict.fromkeys(versions or ())),  # keep the order, drop repeats
        package=package,
        cache=None if overrides.no_cache else path(overrides.cache, from_file.cache, DEFAULT_CACHE),
        wsdl=tuple(
            Path(os.path.abspath(cwd / Path(w).expanduser())) for w in overrides.wsdl
        ) if overrides.wsdl is not None else tuple(Path(os.path.abspath(w)) for w in from_file.wsdl or ()),
        follow_links_to=tuple(
            Path(os.path.abspath(cwd / Path(f).expanduser())) for f in overrides.follow_links_to
        ) if overrides.follow_links_to is not None else tuple(Path(os.path.abspath(f)) for f in from_file.follow_links_to or ()),
        # the command line's limits after the file's: the last of a name wins
        limits=replace(DEFAULT_LIMITS, **{SETTING_NAMES[name]: value for name, value in from_file.limits + overrides.limits}),
    )
    return ResolvedSettings(settings, pyproject)


def parse_limit(option: str) -> tuple[str, int]:
    """One ``--limit NAME=N`` option, checked."""
    name, equals, value = option.partition("=")
    number = value.strip().replace("_", "")
    if not equals or not number.isdigit():
        raise ConfigError(f"--limit {option}: give NAME=N, like page-size=4000000 (limits: {', '.join(SETTING_NAMES)})")
    return _limits({name.strip(): int(number)}, "--limit")[0]


def _limits(table: object, where: str) -> tuple[tuple[str, int], ...]:
    if table is None:
        return ()
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table, like {{ page-size = 4000000 }}")
    for name, value in table.items():
        if name not in SETTING_NAMES:
            hint = difflib.get_close_matches(name, SETTING_NAMES, n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
            raise ConfigError(f"{where}: unknown limit {name!r}{suggestion} (limits: {', '.join(SETTING_NAMES)})")
        if type(value) is not int or value < 1:
            raise ConfigError(f"{where}: {name} must be a whole number above 0, not {value!r}")
    return tuple(table.items())


def _has_codegen_table(path: Path) -> bool:
    tool = _load(path).get("tool")
    return isinstance(tool, dict) and "codegen" in tool


def _load(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from error


def _limit(value: object, where: str) -> int:
    # a name must hold "Services" and two digits, and a file name 255 bytes at most
    if not isinstance(value, int) or isinstance(value, bool) or not 10 <= value <= 240:
        raise ConfigError(f"{where} must be a whole number from 10 to 240, not {value!r}")
    return value


def _string(table: dict[str, object], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where} {key} must be a non-empty string, not {value!r}")
    return value


__all__ = [
    "ConfigError",
    "Limits",
    "parse_limit",
    "DEFAULT_CACHE",
    "DEFAULT_DOCS",
    "DEFAULT_OUT",
    "DEFAULT_PACKAGE",
    "KEYS",
    "Overrides",
    "ResolvedSettings",
    "find_pyproject",
    "read_pyproject",
    "resolve_settings",
]
