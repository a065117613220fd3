"""``codegen lint``: every check on small docs folders written here, selection, output and exit
codes through the command line, and the real corpus against counts taken from its text.

The hand-written folders (shop_docs.py) hold one service, Shop, of a made-up version: a WSDL
page, operation pages with example envelopes in the docs' layout, and WebAPI pages. Each test
changes one thing and expects the diagnostic that names it, at the line where the page says it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.lint import CODES, is_selected, lint
from codegen.model import Diagnostic
from codegen.reading import Docs
from codegen.sources.rest import read_rest_page
from shop_docs import (
    HEADERS,
    REST_PAGES,
    SOAP11,
    SOAP12,
    VERSION,
    Folder,
    cancel_order,
    envelope,
    operation_page,
    order,
    place_order,
    rest_page,
    shop,
    wsdl_page,
)

REPO = Path(__file__).resolve().parents[1]


def at(found: Iterable[Diagnostic], code: str) -> list[tuple[str, int]]:
    return [(d.path, d.line) for d in found if d.code == code]


def warnings(found: Iterable[Diagnostic]) -> list[str]:
    return [str(d) for d in found if d.severity != "info"]


# -- the docs' artefacts: info, each with its own code ---------------------------------------------


def test_a_docs_like_example_shows_only_the_known_artefacts(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    found = folder.lint()
    assert warnings(found) == []
    page = "shop/PlaceOrder.md"
    codes = Counter(d.code for d in found if d.path == page)
    # two envelopes in SOAP 1.2; headers under Envelope in the request; redundant xsi:type in
    # both; Order and Response leave out Base's Stamp; each leaves its duration empty
    assert codes == {"L001": 2, "L002": 1, "L003": 2, "L005": 2, "L006": 2}
    assert (page, folder.line_of(page, "<Shop:ApplicationToken>")) in at(found, "L002")
    assert (page, folder.line_of(page, "<Shop:Order xsi:type")) in at(found, "L005")
    assert (page, folder.line_of(page, "<Shop:Wait")) in at(found, "L006")
    stamp = [d for d in found if d.code == "L005" and d.path == page][0]
    assert "Base" in stamp.message and "Stamp" in stamp.message


def test_a_faithful_soap_1_1_example_shows_nothing(tmp_path: Path) -> None:
    def full(name: str) -> str:
        return order(name, typed=False, Wait="<Shop:Wait>PT5M</Shop:Wait>").replace(
            f"<Shop:{name}>\n", f"<Shop:{name}>\n     <Shop:Stamp>abc</Shop:Stamp>\n"
        )

    request = envelope(
        f"  <Shop:PlaceOrder>\n{full('Order')}  </Shop:PlaceOrder>\n", HEADERS, SOAP11, True
    )
    response = envelope(
        f"  <Shop:PlaceOrderResponse>\n{full('Response')}  </Shop:PlaceOrderResponse>\n",
        soap=SOAP11,
    )
    folder = shop(tmp_path, {"PlaceOrder": (request, response)})
    assert [str(d) for d in folder.lint() if d.path == "shop/PlaceOrder.md"] == []


def test_an_xsi_nil_cut_off_is_an_artefact_and_its_content_is_not_compared(tmp_path: Path) -> None:
    nil = '<Shop:Lines xsi:nil="true"></Shop:Lines>'
    folder = shop(tmp_path, {"PlaceOrder": place_order(order(Lines=nil))})
    found = folder.lint()
    assert warnings(found) == []
    assert at(found, "L004") == [
        ("shop/PlaceOrder.md", folder.line_of("shop/PlaceOrder.md", "xsi:nil"))
    ]


# -- real disagreements: warnings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code", "marker", "words"),
    [
        (
            {"Colour": '<Shop:Colour xsi:type="xsd:string">red</Shop:Colour>'},
            "L010",
            "<Shop:Colour",
            "Colour",
        ),
        ({"Note": ""}, "L011", "<Shop:Order xsi:type", "Note"),
        (
            {
                "OrderId": "",
                "Placed": '<Shop:Placed xsi:type="xsd:dateTime">2023-02-15T13:16:23Z</Shop:Placed>\n'
                '     <Shop:OrderId xsi:type="xsd:int">0</Shop:OrderId>',
            },
            "L012",
            "<Shop:OrderId",
            "OrderId",
        ),
        ({"Note": '<Shop:Note xsi:type="xsd:int">0</Shop:Note>'}, "L013", "<Shop:Note", "xsd:int"),
        (
            {"Status": '<Shop:Status xsi:type="Shop:OrderStatus">Shipped</Shop:Status>'},
            "L014",
            "Shipped",
            "Shipped",
        ),
        (
            {"OrderId": '<Shop:OrderId xsi:type="xsd:int">many</Shop:OrderId>'},
            "L017",
            "many",
            "many",
        ),
        (
            {
                "Lines": '<Shop:Lines xsi:type="Arr:ArrayOfint">\n      <Arr:long xsi:type="xsd:long">0</Arr:long>\n'
                "     </Shop:Lines>"
            },
            "L010",
            "<Arr:long",
            "long",
        ),
        (
            {"Note": '<Other:Note xmlns:Other="urn:other" xsi:type="xsd:string"></Other:Note>'},
            "L010",
            "<Other:Note",
            "namespace",
        ),
    ],
    ids=[
        "unknown element",
        "missing field",
        "wrong order",
        "contradicting xsi:type",
        "enum value",
        "not an int",
        "wrong array item",
        "wrong namespace",
    ],
)
def test_an_example_that_disagrees_with_the_wsdl_is_a_warning_at_its_line(
    tmp_path: Path, change: dict[str, str], code: str, marker: str, words: str
) -> None:
    folder = shop(tmp_path, {"PlaceOrder": place_order(order(**change))})
    found = [d for d in folder.lint() if d.severity == "warning"]
    page = "shop/PlaceOrder.md"
    assert [(d.code, d.path, d.line) for d in found] == [(code, page, folder.line_of(page, marker))]
    assert words in found[0].message


def test_a_subtype_through_xsi_type_is_compared_with_the_subtype(tmp_path: Path) -> None:
    deadline = '     <Shop:Deadline xsi:type="xsd:dateTime">2023-02-15T13:16:23Z</Shop:Deadline>\n'
    stamp = '     <Shop:Stamp xsi:type="xsd:string"></Shop:Stamp>\n'
    in_full = order().replace('"Shop:Order">\n', f'"Shop:RushOrder">\n{stamp}')
    in_full = in_full.replace("    </Shop:Order>", f"{deadline}    </Shop:Order>")
    only_own = f'    <Shop:Response xsi:type="Shop:RushOrder">\n{deadline}    </Shop:Response>\n'
    folder = shop(tmp_path, {"PlaceOrder": place_order(in_full, only_own)})
    found = [d for d in folder.lint() if d.path == "shop/PlaceOrder.md"]
    assert warnings(found) == []  # Deadline is a field of RushOrder, Stamp one of Base
    inherited = [d for d in found if d.code == "L005"]
    assert [d.line for d in inherited] == [
        folder.line_of("shop/PlaceOrder.md", "<Shop:Response xsi")
    ]
    assert "from Base, Order: Stamp, OrderId, Note" in inherited[0].message


def test_a_wrong_wrapper_and_an_undeclared_header_are_warnings(tmp_path: Path) -> None:
    request = envelope(
        f"  <Shop:PlaceOrders>\n{order()}  </Shop:PlaceOrders>\n",
        HEADERS + "  <Shop:Culture>nb-NO</Shop:Culture>\n",
    )
    folder = shop(tmp_path, {"PlaceOrder": (request, place_order()[1])})
    found = [d for d in folder.lint() if d.severity == "warning"]
    page = "shop/PlaceOrder.md"
    assert [(d.code, d.line) for d in found] == [
        ("L016", folder.line_of(page, "<Shop:Culture>")),
        ("L015", folder.line_of(page, "<Shop:PlaceOrders>")),
    ]
    assert "PlaceOrders" in found[1].message and "PlaceOrder" in found[1].message


def test_pages_without_operation_and_operations_without_page_are_reported(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    folder.write(
        "wsdl/shop.md", wsdl_page(["PlaceOrder", "CancelOrder", "FindOrders", "ShipOrder"])
    )
    folder.write("shop/RefundOrder.md", operation_page("RefundOrder", *cancel_order()))
    found = folder.lint()
    assert at(found, "B002") == [
        ("shop/RefundOrder.md", folder.line_of("shop/RefundOrder.md", "# "))
    ]
    shipped = [d for d in found if d.code == "B003"]
    assert len(shipped) == 1 and "ShipOrder" in shipped[0].message
    # the orphan page's examples are not compared with anything
    assert [d for d in found if d.path == "shop/RefundOrder.md" and d.code.startswith("L")] == []


def test_unknown_front_matter_is_reported(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    text = operation_page("CancelOrder", *cancel_order()).replace(
        "generated: 1\n", "generated: 1\nflavour: mint\n"
    )
    folder.write("shop/CancelOrder.md", text)
    found = folder.lint()
    assert at(found, "P006") == [
        ("shop/CancelOrder.md", folder.line_of("shop/CancelOrder.md", "flavour:"))
    ]


# -- WebAPI pages against their SOAP operation ----------------------------------------------------------


def test_webapi_pages_that_agree_with_soap_in_the_weak_vocabulary_show_nothing(
    tmp_path: Path,
) -> None:
    found = shop(tmp_path, rest=REST_PAGES).lint()
    assert [str(d) for d in found if d.code.startswith(("L02", "R", "J"))] == []


@pytest.mark.parametrize(
    ("page", "code", "marker", "words"),
    [
        (
            rest_page(
                "PlaceOrder", body="entity", properties=[("Colour", "String")], response="Order"
            ),
            "L020",
            "| Colour",
            "Colour",
        ),
        (
            rest_page("CancelOrder", properties=[("OrderId", "String")]),
            "L021",
            "| OrderId",
            "xsd:int",
        ),
        (
            rest_page("CancelOrder", body="", query=[("orderId", "bool")]),
            "L021",
            "| orderId",
            "xsd:int",
        ),
        (
            rest_page("PlaceOrder", properties=[("Order", "TableRight")], response="Order"),
            "L021",
            "| Order |",
            "TableRight",
        ),
        (
            rest_page(
                "PlaceOrder", body="entity", properties=[("Note", "Integer")], response="Order"
            ),
            "L021",
            "| Note",
            "Note",
        ),
        (
            rest_page("CancelOrder", properties=[("OrderId", "Integer")], response="TableRight"),
            "L022",
            "POST /api",
            "returns nothing",
        ),
        (
            rest_page("FindOrders", properties=[("Status", "String")], response="Order"),
            "L022",
            "POST /api",
            "ArrayOfOrder",
        ),
        (
            rest_page(
                "PlaceOrder",
                properties=[("Order", "Order")],
                response="Order",
                response_properties=[("Colour", "string")],
            ),
            "L023",
            "| Colour",
            "Colour",
        ),
        (
            rest_page(
                "PlaceOrder",
                properties=[("Order", "Order")],
                response="Order",
                response_properties=[("Lines", "TableRight")],
            ),
            "L024",
            "| Lines",
            "ArrayOfint",
        ),
        # what the WebAPI builder reports already, lint reports as it is, and only once
        (
            rest_page("CancelOrder", properties=[("OrderKey", "Integer")]),
            "J003",
            "| OrderKey",
            "OrderKey",
        ),
        (
            rest_page(
                "CancelOrder", properties=[("OrderId", "Integer")], query=[("orderIdent", "int32")]
            ),
            "J002",
            "| orderIdent",
            "orderIdent",
        ),
        (
            rest_page("ShipOrder", properties=[("OrderId", "Integer")]),
            "J001",
            "POST /api",
            "ShipOrder",
        ),
    ],
    ids=[
        "entity field name",
        "body type",
        "query type",
        "TableRight row",
        "entity field type",
        "TableRight on void",
        "reply type",
        "response name",
        "response type",
        "body name",
        "query name",
        "no SOAP operation",
    ],
)
def test_a_webapi_page_that_disagrees_with_its_soap_operation_is_reported_at_its_line(
    tmp_path: Path, page: str, code: str, marker: str, words: str
) -> None:
    method = re.search(r"Agents/Shop/(\w+)", page).group(1)  # type: ignore[union-attr]
    folder = shop(tmp_path, rest={**REST_PAGES, method: page})
    found = [d for d in folder.lint() if d.code.startswith(("L02", "J")) and d.code != "L025"]
    path = f"rest/{method}.md"
    assert [(d.code, d.path, d.line) for d in found] == [(code, path, folder.line_of(path, marker))]
    assert words in found[0].message


def test_soap_operations_without_webapi_page_and_twin_pages_are_reported(tmp_path: Path) -> None:
    rest = {"PlaceOrder": REST_PAGES["PlaceOrder"], "PlaceOrder2": REST_PAGES["PlaceOrder"]}
    folder = shop(tmp_path, rest=rest)
    found = folder.lint()
    assert at(found, "L026") == [
        ("rest/PlaceOrder2.md", folder.line_of("rest/PlaceOrder2.md", "POST /api"))
    ]
    missing = sorted((d.path, d.severity) for d in found if d.code == "L025")
    assert missing == [("shop/CancelOrder.md", "info"), ("shop/FindOrders.md", "info")]


def test_without_webapi_pages_nothing_is_said_of_missing_ones(tmp_path: Path) -> None:
    assert at(shop(tmp_path).lint(), "L025") == []


# -- selection, output and exit codes, through the command line ----------------------------------------


@pytest.fixture
def findings(tmp_path: Path) -> Path:
    """A folder with one warning (an unknown element, L010) besides the artefacts."""
    extra = {"Colour": '<Shop:Colour xsi:type="xsd:string">red</Shop:Colour>'}
    return shop(tmp_path, {"PlaceOrder": place_order(order(**extra))}).root


def run_lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_is_sorted_lines_then_a_count_by_code(
    findings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_lint(capsys, "--docs", str(findings))
    assert code == 1
    lines, _, summary = out.partition("\n\n")
    rows = [
        re.match(r"^(.+):(\d+): (error|warning|info) ([A-Z]\d{3}): .+$", line)
        for line in lines.split("\n")
    ]
    assert all(rows), lines
    keys = [(m.group(1), int(m.group(2)), m.group(4)) for m in rows if m]
    assert keys == sorted(keys)
    assert keys[0][0].startswith(str(findings))  # the path opens from here
    counted = dict(re.findall(r"^  ([A-Z]\d{3})\s+(\d+)", summary, re.M))
    assert {k: int(v) for k, v in counted.items()} == Counter(k[2] for k in keys)


def test_json_output_holds_the_diagnostics_and_their_counts(
    findings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_lint(capsys, "--docs", str(findings), "--format", "json", "--ignore", "L00")
    assert code == 1
    document = json.loads(out)
    assert [d["code"] for d in document["diagnostics"]] == ["L010"]
    assert document["diagnostics"][0]["line"] == Folder(findings).line_of(
        "shop/PlaceOrder.md", "<Shop:Colour"
    )
    assert document["counts"] == {"L010": 1}
    assert document["severities"] == {"error": 0, "warning": 1, "info": 0}


@pytest.mark.parametrize(
    ("options", "exit_code", "codes"),
    [
        ((), 1, {"L001", "L002", "L003", "L005", "L006", "L010"}),
        (("--ignore", "L010"), 0, {"L001", "L002", "L003", "L005", "L006"}),
        (("--ignore", "L0"), 0, set()),
        (("--select", "L001,L010"), 1, {"L001", "L010"}),
        (("--select", "L00", "--select", "L010", "--ignore", "L00"), 1, {"L010"}),
        (("--ignore", "L", "--select", "L006"), 0, {"L006"}),
        (("--select", "L", "--ignore", "L001"), 1, {"L002", "L003", "L005", "L006", "L010"}),
        (("--exit-zero",), 0, {"L001", "L002", "L003", "L005", "L006", "L010"}),
        (("--select", "x"), 0, set()),
    ],
    ids=[
        "all",
        "ignore a code",
        "ignore a prefix",
        "select two",
        "repeated options",
        "specific select wins",
        "specific ignore wins",
        "exit zero",
        "lower case",
    ],
)
def test_select_and_ignore_take_codes_and_prefixes_and_decide_the_exit_code(
    findings: Path,
    capsys: pytest.CaptureFixture[str],
    options: tuple[str, ...],
    exit_code: int,
    codes: set[str],
) -> None:
    code, out, _ = run_lint(capsys, "--docs", str(findings), "--format", "json", *options)
    assert code == exit_code
    assert set(json.loads(out)["counts"]) == codes


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--ignore", "Q12"), "'Q12' is not a lint code"),
        (("--select", "L099"), "'L099' is not a lint code"),
        (("--explain", "L05"), "did you mean"),
        (("--docs", "no/such/folder"), "docs folder not found: no/such/folder"),
        (("--versions", "Services42"), "no pages of Services42"),
    ],
)
def test_bad_usage_exits_2_with_a_message_naming_what_is_wrong(
    findings: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    words: str,
) -> None:
    monkeypatch.chdir(findings.parent)
    docs = () if "--docs" in args else ("--docs", str(findings))
    code, out, err = run_lint(capsys, *docs, *args)
    assert code == 2
    assert words in err and "Traceback" not in err
    assert out == ""


def test_a_folder_without_soap_pages_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n")
    code, _, err = run_lint(capsys, "--docs", str(tmp_path))
    assert code == 2 and "no SOAP operation or WSDL pages" in err


def test_explain_prints_the_row_of_the_codes_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_lint(capsys, "--explain", "l005")[:2] == (
        0,
        "L005 (info): artefact: a value that leaves out every field it inherits (Carrier's TableRight "
        "and FieldProperties)\n",
    )
    assert run_lint(capsys, "--explain", "B002")[1].startswith(
        "B002 (warning): an operation page with no"
    )


def test_versions_limit_lint_to_their_pages(tmp_path: Path) -> None:
    folder = shop(tmp_path, rest=REST_PAGES)
    other = "Services79"
    folder.write("old/wsdl.md", wsdl_page().replace(VERSION, other))
    folder.write(
        "old/CancelOrder.md", operation_page("CancelOrder", *cancel_order()).replace(VERSION, other)
    )
    every = {d.path for d in folder.lint()}
    assert "old/CancelOrder.md" in every
    only_old = {d.path for d in folder.lint((other,))}
    assert only_old and all(path.startswith("old/") for path in only_old)


def test_selection_follows_the_most_specific_prefix() -> None:
    assert is_selected("L001", (), ())
    assert not is_selected("L001", (), ("L",))
    assert is_selected("L001", ("L001",), ("L",))
    assert not is_selected("L001", ("L",), ("L001",))
    assert not is_selected("L001", ("L001",), ("L001",))
    assert not is_selected("X001", ("L",), ())


def test_every_code_the_sources_report_is_in_the_codes_table() -> None:
    reported = set()
    for path in (REPO / "codegen").rglob("*.py"):
        reported |= set(re.findall(r"[\"'`]([A-Z]\d{3})[\"'`]", path.read_text(encoding="utf-8")))
    assert reported - set(CODES) == set()
    assert all(
        info.severity in ("error", "warning", "info", "info/warning") for info in CODES.values()
    )


# -- the real corpus -----------------------------------------------------------------------------------

FENCE = re.compile(r"^```xml[ \t]*\n(.*?)^```", re.S | re.M)


@pytest.fixture(scope="module")
def corpus_lint(corpus: Path, corpus_model) -> list[Diagnostic]:  # type: ignore[no-untyped-def]
    """Lint over the session's corpus model (the REST pages are read again: the fixture keeps
    only the generic reading of them)."""
    api, diagnostics, pages = corpus_model
    rest = [
        read_rest_page(corpus / page.path, corpus) for page in pages if page.kind == "rest-endpoint"
    ]
    return lint(Docs(corpus, tuple(pages), tuple(rest), api, tuple(diagnostics)))


@pytest.fixture(scope="module")
def compared_examples(corpus: Path) -> list[tuple[str, int, str]]:
    """(page, 0 for the request or 1 for the response, fence text) of every operation page whose
    operation its service's WSDL page binds: read from the text, not by codegen."""
    return list(_compared_examples(corpus))


