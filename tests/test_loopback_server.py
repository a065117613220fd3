"""The generated client against a real HTTP server on 127.0.0.1: real sockets, sync and async.

A ``ThreadingHTTPServer`` (HTTP/1.1, keep-alive) listens on a free port of 127.0.0.1, records
every request it gets and answers with canned SOAP 1.1 replies written here by hand, the way a
NetServer answers: the reply headers (ExceptionInfo, ExtraInfo, Succeeded, TimeZone) in
soap:Header, the response element in soap:Body, or a SOAP Fault with HTTP 500, or an HTML error
page. The calls go through the generated agents of two versions: Services88 ErpSync and
Services86 Webhook and FileManager, each with its sync and its asyncio agent class.
"""

from __future__ import annotations

import asyncio
import collections
import importlib
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any

import pytest
from lxml import etree

from conftest import PACKAGE, Generated

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
NS86 = "http://www.superoffice.net/ws/crm/NetServer/Services86"
NS88 = "http://www.superoffice.net/ws/crm/NetServer/Services88"
TICKET = "7T:abc&<ticket>=="
TOKEN = "app-token-42"
XML = "text/xml; charset=utf-8"


# -- the server -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes


@dataclass(frozen=True)
class Canned:
    body: bytes
    status: int = 200
    content_type: str = XML


class SoapServer:
    """Answers each POST with the next canned reply (the last one again when they run out), or
    with what ``respond`` makes of the request."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.replies: collections.deque[Canned] = collections.deque()
        self.respond: Callable[[Recorded], Canned] | None = None
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                recorded = Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with server.lock:
                    server.requests.append(recorded)
                    if server.respond is not None:
                        reply = server.respond(recorded)
                    else:
                        reply = server.replies.popleft() if len(server.replies) > 1 else server.replies[0]
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def do_GET(self) -> None:  # noqa: N802
                self.send_error(405)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="soap-server", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/Cust12345"

    def answer(self, *replies: Canned, respond: Callable[[Recorded], Canned] | None = None) -> None:
        with self.lock:
            self.requests.clear()
            self.replies.clear()
            self.replies.extend(replies)
            self.respond = respond

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server() -> Iterator[SoapServer]:
    running = SoapServer()
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def pkg(generated: Generated) -> ModuleType:
    return importlib.import_module(PACKAGE)


def version(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.{name}")


# -- canned replies, written by hand ----------------------------------------------------------------


def envelope(body: str, header: str | None = None, namespace: str = NS88) -> bytes:
    """A SOAP 1.1 reply as NetServer writes it (prefixes of its own, the version's namespace
    as the default)."""
    head = f"<s:Header>{header}</s:Header>" if header is not None else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<s:Envelope xmlns:s="{SOAP11}" xmlns:i="{XSI}" xmlns:arr="{ARRAYS}" xmlns="{namespace}">'
        f"{head}<s:Body>{body}</s:Body></s:Envelope>"
    ).encode("utf-8")


SUCCEEDED = "<ExceptionInfo i:nil='true'/><ExtraInfo i:nil='true'/><Succeeded>true</Succeeded><TimeZone i:nil='true'/>"

CONNECTION = """
<GetConnectionResponse><Response>
  <TableRight><Mask>Select Update Delete</Mask><Reason>because</Reason></TableRight>
  <FieldProperties>
    <FieldPropertyDictionaryKeyValuePair>
      <Key>DisplayName</Key>
      <Value><FieldRight><Mask>Read UIHintMandatory</Mask><Reason/></FieldRight>
        <FieldType>System.String</FieldType><FieldLength>255</FieldLength></Value>
    </FieldPropertyDictionaryKeyValuePair>
  </FieldProperties>
  <ErpConnectionId>42</ErpConnectionId>
  <ErpConnectorId>7</ErpConnectorId>
  <DisplayName>SAP &amp; Co \u00e6\u00f8\u00e5</DisplayName>
  <DisplayDescription i:nil="true"/>
  <Active>true</Active>
  <ConnectionId>c-42</ConnectionId>
  <MostRecentTimestamp>2024-05-01T10:00:00</MostRecentTimestamp>
  <ConfigFields>
    <StringKeyValuePair><Key>url</Key><Value>https://erp.example/?a=1&amp;b=2</Value></StringKeyValuePair>
    <StringKeyValuePair><Key>user</Key><Value i:nil="true"/></StringKeyValuePair>
  </ConfigFields>
  <Deleted>false</Deleted>
  <AllAccess>false</AllAccess>
  <UserGroupAccessIds><arr:int>1</arr:int><arr:int>2</arr:int><arr:int>30</arr:int></UserGroupAccessIds>
  <AssociateAccessIds/>
