"""What the client sends, validated against the XML Schema its service's WSDL page embeds.

The WSDL is read here with plain lxml, independently of codegen: its ``xs:schema`` elements
(several per WSDL, importing each other by namespace only) are written to a folder with a
``schemaLocation`` added to each import, and one XMLSchema is built over all of them. Header
blocks and the body wrapper are global elements of that schema, so each is validated as a
document of its own; the SOAP 1.1 envelope around them is checked here by hand, and the
SOAPAction HTTP header against the binding's ``soap:operation soapAction``.

The values sent are the documented example values (read by ``read_request``), for every
operation of every version, plus hand-made values for what the examples cannot show:
subtypes through xsi:type, flags with several members, dictionaries with entries (anyType
values too), arrays of arrays, the Cryptography namespace, None, and values no schema can carry.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import soap_cases
from conftest import ALL_VERSIONS, PACKAGE, Generated
from soap_cases import SOAP11, Case, Sent, body_child, example_bytes, standalone, values_without_a_place
from xmlcompare import declared_type

XS = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
SOAP_BINDING = "http://schemas.xmlsoap.org/wsdl/soap/"
CRYPTOGRAPHY = "http://schemas.datacontract.org/2004/07/System.Security.Cryptography"
SHOWN = 40


# -- the WSDL, read with plain lxml ----------------------------------------------------------------


@dataclass(frozen=True)
class WsdlOperation:
    action: str  # the binding's soap:operation soapAction
    element: str  # the input message's wrapper element, as a Clark name
    headers: tuple[str, ...]  # the binding's input soap:header elements, as Clark names, in order


@dataclass(frozen=True, repr=False)
class ServiceSchema:
    schema: etree.XMLSchema
    operations: dict[str, WsdlOperation]

    def problems(self, element: etree._Element) -> list[str]:
        """Why ``element``, as a document of its own, is not valid (empty: it is)."""
        if self.schema.validate(standalone(element)):
            return []
        return [f"{etree.QName(element).localname}: {error.message}" for error in list(self.schema.error_log)[:3]]


def _qname(node: etree._Element, value: str) -> str:
    prefix, _, local = value.rpartition(":")
    return f"{{{node.nsmap.get(prefix or None, '')}}}{local}"


def read_wsdl(text: str, folder: Path) -> ServiceSchema:
    root = etree.fromstring(text.encode("utf-8"))
    schemas = list(root.iter(f"{{{XS}}}schema"))
    files = {schema.get("targetNamespace", ""): f"schema{index}.xsd" for index, schema in enumerate(schemas)}
    assert len(files) == len(schemas), "two xs:schema elements for one namespace"
    folder.mkdir(parents=True)
    for schema in schemas:
        document = standalone(schema)  # keeps the WSDL's namespace declarations in scope
        for imported in document.iter(f"{{{XS}}}import"):
            imported.set("schemaLocation", files[imported.get("namespace", "")])
        (folder / files[schema.get("targetNamespace", "")]).write_bytes(etree.tostring(document))
    main = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS})
    for namespace, name in files.items():
        etree.SubElement(main, f"{{{XS}}}import", namespace=namespace, schemaLocation=name)
    (folder / "main.xsd").write_bytes(etree.tostring(main))
    schema = etree.XMLSchema(etree.parse(str(folder / "main.xsd")))

    messages = {
        message.get("name"): {part.get("name"): _qname(part, part.get("element", "")) for part in message.iter(f"{{{WSDL}}}part")}
        for message in root.iter(f"{{{WSDL}}}message")
    }
    port_inputs = {
        op.get("name"): op.find(f"{{{WSDL}}}input").get("message", "").rpartition(":")[2]  # type: ignore[union-attr]
        for op in root.iterfind(f"{{{WSDL}}}portType/{{{WSDL}}}operation")
    }
    operations = {}
    for bound in root.iterfind(f"{{{WSDL}}}binding/{{{WSDL}}}operation"):
        name = bound.get("name", "")
        action = bound.find(f"{{{SOAP_BINDING}}}operation").get("soapAction", "")  # type: ignore[union-attr]
        (element,) = messages[port_inputs[name]].values()
        headers = tuple(
            messages[header.get("message", "").rpartition(":")[2]][header.get("part")]
            for header in bound.iterfind(f"{{{WSDL}}}input/{{{SOAP_BINDING}}}header")
        )
        operations[name] = WsdlOperation(action, element, headers)
    return ServiceSchema(schema, operations)


@pytest.fixture(scope="module")
def wsdl_schemas(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, ServiceSchema]]:
    built: dict[str, dict[str, ServiceSchema]] = {}

    def of(version: str) -> dict[str, ServiceSchema]:
        if version not in built:
            folder = tmp_path_factory.mktemp(version)
            built[version] = {
                service: read_wsdl(page.wsdl.text, folder / service)  # type: ignore[union-attr]
                for service, page in soap_cases.wsdl_pages(corpus, version).items()
            }
        return built[version]

    return of


@pytest.fixture(scope="module")
def caller(generated: Generated) -> Iterator[soap_cases.Caller]:
    made = soap_cases.Caller()
    yield made
    made.close()


# -- the checks --------------------------------------------------------------------------------------


def envelope_problems(content: bytes) -> list[str]:
    """SOAP 1.1 structure: Envelope > Header? > Body > exactly one element; header blocks
    namespace-qualified; no text anywhere in between."""
    envelope = etree.fromstring(content)
    if envelope.tag != f"{{{SOAP11}}}Envelope":
        return [f"root element {envelope.tag}"]
    problems = []
    children = [child for child in envelope if isinstance(child.tag, str)]
    names = [etree.QName(child).localname if child.tag.startswith(f"{{{SOAP11}}}") else child.tag for child in children]
    if names not in (["Header", "Body"], ["Body"]):
        problems.append(f"the Envelope holds {names}, not Header? Body")
    for node in [envelope] + children[:-1]:
        if (node.text or "").strip() or any((child.tail or "").strip() for child in node):
            problems.append(f"text inside {etree.QName(node).localname}")
    body = children[-1] if children else None
    if body is not None:
        parts = [child for child in body if isinstance(child.tag, str)]
        if len(parts) != 1:
            problems.append(f"the Body holds {len(parts)} elements")
    if names and names[0] == "Header":
        problems += [f"unqualified header block {block.tag}" for block in children[0] if not etree.QName(block).namespace]
    return problems


def request_problems(sent: Sent, service: ServiceSchema, operation: str, *, all_headers: bool = True) -> list[str]:
    """The captured request against the WSDL: SOAPAction, envelope, header blocks and body."""
    wsdl = service.operations[operation]
    problems = []
    if sent.request.headers.get("soapaction") != f'"{wsdl.action}"':
        problems.append(f"SOAPAction {sent.request.headers.get('soapaction')}, the binding says {wsdl.action!r}")
    problems += envelope_problems(sent.content)
    envelope = etree.fromstring(sent.content)
    header = envelope.find(f"{{{SOAP11}}}Header")
    blocks = list(header) if header is not None else []
    if all_headers and tuple(block.tag for block in blocks) != wsdl.headers:
        problems.append(f"header blocks {[etree.QName(b).localname for b in blocks]}, the binding declares {list(wsdl.headers)}")
    for block in blocks:
        problems += service.problems(block)
    wrapper = body_child(envelope)
    if wrapper is None or wrapper.tag != wsdl.element:
        return problems + [f"body element {None if wrapper is None else wrapper.tag}, the WSDL says {wsdl.element}"]
    return problems + service.problems(wrapper)


def report(version: str, what: str, failures: list[str], checked: int, skipped: int) -> None:
    print(
        f"{version}: {checked} {what} validated, {checked - len(failures)} valid; {skipped} skipped: their documented"
        " values have no place in the schema (refused by the client: see test_examples_roundtrip)"
    )
    shown = "\n".join(failures[:SHOWN]) + (f"\n… and {len(failures) - SHOWN} more" if len(failures) > SHOWN else "")
    assert not failures, f"{version}: {len(failures)} of {checked} {what} are not valid:\n{shown}"


def lines(problems: list[str]) -> str:
    return "".join(f"\n      {p}" for p in problems)


# -- every documented request --------------------------------------------------------------------------


@pytest.mark.parametrize("version", ALL_VERSIONS)
def test_every_request_of_the_documented_examples_validates_against_its_wsdl(
    generated: Generated, corpus: Path, version: str, caller: soap_cases.Caller,
    wsdl_schemas: Callable[[str], dict[str, ServiceSchema]],
) -> None:
    schemas = wsdl_schemas(version)
    cases, failures = soap_cases.cases(corpus, version)
    skipped = 0
    for case in cases:
        assert case.page.request is not None and case.page.response is not None
        request = example_bytes(case.page.request.text)
        if values_without_a_place(body_child(etree.fromstring(request))):  # type: ignore[arg-type]
            skipped += 1  # test_examples_roundtrip checks that the client refuses them
            continue
        try:
            args = case.operation.read_request(request)
        except Exception as error:  # reported with the operation's name
            failures.append(f"{case.label}: read_request raised {error!r}")
            continue
        sent = caller.send(case, args, soap_cases.as_soap11(example_bytes(case.page.response.text)))
        if sent.request is None:
            failures.append(f"{case.label}: nothing sent: {sent.error!r}")
            continue
        problems = request_problems(sent, schemas[case.service], case.name)
        if problems:
            failures.append(f"{case.label}:{lines(problems)}")
    report(version, "requests", failures, len(cases) - skipped, skipped)


@pytest.mark.parametrize("version", ALL_VERSIONS)
def test_every_documented_reply_read_and_written_back_validates_against_its_wsdl(
    generated: Generated, corpus: Path, version: str, wsdl_schemas: Callable[[str], dict[str, ServiceSchema]]
) -> None:
    schemas = wsdl_schemas(version)
    cases, failures = soap_cases.cases(corpus, version)
    skipped = 0
    for case in cases:
        assert case.page.response is not None
        reply = example_bytes(case.page.response.text)
        if values_without_a_place(body_child(etree.fromstring(reply))):  # type: ignore[arg-type]
            skipped += 1
            continue
        operation = case.operation
        try:
            value = operation.read_reply(reply)
            wrapper = soap_cases.write_wrapper(operation, operation.response, soap_cases.result_parts(operation, value))
        except Exception as error:  # reported with the operation's name
            failures.append(f"{case.label}: {error!r}")
            continue
        problems = schemas[case.service].problems(wrapper)
        if problems:
            failures.append(f"{case.label}:{lines(problems)}")
    report(version, "replies", failures, len(cases) - skipped, skipped)


# -- hand-made values: what the examples cannot show ----------------------------------------------------

VERSION = "Services88"


def types() -> Any:
    return importlib.import_module(f"{PACKAGE}.services88")


def case_of(corpus: Path, service: str, operation: str) -> Case:
    cases, _ = soap_cases.cases(corpus, VERSION)
    return next(c for c in cases if c.service == service and c.name == operation)


def send(corpus: Path, caller: soap_cases.Caller, service: str, operation: str, args: list[Any]) -> tuple[Case, Sent]:
    case = case_of(corpus, service, operation)
    assert case.page.response is not None
    return case, caller.send(case, args, soap_cases.as_soap11(example_bytes(case.page.response.text)))


def sent_and_valid(
    corpus: Path, caller: soap_cases.Caller, schemas: dict[str, ServiceSchema], service: str, operation: str, args: list[Any]
) -> etree._Element:
    """Send through the agent, check the request against the WSDL and that it reads back into
    the same arguments; the body wrapper, for the scenario's own checks."""
    case, sent = send(corpus, caller, service, operation, args)
    assert sent.error is None, sent.error
    assert request_problems(sent, schemas[service], operation) == []
    assert case.operation.read_request(sent.content) == args
    wrapper = body_child(etree.fromstring(sent.content))
    assert wrapper is not None
    return wrapper


