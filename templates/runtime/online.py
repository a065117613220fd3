"""SuperOffice CRM Online: credentials that renew themselves, and tenant discovery.

- ``SystemUserCredentials``: the system user flow (server to server): a signed system user
  token is exchanged at the PartnerSystemUser endpoint for a JWT holding a ticket;
- ``OidcCredentials`` and ``OidcClient``: OpenID Connect (authorization code with PKCE, refresh);
- ``tenant_state``/``TenantLocator``: the tenant status endpoint (``api/state/<ctx>``).

Signing and JWT validation need the ``online`` extra (cryptography and PyJWT); this module
imports without it and says which extra to install when it is used.

Where SuperOffice's pages disagree this follows the newest one: the stage environment is
``qaonline`` (``stage`` is accepted as an older name), an access token lives ``expires_in``
seconds (3600 when the reply does not say; ``default_lifetime`` changes it). Nothing here logs,
and no message or repr shows a key, secret, token or ticket.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import re
import secrets
import threading
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import Enum, IntEnum
from typing import Any

import httpx
from lxml import etree

from .credentials import Credential, CredentialsRejected
from .errors import (
    LoginError,
    LoginUnreachable,
    MissingExtra,
    SystemUserError,
    TenantUnavailable,
    TokenValidationError,
    redact,
    snippet,
)
from .renewing import Grant, Renewing

try:  # the optional extra: checked on use, so that the base install imports this module
    import jwt
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    _HAVE_EXTRA = True
except ImportError:
    _HAVE_EXTRA = False

__all__ = [
    "AuthorizeErrorCode",
    "IdTokenClaims",
    "LoopbackRedirect",
    "OidcClient",
    "OidcCredentials",
    "SystemUserCredentials",
    "TenantLocator",
    "TenantState",
    "TenantStatus",
    "atenant_state",
    "login_base_url",
    "pkce_pair",
    "tenant_state",
]

ENVIRONMENTS = {
    "sod": "https://sod.superoffice.com",
    "qaonline": "https://qaonline.superoffice.com",
    "online": "https://online.superoffice.com",
}
_ALIASES = {"stage": "qaonline", "production": "online", "prod": "online"}  # older pages' names
CLAIM = "http://schemes.superoffice.net/identity/"
SYSTEM_USER_ISSUER = "SuperOffice AS"
_TIMEOUT = 30.0


def _require_extra() -> None:
    if not _HAVE_EXTRA:
        package = __name__.split(".")[0]
        raise MissingExtra(
            "signing and validating SuperOffice Online tokens needs cryptography and PyJWT: "
            f'pip install "{package}[online]"'
        )


def login_base_url(environment: str) -> str:
    """The login host of ``environment`` (sod, qaonline or online), or ``environment`` itself
    when it is a URL (a fake login in tests, a proxy)."""
    if "://" in environment:
        return environment.rstrip("/")
    name = _ALIASES.get(environment.lower(), environment.lower())
    if name not in ENVIRONMENTS:
        raise ValueError(f"unknown environment {environment!r}: sod, qaonline, online or a URL")
    return ENVIRONMENTS[name]


class AuthorizeErrorCode(IntEnum):
    """The login's documented error codes."""

    NO_ERROR = 0
    REVOKED = 1
    INVALID_REDIRECT_URL = 2
    EXPIRED = 3
    DENIED = 4
    NEEDS_REAPPROVAL = 5
    INVALID_TIMESTAMP = 6
    INVALID_SIGNATURE = 7


def _error_code(reply: Mapping[str, Any]) -> AuthorizeErrorCode | None:
    # No reply schema is documented: take an ErrorCode field, else a code named in the message.
    raw = reply.get("ErrorCode")
    if isinstance(raw, int) and raw in AuthorizeErrorCode._value2member_map_:
        return AuthorizeErrorCode(raw)
    text = f"{raw or ''} {reply.get('ErrorMessage') or ''}".lower()
    for code in AuthorizeErrorCode:
        if code and code.name.replace("_", "").lower() in text.replace(" ", ""):
            return code
    return None


# --- HTTP to the login ----------------------------------------------------------------------


def _check(response: httpx.Response, what: str, hidden: list[str]) -> Any:
    if response.status_code >= 400:
        raise redact(
            LoginError(
                f"{what}: HTTP {response.status_code} {response.reason_phrase}: "
                f"{snippet(response.text)}",
                status_code=response.status_code,
            ),
            hidden,
        )
    try:
        return response.json()
    except ValueError:
        raise redact(LoginError(f"{what}: the reply is not JSON: {snippet(response.text)}"), hidden)