def _compared_examples(corpus: Path) -> Iterable[tuple[str, int, str]]:
    for page in sorted((corpus / "soap").glob("Services*/*/*.md")):
        if page.name == "index.md":
            continue
        text = page.read_text(encoding="utf-8")
        heading = re.search(r"^# (Services\d+) (\w+) (\w+)", text, re.M)
        assert heading, page
        version, service, operation = heading.groups()
        wsdl = (corpus / "soap" / version / f"{version}-{service}.md").read_text(encoding="utf-8")
        if f'<wsdl:operation name="{operation}">' not in wsdl:
            continue
        for index, fence in enumerate(FENCE.findall(text)):
            yield page.relative_to(corpus).as_posix(), index, fence


def test_the_corpus_orphan_page_and_the_example_artefacts_counted_by_code(
    corpus: Path, corpus_lint: list[Diagnostic], compared_examples: list[tuple[str, int, str]]
) -> None:
    counts = Counter(d.code for d in corpus_lint)
    print("\nlint on the corpus, by code:")
    for code, count in sorted(counts.items()):
        print(f"  {code} {CODES[code].severity:<8} {count:>6}  {CODES[code].meaning}")

    orphan = "soap/Services88/AI/TrainCategorizer.md"
    line = Folder(corpus).line_of(orphan, "# Services88 AI TrainCategorizer")
    assert at(corpus_lint, "B002") == [(orphan, line)]

    examples = compared_examples
    requests = [fence for _, index, fence in examples if index == 0]
    expected = {
        "L001": sum(SOAP12 in fence for _, _, fence in examples),
        "L002": sum(
            "ApplicationToken>" in fence and not re.search(r"<\w+:Header>", fence)
            for fence in requests
        ),
        "L003": sum("xsi:type=" in fence for _, _, fence in examples),
        "L004": sum(fence.count('xsi:nil="true"') for _, _, fence in examples),
        "L006": sum(
            len(re.findall(r'xsi:type="[^"]*:(?:dateTime|duration)"\s*(?:/>|></)', fence))
            for _, _, fence in examples
        ),
    }
    print("counted from the pages' text:", expected)
    assert {code: counts[code] for code in expected} == expected
    assert expected["L001"] > 15000 and expected["L004"] > 4000
    # Besides these artefacts the examples agree with their WSDL: no L01x warning.
    assert [str(d) for d in corpus_lint if d.code.startswith("L01")][:5] == []


