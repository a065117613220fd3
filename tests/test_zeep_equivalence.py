"""Our requests equal zeep's: the same call made with the generated client and with zeep, the
two envelopes compared after canonicalisation.

For every operation of every service of the five versions (about 7,500), the call is made

* with the generated agent method, on a ``SoapSession`` whose httpx ``MockTransport`` records
  the request (URL, headers, body) instead of sending it;
* with ``zeep.Client`` built from the WSDL that the service's docs page embeds, whose
  ``Transport.post_xml`` records the request instead of sending it (the envelope is zeep's
  ``create_message``; the headers are what zeep's SOAP 1.1 binding adds to it).

Both envelopes go through C14N 2.0 with ``rewrite_prefixes`` and ``xsi:type`` read as a QName,
so prefixes, namespace declarations and the XML declaration do not count; everything else does
(element names and namespaces, order, text, ``xsi:type``, ``xsi:nil``, headers). zeep adds
WS-Addressing headers (Action, MessageID, To) that this binding does not ask for: they are
removed from zeep's envelope, and ours must not have any. The URL, the SOAPAction and the
Content-Type are compared with zeep's too.

Values: the docs' example request of each operation, read with the operation's
``read_request``; and hand-made values for what the examples leave out (flags, dictionaries,
anyType values, arrays of arrays, the Cryptography namespace, nil, dates, durations, bytes,
Decimal and UUID inside anyType: the corpus has no decimal, guid or char field). Our typed
values become zeep's input in one place, ``ZeepInput``, driven by the generated wire specs (XML
names come from the specs, never from the naming rules). A few examples leave a required
element without a value (an empty int in an ArrayOfint, an empty dateTime as a dictionary key):
there both clients must refuse to send, naming the element.

The corpus declares no base type with subtypes in any request (FieldInfoBase and Carrier's
subtypes travel only in replies), so xsi:type for a subtype where the base is declared is checked
on GetCustomFieldInfoList's reply: our writer against zeep's, and our reader on zeep's. The reply
direction is also checked for every operation with a reply: every field of every part set, zeep
writes the reply, the generated ``read_reply`` gives the same values back.
"""

from __future__ import annotations

import collections
import difflib
import enum
import importlib
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
from lxml import etree

from conftest import ALL_VERSIONS, CORPUS, PACKAGE, Generated

zeep = pytest.importorskip("zeep")
from zeep.xsd import AnyObject, Nil  # noqa: E402  (after the importorskip)
from zeep.xsd.valueobjects import CompoundValue  # noqa: E402

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
XSD = "http://www.w3.org/2001/XMLSchema"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"
ADDRESSING = ("http://www.w3.org/2005/08/addressing", "http://schemas.xmlsoap.org/ws/2004/08/addressing")

# The tenant of the WSDLs' soap:address, so that the two URLs can be compared as they are.
BASE_URL = "https://sod.superoffice.com/Cust12345"
TICKET = "7T:ticket<&>example=="
APPLICATION_TOKEN = "app-token-1234"
TIME_ZONE_ID = 9
TIME_ZONE_CODE = "Europe/Oslo"

# (version, service) of every WSDL page of the corpus: the docs' example request of every
# operation is sent both ways. zeep parses all 275 WSDLs in about 15 seconds (one client per
# WSDL, kept for the module), so nothing needs to be left out.


def wsdl_services(corpus: Path = CORPUS) -> list[tuple[str, str]]:
    return [
        (version, page.stem.split("-", 1)[1])
        for version in ALL_VERSIONS
        for page in sorted((corpus / "soap" / version).glob(f"{version}-*.md"))
    ]


MINIMUM_OPERATIONS = 200

# The unusual cases the whole module must have sent (the features ZeepInput saw on the way).
REQUIRED_FEATURES = {
    "flags ETableRight", "flags EFieldRight", "dict StringKeyValuePair", "dict FieldPropertyDictionaryKeyValuePair",
    "dict StringObjectKeyValuePair", "anyType", "anyType complex", "Arrays item", "array of arrays",
    "Cryptography namespace", "nil", "None omitted", "dateTime", "double", "decimal", "base64Binary", "guid",
    "duration", "enum", "void operation", "several output parts", "header ApplicationToken only",
}


# -- the corpus: WSDLs and example requests, read straight from the markdown -----------------------

_FENCE = re.compile(r"```xml[^\n]*\n(.*?)```", re.S)


def wsdl_text(corpus: Path, version: str, service: str) -> str:
    page = corpus / "soap" / version / f"{version}-{service}.md"
    match = _FENCE.search(page.read_text(encoding="utf-8"))
    assert match is not None, f"{page} has no xml fence"
    return match.group(1)


def example_requests(corpus: Path, version: str, service: str) -> dict[str, bytes]:
    """Operation name -> the xml fence under the page's "## <Operation> Request" heading."""
    found: dict[str, bytes] = {}
    for page in sorted((corpus / "soap" / version / service).glob("*.md")):
        text = page.read_text(encoding="utf-8")
        title = re.search(rf"^# {version} {service} (\w+)\s*$", text, re.M)
        if title is None:
            continue  # the service's index page
        name = title.group(1)
        section = re.search(rf"^## {name} Request\s*$(.*?)(?=^## )", text, re.M | re.S)
        fence = _FENCE.search(section.group(1)) if section else None
        if fence is not None:
            found.setdefault(name, fence.group(1).strip().encode("utf-8"))
    return found


# -- the generated side ----------------------------------------------------------------------------


@dataclass
class GeneratedService:
    agent: type
    operations: dict[str, Any]  # XML name -> Operation
    methods: dict[str, str]  # XML name -> agent method name


def runtime(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}._runtime.{name}")


_services: dict[tuple[str, str], GeneratedService] = {}


