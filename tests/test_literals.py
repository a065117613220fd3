"""The escaping functions of codegen/literals.py, over arbitrary Unicode (surrogates and control
characters included): the formatted file compiles without a warning, and the literal's value is
the text after the documented cleaning (docstrings) or the text itself (string literals)."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from codegen.literals import clean_docstring_text, docstring_literal, string_literal
from codegen.render import format_file

# Every code point (hypothesis leaves out surrogates unless asked), and a small alphabet of the
# characters that escaping is about, so that runs of them come up often.
ANY = st.characters(exclude_categories=())
TRICKY = st.sampled_from(['"', '"', "\\", "\n", "\r", " ", "\t", "'", "a", "\x00", "\x0c", "\x85", "\u2028", "\ud800", "\ufeff", "N", "{", "x"])
TEXTS = st.text(ANY) | st.text(TRICKY) | st.lists(st.text(TRICKY) | st.text(ANY), max_size=4).map("".join)


def compiled(source: bytes) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an invalid escape is a SyntaxWarning: not allowed
        compile(source, "generated.py", "exec", dont_inherit=True)
    return ast.parse(source)


def unindented(value: str | None, indent: int) -> str:
    """A docstring's value without the indentation its place in the code adds (and the line of
    its closing quotes)."""
    assert value is not None
    first, *rest = value.split("\n")
    if rest and not rest[-1].strip(" "):
        rest.pop()
    pad = " " * indent
    assert all(line.startswith(pad) or not line for line in rest), value
    return "\n".join([first, *(line[indent:] for line in rest)])


def module_with(text: str) -> str:
    return (
        f"{docstring_literal(text, 0)}\n\n\n"
        f"class Record:\n    {docstring_literal(text, 4)}\n\n"
        f"    field: int\n    {docstring_literal(text, 4, attribute=True)}\n\n"
        f"    def method(self) -> None:\n        {docstring_literal(text, 8)}\n"
    )


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example('ends in three quotes """')
@example('""""""')
@example("a trailing backslash \\")
@example('"starts and ends with quotes"')
@example("\\N{BULLET} and \\x41 as text")
def test_a_docstring_holds_any_text_and_compiles_after_black(text: str) -> None:
    source = format_file("generated.py", module_with(text))
    tree = compiled(source)
    expected = clean_docstring_text(text)
    record = tree.body[1]
    assert isinstance(record, ast.ClassDef)
    method = record.body[3]
    assert isinstance(method, ast.FunctionDef)
    attribute = record.body[2]
    assert isinstance(attribute, ast.Expr) and isinstance(attribute.value, ast.Constant)
    assert unindented(ast.get_docstring(tree, clean=False), 0) == expected
    assert unindented(ast.get_docstring(record, clean=False), 4) == expected
    assert unindented(ast.get_docstring(method, clean=False), 8) == expected
    assert unindented(attribute.value.value, 4) == expected


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_a_string_literal_holds_any_text_exactly(text: str) -> None:
    source = format_file("generated.py", f"NAME = {string_literal(text)}\nPAIR = ({string_literal(text)}, 1)\n")
    tree = compiled(source)
    values = [node.value for node in tree.body if isinstance(node, ast.Assign)]
    assert ast.literal_eval(values[0]) == text
    assert ast.literal_eval(values[1]) == (text, 1)


def test_the_cleaning_is_what_the_docstring_says() -> None:
    assert clean_docstring_text("  a  \r\n   b\t\r\n\n    c") == "a\nb\n\n c"
    assert clean_docstring_text(" \n ") == "Undocumented."
    assert docstring_literal('Says """stop"""', 0) == '"""Says \\x22\\x22\\x22stop\\x22\\x22\\x22"""'
    assert docstring_literal('A "quoted" word.', 0) == '"""A "quoted" word."""'  # readable where safe


def test_descriptions_ending_in_three_quotes_generate_compiling_docstrings_that_hold_them(tmp_path: Path) -> None:
    """A description (SOAP operation page, WebAPI page and its property table) that ends in
    ``\"\"\"``: today's docs could stop every regeneration with one such text."""
    from codegen.pipeline import Settings, build_output
    from conftest import require_corpus
    from test_determinism import small_docs

    docs = small_docs(require_corpus(), tmp_path / "docs")
    hostile = 'Ends like a docstring """'
    rest = docs / "restful/agent/Tooltips_Agent/v1TooltipsAgent_GetTooltip.md"
    text = rest.read_text(encoding="utf-8").replace("Parse a tooltip hint and return a tooltip.", hostile, 1)
    rest.write_text(text.replace("| TooltipHint | String |  |", f"| TooltipHint | String | {hostile} |", 1), encoding="utf-8")
    soap = next(page for page in sorted((docs / "soap/Services88/Tooltips").glob("*.md")) if "## " in page.read_text(encoding="utf-8"))
    page_text = soap.read_text(encoding="utf-8")
    heading = page_text.index("\n", page_text.index("\n# ") + 1)
    soap.write_text(page_text[:heading] + f"\n\n{hostile}\n" + page_text[heading:], encoding="utf-8")

    outcome = build_output(Settings(docs=docs, out=tmp_path / "out"))
    docstrings = []
    for path, content in outcome.files.items():
        if path.endswith((".py", ".pyi")):
            for node in ast.walk(compiled(content)):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and hostile in node.value:
                    docstrings.append(path)
    assert any("webapi" in path for path in docstrings) and any("services88" in path for path in docstrings), docstrings
