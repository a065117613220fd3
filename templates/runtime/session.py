"""Sessions (the connection to one tenant, with its credentials) and the agent base classes.

A session owns an httpx client; agents are thin: each generated method hands its Operation and
arguments to the session. One session may be shared by many agents, threads (sync) or tasks
(async).
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from .errors import (
    HTTPStatusError,
    ProtocolError,
    ReplyTooLarge,
    SuperOfficeError,
    TransportError,
    TransportTimeout,
    in_call,
    redact,
    snippet,
)
from .soap import CONTENT_TYPE, SOAP11, SOAP12, Credentials, Operation
from .wire import logger

if TYPE_CHECKING:  # httpx is imported on first use: it costs more than the rest of the package
    import httpx

R = TypeVar("R")
S = TypeVar("S")

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_REPLY_BYTES = 64 * 1024 * 1024

_CLIENT_LOCK = threading.Lock()


def _not_sent(error: httpx.HTTPError) -> bool:
    """The connection was never established: the server cannot have seen the request, so sending
    it again is safe. Anything later (a timeout or a reset after sending) may have reached it."""
    import httpx

    return isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout))


@dataclass(frozen=True)
class RetryPolicy:
    """How often a call is sent again when the connection could not be established, and how long
    to wait first (``backoff`` seconds, doubled for each further retry, at most ``max_backoff``).
    Nothing else is ever retried. The default: no retries."""

    retries: int = 0
    backoff: float = 0.1
    max_backoff: float = 2.0

    def delay(self, error: httpx.HTTPError, attempt: int) -> float | None:
        """Seconds to wait before sending again after ``error`` ended attempt ``attempt`` (from
        0), or None: give up."""
        if attempt >= self.retries or not _not_sent(error):
            return None
        return float(min(self.backoff * 2**attempt, self.max_backoff))


class Connection:
    """What the SOAP and WebAPI sessions share: the tenant's URL, the reply cap, the retry policy,
    and turning every failure into a typed error that names the call and shows no secret."""

    def __init__(self, base_url: str, *, max_reply_bytes: int, retries: int | RetryPolicy) -> None:
        parts = urlsplit(base_url)
        host = parts.netloc.rpartition("@")[2]
        if parts.scheme not in ("http", "https") or not host:
            raise ValueError(
                f"base_url must be an http(s) URL, got {urlunsplit(parts._replace(netloc=host))!r}"
            )
        # A user and password in the URL go in an Authorization header, not in every URL httpx logs.
        self.base_url = urlunsplit(parts._replace(netloc=host)).rstrip("/")
        self.url_authorization = (
            None
            if parts.username is None
            else basic_authorization(unquote(parts.username), unquote(parts.password or ""))
        )
        self._url_secrets = [
            s for s in (parts.password and unquote(parts.password), self.url_authorization) if s
        ]
        self.max_reply_bytes = max_reply_bytes
        self.retry = retries if isinstance(retries, RetryPolicy) else RetryPolicy(retries)

    def secrets(self) -> list[str]:
        """The values no error may show; sessions add their credentials."""
        return list(self._url_secrets)

    def hidden(self) -> list[str]:
        """The secrets, also XML-escaped (the way a server echoing the request writes them)."""
        secrets = self.secrets()
        return [*secrets, *(_xml_escaped(secret) for secret in secrets)]

    def text(self, content: bytes) -> str:
        """A reply's body as text for an error, the secrets hidden before it is shortened."""
        text = content.decode("utf-8", "replace")
        for secret in self.hidden():
            text = text.replace(secret, "***")
        return text

    def failure(self, error: SuperOfficeError, name: str) -> SuperOfficeError:
        """``error`` ready to raise: the call named, the secrets hidden."""
        return redact(in_call(error, name), self.hidden())

    def send(
        self, client: httpx.Client, request: httpx.Request, name: str
    ) -> tuple[httpx.Response, bytes]:
        """The reply to ``request`` and its body, at most max_reply_bytes."""
        import httpx

        attempt = 0
        while True:
            try:
                response = client.send(request, stream=True)
                try:
                    cap = _Cap(response, self.max_reply_bytes)
                    return response, b"".join([cap.check(chunk) for chunk in response.iter_bytes()])
                finally:
                    response.close()  # an unread rest closes the connection, not back to the pool
            except httpx.HTTPError as error:
                delay = self._retry_delay(name, request, error, attempt)
            except ReplyTooLarge as error:
                raise self.failure(error, name) from None
            time.sleep(delay)
            attempt += 1

    async def send_async(
        self, client: httpx.AsyncClient, request: httpx.Request, name: str
    ) -> tuple[httpx.Response, bytes]:
        """The asyncio twin of :meth:`send`."""
        import asyncio

        import httpx

        attempt = 0
        while True:
            try:
                response = await client.send(request, stream=True)
                try:
                    cap = _Cap(response, self.max_reply_bytes)
                    return response, b"".join(
                        [cap.check(chunk) async for chunk in response.aiter_bytes()]
                    )
                finally:
                    await response.aclose()
            except httpx.HTTPError as error:
                delay = self._retry_delay(name, request, error, attempt)
            except ReplyTooLarge as error:
                raise self.failure(error, name) from None
            await asyncio.sleep(delay)
            attempt += 1

    def _retry_delay(
        self, name: str, request: httpx.Request, error: httpx.HTTPError, attempt: int
    ) -> float:
        """The seconds to wait before sending again, or raises the TransportError for ``error``."""
        url = str(request.url)
        delay = self.retry.delay(error, attempt)
        if delay is None:
            raise self.failure(_transport_error(url, error), name) from None
        logger(__name__).info(
            "%s: cannot connect to %s (%s); retry %d of %d in %.2f s",
            name,
            url,
            type(error).__name__,
            attempt + 1,
            self.retry.retries,
            delay,
        )
        return delay

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.base_url!r})"