def generated_service(version: str, service: str) -> GeneratedService:
    """The agents and Operation objects of a service, found by the agents' endpoint (no naming
    rule is assumed); each operation's method is the agent method whose code names it."""
    key = (version, service)
    if key in _services:
        return _services[key]
    session = runtime("session")
    soap = runtime("soap")
    package = importlib.import_module(f"{PACKAGE}.{version.lower()}")
    endpoint = f"Remote/{version}/{service}.svc"
    for name in package.__all__:
        value = getattr(package, name)
        if isinstance(value, type) and issubclass(value, session.Agent) and value.endpoint == endpoint:
            module = sys.modules[value.__module__]
            break
    else:
        raise LookupError(f"no generated agent has the endpoint {endpoint}")
    agent = value
    operations = {v.name: v for v in vars(module).values() if isinstance(v, soap.Operation)}
    by_global = {const: v.name for const, v in vars(module).items() if isinstance(v, soap.Operation)}
    methods: dict[str, str] = {}
    for attr, function in vars(agent).items():
        if callable(function) and not attr.startswith("_"):
            for const in function.__code__.co_names:
                if const in by_global:
                    methods[by_global[const]] = attr
    assert set(methods) == set(operations), f"{service}: operations without a method"
    _services[key] = found = GeneratedService(agent, operations, methods)
    return found


@dataclass
class Captured:
    url: str
    soap_action: str
    content_type: str
    body: bytes


class _Sent(Exception):
    def __init__(self, captured: Captured) -> None:
        self.captured = captured


def _record(request: httpx.Request) -> httpx.Response:
    raise _Sent(
        Captured(
            str(request.url), request.headers.get("SOAPAction", ""), request.headers.get("Content-Type", ""),
            request.read(),
        )
    )


def send_ours(version: str, service: str, operation: str, args: list[Any], *, ticket: str | None = TICKET) -> Captured:
    """The request our agent method sends for this call (through httpx, to a recording transport)."""
    generated = generated_service(version, service)
    with httpx.Client(transport=httpx.MockTransport(_record)) as client:
        session = runtime("session").SoapSession(
            BASE_URL, ticket=ticket, application_token=APPLICATION_TOKEN, time_zone_id=TIME_ZONE_ID,
            time_zone_code=TIME_ZONE_CODE, client=client,
        )
        method = getattr(generated.agent(session), generated.methods[operation])
        with pytest.raises(_Sent) as sent:
            method(*args)
    return sent.value.captured


# -- the zeep side ---------------------------------------------------------------------------------


class _CapturingTransport(zeep.Transport):  # type: ignore[misc]
    """zeep's transport, but post_xml records what zeep would send."""

    def post_xml(self, address: str, envelope: etree._Element, headers: dict[str, str]) -> Any:
        raise _Sent(
            Captured(address, headers.get("SOAPAction", ""), headers.get("Content-Type", ""), etree.tostring(envelope))
        )


class ZeepClients:
    """One zeep.Client per WSDL page (written to a file), built on first use."""

    def __init__(self, corpus: Path, folder: Path) -> None:
        self.corpus = corpus
        self.folder = folder
        self.clients: dict[tuple[str, str], Any] = {}

    def get(self, version: str, service: str) -> Any:
        key = (version, service)
        if key not in self.clients:
            path = self.folder / f"{version}-{service}.wsdl"
            path.write_text(wsdl_text(self.corpus, version, service), encoding="utf-8")
            self.clients[key] = zeep.Client(str(path), transport=_CapturingTransport())
        return self.clients[key]


def zeep_operation(client: Any, name: str) -> Any:
    binding = client.service._binding
    return binding.get(name)


def header_names(client: Any, operation: str) -> list[str]:
    """The header blocks zeep's binding declares for the operation's input."""
    header = zeep_operation(client, operation).input.header
    return [name for name, _ in header.type.elements] if header is not None else []


def send_zeep(client: Any, operation: str, kwargs: dict[str, Any], *, ticket: str | None = TICKET) -> Captured:
    values = {
        "ApplicationToken": APPLICATION_TOKEN,
        "Credentials": {"Ticket": ticket} if ticket is not None else None,
        "TimeZone": {"SoTimeZoneId": TIME_ZONE_ID, "SoTimeZoneLocationCode": TIME_ZONE_CODE},
    }
    headers = {name: values[name] for name in header_names(client, operation) if values.get(name) is not None}
    with pytest.raises(_Sent) as sent:
        client.service[operation](**kwargs, _soapheaders=headers)
    return sent.value.captured


class _NilType:
    """Renders an element as xsi:nil (see _NilItem)."""

    def render(self, node: etree._Element, value: Any, xsd_type: Any = None, render_path: Any = None) -> None:
        node.set("{http://www.w3.org/2001/XMLSchema-instance}nil", "true")

    def validate(self, value: Any, required: bool = False) -> None:
        pass


class _NilItem(CompoundValue):  # type: ignore[misc]
    """A nil item of a list of complex values. zeep writes ``xsd.Nil`` as xsi:nil, but inside a
    list of complex values it first turns every item that is not a CompoundValue into one
    (``MDOListItem(Nil)``, Nil as the first field); a CompoundValue it keeps, and renders with
    its own ``_xsd_type``."""

    _xsd_type = _NilType()

    def __init__(self) -> None:
        self.__dict__["__values__"] = {}