</Response></GetConnectionResponse>
"""

WEBHOOK = """
<GetWebhookResponse><Response>
  <WebhookId>12</WebhookId>
  <Name>contact hook</Name>
  <Events><arr:string>contact.created</arr:string><arr:string>contact.changed</arr:string></Events>
  <TargetUrl>https://hooks.example/in</TargetUrl>
  <Secret i:nil="true"/>
  <State>TooManyErrors</State>
  <Type>webhook</Type>
  <Headers><StringKeyValuePair><Key>X-Tenant</Key><Value>Cust12345</Value></StringKeyValuePair></Headers>
  <Properties xmlns:xs="http://www.w3.org/2001/XMLSchema">
    <StringObjectKeyValuePair><Key>retries</Key><Value i:type="xs:int">3</Value></StringObjectKeyValuePair>
    <StringObjectKeyValuePair><Key>label</Key><Value i:type="xs:string">blue</Value></StringObjectKeyValuePair>
  </Properties>
  <Registered>2024-02-29T13:45:10.1234567Z</Registered>
  <RegisteredAssociate><AssociateId>5</AssociateId><Name>ANN</Name><Type>InternalAssociate</Type></RegisteredAssociate>
  <Updated>2024-03-01T08:00:00</Updated>
  <UpdatedAssociate i:nil="true"/>
</Response></GetWebhookResponse>
"""


def exception_info(namespace: str = NS88) -> str:
    return f"""
<ExceptionInfo xmlns="{namespace}">
  <Message>Connection 42 is locked</Message>
  <StackTrace>at SuperOffice.ErpSync.Lock()</StackTrace>
  <FriendlyText>Someone else is editing this connection</FriendlyText>
  <ExceptionType>SoLockedException</ExceptionType>
  <Source>SoDataBase</Source>
  <InnerException>
    <Message>row lock timeout</Message>
    <ExceptionType>SqlException</ExceptionType>
    <InnerException i:nil="true"/>
    <Parameters i:nil="true"/>
  </InnerException>
  <Parameters>
    <SoExceptionInfoParametersKeyValuePair><Key>ErpConnectionId</Key><Value>42</Value></SoExceptionInfoParametersKeyValuePair>
    <SoExceptionInfoParametersKeyValuePair><Key>Owner</Key><Value i:nil="true"/></SoExceptionInfoParametersKeyValuePair>
  </Parameters>
</ExceptionInfo>
<ExtraInfo xmlns="{namespace}"><ExtraInfoNameValuePair><Key>RequestId</Key><Value>r-1</Value></ExtraInfoNameValuePair></ExtraInfo>
<Succeeded xmlns="{namespace}">false</Succeeded>
"""


FAULT = f"""<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><soap:Fault>
  <faultcode xmlns:a="http://schemas.microsoft.com/ws/2005/05/addressing/none">a:ActionNotSupported</faultcode>
  <faultstring xml:lang="en-US">The message with Action 'x' cannot be processed at the receiver.</faultstring>