def _unreachable(url: str, error: httpx.TransportError) -> LoginUnreachable:
    host = httpx.URL(url).host
    return LoginUnreachable(f"cannot reach the SuperOffice login at {host}: {type(error).__name__}")


def _send(
    client: httpx.Client | None, method: str, url: str, what: str, hidden: list[str], **kw: Any
) -> Any:
    try:
        if client is not None:
            response = client.request(method, url, **kw)
        else:
            with httpx.Client(timeout=_TIMEOUT) as own:
                response = own.request(method, url, **kw)
    except httpx.TransportError as error:
        raise _unreachable(url, error) from None
    return _check(response, what, hidden)


async def _asend(
    client: httpx.AsyncClient | None, method: str, url: str, what: str, hidden: list[str], **kw: Any
) -> Any:
    try:
        if client is not None:
            response = await client.request(method, url, **kw)
        else:
            async with httpx.AsyncClient(timeout=_TIMEOUT) as own:
                response = await own.request(method, url, **kw)
    except httpx.TransportError as error:
        raise _unreachable(url, error) from None
    return _check(response, what, hidden)


class _Login:
    """One login host: its OpenID metadata and JWKS, fetched once (the JWKS again for a key id
    it does not hold: SuperOffice rotates certificates)."""

    def __init__(
        self, environment: str, client: httpx.Client | None, async_client: httpx.AsyncClient | None
    ) -> None:
        self.base = login_base_url(environment)
        self.client = client
        self.async_client = async_client
        self._metadata: dict[str, Any] | None = None
        self._jwks: dict[str, Any] | None = None

    @property
    def metadata_url(self) -> str:
        return f"{self.base}/login/.well-known/openid-configuration"

    def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            self._metadata = _send(self.client, "GET", self.metadata_url, "OpenID metadata", [])
        return self._metadata

    async def ametadata(self) -> dict[str, Any]:
        if self._metadata is None:
            self._metadata = await _asend(
                self.async_client, "GET", self.metadata_url, "OpenID metadata", []
            )
        return self._metadata

    def jwks(self, kid: str | None) -> dict[str, Any]:
        if self._jwks is None or not _has_kid(self._jwks, kid):
            url = str(self.metadata()["jwks_uri"])
            self._jwks = _send(self.client, "GET", url, "JWKS", [])
        return self._jwks

    async def ajwks(self, kid: str | None) -> dict[str, Any]:
        if self._jwks is None or not _has_kid(self._jwks, kid):
            url = str((await self.ametadata())["jwks_uri"])
            self._jwks = await _asend(self.async_client, "GET", url, "JWKS", [])
        return self._jwks


def _has_kid(jwks: Mapping[str, Any], kid: str | None) -> bool:
    return kid is None or any(key.get("kid") == kid for key in jwks.get("keys", []))


def _header_kid(token: str) -> str | None:
    _require_extra()
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except jwt.PyJWTError:
        raise TokenValidationError("the token is not a JWT") from None
    return str(kid) if kid is not None else None


def _validate(
    token: str,
    jwks: Mapping[str, Any],
    *,
    issuer: str,
    audience: str | None,
    leeway: float,
    what: str,
) -> dict[str, Any]:
    """The verified claims of ``token``: RS256 signature against the JWKS, issuer, expiry (when
    present, with ``leeway``), then the audience (``None``: ``spn:`` and the token's serial,
    as the docs give for system user tokens, compared only after the signature holds)."""
    kid = _header_kid(token)
    keys = [key for key in jwks.get("keys", []) if kid is None or key.get("kid") == kid]
    if not keys:
        raise TokenValidationError(f"{what}: no key of the login's JWKS signed it")
    try:
        signing_key = jwt.PyJWK.from_dict(keys[0]).key
        claims: dict[str, Any] = jwt.decode(
            token,
            signing_key,
            algorithms=["RS256"],
            issuer=issuer,
            leeway=leeway,
            options={"verify_aud": False},
        )
    except jwt.PyJWTError as error:  # names the check that failed, never the token
        raise TokenValidationError(f"{what} failed validation: {type(error).__name__}") from None
    expected = audience if audience is not None else f"spn:{claims.get(CLAIM + 'serial', '')}"
    found = claims.get("aud")
    if expected not in (found if isinstance(found, list) else [found]):
        raise TokenValidationError(f"{what} failed validation: InvalidAudienceError")
    return claims


