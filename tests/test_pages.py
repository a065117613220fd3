"""The page reader: hand-written pages in the current and the older docs format, broken
pages, and every file of the real docs corpus (whose folder and file names are the
independent truth here; the reader itself never looks at them)."""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.sources.pages import (
    Page,
    clean_text,
    discover,
    read_page,
    read_text,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "superoffice-docs"
VERSIONS = ("Services84", "Services85", "Services86", "Services87", "Services88")

# A made-up version: the pages below are our own text, imitating the layout of the docs.
VERSION = "Services90"
NAMESPACE = f"http://www.superoffice.net/ws/crm/NetServer/{VERSION}"


def envelope(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope"'
        f' xmlns:Gadget="{NAMESPACE}">\n'
        f" <SOAP-ENV:Body>\n{body}\n </SOAP-ENV:Body>\n"
        "</SOAP-ENV:Envelope>\n"
    )


REQUEST = envelope(
    "  <Gadget:StoreLink>\n   <Gadget:LinkId>0</Gadget:LinkId>\n  </Gadget:StoreLink>"
)
RESPONSE = envelope("  <Gadget:StoreLinkResponse>\n  </Gadget:StoreLinkResponse>")

BOILERPLATE = f"""[WSDL file for {VERSION}/Gadget](../{VERSION}-Gadget.md)

Obtain a ticket from the [{VERSION}/SoPrincipal.svc](../SoPrincipal/index.md)

Application tokens must be specified if calling an Online installation. They are ignored elsewhere.
"""


def operation_page(
    *,
    front_matter: str | None = None,
    h1: str | None = None,
    section: str = "",
    examples: str | None = None,
) -> str:
    """An operation page of service Gadget, operation StoreLink, in the current format."""
    if front_matter is None:
        front_matter = (
            f"uid: {VERSION.lower()}-gadget-storelink\n"
            f"title: {VERSION}.GadgetAgent.StoreLink SOAP\n"
            "Generated: true\n"
        )
    if h1 is None:
        h1 = f"{VERSION} Gadget StoreLink SOAP"
    if examples is None:
        examples = (
            f"## StoreLink Request\n\n```xml\n{REQUEST}\n```\n\n"
            f"## StoreLink Response\n\n```xml\n{RESPONSE}\n```\n"
        )
    return (
        f"---\n{front_matter}---\n\n# {h1}\n\n"
        f"SOAP request and response examples **Remote/{VERSION}/Gadget.svc**\n"
        f'Implemented by the <see cref="M:SuperOffice.{VERSION}.IGadgetAgent.StoreLink">'
        f"SuperOffice.{VERSION}.IGadgetAgent.StoreLink</see> method.\n\n"
        f"## StoreLink\n\n{section}\n{BOILERPLATE}\n{examples}"
    )


CURRENT_SECTION = """Keeps a link between two gadgets, creating it when the
<see cref="P:SuperOffice.X.Link.LinkId">LinkId</see> is 0 &amp; updating it otherwise.

A second paragraph with a [link](https://example.com/a) and **bold** words.
<para /><b>Online Restricted:</b> Only for apps that asked for the gadget scope.

* **linkId:** The link to keep; see <see cref="T:SuperOffice.X.Link" />.
* **keepOld:** When true, the old link
  stays as well.

**Returns:** The stored <c>Link</c>, or null.
"""


def line_of(text: str, wanted: str, after: int = 0) -> int:
    """The 1-based number of the first line equal to ``wanted`` after line ``after``."""
    lines = text.split("\n")
    return next(i + 1 for i in range(after, len(lines)) if lines[i] == wanted)


def codes(page: Page) -> list[str]:
    return [d.code for d in page.diagnostics]


# --- the current format of operation pages --------------------------------------------------


def test_current_format_operation_page_says_who_it_is() -> None:
    page = read_text(operation_page(section=CURRENT_SECTION), "anywhere/p.md")
    assert page.kind == "soap-operation"
    assert (page.version, page.service, page.operation) == (VERSION, "Gadget", "StoreLink")
    assert page.endpoint == f"Remote/{VERSION}/Gadget.svc"
    assert page.title == f"{VERSION}.GadgetAgent.StoreLink SOAP"
    assert page.uid == f"{VERSION.lower()}-gadget-storelink"
    assert page.h1 == f"{VERSION} Gadget StoreLink SOAP"
    assert page.front_matter == (
        ("uid", f"{VERSION.lower()}-gadget-storelink"),
        ("title", f"{VERSION}.GadgetAgent.StoreLink SOAP"),
        ("Generated", "true"),
    )
    assert page.diagnostics == ()


def test_current_format_description_is_clean_docstring_text() -> None:
    text = operation_page(section=CURRENT_SECTION)
    page = read_text(text, "p.md")
    assert page.description == (
        "Keeps a link between two gadgets, creating it when the LinkId is 0 & updating it"
        " otherwise.\n\nA second paragraph with a link and bold words."
    )
    assert page.description_line == line_of(
        text, "Keeps a link between two gadgets, creating it when the"
    )
    assert page.online_restricted == "Only for apps that asked for the gadget scope."
    assert page.parameters == (
        ("linkId", "The link to keep; see Link."),
        ("keepOld", "When true, the old link stays as well."),
    )
    assert page.returns == "The stored `Link`, or null."


def test_boilerplate_under_the_operation_heading_is_not_description() -> None:
    page = read_text(operation_page(section=""), "p.md")
    assert (page.description, page.online_restricted, page.returns) == ("", "", "")
    assert page.parameters == ()


@pytest.mark.parametrize(
    "front_matter",
    [
        f"title: {VERSION}.GadgetAgent.StoreLink SOAP\ngenerated: 1\nuid: {VERSION}-Gadget-StoreLink\n",
        f"generated: true\nuid: {VERSION}-Gadget-StoreLink\ntitle: {VERSION}.GadgetAgent.StoreLink SOAP\n",
        f"uid: {VERSION.lower()}-gadget-storelink\ntitle: {VERSION}.GadgetAgent.StoreLink SOAP\nGenerated: true\n",
        f"title: {VERSION}.GadgetAgent.StoreLink SOAP\nuid: {VERSION}-Gadget-StoreLink\n"
        "generated: true\ncontent_type: reference\n",
        f"title: '{VERSION}.GadgetAgent.StoreLink SOAP'\n",
    ],
    ids=["generated-1", "keys-reordered", "lowercase-uid", "content-type", "quoted-title-only"],
)
def test_front_matter_variants_all_identify_the_operation(front_matter: str) -> None:
    page = read_text(operation_page(front_matter=front_matter), "p.md")
    assert (page.kind, page.version, page.service, page.operation) == (
        "soap-operation",
        VERSION,
        "Gadget",
        "StoreLink",
    )
    assert [d for d in page.diagnostics if d.severity != "info"] == []


@pytest.mark.parametrize("h1", [f"{VERSION} Gadget StoreLink", f"{VERSION} Gadget StoreLink SOAP"])
def test_h1_with_or_without_soap_suffix_names_the_operation(h1: str) -> None:
    page = read_text(operation_page(front_matter="generated: 1\n", h1=h1), "p.md")
    assert (page.version, page.service, page.operation) == (VERSION, "Gadget", "StoreLink")
    assert page.h1 == h1
    assert page.diagnostics == ()


def test_page_without_front_matter_is_known_by_marker_h1_and_cref() -> None:
    text = operation_page(section=CURRENT_SECTION).split("---\n", 2)[2]
    page = read_text(text, "p.md")
    assert (page.kind, page.version, page.service, page.operation) == (
        "soap-operation",
        VERSION,
        "Gadget",
        "StoreLink",
    )
    assert page.front_matter == ()


def test_page_is_known_by_content_not_by_path_or_file_name(tmp_path: Path) -> None:
    text = operation_page(section=CURRENT_SECTION)
    for name in ("index.md", "flat/Services80-Other.md", "renamed/page 7.md"):
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        page = read_page(target, tmp_path)
        assert page.path == name
        assert (page.kind, page.service, page.operation) == (
            "soap-operation",
            "Gadget",
            "StoreLink",
        )


# --- the example envelopes -------------------------------------------------------------------


def test_fences_carry_info_text_and_first_content_line() -> None:
    text = operation_page()
    page = read_text(text, "p.md")
    request_line = line_of(text, "```xml", line_of(text, "## StoreLink Request")) + 1
    response_line = line_of(text, "```xml", line_of(text, "## StoreLink Response")) + 1
    assert [(f.info, f.line) for f in page.fences] == [
        ("xml", request_line),
        ("xml", response_line),
    ]
    assert page.request is not None and page.response is not None
    assert page.request.text == REQUEST + "\n"
    assert page.response.text == RESPONSE + "\n"
    assert page.request.line == request_line
    assert text.split("\n")[page.request.line - 1] == REQUEST.split("\n")[0]


def test_request_and_response_follow_their_headings_not_their_order() -> None:
    examples = (
        f"## StoreLink Response\n\n```xml\n{RESPONSE}```\n\n"
        f"## StoreLink Request\n\n```xml\n{REQUEST}```\n"
    )
    page = read_text(operation_page(examples=examples), "p.md")
    assert page.request is not None and "<Gadget:StoreLink>" in page.request.text
    assert page.response is not None and "<Gadget:StoreLinkResponse>" in page.response.text
    assert page.diagnostics == ()


def test_examples_without_headings_are_told_apart_by_their_body_element() -> None:
    examples = f"```xml\n{RESPONSE}```\n\n```xml\n{REQUEST}```\n"
    page = read_text(operation_page(examples=examples), "p.md")
    assert page.request is not None and "<Gadget:StoreLink>" in page.request.text
    assert page.response is not None and "<Gadget:StoreLinkResponse>" in page.response.text
    assert codes(page) == ["P016", "P016"]
    assert all(d.severity == "warning" for d in page.diagnostics)


def test_examples_without_headings_or_body_elements_are_taken_in_order() -> None:
    bare = '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope">{}</SOAP-ENV:Envelope>\n'
    examples = f"```xml\n{bare.format('first')}```\n\n```xml\n{bare.format('second')}```\n"
    page = read_text(operation_page(examples=examples), "p.md")
    assert page.request is not None and "first" in page.request.text
    assert page.response is not None and "second" in page.response.text
    # and the examples' own problem (no Body), from the example reader the page reader runs
    assert codes(page) == ["P016", "P016", "X004", "X004"]


def test_operation_page_without_response_example_is_an_error() -> None:
    examples = f"## StoreLink Request\n\n```xml\n{REQUEST}```\n"
    page = read_text(operation_page(examples=examples), "p.md")
    assert page.request is not None and page.response is None
    assert codes(page) == ["P015"]
    assert page.diagnostics[0].severity == "error"


def test_operation_page_without_any_example_reports_both() -> None:
    page = read_text(operation_page(examples=""), "p.md")
    assert (page.request, page.response) == (None, None)
    assert codes(page) == ["P014", "P015"]


# --- broken pages ---------------------------------------------------------------------------


def test_unterminated_fence_is_reported_at_its_opening_line() -> None:
    examples = f"## StoreLink Request\n\n```xml\n{REQUEST}```\n\n## StoreLink Response\n\n```xml\n{RESPONSE}"
    text = operation_page(examples=examples)
    page = read_text(text, "docs/p.md")
    opening = line_of(text, "```xml", line_of(text, "## StoreLink Response"))
    problem = next(d for d in page.diagnostics if d.code == "P013")
    assert (problem.path, problem.line, problem.severity) == ("docs/p.md", opening, "error")
    assert page.response is not None  # still handed on, up to the end of the file


def test_unterminated_front_matter_is_reported_and_its_keys_still_used() -> None:
    text = operation_page().replace("Generated: true\n---\n", "Generated: true\n", 1)
    page = read_text(text, "p.md")
    assert codes(page) == ["P004"]
    assert (page.diagnostics[0].line, page.diagnostics[0].severity) == (1, "error")
    assert page.title == f"{VERSION}.GadgetAgent.StoreLink SOAP"
    assert (page.kind, page.operation) == ("soap-operation", "StoreLink")


def test_front_matter_line_that_is_not_key_value_is_reported() -> None:
    front_matter = f"title: {VERSION}.GadgetAgent.StoreLink SOAP\nthis is no key\n"
    page = read_text(operation_page(front_matter=front_matter), "p.md")
    assert codes(page) == ["P005"]
    assert page.diagnostics[0].line == 3


def test_unknown_and_repeated_front_matter_keys_are_reported() -> None:
    front_matter = (
        f"title: {VERSION}.GadgetAgent.StoreLink SOAP\nflavour: vanilla\n"
        f"title: {VERSION}.GadgetAgent.Other SOAP\n"
    )
    page = read_text(operation_page(front_matter=front_matter), "p.md")
    assert [(d.code, d.line, d.severity) for d in page.diagnostics] == [
        ("P006", 3, "warning"),
        ("P007", 4, "warning"),
    ]
    assert page.title == f"{VERSION}.GadgetAgent.StoreLink SOAP"


def test_non_utf8_bytes_are_replaced_and_reported_with_their_line(tmp_path: Path) -> None:
    text = operation_page(section="Caf\x00 description\n")
    data = text.encode("utf-8").replace(b"Caf\x00", b"Caf\xe9")
    (tmp_path / "p.md").write_bytes(data)
    page = read_page(tmp_path / "p.md", tmp_path)
    assert codes(page) == ["P002"]
    assert page.diagnostics[0].line == line_of(text, "Caf\x00 description")
    assert page.description == "Caf\ufffd description"
    assert page.operation == "StoreLink"


def test_empty_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    page = read_page(tmp_path / "empty.md", tmp_path)
    assert (page.kind, codes(page)) == ("other", ["P003"])


def test_unreadable_file_is_reported_not_raised(tmp_path: Path) -> None:
    page = read_page(tmp_path / "missing.md", tmp_path)
    assert (page.path, page.kind, codes(page)) == ("missing.md", "other", ["P001"])


def test_soap_looking_page_without_identity_is_an_error() -> None:
    text = f"Some notes.\n\n## Request\n\n```xml\n{REQUEST}```\n\n## Response\n\n```xml\n{RESPONSE}```\n"
    page = read_text(text, "notes.md")
    assert page.kind == "soap-operation"
    assert (page.version, page.service, page.operation) == ("", "", "")
    assert codes(page) == ["P010", "P011"]
    assert page.request is not None and page.response is not None


def test_soap_marker_alone_without_a_kind_is_an_error() -> None:
    page = read_text("# Notes\n\nWe call **Remote/Services90/Gadget.svc** a lot.\n", "n.md")
    assert (page.kind, codes(page)) == ("other", ["P010"])


def test_disagreeing_identity_signals_are_reported_and_the_marker_wins() -> None:
    text = operation_page().replace(f"Remote/{VERSION}/Gadget.svc", f"Remote/{VERSION}/Widget.svc")
    page = read_text(text, "p.md")
    assert page.service == "Widget"
    assert page.diagnostics and {d.code for d in page.diagnostics} == {"P012"}
    assert {d.severity for d in page.diagnostics} == {"warning"}
    title_problem = page.diagnostics[0]
    assert "'Gadget'" in title_problem.message and "'Widget'" in title_problem.message


def test_bad_input_never_raises() -> None:
    samples = [
        "---",
        "---\n---",
        "```",
        "# \n",
        "| a |\n|---|\n| b | c | d |",
        "* **x:**",
        "<see cref=",
        "\x00\x01",
        "---\ntitle: POST Agents//\n---\n",
        "## Request\n```xml\n<SOAP-ENV:Envelope",
        "\ufeff---\r\ntitle: x\r\n---\r\n# H\r\n",
    ]
    for text in samples:
        page = read_text(text, "bad.md")
        assert isinstance(page, Page)


# --- service, WSDL and other pages ----------------------------------------------------------


def test_current_format_service_page_carries_description_and_restriction() -> None:
    text = (
        f"---\nuid: {VERSION.lower()}-gadget\ntitle: {VERSION}.GadgetAgent SOAP\nGenerated: true\n---\n\n"
        f"# {VERSION} Gadget SOAP\n\n"
        f"SOAP request and response examples, and WSDL files for **Remote/{VERSION}/Gadget.svc**\n\n"
        f'Handled by the <see cref="T:SuperOffice.{VERSION}.IGadgetAgent">SuperOffice.{VERSION}.IGadgetAgent</see> interface.\n\n'
        "Everything about gadgets\nand their links\n"
        "<para /><b>Online Restricted:</b> Ask first.\n\n"
        f"Download [WSDL file for {VERSION}/Gadget](../{VERSION}-Gadget.md) to make your own proxy.\n\n"
        "* [StoreLink](StoreLink.md)\n* [DropLink](DropLink.md)\n"
    )
    page = read_text(text, "s.md")
    assert (page.kind, page.version, page.service, page.operation) == (
        "soap-service",
        VERSION,
        "Gadget",
        "",
    )
    assert page.description == "Everything about gadgets and their links"
    assert page.online_restricted == "Ask first."
    assert page.operations_listed == ("StoreLink", "DropLink")
    assert page.diagnostics == ()


def test_wsdl_page_hands_on_its_wsdl_document() -> None:
    wsdl = f'<wsdl:definitions name="x" targetNamespace="{NAMESPACE}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">\n</wsdl:definitions>\n'
    text = (
        f"---\ngenerated: 1\nuid: wsdl-{VERSION}-Gadget\ntitle: {VERSION}.GadgetAgent WSDL\n---\n\n"
        f"# {VERSION}.GadgetAgent WSDL\n\n```xml\n{wsdl}```\n"
    )
    page = read_text(text, "w.md")
    assert (page.kind, page.version, page.service) == ("soap-wsdl", VERSION, "Gadget")
    assert page.wsdl is not None and page.wsdl.text == wsdl
    assert page.wsdl.line == line_of(text, "```xml") + 1
    assert page.diagnostics == ()


def test_wsdl_document_alone_is_a_wsdl_page_of_unknown_service() -> None:
    wsdl = '<definitions xmlns="http://schemas.xmlsoap.org/wsdl/"/>\n'
    page = read_text(f"```xml\n{wsdl}```\n", "w.md")
    assert page.kind == "soap-wsdl"
    assert codes(page) == ["P010"]


def test_wsdl_title_without_its_document_is_an_error() -> None:
    page = read_text(f"---\ntitle: {VERSION}.GadgetAgent WSDL\n---\n\n# Nothing here\n", "w.md")
    assert (page.kind, page.service, codes(page)) == ("soap-wsdl", "Gadget", ["P017"])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            f"# SOAP web services for {VERSION}\n\n* [Gadget](Gadget/index.md)\n",
            "soap-version-index",
        ),
        ("- name: Gadgets\n  href: index.md\n  items:\n  - name: StoreLink\n", "toc"),
        ("items:\n- name: Overview\n  href: index.md\n", "toc"),
        ("---\ntitle: Gadget_Agent\n---\n\n```http\n/api/v1/Gadget/Agent\n```\n", "rest-index"),
        (
            "---\ntitle: POST Agents/Gadget/StoreLink\nid: v1GadgetAgent_StoreLink\n---\n\n# POST Agents/Gadget/StoreLink\n",
            "rest-endpoint",
        ),
        ("```http\nPOST /api/v1/Agents/Gadget/StoreLink\n```\n", "rest-endpoint"),
        ("---\ntitle: About\n---\n\n# About these docs\n\nNothing to see.\n", "other"),
    ],
    ids=[
        "version-index",
        "toc-list",
        "toc-items",
        "rest-index",
        "rest-title",
        "rest-line",
        "other",
    ],
)
def test_other_kinds_are_recognised_by_content(text: str, kind: str) -> None:
    page = read_text(text, "x.md")
    assert page.kind == kind
    assert [d for d in page.diagnostics if d.severity == "error"] == []


