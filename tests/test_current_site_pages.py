"""The page reader on SuperOffice's docs site as it is today (Mintlify): ``.mdx`` pages and
their components, the site's front matter keys and dates, links without ``.md`` and backtick
code spans where the 2023 pages had ``<see cref>``.

Small hand-written pages first; then every page of ../shared/superoffice-docs-current (its
folder and file names are the independent truth; the reader never looks at them), skipped
when that folder is absent."""

from __future__ import annotations

import re
import time
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.sources.pages import (
    Document,
    Page,
    clean_text,
    front_matter_date,
    parse_document,
    read_document,
    read_text,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CURRENT = SHARED / "superoffice-docs-current"
DOCS_2023 = SHARED / "superoffice-docs"
SOAP88 = CURRENT / "endpoints" / "soap" / "reference" / "Services88"

VERSION = "Services90"  # made up: the pages below are our own text in the site's layout


def codes(page: Page | Document) -> list[str]:
    return [d.code for d in page.diagnostics]


def blocks(doc: Document) -> list[tuple[str, int, str]]:
    return [(b.kind, b.line, b.text or "\n".join(b.items)) for b in doc.blocks]


def line_of(text: str, wanted: str) -> int:
    return text.split("\n").index(wanted) + 1


def operation_page(*, today: bool = True, title: bool = True, h1: bool = True, section: str = "") -> str:
    """An operation page of service Gadget, operation StoreLink: as today's site writes it
    (backticks, links without .md, its front matter keys) or as the 2023 pages did."""
    envelope = (
        '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope"'
        f' xmlns:Gadget="http://www.superoffice.net/ws/crm/NetServer/{VERSION}">\n'
        " <SOAP-ENV:Body>\n  <Gadget:{0}/>\n </SOAP-ENV:Body>\n</SOAP-ENV:Envelope>\n"
    )
    method = f"SuperOffice.{VERSION}.IGadgetAgent.StoreLink"
    if today:
        front = "generated: true\ncontent_type: reference\n"
        implemented = f"Implemented by the `{method}` method."
        wsdl, principal = f"../{VERSION}-Gadget", "../SoPrincipal/index"
    else:
        front = "generated: 1\n"
        implemented = f'Implemented by the <see cref="M:{method}">{method}</see> method.'
        wsdl, principal = f"../{VERSION}-Gadget.md", "../SoPrincipal/index.md"
    if title:
        front = f"title: {VERSION}.GadgetAgent.StoreLink SOAP\n" + front
    heading = f"# {VERSION} Gadget StoreLink\n\n" if h1 else ""
    return (
        f"---\n{front}---\n\n{heading}"
        f"SOAP request and response examples **Remote/{VERSION}/Gadget.svc**\n{implemented}\n\n"
        f"## StoreLink\n\n{section}\n"
        f"[WSDL file for {VERSION}/Gadget]({wsdl})\n\n"
        f"Obtain a ticket from the [{VERSION}/SoPrincipal.svc]({principal})\n\n"
        "Application tokens must be specified if calling an Online installation.\n\n"
        f"## StoreLink Request\n\n```xml\n{envelope.format('StoreLink')}```\n\n"
        f"## StoreLink Response\n\n```xml\n{envelope.format('StoreLinkResponse')}```\n"
    )


def service_page(*, today: bool = True, title: bool = True) -> str:
    interface = f"SuperOffice.{VERSION}.IGadgetAgent"
    if today:
        handled = f"Handled by the `{interface}` interface."
        links = "* [StoreLink](./StoreLink)\n* [DropLink](./DropLink)\n"
        wsdl = f"../{VERSION}-Gadget"
    else:
        handled = f'Handled by the <see cref="T:{interface}">{interface}</see> interface.'
        links = "* [StoreLink](StoreLink.md)\n* [DropLink](DropLink.md)\n"
        wsdl = f"../{VERSION}-Gadget.md"
    front = f"title: {VERSION}.GadgetAgent SOAP\n" if title else ""
    return (
        f'---\n{front}sidebarTitle: "Overview"\ngenerated: true\n---\n\n'
        f"SOAP request and response examples, and WSDL files for **Remote/{VERSION}/Gadget.svc**\n\n"
        f"{handled}\n\nDownload [WSDL file for {VERSION}/Gadget]({wsdl}) if you need it.\n\n{links}"
    )


# --- MDX: components read as text, the rest skipped with an info -------------------------------


def test_a_note_component_is_read_as_its_markdown() -> None:
    text = "# Headers\n\n<Note>\nThese apply only to the **REST WebAPI** (not Agents).\n</Note>\n\n## After\n"
    doc = parse_document(text, "http-headers.mdx")
    assert blocks(doc) == [
        ("heading", 1, "Headers"),
        ("paragraph", 4, "These apply only to the **REST WebAPI** (not Agents)."),
        ("heading", 7, "After"),
    ]
    assert doc.diagnostics == ()


def test_components_on_one_line_and_inside_text_keep_their_text() -> None:
    text = "Before.\n\n<Warning>Be **careful**.</Warning>\n\n<Tip>\nA tip.</Tip>\n"
    doc = parse_document(text, "a.mdx")
    assert blocks(doc) == [("paragraph", 1, "Before."), ("paragraph", 3, "Be **careful**."), ("paragraph", 6, "A tip.")]


def test_a_tag_over_several_lines_with_expressions_and_a_fence_inside_tabs() -> None:
    text = (
        '<Card\n  title="A > b"\n  href={"/x" + `y`}\n  icon={{ name: "}" }}\n>\n  Inner text\n</Card>\n\n'
        '<Tabs>\n  <Tab title="JSON">\n\n    ```json\n    {"a": 1}\n    ```\n\n'
        "    Indented by four: markdown in MDX, not code.\n\n  </Tab>\n</Tabs>\n\n# End\n"
    )
    doc = parse_document(text, "a.mdx")
    assert blocks(doc) == [
        ("paragraph", 6, "Inner text"),
        ("fence", 12, '{"a": 1}\n'),
        ("paragraph", 16, "Indented by four: markdown in MDX, not code."),
        ("heading", 21, "End"),
    ]
    assert [f.line for f in doc.fences] == [13]
    assert doc.diagnostics == ()


def test_imports_exports_comments_and_self_closing_components_are_skipped_with_an_info() -> None:
    text = (
        "---\ntitle: Endpoints\n---\n\n"
        'import WebapiIntro from "../../includes/webapi-intro.md";\n'
        "export const meta = {\n  a: 1,\n}\n\n"
        "# Endpoints\n\n<WebapiIntro />\n\n{/* a comment\nover two lines */}\n\n"
        "Text with `{/* in code */}` stays.\n"
    )
    doc = parse_document(text, "index.mdx")
    assert blocks(doc) == [("heading", 10, "Endpoints"), ("paragraph", 17, "Text with `{/* in code */}` stays.")]
    found = [(d.code, d.severity, d.line) for d in doc.diagnostics]
    assert found == [("P018", "info", 5), ("P018", "info", 12), ("P018", "info", 14)]
    assert "import WebapiIntro" in doc.diagnostics[0].message
    assert "<WebapiIntro />" in doc.diagnostics[1].message


def test_tags_in_fences_and_code_spans_and_unclosed_tags_are_text() -> None:
    fenced = "```xml\n<Note>\n<ContactEntity>\n</ContactEntity>\n</Note>\n```\n"
    assert parse_document(fenced, "a.mdx").fences[0].text == "<Note>\n<ContactEntity>\n</ContactEntity>\n</Note>\n"
    prose = "<Service> is the agent's name.\n\n    indented code stays code\n"
    assert blocks(parse_document(prose, "a.md")) == [
        ("paragraph", 1, "<Service> is the agent's name."),
        ("code", 3, "indented code stays code\n"),
    ]
    span = "<Note>\nA `</Note>` in code.\n</Note>\n"
    assert blocks(parse_document(span, "a.mdx")) == [("paragraph", 2, "A `</Note>` in code.")]


MALFORMED = [
    '<Foo bar="never closed\n\nText after.\n',
    "<Card title={unbalanced\n\nText after.\n",
    "<Note\n",
    "</>\n<>\n",
    "{/* never closed\n\nText after.\n",
    "import\n",
    "export default {\n",
    "<A b=c>\n</A>\n",
    "<Tabs><Tab title='x'>",
    "<" * 3000 + "A\n",
    "<A " + "{" * 5000 + "\n",
    "<Note>\n```\nunclosed fence in a component\n",
    "\x00<Note\x00>\n</Note>\n",
]


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_jsx_is_text_never_an_exception(text: str) -> None:
    page = read_text(text, "bad.mdx")
    assert page.kind == "other"
    doc = parse_document(text, "bad.mdx")
    assert all(1 <= b.line <= text.count("\n") + 1 for b in doc.blocks)
    if "Text after." in text:
        assert doc.blocks[-1].text == "Text after."


def test_hostile_mdx_costs_time_in_proportion_to_its_length() -> None:
    """Each hit is looked at once: none of these takes long (quadratic ones took minutes)."""
    for hostile in (
        "{/*" * 40000,
        "\n<Note>".join([""] * 30000),
        "\n".join(f"<A{i}>" for i in range(30000)),
        "x</Note>\n" * 30000,
        "`{/*" * 40000 + "*/}",
    ):
        started = time.perf_counter()
        parse_document(hostile, "h.mdx")
        clean_text(hostile)
        assert time.perf_counter() - started < 5, hostile[:20]


PIECES = st.sampled_from(
    ["<Note>", "</Note>", "<Tip>", "</Tip>", "<Card title='a'", ">", "/>", "{", "}", "{/*", "*/}",
     "import X from 'y'", "export const a = 1", "```", "    ", "text", "`", "<>", "</>", '"', "\n", "\n\n", "# H"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_any_mix_of_mdx_pieces_reads_with_lines_in_the_file(pieces: list[str]) -> None:
    text = "".join(pieces)
    doc = parse_document(text, "fuzz.mdx")
    lines = text.count("\n") + 1
    assert all(1 <= b.line <= lines for b in doc.blocks)
    assert all(1 <= d.line <= lines for d in doc.diagnostics)
    read_text(text, "fuzz.mdx")


def test_inline_components_in_text_become_what_they_hold() -> None:
    assert clean_text('Click <Tooltip tip="a > b">here</Tooltip> now <Icon icon="x" />.') == "Click here now ."
    assert clean_text("An ArrayOf<Contact> and List<int>.") == "An ArrayOf<Contact> and List<int>."


def test_an_mdx_file_is_read_like_a_markdown_file(tmp_path: Path) -> None:
    text = operation_page().replace("## StoreLink\n\n", "## StoreLink\n\n<Note>\nA note.\n</Note>\n\n", 1)
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.mdx").write_text(text, encoding="utf-8")
    md, _ = read_document(tmp_path / "a.md", tmp_path)
    mdx, _ = read_document(tmp_path / "b.mdx", tmp_path)
    assert (mdx.kind, mdx.version, mdx.service, mdx.operation) == ("soap-operation", VERSION, "Gadget", "StoreLink")
    assert mdx.description == md.description == "A note."
    assert mdx.request is not None and mdx.response is not None
    assert mdx.diagnostics == md.diagnostics == ()


# --- front matter keys and dates ---------------------------------------------------------------

SITE_KEYS = (
    "title", "uid", "generated", "content_type", "mode", "sidebarTitle", "description", "author",
    "date", "keywords", "redirect_from", "version", "audience", "audience_tooltip",
)


def test_the_sites_front_matter_keys_give_no_warning_and_unknown_keys_still_do() -> None:
    front = "".join(f"{key}: x\n" for key in SITE_KEYS)
    assert codes(read_text(f"---\n{front}---\n\n# Page\n", "a.mdx")) == ["P019"]  # date: x
    upper = "".join(f"{key.upper()}: x\n" for key in SITE_KEYS if key != "date")
    assert codes(read_text(f"---\n{upper}---\n", "a.md")) == []
    unknown = read_text("---\ntitle: A\nmode: frame\nmood: sunny\n---\n", "a.md")
    assert [(d.code, d.severity, d.line, d.message) for d in unknown.diagnostics] == [
        ("P006", "warning", 4, "unknown front matter key 'mood'")
    ]


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ("05.23.2025", "2025-05-23"),  # month first, as the site writes
        ("23.05.2025", "2025-05-23"),  # day first: only one reading is a date
        ("2021-02-12", "2021-02-12"),
        ('"2021-02-12"', "2021-02-12"),
        ("2021-02-12T10:00:00Z", "2021-02-12"),
        ("03.03.2024", "2024-03-03"),  # both readings the same day
        ("12.02.2021", ""),  # 2 December or 12 February
        ("2021-02-30", ""),
        ("31.31.2021", ""),
        ("soon", ""),
    ],
)
def test_a_front_matter_date_is_published_when_it_names_one_day(value: str, published: str) -> None:
    page = read_text(f"---\ntitle: A\ndate: {value}\n---\n\n# A\n", "a.mdx")
    assert page.published == published
    if published:
        assert page.diagnostics == ()
    else:
        assert [(d.code, d.severity, d.line) for d in page.diagnostics] == [("P019", "info", 3)]


def test_the_date_reader_says_why_a_date_is_not_used() -> None:
    assert front_matter_date("") == ("", "")
    day, why = front_matter_date("12.02.2021")
    assert day == "" and "2021-12-02 (month first)" in why and "2021-02-12 (day first)" in why
    assert front_matter_date("1.2.2021")[1]  # 2 January or 1 February
    assert front_matter_date("13.2.2021") == ("2021-02-13", "")
    assert read_text("---\ntitle: A\n---\n", "a.md").published == ""


# --- links without .md, backticks where the 2023 pages had <see cref> ---------------------------

SECTION_2023 = (
    'Keeps a link, creating it when the <see cref="P:SuperOffice.X.Link.LinkId">LinkId</see> is 0.'
    " See [the other page](../Other/Page.md).\n\n"
    "* **linkId:** The link to keep.\n* **keepOld:** When true, the old link stays.\n\n"
    "**Returns:** The stored <c>Link</c>, or null.\n"
)
SECTION_TODAY = (
    "Keeps a link, creating it when the `LinkId` is 0. See [the other page](../Other/Page).\n\n"
    "* **linkId:** The link to keep.\n* **keepOld:** When true, the old link stays.\n\n"
    "**Returns:** The stored `Link`, or null.\n"
)


def test_an_operation_page_of_today_reads_as_its_2023_form() -> None:
    old = read_text(operation_page(today=False, section=SECTION_2023), "old.md")
    new = read_text(operation_page(section=SECTION_TODAY), "new.md")
    fields = ("kind", "version", "service", "operation", "endpoint", "parameters", "returns", "online_restricted")
    assert [getattr(new, f) for f in fields] == [getattr(old, f) for f in fields]
    assert (new.kind, new.operation, new.returns) == ("soap-operation", "StoreLink", "The stored `Link`, or null.")
    # the 2023 cref gives its text; today's backticks keep theirs (the convention of <c>x</c>)
    assert old.description == "Keeps a link, creating it when the LinkId is 0. See the other page."
    assert new.description == "Keeps a link, creating it when the `LinkId` is 0. See the other page."
    assert new.diagnostics == old.diagnostics == ()


def test_the_implemented_by_backticks_name_the_operation_as_the_cref_did() -> None:
    """Without title and H1 the operation comes from that line (and the example headings)."""
    for today in (True, False):
        page = read_text(operation_page(today=today, title=False, h1=False), "p.md")
        assert (page.kind, page.version, page.service, page.operation) == (
            "soap-operation", VERSION, "Gadget", "StoreLink",
        ), today
    text = operation_page(title=False, h1=False).replace("## StoreLink Re", "## Re")
    text = text.replace("IGadgetAgent.StoreLink`", "IGadgetAgent.DropLink`")
    page = read_text(text, "p.md")
    assert page.operation == "DropLink"  # from the backticks alone
    # a disagreement with a stronger signal is reported as for the cref
    clash = read_text(operation_page().replace("IGadgetAgent.StoreLink`", "IGadgetAgent.DropLink`"), "p.md")
    assert clash.operation == "StoreLink"
    assert [(d.code, d.line) for d in clash.diagnostics] == [("P012", line_of(operation_page(), f"SOAP request and response examples **Remote/{VERSION}/Gadget.svc**"))]
    assert "the 'Implemented by' line names the operation 'DropLink'" in clash.diagnostics[0].message


def test_a_service_page_of_today_lists_its_operations_and_is_known_by_its_handled_by_line() -> None:
    for today in (True, False):
        page = read_text(service_page(today=today, title=False), "index.md")
        assert (page.kind, page.version, page.service) == ("soap-service", VERSION, "Gadget"), today
        assert page.operations_listed == ("StoreLink", "DropLink")
        assert page.description == ""  # boilerplate only
        assert page.diagnostics == ()


def test_backtick_code_spans_read_well() -> None:
    assert clean_text("Implemented by the `SuperOffice.Services88.IErpSyncAgent.GetConnection` method.") == (
        "Implemented by the `SuperOffice.Services88.IErpSyncAgent.GetConnection` method."
    )
    assert clean_text("<c>Link</c>") == clean_text("`Link`") == "`Link`"
    # what is inside a span is code: no emphasis, links or tags taken out of it
    assert clean_text("Call `__init__` or `a*b*c` with `[x](y)` and `<see cref=\"T:A\"/>`.") == (
        "Call `__init__` or `a*b*c` with `[x](y)` and `<see cref=\"T:A\"/>`."
    )
    assert clean_text("**Bold `x_y_z`** and ``a ` b``") == "Bold `x_y_z` and ``a ` b``"
    assert clean_text("An unpaired ` backtick and __strong__") == "An unpaired ` backtick and strong"
    assert clean_text("`a\nb`") == "`a b`"


def test_an_overview_page_quoting_an_endpoint_is_not_an_endpoint_page() -> None:
    text = "# Agents WebAPI\n\n```http\nPOST /api/v1/Agents/List/SaveListItemEntity\n```\n"
    assert read_text(text, "a.md").kind == "rest-endpoint"  # as the 2023 pages are read
    concept = read_text("---\ntitle: Agents WebAPI\ncontent_type: concept\n---\n\n" + text, "a.mdx")
    assert (concept.kind, concept.service, concept.diagnostics) == ("other", "", ())


# --- today's site, every page ----------------------------------------------------------------------


def require_current() -> Path:
    if not SOAP88.is_dir():
        pytest.skip(f"today's SuperOffice docs are not at {CURRENT} (they live beside the repository in ../shared)")
    return CURRENT


@cache
def read_current() -> dict[str, tuple[Page, Document | None]]:
    root = require_current()
    pages = sorted(p for p in root.rglob("*") if p.suffix in (".md", ".mdx") and p.is_file())
    return {p.relative_to(root).as_posix(): read_document(p, root) for p in pages}


@pytest.fixture(scope="module")
def current() -> dict[str, tuple[Page, Document | None]]:
    return read_current()


def test_every_page_reads_and_the_site_gives_no_warning_or_error(current: dict[str, tuple[Page, Document | None]]) -> None:
    counts = Counter((d.code, d.severity) for page, _ in current.values() for d in page.diagnostics)
    print("\ndiagnostics over today's site:", dict(counts))
    assert len(current) == 2091  # 2,085 reference pages, 5 MDX pages, SOURCE.md
    assert [key for key in counts if key[1] != "info"] == []
    assert counts == {("P018", "info"): 2, ("P019", "info"): 3}


def test_every_operation_page_is_the_operation_its_folder_and_file_name_say(current: dict[str, tuple[Page, Document | None]]) -> None:
    operations = {
        path: page for path, (page, _) in current.items()
        if path.startswith("endpoints/soap/reference/Services88/") and path.count("/") == 5 and not path.endswith("/index.md")
    }
    assert len(operations) == 1964
    for path, page in operations.items():
        service, operation = path.split("/")[-2], path.split("/")[-1][: -len(".md")]
        assert (page.kind, page.version, page.service, page.operation) == ("soap-operation", "Services88", service, operation), path
        assert page.endpoint == f"Remote/Services88/{service}.svc", path
        assert page.request is not None and page.response is not None, path


def test_every_wsdl_page_is_its_service_with_its_wsdl(current: dict[str, tuple[Page, Document | None]]) -> None:
    wsdls = {path: page for path, (page, _) in current.items() if re.fullmatch(r".*/Services88/Services88-\w+\.md", path)}
    assert len(wsdls) == 58
    for path, page in wsdls.items():
        service = path.rsplit("Services88-", 1)[1][: -len(".md")]
        assert (page.kind, page.version, page.service) == ("soap-wsdl", "Services88", service), path
        assert page.wsdl is not None and "<wsdl:definitions" in page.wsdl.text, path


def test_every_service_page_lists_the_operations_it_links(current: dict[str, tuple[Page, Document | None]]) -> None:
    services = {path: page for path, (page, _) in current.items() if re.fullmatch(r".*/Services88/\w+/index\.md", path)}
    assert len(services) == 61
    for path, page in services.items():
        service = path.split("/")[-2]
        assert (page.kind, page.version, page.service) == ("soap-service", "Services88", service), path
        text = (CURRENT / path).read_text(encoding="utf-8")
        assert page.operations_listed == tuple(re.findall(r"^\* \[(\w+)\]\(", text, re.M)), path
        pages = {p.stem for p in (CURRENT / path).parent.glob("*.md")} - {"index"}
        # three services (Audience, Dashboard, Replication) list operations that have no page
        assert not pages or set(page.operations_listed) == pages, path


BOILERPLATE = re.compile(r"^(?:\[WSDL file for|Obtain a ticket from|Application tokens must|Download \[WSDL|\* \[)")


def has_description(text: str, heading: str) -> bool:
    """Whether the page has text of its own after ``heading`` (up to the next heading)."""
    lines = text.split("\n")
    start = lines.index(heading) + 1
    section = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        section.append(line)
    return any(line.strip() and not BOILERPLATE.match(line) for line in section)


def test_descriptions_are_there_where_the_page_has_one(current: dict[str, tuple[Page, Document | None]]) -> None:
    said = 0
    for path, (page, _) in current.items():
        if page.kind == "soap-operation":
            text = (CURRENT / path).read_text(encoding="utf-8")
            expected = has_description(text, f"## {page.operation}")
            assert bool(page.description) == expected, path
            said += expected
            assert "WSDL file" not in page.description and "`" not in page.description, path
    # today's Services88 pages say nothing of their own: what the WSDL and the examples say is all
    assert said == 0


def test_the_implemented_by_line_alone_names_each_operation(current: dict[str, tuple[Page, Document | None]]) -> None:
    """Every operation page of ErpSync without its title, uid, H1 and example headings: the
    endpoint marker and the backtick line are enough, as the cref was on the 2023 pages."""
    folder = SOAP88 / "ErpSync"
    checked = 0
    for path in sorted(folder.glob("*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^(title|uid): .*\n", "", text, flags=re.M)
        text = re.sub(r"^# .*\n", "", text, flags=re.M)
        text = re.sub(r"^## \w+ (Request|Response)$", r"## \1", text, flags=re.M)
        page = read_text(text, path.name)
        assert (page.kind, page.service, page.operation) == ("soap-operation", "ErpSync", path.stem), path
        checked += 1
    assert checked == 49


def test_the_mdx_pages_read_as_markdown(current: dict[str, tuple[Page, Document | None]]) -> None:
    mdx = {path: value for path, value in current.items() if path.endswith(".mdx")}
    assert len(mdx) == 5
    for path, (page, doc) in mdx.items():
        assert page.kind == "other", path
        assert doc is not None
        for block in doc.blocks:
            if block.kind != "fence":
                assert not re.search(r"</?(Note|Warning|WebapiIntro)\b", block.text), (path, block)
    _, headers = current["endpoints/http-headers.mdx"]
    assert headers is not None
    note = "These headers apply only to the **REST WebAPI** (not Agents)."
    text = (CURRENT / "endpoints/http-headers.mdx").read_text(encoding="utf-8")
    assert ("paragraph", line_of(text, note), note) in blocks(headers)
    index, _ = current["endpoints/index.mdx"]
    assert [(d.code, d.line) for d in index.diagnostics if d.code == "P018"] == [("P018", 13), ("P018", 21)]
    # the Agents overview quotes a POST line: not an endpoint page of List/SaveListItemEntity
    agents, _ = current["endpoints/agents-webapi/index.mdx"]
    assert (agents.kind, agents.service) == ("other", "")


def test_the_sites_dates_are_published_where_they_name_one_day(current: dict[str, tuple[Page, Document | None]]) -> None:
    dated = {}
    for path, (page, _) in current.items():
        found = re.search(r"^date: (.*)$", (CURRENT / path).read_text(encoding="utf-8"), re.M)
        if found:
            dated[path] = (found[1], page.published, codes(page).count("P019"))
    assert dated == {
        "endpoints/agents-webapi/index.mdx": ("05.23.2025", "2025-05-23", 0),
        "endpoints/get-webapi-version.md": ("11.19.2021", "2021-11-19", 0),
        "endpoints/http-headers.mdx": ("12.02.2021", "", 1),
        "endpoints/index.mdx": ("12.02.2021", "", 1),
        "endpoints/rest-webapi/index.mdx": ("05.23.2025", "2025-05-23", 0),
        "endpoints/soap/index.mdx": ("12.02.2021", "", 1),
    }


def test_every_front_matter_key_of_the_site_is_known(current: dict[str, tuple[Page, Document | None]]) -> None:
    keys = set()
    for path in current:
        text = (CURRENT / path).read_text(encoding="utf-8")
        if text.startswith("---\n"):
            front = text[4 : text.index("\n---", 4)]
            keys |= set(re.findall(r"^([A-Za-z_][\w.\-]*):", front, re.M))
    assert keys >= {"mode", "sidebarTitle", "content_type", "generated", "uid", "title", "date"}
    page = read_text("---\n" + "".join(f"{key}: 2021-02-12\n" for key in sorted(keys)) + "---\n", "a.md")
    assert codes(page) == []


def test_todays_pages_read_as_their_2023_versions(current: dict[str, tuple[Page, Document | None]]) -> None:
    """The operation pages both snapshots have: the same identity and the same notes."""
    if not (DOCS_2023 / "soap" / "Services88").is_dir():
        pytest.skip(f"the 2023 docs are not at {DOCS_2023} (they live beside the repository in ../shared)")
    fields = ("kind", "version", "service", "operation", "endpoint", "description", "parameters", "returns", "online_restricted")
    compared = 0
    for path, (page, _) in current.items():
        if page.kind != "soap-operation":
            continue
        old = DOCS_2023 / "soap" / "Services88" / page.service / f"{page.operation}.md"
        if old.is_file():
            before, _ = read_document(old, DOCS_2023)
            assert [getattr(page, f) for f in fields] == [getattr(before, f) for f in fields], path
            compared += 1
    assert compared == 1774  # the other 190 operations are newer than the 2023 pages
