"""OpenID Connect for interactive apps: the authorization code flow with PKCE, the
native-app loopback redirect, id_token validation, and access tokens that refresh themselves.

Where SuperOffice's pages disagree this follows the newest one: an access token lives
``expires_in`` seconds (3600 when the reply does not say; ``default_lifetime`` changes it).
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import secrets
import threading
import time
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx

from .credentials import Credential, CredentialsRejected
from .errors import LoginError
from .login import CLAIM, Login, asend, header_kid, send, validate
from .renewing import Grant, Renewing

__all__ = ["IdTokenClaims", "LoopbackRedirect", "OidcClient", "OidcCredentials", "pkce_pair"]


@dataclass(frozen=True, repr=False)
class IdTokenClaims:
    """The verified claims of an id_token, with SuperOffice's own claims by name."""

    claims: Mapping[str, Any] = field(default_factory=dict)

    def _get(self, name: str) -> str | None:
        value = self.claims.get(CLAIM + name)
        return None if value is None else str(value)

    @property
    def ctx(self) -> str | None:
        return self._get("ctx")

    @property
    def webapi_url(self) -> str | None:
        return self._get("webapi_url")

    @property
    def netserver_url(self) -> str | None:
        return self._get("netserver_url")

    @property
    def associate_id(self) -> int | None:
        value = self._get("associateid")
        return int(value) if value is not None and value.isdigit() else None

    @property
    def email(self) -> str | None:
        return self._get("email")

    @property
    def upn(self) -> str | None:
        return self._get("upn")

    @property
    def serial(self) -> str | None:
        return self._get("serial")

    @property
    def company_name(self) -> str | None:
        return self._get("company_name")

    @property
    def is_administrator(self) -> bool:
        return str(self._get("is_administrator")).lower() == "true"

    @property
    def system_token(self) -> str | None:
        """The system user token, when the app asked for one: a secret."""
        return self._get("system_token")

    def __repr__(self) -> str:  # the system user token is a secret
        return f"IdTokenClaims(ctx={self.ctx!r}, sub={self.claims.get('sub')!r})"


