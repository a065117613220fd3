"""The WebAPI agent page reader: hand-written pages (our own text, imitating the layout of
the current docs and of the older variant), broken pages, and every endpoint page of the
real corpus (whose folder and file names are the independent truth)."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.sources.rest import RestPage, RestProperty, read_rest_page, read_rest_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "superoffice-docs"

HEADERS = """## Request Headers

| Parameter Name | Description |
|----------------|-------------|
| Authorization  | Which scheme to use. |
| Accept         | What to answer in. |
"""

SAMPLE_REQUEST = """POST /api/v1/Agents/Gadget/StoreLink
Authorization: Basic Zm9vOmJhcg==
Content-Type: application/json; charset=utf-8

{
  "Link": null
}"""

SAMPLE_RESPONSE = """HTTP/1.1 200 OK
Content-Type: application/json; charset=utf-8

{
  "LinkId": 7,
  "Label": "first"
}"""

# Our own made-up agent; its uid is built so that no line reads like a corpus page's front matter.
AGENT = "Gadget"

# The current layout.
CURRENT = f"""---
title: POST Agents/Gadget/StoreLink
uid: v1{AGENT}Agent_StoreLink
generated: true
---

# POST Agents/Gadget/StoreLink

```http
POST /api/v1/Agents/Gadget/StoreLink
```

Keeps a link &amp; its label.<para/>See <see cref="T:SuperOffice.X.IGadgetAgent">the Gadget agent</see>.


## Online Restricted: ## The Gadget agent needs its own scope in Online.



## Query String Parameters

| Parameter Name | Type |  Description |
|----------------|------|--------------|
| $select | string |  Fields to keep in the answer. |

```http
POST /api/v1/Agents/Gadget/StoreLink?$select=label
```

{HEADERS}
## Request Body: request 

Link 

| Property Name | Type |  Description |
|----------------|------|--------------|
| Link | GadgetLink | The link to keep. <para /> A carrier. |

## Response:

OK

| Response | Description |
|----------------|-------------|
| 200 | OK |

### Response body: GadgetLink

| Property Name | Type |  Description |
|----------------|------|--------------|
| LinkId | int32 | Primary key |
| Label | string | Shown to users |
| Targets | array |  |

## Sample request

```http!
{SAMPLE_REQUEST}
```

## Sample response

```http_
{SAMPLE_RESPONSE}
```
"""

# The older variant: id instead of uid, "## Response: object", a plain "Response body:" line,
# "## Sample Request" capitalised, the response sample without a heading, trailing spaces,
# empty type cells.
OLDER = f"""---
title: POST Agents/Gadget/StoreLink
id: v1GadgetAgent_StoreLink
---

# POST Agents/Gadget/StoreLink

```http
POST /api/v1/Agents/Gadget/StoreLink
```

Keeps a link.   

{HEADERS}
## Request Body: request  

Link 

| Property Name | Type |  Description |
|----------------|------|--------------|
| Link |  | The link to keep. |


## Response: object

The kept link.

| Response | Description |
|----------------|-------------|
| 200 | OK |

Response body: object

| Property Name | Type |  Description |
|----------------|------|--------------|
| LinkId | int32 | Primary key |
| Label |  |  |

## Sample Request

```http!
{SAMPLE_REQUEST}
```

