"""The API diff: each kind of change and its class on hand-built models, the real corpus's
Services87 -> Services88 against counts taken straight from the WSDL pages' XML, the three
report formats (the HTML page in headless Chromium), and ``codegen diff`` itself.

The expected classes below are written by hand from the rules of codegen/diff.py's docstring
(what breaks a user of the generated client or of the server contract), not read from its
table.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from lxml import etree

from codegen.cli import main
from codegen.diff import KINDS, RULES, Comparison, diff_versions
from codegen.diff_report import DiffReport, to_html, to_json, to_markdown
from codegen.model import (
    XSD,
    ArrayType,
    ComplexType,
    DictType,
    EnumMember,
    EnumType,
    Field,
    Header,
    Message,
    Operation,
    QName,
    Service,
    TypeDef,
    Version,
)
from png_pixels import read_png

NETSERVER = "http://www.superoffice.net/ws/crm/NetServer/"

# -- hand-built models -------------------------------------------------------------------------
#
# A small world in version ``v``: service Sale with Save(draft: Draft) -> nothing and
# Load() -> Response: Receipt. Draft (and its enum Mode) travel only in requests; Receipt (its
# enum Status, its lines ArrayOfLine of Line) only in replies; Orphan in none. Fields are
# written "Name: type [optional] [nillable]", a type without prefix in the version's namespace.


def ns(v: int) -> str:
    return f"{NETSERVER}Services{v}"


def name(v: int, text: str) -> QName:
    return QName(XSD, text[3:]) if text.startswith("xs:") else QName(ns(v), text)


def fields(v: int, specs: Iterable[str]) -> tuple[Field, ...]:
    result = []
    for spec in specs:
        field_name, _, rest = spec.partition(": ")
        type_name, *traits = rest.split()
        result.append(
            Field(
                field_name,
                ns(v),
                name(v, type_name),
                min_occurs=0 if "optional" in traits else 1,
                nillable="nillable" in traits,
            )
        )
    return tuple(result)


def complex_type(v: int, type_name: str, specs: Iterable[str], base: str = "") -> ComplexType:
    return ComplexType(name(v, type_name), fields(v, specs), base=name(v, base) if base else None)


def enum(v: int, type_name: str, values: Iterable[str], flags: bool = False) -> EnumType:
    return EnumType(name(v, type_name), tuple(EnumMember(value) for value in values), flags)


def operation(
    v: int,
    service: str,
    op: str,
    params: Iterable[str] = (),
    results: Iterable[str] = (),
    headers: Iterable[str] = ("ApplicationToken: xs:string",),
    action: str = "",
    element: str = "",
) -> Operation:
    request_headers = tuple(
        Header(QName(ns(v), h.partition(": ")[0]), name(v, h.partition(": ")[2])) for h in headers
    )
    return Operation(
        op,
        action.format(ns=ns(v)) if action else f"{ns(v)}/{service}/{op}",
        Message(QName(ns(v), element or op), fields(v, params), request_headers),
        Message(QName(ns(v), f"{op}Response"), fields(v, results)),
    )


def world(
    v: int,
    *,
    save: Iterable[str] = ("draft: Draft nillable",),
    load: Iterable[str] = ("Response: Receipt optional nillable",),
    draft: Iterable[str] = ("Name: xs:string optional nillable", "Amount: xs:int", "Mode: Mode"),
    receipt: Iterable[str] = ("Id: xs:int optional", "Status: Status", "Lines: ArrayOfLine"),
    line: Iterable[str] = ("Text: xs:string optional nillable",),
    orphan: Iterable[str] = ("Note: xs:string optional nillable",),
    mode: Iterable[str] = ("Fast", "Slow"),
    status: Iterable[str] = ("Open", "Closed"),
    status_flags: bool = False,
    save_headers: Iterable[str] = ("ApplicationToken: xs:string",),
    save_action: str = "",
    save_element: str = "",
    extra_operations: Iterable[str] = (),
    extra_services: Iterable[str] = (),
    extra_types: Iterable[Callable[[int], TypeDef]] = (),
    endpoint: str = "Remote/Services{v}/Sale.svc",
    replace_types: dict[str, Callable[[int], TypeDef]] | None = None,
) -> Version:
    operations = [
        operation(v, "Sale", "Save", save, (), save_headers, save_action, save_element),
        operation(v, "Sale", "Load", (), load),
    ] + [operation(v, "Sale", op) for op in extra_operations]
    services = [Service("Sale", endpoint.format(v=v), ns(v), tuple(operations))] + [
        Service(s, f"Remote/Services{v}/{s}.svc", ns(v), (operation(v, s, "Ping"),))
        for s in extra_services
    ]
    types: dict[str, TypeDef] = {
        "Draft": complex_type(v, "Draft", draft),
        "Receipt": complex_type(v, "Receipt", receipt),
        "Line": complex_type(v, "Line", line),
        "ArrayOfLine": ArrayType(name(v, "ArrayOfLine"), fields(v, ["Line: Line nillable"])[0]),
        "Labels": DictType(
            name(v, "Labels"),
            name(v, "LabelsPair"),
            *fields(v, ["Key: xs:string nillable", "Value: xs:string nillable"]),
        ),
        "Orphan": complex_type(v, "Orphan", orphan),
        "Mode": enum(v, "Mode", mode),
        "Status": enum(v, "Status", status, status_flags),
    }
    for make in extra_types:
        made = make(v)
        types[made.name.name] = made
    for type_name, make in (replace_types or {}).items():
        types[type_name] = make(v)
    return Version(
        f"Services{v}", ns(v), tuple(services), tuple(sorted(types.values(), key=lambda t: t.name))
    )


@dataclass(frozen=True)
class Case:
    id: str
    old: dict[str, object]  # world() arguments of the old model
    new: dict[str, object]  # and of the new one
    expected: frozenset[tuple[str, str, str]]  # (kind, class, subject)


def case(id: str, old: dict[str, object], new: dict[str, object], *expected: str) -> Case:
    """``expected``: "kind class subject" strings."""
    return Case(id, old, new, frozenset(tuple(e.split(" ", 2)) for e in expected))  # type: ignore[misc]


SPECIAL_DRAFT = lambda v: complex_type(v, "SpecialDraft", ["Code: xs:string"], base="Draft")
SPECIAL_DRAFT_MORE = lambda v: complex_type(
    v, "SpecialDraft", ["Code: xs:string", "Extra: xs:int"], base="Draft"
)
SPECIAL_RECEIPT = lambda v: complex_type(v, "SpecialReceipt", ["Code: xs:string"], base="Receipt")
SPECIAL_RECEIPT_MORE = lambda v: complex_type(
    v, "SpecialReceipt", ["Code: xs:string", "Extra: xs:int"], base="Receipt"
)
PAIR = "draft: Draft nillable", "count: xs:int"
TWO_PARTS = "Response: Receipt optional nillable", "Total: xs:int"

CASES = [
    # services
    case("service added", {}, {"extra_services": ["Audit"]}, "service-added compatible Audit"),
    case("service removed", {"extra_services": ["Audit"]}, {}, "service-removed breaking Audit"),
    case(
        "endpoint changed",
        {},
        {"endpoint": "Remote/Services{v}/Sales.svc"},
        "service-endpoint-changed breaking Sale",
    ),
    # operations
    case(
        "operation added",
        {},
        {"extra_operations": ["Ping"]},
        "operation-added compatible Sale.Ping",
    ),
    case(
        "operation removed",
        {"extra_operations": ["Ping"]},
        {},
        "operation-removed breaking Sale.Ping",
    ),
    case(
        "SOAP action changed",
        {},
        {"save_action": "{ns}/Sale/SaveDraft"},
        "soap-action-changed breaking Sale.Save",
    ),
    case(
        "request element renamed",
        {},
        {"save_element": "SaveDraft"},
        "message-element-changed breaking Sale.Save",
    ),
    case(
        "header added",
        {},
        {"save_headers": ["ApplicationToken: xs:string", "TimeZone: SoTimeZone"]},
        "header-added compatible Sale.Save",
    ),
    case(
        "header removed",
        {},
        {"save_headers": []},
        "header-removed breaking Sale.Save",
    ),
    case(
        "header type changed",
        {},
        {"save_headers": ["ApplicationToken: xs:int"]},
        "header-changed breaking Sale.Save",
    ),
    # parameters: positional, no defaults in the generated methods
    case(
        "optional parameter added",
        {},
        {"save": ["draft: Draft nillable", "notify: xs:boolean optional"]},
        "parameter-added breaking Sale.Save.notify",
    ),
    case("parameter removed", {"save": PAIR}, {}, "parameter-removed breaking Sale.Save.count"),
    case(
        "parameter type changed",
        {},
        {"save": ["draft: Receipt nillable"]},
        "parameter-type-changed breaking Sale.Save.draft",
    ),
    case(
        "parameter became optional",
        {},
        {"save": ["draft: Draft optional nillable"]},
        "parameter-became-optional compatible Sale.Save.draft",
    ),
    case(
        "parameter became required",
        {"save": ["draft: Draft optional nillable"]},
        {},
        "parameter-became-required breaking Sale.Save.draft",
    ),
    case(
        "parameter became nillable",
        {"save": ["draft: Draft"]},
        {},
        "parameter-became-nillable compatible Sale.Save.draft",
    ),
    case(
        "parameter no longer nillable",
        {},
        {"save": ["draft: Draft"]},
        "parameter-became-non-nillable breaking Sale.Save.draft",
    ),
    case(
        "parameters reordered",
        {"save": PAIR},
        {"save": PAIR[::-1]},
        "parameters-reordered breaking Sale.Save",
    ),
    # results: one part is returned as it is, several as a result object
    case(
        "a void operation returns a value",
        {"load": []},
        {},
        "result-added compatible Sale.Load.Response",
    ),
    case(
        "a second result part",
        {},
        {"load": TWO_PARTS},
        "result-added compatible Sale.Load.Total",
        "result-shape-changed breaking Sale.Load",
    ),
    case(
        "a third result part",
        {"load": TWO_PARTS},
        {"load": [*TWO_PARTS, "Extra: xs:string optional"]},
        "result-added compatible Sale.Load.Extra",
    ),
    case("result removed", {}, {"load": []}, "result-removed breaking Sale.Load.Response"),
    case(
        "result type changed",
        {},
        {"load": ["Response: Draft optional nillable"]},
        "result-type-changed breaking Sale.Load.Response",
    ),
    case(
        "result became optional",
        {"load": ["Response: Receipt nillable"]},
        {},
        "result-became-optional breaking Sale.Load.Response",
    ),
    case(
        "result became required",
        {},
        {"load": ["Response: Receipt nillable"]},
        "result-became-required compatible Sale.Load.Response",
    ),
    case(
        "result became nillable",
        {"load": ["Response: Receipt optional"]},
        {},
        "result-became-nillable breaking Sale.Load.Response",
    ),
    case(
        "result no longer nillable",
        {},
        {"load": ["Response: Receipt optional"]},
        "result-became-non-nillable compatible Sale.Load.Response",
    ),
    case(
        "results reordered",
        {"load": TWO_PARTS},
        {"load": TWO_PARTS[::-1]},
        "results-reordered breaking Sale.Load",
    ),
    # types
    case("type added", {}, {"extra_types": [SPECIAL_DRAFT]}, "type-added compatible SpecialDraft"),
    case(
        "type removed", {"extra_types": [SPECIAL_DRAFT]}, {}, "type-removed breaking SpecialDraft"
    ),
    case(
        "complex type became an enum",
        {},
        {"replace_types": {"Orphan": lambda v: enum(v, "Orphan", ["A"])}},
        "type-kind-changed breaking Orphan",
    ),
    case(
        "base type changed",
        {},
        {"replace_types": {"Orphan": lambda v: complex_type(v, "Orphan", [], base="Line")}},
        "type-base-changed breaking Orphan",
        "field-removed breaking Orphan.Note",
    ),
    # fields: keyword-only, optional ones default to None; classed by direction
    case(
        "required field added to a request type",
        {},
        {
            "draft": [
                "Name: xs:string optional nillable",
                "Amount: xs:int",
                "Mode: Mode",
                "Tax: xs:int",
            ]
        },
        "field-added-required breaking Draft.Tax",
    ),
    case(
        "required field added to a reply type",
        {},
        {"receipt": ["Id: xs:int optional", "Status: Status", "Lines: ArrayOfLine", "Tax: xs:int"]},
        "field-added-required compatible Receipt.Tax",
    ),
    case(
        "optional field added to a request type",
        {},
        {
            "draft": [
                "Name: xs:string optional nillable",
                "Amount: xs:int",
                "Mode: Mode",
                "Tax: xs:int optional",
            ]
        },
        "field-added-optional compatible Draft.Tax",
    ),
    case(
        "field removed",
        {},
        {"receipt": ["Id: xs:int optional", "Lines: ArrayOfLine"]},
        "field-removed breaking Receipt.Status",
    ),
    case(
        "field type changed",
        {},
        {"line": ["Text: xs:int optional nillable"]},
        "field-type-changed breaking Line.Text",
    ),
    case(
        "request field became required",
        {},
        {"draft": ["Name: xs:string nillable", "Amount: xs:int", "Mode: Mode"]},
        "field-became-required breaking Draft.Name",
    ),
    case(
        "reply field became required",
        {},
        {"receipt": ["Id: xs:int", "Status: Status", "Lines: ArrayOfLine"]},
        "field-became-required compatible Receipt.Id",
    ),
    case(
        "request field became optional",
        {},
        {"draft": ["Name: xs:string optional nillable", "Amount: xs:int optional", "Mode: Mode"]},
        "field-became-optional compatible Draft.Amount",
    ),
    case(
        "reply field became optional",
        {},
        {"receipt": ["Id: xs:int optional", "Status: Status optional", "Lines: ArrayOfLine"]},
        "field-became-optional breaking Receipt.Status",
    ),
    case(
        "request field became nillable",
        {},
        {"draft": ["Name: xs:string optional nillable", "Amount: xs:int nillable", "Mode: Mode"]},
        "field-became-nillable compatible Draft.Amount",
    ),
    case(
        "optional field added to a reply type reached through an array",
        {},
        {"line": ["Text: xs:string optional nillable", "Code: xs:int optional"]},
        "field-added-optional compatible Line.Code",
    ),
    case(
        "reply field became nillable",
        {},
        {"receipt": ["Id: xs:int optional nillable", "Status: Status", "Lines: ArrayOfLine"]},
        "field-became-nillable breaking Receipt.Id",
    ),
    case(
        "request field no longer nillable",
        {},
        {"draft": ["Name: xs:string optional", "Amount: xs:int", "Mode: Mode"]},
        "field-became-non-nillable breaking Draft.Name",
    ),
    case(
        "reply field, reached through an array, no longer nillable",
        {},
        {"line": ["Text: xs:string optional"]},
        "field-became-non-nillable compatible Line.Text",
    ),
    case(
        "a field of a type no operation reaches counts both ways",
        {},
        {"orphan": ["Note: xs:string nillable"]},
        "field-became-required breaking Orphan.Note",
    ),
    case(
        "a subtype travels where its base does: requests",
        {"extra_types": [SPECIAL_DRAFT]},
        {"extra_types": [SPECIAL_DRAFT_MORE]},
        "field-added-required breaking SpecialDraft.Extra",
    ),
    case(
        "a subtype travels where its base does: replies",
        {"extra_types": [SPECIAL_RECEIPT]},
        {"extra_types": [SPECIAL_RECEIPT_MORE]},
        "field-added-required compatible SpecialReceipt.Extra",
    ),
    case(
        "fields reordered",
        {},
        {"draft": ["Amount: xs:int", "Name: xs:string optional nillable", "Mode: Mode"]},
        "fields-reordered breaking Draft",
    ),
    case(
        "array item changed",
        {},
        {
            "replace_types": {
                "ArrayOfLine": lambda v: ArrayType(
                    name(v, "ArrayOfLine"), fields(v, ["Item: Line nillable"])[0]
                )
            }
        },
        "array-item-changed breaking ArrayOfLine",
    ),
    case(
        "dictionary value changed",
        {},
        {
            "replace_types": {
                "Labels": lambda v: DictType(
                    name(v, "Labels"),
                    name(v, "LabelsPair"),
                    *fields(v, ["Key: xs:string nillable", "Value: xs:int"]),
                )
            }
        },
        "dict-entry-changed breaking Labels",
    ),
    # enums
    case(
        "member added to a request enum",
        {},
        {"mode": ["Fast", "Slow", "Batch"]},
        "enum-member-added compatible Mode.Batch",
    ),
    case(
        "member added to a reply enum",
        {},
        {"status": ["Open", "Closed", "Void"]},
        "enum-member-added compatible Status.Void",
    ),
    case("member removed", {}, {"status": ["Open"]}, "enum-member-removed breaking Status.Closed"),
    case("became flags", {}, {"status_flags": True}, "enum-flags-changed breaking Status"),
]


def changes_of(comparison: Comparison) -> set[tuple[str, str, str]]:
    return {(c.kind, c.severity, c.subject) for c in comparison.changes}


@pytest.mark.parametrize("example", CASES, ids=[c.id for c in CASES])
def test_each_change_is_found_and_classed(example: Case) -> None:
    old = world(87, **example.old)  # type: ignore[arg-type]
    new = world(88, **example.new)  # type: ignore[arg-type]
    assert changes_of(diff_versions(old, new)) == set(example.expected)


@pytest.mark.parametrize("example", CASES, ids=[c.id for c in CASES])
def test_the_same_model_in_two_versions_has_no_changes(example: Case) -> None:
    for arguments in (example.old, example.new):
        old, new = world(87, **arguments), world(88, **arguments)  # type: ignore[arg-type]
        assert diff_versions(old, new).changes == ()
        assert diff_versions(new, new).changes == ()


def test_every_kind_of_change_has_a_case_and_a_rule() -> None:
    seen = {kind for example in CASES for kind, _, _ in example.expected}
    # the WebAPI's kinds have their cases in test_diff_webapi.py
    assert seen == {kind for kind in KINDS if not kind.startswith("webapi-")}
    assert set(RULES) == set(KINDS)
    assert all(rule.why for rule in RULES.values())


def test_an_added_reply_enum_member_says_it_reaches_replies() -> None:
    comparison = diff_versions(
        world(87), world(88, status=["Open", "Closed", "Void"], mode=["Fast", "Slow", "Batch"])
    )
    messages = {c.subject: c.message for c in comparison.changes}
    assert "replies" in messages["Status.Void"]
    assert "replies" not in messages["Mode.Batch"]


def test_changes_carry_the_old_and_new_values() -> None:
    comparison = diff_versions(world(87), world(88, line=["Text: xs:int optional nillable"]))
    (change,) = comparison.changes
    assert (change.old, change.new, change.section, change.area) == (
        "xs:string",
        "xs:int",
        "Line",
        "type",
    )


def test_a_reordering_names_what_moved() -> None:
    order = ["A: xs:int", "B: xs:int", "C: xs:int", "D: xs:int"]
    comparison = diff_versions(world(87, orphan=order), world(88, orphan=[order[3], *order[:3]]))
    (change,) = comparison.changes
    assert change.message == "fields reordered: D moved"


def test_sections_with_breaking_changes_come_first() -> None:
    comparison = diff_versions(
        world(87), world(88, mode=["Fast", "Slow", "Batch"], status=["Open"])
    )
    assert [name for name, _ in comparison.sections("type")] == ["Status", "Mode"]
    assert (comparison.breaking, comparison.compatible) == (1, 1)


# -- the real corpus: independent counts from the WSDL pages' XML ------------------------------

XS = "{http://www.w3.org/2001/XMLSchema}"
WSDL = "{http://schemas.xmlsoap.org/wsdl/}"
SER = "{http://schemas.microsoft.com/2003/10/Serialization/}"
PREFIXES = {
    "http://www.w3.org/2001/XMLSchema": "xs:",
    "http://schemas.microsoft.com/2003/10/Serialization/": "ser:",
    "http://schemas.microsoft.com/2003/10/Serialization/Arrays": "arr:",
}


@dataclass
class WsdlFacts:
    """What the WSDL pages of one version say, read with plain lxml and no codegen code."""

    operations: dict[str, set[str]]  # service -> operation names
    types: set[str]  # named complex types and enumerations, prefixed unless the version's own
    enums: dict[str, list[str]]  # enumeration -> its values
    fields: dict[str, list[tuple[str, str]]]  # data contract -> (element, type) in order


def wsdl_facts(corpus: Path, version: str) -> WsdlFacts:
    facts = WsdlFacts({}, set(), {}, {})
    own = f"{NETSERVER}{version}"
    for page in sorted((corpus / "soap" / version).glob(f"{version}-*.md")):
        text = page.read_text(encoding="utf-8")
        block = text[text.index("```xml") + len("```xml") :]
        root = etree.fromstring(block[: block.index("```")].strip().encode())
        address = root.find(
            f"{WSDL}service/{WSDL}port/{{http://schemas.xmlsoap.org/wsdl/soap/}}address"
        )
        service = re.search(r"/(\w+)\.svc", address.get("location")).group(1)  # type: ignore[union-attr,arg-type]
        facts.operations[service] = {op.get("name") for op in root.iter(f"{WSDL}portType") for op in op.findall(f"{WSDL}operation")}  # type: ignore[misc]
        for schema in root.iter(f"{XS}schema"):
            namespace = schema.get("targetNamespace", "")
            prefix = "" if namespace == own else PREFIXES.get(namespace, f"{{{namespace}}}")
            for node in schema.findall(f"{XS}complexType"):
                type_name = prefix + node.get("name", "")
                facts.types.add(type_name)
                elements = node.findall(f"{XS}sequence/{XS}element") + node.findall(
                    f"{XS}complexContent/{XS}extension/{XS}sequence/{XS}element"
                )
                is_array = len(elements) == 1 and elements[0].get("maxOccurs") == "unbounded"
                if (
                    not is_array
                    and node.find(f"{XS}annotation/{XS}appinfo/{SER}IsDictionary") is None
                ):
                    facts.fields.setdefault(type_name, [(e.get("name"), e.get("type").split(":")[-1]) for e in elements])  # type: ignore[misc,union-attr]
            for node in schema.findall(f"{XS}simpleType"):
                values = [e.get("value") for e in node.iter(f"{XS}enumeration")]
                if values:
                    facts.types.add(prefix + node.get("name", ""))
                    facts.enums.setdefault(prefix + node.get("name", ""), values)  # type: ignore[arg-type]
    return facts


@pytest.fixture(scope="module")
def services87_to_88(corpus_model) -> Comparison:  # type: ignore[no-untyped-def]
    api = corpus_model[0]
    versions = {v.name: v for v in api.versions}
    return diff_versions(versions["Services87"], versions["Services88"])


@pytest.fixture(scope="module")
def facts(corpus: Path) -> dict[str, WsdlFacts]:
    return {v: wsdl_facts(corpus, v) for v in ("Services86", "Services87", "Services88")}


def of_kind(comparison: Comparison, *kinds: str) -> list[str]:
    return sorted(c.subject for c in comparison.changes if c.kind in kinds)


def test_a_version_diffed_with_itself_is_empty(corpus_model) -> None:  # type: ignore[no-untyped-def]
    for version in corpus_model[0].versions:
        assert diff_versions(version, version).changes == ()


def test_services87_to_88_lists_the_added_services_and_operations(
    services87_to_88: Comparison, facts: dict[str, WsdlFacts]
) -> None:
    old, new = facts["Services87"].operations, facts["Services88"].operations
    assert of_kind(services87_to_88, "service-added") == sorted(new.keys() - old.keys())
    assert of_kind(services87_to_88, "service-removed") == sorted(old.keys() - new.keys())
    added = sorted(f"{s}.{op}" for s in old.keys() & new.keys() for op in new[s] - old[s])
    removed = sorted(f"{s}.{op}" for s in old.keys() & new.keys() for op in old[s] - new[s])
    assert of_kind(services87_to_88, "operation-added") == added
    assert of_kind(services87_to_88, "operation-removed") == removed
    assert len(added) > 200  # the corpus really grew; an empty diff would pass the rest


def test_services87_to_88_lists_the_added_and_removed_types(
    services87_to_88: Comparison, facts: dict[str, WsdlFacts]
) -> None:
    old, new = facts["Services87"].types, facts["Services88"].types
    assert of_kind(services87_to_88, "type-added") == sorted(new - old)
    assert of_kind(services87_to_88, "type-removed") == sorted(old - new)
    assert len(new - old) > 100


def test_services87_to_88_lists_the_changed_enums_with_breaking_ones_marked(
    services87_to_88: Comparison, facts: dict[str, WsdlFacts]
) -> None:
    old, new = facts["Services87"].enums, facts["Services88"].enums
    common = old.keys() & new.keys()
    added = sorted(f"{e}.{v}" for e in common for v in new[e] if v not in old[e])
    removed = sorted(f"{e}.{v}" for e in common for v in old[e] if v not in new[e])
    changes = {c.subject: c for c in services87_to_88.changes}
    assert of_kind(services87_to_88, "enum-member-added") == added
    assert of_kind(services87_to_88, "enum-member-removed") == removed
    assert all(changes[s].severity == "compatible" for s in added)
    assert all(changes[s].severity == "breaking" for s in removed)
    changed_enums = {s.split(".")[0] for s in added + removed}
    assert {
        c.section for c in services87_to_88.changes if c.kind.startswith("enum-")
    } == changed_enums
    assert len(changed_enums) >= 5


@pytest.mark.parametrize(
    "old_version, new_version", [("Services86", "Services87"), ("Services87", "Services88")]
)
def test_field_changes_match_the_wsdl(
    corpus_model, facts: dict[str, WsdlFacts], old_version: str, new_version: str  # type: ignore[no-untyped-def]
) -> None:
    versions = {v.name: v for v in corpus_model[0].versions}
    comparison = diff_versions(versions[old_version], versions[new_version])
    old, new = facts[old_version].fields, facts[new_version].fields
    added, removed, retyped = [], [], []
    for type_name in old.keys() & new.keys():
        before, after = dict(old[type_name]), dict(new[type_name])
        added += [f"{type_name}.{f}" for f in after if f not in before]
        removed += [f"{type_name}.{f}" for f in before if f not in after]
        retyped += [f"{type_name}.{f}" for f in after if f in before and before[f] != after[f]]
    assert of_kind(comparison, "field-added-optional", "field-added-required") == sorted(added)
    assert of_kind(comparison, "field-removed") == sorted(removed)
    assert of_kind(comparison, "field-type-changed") == sorted(retyped)
    breaking = {c.subject for c in comparison.changes if c.breaking}
    assert set(retyped) | set(removed) <= breaking


def test_services86_to_87_marks_the_retyped_and_reordered_fields_breaking(corpus_model) -> None:  # type: ignore[no-untyped-def]
    versions = {v.name: v for v in corpus_model[0].versions}
    comparison = diff_versions(versions["Services86"], versions["Services87"])
    breaking = {(c.kind, c.subject, c.old, c.new) for c in comparison.changes if c.breaking}
    assert ("field-type-changed", "UserGroup.Deleted", "xs:short", "xs:boolean") in breaking
    assert any(
        kind == "fields-reordered" and subject == "ProjectMember"
        for kind, subject, _, _ in breaking
    )


# -- the reports --------------------------------------------------------------------------------


def test_json_holds_the_same_counts(
    services87_to_88: Comparison, facts: dict[str, WsdlFacts]
) -> None:
    document = json.loads(to_json(DiffReport("docs", "docs", (services87_to_88,))))
    assert document["schema_version"] == 1
    old, new = facts["Services87"], facts["Services88"]
    common = old.operations.keys() & new.operations.keys()
    kinds = document["summary"]["kinds"]
    assert kinds["operation-added"] == sum(
        len(new.operations[s] - old.operations[s]) for s in common
    )
    assert kinds["type-added"] == len(new.types - old.types)
    assert kinds["enum-member-added"] == sum(
        len(set(new.enums[e]) - set(old.enums[e])) for e in old.enums.keys() & new.enums.keys()
    )
    (comparison,) = document["comparisons"]
    assert (comparison["old_version"], comparison["new_version"]) == ("Services87", "Services88")
    assert (
        len(comparison["changes"])
        == document["summary"]["changes"]
        == len(services87_to_88.changes)
    )
    assert document["summary"]["breaking"] == sum(
        1 for c in comparison["changes"] if c["severity"] == "breaking"
    )
    assert set(comparison["changes"][0]) == {
        "kind",
        "severity",
        "area",
        "section",
        "subject",
        "message",
        "old",
        "new",
    }


def test_markdown_has_a_summary_counts_and_sections_breaking_first() -> None:
    old = world(87, extra_operations=["Ping"])
    new = world(88, status=["Open", "Closed", "Void"], extra_types=[SPECIAL_DRAFT])
    text = to_markdown(DiffReport("old", "new", (diff_versions(old, new),)))
    lines = text.splitlines()
    assert lines[0] == "## API diff: Services87 → Services88"
    assert (
        lines[2] == "3 changes (**1 breaking**, 2 compatible): old → new (Services87 → Services88)."
    )
    assert "| operation removed | 1 | 0 |" in lines
    assert "| **total** | **1** | **2** |" in lines
    assert (
        lines.index("### Services")
        < lines.index("#### ⚠️ Sale (1 breaking)")
        < lines.index("### Types")
    )
    assert "- **BREAKING** `Sale.Ping`: operation removed" in lines
    assert "<summary>1 type added</summary>" in lines
    assert "- `SpecialDraft`: complex type added" in lines
    assert "<summary>1 compatible change in 1 type</summary>" in lines
    assert "#### Status (1 compatible)" in lines


def test_markdown_says_when_nothing_changed() -> None:
    text = to_markdown(DiffReport("docs", "docs", (diff_versions(world(87), world(88)),)))
    assert "No API changes: Services87 → Services88 in docs." in text.splitlines()


def test_html_is_standalone_and_escapes_names() -> None:
    report = DiffReport(
        "<old>", "new & improved", (diff_versions(world(87), world(88, mode=["<b>"])),)
    )
    page = to_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert "&lt;old&gt;" in page and "new &amp; improved" in page and "<b>" not in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)  # no external asset
    assert "<details" in page


def find_chromium() -> str:
    for command in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(command)
        if found:
            return found
    pytest.skip(
        "no chromium binary on PATH (apt-get install chromium): the HTML page is not rendered"
    )


def screenshot(html: str, folder: Path) -> Path:
    chromium = find_chromium()
    page, picture = folder / "diff.html", folder / "diff.png"
    page.write_text(html, encoding="utf-8")
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={folder / 'profile'}", f"--screenshot={picture}", "--window-size=1200,900",
        page.as_uri(),
    ]  # fmt: skip
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL
    )
    assert picture.exists(), f"chromium wrote no screenshot: {result.stderr[-2000:]}"
    return picture


def test_the_html_page_renders_in_chromium(services87_to_88: Comparison, tmp_path: Path) -> None:
    image = read_png(screenshot(to_html(DiffReport("docs", "docs", (services87_to_88,))), tmp_path))
    assert (image.width, image.height) == (1200, 900)
    pixels = {image.rgb(x, y) for y in range(0, image.height, 3) for x in range(0, image.width, 3)}
    assert len(pixels) > 20, "the screenshot is (nearly) a single colour"
    content = [image.rgb(x, y) for y in range(20, 400, 2) for x in range(20, 800, 2)]
    dark = sum(1 for r, g, b in content if r + g + b < 300)
    assert dark > 500, "no text in the content area"


def test_breaking_sections_show_in_red_in_chromium(tmp_path: Path) -> None:
    report = DiffReport(
        "old", "new", (diff_versions(world(87, extra_services=["Audit"]), world(88)),)
    )
    image = read_png(screenshot(to_html(report), tmp_path))
    reds = sum(
        1
        for y in range(0, 600, 2)
        for x in range(0, 1200, 2)
        for r, g, b in [image.rgb(x, y)]
        if r > 150 and g < 80 and b < 80
    )
    assert reds > 100, "the breaking change is not marked in red"


# -- codegen diff --------------------------------------------------------------------------------


@pytest.fixture
def erp_sync_docs(corpus: Path, tmp_path: Path) -> Path:
    """A small docs folder: the ErpSync WSDL pages of Services87 and Services88."""
    root = tmp_path / "docs"
    for version in ("Services87", "Services88"):
        target = root / "soap" / version
        target.mkdir(parents=True)
        shutil.copy(corpus / "soap" / version / f"{version}-ErpSync.md", target)
    return root


def codegen(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_diffs_two_versions_of_one_folder(
    erp_sync_docs: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = codegen(
        capsys,
        "--docs",
        str(erp_sync_docs),
        "--from",
        "Services87",
        "--to",
        "Services88",
        "--format",
        "json",
    )
    assert code == 0, err
    document = json.loads(out)
    old, new = (
        wsdl_facts(erp_sync_docs, v).operations["ErpSync"] for v in ("Services87", "Services88")
    )
    assert document["summary"]["kinds"].get("operation-added", 0) == len(new - old)
    assert document["summary"]["kinds"].get("operation-removed", 0) == len(old - new)


def test_cli_a_folder_against_itself_is_empty(
    erp_sync_docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = codegen(capsys, str(erp_sync_docs), str(erp_sync_docs), "--fail-on", "any")
    assert code == 0, err
    assert "No API changes: Services87, Services88 in " in out


def edited_copy(docs: Path, folder: Path, edit: Callable[[str], str]) -> Path:
    shutil.copytree(docs, folder)
    page = folder / "soap" / "Services88" / "Services88-ErpSync.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(edit(text), encoding="utf-8")
    assert page.read_text(encoding="utf-8") != text
    return folder


def test_cli_fails_on_breaking_changes_between_two_folders(
    erp_sync_docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QuoteStatus loses its member "Ok": a breaking change in Services88 only
    new = edited_copy(
        erp_sync_docs, tmp_path / "new", lambda t: t.replace('<xs:enumeration value="Ok" />', "", 1)
    )
    output = tmp_path / "diff.json"
    code, out, err = codegen(
        capsys,
        str(erp_sync_docs),
        str(new),
        "--format",
        "json",
        "--fail-on",
        "breaking",
        "-o",
        str(output),
    )
    assert (code, out) == (1, ""), err
    document = json.loads(output.read_text(encoding="utf-8"))
    assert [c["old_version"] for c in document["comparisons"]] == ["Services87", "Services88"]
    (change,) = [c for comparison in document["comparisons"] for c in comparison["changes"]]
    assert (change["kind"], change["severity"], change["old"]) == (
        "enum-member-removed",
        "breaking",
        "Ok",
    )
    code, _, _ = codegen(capsys, str(erp_sync_docs), str(new), "--fail-on", "never")
    assert code == 0


def test_cli_fail_on_any_counts_compatible_changes(
    erp_sync_docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = edited_copy(
        erp_sync_docs,
        tmp_path / "new",
        lambda t: t.replace(
            '<xs:enumeration value="Ok" />',
            '<xs:enumeration value="Ok" /><xs:enumeration value="Later" />',
            1,
        ),
    )
    assert codegen(capsys, str(erp_sync_docs), str(new), "--fail-on", "breaking")[0] == 0
    code, out, _ = codegen(
        capsys, str(erp_sync_docs), str(new), "--fail-on", "any", "--from", "Services88"
    )
    assert code == 1
    assert "`QuoteStatus.Later`: member added" in out


def test_cli_writes_a_standalone_html_file(
    erp_sync_docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "diff.html"
    code, out, err = codegen(
        capsys,
        "--docs",
        str(erp_sync_docs),
        "--from",
        "Services87",
        "--to",
        "Services88",
        "--format",
        "html",
        "--output",
        str(output),
    )
    assert (code, out) == (0, ""), err
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["one-folder"], "give two docs folders (OLD NEW), or none and --from/--to; got 1"),
        (["--from", "Services87"], "needs both --from and --to"),
        (["{docs}", "{docs}", "--docs", "{docs}"], "--docs names the one folder of a version diff"),
        (["{docs}", "{missing}"], "docs folder not found: {missing}"),
        (
            ["--docs", "{docs}", "--from", "Services87", "--to", "Services99"],
            "no pages of Services99 in {docs} (it has Services87, Services88)",
        ),
        (
            [
                "--docs",
                "{docs}",
                "--from",
                "Services87",
                "--to",
                "Services88",
                "-o",
                "{missing}/x.md",
            ],
            "cannot write {missing}/x.md",
        ),
        (["--format", "pdf"], "invalid choice: 'pdf'"),
    ],
)
def test_cli_exit_2_on_bad_usage_with_a_clear_message(
    erp_sync_docs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    names = {"docs": str(erp_sync_docs), "missing": str(tmp_path / "missing")}
    code, out, err = codegen(capsys, *(a.format(**names) for a in arguments))
    assert code == 2
    assert message.format(**names) in err
    assert "Traceback" not in err
