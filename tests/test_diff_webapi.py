"""The API diff of the WebAPI: each kind of change of agents, endpoints and their parameters
found and classed on small hand-built models, the WebAPI area of the three reports, ``codegen
diff`` between two small docs folders with WebAPI pages, and the two real corpora against each
other.

As in test_diff.py, the expected classes are written by hand from the rules of
codegen/diff.py's docstring (the generated WebAPI methods take every parameter positionally,
without default; the server reads each parameter where and under the name the docs say), not
read from its table.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.diff import KINDS, RULES, Comparison, diff_versions, diff_webapi
from codegen.diff_report import DiffReport, kind_label, to_html, to_json, to_markdown
from codegen.model import (
    XSD,
    Endpoint,
    EnumMember,
    EnumType,
    Field,
    QName,
    RestAgent,
    RestLocation,
    RestParameter,
    Version,
    WebApi,
)
from shop_docs import REST_PAGES, rest_page, shop

NETSERVER = "http://www.superoffice.net/ws/crm/NetServer/"
ROOT = Path(__file__).resolve().parent.parent

# -- hand-built models -------------------------------------------------------------------------
#
# The WebAPI of version ``v``: agent Shop with PlaceOrder(order, the whole body) -> Order, with
# $select; CancelOrder(OrderId, a body property) -> nothing; FindOrders(Status, limit in the
# query string) -> ArrayOfOrder. A parameter is written "Name: type [optional] @location[=wire]"
# (the wire name is Name unless given), a type without prefix in the version's namespace.


def ns(v: int) -> str:
    return f"{NETSERVER}Services{v}"


def type_name(v: int, text: str) -> QName:
    return QName(XSD, text[3:]) if text.startswith("xs:") else QName(ns(v), text)


def parameter(v: int, spec: str) -> RestParameter:
    declared, _, placed = spec.partition(" @")
    name, _, rest = declared.partition(": ")
    kind, *traits = rest.split()
    location, _, wire = placed.partition("=")
    optional = "optional" in traits
    field = Field(name, ns(v), type_name(v, kind), min_occurs=0 if optional else 1)
    assert location in ("query", "property", "body")
    where: RestLocation = location  # type: ignore[assignment]
    return RestParameter("" if where == "body" else wire or name, where, field)


FIND: list[str] = ["Status: OrderStatus @query", "Limit: xs:int optional @query=limit"]
SHOP: dict[str, dict[str, object]] = {
    "PlaceOrder": {"params": ["order: Order @body"], "returns": "Order", "select": True},
    "CancelOrder": {"params": ["OrderId: xs:int @property"]},
    "FindOrders": {"params": FIND, "returns": "ArrayOfOrder"},
}


def endpoint(v: int, agent: str, method: str, spec: dict[str, object]) -> Endpoint:
    returns = str(spec.get("returns", ""))
    return Endpoint(
        method=method,
        path=str(spec.get("path", f"/api/v1/Agents/{agent}/{method}")),
        parameters=tuple(parameter(v, p) for p in spec.get("params", ())),  # type: ignore[attr-defined]
        returns=(Field("Response", ns(v), type_name(v, returns), 0, True),) if returns else (),
        select=bool(spec.get("select", False)),
    )


def webapi(
    v: int, extra_agents: tuple[str, ...] = (), **changes: dict[str, object] | None
) -> WebApi:
    """The Shop WebAPI of version ``v``; ``changes`` replace keys of an endpoint's spec (or,
    None, drop the endpoint; a new name adds one)."""
    specs = dict(SHOP)
    for method, change in changes.items():
        if change is None:
            del specs[method]
        else:
            specs[method] = {**specs.get(method, {}), **change}
    agents = [RestAgent("Shop", tuple(endpoint(v, "Shop", m, s) for m, s in specs.items()))]
    agents += [RestAgent(a, (endpoint(v, a, "Ping", {}),)) for a in extra_agents]
    return WebApi(f"Services{v}", tuple(sorted(agents, key=lambda a: a.name)))


def version(v: int) -> Version:
    return Version(f"Services{v}", ns(v), (), ())


@dataclass(frozen=True)
class Case:
    id: str
    old: dict[str, object]  # webapi() arguments of the old model
    new: dict[str, object]  # and of the new one
    expected: frozenset[tuple[str, str, str]]  # (kind, class, subject)


def case(id: str, old: dict[str, object], new: dict[str, object], *expected: str) -> Case:
    """``expected``: "kind class subject" strings."""
    return Case(id, old, new, frozenset(tuple(e.split(" ", 2)) for e in expected))  # type: ignore[misc]


CASES = [
    # agents and endpoints
    case("agent added", {}, {"extra_agents": ("Audit",)}, "webapi-agent-added compatible Audit"),
    case("agent removed", {"extra_agents": ("Audit",)}, {}, "webapi-agent-removed breaking Audit"),
    case(
        "endpoint added",
        {},
        {"ShipOrder": {"params": ["OrderId: xs:int @property"]}},
        "webapi-endpoint-added compatible Shop.ShipOrder",
    ),
    case(
        "endpoint removed",
        {},
        {"CancelOrder": None},
        "webapi-endpoint-removed breaking Shop.CancelOrder",
    ),
    case(
        "path changed",
        {},
        {"CancelOrder": {"path": "/api/v2/Agents/Shop/CancelOrder"}},
        "webapi-path-changed breaking Shop.CancelOrder",
    ),
    case(
        "takes $select",
        {},
        {"CancelOrder": {"select": True}},
        "webapi-select-added compatible Shop.CancelOrder",
    ),
    case(
        "no longer takes $select",
        {},
        {"PlaceOrder": {"select": False}},
        "webapi-select-removed breaking Shop.PlaceOrder",
    ),
    # parameters: positional, no defaults in the generated methods
    case(
        "optional body property added",
        {},
        {
            "CancelOrder": {
                "params": ["OrderId: xs:int @property", "Reason: xs:string optional @property"]
            }
        },
        "webapi-parameter-added breaking Shop.CancelOrder.Reason",
    ),
    case(
        "required query parameter added",
        {},
        {"FindOrders": {"params": [*FIND, "Page: xs:int @query=page"]}},
        "webapi-parameter-added breaking Shop.FindOrders.Page",
    ),
    case(
        "parameter removed",
        {},
        {"FindOrders": {"params": FIND[:1]}},
        "webapi-parameter-removed breaking Shop.FindOrders.Limit",
    ),
    case(
        "body property moved to the query string",
        {},
        {"CancelOrder": {"params": ["OrderId: xs:int @query=orderId"]}},
        "webapi-parameter-moved breaking Shop.CancelOrder.OrderId",
    ),
    case(
        "whole body became a body property",
        {},
        {"PlaceOrder": {"params": ["order: Order @property=Order"]}},
        "webapi-parameter-moved breaking Shop.PlaceOrder.order",
    ),
    case(
        "wire name changed",
        {},
        {"FindOrders": {"params": [FIND[0], "Limit: xs:int optional @query=max"]}},
        "webapi-wire-name-changed breaking Shop.FindOrders.Limit",
    ),
    case(
        "parameter type changed",
        {},
        {"CancelOrder": {"params": ["OrderId: xs:long @property"]}},
        "webapi-parameter-type-changed breaking Shop.CancelOrder.OrderId",
    ),
    case(
        "body type changed",
        {},
        {"PlaceOrder": {"params": ["order: RushOrder @body"]}},
        "webapi-parameter-type-changed breaking Shop.PlaceOrder.order",
    ),
    case(
        "query parameter became required",
        {},
        {"FindOrders": {"params": [FIND[0], "Limit: xs:int @query=limit"]}},
        "webapi-parameter-became-required breaking Shop.FindOrders.Limit",
    ),
    case(
        "query parameter became optional",
        {},
        {"FindOrders": {"params": ["Status: OrderStatus optional @query", FIND[1]]}},
        "webapi-parameter-became-optional compatible Shop.FindOrders.Status",
    ),
    case(
        "parameters reordered",
        {},
        {"FindOrders": {"params": FIND[::-1]}},
        "webapi-parameters-reordered breaking Shop.FindOrders",
    ),
    # the reply: one value or nothing
    case(
        "a void endpoint returns a value",
        {},
        {"CancelOrder": {"returns": "xs:boolean"}},
        "webapi-reply-added compatible Shop.CancelOrder",
    ),
    case(
        "an endpoint no longer returns its value",
        {},
        {"PlaceOrder": {"returns": ""}},
        "webapi-reply-removed breaking Shop.PlaceOrder",
    ),
    case(
        "reply type changed",
        {},
        {"FindOrders": {"returns": "Order"}},
        "webapi-reply-type-changed breaking Shop.FindOrders",
    ),
]


def compare(old: WebApi, new: WebApi, old_v: int = 87, new_v: int = 88) -> Comparison:
    return diff_webapi(old, new, version(old_v), version(new_v))


def changes_of(comparison: Comparison) -> set[tuple[str, str, str]]:
    return {(c.kind, c.severity, c.subject) for c in comparison.changes}


@pytest.mark.parametrize("example", CASES, ids=[c.id for c in CASES])
def test_each_webapi_change_is_found_and_classed(example: Case) -> None:
    comparison = compare(webapi(87, **example.old), webapi(88, **example.new))  # type: ignore[arg-type]
    assert changes_of(comparison) == set(example.expected)
    assert {c.area for c in comparison.changes} == {"webapi"}


@pytest.mark.parametrize("example", CASES, ids=[c.id for c in CASES])
def test_the_same_webapi_in_two_versions_has_no_changes(example: Case) -> None:
    for arguments in (example.old, example.new):
        old, new = webapi(87, **arguments), webapi(88, **arguments)  # type: ignore[arg-type]
        assert compare(old, new).changes == ()  # types relative to each side's namespace
        assert compare(new, new, 88, 88).changes == ()


def test_every_webapi_kind_has_a_case_and_a_rule() -> None:
    seen = {kind for example in CASES for kind, _, _ in example.expected}
    webapi_kinds = [kind for kind in KINDS if kind.startswith("webapi-")]
    assert seen == set(webapi_kinds)
    assert all(RULES[kind].why for kind in webapi_kinds)


def test_a_wire_name_differing_in_case_only_is_no_change() -> None:
    # the WebAPI binds query keys and JSON properties case-insensitively
    renamed = webapi(88, FindOrders={"params": [FIND[0], "Limit: xs:int optional @query=Limit"]})
    assert compare(webapi(87), renamed).changes == ()


def test_a_moved_parameter_is_not_also_renamed() -> None:
    new = webapi(88, CancelOrder={"params": ["OrderId: xs:int @query=orderId"]})
    (change,) = compare(webapi(87), new).changes
    assert (change.kind, change.old, change.new) == ("webapi-parameter-moved", "property", "query")
    assert change.message == (
        "parameter moved: now in the query string, was a property of the JSON body"
    )


def test_changes_carry_the_old_and_new_values() -> None:
    new = webapi(
        88,
        CancelOrder={"path": "/api/v2/Agents/Shop/CancelOrder"},
        FindOrders={"params": [FIND[0], "Limit: xs:long optional @query=max"], "returns": "Order"},
        ShipOrder={"params": ["OrderId: xs:int @query=orderId"]},
    )
    found = {(c.kind, c.subject): (c.old, c.new) for c in compare(webapi(87), new).changes}
    assert found == {
        ("webapi-path-changed", "Shop.CancelOrder"): (
            "/api/v1/Agents/Shop/CancelOrder",
            "/api/v2/Agents/Shop/CancelOrder",
        ),
        ("webapi-wire-name-changed", "Shop.FindOrders.Limit"): ("limit", "max"),
        ("webapi-parameter-type-changed", "Shop.FindOrders.Limit"): ("xs:int", "xs:long"),
        ("webapi-reply-type-changed", "Shop.FindOrders"): ("ArrayOfOrder", "Order"),
        ("webapi-endpoint-added", "Shop.ShipOrder"): ("", "/api/v1/Agents/Shop/ShipOrder"),
    }


def test_types_of_another_namespace_than_the_paired_versions_differ() -> None:
    # the old WebAPI names Services87 types but is paired with Services88: not the same types
    comparison = compare(webapi(87), webapi(88), 88, 88)
    kinds = {c.kind for c in comparison.changes}
    assert kinds == {"webapi-parameter-type-changed", "webapi-reply-type-changed"}
    assert any(c.old.startswith("{" + ns(87)) for c in comparison.changes)


def test_the_order_is_deterministic_breaking_first() -> None:
    new = webapi(
        88,
        extra_agents=("Audit", "Billing"),
        CancelOrder={"select": True, "returns": "xs:boolean"},
        FindOrders={"params": FIND[:1], "select": True},
        PlaceOrder=None,
    )
    old = webapi(87, extra_agents=("Billing",))
    comparison = compare(old, new)
    # endpoints listed in another order give the same diff
    shuffled = WebApi(
        new.version,
        tuple(RestAgent(a.name, a.endpoints[::-1]) for a in new.agents[::-1]),
    )
    assert compare(old, shuffled) == comparison == compare(old, new)
    assert [(c.section, c.subject, c.kind) for c in comparison.changes] == [
        ("Audit", "Audit", "webapi-agent-added"),
        ("Shop", "Shop.FindOrders.Limit", "webapi-parameter-removed"),
        ("Shop", "Shop.PlaceOrder", "webapi-endpoint-removed"),
        ("Shop", "Shop.CancelOrder", "webapi-select-added"),
        ("Shop", "Shop.CancelOrder", "webapi-reply-added"),
        ("Shop", "Shop.FindOrders", "webapi-select-added"),
    ]
    assert [name for name, _ in comparison.sections("webapi")] == ["Shop", "Audit"]


def test_the_webapi_comes_after_the_services_and_types_of_its_version() -> None:
    old = Version("Services87", ns(87), (), ())
    new = Version("Services88", ns(88), (), (EnumType(type_name(88, "Mode"), (EnumMember("A"),)),))
    comparison = diff_versions(old, new, (webapi(87), webapi(88, CancelOrder=None)))
    assert [(c.area, c.kind) for c in comparison.changes] == [
        ("type", "type-added"),
        ("webapi", "webapi-endpoint-removed"),
    ]
    assert diff_versions(old, new).changes == comparison.changes[:1]


# -- the reports --------------------------------------------------------------------------------


def report_of(notes: tuple[str, ...] = ()) -> DiffReport:
    new = webapi(
        88,
        extra_agents=("Audit",),
        CancelOrder={"select": True},
        FindOrders={
            "params": ["Status: OrderStatus @query", "Limit: xs:int optional @query=<max>"]
        },
    )
    return DiffReport("old", "new", (compare(webapi(87), new),), notes=notes)


def test_markdown_has_a_webapi_area() -> None:
    lines = to_markdown(report_of()).splitlines()
    assert lines[2] == (
        "3 changes (**1 breaking**, 2 compatible): old → new (Services87 → Services88)."
    )
    assert "| WebAPI wire name changed | 1 | 0 |" in lines
    assert "| WebAPI $select added | 0 | 1 |" in lines
    assert lines.index("### WebAPI") < lines.index("#### ⚠️ Shop (1 breaking, 1 compatible)")
    assert "- **BREAKING** `Shop.FindOrders.Limit`: wire name changed — `limit` → `<max>`" in lines
    assert "<summary>1 agent added</summary>" in lines
    assert "- `Audit`: agent added with 1 endpoint" in lines
    assert "- `Shop.CancelOrder`: takes $select now" in lines


def test_json_has_the_webapi_changes_and_the_notes() -> None:
    note = "The WebAPI is not compared: reasons."
    document = json.loads(to_json(report_of((note,))))
    assert document["not_compared"] == {"old_only": [], "new_only": [], "notes": [note]}
    (comparison,) = document["comparisons"]
    assert {c["area"] for c in comparison["changes"]} == {"webapi"}
    assert document["summary"]["kinds"] == {
        "webapi-agent-added": 1,
        "webapi-select-added": 1,
        "webapi-wire-name-changed": 1,
    }


def test_markdown_and_html_show_the_notes() -> None:
    note = "The WebAPI is not compared: <it> mirrors the newest version."
    assert (
        "The WebAPI is not compared: \\<it\\> mirrors the newest version."
        in to_markdown(report_of((note,))).splitlines()
    )
    page = to_html(report_of((note,)))
    assert '<p class="note">The WebAPI is not compared: &lt;it&gt; mirrors' in page


def test_html_has_a_webapi_area_with_names_escaped() -> None:
    page = to_html(report_of())
    assert "<h3>WebAPI</h3>" in page
    assert "&lt;max&gt;" in page and "<max>" not in page
    assert "1 agent added" in page
    assert "WebAPI wire name changed" in page


def test_kind_labels_name_the_webapi() -> None:
    assert kind_label("webapi-endpoint-removed") == "WebAPI endpoint removed"
    assert kind_label("operation-removed") == "operation removed"


# -- codegen diff --------------------------------------------------------------------------------


def codegen(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def shop_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two Shop docs folders (Services90, see shop_docs.py): the new one without the WebAPI
    page of FindOrders, and CancelOrder's OrderId in the query string instead of the body."""
    old = shop(tmp_path / "old", rest=REST_PAGES).root
    moved = rest_page("CancelOrder", body="", query=[("OrderId", "int32"), ("$select", "string")])
    pages = {"PlaceOrder": REST_PAGES["PlaceOrder"], "CancelOrder": moved}
    new = shop(tmp_path / "new", rest=pages).root
    return old, new


