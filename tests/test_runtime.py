"""The runtime shipped inside every generated package, on hand-built types (no corpus needed):
the XML text of each primitive, enums and flags, containers, polymorphism, and safe parsing."""

from __future__ import annotations

import enum
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import pytest
from lxml import etree

from conftest import ROOT, Generated, runtime_template

wire = runtime_template("wire")
soap = runtime_template("soap")
errors = runtime_template("errors")

NS = "urn:test"
SCHEMA = wire.Schema(NS, package="rt_pkg", modules={}, xml_names={"Base": (NS, "Base"), "Derived": (NS, "Derived")})


class Colour(wire.XmlEnum):
    RED = "Red"
    NONE = "None"


class Rights(enum.Flag):
    SELECT = 1
    UPDATE = 2
    INSERT = 4
    R = 1  # an alias, as in ETableRight


@dataclass(slots=True, kw_only=True)
class Base:
    name: str | None = None


@dataclass(slots=True, kw_only=True)
class Derived(Base):
    size: int | None = None


SCHEMA.define_enum(Colour)
SCHEMA.define_flags(Rights, {"Select": Rights.SELECT, "Update": Rights.UPDATE, "Insert": Rights.INSERT, "R": Rights.R})
SCHEMA.define(Base, "Base", wire.Element("name", "Name", wire.STRING, nillable=True))
SCHEMA.define(Derived, "Derived", wire.Element("size", "Size", wire.INT))


def element(type_ref: object, **options: object) -> object:
    item = wire.Element("value", "Value", type_ref, **options)
    item.bind(SCHEMA)
    return item


def write(type_ref: object, value: object, **options: object) -> str:
    out: list[str] = []
    element(type_ref, **options).write(out, value)  # type: ignore[attr-defined]
    return "".join(out)


def read(type_ref: object, xml: str) -> object:
    node = etree.fromstring(
        f'<r xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:a="{wire.ARRAYS}" xmlns:s="{NS}">{xml}</r>'
    )[0]
    return element(type_ref).read(node)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("codec", "value", "text"),
    [
        ("STRING", "a & <b> \r", "a &amp; &lt;b&gt; &#13;"),
        ("INT", -42, "-42"),
        ("BOOLEAN", True, "true"),
        ("DOUBLE", 1.5, "1.5"),
        ("DOUBLE", float("inf"), "INF"),
        ("DOUBLE", float("-inf"), "-INF"),
        ("DECIMAL", Decimal("1E+2"), "100"),
        ("DATETIME", datetime(2023, 2, 15, 13, 18, 45, tzinfo=timezone.utc), "2023-02-15T13:18:45Z"),
        ("DATETIME", datetime(2023, 2, 15, 13, 18, 45, 123456), "2023-02-15T13:18:45.123456"),
        ("BASE64", b"\x00\xffhi", "AP9oaQ=="),
        ("GUID", UUID("12345678-1234-5678-1234-567812345678"), "12345678-1234-5678-1234-567812345678"),
        ("CHAR", "A", "65"),
        ("DURATION", timedelta(days=1, hours=2, seconds=3.5), "P1DT2H3.5S"),
        ("DURATION", timedelta(0), "PT0S"),
        ("DURATION", -timedelta(minutes=5), "-PT5M"),
    ],
)
def test_primitives_are_written_as_xml_schema_text_and_read_back(codec: str, value: object, text: str) -> None:
    assert write(getattr(wire, codec), value) == f"<Value>{text}</Value>"
    assert read(getattr(wire, codec), f"<Value>{text}</Value>") == value


def test_dotnet_dates_with_seven_fractional_digits_and_offsets_are_read() -> None:
    assert read(wire.DATETIME, "<Value>2023-02-15T13:18:45.1234567+02:00</Value>") == datetime(
        2023, 2, 15, 13, 18, 45, 123456, tzinfo=timezone(timedelta(hours=2))
    )


def test_empty_non_string_values_are_absent_but_empty_strings_stay_strings() -> None:
    assert read(wire.DATETIME, "<Value></Value>") is None
    assert read(wire.INT, "<Value/>") is None
    assert read(wire.STRING, "<Value/>") == ""


def test_a_value_that_does_not_parse_is_a_protocol_error_naming_the_element() -> None:
    with pytest.raises(errors.ProtocolError, match="<Value> holds 'twelve', not a valid int"):
        read(wire.INT, "<Value>twelve</Value>")