class ZeepInput:
    """Our typed values as zeep's input, walking the generated wire specs: a dataclass becomes
    the dict of its fields' XML names (the zeep object of its XML type where a subtype travels,
    so that zeep writes xsi:type), a list the dict of its item elements, a dict the list of its
    pair elements, an enum its value, a flags enum the list of its XML names, an anyType value an
    AnyObject of the XML type that says what it is.

    Dicts rather than zeep objects: zeep's type for a type nested in itself (MDOListItem's
    ChildItems) lacks the inherited Carrier fields, and an object of the complete type would
    make zeep write an xsi:type that is the declared type. Fields that are None are left out:
    zeep treats an absent field as None, and its nested type has no TableRight to set to None."""

    # the XML Schema type zeep is told to write for a Python value inside xs:anyType
    ANY_TYPES: tuple[tuple[type, str], ...] = (
        (bool, f"{{{XSD}}}boolean"),
        (int, f"{{{XSD}}}long"),
        (float, f"{{{XSD}}}double"),
        (Decimal, f"{{{XSD}}}decimal"),
        (str, f"{{{XSD}}}string"),
        (datetime, f"{{{XSD}}}dateTime"),
        (bytes, f"{{{XSD}}}base64Binary"),
        (UUID, f"{{{SERIALIZATION}}}guid"),
        (timedelta, f"{{{SERIALIZATION}}}duration"),
    )

    def __init__(self, client: Any, schema: Any, features: set[str]) -> None:
        self.client = client
        self.schema = schema
        self.features = features
        self.wire = runtime("wire")

    def arguments(self, operation: Any, args: list[Any]) -> dict[str, Any]:
        operation.prepare()
        return {part.name: self.element(part, value) for part, value in zip(operation.request.parts, args)}

    def element(self, element: Any, value: Any) -> Any:
        if value is None:
            self.features.add("nil" if element.required and element.nillable else "None omitted")
            return None
        if element.namespace == self.wire.ARRAYS:
            self.features.add("Arrays item")
        if element.namespace == self.wire.CRYPTOGRAPHY:
            self.features.add("Cryptography namespace")
        return self.value(element.codec, value)

    def item(self, element: Any, value: Any) -> Any:
        """An array item: None is a nil item (zeep would leave a None out of the list)."""
        if value is None and element.nillable:
            self.features.add("nil")
            complex_type = (self.wire.ComplexCodec, self.wire.ArrayOf, self.wire.DictOf)
            return _NilItem() if isinstance(element.codec, complex_type) else Nil
        return self.element(element, value)

    def value(self, codec: Any, value: Any) -> Any:
        wire = self.wire
        if isinstance(codec, wire.ComplexCodec):
            return self.complex(codec, value)
        if isinstance(codec, wire.ArrayOf):
            if isinstance(codec.item.codec, wire.ArrayOf):
                self.features.add("array of arrays")
            return {codec.item.name: [self.item(codec.item, item) for item in value]}
        if isinstance(codec, wire.DictOf):
            self.features.add(f"dict {codec.pair.name}")
            return {
                codec.pair.name: [
                    {codec.key.name: self.element(codec.key, k), codec.value.name: self.element(codec.value, v)}
                    for k, v in value.items()
                ]
            }
        if isinstance(codec, wire.FlagsCodec):
            self.features.add(f"flags {codec.cls.__name__}")
            return self.flag_names(codec, value)
        if isinstance(codec, wire.EnumCodec):
            self.features.add("enum")
            return value.value
        if isinstance(codec, wire.Primitive):
            self.features.add(codec.xsd_name)
            if codec.xsd_name == "guid":
                return str(value)
            if codec.xsd_name == "char":
                return ord(value)
            return value
        if codec is wire.ANY or type(codec) is type(wire.ANY):
            return self.any(value)
        raise AssertionError(f"no zeep form for {codec!r}")

    def complex(self, codec: Any, value: Any, *, typed: bool = False) -> Any:
        """A dict of the XML names of the fields; the zeep object of the value's own XML type
        where that is not the declared type (a subtype, or inside xs:anyType)."""
        actual = self.schema.codec_of(type(value))
        assert actual is not None and isinstance(value, codec.cls), f"{type(value).__name__} is not a {codec.cls.__name__}"
        actual.prepare()
        if actual.namespace == self.wire.CRYPTOGRAPHY:
            self.features.add("Cryptography namespace")
        fields = {}
        for element in actual.elements:
            converted = self.element(element, getattr(value, element.attr))
            if converted is not None:  # see the class docstring
                fields[element.name] = converted
        if actual is codec and not typed:
            return fields
        if actual is not codec:
            self.features.add("subtype")
        return self.client.get_type(f"{{{actual.namespace}}}{actual.name}")(**fields)

    def flag_names(self, codec: Any, value: enum.Flag) -> list[str]:
        """The XML names of the set flags: for each flag of the enum (definition order), the
        first XML name the generated spec gives it; the zero member's name when none is set."""
        names: list[str] = []
        for member in type(value):
            if member in value and int(member.value):
                names.append(next(n for n, m in codec.by_name.items() if m is member))
        if not names:
            names = [n for n, m in codec.by_name.items() if int(m.value) == 0][:1]
        return names

    def any(self, value: Any) -> Any:
        self.features.add("anyType")
        for python_type, xsd_type in self.ANY_TYPES:
            if isinstance(value, python_type):
                self.features.add(xsd_type.rpartition("}")[2])
                shown = str(value) if isinstance(value, UUID) else value
                return AnyObject(self.client.get_type(xsd_type), shown)
        codec = self.schema.codec_of(type(value))
        assert codec is not None, f"no anyType form for {type(value).__name__}"
        self.features.add("anyType complex")
        codec.prepare()
        return AnyObject(self.client.get_type(f"{{{codec.namespace}}}{codec.name}"), self.complex(codec, value, typed=True))


# -- canonical envelopes ---------------------------------------------------------------------------


