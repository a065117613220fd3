"""The page reader parses markdown without the contents of top-level fences and puts them
back (``pages._parse_markdown``), and splits table rows with str.split: its tokens must be
those of a stock markdown-it parser for the whole text, whatever the fences and tables look
like. Checked on tricky hand-written pages, on generated ones and on pages of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from markdown_it.token import Token

from codegen.sources import pages
from codegen.sources.pages import _MARKDOWN, _parse_markdown, _split_cells, discover

STOCK = MarkdownIt("commonmark").enable("table").disable("inline")  # no rule of ours

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "superoffice-docs"


def summary(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [(t.type, t.tag, t.level, t.nesting, t.map, t.content, t.info, t.markup) for t in tokens]


def assert_same_as_markdown_it(body: str) -> None:
    assert summary(_parse_markdown(body)) == summary(STOCK.parse(body))


CASES = {
    "two examples": "# Op\n\n## Request\n\n```xml\n<a>\n  <b/>\n</a>\n```\n\ntext\n\n## Response\n\n```xml\n<r/>\n```\n",
    "tildes and a longer closer": "~~~xml\n<a/>\n```\n~~~~\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "four backticks hold three": "````\n```\nnot a closer\n```\n````\npara\n",
    "indented opener": "  ```xml\n  <a/>\n    <b/>\n  ```\nafter\n",
    "closer indented by three": "```\nx\n   ```\ny\n",
    "closer indented by four is content": "```\nx\n    ```\n```\n",
    "backtick in the info string": "```a`b\n<x/>\n```\n",
    "fence inside an html pre block": "<pre>\n```\n<a/>\n```\n</pre>\n\n```\nz\n```\n",
    "fence in a list item": "- item\n\n  ```\n  code\n  ```\n- next\n",
    "fence after a list": "- item\n```\ncode\n```\n",
    "fence in a blockquote": "> ```\n> q\n> ```\n",
    "unclosed": "text\n\n```xml\n<a/>\n",
    "empty fence": "```\n```\n\n```\n\n```\n",
    "fence at the very start and end": "```\na\n```",
    "closer with trailing text is content": "```\na\n``` no\n```\n",
    "NUL inside": "```\na\x00b\n```\n",
    "inline backticks mid-line": "use ```x``` here\n\n```\nreal\n```\n",
    "fence right after a table": "| a |\n|---|\n| 1 |\n```\nx\n```\n# h\n",
    "lines that look like markdown inside": "```\n# not a heading\n- not a list\n| not | a table |\n```\n## h\n",
    "escaped pipes in cells": "| a | b |\n|---|---|\n| x \\| y | `c\\|d` |\n| \\\\| e |\n|\\||\n",
}


@pytest.mark.parametrize("body", list(CASES.values()), ids=list(CASES))
def test_tokens_are_markdown_its_own(body: str) -> None:
    assert_same_as_markdown_it(body)


def test_a_page_markdown_it_sees_otherwise_is_parsed_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fence lines inside <pre> are no fence for markdown-it: the fast parse is dropped."""
    calls: list[str] = []
    real = _MARKDOWN.parse

    def parse(src: str, env: object = None) -> list[Token]:
        calls.append(src)
        return real(src)

    monkeypatch.setattr(pages._MARKDOWN, "parse", parse)
    body = CASES["fence inside an html pre block"]
    _parse_markdown(body)
    assert calls[-1] == body and len(calls) == 2
    calls.clear()
    _parse_markdown(CASES["two examples"])
    assert len(calls) == 1 and "<b/>" not in calls[0]  # parsed once, without the contents


LINES = st.sampled_from(
    ["```", "```xml", "````", "~~~", "  ```", "    ```", "``` x`y", "text", "", "- item", "  - nested",
     "> quote", "# Heading", "| a | b |", "|---|---|", "<pre>", "</pre>", "<div>", "   ~~~~", "\t```",
     "<a>\x00</a>", "1. one", "| a \\| b | c |", "|:-:|--:|", "\\|x|\\", "a | b"]
)


@given(st.text(alphabet="ab|\\ `", max_size=20))
def test_cells_are_split_as_markdown_it_splits_them(row: str) -> None:
    assert _split_cells(row) == escapedSplit(row)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, max_size=30), st.booleans())
def test_generated_pages_give_markdown_its_tokens(lines: list[str], final_newline: bool) -> None:
    assert_same_as_markdown_it("\n".join(lines) + ("\n" if final_newline else ""))


def test_corpus_pages_give_markdown_its_tokens() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the docs corpus is not at {CORPUS} (see its SOURCE.md)")
    paths = [path for path in discover(CORPUS) if path.suffix == ".md"]
    # WSDL pages (the biggest fences: Services88-Appointment.md and the like) and a spread
    sample = [p for p in paths if p.parent.name.startswith("Services")][::5] + paths[::25]
    assert len(sample) > 400
    for path in sample:
        assert_same_as_markdown_it(path.read_text(encoding="utf-8"))