def child(node: etree._Element, *path: str) -> etree._Element:
    for name in path:
        found = next((c for c in node if isinstance(c.tag, str) and etree.QName(c).localname == name), None)
        assert found is not None, f"no <{name}> in <{etree.QName(node).localname}>"
        node = found
    return node


@pytest.fixture(scope="module")
def schemas88(wsdl_schemas: Callable[[str], dict[str, ServiceSchema]]) -> dict[str, ServiceSchema]:
    return wsdl_schemas(VERSION)


def test_a_flags_enum_with_several_members_travels_as_their_names(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema]
) -> None:
    t = types()
    action = t.ContactAction.CREATED | t.ContactAction.PERSON_ADDED | t.ContactAction.DOCUMENT_ADDED
    wrapper = sent_and_valid(
        corpus, caller, schemas88, "Contact", "GetMyActiveContacts", [datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc), [3, 5], action]
    )
    assert sorted(child(wrapper, "ActionType").text.split()) == ["Created", "DocumentAdded", "PersonAdded"]  # type: ignore[union-attr]


def test_flags_with_alias_members_travel_as_the_declared_names(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema]
) -> None:
    t = types()  # ETableRight declares R = Select (1) and F = Filtering (16)
    mask = t.ETableRight.R | t.ETableRight.DELETE | t.ETableRight.F
    connection = t.ErpConnection(table_right=t.TableRight(mask=mask, reason="because"), display_name="SAP")
    wrapper = sent_and_valid(corpus, caller, schemas88, "ErpSync", "SaveConnection", [connection])
    assert sorted(child(wrapper, "Connection", "TableRight", "Mask").text.split()) == ["Delete", "Filtering", "Select"]  # type: ignore[union-attr]