def test_version_index_names_its_version() -> None:
    page = read_text(f"# SOAP web services for {VERSION}\n", "x.md")
    assert page.version == VERSION


def test_rest_page_names_agent_method_and_endpoint_line() -> None:
    text = "---\ntitle: POST Agents/Gadget/StoreLink\n---\n\n# POST Agents/Gadget/StoreLink\n\n```http\nPOST /api/v1/Agents/Gadget/StoreLink\n```\n"
    page = read_text(text, "r.md")
    assert (page.service, page.operation) == ("Gadget", "StoreLink")
    assert page.endpoint == "/api/v1/Agents/Gadget/StoreLink"
    assert page.endpoint_line == line_of(text, "POST /api/v1/Agents/Gadget/StoreLink")


# --- clean_text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            'Use <see cref="M:SuperOffice.X.GadgetAgent.StoreLink">StoreLink</see> first',
            "Use StoreLink first",
        ),
        (
            'Use <see cref="M:SuperOffice.X.GadgetAgent.StoreLink(System.Int32)"></see>.',
            "Use StoreLink.",
        ),
        ('A <see cref="T:SuperOffice.X.Gadget"/> or <see langword="null" />', "A Gadget or null"),
        ("One.<para />Two.<para>Three.</para>", "One.\n\nTwo.\n\nThree."),
        ("One.&lt;para/&gt;Two.", "One.\n\nTwo."),
        (
            "<b>Bold</b>, <i>it</i> and <c>code</c> and <code>more</code>",
            "Bold, it and `code` and `more`",
        ),
        ("Salt &amp; pepper, 1-&gt;2, &amp;apos;quoted&amp;apos;", "Salt & pepper, 1->2, 'quoted'"),
        ("A [link](https://example.com/x_(y)) and ![img](a.png)", "A link and img"),
        ("**Bold** and __strong__ and *em*", "Bold and strong and em"),
        ("snake_case_name and 2 * 3 * 4 stay", "snake_case_name and 2 * 3 * 4 stay"),
        ("List<int> and <template variable> stay", "List<int> and <template variable> stay"),
        (
            "  spread\n  over   lines  \n\n\n  and paragraphs  ",
            "spread over lines\n\nand paragraphs",
        ),
        ('See <paramref name="linkId"/> now', "See linkId now"),
        ("", ""),
    ],
)
def test_clean_text(markup: str, expected: str) -> None:
    assert clean_text(markup) == expected


