"""Several WSDLs of one service: the newest is used, and the report says which one lost and why.
A version documented by WSDLs alone is a whole client, described from the nearest documented
version where its operations and types are the same."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from shop_docs import OPERATIONS, VERSION, cancel_order, find_orders, place_order, wsdl_page, wsdl_text

from codegen.build import (
    build_api,
    build_version,
    choose_wsdls,
    group_pages,
    nearest_documented,
    wsdl_choices,
)
from codegen.model import ComplexType, Diagnostic, Version
from codegen.sources.pages import Page, read_text
from codegen.sources.rest import RestPage, RestProperty
from codegen.sources.wsdl_files import read_wsdl_file

FOUR = OPERATIONS + ("ShipOrder",)


def as_page(path: str, operations: tuple[str, ...] = OPERATIONS, published: str = "") -> Page:
    page = read_text(wsdl_page(operations), path)
    assert page.kind == "soap-wsdl" and page.wsdl is not None and page.wsdl.line > 1
    return replace(page, published=published)


def as_file(path: str, operations: tuple[str, ...] = OPERATIONS, published: str = "", text: str = "") -> Page:
    [page], _ = read_wsdl_file(path, (text or wsdl_text(operations)).encode())
    return replace(page, published=published)


def choose(*pages: Page) -> tuple[Page, tuple[Diagnostic, ...]]:
    chosen, diagnostics = choose_wsdls(pages)
    return chosen["Shop"], diagnostics


# -- which WSDL ------------------------------------------------------------------------------------


def test_the_newer_wsdl_wins_whichever_kind_it_is() -> None:
    page = as_page("wsdl/shop.md", FOUR, published="2026-08-01")
    file = as_file("downloads/wsdl.zip!WSDL/shop.xml", published="2026-07-10T03:20:10")
    winner, [info] = choose(page, file)
    assert winner is page
    assert (info.code, info.severity, info.path) == ("B011", "info", file.path)
    assert info.message == (
        f"{VERSION} Shop: wsdl/shop.md (a WSDL page of 2026-08-01) is used, not this WSDL "
        "(a WSDL file of 2026-07-10T03:20:10): it is newer"
    )
    older_page = replace(page, published="2026-06-30")
    winner, [info] = choose(file, older_page)
    assert winner is file and info.path == "wsdl/shop.md" and "it is newer" in info.message


def test_a_dated_file_wins_over_an_undated_page() -> None:
    # today's docs: the Services88 pages say no date, wsdl.zip's members do
    page, file = as_page("wsdl/shop.md", FOUR), as_file("w.zip!shop.xml", published="2026-07-10T03:20:10")
    winner, [info] = choose(page, file)
    assert winner is file
    assert info.path == "wsdl/shop.md" and info.message.endswith("(a WSDL page without a date): a dated WSDL wins over an undated page")


def test_an_undated_file_wins_over_dated_pages_and_files() -> None:
    loose = as_file("mine/shop.wsdl", FOUR)
    page = as_page("wsdl/shop.md", published="2026-08-01")
    zipped = as_file("w.zip!shop.xml", published="2026-07-10T03:20:10", text=wsdl_text(OPERATIONS[:2]))
    winner, diagnostics = choose(page, zipped, loose)
    assert winner is loose
    assert [(d.code, d.path) for d in diagnostics] == [("B011", "wsdl/shop.md"), ("B011", "w.zip!shop.xml")]
    assert all(d.message.endswith("a WSDL file without a date is taken as the newest") for d in diagnostics)


def test_on_one_date_a_file_wins_over_a_page() -> None:
    page = as_page("a/shop.md", FOUR, published="2026-07-10")
    file = as_file("z/shop.wsdl", published="2026-07-10")
    winner, [info] = choose(page, file)
    assert winner is file and info.code == "B011" and info.message.endswith("on the same date a WSDL file wins over a page's copy")


def test_a_longer_iso_date_of_the_same_day_is_the_newer() -> None:
    day = as_file("a.zip!shop.xml", FOUR, published="2026-07-10")
    later = as_file("b.zip!shop.xml", published="2026-07-10T03:20:10")
    assert choose(day, later)[0] is later
    assert choose(later, day)[0] is later


@pytest.mark.parametrize("make", [as_page, as_file])
def test_two_of_a_kind_that_nothing_tells_apart_are_a_b001(make: object) -> None:
    first = make("a/shop.md" if make is as_page else "a/shop.wsdl", FOUR)  # type: ignore[operator]
    second = make("b/shop.md" if make is as_page else "b/shop.wsdl")  # type: ignore[operator]
    for order in ((first, second), (second, first)):
        winner, [error] = choose(*order)
        assert winner is first
        assert (error.code, error.severity, error.path) == ("B001", "error", second.path)
        assert f"nothing tells from {first.path}" in error.message and "the first by path" in error.message


def test_identical_wsdls_are_no_conflict() -> None:
    a, b = as_file("a/shop.wsdl"), as_file("b/shop.wsdl", published="2026-07-10")
    assert choose(a, b) == (a, ())
    assert choose(b, a) == (a, ())
    page = as_page("wsdl/shop.md")
    assert page.wsdl is not None and a.wsdl is not None and page.wsdl.text == a.wsdl.text
    assert choose(page, a) == (a, ())


def test_only_the_wsdls_of_one_version_are_chosen_among() -> None:
    other = replace(as_file("x.wsdl"), version="Services91")
    with pytest.raises(ValueError):
        choose_wsdls([as_file("y.wsdl"), other])


def test_the_choices_made_are_given_as_short_lines() -> None:
    pages = [as_page("wsdl/shop.md", FOUR), as_file("w.zip!shop.xml", published="2026-07-10"), *_lender_pages()]
    assert wsdl_choices(pages) == (f"{VERSION} Shop: w.zip!shop.xml",)
    assert wsdl_choices(list(reversed(pages))) == wsdl_choices(pages)


def test_operation_pages_the_winning_wsdl_lacks_are_a_b002() -> None:
    ship = read_text(_operation_page("ShipOrder", *cancel_order()).replace("CancelOrder", "ShipOrder"), "shop/ShipOrder.md")
    cancel = read_text(_operation_page("CancelOrder", *cancel_order()), "shop/CancelOrder.md")
    newer = as_file("w.zip!shop.xml", published="2026-07-10")
    grouped = group_pages([as_page("wsdl/shop.md", FOUR), newer, ship, cancel])
    version, diagnostics = build_version(VERSION, grouped[VERSION])
    assert [op.name for op in version.services[0].operations] == list(OPERATIONS)
    missing = [d for d in diagnostics if d.code == "B002"]
    assert [d.path for d in missing] == ["shop/ShipOrder.md"] and newer.path in missing[0].message
    assert [d.code for d in diagnostics if d.code in ("B001", "B011")] == ["B011"]


def test_the_nearest_documented_version_is_the_newer_on_a_tie() -> None:
    documented = ["Services84", "Services88"]
    assert nearest_documented("Services86", documented) == "Services88"
    assert nearest_documented("Services85", documented) == "Services84"
    assert nearest_documented("Services90", documented) == "Services88"
    assert nearest_documented("Services88", ["Services88"]) is None
    assert nearest_documented("Services87", []) is None


# -- a version of WSDLs only, described from a documented one --------------------------------------

LENDER, BORROWER = VERSION, "Services89"
NOTE = f"Described from the {LENDER} docs."


def _operation_page(operation: str, request: str, response: str, description: str = "", notes: str = "") -> str:
    about = f"## {operation}\n\n{description}\n\n{notes}\n\n" if description or notes else ""
    return (
        f"---\ntitle: {VERSION}.ShopAgent.{operation} SOAP\ngenerated: 1\nuid: {VERSION}-Shop-{operation}\n---\n\n"
        f"# {VERSION} Shop {operation}\n\nSOAP request and response examples **Remote/{VERSION}/Shop.svc**\n\n"
        f"{about}## {operation} Request\n\n```xml\n{request}```\n\n## {operation} Response\n\n```xml\n{response}```\n"
    )


def _lender_pages() -> list[Page]:
    texts = {
        "PlaceOrder": (*place_order(), "Places an order.", "* **Order:** The order to place.\n\n**Returns:** The placed order."),
        "CancelOrder": (*cancel_order(), "Cancels an order.", "* **OrderId:** The order to cancel."),
        "FindOrders": (*find_orders(), "", "* **Status:** Orders in this status."),
    }
    pages = [read_text(_operation_page(op, *text), f"shop/{op}.md") for op, text in texts.items()]
    return [as_page("wsdl/shop.md"), *pages]


def _borrower_wsdl() -> str:
    """Services89's Shop: CancelOrder takes a long (another signature); RushOrder's Deadline is
    a string (another type); the rest as Services90's."""
    text = wsdl_text().replace(LENDER, BORROWER)
    text = re.sub(r'(<xs:element name="CancelOrder">.*?)type="xs:int"', r'\1type="xs:long"', text, count=1, flags=re.S)
    return re.sub(r'(name="Deadline") type="xs:dateTime"', r'\1 type="xs:string"', text, count=1)