def test_a_dictionary_with_entries_travels_as_the_schemas_pair_elements(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema]
) -> None:
    t = types()
    fields = {"url": "https://erp.example/?a=1&b=<2>", "empty": "", "unset": None}
    wrapper = sent_and_valid(
        corpus, caller, schemas88, "ErpSync", "SaveConnection", [t.ErpConnection(config_fields=fields, user_group_access_ids=[1, 2])]
    )
    pairs = list(child(wrapper, "Connection", "ConfigFields"))
    assert [etree.QName(p).localname for p in pairs] == ["StringKeyValuePair"] * 3
    assert child(pairs[2], "Value").get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true"


def test_any_type_values_of_a_dictionary_say_their_type(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema]
) -> None:
    t = types()
    properties = {
        "count": 42, "name": "text", "when": datetime(2024, 1, 2, 3, 4, 5, 600000, tzinfo=timezone.utc), "yes": True,
        "ratio": 0.25, "id": UUID("12345678-1234-5678-1234-567812345678"), "blob": b"\x00\x01\xff",
        "span": timedelta(hours=1, minutes=2, seconds=3), "price": Decimal("12.50"), "nothing": None,
        "who": t.Associate(associate_id=5, name="ONE"),
    }
    wrapper = sent_and_valid(corpus, caller, schemas88, "Webhook", "SaveWebhook", [t.Webhook(name="hook", properties=properties)])
    values = [child(pair, "Value") for pair in child(wrapper, "Webhook", "Properties")]
    kinds = [declared_type(v)[1] if declared_type(v) else "nil" for v in values]  # type: ignore[index]
    assert kinds == ["long", "string", "dateTime", "boolean", "double", "guid", "base64Binary", "duration", "decimal", "nil", "Associate"]