def test_the_corpus_inherited_fields_artefact_matches_the_wsdls_derived_types(
    corpus: Path, corpus_lint: list[Diagnostic], compared_examples: list[tuple[str, int, str]]
) -> None:
    # Read from the WSDL pages' text: the types that extend a base type with elements. Every
    # example element of such a type leaves out the inherited elements.
    extension = re.compile(
        r'<xs:complexType name="(\w+)">\s*<xs:complexContent[^>]*>\s*<xs:extension base="\w+:(\w+)"'
    )
    expected = 0
    for version in sorted((corpus / "soap").glob("Services*")):
        bases: dict[str, str] = {}
        with_elements: set[str] = set()
        for wsdl in version.glob(f"{version.name}-*.md"):
            text = wsdl.read_text(encoding="utf-8")
            bases.update(extension.findall(text))
            for name, body in re.findall(
                r'<xs:complexType name="(\w+)">(.*?)</xs:complexType>', text, re.S
            ):
                if "<xs:element " in body:
                    with_elements.add(name)
        derived = set()
        for name in bases:
            base: str | None = bases[name]
            while base is not None and base not in with_elements:
                base = bases.get(base)
            if base is not None:
                derived.add(name)
        for path, _, fence in compared_examples:
            if path.startswith(f"soap/{version.name}/"):
                expected += sum(
                    1 for t in re.findall(r'xsi:type="\w+:(\w+)"', fence) if t in derived
                )
    assert Counter(d.code for d in corpus_lint)["L005"] == expected > 10000