def test_cli_diffs_the_webapi_of_two_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = shop_folders(tmp_path)
    code, out, err = codegen(
        capsys, str(old), str(new), "--format", "json", "--fail-on", "breaking"
    )
    assert code == 1, err
    document = json.loads(out)
    (comparison,) = document["comparisons"]
    assert (comparison["old_version"], comparison["new_version"]) == ("Services90", "Services90")
    found = {(c["kind"], c["severity"], c["subject"]) for c in comparison["changes"]}
    assert found == {
        ("webapi-endpoint-removed", "breaking", "Shop.FindOrders"),
        ("webapi-parameter-moved", "breaking", "Shop.CancelOrder.OrderId"),
    }
    assert document["not_compared"]["notes"] == []

    code, out, err = codegen(capsys, str(old), str(new))
    assert code == 0, err
    lines = out.splitlines()
    assert "### WebAPI" in lines
    assert (
        "- **BREAKING** `Shop.FindOrders`: endpoint removed — was `/api/v1/Agents/Shop/FindOrders`"
        in lines
    )
    assert any(
        line.startswith("- **BREAKING** `Shop.CancelOrder.OrderId`: parameter moved")
        for line in lines
    )


def test_cli_a_folder_against_itself_has_no_webapi_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = shop_folders(tmp_path)
    code, out, err = codegen(capsys, str(old), str(old), "--fail-on", "any")
    assert code == 0, err
    assert "No API changes: Services90 in " in out