REST = (
    RestPage("rest/PlaceOrder.md", "Shop", "PlaceOrder", response_type="Order", response_properties=(
        RestProperty("OrderId", "int32", "The order's number.", 1), RestProperty("Note", "string", "What the buyer wrote.", 2),
    )),
    RestPage("rest/Rush.md", "Shop", "Rush", response_type="RushOrder", response_properties=(
        RestProperty("Deadline", "date-time", "When it must be shipped.", 1),
    )),
)


def _build(borrowed: bool = True) -> tuple[Version, list[Diagnostic]]:
    borrower = as_file("w.zip!WSDL/WSDL-Services89-Shop.xml", text=_borrower_wsdl(), published="2026-04-16T11:35:26")
    grouped = group_pages([*_lender_pages(), borrower])
    assert not grouped[BORROWER].operations and grouped[BORROWER].wsdl
    lent = (LENDER, grouped[LENDER]) if borrowed else None
    return build_version(BORROWER, grouped[BORROWER], borrowed=lent, borrowed_rest=REST if borrowed else ())


def test_a_version_of_wsdls_only_is_a_whole_client() -> None:
    version, diagnostics = _build(borrowed=False)
    assert version.name == BORROWER and version.namespace.endswith(BORROWER)
    [service] = version.services
    assert (service.name, service.endpoint, service.from_wsdl) == ("Shop", f"Remote/{BORROWER}/Shop.svc", True)
    assert [op.name for op in service.operations] == list(OPERATIONS)
    assert all(op.description == "" and op.source is not None for op in service.operations)
    names = {t.name.name for t in version.types}
    assert {"Order", "RushOrder", "ArrayOfOrder", "OrderStatus", "Base", "SoCredentials", "ArrayOfint"} <= names
    # one B003 for the version, not one per operation
    [summary] = [d for d in diagnostics if d.code == "B003"]
    assert summary.path == BORROWER and "3 operations (1 services)" in summary.message
    assert [d for d in diagnostics if d.severity != "info"] == []