def test_text_xml_cannot_carry_is_refused_before_sending() -> None:
    with pytest.raises(errors.SerializationError):
        write(wire.STRING, "bell \x07")


def test_nil_is_none_and_none_is_omitted_unless_the_element_is_required_and_nillable() -> None:
    assert read(wire.STRING, '<Value xsi:nil="true"/>') is None
    assert write(wire.STRING, None) == ""
    assert write(wire.STRING, None, nillable=True, required=True) == '<Value xsi:nil="true"/>'


def test_enums_travel_as_their_xml_value_and_unknown_values_still_parse() -> None:
    assert write("Colour", Colour.NONE) == "<Value>None</Value>"
    assert read("Colour", "<Value>Red</Value>") is Colour.RED
    newer = read("Colour", "<Value>Ultraviolet</Value>")
    assert isinstance(newer, Colour) and newer.value == "Ultraviolet"


def test_flags_travel_as_space_separated_names_of_their_members() -> None:
    assert write("Rights", Rights.SELECT | Rights.INSERT) == "<Value>Select Insert</Value>"
    assert write("Rights", Rights(0)) == "<Value></Value>"
    assert read("Rights", "<Value>R Update</Value>") == Rights.SELECT | Rights.UPDATE


def test_arrays_and_dictionaries_use_the_item_and_pair_names_of_the_schema() -> None:
    array = wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS)
    assert write(array, [1, 2]) == "<Value><a:int>1</a:int><a:int>2</a:int></Value>"
    assert read(array, "<Value><a:int>1</a:int><a:int>2</a:int></Value>") == [1, 2]
    nested = wire.ArrayOf("ArrayOfstring", wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True), namespace=wire.ARRAYS)
    xml = "<Value><a:ArrayOfstring><a:string>x</a:string></a:ArrayOfstring><a:ArrayOfstring/></Value>"
    assert read(nested, xml) == [["x"], []]
    assert write(nested, [["x"], []]) == xml.replace("<a:ArrayOfstring/>", "<a:ArrayOfstring></a:ArrayOfstring>")
    pairs = wire.DictOf("StringKeyValuePair", wire.STRING, wire.STRING)
    xml = "<Value><StringKeyValuePair><Key>k</Key><Value>v</Value></StringKeyValuePair></Value>"
    assert write(pairs, {"k": "v"}) == xml
    assert read(pairs, xml) == {"k": "v"}


def test_a_subtype_sent_where_its_base_is_declared_says_so_with_xsi_type_and_parses_back() -> None:
    text = write("Base", Derived(name="n", size=3))
    assert text == '<Value xsi:type="s:Derived"><Name>n</Name><Size>3</Size></Value>'
    parsed = read("Base", text)
    assert parsed == Derived(name="n", size=3)
    assert read("Base", "<Value><Name>n</Name></Value>") == Base(name="n")


def test_any_type_values_carry_their_type() -> None:
    assert write(wire.ANY, 5) == '<Value xsi:type="xsd:long">5</Value>'
    assert write(wire.ANY, "x") == '<Value xsi:type="xsd:string">x</Value>'
    assert read(wire.ANY, '<Value xsi:type="xsd:int">7</Value>') == 7
    assert read(wire.ANY, '<Value xsi:type="xsd:boolean">true</Value>') is True
    assert read(wire.ANY, '<Value xsi:type="s:Derived"><Size>1</Size></Value>') == Derived(size=1)


def _operation() -> object:
    return soap.Operation(
        SCHEMA, "Get", "urn:test/Get",
        request=soap.Body("Get", wire.Element("id", "Id", wire.INT)),
        response=soap.Body("GetResponse", wire.Element("response", "Response", "Base", nillable=True)),
        headers=("ApplicationToken", "Credentials", "TimeZone"),
        reply_headers=(wire.Element("succeeded", "Succeeded", wire.BOOLEAN),),
    )