</soap:Fault></soap:Body></soap:Envelope>""".encode()

HTML_500 = b"<!DOCTYPE html><html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1></body></html>"


# -- sessions ------------------------------------------------------------------------------------------


def sync_session(pkg: ModuleType, server: SoapServer, **options: Any) -> Any:
    return pkg.SoapSession(server.base_url, ticket=TICKET, application_token=TOKEN, timeout=10, **options)


def async_session(pkg: ModuleType, server: SoapServer, **options: Any) -> Any:
    return pkg.AsyncSoapSession(server.base_url, ticket=TICKET, application_token=TOKEN, timeout=10, **options)


def check_connection(connection: Any) -> None:
    s88 = version("services88")
    assert isinstance(connection, s88.ErpConnection)
    assert connection.erp_connection_id == 42 and connection.erp_connector_id == 7
    assert connection.display_name == "SAP & Co \u00e6\u00f8\u00e5"
    assert connection.display_description is None
    assert connection.active is True and connection.deleted is False
    assert connection.config_fields == {"url": "https://erp.example/?a=1&b=2", "user": None}
    assert connection.user_group_access_ids == [1, 2, 30]
    assert connection.associate_access_ids == []
    assert connection.table_right.mask == s88.ETableRight.SELECT | s88.ETableRight.UPDATE | s88.ETableRight.DELETE
    assert connection.table_right.reason == "because"
    (name, field), = connection.field_properties.items()
    assert name == "DisplayName"
    assert field.field_right.mask == s88.EFieldRight.READ | s88.EFieldRight.UI_HINT_MANDATORY
    assert field.field_right.reason == ""
    assert (field.field_type, field.field_length) == ("System.String", 255)


def check_webhook(webhook: Any) -> None:
    s86 = version("services86")
    assert isinstance(webhook, s86.Webhook)
    assert (webhook.webhook_id, webhook.name, webhook.secret) == (12, "contact hook", None)
    assert webhook.events == ["contact.created", "contact.changed"]
    assert webhook.state is s86.WebhookState.TOO_MANY_ERRORS
    assert webhook.headers == {"X-Tenant": "Cust12345"}
    assert webhook.properties == {"retries": 3, "label": "blue"}
    assert webhook.registered == datetime(2024, 2, 29, 13, 45, 10, 123456, tzinfo=timezone.utc)
    assert webhook.updated == datetime(2024, 3, 1, 8, 0)
    assert webhook.registered_associate.associate_id == 5
    assert webhook.registered_associate.type_ is s86.UserType.INTERNAL_ASSOCIATE
    assert webhook.updated_associate is None


def request_xml(recorded: Recorded) -> etree._Element:
    return etree.fromstring(recorded.body)


def check_request(recorded: Recorded, *, path: str, action: str, namespace: str, element: str, args: dict[str, str]) -> None:
    """What the server saw: a POST of a SOAP 1.1 envelope with the credentials in its header."""
    assert recorded.method == "POST"
    assert recorded.path == path
    assert recorded.headers["content-type"] == "text/xml; charset=utf-8"
    assert recorded.headers["soapaction"] == f'"{action}"'
    assert int(recorded.headers["content-length"]) == len(recorded.body)
    root = request_xml(recorded)
    assert root.tag == f"{{{SOAP11}}}Envelope"
    header, body = list(root)
    assert header.tag == f"{{{SOAP11}}}Header" and body.tag == f"{{{SOAP11}}}Body"
    assert header.findtext(f"{{{namespace}}}ApplicationToken") == TOKEN
    assert header.findtext(f"{{{namespace}}}Credentials/{{{namespace}}}Ticket") == TICKET
    (call,) = list(body)
    assert call.tag == f"{{{namespace}}}{element}"
    assert {etree.QName(child).localname: child.text for child in call} == args


# -- a normal reply, over real sockets -----------------------------------------------------------------


def test_a_normal_reply_gives_the_typed_value_and_the_server_sees_a_soap11_post(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope(CONNECTION, SUCCEEDED)))
    with sync_session(pkg, server) as session:
        connection = s88.ErpSyncAgent(session).get_connection(42)
    check_connection(connection)
    (recorded,) = server.requests
    check_request(
        recorded, path="/Cust12345/Remote/Services88/ErpSync.svc",
        action=f"{NS88}/ErpSync/GetConnection", namespace=NS88, element="GetConnection",
        args={"ErpConnectionId": "42"},
    )


async def test_the_async_agent_gets_the_same_typed_value_over_real_sockets(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope(CONNECTION, SUCCEEDED)))
    async with async_session(pkg, server) as session:
        connection = await s88.AsyncErpSyncAgent(session).get_connection(42)
    check_connection(connection)
    (recorded,) = server.requests
    check_request(
        recorded, path="/Cust12345/Remote/Services88/ErpSync.svc",
        action=f"{NS88}/ErpSync/GetConnection", namespace=NS88, element="GetConnection",
        args={"ErpConnectionId": "42"},
    )


def test_a_services86_agent_reads_enums_dates_lists_and_anytype_dictionaries(pkg: ModuleType, server: SoapServer) -> None:
    s86 = version("services86")
    server.answer(Canned(envelope(WEBHOOK, SUCCEEDED, NS86)))
    with sync_session(pkg, server, time_zone_id=9, time_zone_code="Europe/Oslo") as session:
        check_webhook(s86.WebhookAgent(session).get_webhook(12))
    (recorded,) = server.requests
    check_request(
        recorded, path="/Cust12345/Remote/Services86/Webhook.svc",
        action=f"{NS86}/Webhook/GetWebhook", namespace=NS86, element="GetWebhook", args={"WebhookId": "12"},
    )
    zone = request_xml(recorded).find(f"{{{SOAP11}}}Header/{{{NS86}}}TimeZone")
    assert zone is not None
    assert zone.findtext(f"{{{NS86}}}SoTimeZoneId") == "9"
    assert zone.findtext(f"{{{NS86}}}SoTimeZoneLocationCode") == "Europe/Oslo"


async def test_the_async_services86_agent_keeps_one_connection_for_several_calls(pkg: ModuleType, server: SoapServer) -> None:
    s86 = version("services86")
    server.answer(Canned(envelope(WEBHOOK, SUCCEEDED, NS86)))
    async with async_session(pkg, server) as session:
        agent = s86.AsyncWebhookAgent(session)
        for _ in range(3):
            check_webhook(await agent.get_webhook(12))
    assert len(server.requests) == 3
    assert all(r.path == "/Cust12345/Remote/Services86/Webhook.svc" for r in server.requests)


def test_a_reply_without_a_soap_header_parses_too(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope(CONNECTION)))
    with sync_session(pkg, server) as session, pkg.capture_replies() as replies:
        check_connection(s88.ErpSyncAgent(session).get_connection(42))
    (reply,) = replies
    assert reply.succeeded is None and reply.extra_info == {}


def test_a_request_body_carries_the_arguments_the_agent_was_given(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope(CONNECTION.replace("GetConnectionResponse", "SaveConnectionResponse"), SUCCEEDED)))
    connection = s88.ErpConnection(display_name="New & <shiny>", active=True, config_fields={"a": "1"}, user_group_access_ids=[4, 5])
    with sync_session(pkg, server) as session:
        check_connection(s88.ErpSyncAgent(session).save_connection(connection))
    (recorded,) = server.requests
    assert recorded.headers["soapaction"] == f'"{NS88}/ErpSync/SaveConnection"'
    sent = request_xml(recorded).find(f"{{{SOAP11}}}Body/{{{NS88}}}SaveConnection/{{{NS88}}}Connection")
    assert sent is not None
    assert sent.findtext(f"{{{NS88}}}DisplayName") == "New & <shiny>"
    assert sent.findtext(f"{{{NS88}}}Active") == "true"
    pair = sent.find(f"{{{NS88}}}ConfigFields/{{{NS88}}}StringKeyValuePair")
    assert (pair.findtext(f"{{{NS88}}}Key"), pair.findtext(f"{{{NS88}}}Value")) == ("a", "1")
    assert [e.text for e in sent.find(f"{{{NS88}}}UserGroupAccessIds")] == ["4", "5"]
    assert [etree.QName(e).namespace for e in sent.find(f"{{{NS88}}}UserGroupAccessIds")] == [ARRAYS, ARRAYS]


# -- void and several parts --------------------------------------------------------------------------------


def test_a_void_operation_returns_none(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope("<DeleteConnectionResponse/>", SUCCEEDED)))
    with sync_session(pkg, server) as session:
        assert s88.ErpSyncAgent(session).delete_connection(42) is None
    (recorded,) = server.requests
    check_request(
        recorded, path="/Cust12345/Remote/Services88/ErpSync.svc",
        action=f"{NS88}/ErpSync/DeleteConnection", namespace=NS88, element="DeleteConnection",
        args={"ErpConnectionId": "42"},
    )


READ_FILE = """<ReadFileResponse><FileName>report.pdf</FileName><Length>2048</Length><Response>JVBERi0xLjQ=</Response></ReadFileResponse>"""


def test_an_operation_with_several_parts_returns_its_named_tuple(pkg: ModuleType, server: SoapServer) -> None:
    s86 = version("services86")
    server.answer(Canned(envelope(READ_FILE, SUCCEEDED, NS86)))
    with sync_session(pkg, server) as session:
        result = s86.FileManagerAgent(session).read_file(77)
    assert isinstance(result, tuple) and hasattr(result, "_fields")
    assert (result.file_name, result.length, result.response) == ("report.pdf", 2048, "JVBERi0xLjQ=")
    assert tuple(result) == ("report.pdf", 2048, "JVBERi0xLjQ=")
    (recorded,) = server.requests
    check_request(
        recorded, path="/Cust12345/Remote/Services86/FileManager.svc",
        action=f"{NS86}/FileManager/ReadFile", namespace=NS86, element="ReadFile", args={"DocumentId": "77"},
    )


async def test_async_void_and_several_parts_calls(pkg: ModuleType, server: SoapServer) -> None:
    s86 = version("services86")
    server.answer(
        Canned(envelope("<DeleteWebhookResponse/>", SUCCEEDED, NS86)), Canned(envelope(READ_FILE, SUCCEEDED, NS86))
    )
    async with async_session(pkg, server) as session:
        assert await s86.AsyncWebhookAgent(session).delete_webhook(12) is None
        result = await s86.AsyncFileManagerAgent(session).read_file(77)
    assert (result.file_name, result.length, result.response) == ("report.pdf", 2048, "JVBERi0xLjQ=")
    assert [r.path.rsplit("/", 1)[1] for r in server.requests] == ["Webhook.svc", "FileManager.svc"]


# -- failures ------------------------------------------------------------------------------------------------


def check_service_error(error: Any) -> None:
    assert error.message == "Connection 42 is locked"
    assert error.exception_type == "SoLockedException"
    assert error.friendly_text == "Someone else is editing this connection"
    assert error.source == "SoDataBase"
    assert error.stack_trace == "at SuperOffice.ErpSync.Lock()"
    assert error.parameters == {"ErpConnectionId": "42", "Owner": None}
    assert error.inner is not None
    assert (error.inner.message, error.inner.exception_type, error.inner.inner) == ("row lock timeout", "SqlException", None)
    assert [e.message for e in error.chain] == ["Connection 42 is locked", "row lock timeout"]
    assert error.extra_info == {"RequestId": "r-1"}
    assert "SoLockedException" in str(error) and "Connection 42 is locked" in str(error)


def test_succeeded_false_with_exception_info_raises_service_error(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope("<GetConnectionResponse/>", exception_info())))
    with sync_session(pkg, server) as session, pytest.raises(pkg.ServiceError) as raised:
        s88.ErpSyncAgent(session).get_connection(42)
    check_service_error(raised.value)
    assert TICKET not in str(raised.value)


async def test_the_async_agent_raises_the_same_service_error(pkg: ModuleType, server: SoapServer) -> None:
    s86 = version("services86")
    server.answer(Canned(envelope("<GetWebhookResponse/>", exception_info(NS86), NS86)))
    async with async_session(pkg, server) as session:
        with pytest.raises(pkg.ServiceError) as raised:
            await s86.AsyncWebhookAgent(session).get_webhook(12)
    check_service_error(raised.value)


def test_succeeded_false_without_exception_info_raises_too(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope("<GetConnectionResponse/>", "<Succeeded>false</Succeeded>")))
    with sync_session(pkg, server) as session, pytest.raises(pkg.ServiceError) as raised:
        s88.ErpSyncAgent(session).get_connection(42)
    assert raised.value.inner is None and raised.value.parameters == {}
    assert "Succeeded" in str(raised.value)


def test_a_soap_fault_with_http_500_raises_soap_fault(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(FAULT, status=500))
    with sync_session(pkg, server) as session, pytest.raises(pkg.SoapFault) as raised:
        s88.ErpSyncAgent(session).get_connection(42)
    assert raised.value.code == "a:ActionNotSupported"
    assert raised.value.message == "The message with Action 'x' cannot be processed at the receiver."
    assert raised.value.status_code == 500


async def test_a_soap_fault_reaches_the_async_agent_as_soap_fault(pkg: ModuleType, server: SoapServer) -> None:
    s86 = version("services86")
    server.answer(Canned(FAULT, status=500))
    async with async_session(pkg, server) as session:
        with pytest.raises(pkg.SoapFault) as raised:
            await s86.AsyncFileManagerAgent(session).read_file(1)
    assert raised.value.code == "a:ActionNotSupported"


def test_an_html_error_page_with_http_500_raises_http_status_error(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(HTML_500, status=500, content_type="text/html; charset=utf-8"))
    with sync_session(pkg, server) as session, pytest.raises(pkg.HTTPStatusError) as raised:
        s88.ErpSyncAgent(session).get_connection(42)
    assert raised.value.status_code == 500
    assert "Server Error" in raised.value.body
    assert not isinstance(raised.value, pkg.SoapFault)


async def test_an_html_error_page_reaches_the_async_agent_as_http_status_error(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(HTML_500, status=503, content_type="text/html"))
    async with async_session(pkg, server) as session:
        with pytest.raises(pkg.HTTPStatusError) as raised:
            await s88.AsyncErpSyncAgent(session).get_connection(42)
    assert raised.value.status_code == 503


def test_a_closed_port_raises_transport_error(pkg: ModuleType) -> None:
    s88 = version("services88")
    probe = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = probe.server_address[1]
    probe.server_close()  # nothing listens there any more
    with pkg.SoapSession(f"http://127.0.0.1:{port}/x", timeout=5) as session, pytest.raises(pkg.TransportError):
        s88.ErpSyncAgent(session).get_connection(1)


# -- reply headers -----------------------------------------------------------------------------------------


EXTRA = """
<ExceptionInfo i:nil="true"/>
<ExtraInfo>
  <ExtraInfoNameValuePair><Key>Trace</Key><Value>abc-123</Value></ExtraInfoNameValuePair>
  <ExtraInfoNameValuePair><Key>Empty</Key><Value i:nil="true"/></ExtraInfoNameValuePair>
