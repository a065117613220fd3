"""The generated test doubles (``servicesNN.testing``, ``webapi.testing``, the pytest plugin).

What a call against a double returns is checked against the docs read here, independently of
the double's shipped data: the operation page's documented response, read by the operation's
own ``read_reply`` (tests/test_examples_roundtrip.py shows those reads equal the documented
bodies up to the docs' artefacts), and the WebAPI pages' sample responses cut out by
tests/webapi_cases.py. Schema rejections are checked against the WSDL's schema built here with
plain lxml (tests/test_schema_validation.py's reader). The calls go through the real generated
agents: in process (the double's httpx transport) and through the loopback server.
"""

from __future__ import annotations

import asyncio
import importlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from lxml import etree

import soap_cases
from conftest import ALL_VERSIONS, PACKAGE, ROOT, Generated
from soap_cases import Case, body_child, example_bytes, values_without_a_place
from test_schema_validation import read_wsdl
from webapi_cases import endpoint_files, generated_methods, read_sample_page

SHOWN = 30


def doubles_of(version: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.{version.lower()}.testing")


def runtime(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}._runtime.{name}")


def documented(case: Case) -> tuple[list[Any], Any] | None:
    """The documented request's arguments and the documented response's value; None where
    the documented request holds a value the client must refuse to send (see soap_cases)."""
    assert case.page.request is not None and case.page.response is not None
    request = example_bytes(case.page.request.text)
    wrapper = body_child(etree.fromstring(request))
    if wrapper is None or values_without_a_place(wrapper):
        return None
    return case.operation.read_request(request), case.operation.read_reply(example_bytes(case.page.response.text))


def call_all(fake: Any, session: Any, cases: list[Case]) -> tuple[list[str], int]:
    """Call each case's agent method with its documented arguments; the problems (the value
    returned is not the documented one, or the double did not record the typed arguments) and
    how many cases were skipped."""
    problems, skipped = [], 0
    for case in cases:
        known = documented(case)
        if known is None:
            skipped += 1
            continue
        args, expected = known
        before = len(fake.calls)
        try:
            result = getattr(case.agent(session), case.method)(*args)
        except Exception as error:  # listed with the operation's name
            problems.append(f"{case.label}: {type(error).__name__}: {str(error)[:300]}")
            continue
        if result != expected:
            problems.append(f"{case.label}: returned {result!r:.200}, the docs say {expected!r:.200}")
        recorded = fake.calls[before:]
        if [(c.service, c.operation, list(c.args)) for c in recorded] != [(case.service, case.name, args)]:
            problems.append(f"{case.label}: recorded {recorded!r:.200}")
    return problems, skipped


def check(label: str, problems: list[str], checked: int, skipped: int) -> None:
    print(f"{label}: {checked} operations called, {skipped} skipped (their documented request cannot be sent)")
    assert skipped <= checked // 50, f"{label}: {skipped} of {checked} skipped"
    assert not problems, f"{label}: {len(problems)} problems:\n" + "\n".join(problems[:SHOWN])


# -- 1. every operation answers with its documented example ---------------------------------------


def test_every_services88_operation_returns_its_documented_reply_in_process_and_through_loopback(
    generated: Generated, corpus: Path
) -> None:
    cases, missing = soap_cases.cases(corpus, "Services88")
    assert not missing, missing[:5]
    fake = doubles_of("Services88").fake()
    with fake, fake.session(ticket="t", application_token="a") as session:
        problems, skipped = call_all(fake, session, cases)
        check("Services88 in process", problems, len(cases), skipped)
        assert fake.rejected == []
        with fake.serve() as server:
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+/Cust00000", server.url)
            session_class = runtime("session").SoapSession
            with session_class(server.url, ticket="t", application_token="a") as loopback:
                problems, skipped = call_all(fake, loopback, cases)
        check("Services88 through 127.0.0.1", problems, len(cases), skipped)


@pytest.mark.parametrize("version", [v for v in ALL_VERSIONS if v != "Services88"])
def test_a_sample_of_each_other_version_returns_the_documented_replies(generated: Generated, corpus: Path, version: str) -> None:
    cases, _ = soap_cases.cases(corpus, version)
    by_service: dict[str, list[Case]] = {}
    for case in cases:
        by_service.setdefault(case.service, []).append(case)
    sample = [case for group in by_service.values() for case in group[::8]]  # every service
    fake = doubles_of(version).fake()
    with fake, fake.session() as session:
        problems, skipped = call_all(fake, session, sample)
        with fake.serve() as server, runtime("session").SoapSession(server.url) as loopback:
            more, _ = call_all(fake, loopback, sample[::10])
    check(f"{version} sample", problems + more, len(sample), skipped)


def test_every_webapi_endpoint_answers_with_its_sample_reply(generated: Generated, corpus: Path) -> None:
    methods = generated_methods()
    fake = importlib.import_module(f"{PACKAGE}.webapi.testing").fake()
    problems: list[str] = []
    pages = [read_sample_page(path) for path in endpoint_files(corpus)]
    decoded = 0
    with fake, fake.session(bearer_token="token") as session:
        for page in pages:
            method = methods[page.name]
            try:  # what the page's sample says, read here
                expected: Any = method.endpoint.read_reply(page.response.body.encode()) if page.response.status != 204 else None
            except Exception as error:  # a sample the faker filled with junk: the client must fail alike
                expected = type(error)
            arguments = [None] * sum(1 for _ in method.endpoint.params)
            try:
                result = getattr(method.agent(session), method.name)(*arguments)
            except Exception as error:  # compared below
                result = type(error)
            decoded += not isinstance(expected, type)
            if result != expected:
                problems.append(f"{page.name}: returned {result!r:.150}, the sample says {expected!r:.150}")
    print(f"{len(pages)} WebAPI endpoints called, {decoded} samples decoded")
    assert decoded > 0.9 * len(pages)
    assert fake.rejected == [] and len(fake.calls) == len(pages)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:SHOWN])