class _Cap:
    """Counts a reply's bytes and stops the read at the session's limit (before it, when the
    Content-Length already says too much)."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self.limit = limit
        self.size = 0
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise self.too_large()

    def check(self, chunk: bytes) -> bytes:
        self.size += len(chunk)
        if self.size > self.limit:
            raise self.too_large()
        return chunk

    def too_large(self) -> ReplyTooLarge:
        return ReplyTooLarge(f"the reply is larger than max_reply_bytes ({self.limit} bytes)")


def basic_authorization(user: str, password: str) -> str:
    import base64  # only a URL with a user name needs it

    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def _xml_escaped(text: str) -> str:
    """``text`` as XML text content writes it (what ``html.escape(text, quote=False)`` gives)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _transport_error(url: str, error: httpx.HTTPError) -> TransportError:
    import httpx

    name = type(error).__name__
    if isinstance(error, httpx.TimeoutException):
        return TransportTimeout(
            f"no reply from {url} within the timeout ({name})", request_sent=not _not_sent(error)
        )
    reason = str(error) or "no reason given"
    return TransportError(f"{url}: {name}: {reason}", request_sent=not _not_sent(error))


class OwnClient:
    """A session's httpx client, made on first use (so that building sessions stays cheap) unless
    the user passed one; closed with the session only when the session made it."""

    _client_class: ClassVar[str]  # "Client" or "AsyncClient"

    def own_client(self, client: Any, timeout: Any, transport: Any) -> None:
        self._client = client
        self._owns_client = client is None
        self._client_options = {"timeout": timeout, "transport": transport}

    def made_client(self) -> Any:
        if self._client is None:
            with _CLIENT_LOCK:  # two threads' first calls make one client
                if self._client is None:
                    import httpx

                    self._client = getattr(httpx, self._client_class)(**self._client_options)
        return self._client

    def made_client_to_close(self) -> Any:
        """The client to close with the session: one it made and used, else None."""
        return self._client if self._owns_client else None


class SyncClientOwner(OwnClient):
    """What the synchronous sessions (SOAP and WebAPI) share: their client, close, ``with``."""

    _client_class = "Client"

    @property
    def client(self) -> httpx.Client:
        client: httpx.Client = self.made_client()
        return client

    def close(self) -> None:
        client = self.made_client_to_close()
        if client is not None:
            client.close()

    def __enter__(self: S) -> S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncClientOwner(OwnClient):
    """The asyncio sessions' twin of :class:`SyncClientOwner`."""

    _client_class = "AsyncClient"

    @property
    def client(self) -> httpx.AsyncClient:
        client: httpx.AsyncClient = self.made_client()
        return client

    async def aclose(self) -> None:
        client = self.made_client_to_close()
        if client is not None:
            await client.aclose()

    async def __aenter__(self: S) -> S:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class _SessionBase(Connection):
    def __init__(
        self,
        base_url: str,
        *,
        ticket: str | None = None,
        application_token: str | None = None,
        time_zone_id: int | None = None,
        time_zone_code: str | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
        retries: int | RetryPolicy = 0,
    ) -> None:
        super().__init__(base_url, max_reply_bytes=max_reply_bytes, retries=retries)
        self.credentials = Credentials(ticket, application_token, time_zone_id, time_zone_code)

    @property
    def ticket(self) -> str | None:
        return self.credentials.ticket

    @ticket.setter
    def ticket(self, value: str | None) -> None:
        """Replace the ticket, e.g. after SoPrincipal's Authenticate gave a new one."""
        c = self.credentials
        self.credentials = Credentials(value, c.application_token, c.time_zone_id, c.time_zone_code)

    def secrets(self) -> list[str]:
        c = self.credentials
        return [*super().secrets(), *(s for s in (c.ticket, c.application_token) if s)]

    def url(self, endpoint: str) -> str:
        return f"{self.base_url}/{endpoint}"

    def request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        endpoint: str,
        operation: Operation[Any],
        args: tuple[Any, ...],
    ) -> httpx.Request:
        content = operation.build_request(args, self.credentials)
        headers = {"Content-Type": CONTENT_TYPE, "SOAPAction": f'"{operation.action}"'}
        if self.url_authorization is not None:
            headers["Authorization"] = self.url_authorization
        return client.build_request("POST", self.url(endpoint), content=content, headers=headers)

    def interpret(self, operation: Operation[R], response: httpx.Response, content: bytes) -> R:
        try:
            return self._interpret(operation, response, content)
        except SuperOfficeError as error:
            raise self.failure(error, operation.name) from None

    def _interpret(self, operation: Operation[R], response: httpx.Response, content: bytes) -> R:
        content_type = response.headers.get("content-type", "")
        xml_reply = "xml" in content_type.lower() or content.lstrip()[:1] == b"<"
        if response.status_code >= 400 and not _looks_like_envelope(content):
            raise HTTPStatusError(response.status_code, response.reason_phrase, self.text(content))
        if not content.strip():
            raise ProtocolError(f"the reply is empty (HTTP {response.status_code})")
        if not xml_reply:
            raise ProtocolError(
                f"expected an XML reply, got {content_type or 'no content type'}: "
                + snippet(self.text(content))
            )
        return operation.read_reply(content, response.status_code)