def test_clean_text_leaves_no_trailing_spaces() -> None:
    cleaned = clean_text("a  \n\n b <para />  c \t")
    assert all(line == line.strip() for line in cleaned.split("\n"))


# --- discover ------------------------------------------------------------------------------


def test_discover_finds_markdown_and_yaml_sorted_and_skips_the_rest(tmp_path: Path) -> None:
    for name in ("b/z.md", "a.yml", "b/a.MD", "c/d/e.md", "notes.txt", ".git/x.md", "b/img.png"):
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a.yml", "b/a.MD", "b/z.md", "c/d/e.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_discover_ends_on_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.md").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a/p.md"]


def test_reading_is_deterministic() -> None:
    text = operation_page(section=CURRENT_SECTION)
    assert read_text(text, "p.md") == read_text(text, "p.md")


# --- the real corpus ------------------------------------------------------------------------


def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the docs corpus is not at {CORPUS} (see its SOURCE.md)")
    return CORPUS


@cache
def corpus_pages() -> tuple[Page, ...]:
    root = corpus()
    return tuple(read_page(path, root) for path in discover(root))


def test_corpus_pages_read_without_any_diagnostic() -> None:
    problems = [str(d) for page in corpus_pages() for d in page.diagnostics]
    assert problems == []


def test_corpus_every_markdown_and_toc_file_is_discovered() -> None:
    root = corpus()
    on_disk = sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.suffix in (".md", ".yml")
    )
    assert [page.path for page in corpus_pages()] == on_disk