def test_operations_of_the_same_signature_are_described_from_the_documented_version() -> None:
    version, diagnostics = _build()
    operations = {op.name: op for op in version.services[0].operations}
    place = operations["PlaceOrder"]
    assert place.description == f"Places an order.\n\n{NOTE}"
    assert [f.description for f in place.input.fields] == ["The order to place."]
    assert place.returns == "The placed order."
    find = operations["FindOrders"]  # no description, a parameter note: the default text and the note
    assert find.description == f"Call Shop.FindOrders of NetServer {BORROWER}.\n\n{NOTE}"
    assert [f.description for f in find.input.fields] == ["Orders in this status."]
    # CancelOrder takes a long in Services89, an int in Services90: nothing is borrowed
    cancel = operations["CancelOrder"]
    assert (cancel.description, cancel.returns, [f.description for f in cancel.input.fields]) == ("", "", [""])
    # the model stays Services89's: its namespace, its types
    assert place.input.element.namespace.endswith(BORROWER) and place.soap_action.startswith(version.namespace)
    [summary] = [d for d in diagnostics if d.code == "B012"]
    assert summary.message == (
        f"{BORROWER}: 2 of 3 operations without a page and 1 types are described from the {LENDER} docs (where they are the same)"
    )


def test_types_of_the_same_fields_are_described_from_the_documented_version() -> None:
    version, _ = _build()
    types = {t.name.name: t for t in version.types}
    order, rush = types["Order"], types["RushOrder"]
    assert isinstance(order, ComplexType) and isinstance(rush, ComplexType)
    assert order.name.namespace.endswith(BORROWER)
    assert order.description == f"The Order data contract of {BORROWER}.\n\n{NOTE}"
    notes = {f.name: f.description for f in order.fields}
    assert notes["OrderId"] == "The order's number." and notes["Note"] == "What the buyer wrote." and notes["Status"] == ""
    # RushOrder's Deadline is a string in Services89: not the same type, not described
    assert rush.description == "" and [f.description for f in rush.fields] == [""]


def test_build_api_lends_the_nearest_documented_version_its_descriptions() -> None:
    pages = [*_lender_pages(), as_file("w.zip!WSDL/WSDL-Services89-Shop.xml", text=_borrower_wsdl())]
    api, diagnostics = build_api(pages)
    versions = {v.name: v for v in api.versions}
    assert set(versions) == {BORROWER, LENDER}
    place = next(op for op in versions[BORROWER].services[0].operations if op.name == "PlaceOrder")
    assert place.description == f"Places an order.\n\n{NOTE}"
    lender_place = next(op for op in versions[LENDER].services[0].operations if op.name == "PlaceOrder")
    assert lender_place.description == "Places an order."
    assert [d.path for d in diagnostics if d.code == "B012"] == [BORROWER]


def test_a_documented_version_reports_each_undocumented_operation() -> None:
    pages = [as_page("wsdl/shop.md", FOUR), *_lender_pages()[1:]]
    _, diagnostics = build_version(VERSION, group_pages(pages)[VERSION])
    assert [d.message for d in diagnostics if d.code == "B003"] == ["operation Shop.ShipOrder has no operation page"]