# --- system user ----------------------------------------------------------------------------


def _load_private_key(private_key: str | bytes) -> Any:
    """A PEM private key, or the RSA-XML form (``<RSAKeyValue>``) the Developer Portal gives."""
    _require_extra()
    data = private_key.encode() if isinstance(private_key, str) else private_key
    if data.lstrip().startswith(b"<"):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(data, parser)
            values = {
                etree.QName(node).localname: int.from_bytes(
                    base64.b64decode((node.text or "").strip()), "big"
                )
                for node in root
                if isinstance(node.tag, str)
            }
            p, q, d = values["P"], values["Q"], values["D"]
            public = rsa.RSAPublicNumbers(values["Exponent"], values["Modulus"])
            numbers = rsa.RSAPrivateNumbers(
                p,
                q,
                d,
                values.get("DP") or rsa.rsa_crt_dmp1(d, p),
                values.get("DQ") or rsa.rsa_crt_dmq1(d, q),
                values.get("InverseQ") or rsa.rsa_crt_iqmp(p, q),
                public,
            )
            return numbers.private_key()
        except (etree.XMLSyntaxError, KeyError, ValueError):
            raise ValueError("the private key is not a valid RSA-XML key") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise ValueError("the private key is neither PEM nor RSA-XML") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the private key is not an RSA key")
    return key