def test_an_array_of_arrays_travels_as_nested_arrays_namespace_items(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema]
) -> None:
    rows = [["a", "b"], [], ["c", "<d & e>"]]
    wrapper = sent_and_valid(corpus, caller, schemas88, "DatabaseTable", "Insert", ["contact", ["name", "department"], rows])
    data = child(wrapper, "Data")
    assert [row.tag for row in data] == [f"{{{soap_cases.ARRAYS}}}ArrayOfstring"] * 3
    assert [[item.text or "" for item in row] for row in data] == rows


def test_dsa_parameters_travel_in_the_cryptography_namespace(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema]
) -> None:
    t = types()
    key = t.DSAParameters(counter=7, g=b"g", j=None, p=b"", q=b"q", seed=None, y=b"y")
    info = t.ExtendedLicenseInfo(new=t.LicenseInfo(public_key=t.SignedPublicKey(owner_name="SuperOffice", key=key)))
    wrapper = sent_and_valid(corpus, caller, schemas88, "License", "ActivateLicenseInfo", [info])
    sent_key = child(wrapper, "NewLicense", "New", "PublicKey", "Key")
    assert etree.QName(sent_key).namespace == "http://www.superoffice.net/ws/crm/NetServer/Services88"  # a field of SignedPublicKey
    assert [(etree.QName(c).namespace, etree.QName(c).localname) for c in sent_key] == [
        (CRYPTOGRAPHY, name) for name in ("Counter", "G", "J", "P", "Q", "Seed", "Y")
    ]
    assert child(sent_key, "J").get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true"


def test_none_for_a_nillable_optional_parameter_leaves_it_out(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema]
) -> None:
    wrapper = sent_and_valid(corpus, caller, schemas88, "ErpSync", "SaveConnection", [None])
    assert len(wrapper) == 0