def test_cli_two_versions_of_one_folder_say_the_webapi_is_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = shop_folders(tmp_path)
    args = ["--docs", str(old), "--from", "Services90", "--to", "Services90", "--format", "json"]
    code, out, err = codegen(capsys, *args)
    assert code == 0, err
    (note,) = json.loads(out)["not_compared"]["notes"]
    assert note.startswith(
        "The WebAPI is not compared: it mirrors only the newest version (Services90)"
    )


def test_cli_a_folder_without_webapi_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = shop_folders(tmp_path)
    bare = shop(tmp_path / "bare").root
    code, out, err = codegen(capsys, str(old), str(bare), "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["not_compared"]["notes"] == [
        f"The WebAPI is not compared: {bare} has no WebAPI pages or specs."
    ]
    assert document["summary"]["changes"] == 0


def test_cli_a_webapi_paired_with_a_version_not_in_both_folders_has_its_own_comparison(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the new folder has Services91 too (its WSDL page only), whose types its WebAPI shares
    old = shop(tmp_path / "old", rest=REST_PAGES).root
    new = shop(tmp_path / "new", rest={"PlaceOrder": REST_PAGES["PlaceOrder"]})
    new.write(
        "wsdl/shop91.md", (old / "wsdl/shop.md").read_text().replace("Services90", "Services91")
    )
    code, out, err = codegen(capsys, str(old), str(new.root), "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["not_compared"]["new_only"] == ["Services91"]
    same, webapi_only = document["comparisons"]
    assert (same["old_version"], same["new_version"], same["changes"]) == (
        "Services90",
        "Services90",
        [],
    )
    assert (webapi_only["old_version"], webapi_only["new_version"]) == ("Services90", "Services91")
    assert sorted((c["kind"], c["subject"]) for c in webapi_only["changes"]) == [
        ("webapi-endpoint-removed", "Shop.CancelOrder"),
        ("webapi-endpoint-removed", "Shop.FindOrders"),
    ]


def test_the_webapi_area_renders_in_chromium(tmp_path: Path) -> None:
    from png_pixels import read_png
    from test_diff import screenshot  # skips without chromium

    report = DiffReport("old", "new", (compare(webapi(87, extra_agents=("Audit",)), webapi(88)),))
    image = read_png(screenshot(to_html(report), tmp_path))
    reds = sum(
        1
        for y in range(0, 600, 2)
        for x in range(0, 1200, 2)
        for r, g, b in [image.rgb(x, y)]
        if r > 150 and g < 80 and b < 80
    )
    assert reds > 100, "the removed agent is not marked in red"


# -- the real corpora: the 2023 docs against today's ----------------------------------------------

OLD_CORPUS, NEW_CORPUS = "../shared/superoffice-docs", "../shared/superoffice-docs-current"


def test_the_2023_docs_against_todays_report_soap_and_webapi_changes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder, inside in ((OLD_CORPUS, "soap"), (NEW_CORPUS, "endpoints")):
        if not (ROOT / folder / inside).is_dir():
            pytest.skip(f"the corpus {folder} (relative to the repository) is absent: not compared")
    monkeypatch.chdir(ROOT)  # the folders as a user types them, from the repository's root
    code, out, err = codegen(capsys, OLD_CORPUS, NEW_CORPUS, "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert "Services88" in [c["new_version"] for c in document["comparisons"]]
    kinds = document["summary"]["kinds"]
    for prefix in ("operation-", "field-", "enum-member-", "webapi-endpoint-"):
        assert any(kind.startswith(prefix) for kind in kinds), f"no {prefix}* change: {kinds}"
    areas = {c["area"] for comparison in document["comparisons"] for c in comparison["changes"]}
    assert areas == {"service", "type", "webapi"}
    assert document["not_compared"]["notes"] == []  # both have a WebAPI, paired with Services88
    webapi_changes = [
        c
        for comparison in document["comparisons"]
        for c in comparison["changes"]
        if c["area"] == "webapi"
    ]
    assert all(re.fullmatch(r"webapi-[a-z-]+", c["kind"]) for c in webapi_changes)
    assert all(c["section"] == c["subject"].split(".")[0] for c in webapi_changes)
