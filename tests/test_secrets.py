"""Tickets, application tokens, bearer tokens and passwords never show in what a program prints
about a failure: exception messages, reprs of sessions, agents and errors, or the logs. (These use
in-process mock transports; tests/test_faults.py sweeps the same secrets through every fault of a
real misbehaving server, stdout, stderr and warnings included.)"""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
import pytest

from conftest import Generated

TICKET = "7T:SECRET-TICKET-0451=="
APP_TOKEN = "SECRET-APPTOKEN-1234"
BEARER = "SECRET-BEARER-ey.J0"
PASSWORD = "SECRET-PASSWORD-pw"
SECRETS = (TICKET, APP_TOKEN, BEARER, PASSWORD)

SOAP_FAULT = (
    b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>'
    b"<faultcode>s:Client</faultcode><faultstring>bad ticket</faultstring></s:Fault></s:Body></s:Envelope>"
)
FAILED = (
    b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>'
    b'<Succeeded xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">false</Succeeded>'
    b'<ExceptionInfo xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88"><Message>no access</Message>'
    b"<ExceptionType>SoSecurityException</ExceptionType></ExceptionInfo></s:Header><s:Body/></s:Envelope>"
)

Reply = Callable[[httpx.Request], httpx.Response]

REPLIES: dict[str, Reply] = {
    "html 500": lambda request: httpx.Response(500, headers={"content-type": "text/html"}, content=b"<html>oops</html>"),
    "soap fault": lambda request: httpx.Response(500, headers={"content-type": "text/xml"}, content=SOAP_FAULT),
    "service error": lambda request: httpx.Response(200, headers={"content-type": "text/xml"}, content=FAILED),
    "json error": lambda request: httpx.Response(401, json={"Error": "x", "ErrorType": "Auth", "ErrorMessage": "denied"}),
    "not xml": lambda request: httpx.Response(200, headers={"content-type": "text/xml"}, content=b"<truncated"),
    "wrong type": lambda request: httpx.Response(200, headers={"content-type": "text/plain"}, content=b"hello"),
    "empty": lambda request: httpx.Response(200, headers={"content-type": "text/xml"}, content=b""),
}


def refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def everything_printed(error: BaseException, *objects: object) -> str:
    parts = [str(error), repr(error), *(repr(o) for o in objects), *(str(a) for a in error.args)]
    cause = error.__cause__ or error.__context__
    if cause is not None and not getattr(error, "__suppress_context__", False):
        parts += [str(cause), repr(cause)]
    return "\n".join(parts)


@pytest.mark.parametrize("reply", [*REPLIES.values(), refuse], ids=[*REPLIES, "connection refused"])
def test_soap_failures_never_show_the_ticket_or_the_application_token(
    generated: Generated, reply: Reply, caplog: pytest.LogCaptureFixture
) -> None:
    from superoffice_services import SoapSession, SuperOfficeError
    from superoffice_services.services88 import ErpConnection, ErpSyncAgent

    caplog.set_level(logging.DEBUG)
    session = SoapSession(
        "https://crm.example/Cust1", ticket=TICKET, application_token=APP_TOKEN,
        client=httpx.Client(transport=httpx.MockTransport(reply)),
    )
    agent = ErpSyncAgent(session)
    with pytest.raises(SuperOfficeError) as caught:
        agent.save_connection(ErpConnection(display_name="x"))
    printed = everything_printed(caught.value, session, agent, session.credentials) + caplog.text
    assert not [secret for secret in SECRETS if secret in printed], printed


@pytest.mark.parametrize("reply", [*REPLIES.values(), refuse], ids=[*REPLIES, "connection refused"])
@pytest.mark.parametrize("auth", ["bearer", "ticket", "basic"])
def test_webapi_failures_never_show_the_authorization(
    generated: Generated, reply: Reply, auth: str, caplog: pytest.LogCaptureFixture
) -> None:
    from superoffice_services import SuperOfficeError
    from superoffice_services.webapi import ErpSyncAgent, WebApiSession

    caplog.set_level(logging.DEBUG)
    credentials = {"bearer": {"bearer_token": BEARER}, "ticket": {"ticket": TICKET}, "basic": {"basic": ("user", PASSWORD)}}[auth]
    session = WebApiSession(
        "https://crm.example/Cust1", application_token=APP_TOKEN, client=httpx.Client(transport=httpx.MockTransport(reply)),
        **credentials,  # type: ignore[arg-type]
    )
    agent = ErpSyncAgent(session)
    with pytest.raises(SuperOfficeError) as caught:  # an empty 200 too: a value was expected
        agent.get_connection(1)
    printed = everything_printed(caught.value, session, agent) + caplog.text
    assert not [secret for secret in SECRETS if secret in printed], printed