def test_a_field_info_base_subtype_travels_with_xsi_type_and_reads_back_as_itself(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema]
) -> None:
    """FieldInfoBase is reachable only in replies: the reply is written with the runtime's
    writers, validated, and returned by the agent method through the mock server."""
    t = types()
    infos = [
        t.FieldInfoShortText(field_name="a", text_length=5, is_html=True),
        t.FieldInfoBase(field_name="b", field_type=t.CustomFieldType.INTEGER),
        t.FieldInfoDecimal(field_name="c", default_value=1.5, precision=2),
    ]
    case = case_of(corpus, "UserDefinedFieldInfo", "GetCustomFieldInfoList")
    wrapper = soap_cases.write_wrapper(case.operation, case.operation.response, [infos])
    assert schemas88["UserDefinedFieldInfo"].problems(wrapper) == []
    items = list(child(wrapper, "Response"))
    namespace = case.operation.schema.namespace
    assert [declared_type(item) for item in items] == [(namespace, "FieldInfoShortText"), None, (namespace, "FieldInfoDecimal")]
    # as text: moving the element into another tree would lose the prefix its xsi:type values use
    caller.server.reply = f'<s:Envelope xmlns:s="{SOAP11}"><s:Body>'.encode() + etree.tostring(wrapper) + b"</s:Body></s:Envelope>"
    returned = case.agent(caller.session).get_custom_field_info_list("udcontact", True)
    assert returned == infos and [type(i) for i in returned] == [type(i) for i in infos]


def test_values_no_schema_can_carry_are_refused_before_sending(
    generated: Generated, corpus: Path, caller: soap_cases.Caller
) -> None:
    t = types()
    error = importlib.import_module(f"{PACKAGE}._runtime.errors").SerializationError
    refused = {  # what -> (service, operation, arguments, what the error names)
        "a lone surrogate": ("ErpSync", "SaveConnection", [t.ErpConnection(display_name="a\ud800b")], "character"),
        "a dictionary key without value": ("Chat", "SaveChatTopicEntity", [t.ChatTopicEntity(
            opening_hours=t.ChatOpeningHours(tz_location=t.TimeZoneData(time_zone_std_rules={None: t.TimeZoneRule()})))], "Key"),
        "None in a list of ints": ("ErpSync", "SaveConnection", [t.ErpConnection(user_group_access_ids=[1, None])], "int"),
        "a decimal that is not a number": ("Webhook", "SaveWebhook", [t.Webhook(properties={"x": Decimal("NaN")})], "NaN"),
        "a duration beyond .NET's TimeSpan": (
            "Webhook", "SaveWebhook", [t.Webhook(properties={"x": timedelta(days=10675200)})], "TimeSpan"),
    }
    for what, (service, operation, args, named) in refused.items():
        _, sent = send(corpus, caller, service, operation, args)
        assert isinstance(sent.error, error) and sent.request is None, what
        assert named in str(sent.error), (what, sent.error)


# -- a property: whatever a dictionary of anyType values holds ------------------------------------------

ANY_VALUES = st.one_of(
    st.text(), st.integers(-(2**63), 2**63 - 1), st.floats(), st.booleans(), st.binary(), st.uuids(), st.timedeltas(),
    st.decimals(), st.none(),
    st.datetimes(timezones=st.none() | st.just(timezone.utc) | st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(name=st.text(), properties=st.dictionaries(st.text(), ANY_VALUES, max_size=4))
def test_any_text_and_any_type_value_is_sent_valid_and_reads_back_or_is_refused(
    generated: Generated, corpus: Path, caller: soap_cases.Caller, schemas88: dict[str, ServiceSchema],
    name: str, properties: dict[str, object],
) -> None:
    t = types()
    error = importlib.import_module(f"{PACKAGE}._runtime.errors").SerializationError
    case, sent = send(corpus, caller, "Webhook", "SaveWebhook", [t.Webhook(name=name, properties=properties)])
    if isinstance(sent.error, error):
        return  # text XML cannot carry, a decimal that is not a number, a duration beyond TimeSpan
    assert sent.error is None, sent.error
    assert request_problems(sent, schemas88["Webhook"], "SaveWebhook") == []
    back = case.operation.read_request(sent.content)[0]
    assert back.name == name
    for key, value in properties.items():
        got = back.properties[key]
        if isinstance(value, float) and math.isnan(value):
            assert isinstance(got, float) and math.isnan(got)
        else:
            assert got == value and type(got) is type(value), (key, value, got)