def test_corpus_soap_pages_per_version_match_the_folders() -> None:
    root = corpus()
    kinds = Counter(
        (page.path.split("/")[1], page.kind)
        for page in corpus_pages()
        if page.path.startswith("soap/")
    )
    for version in VERSIONS:
        folder = root / "soap" / version
        services = [d for d in folder.iterdir() if d.is_dir()]
        operations = [p for d in services for p in d.glob("*.md") if p.name != "index.md"]
        assert kinds[(version, "soap-operation")] == len(operations)
        assert kinds[(version, "soap-wsdl")] == len(services)
        assert kinds[(version, "soap-service")] == len(services)
        assert kinds[(version, "soap-version-index")] == 1
    assert kinds[("toc.yml", "toc")] == 1
    assert kinds[("index.md", "other")] == 1


def test_corpus_identity_equals_what_folder_and_file_names_say() -> None:
    for page in corpus_pages():
        parts = page.path.split("/")
        if page.kind == "soap-operation":  # soap/<Version>/<Service>/<Operation>.md
            assert (page.version, page.service, page.operation) == (
                parts[1],
                parts[2],
                parts[3][:-3],
            )
            assert page.endpoint == f"Remote/{parts[1]}/{parts[2]}.svc"
            assert page.request is not None and page.response is not None
        elif page.kind == "soap-service":  # soap/<Version>/<Service>/index.md
            assert (page.version, page.service, parts[3]) == (parts[1], parts[2], "index.md")
        elif page.kind == "soap-wsdl":  # soap/<Version>/<Version>-<Service>.md
            assert f"{page.version}-{page.service}.md" == parts[2] and page.version == parts[1]
            assert page.wsdl is not None
        elif page.kind == "rest-endpoint":  # restful/agent/<Agent>_Agent/v1<Agent>Agent_<Method>.md
            assert parts[2] == f"{page.service}_Agent"
            assert parts[3] == f"v1{page.service}Agent_{page.operation}.md"