def test_the_corpus_webapi_pages_give_tableright_where_soap_says_otherwise(
    corpus: Path, corpus_lint: list[Diagnostic]
) -> None:
    # From the text: every "Response body: TableRight" page whose SOAP reply is not a TableRight,
    # and every "| Recurrence | TableRight |" row, is reported.
    rest = corpus / "restful" / "agent"
    wrong_bodies = set()
    for page in rest.glob("*/*.md"):
        text = page.read_text(encoding="utf-8")
        endpoint = re.search(r"^POST /api/v1/Agents/(\w+)/(\w+)", text, re.M)
        if endpoint is None or not re.search(r"^#* ?Response body: TableRight\s*$", text, re.M):
            continue
        soap = corpus / "soap" / "Services88" / endpoint.group(1) / f"{endpoint.group(2)}.md"
        reply = FENCE.findall(soap.read_text(encoding="utf-8"))[1]
        if not re.search(r':Response xsi:type="\w+:TableRight"', reply):
            wrong_bodies.add(page.relative_to(corpus).as_posix())
    assert {d.path for d in corpus_lint if d.code == "L022"} >= wrong_bodies
    assert len(wrong_bodies) > 300

    recurrence_rows = {
        (page.relative_to(corpus).as_posix(), number)
        for page in rest.glob("*/*.md")
        for number, line in enumerate(page.read_text(encoding="utf-8").split("\n"), 1)
        if re.match(r"^\| Recurrence \| TableRight \|", line)
    }
    reported = set(at(corpus_lint, "L021")) | set(at(corpus_lint, "L024"))
    assert recurrence_rows and recurrence_rows <= reported