def canonical(envelope: bytes, *, drop_addressing: bool = False) -> str:
    """C14N 2.0 of the envelope: prefixes rewritten (n0, n1, … in order of use), xsi:type values
    resolved as QNames; one element per line, for readable differences."""
    root = etree.fromstring(envelope)
    header = root.find(f"{{{SOAP11}}}Header")
    if drop_addressing and header is not None:
        for child in list(header):
            if etree.QName(child).namespace in ADDRESSING:
                header.remove(child)
        if len(header) == 0:
            root.remove(header)
    text = etree.canonicalize(root, rewrite_prefixes=True, qname_aware_attrs=[XSI_TYPE])
    return text.replace("><", ">\n<")


def addressing_headers(envelope: bytes) -> list[str]:
    return [
        etree.QName(node).localname
        for node in etree.fromstring(envelope).iter()
        if isinstance(node.tag, str) and etree.QName(node).namespace in ADDRESSING
    ]


# -- one comparison ----------------------------------------------------------------------------------


@dataclass
class Outcome:
    label: str
    ours: Captured | None  # None: the value cannot be sent (ours_refused says why)
    theirs: Captured | None  # None: zeep refused to send it (theirs_refused says why)
    features: set[str] = field(default_factory=set)
    ours_refused: str = ""
    theirs_refused: str = ""

    @property
    def both_refused(self) -> bool:
        return self.ours is None and self.theirs is None

    @cached_property
    def ours_canonical(self) -> str:
        assert self.ours is not None
        return canonical(self.ours.body)

    @cached_property
    def theirs_canonical(self) -> str:
        assert self.theirs is not None
        return canonical(self.theirs.body, drop_addressing=True)

    def problems(self) -> list[str]:
        if self.both_refused:
            return []
        if self.ours is None:
            return [f"we refuse to send what zeep sends: {self.ours_refused}"]
        if self.theirs is None:
            return [f"zeep refuses to send what we send: {self.theirs_refused}"]
        found = []
        if self.ours.url != self.theirs.url:
            found.append(f"URL {self.ours.url} != zeep's {self.theirs.url}")
        if self.ours.soap_action != self.theirs.soap_action:
            found.append(f"SOAPAction {self.ours.soap_action} != zeep's {self.theirs.soap_action}")
        if self.ours.content_type != self.theirs.content_type:
            found.append(f"Content-Type {self.ours.content_type} != zeep's {self.theirs.content_type}")
        if addressing_headers(self.ours.body):
            found.append(f"we send WS-Addressing headers {addressing_headers(self.ours.body)}")
        if self.ours_canonical != self.theirs_canonical:
            diff = difflib.unified_diff(
                self.theirs_canonical.splitlines(), self.ours_canonical.splitlines(), "zeep", "ours", lineterm="", n=4
            )
            found.append("envelopes differ (canonical):\n" + "\n".join(diff))
        return found


class Comparer:
    def __init__(self, zeep_clients: ZeepClients) -> None:
        self.zeep_clients = zeep_clients

    def compare(
        self, version: str, service: str, operation: str, args: list[Any], *, ticket: str | None = TICKET
    ) -> Outcome:
        generated = generated_service(version, service)
        client = self.zeep_clients.get(version, service)
        features: set[str] = set()
        op = generated.operations[operation]
        kwargs = ZeepInput(client, op.schema, features).arguments(op, args)
        label = f"{version} {service}.{operation}"
        try:
            ours = send_ours(version, service, operation, args, ticket=ticket)
        except importlib.import_module(PACKAGE).SerializationError as error:
            ours, ours_refused = None, str(error)
        else:
            ours_refused = ""
        try:
            theirs = send_zeep(client, operation, kwargs, ticket=ticket)
        except zeep.exceptions.ValidationError as error:
            theirs, theirs_refused = None, str(error)
        else:
            theirs_refused = ""
        if not op.response.parts:
            features.add("void operation")
        if len(op.response.parts) > 1:
            features.add("several output parts")
        if header_names(client, operation) == ["ApplicationToken"]:
            features.add("header ApplicationToken only")
        return Outcome(label, ours, theirs, features, ours_refused, theirs_refused)


@dataclass
class ServiceReport:
    compared: list[Outcome] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # examples read_request could not read
    refused: list[Outcome] = field(default_factory=list)  # example values neither side will send
    without_example: list[str] = field(default_factory=list)


# Shared by the tests of the module (each service is compared once, whichever test asks first),
# so that the summary sees every comparison even when run alone or in another order.
_reports: dict[tuple[str, str], ServiceReport] = {}
_hand_made: dict[str, list[Outcome]] = collections.defaultdict(list)  # test function -> its calls


def keep(outcome: Outcome) -> None:
    """Remember a hand-made call for the summary, under the test function that made it."""
    current = os.environ.get("PYTEST_CURRENT_TEST", "")
    _hand_made[current.partition("::")[2].partition("[")[0].partition(" ")[0]].append(outcome)


def compare_service(comparer: Comparer, corpus: Path, version: str, service: str) -> ServiceReport:
    key = (version, service)
    if key in _reports:
        return _reports[key]
    generated = generated_service(version, service)
    examples = example_requests(corpus, version, service)
    report = ServiceReport()
    protocol_error = importlib.import_module(PACKAGE).ProtocolError
    for name, operation in generated.operations.items():
        example = examples.get(name)
        if example is None:
            report.without_example.append(name)
            continue
        try:
            args = operation.read_request(example)
        except (protocol_error, TypeError) as error:
            report.unreadable.append(f"{name}: {error}")
            continue
        outcome = comparer.compare(version, service, name, args)
        (report.refused if outcome.both_refused else report.compared).append(outcome)
    _reports[key] = report
    return report


# -- fixtures ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def comparer(generated: Generated, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Comparer:
    return Comparer(ZeepClients(corpus, tmp_path_factory.mktemp("wsdl")))