def test_the_request_is_a_soap11_envelope_with_the_credentials_in_its_header() -> None:
    body = _operation().build_request([5], soap.Credentials("T<1>", "A", time_zone_code="UTC"))  # type: ignore[attr-defined]
    root = etree.fromstring(body)
    assert root.tag == "{http://schemas.xmlsoap.org/soap/envelope/}Envelope"
    header, content = list(root)
    assert [etree.QName(h).localname for h in header] == ["ApplicationToken", "Credentials", "TimeZone"]
    assert header[1][0].text == "T<1>"
    assert etree.tostring(content[0], method="c14n", exclusive=True) == f'<Get xmlns="{NS}"><Id>5</Id></Get>'.encode()


@pytest.mark.parametrize(
    "hostile",
    [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><r>&c;</r>',
        b'<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></r>',
    ],
)
def test_hostile_replies_are_refused_without_reading_files(hostile: bytes) -> None:
    with pytest.raises(errors.ProtocolError):
        _operation().read_reply(hostile)  # type: ignore[attr-defined]


def test_a_reply_without_a_header_parses_and_succeeded_false_raises_a_service_error() -> None:
    envelope = (
        '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">{header}<s:Body>'
        f'<GetResponse xmlns="{NS}"><Response><Name>n</Name></Response></GetResponse></s:Body></s:Envelope>'
    )
    assert _operation().read_reply(envelope.format(header="").encode()) == Base(name="n")  # type: ignore[attr-defined]
    failed = envelope.format(header=f'<s:Header><Succeeded xmlns="{NS}">false</Succeeded></s:Header>')
    with pytest.raises(errors.ServiceError):
        _operation().read_reply(failed.encode())  # type: ignore[attr-defined]


def test_the_runtime_has_no_dependency_beyond_lxml_and_httpx() -> None:
    for source in (ROOT / "templates" / "runtime").glob("*.py"):
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.startswith(("import ", "from ")) and not line.startswith("from ."):
                module = line.split()[1].split(".")[0]
                assert module in sys.stdlib_module_names or module in {"lxml", "httpx", "__future__"}, line
    assert Path(ROOT / "templates" / "runtime" / "__init__.py").is_file()


def test_importing_an_agent_and_building_sessions_leaves_httpx_unimported(generated: Generated) -> None:
    """httpx (with anyio and asyncio) costs more to import than the rest of a service's client,
    so sessions make their client on the first call: a program that builds its clients at start
    pays for httpx only when it calls. Closing a session that never called makes no client."""
    script = """
import sys
from superoffice_services import AsyncSoapSession, SoapSession
from superoffice_services.services88 import AppointmentAgent
from superoffice_services.webapi import WebApiSession
session = SoapSession("https://tenant.example/Cust1", ticket="t")
AppointmentAgent(session)
AsyncSoapSession("https://tenant.example/Cust1")
WebApiSession("https://tenant.example/Cust1", ticket="t").close()
session.close()
print("httpx" in sys.modules)
session.client
print("httpx" in sys.modules, type(session.client).__name__, session.client is session.client)
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=generated.path, capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["False", "True Client True"]


def test_importing_an_agent_leaves_lxml_and_the_value_types_unimported_until_a_call_needs_them(
    generated: Generated,
) -> None:
    """Importing a SOAP agent and building it imports neither lxml (a reply is parsed with it, a
    request is written without it) nor the modules of the value types (datetime, decimal, uuid,
    base64: a codec imports them when it is first bound), nor logging or html. The first call
    that reads a reply with a date imports lxml and datetime, and the date comes back typed."""
    script = """
import sys
LAZY = ["lxml", "datetime", "decimal", "uuid", "base64", "logging", "html"]
from superoffice_services import SoapSession
from superoffice_services.services88 import AppointmentAgent
AppointmentAgent(SoapSession("https://tenant.example/Cust1", ticket="t"))
print([name for name in LAZY if name in sys.modules])

import httpx
REPLY = (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>'
    '<GetAppointmentEntityResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">'
    '<Response><StartDate>2024-05-06T07:08:09</StartDate></Response>'
    '</GetAppointmentEntityResponse></s:Body></s:Envelope>'
)
transport = httpx.MockTransport(lambda request: httpx.Response(200, text=REPLY, headers={"Content-Type": "text/xml"}))
agent = AppointmentAgent(SoapSession("https://tenant.example/Cust1", ticket="t", transport=transport))
print(repr(agent.get_appointment_entity(1).start_date), "lxml" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=generated.path, capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["[]", "datetime.datetime(2024, 5, 6, 7, 8, 9) True"]