def pkce_pair() -> tuple[str, str]:
    """A PKCE (code_verifier, S256 code_challenge)."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _lifetime(reply: Mapping[str, Any], default: float) -> float:
    value = reply.get("expires_in")
    return (
        float(value) if isinstance(value, (int, float, str)) and str(value).isdigit() else default
    )


class OidcClient:
    """An app registered for OpenID Connect: the authorize URL, the code exchange and id_token
    validation. Endpoints come from the environment's OpenID metadata."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        environment: str = "online",
        *,
        redirect_uri: str | None = None,
        leeway: timedelta = timedelta(seconds=60),
        default_lifetime: timedelta = timedelta(hours=1),
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.client_id = client_id
        self._client_secret = client_secret
        self.environment = environment
        self.redirect_uri = redirect_uri
        self.leeway = leeway
        self.default_lifetime = default_lifetime
        self._login = Login(environment, client, async_client)

    def __repr__(self) -> str:
        return f"OidcClient(client_id={self.client_id!r}, environment={self.environment!r})"

    def authorize_url(
        self,
        *,
        state: str,
        code_challenge: str,
        redirect_uri: str | None = None,
        tenant: str | None = None,
        login_hint: str | None = None,
        nonce: str | None = None,
        response_mode: str | None = None,
    ) -> str:
        """Where to send the user: code flow, scope openid, PKCE S256; ``tenant`` (Cust12345)
        skips the tenant selection (``acr_values``)."""
        query = {
            "client_id": self.client_id,
            "scope": "openid",
            "redirect_uri": redirect_uri or self.redirect_uri or "",
            "state": state,
            "response_type": "code",
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
        optional = {"acr_values": tenant and f"tenant:{tenant}", "login_hint": login_hint}
        optional |= {"nonce": nonce, "response_mode": response_mode}
        query |= {key: value for key, value in optional.items() if value}
        endpoint = self._login.endpoint("authorization_endpoint")
        return f"{endpoint}?{urllib.parse.urlencode(query)}"

    def _hidden(self, *more: str | None) -> list[str]:
        return [self._client_secret, *(value for value in more if value)]

    def _tokens(self, form: dict[str, str]) -> dict[str, Any]:
        reply = send(
            self._login.client,
            "POST",
            self._login.endpoint("token_endpoint"),
            "the token endpoint",
            self._hidden(*form.values()),
            data=form,
            headers={"Accept": "application/json"},
        )
        if not isinstance(reply, dict) or not isinstance(reply.get("access_token"), str):
            raise LoginError("the token endpoint gave no access_token")
        return reply

    async def _atokens(self, form: dict[str, str]) -> dict[str, Any]:
        reply = await asend(
            self._login.async_client,
            "POST",
            await self._login.aendpoint("token_endpoint"),
            "the token endpoint",
            self._hidden(*form.values()),
            data=form,
            headers={"Accept": "application/json"},
        )
        if not isinstance(reply, dict) or not isinstance(reply.get("access_token"), str):
            raise LoginError("the token endpoint gave no access_token")
        return reply

    def _code_form(self, code: str, code_verifier: str, redirect_uri: str | None) -> dict[str, str]:
        return {
            "grant_type": "authorization_code",
            "client_id": self.client_id,
            "client_secret": self._client_secret,
            "code": code,
            "redirect_uri": redirect_uri or self.redirect_uri or "",
            "code_verifier": code_verifier,
        }

    def exchange_code(
        self, code: str, code_verifier: str, *, redirect_uri: str | None = None
    ) -> OidcCredentials:
        """The tokens for an authorization code, the id_token validated."""
        reply = self._tokens(self._code_form(code, code_verifier, redirect_uri))
        return self._credentials(reply, self.validate_id_token(str(reply.get("id_token", ""))))

    async def aexchange_code(
        self, code: str, code_verifier: str, *, redirect_uri: str | None = None
    ) -> OidcCredentials:
        reply = await self._atokens(self._code_form(code, code_verifier, redirect_uri))
        claims = await self.avalidate_id_token(str(reply.get("id_token", "")))
        return self._credentials(reply, claims)

    def _credentials(self, reply: Mapping[str, Any], claims: IdTokenClaims) -> OidcCredentials:
        lifetime = _lifetime(reply, self.default_lifetime.total_seconds())
        return OidcCredentials(
            str(reply["access_token"]),
            refresh if isinstance(refresh := reply.get("refresh_token"), str) else None,
            oidc=self,
            expires_in=lifetime,
            claims=claims,
        )

    def _claims(
        self, id_token: str, jwks: Sequence[Mapping[str, Any]], issuer: str
    ) -> IdTokenClaims:
        return IdTokenClaims(
            validate(
                id_token,
                jwks,
                issuer=issuer,
                audience=self.client_id,
                leeway=self.leeway.total_seconds(),
                what="the id_token",
            )
        )

    def validate_id_token(self, id_token: str) -> IdTokenClaims:
        """The id_token's claims, after checking its signature (JWKS), issuer (the metadata's),
        audience (the client id) and expiry."""
        issuer = self._login.endpoint("issuer")
        return self._claims(id_token, self._login.jwks(header_kid(id_token)), issuer)

    async def avalidate_id_token(self, id_token: str) -> IdTokenClaims:
        issuer = await self._login.aendpoint("issuer")
        jwks = await self._login.ajwks(header_kid(id_token))
        return self._claims(id_token, jwks, issuer)


class OidcCredentials(Renewing):
    """An OpenID Connect access token, refreshed through the token endpoint when it expires
    (``expires_in`` or ``expires_at``, less ``leeway``) or is rejected.

    Sends ``Credential(bearer=access_token, application_token=client_secret)``: WebAPI
    ``Authorization: Bearer``; sessions put it in SOAP Credentials/Ticket (Services86 and later).
    """

    def __init__(
        self,
        access_token: str,
        refresh_token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        environment: str = "online",
        *,
        expires_in: float | None = None,
        expires_at: datetime | None = None,
        oidc: OidcClient | None = None,
        claims: IdTokenClaims | None = None,
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__()
        if oidc is None:
            if client_id is None or client_secret is None:
                raise ValueError("give client_id and client_secret, or oidc=")
            oidc = OidcClient(
                client_id, client_secret, environment, client=client, async_client=async_client
            )
        self._oidc = oidc
        self._refresh_token = refresh_token
        self.claims = claims
        if expires_at is not None:
            expires_in = (expires_at - datetime.now(timezone.utc)).total_seconds()
        if expires_in is None:
            expires_in = oidc.default_lifetime.total_seconds()
        self._grant = self._make(access_token, expires_in)

    def __repr__(self) -> str:
        return (
            f"OidcCredentials(client_id={self._oidc.client_id!r}, "
            f"environment={self._oidc.environment!r})"
        )

    def _make(self, access_token: str, lifetime: float) -> Grant:
        now = time.monotonic()
        credential = Credential(bearer=access_token, application_token=self._oidc._client_secret)
        return Grant(credential, now, now + lifetime - self._oidc.leeway.total_seconds())

    def _form(self) -> dict[str, str]:
        if not self._refresh_token:
            raise CredentialsRejected("the access token expired and there is no refresh token")
        return {
            "grant_type": "refresh_token",
            "client_id": self._oidc.client_id,
            "client_secret": self._oidc._client_secret,
            "refresh_token": self._refresh_token,
        }

    def _take(self, reply: Mapping[str, Any]) -> Grant:
        # The documented refresh reply carries no new refresh token: keep the old one then.
        if isinstance(reply.get("refresh_token"), str):
            self._refresh_token = reply["refresh_token"]
        lifetime = _lifetime(reply, self._oidc.default_lifetime.total_seconds())
        return self._make(str(reply["access_token"]), lifetime)

    def _fetch(self) -> Grant:
        return self._take(self._oidc._tokens(self._form()))

    async def _afetch(self) -> Grant:
        return self._take(await self._oidc._atokens(self._form()))


class LoopbackRedirect:
    """The native-app redirect: a one-shot HTTP server on 127.0.0.1 that takes the
    authorization reply (query or form_post) and answers the browser with ``page``.

    ::

        with LoopbackRedirect() as redirect:
            webbrowser.open(app.authorize_url(..., redirect_uri=redirect.redirect_uri))
            reply = redirect.wait(timeout=300)  # {"code": ..., "state": ...}
    """

    def __init__(
        self, port: int = 0, path: str = "/callback", page: str = "You may close this window."
    ) -> None:
        result: dict[str, str] = {}
        arrived = threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def _take(self, query: str) -> None:
                if urllib.parse.urlsplit(self.path).path != path:
                    self.send_error(404)
                    return
                result.update(urllib.parse.parse_qsl(query))
                body = page.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                arrived.set()

            def do_GET(self) -> None:  # noqa: N802 (http.server's names)
                self._take(urllib.parse.urlsplit(self.path).query)

            def do_POST(self) -> None:  # noqa: N802
                length = min(int(self.headers.get("Content-Length") or 0), 1 << 16)
                self._take(self.rfile.read(length).decode("utf-8", "replace"))

            def log_message(self, format: str, *args: Any) -> None:  # the code is a secret
                pass

        self._server = http.server.HTTPServer(("127.0.0.1", port), Handler)
        self._result, self._arrived = result, arrived
        self.redirect_uri = f"http://127.0.0.1:{self._server.server_address[1]}{path}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> dict[str, str]:
        """The redirect's parameters (``code``, ``state``, or ``error``)."""
        if not self._arrived.wait(timeout):
            raise TimeoutError("no authorization reply reached the loopback redirect")
        return dict(self._result)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LoopbackRedirect:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
