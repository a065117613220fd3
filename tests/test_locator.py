"""Sessions given ``locator=`` (a TenantLocator) follow the tenant to its new address after a
421 Misdirected Request, sync and async, SOAP and WebAPI: the fake login of tests/fake_login.py
gives the state, the generated fakes on 127.0.0.1 are the tenant's two hosts."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import PACKAGE, Generated
from fake_login import FakeLogin, new_key


@pytest.fixture
def login() -> Iterator[FakeLogin]:
    fake = FakeLogin(new_key().public_key())
    yield fake
    fake.close()


def at(login: FakeLogin, url: str) -> None:
    login.states["Cust12345"] = {"Endpoint": url, "State": "Running", "IsRunning": True}


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_soap_session_follows_a_moved_tenant_after_421(
    generated: Generated, login: FakeLogin, asynchronous: bool
) -> None:
    pkg = importlib.import_module(PACKAGE)
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    testing = importlib.import_module(f"{PACKAGE}.services88.testing")
    old, new = testing.fake(), testing.fake()
    with old.serve() as first, new.serve() as second:
        at(login, first.url)
        locator = pkg.TenantLocator("Cust12345", login.url)

        def moved() -> None:
            old.fail(v88.ErpSyncAgent.get_all_connectors, status=421, body="Misdirected")
            at(login, second.url)

        if asynchronous:

            async def main() -> None:
                async with pkg.AsyncSoapSession(
                    await locator.aendpoint(), ticket="7T:x", locator=locator
                ) as session:
                    agent = v88.AsyncErpSyncAgent(session)
                    await agent.get_all_connectors()
                    moved()
                    await agent.get_all_connectors()
                    await agent.get_all_connectors()

            asyncio.run(main())
        else:
            with pkg.SoapSession(locator.endpoint(), ticket="7T:x", locator=locator) as session:
                agent = v88.ErpSyncAgent(session)
                agent.get_all_connectors()
                moved()
                agent.get_all_connectors()
                agent.get_all_connectors()
                assert session.base_url == second.url.rstrip("/")
    assert len(old.calls_to(v88.ErpSyncAgent.get_all_connectors)) == 2  # one answered 421
    assert len(new.calls_to(v88.ErpSyncAgent.get_all_connectors)) == 2
    assert login.counts["/api/state/Cust12345"] == 2


def test_a_webapi_session_follows_a_moved_tenant_after_421(
    generated: Generated, login: FakeLogin
) -> None:
    pkg = importlib.import_module(PACKAGE)
    webapi = importlib.import_module(f"{PACKAGE}.webapi")
    testing = importlib.import_module(f"{PACKAGE}.webapi.testing")
    old, new = testing.fake(), testing.fake()
    with old.serve() as first, new.serve() as second:
        at(login, first.url)
        locator = pkg.TenantLocator("Cust12345", login.url)
        with webapi.WebApiSession(locator.endpoint(), ticket="7T:x", locator=locator) as session:
            agent = webapi.ErpSyncAgent(session)
            agent.get_connection(1)
            old.fail(webapi.ErpSyncAgent.get_connection, status=421, body="Misdirected")
            at(login, second.url)
            agent.get_connection(1)
    assert len(old.calls_to(webapi.ErpSyncAgent.get_connection)) == 2
    assert len(new.calls_to(webapi.ErpSyncAgent.get_connection)) == 1


def test_without_a_locator_a_421_is_the_calls_error(generated: Generated) -> None:
    pkg = importlib.import_module(PACKAGE)
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    fake = importlib.import_module(f"{PACKAGE}.services88.testing").fake()
    fake.fail(v88.ErpSyncAgent.get_all_connectors, status=421, body="Misdirected")
    with fake.session(ticket="7T:x") as session:
        with pytest.raises(pkg.HTTPStatusError) as caught:
            v88.ErpSyncAgent(session).get_all_connectors()
    assert caught.value.status_code == 421
