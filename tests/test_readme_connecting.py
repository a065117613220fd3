"""The README's "Connecting" snippets run as they are, against the fake login of
tests/fake_login.py and the generated SOAP and WebAPI fakes on 127.0.0.1.

The mechanism: each snippet reads its inputs from ``SO_*`` environment variables; the test sets
them to the fakes' URLs and keys (the private key goes in a file), and makes
``webbrowser.open`` play the user signing in (it follows the authorize URL's redirect)."""

from __future__ import annotations

import importlib
import re
import urllib.parse
import webbrowser
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

from conftest import PACKAGE, ROOT, Generated
from fake_login import SYSTEM_USER_PATH, TOKEN_PATH, FakeLogin, new_key

PASSWORD = "SECRET-README-PASSWORD"


def snippet(name: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- connecting: {name} -->\s*```python\n(.*?)```", text, re.S)
    assert found, f"README.md has no fenced snippet after <!-- connecting: {name} -->"
    return found.group(1).replace("superoffice_services", PACKAGE)


def run(name: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": f"readme_{name}"}
    exec(compile(snippet(name), f"README.md:{name}", "exec"), namespace)
    return namespace


@pytest.fixture
def soap(generated: Generated) -> Iterator[tuple[Any, str]]:
    fake = importlib.import_module(f"{PACKAGE}.services88.testing").fake()
    with fake.serve() as server:
        yield fake, server.url


@pytest.fixture
def login(soap: tuple[Any, str]) -> Iterator[FakeLogin]:
    fake = FakeLogin(new_key().public_key())
    fake.states["Cust12345"] = {
        "ContextIdentifier": "Cust12345",
        "Endpoint": soap[1],
        "State": "Running",
        "IsRunning": True,
    }
    yield fake
    fake.close()


def connectors(fake: Any) -> list[Any]:
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    return fake.calls_to(v88.ErpSyncAgent.get_all_connectors)


def test_system_user(
    soap: tuple[Any, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key = new_key()
    login = FakeLogin(key.public_key())
    login.states["Cust12345"] = {"Endpoint": soap[1], "State": "Running", "IsRunning": True}
    try:
        key_file = tmp_path / "app.pem"
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        monkeypatch.setenv("SO_ENVIRONMENT", login.url)
        monkeypatch.setenv("SO_CONTEXT_IDENTIFIER", "Cust12345")
        monkeypatch.setenv("SO_PRIVATE_KEY_FILE", str(key_file))
        monkeypatch.setenv("SO_SYSTEM_USER_TOKEN", "My App-SECRETSYSTEMTOKEN")
        monkeypatch.setenv("SO_CLIENT_SECRET", "SECRET-CLIENT")
        found = run("system-user")
    finally:
        login.close()
    assert found["connectors"] is not None and len(connectors(soap[0])) == 1
    assert login.counts[SYSTEM_USER_PATH] == 1 and login.counts["/api/state/Cust12345"] == 1


def test_oidc(soap: tuple[Any, str], login: FakeLogin, monkeypatch: pytest.MonkeyPatch) -> None:
    def sign_in(url: str, *args: Any, **kwargs: Any) -> bool:  # the user, in the browser
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        back = {"code": "the-code", "state": query["state"]}
        httpx.get(f"{query['redirect_uri']}?{urllib.parse.urlencode(back)}")
        return True

    monkeypatch.setattr(webbrowser, "open", sign_in)
    monkeypatch.setenv("SO_ENVIRONMENT", login.url)
    monkeypatch.setenv("SO_CLIENT_ID", login.client_id)
    monkeypatch.setenv("SO_CLIENT_SECRET", "SECRET-CLIENT")
    found = run("oidc")
    assert found["credentials"].claims.ctx == "Cust12345"
    assert found["connectors"] is not None and len(connectors(soap[0])) == 1
    assert login.counts[TOKEN_PATH] == 1


def test_onsite(soap: tuple[Any, str], monkeypatch: pytest.MonkeyPatch) -> None:
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    result = importlib.import_module(f"{PACKAGE}.services88.so_principal").AuthenticateResult
    fake, url = soap
    fake.reply(
        v88.SoPrincipalAgent.authenticate_username_password,
        result(None, v88.SoCredentials(ticket="7T:SECRET-README"), True),
    )
    rest = importlib.import_module(f"{PACKAGE}.webapi.testing").fake()
    with rest.serve() as api:
        monkeypatch.setenv("SO_NETSERVER_URL", url)
        monkeypatch.setenv("SO_WEBAPI_URL", api.url)
        monkeypatch.setenv("SO_USER", "jdoe")
        monkeypatch.setenv("SO_PASSWORD", PASSWORD)
        found = run("onsite")
    assert found["connectors"] is not None and found["connection"] is not None
    (call,) = fake.calls_to(v88.SoPrincipalAgent.authenticate_username_password)
    assert call.arguments == {"user_name": "jdoe", "password": PASSWORD}
    assert PASSWORD not in repr(found["credentials"])
    assert rest.rejected == [] and fake.rejected == []