# The root element is an Envelope (an error page that quotes one is not a SOAP reply).
_ENVELOPE = re.compile(
    rb"\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*)*<([\w.-]+:)?Envelope[\s>]", re.DOTALL
)


def _looks_like_envelope(content: bytes) -> bool:
    head = content[:2048]
    return _ENVELOPE.match(head) is not None and (
        SOAP11.encode() in head or SOAP12.encode() in head
    )


class SoapSession(_SessionBase, SyncClientOwner):
    """A synchronous connection to one SuperOffice tenant.

    ``base_url`` is the tenant's root, e.g. ``https://sod.superoffice.com/Cust12345``; agents
    add ``Remote/ServicesNN/<Service>.svc``. ``ticket`` is the credentials ticket (from
    SoPrincipal or the online login), ``application_token`` the partner application's token
    (required online). Pass ``client`` to use your own ``httpx.Client`` (proxies, TLS);
    otherwise the session makes one with ``timeout`` and ``transport`` (e.g. a test double's)
    and closes it on ``close()``. ``retries``
    (a count or a :class:`RetryPolicy`) resends a call only when the connection could not be
    established; ``max_reply_bytes`` caps the reply.
    """

    def __init__(
        self,
        base_url: str,
        *,
        ticket: str | None = None,
        application_token: str | None = None,
        time_zone_id: int | None = None,
        time_zone_code: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
        retries: int | RetryPolicy = 0,
    ) -> None:
        super().__init__(
            base_url,
            ticket=ticket,
            application_token=application_token,
            time_zone_id=time_zone_id,
            time_zone_code=time_zone_code,
            max_reply_bytes=max_reply_bytes,
            retries=retries,
        )
        self.own_client(client, timeout, transport)

    def call(self, endpoint: str, operation: Operation[R], args: tuple[Any, ...]) -> R:
        response, body = self.send(
            self.client, self.request(self.client, endpoint, operation, args), operation.name
        )
        return self.interpret(operation, response, body)


class AsyncSoapSession(_SessionBase, AsyncClientOwner):
    """The asyncio twin of :class:`SoapSession`, on ``httpx.AsyncClient``."""

    def __init__(
        self,
        base_url: str,
        *,
        ticket: str | None = None,
        application_token: str | None = None,
        time_zone_id: int | None = None,
        time_zone_code: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
        retries: int | RetryPolicy = 0,
    ) -> None:
        super().__init__(
            base_url,
            ticket=ticket,
            application_token=application_token,
            time_zone_id=time_zone_id,
            time_zone_code=time_zone_code,
            max_reply_bytes=max_reply_bytes,
            retries=retries,
        )
        self.own_client(client, timeout, transport)

    async def call(self, endpoint: str, operation: Operation[R], args: tuple[Any, ...]) -> R:
        request = self.request(self.client, endpoint, operation, args)
        response, body = await self.send_async(self.client, request, operation.name)
        return self.interpret(operation, response, body)


class Agent:
    """Base of the generated synchronous agents."""

    endpoint: ClassVar[str]

    def __init__(self, session: SoapSession) -> None:
        self.session = session

    def _call(self, operation: Operation[R], *args: Any) -> R:
        return self.session.call(self.endpoint, operation, args)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.session!r})"


class AsyncAgent:
    """Base of the generated asyncio agents."""

    endpoint: ClassVar[str]

    def __init__(self, session: AsyncSoapSession) -> None:
        self.session = session

    async def _call(self, operation: Operation[R], *args: Any) -> R:
        return await self.session.call(self.endpoint, operation, args)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.session!r})"


__all__ = [
    "Agent",
    "AsyncAgent",
    "AsyncClientOwner",
    "AsyncSoapSession",
    "Connection",
    "RetryPolicy",
    "SoapSession",
    "SyncClientOwner",
]
