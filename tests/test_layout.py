"""codegen.layout breaks lines the way black does: held to black itself.

The generator formats its output with ``layout`` (fast) and falls back to black only where
``layout`` declines. Both checks here use black as the independent reference: the generated
package's files must be exactly what black makes of them, and for random statements of the
shapes the templates write, ``layout`` must either agree with black or decline.
"""

from __future__ import annotations

import keyword
from pathlib import Path

import black
import pytest
from black.mode import TargetVersion
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.layout import LINE_LENGTH, layout
from codegen.literals import string_literal
from conftest import Generated

MODE = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310})
STUB_MODE = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310}, is_pyi=True)


def _sample(generated: Generated) -> list[str]:
    """Every kind of generated file, a few of each: black takes ~8 s per MB."""
    files = sorted(p.relative_to(generated.path).as_posix() for p in generated.package.rglob("*.py*"))
    files = [f for f in files if f.endswith((".py", ".pyi"))]
    chosen = [f for f in files if f.rsplit("/", 1)[-1] in ("__init__.py", "__init__.pyi", "_schema.py")]
    for version in ("services84", "services88", "webapi"):
        modules = [f for f in files if f.startswith(f"superoffice_services/{version}/") and "/types/" not in f]
        types = [f for f in files if f.startswith(f"superoffice_services/{version}/types/")]
        chosen += modules[::9] + types[::40]
    return sorted(set(chosen))


def test_generated_files_are_what_black_makes_of_them(generated: Generated) -> None:
    sample = _sample(generated)
    assert len(sample) > 60
    differing = []
    for relative in sample:
        text = (generated.path / relative).read_text(encoding="utf-8")
        mode = STUB_MODE if relative.endswith(".pyi") else MODE
        if black.format_str(text, mode=mode) != text:
            differing.append(relative)
    assert not differing, f"black would reformat {len(differing)} generated files, e.g. {differing[:5]}"


@pytest.mark.parametrize("source", sorted((Path(__file__).parents[1] / "templates" / "runtime").glob("*.py")), ids=lambda p: p.name)
def test_the_runtime_sources_are_kept_as_black_makes_them(source: Path) -> None:
    """The runtime is copied into the package as it is, not formatted: its sources must be
    what black makes of them at the generated code's line length (run black with
    ``--line-length 100`` on templates/runtime when this fails)."""
    text = source.read_text(encoding="utf-8")
    assert black.format_str(text, mode=MODE) == text


def test_layout_lays_out_every_file_of_the_golden_record_without_black() -> None:
    """Every kind of file the templates write is one ``layout`` vouches for: a template change
    it does not support would send every file of that kind to black, ten times slower (a
    comment after ``if TYPE_CHECKING:`` once made a cold run 120 s longer)."""
    golden = Path(__file__).parent / "golden" / "erpsync"
    files = sorted(golden.rglob("*.py")) + sorted(golden.rglob("*.pyi"))
    declined = [path.relative_to(golden).as_posix() for path in files if layout(path.read_text(encoding="utf-8")) is None]
    assert not declined, f"layout hands these to black: {declined}"


def test_the_golden_record_is_what_black_makes_of_it() -> None:
    """No corpus needed: the checked-in ErpSync output, written by ``layout``, is black's."""
    golden = Path(__file__).parent / "golden" / "erpsync"
    files = sorted(golden.rglob("*.py")) + sorted(golden.rglob("*.pyi"))
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert black.format_str(text, mode=STUB_MODE if path.suffix == ".pyi" else MODE) == text, path


# -- random statements of the templates' shapes -------------------------------------------------

NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=24).filter(
    lambda name: not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
)
STRINGS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ/:._-'\" ", max_size=60).map(string_literal)


def _call(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    callee = st.one_of(NAMES, st.builds(lambda a, b: f"{a}.{b}", NAMES, NAMES))
    argument = st.one_of(children, st.builds(lambda k, v: f"{k}={v}", NAMES, children))
    return st.builds(lambda name, args: f"{name}({', '.join(args)})", callee, st.lists(argument, max_size=6))


EXPRESSIONS = st.recursive(st.one_of(NAMES, STRINGS), _call, max_leaves=20)
ANNOTATIONS = st.one_of(
    NAMES, st.builds(lambda a: f"{a} | None", NAMES), st.builds(lambda a, b: f"list[{a}] | None", NAMES, NAMES)
)


@st.composite
def statements(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["assign", "call", "def", "return", "import", "list", "exploded"]))
    if kind == "assign":
        return f"{draw(NAMES).upper()}: {draw(ANNOTATIONS)} = {draw(_call(EXPRESSIONS))}\n"
    if kind == "call":
        return f"{draw(_call(EXPRESSIONS))}\n"
    if kind == "def":
        params = draw(st.lists(st.builds(lambda n, a: f"{n}: {a}", NAMES, ANNOTATIONS), max_size=5))
        prefix = draw(st.sampled_from(["", "async "]))
        body = f"        return {draw(_call(EXPRESSIONS))}\n"
        return f"class A:\n    {prefix}def {draw(NAMES)}({', '.join(['self', *params])}) -> {draw(ANNOTATIONS)}:\n{body}"
    if kind == "return":
        return f"async def f():\n    return await self._call({', '.join(draw(st.lists(EXPRESSIONS, min_size=1, max_size=5)))})\n"
    if kind == "import":
        names = draw(st.lists(NAMES, min_size=1, max_size=8, unique=True))
        return f"from .{draw(NAMES)} import {', '.join(f'{n} as {n}' for n in names)}\n"
    if kind == "list":
        return f"__all__ = [{', '.join(draw(st.lists(STRINGS, max_size=12)))}]\n"
    items = draw(st.lists(EXPRESSIONS, min_size=1, max_size=6))
    inner = "".join(f"    {item},\n" for item in items)
    return f"{draw(NAMES).upper()} = {draw(NAMES)}(\n{inner})\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements())
def test_layout_agrees_with_black_or_declines(source: str) -> None:
    expected = black.format_str(source, mode=MODE)
    laid_out = layout(source)
    if laid_out is not None:
        assert laid_out == expected


@pytest.mark.parametrize(
    "source",
    [
        "x = 'single'\n",  # black would change the quotes
        "x = f(a)  # a comment\n",
        "x = f(\n    a,  # a comment\n)\n",
        "x = a + b + cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\n",
    ],
)
def test_layout_declines_what_it_does_not_know(source: str) -> None:
    assert layout(source) is None


def test_layout_leaves_docstrings_and_short_lines_alone() -> None:
    source = 'def f():\n    """A docstring longer than the line, which black leaves alone as well, whatever its length is."""\n'
    assert layout(source) == source == black.format_str(source, mode=MODE)