def types_of(version: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.{version.lower()}")


def assert_same(outcome: Outcome) -> None:
    problems = outcome.problems()
    assert not problems, f"{outcome.label}:\n" + "\n".join(problems)


# -- the docs' example requests, service by service ---------------------------------------------------


@pytest.mark.parametrize(("version", "service"), wsdl_services())
def test_the_docs_example_requests_give_the_envelope_zeep_gives(
    comparer: Comparer, corpus: Path, version: str, service: str
) -> None:
    report = compare_service(comparer, corpus, version, service)
    assert report.compared, f"{version} {service}: nothing compared"
    failures = [f"{o.label}:\n" + "\n".join(o.problems()) for o in report.compared if o.problems()]
    assert not failures, f"{len(failures)} of {len(report.compared)} differ:\n\n" + "\n\n".join(failures[:3])
    assert not report.unreadable, f"examples the generated read_request could not read: {report.unreadable}"
    for outcome in report.refused:
        # The docs' example leaves a required element without a value (an empty dateTime as a
        # dictionary key, an empty int in an ArrayOfint): both clients refuse to send the
        # message, and both name the element.
        match = re.match(r"(?:Missing element |The element \{[^}]*\})(\w+)", outcome.theirs_refused)
        assert match is not None, f"{outcome.label}: zeep: {outcome.theirs_refused}"
        assert outcome.ours_refused.startswith(f"{match.group(1)}:"), f"{outcome.label}: {outcome.ours_refused}"


# -- hand-made values for what the examples leave out ----------------------------------------------------


UTC = timezone.utc


def test_flags_and_the_field_property_dictionary_are_written_as_zeep_writes_them(comparer: Comparer) -> None:
    t = types_of("Services88")
    entity = t.ErpSyncConnectorEntity(
        table_right=t.TableRight(mask=t.ETableRight.SELECT | t.ETableRight.UPDATE | t.ETableRight.DELETE, reason="r"),
        field_properties={
            "DisplayName": t.FieldProperty(
                field_right=t.FieldRight(mask=t.EFieldRight.READ | t.EFieldRight.UI_HINT_MANDATORY, reason=""),
                field_type="System.String",
                field_length=255,
            ),
            "URL": t.FieldProperty(field_right=t.FieldRight(mask=t.EFieldRight(0), reason=None), field_type=None),
            "Deleted": None,
        },
        erp_connector_id=7,
        display_name="SAP & <Co> \u00e6\u00f8\u00e5",
        url=None,
        deleted=False,
    )
    outcome = comparer.compare("Services88", "ErpSync", "SaveErpSyncConnectorEntity", [entity])
    assert_same(outcome)
    assert {"flags ETableRight", "flags EFieldRight", "dict FieldPropertyDictionaryKeyValuePair", "nil"} <= outcome.features
    keep(outcome)


@pytest.mark.parametrize("version", ["Services84", "Services86", "Services88"])
def test_a_string_dictionary_and_arrays_of_ints_are_written_as_zeep_writes_them(comparer: Comparer, version: str) -> None:
    t = types_of(version)
    connection = t.ErpConnection(
        erp_connection_id=3,
        display_name="SAP",
        active=True,
        config_fields={"url": "https://erp.example/?a=1&b=2", "empty": "", "missing": None},
        user_group_access_ids=[1, 2, -3],
        associate_access_ids=[],
    )
    outcome = comparer.compare(version, "ErpSync", "SaveConnection", [connection])
    assert_same(outcome)
    assert {"dict StringKeyValuePair", "Arrays item"} <= outcome.features
    keep(outcome)


@pytest.mark.parametrize("version", ["Services85", "Services88"])
def test_anytype_values_of_a_webhook_carry_the_xsi_type_zeep_gives_them(comparer: Comparer, version: str) -> None:
    t = types_of(version)
    webhook = t.Webhook(
        webhook_id=12,
        name="hook",
        events=["contact.created", "sale.changed"],
        target_url="https://hooks.example/in",
        state=list(t.WebhookState)[0],
        headers={"X-Tenant": "Cust12345"},
        properties={
            "text": "value",
            "count": 42,
            "flag": True,
            "ratio": 0.25,
            "price": Decimal("1234.50"),
            "when": datetime(2024, 2, 29, 13, 45, 10, tzinfo=UTC),
            "blob": b"\x00\x01binary\xff",
            "id": UUID("12345678-1234-5678-1234-567812345678"),
            "wait": timedelta(hours=1, minutes=30),
            "nothing": None,
            "owner": t.Associate(associate_id=5, name="Ann"),
        },
        registered=datetime(2023, 1, 2, 3, 4, 5),
    )
    outcome = comparer.compare(version, "Webhook", "SaveWebhook", [webhook])
    assert_same(outcome)
    assert {"dict StringObjectKeyValuePair", "anyType", "anyType complex", "decimal", "guid"} <= outcome.features
    keep(outcome)


def test_an_array_of_arrays_of_strings_is_written_as_zeep_writes_it(comparer: Comparer) -> None:
    generated = generated_service("Services88", "DatabaseTable")
    wire = runtime("wire")
    found = []
    for name, operation in generated.operations.items():
        operation.prepare()
        for position, part in enumerate(operation.request.parts):
            if isinstance(part.codec, wire.ArrayOf) and isinstance(part.codec.item.codec, wire.ArrayOf):
                found.append((name, position, len(operation.request.parts)))
    assert found, "Services88 DatabaseTable has no ArrayOfArrayOf parameter"
    for name, position, count in found:
        operation = generated.operations[name]
        args: list[Any] = [_sample(part) for part in operation.request.parts]
        args[position] = [["a", "b & c"], [], ["", "d"]]
        outcome = comparer.compare("Services88", "DatabaseTable", name, args)
        assert_same(outcome)
        assert "array of arrays" in outcome.features
        keep(outcome)


def _sample(part: Any) -> Any:
    """A plain value for a parameter of a primitive type (None for anything else)."""
    wire = runtime("wire")
    samples = {"string": "name", "int": 1, "boolean": True, "double": 1.5, "dateTime": datetime(2024, 1, 1)}
    return samples.get(part.codec.xsd_name) if isinstance(part.codec, wire.Primitive) else None


@pytest.mark.parametrize("version", ["Services84", "Services88"])
def test_the_cryptography_namespace_of_a_license_is_written_as_zeep_writes_it(comparer: Comparer, version: str) -> None:
    t = types_of(version)
    public_key = t.SignedPublicKey(
        owner_name="SuperOffice AS",
        sign_date=datetime(2024, 5, 1, 8, 0, tzinfo=UTC),
        expiry_date=datetime(2030, 12, 31, 23, 59, 59, 500000),
        key=t.DSAParameters(counter=17, g=b"\x01\x02", j=None, p=b"p" * 20, q=b"", seed=b"\xfe\xff", y=b"y"),
        signature="c2lnbmF0dXJl",
    )
    module = t.ModuleLicense(
        module_name="SuperOffice.CRM", license_type=list(t.LicenseType)[-1], unrestricted=False,
        allowed_user_type=list(t.UserType)[1], number_of_licenses=25, signature=None,
    )
    info = t.ExtendedLicenseInfo(
        reason="renewal",
        can_be_activated=True,
        new=t.LicenseInfo(
            company_name="Example AS", serial_nr="1234", next_check_date=datetime(2025, 1, 1),
            module_licenses=[module, None], public_key=public_key,
        ),
        current=None,
        extended_module_licenses=[],
        accumulated_next_check_date=datetime(2025, 6, 30, 12, 0, tzinfo=timezone(timedelta(hours=2))),
    )
    outcome = comparer.compare(version, "License", "ValidateLicenseInfo", [info])
    assert_same(outcome)
    assert {"Cryptography namespace", "nil", "base64Binary", "dateTime", "enum"} <= outcome.features
    keep(outcome)


@pytest.mark.parametrize("version", ["Services84", "Services87", "Services88"])
def test_soprincipal_sends_only_its_application_token_header_and_a_generic_dictionary(
    comparer: Comparer, version: str
) -> None:
    outcome = comparer.compare(version, "SoPrincipal", "AuthenticateGeneric", [{"user": "ann", "code": None}])
    assert_same(outcome)
    assert {"header ApplicationToken only", "several output parts"} <= outcome.features
    keep(outcome)
    nothing = comparer.compare(version, "SoPrincipal", "AuthenticateUsernamePassword", [None, None])
    assert_same(nothing)
    assert "None omitted" in nothing.features
    keep(nothing)


def test_a_session_without_a_ticket_sends_no_credentials_header_as_zeep(comparer: Comparer) -> None:
    outcome = comparer.compare("Services86", "ErpSync", "DeleteConnection", [5], ticket=None)
    assert_same(outcome)
    assert "Credentials" not in outcome.ours_canonical
    assert "void operation" in outcome.features
    keep(outcome)


@pytest.mark.parametrize(
    "interval", [timedelta(hours=1, minutes=30), timedelta(days=2, seconds=5), timedelta(seconds=0.25)]
)
def test_a_duration_is_written_as_zeep_writes_it(comparer: Comparer, interval: timedelta) -> None:
    generated = generated_service("Services88", "ErpSync")
    operation = generated.operations["ChangeEngineInterval"]
    operation.prepare()
    args = [interval if p.codec.xsd_name == "duration" else _sample(p) for p in operation.request.parts]
    outcome = comparer.compare("Services88", "ErpSync", "ChangeEngineInterval", args)
    assert_same(outcome)
    assert "duration" in outcome.features
    keep(outcome)


@pytest.mark.parametrize("version", ["Services84", "Services88"])
def test_bytes_of_a_blob_are_written_as_zeep_writes_them(comparer: Comparer, version: str) -> None:
    generated = generated_service(version, "BLOB")
    wire = runtime("wire")
    sent = 0
    for name, operation in generated.operations.items():
        operation.prepare()
        if any(p.codec is wire.BASE64 for p in operation.request.parts):
            args = [bytes(range(256)) * 3 if p.codec is wire.BASE64 else _sample(p) for p in operation.request.parts]
            outcome = comparer.compare(version, "BLOB", name, args)
            assert_same(outcome)
            assert "base64Binary" in outcome.features
            keep(outcome)
            sent += 1
    assert sent >= 2, f"{version} BLOB has {sent} operations with a base64Binary parameter"


@pytest.mark.parametrize("version", ["Services85", "Services88"])
def test_an_enum_parameter_and_nillable_strings_passed_none_are_written_as_zeep_writes_them(
    comparer: Comparer, version: str
) -> None:
    t = types_of(version)
    for state in t.WebhookState:
        outcome = comparer.compare(version, "Webhook", "GetAllWebhooks", [None, "contact.created", state])
        assert_same(outcome)
        assert {"enum", "None omitted"} <= outcome.features
        keep(outcome)


# -- the reply direction, for what no request carries -------------------------------------------------------


def zeep_reply(client: Any, operation: str, **parts: Any) -> bytes:
    """The reply envelope zeep's binding writes for these output parts."""
    message = zeep_operation(client, operation).output.serialize(**parts)
    return etree.tostring(message.content)


def written_by_us(operation: Any, values: list[Any]) -> bytes:
    """The reply envelope of ``operation`` as our writer writes it: the generated response body
    sent as if it were a request body, with no header blocks."""
    soap = runtime("soap")
    writer = soap.Operation(
        operation.schema, operation.name, operation.action,
        request=operation.response, response=operation.response, headers=(), reply_headers=(),
    )
    return writer.build_request(values, soap.Credentials())


@pytest.mark.parametrize("version", ["Services87", "Services88"])
def test_fieldinfobase_subtypes_where_the_base_is_declared_carry_xsi_type_as_zeep_writes_them(
    comparer: Comparer, version: str
) -> None:
    """No request declares a base type with subtypes; the one list of them, GetCustomFieldInfoList's
    ArrayOfFieldInfoBase, is a reply. Both ways: our writer against zeep's, our reader on zeep's."""
    t = types_of(version)
    generated = generated_service(version, "UserDefinedFieldInfo")
    client = comparer.zeep_clients.get(version, "UserDefinedFieldInfo")
    operation = generated.operations["GetCustomFieldInfoList"]
    operation.prepare()
    schema = operation.schema
    for name in schema.modules:
        schema.resolve(name)  # every class of the version, to find the subtypes
    subtypes = sorted(
        (cls for cls in schema.by_class if issubclass(cls, t.FieldInfoBase) and cls is not t.FieldInfoBase),
        key=lambda cls: cls.__name__,
    )
    assert len(subtypes) >= 10
    values = [_filled(schema.codec_of(cls), depth=1) for cls in subtypes] + [t.FieldInfoBase(field_name="base")]
    features: set[str] = set()
    (part,) = operation.response.parts
    theirs = zeep_reply(client, "GetCustomFieldInfoList", **{part.name: ZeepInput(client, schema, features).element(part, values)})
    assert "subtype" in features
    ours = written_by_us(operation, [values])
    assert canonical(ours) == canonical(theirs)
    assert canonical(ours).count(":type=") == len(subtypes)
    assert operation.read_reply(theirs) == values


@pytest.mark.parametrize("version", ["Services84", "Services88"])
def test_a_system_info_with_dsa_parameters_that_zeep_writes_is_read_back_equal(comparer: Comparer, version: str) -> None:
    generated = generated_service(version, "SoPrincipal")
    client = comparer.zeep_clients.get(version, "SoPrincipal")
    operation = generated.operations["GetSystemInfo"]
    operation.prepare()
    (part,) = operation.response.parts
    value = _filled(part.codec, depth=0)
    features: set[str] = set()
    content = zeep_reply(client, "GetSystemInfo", **{part.name: ZeepInput(client, operation.schema, features).element(part, value)})
    assert "Cryptography namespace" in features, "no DSAParameters in the filled SoSystemInfoCarrier"
    assert operation.read_reply(content) == value


@pytest.mark.parametrize("version", ["Services84", "Services88"])
def test_several_output_parts_that_zeep_writes_are_read_as_the_named_tuple(comparer: Comparer, version: str) -> None:
    generated = generated_service(version, "SoPrincipal")
    client = comparer.zeep_clients.get(version, "SoPrincipal")
    operation = generated.operations["AuthenticateUsernamePassword"]
    operation.prepare()
    values = [_filled(part.codec, depth=0) for part in operation.response.parts]
    assert len(values) == 3
    converter = ZeepInput(client, operation.schema, set())
    content = zeep_reply(
        client, "AuthenticateUsernamePassword",
        **{part.name: converter.element(part, value) for part, value in zip(operation.response.parts, values)},
    )
    result = operation.read_reply(content)
    assert isinstance(result, tuple) and list(result) == values
    assert result._fields == tuple(part.attr for part in operation.response.parts)


def _filled(codec: Any, depth: int) -> Any:
    """A value of the type with every field set (nested types to depth 4, one item per list)."""
    wire = runtime("wire")
    if isinstance(codec, wire.Primitive):
        return {
            "string": f"text {depth}", "int": 40 + depth, "boolean": True, "double": depth + 0.5,
            "dateTime": datetime(2024, 1, 1 + depth, 12, 30), "base64Binary": bytes([depth, 255]),
            "duration": timedelta(minutes=depth + 1),
        }[codec.xsd_name]
    if isinstance(codec, wire.EnumCodec):
        return list(codec.cls)[-1]
    if isinstance(codec, wire.FlagsCodec):
        return codec.names[0][0] | codec.names[-1][0]
    if isinstance(codec, wire.ArrayOf):
        item = _filled(codec.item.codec, depth + 1)
        return [item] if item is not None else []
    if isinstance(codec, wire.DictOf):
        return {_filled(codec.key.codec, depth + 1): _filled(codec.value.codec, depth + 1)}
    if isinstance(codec, wire.ComplexCodec):
        if depth > 4:
            return None
        codec.prepare()
        values = {element.attr: _filled(element.codec, depth + 1) for element in codec.elements}
        return codec.cls(**{k: v for k, v in values.items() if v is not None})
    return None


def test_file_manager_read_file_that_zeep_writes_is_read_as_the_named_tuple(comparer: Comparer) -> None:
    generated = generated_service("Services86", "FileManager")
    client = comparer.zeep_clients.get("Services86", "FileManager")
    operation = generated.operations["ReadFile"]
    operation.prepare()
    values = [_sample(part) for part in operation.response.parts]
    assert len(values) > 1
    content = zeep_reply(client, "ReadFile", **{part.name: value for part, value in zip(operation.response.parts, values)})
    assert list(operation.read_reply(content)) == values


# zeep's type for a type nested in itself lacks the inherited Carrier fields (see ZeepInput), so
# it cannot write a nested HierarchyEntity or MDOListItem that has them; _filled sets them all.
_ZEEP_CANNOT = re.compile(r"unexpected keyword argument '(TableRight|FieldProperties)'")


@pytest.mark.parametrize(("version", "service"), wsdl_services())
def test_every_request_with_every_field_set_gives_the_envelope_zeep_gives(
    comparer: Comparer, version: str, service: str
) -> None:
    """The examples' requests are mostly zeros and empty strings, and leave out the inherited
    Carrier fields; here every field of every parameter is set (flags, enums, dates, durations,
    bytes, doubles, dictionaries and lists everywhere they occur)."""
    generated = generated_service(version, service)
    failures, checked, skipped = [], 0, 0
    for name, operation in generated.operations.items():
        operation.prepare()
        args = [_filled(part.codec, depth=0) for part in operation.request.parts]
        try:
            outcome = comparer.compare(version, service, name, args)
        except TypeError as error:
            assert _ZEEP_CANNOT.search(str(error)), f"{name}: {error}"
            skipped += 1
            continue
        problems = outcome.problems()
        if problems:
            failures.append(f"{outcome.label}:\n" + "\n".join(problems))
        checked += 1
    assert not failures, f"{len(failures)} of {checked} differ:\n\n" + "\n\n".join(failures[:3])
    _filled_requests[version] += checked
    _filled_skipped[version] += skipped


_filled_requests: collections.Counter[str] = collections.Counter()
_filled_skipped: collections.Counter[str] = collections.Counter()


@pytest.mark.parametrize(("version", "service"), wsdl_services())
def test_every_reply_zeep_writes_with_every_field_set_is_read_back_equal(
    comparer: Comparer, version: str, service: str
) -> None:
    """The examples' replies are mostly zeros and empty strings; here each reply has every field
    of every part set (nested types to depth 4, one item per list), zeep writes it, and the
    generated read_reply must give the same values back."""
    generated = generated_service(version, service)
    client = comparer.zeep_clients.get(version, service)
    checked = skipped = 0
    for name, operation in generated.operations.items():
        operation.prepare()
        parts = operation.response.parts
        if not parts:
            continue
        values = [_filled(part.codec, depth=0) for part in parts]
        converter = ZeepInput(client, operation.schema, set())
        try:
            content = zeep_reply(client, name, **{p.name: converter.element(p, v) for p, v in zip(parts, values)})
        except TypeError as error:
            assert _ZEEP_CANNOT.search(str(error)), f"{name}: {error}"
            skipped += 1
            continue
        result = operation.read_reply(content)
        assert (list(result) if len(parts) > 1 else [result]) == values, name
        checked += 1
    _replies_checked[version] += checked
    _replies_skipped[version] += skipped


_replies_checked: collections.Counter[str] = collections.Counter()
_replies_skipped: collections.Counter[str] = collections.Counter()


HAND_MADE_TESTS = (
    "test_flags_and_the_field_property_dictionary_are_written_as_zeep_writes_them",
    "test_a_string_dictionary_and_arrays_of_ints_are_written_as_zeep_writes_them",
    "test_anytype_values_of_a_webhook_carry_the_xsi_type_zeep_gives_them",
    "test_an_array_of_arrays_of_strings_is_written_as_zeep_writes_it",
    "test_the_cryptography_namespace_of_a_license_is_written_as_zeep_writes_it",
    "test_soprincipal_sends_only_its_application_token_header_and_a_generic_dictionary",
    "test_a_session_without_a_ticket_sends_no_credentials_header_as_zeep",
    "test_a_duration_is_written_as_zeep_writes_it",
    "test_bytes_of_a_blob_are_written_as_zeep_writes_them",
    "test_an_enum_parameter_and_nillable_strings_passed_none_are_written_as_zeep_writes_them",
)


# -- the summary -------------------------------------------------------------------------------------------


def test_at_least_200_operations_of_all_five_versions_were_compared_with_every_unusual_case(
    comparer: Comparer, corpus: Path
) -> None:
    per_version: collections.Counter[str] = collections.Counter()
    features: collections.Counter[str] = collections.Counter()
    unreadable = without_example = refused = 0
    services: collections.Counter[str] = collections.Counter()
    for version, service in wsdl_services(corpus):
        report = compare_service(comparer, corpus, version, service)
        services[version] += 1
        per_version[version] += len(report.compared)
        unreadable += len(report.unreadable)
        without_example += len(report.without_example)
        refused += len(report.refused)
        for outcome in report.compared:
            features.update(outcome.features)
    for outcomes in _hand_made.values():
        for outcome in outcomes:
            features.update(outcome.features)
    total = sum(per_version.values())
    calls = sum(len(outcomes) for outcomes in _hand_made.values())
    print(f"\ncompared with zeep: {total} operations from the docs' examples, {calls} hand-made calls")
    for version in ALL_VERSIONS:
        print(f"  {version}: {per_version[version]} operations of {services[version]} services")
    print(
        f"  examples not readable: {unreadable}; operations without an example: {without_example}; "
        f"examples both clients refuse to send: {refused}"
    )
    if _filled_requests:
        print(
            f"requests with every field set, equal to zeep's: {sum(_filled_requests.values())} "
            f"({sum(_filled_skipped.values())} that zeep cannot write: a Carrier field in a self-nested type)"
        )
    if _replies_checked:
        print(
            f"replies written by zeep with every field set and read back equal: {sum(_replies_checked.values())} "
            f"({sum(_replies_skipped.values())} that zeep cannot write: a Carrier field in a self-nested type)"
        )
    print("unusual cases sent (calls):")
    for name, count in sorted(features.items()):
        print(f"  {name}: {count}")
    assert total >= MINIMUM_OPERATIONS
    assert all(per_version[version] > 0 for version in ALL_VERSIONS)
    if set(HAND_MADE_TESTS) <= set(_hand_made):  # every hand-made test ran before this one
        missing = REQUIRED_FEATURES - set(features)
        assert not missing, f"unusual cases never sent: {sorted(missing)}"
        print(f"all {len(REQUIRED_FEATURES)} required unusual cases were sent")