def test_corpus_request_and_response_fences_are_the_envelopes() -> None:
    body_element = re.compile(r"<SOAP-ENV:Body>\s*<\w+:(\w+)>")
    odd = set()
    for page in corpus_pages():
        if page.kind == "soap-operation":
            assert page.request is not None and page.response is not None
            request = body_element.search(page.request.text)
            response = body_element.search(page.response.text)
            assert request and request.group(1) == page.operation
            assert response and response.group(1).endswith("Response")
            if response.group(1) != f"{page.operation}Response":
                odd.add((page.service, page.operation, response.group(1)))
    # The SoPrincipal Authenticate* examples all answer with <AuthenticateResponse>.
    assert {service for service, _, _ in odd} == {"SoPrincipal"}
    assert {element for _, _, element in odd} == {"AuthenticateResponse"}


def test_corpus_fence_line_points_at_the_first_content_line() -> None:
    root = corpus()
    checked = 0
    for page in corpus_pages():
        if page.kind == "soap-operation" and page.service == "ErpSync":
            lines = (root / page.path).read_text(encoding="utf-8").split("\n")
            for fence in page.fences:
                assert lines[fence.line - 2].startswith("```")
                assert lines[fence.line - 1] == fence.text.split("\n")[0]
                checked += 1
    assert checked > 0


