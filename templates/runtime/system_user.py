"""The system user flow (server to server): a signed system user token is exchanged at the
PartnerSystemUser endpoint for a JWT holding a ticket (needs the ``online`` extra)."""

from __future__ import annotations

import base64
import time
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
from lxml import etree

from .credentials import Credential
from .errors import LoginError, SystemUserError, TokenValidationError, redact
from .login import CLAIM, Login, asend, error_code, header_kid, require_extra, send, validate
from .renewing import Grant, Renewing

try:  # the online extra; require_extra() names it when it is missing
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
except ImportError:
    pass

__all__ = ["SystemUserCredentials", "sign_system_user_token"]

SYSTEM_USER_ISSUER = "SuperOffice AS"


def _load_private_key(private_key: str | bytes) -> Any:
    """A PEM private key, or the RSA-XML form (``<RSAKeyValue>``) the Developer Portal gives."""
    require_extra()
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
    require_extra()
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
        self._login = Login(environment, client, async_client)

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
            code = error_code(found)
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

    def _from_jwt(self, token: str, jwks: Sequence[Mapping[str, Any]]) -> Grant:
        claims = validate(
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
        reply = send(
            self._login.client,
            "POST",
            self._url,
            "PartnerSystemUser",
            hidden,
            json=body,
            headers=self._HEADERS,
        )
        token = self._token(reply, hidden)
        return self._from_jwt(token, self._login.jwks(header_kid(token)))

    async def _afetch(self) -> Grant:
        body, hidden = self._request()
        reply = await asend(
            self._login.async_client,
            "POST",
            self._url,
            "PartnerSystemUser",
            hidden,
            json=body,
            headers=self._HEADERS,
        )
        token = self._token(reply, hidden)
        return self._from_jwt(token, await self._login.ajwks(header_kid(token)))