</ExtraInfo>
<Succeeded>true</Succeeded>
<TimeZone><SoTimeZoneId>9</SoTimeZoneId><SoTimeZoneLocationCode>Europe/Oslo</SoTimeZoneLocationCode></TimeZone>
"""


def test_extra_info_and_the_time_zone_of_the_reply_are_available_through_capture_replies(
    pkg: ModuleType, server: SoapServer
) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope(CONNECTION, EXTRA)), Canned(envelope("<DeleteConnectionResponse/>", SUCCEEDED)))
    with sync_session(pkg, server) as session, pkg.capture_replies() as replies:
        agent = s88.ErpSyncAgent(session)
        check_connection(agent.get_connection(42))
        agent.delete_connection(42)
    first, second = replies
    assert first.operation == "GetConnection" and first.status_code == 200
    assert first.succeeded is True
    assert first.extra_info == {"Trace": "abc-123", "Empty": None}
    assert (first.time_zone.so_time_zone_id, first.time_zone.so_time_zone_location_code) == (9, "Europe/Oslo")
    assert (second.operation, second.succeeded, second.extra_info) == ("DeleteConnection", True, {})


async def test_capture_replies_works_in_an_asyncio_task(pkg: ModuleType, server: SoapServer) -> None:
    s86 = version("services86")
    server.answer(Canned(envelope(WEBHOOK, EXTRA, NS86)))
    async with async_session(pkg, server) as session:
        with pkg.capture_replies() as replies:
            check_webhook(await s86.AsyncWebhookAgent(session).get_webhook(12))
    (reply,) = replies
    assert reply.extra_info == {"Trace": "abc-123", "Empty": None}


def test_a_service_error_and_a_fault_are_captured_too(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope("<GetConnectionResponse/>", exception_info())), Canned(FAULT, status=500))
    with sync_session(pkg, server) as session, pkg.capture_replies() as replies:
        agent = s88.ErpSyncAgent(session)
        with pytest.raises(pkg.ServiceError):
            agent.get_connection(42)
        with pytest.raises(pkg.SoapFault):
            agent.get_connection(42)
    assert [(r.succeeded, r.extra_info, r.status_code) for r in replies] == [
        (False, {"RequestId": "r-1"}, 200), (None, {}, 500),
    ]


def echo_connection_id(recorded: Recorded) -> Canned:
    """A reply whose ExtraInfo and ErpConnectionId say which request it answers."""
    asked = request_xml(recorded).findtext(f".//{{{NS88}}}ErpConnectionId")
    header = f"<ExtraInfo><ExtraInfoNameValuePair><Key>Asked</Key><Value>{asked}</Value></ExtraInfoNameValuePair></ExtraInfo>"
    body = CONNECTION.replace("<ErpConnectionId>42</ErpConnectionId>", f"<ErpConnectionId>{asked}</ErpConnectionId>")
    return Canned(envelope(body, header))


async def test_concurrent_tasks_each_capture_their_own_replies(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(respond=echo_connection_id)

    async def call(agent: Any, number: int) -> tuple[int, list[Any]]:
        with pkg.capture_replies() as replies:
            connection = await agent.get_connection(number)
        return connection.erp_connection_id, replies

    async with async_session(pkg, server) as session:
        agent = s88.AsyncErpSyncAgent(session)
        results = await asyncio.gather(*(call(agent, number) for number in range(1, 9)))
    for number, (got, replies) in zip(range(1, 9), results):
        assert got == number
        assert [r.extra_info for r in replies] == [{"Asked": str(number)}]
    assert len(server.requests) == 8


def test_one_sync_session_serves_several_threads(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(respond=echo_connection_id)
    with sync_session(pkg, server) as session:
        agent = s88.ErpSyncAgent(session)

        def call(number: int) -> tuple[int, dict[str, Any]]:
            with pkg.capture_replies() as replies:
                connection = agent.get_connection(number)
            return connection.erp_connection_id, replies[0].extra_info

        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(call, range(1, 13)))
    assert results == [(number, {"Asked": str(number)}) for number in range(1, 13)]


def test_an_html_login_page_with_http_200_raises_protocol_error(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(b"<html><body>Please log in</body></html>", content_type="text/html"))
    with sync_session(pkg, server) as session, pytest.raises(pkg.ProtocolError):
        s88.ErpSyncAgent(session).get_connection(42)


def test_an_empty_401_raises_http_status_error(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(b"", status=401, content_type="text/plain"))
    with sync_session(pkg, server) as session, pytest.raises(pkg.HTTPStatusError) as raised:
        s88.ErpSyncAgent(session).get_connection(42)
    assert raised.value.status_code == 401


def test_a_reply_larger_than_max_reply_bytes_raises_transport_error(pkg: ModuleType, server: SoapServer) -> None:
    s88 = version("services88")
    server.answer(Canned(envelope(CONNECTION, SUCCEEDED)))
    with sync_session(pkg, server, max_reply_bytes=200) as session, pytest.raises(pkg.TransportError) as raised:
        s88.ErpSyncAgent(session).get_connection(42)
    assert "max_reply_bytes" in str(raised.value)


async def test_the_async_session_enforces_max_reply_bytes_too(pkg: ModuleType, server: SoapServer) -> None:
    s86 = version("services86")
    server.answer(Canned(envelope(WEBHOOK, SUCCEEDED, NS86)))
    async with async_session(pkg, server, max_reply_bytes=200) as session:
        with pytest.raises(pkg.TransportError):
            await s86.AsyncWebhookAgent(session).get_webhook(12)