# -- 2. requests that break the schema -------------------------------------------------------------


@pytest.fixture(scope="module")
def erp_schema(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    page = soap_cases.wsdl_pages(corpus, "Services88")["ErpSync"]
    assert page.wsdl is not None
    return read_wsdl(page.wsdl.text, tmp_path_factory.mktemp("wsdl") / "ErpSync")


def erp_operation(name: str) -> Any:
    return soap_cases.generated_operations("Services88")[("ErpSync", name)][0]


def post(fake: Any, operation: Any, content: bytes) -> httpx.Response:
    headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{operation.action}"'}
    with httpx.Client(transport=fake.transport()) as client:
        return client.post(f"{doubles_of('Services88').BASE_URL}/Remote/Services88/ErpSync.svc", content=content, headers=headers)


def connection(v88: Any) -> Any:
    return v88.ErpConnection(display_name="SAP", config_fields={"url": "https://erp.example"})


BROKEN = {  # what -> (operation, arguments, text replaced, replacement, the element the rejection names)
    "a missing required element": ("SaveConnection", connection, b"<Key>url</Key>", b"", "Key"),
    "a wrong type": ("DeleteConnection", lambda _: 7, b"<ErpConnectionId>7</ErpConnectionId>", b"<ErpConnectionId>seven</ErpConnectionId>", "ErpConnectionId"),
    "an unknown element": ("DeleteConnection", lambda _: 7, b"</ErpConnectionId>", b"</ErpConnectionId><Extra>1</Extra>", "Extra"),
}


@pytest.mark.parametrize("what", sorted(BROKEN))
@pytest.mark.parametrize("by_schema", [True, False], ids=["xsd", "typed-decoding"])
def test_a_request_that_breaks_the_schema_is_rejected_naming_the_element(
    generated: Generated, erp_schema: Any, what: str, by_schema: bool
) -> None:
    """With the WSDL's schema, and by strict decoding (what a version without WSDL gets)."""
    name, argument, old, new, element = BROKEN[what]
    operation = erp_operation(name)
    good = operation.build_request([argument(importlib.import_module(f"{PACKAGE}.services88"))], runtime("soap").Credentials(ticket="t"))
    assert old in good
    bad = good.replace(old, new)
    wrapper = body_child(etree.fromstring(bad))
    assert erp_schema.problems(wrapper) and not erp_schema.problems(body_child(etree.fromstring(good)))  # the WSDL agrees
    module = doubles_of("Services88")
    services = {e: (s, m, schema if by_schema else "") for e, (s, m, schema) in module.SERVICES.items()}
    fake = runtime("fake").FakeSoap(module.__name__.rpartition(".")[0], services)
    assert post(fake, operation, good).status_code == 200
    answer = post(fake, operation, bad)
    assert answer.status_code == 500 and b"Fault" in answer.content
    with pytest.raises(runtime("errors").SoapFault) as raised:
        operation.read_reply(answer.content, answer.status_code)
    assert element in str(raised.value) and f"ErpSync.{name}" in str(raised.value), str(raised.value)
    assert len(fake.calls) == 1 and len(fake.rejected) == 1 and element in fake.rejected[0]


def test_a_wrong_soap_action_or_content_type_is_refused(generated: Generated) -> None:
    fake = doubles_of("Services88").fake()
    operation = erp_operation("DeleteConnection")
    content = operation.build_request([7], runtime("soap").Credentials())
    with httpx.Client(transport=fake.transport()) as client:
        url = f"{doubles_of('Services88').BASE_URL}/Remote/Services88/ErpSync.svc"
        wrong_action = client.post(url, content=content, headers={"Content-Type": "text/xml", "SOAPAction": '"nope"'})
        soap12 = client.post(url, content=content, headers={"Content-Type": "application/soap+xml", "SOAPAction": f'"{operation.action}"'})
        nowhere = client.post(url.replace("ErpSync", "Nowhere"), content=content, headers={"Content-Type": "text/xml"})
    assert wrong_action.status_code == 500 and b"nope" in wrong_action.content
    assert soap12.status_code == 415 and nowhere.status_code == 404
    assert fake.calls == []


def test_a_webapi_request_of_the_wrong_type_is_rejected_naming_the_property(generated: Generated) -> None:
    fake = importlib.import_module(f"{PACKAGE}.webapi.testing").fake()
    with httpx.Client(transport=fake.transport()) as client:
        url = f"{fake.session().base_url}/api/v1/Agents/ErpSync/SaveConnection"
        wrong = client.post(url, json={"Connection": {"ErpConnectionId": "seven"}})
        unknown = client.post(url, json={"Connexion": {}})
    assert wrong.status_code == 400 and "ErpConnectionId" in wrong.json()["ErrorMessage"]
    assert unknown.status_code == 400 and "Connexion" in unknown.json()["ErrorMessage"]
    assert len(fake.rejected) == 2 and fake.calls == []


# -- 3. programmed replies and failures, sync and async ---------------------------------------------


@pytest.fixture
def v88(generated: Generated) -> Any:
    importlib.import_module(f"{PACKAGE}.services88.testing")  # a submodule: loaded on import only
    return importlib.import_module(f"{PACKAGE}.services88")


def test_a_programmed_reply_is_returned_and_the_call_is_recorded_with_typed_values(v88: Any) -> None:
    fake = v88.testing.fake()
    connection = v88.ErpConnection(erp_connection_id=5, display_name="SAP <1>", active=True, config_fields={"a": "b"})
    fake.reply(v88.ErpSyncAgent.save_connection, connection)
    fake.reply("ErpSync.ToggleErpConnectionActive", ["one problem", "another"])
    with fake, fake.session() as session:
        agent = v88.ErpSyncAgent(session)
        sent = v88.ErpConnection(display_name="SAP", user_group_access_ids=[1, 2])
        assert agent.save_connection(sent) == connection
        assert agent.toggle_erp_connection_active(5) == ["one problem", "another"]
        (call,) = fake.calls_to(v88.ErpSyncAgent.save_connection)
        assert call.args == (sent,) and type(call.args[0]) is v88.ErpConnection
        assert call.arguments == {"connection": sent} and call.headers["content-type"].startswith("text/xml")
        fake.reset(v88.ErpSyncAgent.save_connection)
        assert agent.save_connection(sent) != connection  # the documented example again


def test_programmed_failures_raise_the_clients_typed_errors(v88: Any) -> None:
    errors = runtime("errors")
    fake = v88.testing.fake()
    info = v88.types.SoExceptionInfo(message="no rights", exception_type="SoSecurityException", friendly_text="Sorry")
    fake.fail(v88.ErpSyncAgent.delete_connection, exception_info=info)
    fake.fail(v88.ErpSyncAgent.get_connection, "not found")
    fake.fail(v88.ErpSyncAgent.get_all_connectors, status=503, body="maintenance")
    fake.fail(v88.ErpSyncAgent.get_all_connections, fault="bad things")
    with fake, fake.session() as session:
        agent = v88.ErpSyncAgent(session)
        with pytest.raises(errors.ServiceError) as service_error:
            agent.delete_connection(1)
        assert (service_error.value.message, service_error.value.exception_type) == ("no rights", "SoSecurityException")
        with pytest.raises(errors.ServiceError, match="not found"):
            agent.get_connection(1)
        with pytest.raises(errors.HTTPStatusError) as http_error:
            agent.get_all_connectors()
        assert http_error.value.status_code == 503 and "maintenance" in str(http_error.value)
        with pytest.raises(errors.SoapFault, match="bad things"):
            agent.get_all_connections(True)
    assert [c.operation for c in fake.calls] == ["DeleteConnection", "GetConnection", "GetAllConnectors", "GetAllConnections"]


def test_a_programmed_value_of_the_wrong_type_is_a_server_error_that_says_so(v88: Any) -> None:
    fake = v88.testing.fake()
    fake.reply(v88.ErpSyncAgent.get_connection, "not a connection")
    with fake.session() as session, pytest.raises(runtime("errors").SoapFault, match="could not answer.*ErpConnection"):
        v88.ErpSyncAgent(session).get_connection(1)
    with fake.serve() as server, runtime("session").SoapSession(server.url) as loopback:
        with pytest.raises(runtime("errors").SoapFault, match="could not answer"):
            v88.ErpSyncAgent(loopback).get_connection(1)


def test_a_delay_past_the_clients_timeout_is_a_transport_error_through_loopback(v88: Any) -> None:
    fake = v88.testing.fake()
    fake.fail(v88.ErpSyncAgent.get_connection, delay=2.0)
    with fake.serve() as server, runtime("session").SoapSession(server.url, timeout=0.2) as session:
        with pytest.raises(runtime("errors").TransportError, match="timeout"):
            v88.ErpSyncAgent(session).get_connection(1)


async def test_async_overrides_failures_and_delays(v88: Any) -> None:
    errors = runtime("errors")
    fake = v88.testing.fake()
    connection = v88.ErpConnection(erp_connection_id=9, display_name="async")
    fake.reply(v88.AsyncErpSyncAgent.get_connection, connection)  # the async method names the same operation
    fake.fail(v88.ErpSyncAgent.delete_connection, "locked")
    fake.fail(v88.ErpSyncAgent.get_all_connectors, delay=5.0)
    async with fake.async_session() as session:
        agent = v88.AsyncErpSyncAgent(session)
        assert await agent.get_connection(9) == connection
        with pytest.raises(errors.ServiceError, match="locked"):
            await agent.delete_connection(9)
        with pytest.raises(asyncio.TimeoutError):  # the delay sleeps without blocking the loop
            await asyncio.wait_for(agent.get_all_connectors(), 0.1)
    with fake.serve() as server:
        async with runtime("session").AsyncSoapSession(server.url) as loopback:
            assert await v88.AsyncErpSyncAgent(loopback).get_connection(3) == connection
    assert [(c.operation, c.args) for c in fake.calls[:2]] == [("GetConnection", (9,)), ("DeleteConnection", (9,))]
    assert fake.calls[-1].args == (3,)


async def test_webapi_overrides_and_failures_sync_and_async(generated: Generated) -> None:
    importlib.import_module(f"{PACKAGE}.webapi.testing")
    webapi = importlib.import_module(f"{PACKAGE}.webapi")
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    fake = webapi.testing.fake()
    connection = v88.ErpConnection(erp_connection_id=4, display_name="REST")
    fake.reply(webapi.ErpSyncAgent.get_connection, connection)
    fake.fail(webapi.ErpSyncAgent.delete_connection, "gone")
    fake.fail(webapi.ErpSyncAgent.get_all_connectors, status=429)
    with fake.session(bearer_token="x") as session:
        agent = webapi.ErpSyncAgent(session)
        assert agent.get_connection(4) == connection
        with pytest.raises(webapi.WebApiError, match="gone"):
            agent.delete_connection(4)
        with pytest.raises(webapi.WebApiError) as error:
            agent.get_all_connectors()
        assert error.value.status_code == 429
    async with fake.async_session() as async_session:
        assert await webapi.AsyncErpSyncAgent(async_session).get_connection(4) == connection
    with fake.serve() as server, webapi.WebApiSession(server.url) as loopback:
        assert webapi.ErpSyncAgent(loopback).get_connection(4) == connection
    assert [c.args for c in fake.calls_to(webapi.ErpSyncAgent.get_connection)] == [(4,), (4,), (4,)]
    assert fake.calls[0].headers["authorization"] == "Bearer x"


# -- 4. the README's example test runs -------------------------------------------------------------------


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- doubles-example -->\s*```python\n(.*?)```", text, re.S)
    assert found, "README.md has no fenced example after <!-- doubles-example -->"
    return found.group(1)


def test_the_readme_example_test_passes_with_the_pytest_plugin(generated: Generated, tmp_path: Path) -> None:
    (tmp_path / "test_readme_example.py").write_text(readme_example(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", f"{PACKAGE}.pytest_plugin", "-p", "no:cacheprovider", "-p", "no:xdist",
         "-W", "error::pytest.PytestUnraisableExceptionWarning", str(tmp_path)],
        cwd=tmp_path, env={"PYTHONPATH": str(generated.path), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"\b[1-9]\d* passed", result.stdout), result.stdout
