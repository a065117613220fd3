"""The generated WebAPI agents against a real HTTP server on 127.0.0.1, sync and async.

The SOAP tests' ``ThreadingHTTPServer`` (tests/test_loopback_server.py) records every request
it gets (method, path and query, headers, body) and answers with JSON written here by hand, the way the WebAPI answers (the dates as the
docs' samples write them: an offset and 7 fractional digits), or with an error: SuperOffice's
JSON error body, an HTML page, the wrong content type. Every test runs once through the sync
agent on a ``WebApiSession`` and once through the asyncio agent on an ``AsyncWebApiSession``.
"""

from __future__ import annotations

import asyncio
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import PACKAGE, Generated
from test_loopback_server import Canned, SoapServer, server  # noqa: F401 (the fixture: one server per module)

JSON = "application/json; charset=utf-8"
TICKET = "7T:dGhlIHRpY2tldA=="
TOKEN = "app-token-42"
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))


# -- the server: the one the SOAP tests use, answering JSON here ----------------------------------


def reply(value: Any, status: int = 200) -> Canned:
    return Canned(json.dumps(value).encode("utf-8"), status, JSON)


@dataclass(frozen=True)
class Seen:
    """The last request the server got, its path and query string apart."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # names in lower case
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def last(server: SoapServer) -> Seen:
    with server.lock:
        recorded = server.requests[-1]
    url = urlsplit(recorded.path)
    return Seen(recorded.method, url.path, parse_qs(url.query, keep_blank_values=True), recorded.headers, recorded.body)


@pytest.fixture(scope="module")
def webapi(generated: Generated) -> Any:
    return importlib.import_module(f"{PACKAGE}.webapi")


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest, webapi: Any, server: SoapServer) -> Callable[..., Any]:
    """call(agent, method, *args, session={...}, **keywords): one call through a new session,
    by the sync agent or by the asyncio agent (in a loop of its own)."""

    def sync(agent: str, method: str, *args: Any, session: dict[str, Any] | None = None, **keywords: Any) -> Any:
        with webapi.WebApiSession(server.base_url, **(session if session is not None else {"ticket": TICKET})) as opened:
            return getattr(getattr(webapi, agent)(opened), method)(*args, **keywords)

    def asynchronous(agent: str, method: str, *args: Any, session: dict[str, Any] | None = None, **keywords: Any) -> Any:
        async def run() -> Any:
            async with webapi.AsyncWebApiSession(server.base_url, **(session if session is not None else {"ticket": TICKET})) as opened:
                return await getattr(getattr(webapi, f"Async{agent}")(opened), method)(*args, **keywords)

        return asyncio.run(run())

    return sync if request.param == "sync" else asynchronous


# -- replies, written by hand ---------------------------------------------------------------------

APPOINTMENT = {
    "AppointmentId": 935,
    "Description": "Exclusive 3rd generation encryption",
    "StartDate": "2001-10-29T14:19:02.5474011+01:00",
    "EndDate": "2011-07-23T14:19:02.54+02:00",
    "CreatedDate": "2020-11-23T13:19:02.1234567Z",
    "UpdatedDate": "1995-11-11T14:19:02+01:00",
    "Private": "PrivateGroup",
    "Type": "BookingForChecklist",
    "Associate": None,
    "AlarmLeadTime": "00:15:00",
    "LagTime": "1.02:30:00.5000000",
    "HasAlarm": True,
    "Links": [{"EntityName": "sale", "Id": 46, "Description": "Front-line", "ExtraInfo": "", "LinkId": 566}],
    "UserDefinedFields": {"SuperOffice:1": "False"},
    "NotInTheDocs": "a newer server's property",
}

CONNECTION = {
    "TableRight": {"Mask": "Select, Update, Delete", "Reason": ""},
    "FieldProperties": None,
    "ErpConnectionId": 42,
    "ErpConnectorId": 7,
    "DisplayName": "SAP & Co \u00e6\u00f8\u00e5",
    "DisplayDescription": None,
    "Active": True,
    "ConnectionId": "c-42",
    "MostRecentTimestamp": "2024-05-01T10:00:00",
    "ConfigFields": {"url": "https://erp.example/?a=1&b=2", "user": None},
    "Deleted": False,
    "AllAccess": False,
    "UserGroupAccessIds": [1, 2, 30],
    "AssociateAccessIds": [],
}

ERROR = {
    "Error": "Unable to find appointment 935",
    "ErrorType": "SoServerException",
    "ErrorMessage": "The appointment 935 does not exist or you do not have access to it",
    "ErrorSource": "SuperOffice.CRM.Services.Implementation.AppointmentAgent",
}


# -- what the server sees -------------------------------------------------------------------------


def test_a_call_is_a_post_to_the_agent_method_under_the_tenant_with_ids_and_select_in_the_query(call: Any, server: SoapServer) -> None:
    server.answer(reply(APPOINTMENT))
    call("AppointmentAgent", "get_appointment_entity", 935, select=["Description", "StartDate"])
    seen = last(server)
    assert seen.method == "POST"
    assert seen.path == "/Cust12345/api/v1/Agents/Appointment/GetAppointmentEntity"
    assert seen.query == {"appointmentEntityId": ["935"], "$select": ["Description,StartDate"]}
    assert seen.body == b""
    assert "content-type" not in seen.headers  # no body, no content type
    assert seen.headers["accept"].startswith("application/json")


def test_a_select_given_as_text_is_sent_as_it_is(call: Any, server: SoapServer) -> None:
    server.answer(reply(APPOINTMENT))
    call("AppointmentAgent", "get_appointment_entity", 7, select="name,department,category/id")
    assert last(server).query == {"appointmentEntityId": ["7"], "$select": ["name,department,category/id"]}


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        ({"bearer_token": "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"}, "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"),
        ({"ticket": TICKET}, f"SOTicket {TICKET}"),
        ({"basic": ("tje0", "Tje0")}, "Basic dGplMDpUamUw"),  # the docs' samples send this one
    ],
    ids=["Bearer", "SOTicket", "Basic"],
)
def test_authorization_in_the_three_schemes_the_docs_name_and_the_app_token(
    call: Any, server: SoapServer, session: dict[str, Any], expected: str
) -> None:
    server.answer(reply(APPOINTMENT))
    call("AppointmentAgent", "get_appointment_entity", 1, session={**session, "application_token": TOKEN})
    assert last(server).headers["authorization"] == expected
    assert last(server).headers["so-apptoken"] == TOKEN


def test_without_credentials_or_options_no_such_header_is_sent(call: Any, server: SoapServer) -> None:
    server.answer(reply(APPOINTMENT))
    call("AppointmentAgent", "get_appointment_entity", 1, session={})
    for name in ("authorization", "so-apptoken", "so-language", "so-culture", "so-timezone"):
        assert name not in last(server).headers


def test_per_call_options_override_the_session_defaults_header_by_header(call: Any, server: SoapServer, webapi: Any) -> None:
    defaults = webapi.CallOptions(language="en", culture="en", time_zone="UTC", accept_language="en-US")
    session = {"ticket": TICKET, "options": defaults}
    server.answer(reply(APPOINTMENT))
    call("AppointmentAgent", "get_appointment_entity", 1, session=session,
         options=webapi.CallOptions(language="sv", time_zone="CET", accept_language="nb"))
    headers = last(server).headers
    assert (headers["so-language"], headers["so-culture"], headers["so-timezone"], headers["accept-language"]) == ("sv", "en", "CET", "nb")
    call("AppointmentAgent", "get_appointment_entity", 1, session=session)
    headers = last(server).headers
    assert (headers["so-language"], headers["so-culture"], headers["so-timezone"], headers["accept-language"]) == ("en", "en", "UTC", "en-US")


def test_a_body_is_json_with_pascal_case_names_and_its_content_type(call: Any, server: SoapServer, webapi: Any) -> None:
    types = importlib.import_module(f"{PACKAGE}.services88")
    server.answer(reply(CONNECTION))
    connection = types.ErpConnection(
        display_name="SAP & Co \u00e6\u00f8\u00e5", active=True, config_fields={"url": "https://erp.example/?a=1&b=2"},
        user_group_access_ids=[1, 2],
    )
    call("ErpSyncAgent", "save_connection", connection)
    seen = last(server)
    assert seen.path == "/Cust12345/api/v1/Agents/ErpSync/SaveConnection"
    assert seen.query == {}
    assert seen.headers["content-type"] == JSON
    # Written by hand from the WSDL's ErpConnection: None of a nillable (reference) type is
    # null, None of an int or bool is left out (Json.NET would not read null into them).
    assert seen.json() == {
        "Connection": {
            "TableRight": None,
            "FieldProperties": None,
            "DisplayName": "SAP & Co \u00e6\u00f8\u00e5",
            "DisplayDescription": None,
            "Active": True,
            "ConnectionId": None,
            "MostRecentTimestamp": None,
            "ConfigFields": {"url": "https://erp.example/?a=1&b=2"},
            "UserGroupAccessIds": [1, 2],
            "AssociateAccessIds": None,
        }
    }


def test_a_body_of_one_array_is_the_json_array(call: Any, server: SoapServer) -> None:
    server.answer(reply([{"CountryId": 47, "Name": "Norway"}]))
    countries = call("ListAgent", "get_country_list", [47, 46])
    assert last(server).path == "/Cust12345/api/v1/Agents/List/GetCountryList"
    assert last(server).json() == [47, 46]
    assert last(server).headers["content-type"] == JSON
    assert [(c.country_id, c.name) for c in countries] == [(47, "Norway")]


# -- what the client makes of the reply -----------------------------------------------------------


def test_a_reply_becomes_the_typed_value_with_aware_dates_and_timespans(call: Any, server: SoapServer) -> None:
    server.answer(reply(APPOINTMENT))
    entity = call("AppointmentAgent", "get_appointment_entity", 935)
    assert type(entity).__name__ == "AppointmentEntity"
    assert (entity.appointment_id, entity.description, entity.associate) == (935, "Exclusive 3rd generation encryption", None)
    assert entity.start_date == datetime(2001, 10, 29, 14, 19, 2, 547401, tzinfo=CET)  # the 7th digit is below Python's microsecond
    assert entity.start_date.utcoffset() == timedelta(hours=1)
    assert entity.end_date == datetime(2011, 7, 23, 14, 19, 2, 540000, tzinfo=CEST)
    assert entity.created_date == datetime(2020, 11, 23, 13, 19, 2, 123456, tzinfo=timezone.utc)
    assert entity.updated_date == datetime(1995, 11, 11, 14, 19, 2, tzinfo=CET)
    assert (entity.alarm_lead_time, entity.lag_time) == (timedelta(minutes=15), timedelta(days=1, hours=2, minutes=30, seconds=0.5))
    assert str(entity.private) == "PrivateGroup" and str(entity.type_) == "BookingForChecklist"
    assert [(link.entity_name, link.id, link.link_id) for link in entity.links] == [("sale", 46, 566)]
    assert entity.user_defined_fields == {"SuperOffice:1": "False"}


def test_a_json_array_reply_is_a_list_of_the_typed_values(call: Any, server: SoapServer) -> None:
    server.answer(reply([CONNECTION, {**CONNECTION, "ErpConnectionId": 43, "TableRight": None}]))
    connections = call("ErpSyncAgent", "get_all_connections", True)
    assert last(server).json() == {"IncludeDeleted": True}
    assert [c.erp_connection_id for c in connections] == [42, 43]
    first = connections[0]
    assert (first.display_name, first.active, first.config_fields) == ("SAP & Co \u00e6\u00f8\u00e5", True, {"url": "https://erp.example/?a=1&b=2", "user": None})
    rights = type(first.table_right.mask)
    assert first.table_right.mask == rights.SELECT | rights.UPDATE | rights.DELETE  # "Select, Update, Delete"
    assert connections[1].table_right is None


def test_204_no_content_gives_none(call: Any, server: SoapServer) -> None:
    server.answer(Canned(b"", 204, JSON))
    assert call("ErpSyncAgent", "delete_connection", 42) is None
    assert last(server).json() == {"ErpConnectionId": 42}


def test_200_with_a_json_null_gives_none(call: Any, server: SoapServer) -> None:
    server.answer(Canned(b"null", 200, JSON))
    assert call("ErpSyncAgent", "get_connection", 42) is None


@pytest.mark.parametrize("status", [400, 401, 404, 500])
def test_a_json_error_reply_raises_web_api_error_with_superoffice_fields(call: Any, server: SoapServer, webapi: Any, status: int) -> None:
    package = importlib.import_module(PACKAGE)
    server.answer(reply(ERROR, status))
    with pytest.raises(webapi.WebApiError) as raised:
        call("AppointmentAgent", "get_appointment_entity", 935)
    error = raised.value
    assert isinstance(error, package.HTTPStatusError) and isinstance(error, package.SuperOfficeError)
    assert error.status_code == status
    assert (error.error, error.error_type, error.error_message, error.error_source) == (
        ERROR["Error"], ERROR["ErrorType"], ERROR["ErrorMessage"], ERROR["ErrorSource"],
    )
    assert ERROR["ErrorMessage"] in str(error) and "SoServerException" in str(error)
    assert TICKET not in str(error)


def test_an_html_500_raises_http_status_error_not_web_api_error(call: Any, server: SoapServer, webapi: Any) -> None:
    package = importlib.import_module(PACKAGE)
    server.answer(Canned(b"<html><body>Internal Server Error</body></html>", 500, "text/html"))
    with pytest.raises(package.HTTPStatusError) as raised:
        call("AppointmentAgent", "get_appointment_entity", 935)
    assert not isinstance(raised.value, webapi.WebApiError)
    assert raised.value.status_code == 500
    assert "Internal Server Error" in raised.value.body


def test_a_reply_with_the_wrong_content_type_raises_protocol_error(call: Any, server: SoapServer) -> None:
    package = importlib.import_module(PACKAGE)
    server.answer(Canned(b"<html><body>Please log in</body></html>", 200, "text/html; charset=utf-8"))
    with pytest.raises(package.ProtocolError):
        call("AppointmentAgent", "get_appointment_entity", 935)


def test_a_reply_that_does_not_fit_the_type_raises_protocol_error(call: Any, server: SoapServer) -> None:
    package = importlib.import_module(PACKAGE)
    server.answer(reply({"AppointmentId": "not a number"}))
    with pytest.raises(package.ProtocolError, match="AppointmentId"):
        call("AppointmentAgent", "get_appointment_entity", 935)
