"""A fake SuperOffice login on 127.0.0.1: OpenID metadata, JWKS, PartnerSystemUser, the token
endpoint and the tenant state endpoint, with its own RSA keys; it counts every request."""

from __future__ import annotations

import base64
import json
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

CLAIM = "http://schemes.superoffice.net/identity/"
SYSTEM_USER_PATH = "/Login/api/PartnerSystemUser/Authenticate"
TOKEN_PATH = "/login/common/oauth/tokens"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class FakeLogin:
    app_public_key: rsa.RSAPublicKey  # verifies the signed system user tokens
    client_id: str = "app-client-id"
    serial: str = "1234567"
    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    # what the next JWTs look like (tests change these to make bad ones)
    issuer: str = "SuperOffice AS"
    audience: str | None = None  # None: spn:<serial>
    lifetime: int = 600
    signing_key: rsa.RSAPrivateKey | None = None  # another key: a bad signature
    refuse_system_user: str | None = None  # an ErrorMessage: IsSuccessful false
    access_lifetime: int = 3600
    states: dict[str, dict[str, Any]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    tickets: list[str] = field(default_factory=list)
    delay: float = 0.0  # seconds each ticket or token request takes
    echo: bool = False  # ticket and token requests get an error page quoting the request
    issued: list[str] = field(default_factory=list)  # every JWT, ticket and token handed out

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                fake._answer(self, "GET", b"")

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake._answer(self, "POST", body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- tokens ---------------------------------------------------------------------------

    def jwt(self, claims: dict[str, Any], *, audience: str) -> str:
        now = int(time.time())
        payload = {"iss": self.issuer, "aud": audience, "iat": now, "nbf": now - 5, **claims}
        payload.setdefault("exp", now + self.lifetime)
        key = self.signing_key or self.key
        token = jwt.encode(payload, key, algorithm="RS256", headers={"kid": "fake-1"})
        self.issued.append(token)
        return token

    def _jwks(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": "fake-1", "use": "sig", "alg": "RS256"}]}

    def _system_user(self, body: dict[str, Any]) -> dict[str, Any]:
        self.bodies.append(body)
        if self.refuse_system_user:
            return {"IsSuccessful": False, "ErrorMessage": self.refuse_system_user, "Token": None}
        token, stamp, signature = str(body["SignedSystemToken"]).rsplit(".", 2)
        self.app_public_key.verify(
            base64.b64decode(signature),
            f"{token}.{stamp}".encode(),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
        with self._lock:
            ticket = f"7T:ticket-{len(self.tickets) + 1}=="
            self.tickets.append(ticket)
            self.issued.append(ticket)
        claims = {CLAIM + "ticket": ticket, CLAIM + "serial": self.serial}
        audience = self.audience if self.audience is not None else f"spn:{self.serial}"
        return {"IsSuccessful": True, "ErrorMessage": "", "Token": self.jwt(claims, audience=audience)}

    def _tokens(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") != self.client_id or not form.get("client_secret"):
            return 401, {"error": "invalid_client"}
        with self._lock:
            number = self.counts[TOKEN_PATH]
        reply: dict[str, Any] = {
            "token_type": "Bearer",
            "access_token": f"8A:Cust12345.access-{number}",
            "expires_in": self.access_lifetime,
        }
        if form.get("grant_type") == "authorization_code":
            reply["refresh_token"] = "refresh-1"
            claims = {"sub": "user@example.com", CLAIM + "ctx": "Cust12345"}
            claims |= {CLAIM + "webapi_url": "https://sod2.superoffice.com/Cust12345/api/"}
            claims |= {CLAIM + "netserver_url": "https://sod2.superoffice.com/Cust12345/Remote/Services88/"}
            claims |= {CLAIM + "associateid": "5", "iss": self.url}
            reply["id_token"] = self.jwt(claims, audience=self.client_id)
            self.issued.append(reply["refresh_token"])
        elif form.get("grant_type") != "refresh_token" or form.get("refresh_token") != "refresh-1":
            return 400, {"error": "invalid_grant"}
        self.issued.append(reply["access_token"])
        return 200, reply

    def _answer(self, handler: BaseHTTPRequestHandler, method: str, body: bytes) -> None:
        path = urllib.parse.urlsplit(handler.path).path
        with self._lock:
            self.counts[path] += 1
        status, reply = 200, {}
        if self.echo and method == "POST":
            status, reply = 500, {"error": f"cannot handle {body.decode()!r} with {dict(handler.headers)!r}"}
        elif path == "/login/.well-known/openid-configuration":
            reply = {
                "issuer": self.url,
                "authorization_endpoint": f"{self.url}/login/common/oauth/authorize",
                "token_endpoint": f"{self.url}{TOKEN_PATH}",
                "jwks_uri": f"{self.url}/login/.well-known/jwks",
            }
        elif path == "/login/.well-known/jwks":
            reply = self._jwks()
        elif path == SYSTEM_USER_PATH and method == "POST":
            time.sleep(self.delay)
            reply = self._system_user(json.loads(body))
        elif path == TOKEN_PATH and method == "POST":
            time.sleep(self.delay)
            status, reply = self._tokens(dict(urllib.parse.parse_qsl(body.decode())))
        elif path.startswith("/api/state/") and path[len("/api/state/") :] in self.states:
            reply = self.states[path[len("/api/state/") :]]
        else:
            status, reply = 404, {"error": "not found"}
        data = json.dumps(reply).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