def sign_system_user_token(
    system_user_token: str, private_key: Any, now: datetime | None = None
) -> str:
    """``TOKEN.YYYYMMDDHHMM.<base64 RSA-SHA256 signature of "TOKEN.YYYYMMDDHHMM">``, UTC."""
    _require_extra()
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    signed = f"{system_user_token}.{moment:%Y%m%d%H%M}"
    signature = private_key.sign(signed.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
    return f"{signed}.{base64.b64encode(signature).decode('ascii')}"


class SystemUserCredentials(Renewing):
    """A system user's ticket, obtained once and reused (it slides for 6 hours on each use),
    renewed when a call is rejected, when unused for ``idle_timeout``, or at ``max_age``.

    Sends ``Credential(ticket=..., application_token=client_secret)``: SOAP Credentials/Ticket
    and ApplicationToken, WebAPI ``SOTicket`` and ``SO-AppToken``.
    """

    def __init__(
        self,
        system_user_token: str,
        client_secret: str,
        context_identifier: str,
        private_key: str | bytes,
        environment: str = "online",
        *,
        max_age: timedelta = timedelta(hours=5),
        idle_timeout: timedelta = timedelta(hours=5, minutes=50),  # under the 6-hour slide
        leeway: timedelta = timedelta(seconds=60),
        issuer: str = SYSTEM_USER_ISSUER,
        audience: str | None = None,  # None: spn:<the token's serial claim>, as documented
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__()
        self._key = _load_private_key(private_key)
        self._system_user_token = system_user_token
        self._client_secret = client_secret
        self.context_identifier = context_identifier
        self.environment = environment
        self.max_age = max_age
        self.idle_timeout = idle_timeout
        self._leeway = leeway.total_seconds()
        self._issuer = issuer
        self._audience = audience
        self._login = _Login(environment, client, async_client)

    def __repr__(self) -> str:
        return (
            f"SystemUserCredentials(context_identifier={self.context_identifier!r}, "
            f"environment={self.environment!r})"
        )

    def _fresh(self, grant: Grant, now: float) -> bool:
        return now < grant.expires and now - grant.last_used < self.idle_timeout.total_seconds()

    @property
    def _url(self) -> str:
        return f"{self._login.base}/Login/api/PartnerSystemUser/Authenticate"

    def _request(self) -> tuple[dict[str, str], list[str]]:
        signed = sign_system_user_token(self._system_user_token, self._key)
        body = {
            "SignedSystemToken": signed,
            "ApplicationToken": self._client_secret,
            "ContextIdentifier": self.context_identifier,
            "ReturnTokenType": "JWT",
        }
        return body, [signed, self._system_user_token, self._client_secret]

    def _token(self, reply: Any, hidden: list[str]) -> str:
        if not isinstance(reply, dict) or not reply.get("IsSuccessful"):
            found = reply if isinstance(reply, dict) else {}
            code = _error_code(found)
            raise redact(
                SystemUserError(
                    str(found.get("ErrorMessage") or ""),
                    error_code=None if code is None else int(code),
                    error_name=code.name if code is not None else "",
                ),
                hidden,
            )
        token = reply.get("Token")
        if not isinstance(token, str) or not token:
            raise LoginError("the PartnerSystemUser reply holds no Token")
        return token

    def _from_jwt(self, token: str, jwks: Mapping[str, Any]) -> Grant:
        claims = _validate(
            token,
            jwks,
            issuer=self._issuer,
            audience=self._audience,
            leeway=self._leeway,
            what="the system user JWT",
        )
        ticket = claims.get(CLAIM + "ticket")
        if not isinstance(ticket, str) or not ticket:
            raise TokenValidationError("the system user JWT holds no ticket claim")
        now = time.monotonic()
        credential = Credential(ticket=ticket, application_token=self._client_secret)
        return Grant(credential, now, now + self.max_age.total_seconds())

    _HEADERS = {"Accept": "application/json"}

    def _fetch(self) -> Grant:
        body, hidden = self._request()
        reply = _send(
            self._login.client,
            "POST",
            self._url,
            "PartnerSystemUser",
            hidden,
            json=body,
            headers=self._HEADERS,
        )
        token = self._token(reply, hidden)
        return self._from_jwt(token, self._login.jwks(_header_kid(token)))

    async def _afetch(self) -> Grant:
        body, hidden = self._request()
        reply = await _asend(
            self._login.async_client,
            "POST",
            self._url,
            "PartnerSystemUser",
            hidden,
            json=body,
            headers=self._HEADERS,
        )
        token = self._token(reply, hidden)
        return self._from_jwt(token, await self._login.ajwks(_header_kid(token)))


# --- OpenID Connect -------------------------------------------------------------------------


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
        self._login = _Login(environment, client, async_client)

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
        endpoint = str(self._login.metadata()["authorization_endpoint"])
        return f"{endpoint}?{urllib.parse.urlencode(query)}"

    def _hidden(self, *more: str | None) -> list[str]:
        return [self._client_secret, *(value for value in more if value)]

    def _tokens(self, form: dict[str, str]) -> dict[str, Any]:
        reply = _send(
            self._login.client,
            "POST",
            str(self._login.metadata()["token_endpoint"]),
            "the token endpoint",
            self._hidden(*form.values()),
            data=form,
            headers={"Accept": "application/json"},
        )
        if not isinstance(reply, dict) or not isinstance(reply.get("access_token"), str):
            raise LoginError("the token endpoint gave no access_token")
        return reply

    async def _atokens(self, form: dict[str, str]) -> dict[str, Any]:
        reply = await _asend(
            self._login.async_client,
            "POST",
            str((await self._login.ametadata())["token_endpoint"]),
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
            reply.get("refresh_token"),
            oidc=self,
            expires_in=lifetime,
            claims=claims,
        )

    def _claims(self, id_token: str, jwks: Mapping[str, Any], issuer: str) -> IdTokenClaims:
        return IdTokenClaims(
            _validate(
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
        issuer = str(self._login.metadata()["issuer"])
        return self._claims(id_token, self._login.jwks(_header_kid(id_token)), issuer)

    async def avalidate_id_token(self, id_token: str) -> IdTokenClaims:
        issuer = str((await self._login.ametadata())["issuer"])
        jwks = await self._login.ajwks(_header_kid(id_token))
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


# --- tenant discovery -----------------------------------------------------------------------


class TenantStatus(Enum):
    """The tenant status endpoint's State."""

    UNKNOWN = 0
    PROVISIONING = 1
    RUNNING = 2
    DELETED = 3
    SUSPENDED = 4  # APIs not available
    ONLINE_MAINTENANCE = 5  # API available
    OFFLINE_MAINTENANCE = 6  # APIs not available
    PROVISIONING_FAILED = 8
    DELETING = 10
    DELETE_FAILED = 11
    MIGRATION_PENDING = 12

    @classmethod
    def parse(cls, value: object) -> TenantStatus:
        if isinstance(value, int) and value in cls._value2member_map_:
            return cls(value)
        wanted = str(value).replace("_", "").lower()
        for status in cls:
            if status.name.replace("_", "").lower() == wanted:
                return status
        return cls.UNKNOWN


UNAVAILABLE = frozenset(
    {TenantStatus.SUSPENDED, TenantStatus.OFFLINE_MAINTENANCE, TenantStatus.DELETED}
)


@dataclass(frozen=True)
class TenantState:
    context_identifier: str
    endpoint: str  # the tenant root, e.g. https://online2.superoffice.com/Cust12345
    state: TenantStatus
    is_running: bool
    valid_until: datetime | None  # when to ask again
    api: str | None = None
    version: str | None = None


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    # .NET writes 7 fraction digits and a Z; fromisoformat wants at most 6 before 3.11
    text = re.sub(r"(\.\d{6})\d+", r"\1", value.strip()).replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _state(context_identifier: str, reply: Any, raise_unavailable: bool) -> TenantState:
    if not isinstance(reply, dict) or not isinstance(reply.get("Endpoint"), str):
        raise LoginError(f"the tenant state of {context_identifier} holds no Endpoint")
    status = TenantStatus.parse(reply.get("State"))
    found = TenantState(
        context_identifier=str(reply.get("ContextIdentifier") or context_identifier),
        endpoint=str(reply["Endpoint"]).rstrip("/"),
        state=status,
        is_running=bool(reply.get("IsRunning")),
        valid_until=_when(reply.get("ValidUntil")),
        api=reply.get("Api"),
        version=reply.get("Version"),
    )
    if raise_unavailable and status in UNAVAILABLE:
        raise TenantUnavailable(found.context_identifier, status)
    return found


def _state_url(context_identifier: str, environment: str) -> str:
    ctx = urllib.parse.quote(context_identifier, safe="")
    return f"{login_base_url(environment)}/api/state/{ctx}"


def tenant_state(
    context_identifier: str,
    environment: str = "online",
    *,
    client: httpx.Client | None = None,
    raise_unavailable: bool = True,
) -> TenantState:
    """The tenant's current Endpoint and State; ``TenantUnavailable`` for a Suspended, Deleted
    or OfflineMaintenance tenant (unless ``raise_unavailable`` is false)."""
    url = _state_url(context_identifier, environment)
    reply = _send(client, "GET", url, "tenant state", [], headers={"Accept": "application/json"})
    return _state(context_identifier, reply, raise_unavailable)


async def atenant_state(
    context_identifier: str,
    environment: str = "online",
    *,
    client: httpx.AsyncClient | None = None,
    raise_unavailable: bool = True,
) -> TenantState:
    url = _state_url(context_identifier, environment)
    headers = {"Accept": "application/json"}
    reply = await _asend(client, "GET", url, "tenant state", [], headers=headers)
    return _state(context_identifier, reply, raise_unavailable)


class TenantLocator:
    """The tenant's endpoint for sessions: asked again when ValidUntil passes (or after
    ``max_age`` when the reply gives none), and after ``moved()`` (a 421 Misdirected Request,
    or a tenant that is not running)."""

    def __init__(
        self,
        context_identifier: str,
        environment: str = "online",
        *,
        max_age: timedelta = timedelta(minutes=5),
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.context_identifier = context_identifier
        self.environment = environment
        self.max_age = max_age
        self._client = client
        self._async_client = async_client
        self._lock = threading.Lock()
        self._state: TenantState | None = None
        self._until = datetime.min.replace(tzinfo=timezone.utc)

    def __repr__(self) -> str:
        return f"TenantLocator({self.context_identifier!r}, environment={self.environment!r})"

    def _cached(self) -> TenantState | None:
        with self._lock:
            if self._state is not None and datetime.now(timezone.utc) < self._until:
                return self._state
            return None

    def _keep(self, state: TenantState) -> TenantState:
        until = state.valid_until or datetime.now(timezone.utc) + self.max_age
        with self._lock:
            self._state, self._until = state, until
        return state

    def state(self) -> TenantState:
        cached = self._cached()
        if cached is not None:
            return cached
        return self._keep(
            tenant_state(self.context_identifier, self.environment, client=self._client)
        )

    async def astate(self) -> TenantState:
        cached = self._cached()
        if cached is not None:
            return cached
        found = await atenant_state(
            self.context_identifier, self.environment, client=self._async_client
        )
        return self._keep(found)

    def endpoint(self) -> str:
        return self.state().endpoint

    async def aendpoint(self) -> str:
        return (await self.astate()).endpoint

    def moved(self) -> None:
        """Forget the endpoint: the next ``endpoint()`` asks the state endpoint again."""
        with self._lock:
            self._state = None