```http_
{SAMPLE_RESPONSE}
```
"""


def line_of(text: str, wanted: str, after: int = 0) -> int:
    """The 1-based number of the first line equal to ``wanted`` after line ``after``."""
    lines = text.split("\n")
    return next(i + 1 for i in range(after, len(lines)) if lines[i] == wanted)


def codes(page: RestPage) -> list[str]:
    return [d.code for d in page.diagnostics]


def test_current_layout_names_the_endpoint() -> None:
    page = read_rest_text(CURRENT, "r.md")
    assert (page.agent, page.method) == ("Gadget", "StoreLink")
    assert page.endpoint == "/api/v1/Agents/Gadget/StoreLink"
    assert page.endpoint_line == line_of(CURRENT, "POST /api/v1/Agents/Gadget/StoreLink")
    assert (page.title, page.uid) == ("POST Agents/Gadget/StoreLink", "v1GadgetAgent_StoreLink")
    assert page.diagnostics == ()


def test_current_layout_description_and_restriction_are_clean_text() -> None:
    page = read_rest_text(CURRENT, "r.md")
    assert page.description == "Keeps a link & its label.\n\nSee the Gadget agent."
    assert page.online_restricted == "The Gadget agent needs its own scope in Online."


def test_current_layout_tables() -> None:
    page = read_rest_text(CURRENT, "r.md")
    assert page.query_parameters == (
        RestProperty(
            "$select",
            "string",
            "Fields to keep in the answer.",
            line_of(CURRENT, "| $select | string |  Fields to keep in the answer. |"),
        ),
    )
    assert (page.request_body, page.request_body_description) == ("request", "Link")
    assert page.request_properties == (
        RestProperty(
            "Link",
            "GadgetLink",
            "The link to keep.\n\nA carrier.",
            line_of(CURRENT, "| Link | GadgetLink | The link to keep. <para /> A carrier. |"),
        ),
    )
    assert (page.response_type, page.response_description) == ("GadgetLink", "OK")
    assert page.response_codes == (("200", "OK"),)
    assert [(p.name, p.type, p.description) for p in page.response_properties] == [
        ("LinkId", "int32", "Primary key"),
        ("Label", "string", "Shown to users"),
        ("Targets", "array", ""),
    ]
    assert page.response_properties[0].line == line_of(CURRENT, "| LinkId | int32 | Primary key |")


def test_current_layout_samples_and_their_lines() -> None:
    page = read_rest_text(CURRENT, "r.md")
    assert page.sample_request is not None and page.sample_response is not None
    assert (page.sample_request.info, page.sample_request.text) == ("http!", SAMPLE_REQUEST + "\n")
    assert (page.sample_response.info, page.sample_response.text) == (
        "http_",
        SAMPLE_RESPONSE + "\n",
    )
    assert page.sample_request.line == line_of(CURRENT, "```http!") + 1
    assert page.sample_response.line == line_of(CURRENT, "```http_") + 1
    assert [f.info for f in page.fences] == ["http", "http", "http!", "http_"]


def test_older_variant_is_read_as_well() -> None:
    page = read_rest_text(OLDER, "r.md")
    assert page.diagnostics == ()
    assert (page.agent, page.method, page.uid) == ("Gadget", "StoreLink", "v1GadgetAgent_StoreLink")
    assert page.description == "Keeps a link."
    assert page.online_restricted == ""
    assert page.query_parameters == ()
    assert page.request_body == "request"
    assert [(p.name, p.type, p.description) for p in page.request_properties] == [
        ("Link", "", "The link to keep."),
    ]
    assert (page.response_type, page.response_description) == ("object", "The kept link.")
    assert page.response_codes == (("200", "OK"),)
    assert [(p.name, p.type) for p in page.response_properties] == [
        ("LinkId", "int32"),
        ("Label", ""),
    ]
    assert page.sample_request is not None and page.sample_request.text == SAMPLE_REQUEST + "\n"
    assert page.sample_response is not None and page.sample_response.text == SAMPLE_RESPONSE + "\n"


@pytest.mark.parametrize(
    ("heading", "body_heading", "expected"),
    [
        ("## Response:array", "### Response body: array", "array"),
        ("## Response: bool", "### Response body: bool", "bool"),
        ("## Response:", "### Response body: GadgetLink", "GadgetLink"),
        ("## Response: object", "Response body: object", "object"),
        ("## Response:int32", "", "int32"),
    ],
)
def test_response_type_in_its_variants(heading: str, body_heading: str, expected: str) -> None:
    text = CURRENT.replace("## Response:\n", heading + "\n").replace(
        "### Response body: GadgetLink\n", body_heading + "\n"
    )
    page = read_rest_text(text, "r.md")
    assert page.response_type == expected
    assert page.diagnostics == ()


def test_description_may_hold_headings_and_bare_fences_of_its_own() -> None:
    extra = (
        "Filters are written as text.\n\n```\n\"name begins 'A'\"\n```\n\n"
        '## Grouping\n\nBrackets group terms.\n\n```\n"(a or b) and c"\n```\n\n'
    )
    text = CURRENT.replace("\n## Online Restricted:", "\n" + extra + "## Online Restricted:")
    page = read_rest_text(text, "r.md")
    assert page.description == (
        "Keeps a link & its label.\n\nSee the Gadget agent.\n\nFilters are written as text."
        '\n\n    "name begins \'A\'"\n\nGrouping\n\nBrackets group terms.\n\n    "(a or b) and c"'
    )
    assert page.online_restricted == "The Gadget agent needs its own scope in Online."
    assert page.query_parameters[0].name == "$select"
    assert page.sample_request is not None and page.sample_request.info == "http!"
    assert page.diagnostics == ()


def test_online_restricted_note_inside_the_description_is_also_found() -> None:
    text = CURRENT.replace(
        "## Online Restricted: ## The Gadget agent needs its own scope in Online.\n", ""
    ).replace(
        "the Gadget agent</see>.", "the Gadget agent</see>.\n<para /><b>Online Restricted:</b> Ask."
    )
    page = read_rest_text(text, "r.md")
    assert page.description == "Keeps a link & its label.\n\nSee the Gadget agent."
    assert page.online_restricted == "Ask."


def test_page_without_samples_warns() -> None:
    text = CURRENT[: CURRENT.index("## Sample request")]
    page = read_rest_text(text, "r.md")
    assert codes(page) == ["R003", "R004"]
    assert {d.severity for d in page.diagnostics} == {"warning"}


def test_page_without_endpoint_line_is_an_error_but_named_by_its_title() -> None:
    text = CURRENT.replace("```http\nPOST /api/v1/Agents/Gadget/StoreLink\n```\n", "", 1)
    text = text[: text.index("## Sample request")]
    page = read_rest_text(text, "r.md")
    assert (page.agent, page.method, page.endpoint) == ("Gadget", "StoreLink", "")
    assert codes(page) == ["R002", "R003", "R004"]
    assert page.diagnostics[0].severity == "error"


def test_title_disagreeing_with_the_endpoint_line_is_reported() -> None:
    text = CURRENT.replace(
        "title: POST Agents/Gadget/StoreLink", "title: POST Agents/Gadget/DropLink"
    )
    page = read_rest_text(text, "r.md")
    assert page.method == "StoreLink"
    assert codes(page) == ["P012"]


def test_table_row_with_extra_cells_is_reported() -> None:
    row = "| Label | string | Shown to users |"
    text = CURRENT.replace(row, "| Label | string | Shown | to users |")
    page = read_rest_text(text, "r.md")
    assert [(d.code, d.line) for d in page.diagnostics] == [
        ("R005", line_of(text, "| Label | string | Shown | to users |"))
    ]


def test_a_soap_page_is_not_a_rest_page() -> None:
    text = "---\ntitle: Services90.GadgetAgent SOAP\n---\n\n# Services90 Gadget SOAP\n"
    page = read_rest_text(text, "s.md")
    assert codes(page) == ["R001"]
    assert (page.agent, page.method) == ("", "")


def test_unreadable_file_is_reported_not_raised(tmp_path: Path) -> None:
    page = read_rest_page(tmp_path / "missing.md", tmp_path)
    assert (page.path, codes(page)) == ("missing.md", ["P001"])


def test_file_is_read_relative_to_the_docs_root(tmp_path: Path) -> None:
    (tmp_path / "any" / "where").mkdir(parents=True)
    (tmp_path / "any" / "where" / "x.md").write_text(CURRENT, encoding="utf-8")
    page = read_rest_page(tmp_path / "any" / "where" / "x.md", tmp_path)
    assert page == read_rest_text(CURRENT, "any/where/x.md")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "---\n",
        "# POST Agents/A/B\n\n## Response:\n\n| x |\n",
        "## Request Body:\n| a | b |\n|--|--|\n| 1 |\n",
    ],
)
def test_bad_input_never_raises(text: str) -> None:
    assert isinstance(read_rest_text(text, "bad.md"), RestPage)


# --- the real corpus ------------------------------------------------------------------------


@cache
def corpus_pages() -> tuple[RestPage, ...]:
    if not CORPUS.is_dir():
        pytest.skip(f"the docs corpus is not at {CORPUS} (see its SOURCE.md)")
    folder = CORPUS / "restful" / "agent"
    # Every page of the agent folders but their index pages (the folder layout is only the
    # test's truth, the reader does not use it).
    paths = sorted(p for p in folder.glob("*_Agent/*.md") if p.name != "index.md")
    return tuple(read_rest_page(path, CORPUS) for path in paths)


def test_corpus_every_endpoint_page_reads_without_error() -> None:
    pages = corpus_pages()
    assert len(pages) > 1800
    errors = [str(d) for page in pages for d in page.diagnostics if d.severity == "error"]
    assert errors == []


def test_corpus_agent_method_and_endpoint_agree_with_folder_and_file_names() -> None:
    for page in corpus_pages():
        _, _, folder, name = page.path.split("/")
        assert folder == f"{page.agent}_Agent"
        assert name == f"v1{page.agent}Agent_{page.method}.md"
        assert page.endpoint == f"/api/v1/Agents/{page.agent}/{page.method}"
        assert page.endpoint_line > 0


def test_corpus_pages_per_agent_folder_equal_endpoints_read_per_agent() -> None:
    folder = CORPUS / "restful" / "agent"
    on_disk = Counter(
        p.parent.name[: -len("_Agent")] for p in folder.glob("*_Agent/*.md") if p.name != "index.md"
    )
    read = Counter(page.agent for page in corpus_pages() if page.endpoint)
    assert read == on_disk
    assert len({page.endpoint for page in corpus_pages()}) == len(corpus_pages())


def test_corpus_samples_and_tables_are_found() -> None:
    for page in corpus_pages():
        raw = (CORPUS / page.path).read_text(encoding="utf-8")
        assert page.sample_request is not None and page.sample_request.text.startswith(
            "POST /api/v1/Agents/"
        )
        assert page.sample_response is not None and page.sample_response.text.startswith(
            "HTTP/1.1 "
        )
        assert ("## Query String Parameters" in raw) == bool(page.query_parameters)
        assert ("## Online Restricted:" in raw) == bool(page.online_restricted)
        assert page.response_codes
        lines = raw.split("\n")
        for prop in page.query_parameters + page.request_properties + page.response_properties:
            assert lines[prop.line - 1].startswith(f"| {prop.name} |")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CURRENT.split("\n") + OLDER.split("\n")), max_size=60))
def test_no_arrangement_of_rest_page_lines_makes_the_reader_raise(lines: list[str]) -> None:
    page = read_rest_text("\n".join(lines), "random.md")
    assert all(d.path == "random.md" and d.line >= 1 for d in page.diagnostics)