def test_corpus_current_format_page_yields_description_and_returns() -> None:
    # The one page of the corpus in the current format; its raw text is the expectation.
    path = "soap/Services88/AI/TrainCategorizer.md"
    page = next(p for p in corpus_pages() if p.path == path)
    raw = (corpus() / path).read_text(encoding="utf-8")
    assert page.description and f"\n{page.description}\n" in raw
    assert page.returns and f"**Returns:** {page.returns}\n" in raw
    assert page.description_line == raw.split("\n").index(page.description) + 1
    others = [p for p in corpus_pages() if p.kind == "soap-operation" and p.path != path]
    assert all(not (p.description or p.returns or p.parameters) for p in others)


def test_corpus_service_pages_list_their_operation_pages() -> None:
    root = corpus()
    differing = []
    for page in corpus_pages():
        if page.kind == "soap-service":
            folder = (root / page.path).parent
            on_disk = sorted(p.stem for p in folder.glob("*.md") if p.name != "index.md")
            if sorted(page.operations_listed) != on_disk:
                differing.append((page.path, sorted(set(on_disk) ^ set(page.operations_listed))))
    # The corpus has one page its service index does not list (a newer page, see above).
    assert differing == [("soap/Services88/AI/index.md", ["TrainCategorizer"])]


# Lines that make the readers' structures: fed in random order and number, they must never
# make a reader raise.
PIECES = [
    "---",
    "title: Services90.GadgetAgent.StoreLink SOAP",
    "uid: x",
    "generated: 1",
    "no key",
    "# Services90 Gadget StoreLink",
    "## StoreLink",
    "## StoreLink Request",
    "## Response:",
    "```xml",
    "```",
    "~~~",
    "<SOAP-ENV:Envelope>",
    "<SOAP-ENV:Body><x:StoreLinkResponse>",
    "**Remote/Services90/Gadget.svc**",
    "* **linkId:** note",
    "**Returns:** it",
    "<para /><b>Online Restricted:</b> no",
    "| a | b |",
    "|---|---|",
    "| 1 | 2 | 3 |",
    "POST /api/v1/Agents/Gadget/StoreLink",
    "```http!",
    "- name: x",
    "",
    "  ",
    "\t",
    "\ufeff",
    '<see cref="M:',
    "&amp;",
    "&lt;para/&gt;",
    "[x](",
    "\r",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=30))
def test_no_arrangement_of_page_pieces_makes_the_reader_raise(lines: list[str]) -> None:
    text = "\n".join(lines)
    page = read_text(text, "random.md")
    assert all(d.path == "random.md" and d.line >= 1 for d in page.diagnostics)
    assert read_text(text, "random.md") == page
