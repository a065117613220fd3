"""Sessions (the connection to one tenant, with its credentials) and the agent base classes.

A session owns an httpx client; agents are thin: each generated method hands its Operation and
arguments to the session. One session may be shared by many agents, threads (sync) or tasks
(async).
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

import httpx

from .errors import HTTPStatusError, ProtocolError, TransportError, snippet
from .soap import CONTENT_TYPE, SOAP11, SOAP12, Credentials, Operation

R = TypeVar("R")

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_REPLY_BYTES = 64 * 1024 * 1024


class _SessionBase:
    def __init__(
        self,
        base_url: str,
        *,
        ticket: str | None = None,
        application_token: str | None = None,
        time_zone_id: int | None = None,
        time_zone_code: str | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.credentials = Credentials(ticket, application_token, time_zone_id, time_zone_code)
        self.max_reply_bytes = max_reply_bytes

    @property
    def ticket(self) -> str | None:
        return self.credentials.ticket

    @ticket.setter
    def ticket(self, value: str | None) -> None:
        """Replace the ticket, e.g. after SoPrincipal's Authenticate gave a new one."""
        c = self.credentials
        self.credentials = Credentials(value, c.application_token, c.time_zone_id, c.time_zone_code)

    def url(self, endpoint: str) -> str:
        return f"{self.base_url}/{endpoint}"

    def request_headers(self, operation: Operation[Any]) -> dict[str, str]:
        return {"Content-Type": CONTENT_TYPE, "SOAPAction": f'"{operation.action}"'}

    def too_large(self) -> TransportError:
        return TransportError(f"the reply is larger than max_reply_bytes ({self.max_reply_bytes} bytes)")

    def interpret(self, operation: Operation[R], response: httpx.Response, content: bytes) -> R:
        content_type = response.headers.get("content-type", "")
        xml_reply = "xml" in content_type.lower() or content.lstrip()[:1] == b"<"
        if response.status_code >= 400 and not _looks_like_envelope(content):
            raise HTTPStatusError(response.status_code, response.reason_phrase, content.decode("utf-8", "replace"))
        if not content.strip():
            raise ProtocolError(f"{operation.name}: the reply is empty (HTTP {response.status_code})")
        if not xml_reply:
            raise ProtocolError(
                f"{operation.name}: expected an XML reply, got {content_type or 'no content type'}: "
                + snippet(content.decode("utf-8", "replace"))
            )
        return operation.read_reply(content, response.status_code)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.base_url!r})"


def _looks_like_envelope(content: bytes) -> bool:
    head = content[:2048]
    return b"Envelope" in head and (SOAP11.encode() in head or SOAP12.encode() in head)


def _transport_error(operation: Operation[Any], url: str, error: Exception) -> TransportError:
    if isinstance(error, httpx.TimeoutException):
        return TransportError(f"{operation.name}: no reply from {url} within the timeout ({type(error).__name__})")
    return TransportError(f"{operation.name}: {url}: {type(error).__name__}: {error}")


class SoapSession(_SessionBase):
    """A synchronous connection to one SuperOffice tenant.

    ``base_url`` is the tenant's root, e.g. ``https://sod.superoffice.com/Cust12345``; agents
    add ``Remote/ServicesNN/<Service>.svc``. ``ticket`` is the credentials ticket (from
    SoPrincipal or the online login), ``application_token`` the partner application's token
    (required online). Pass ``client`` to use your own ``httpx.Client`` (proxies, TLS,
    retries); otherwise the session makes one with ``timeout`` and closes it on ``close()``.
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
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
    ) -> None:
        super().__init__(
            base_url, ticket=ticket, application_token=application_token, time_zone_id=time_zone_id,
            time_zone_code=time_zone_code, max_reply_bytes=max_reply_bytes,
        )
        self._owns_client = client is None
        self.client = client if client is not None else httpx.Client(timeout=timeout)

    def call(self, endpoint: str, operation: Operation[R], args: tuple[Any, ...]) -> R:
        content = operation.build_request(args, self.credentials)
        url = self.url(endpoint)
        try:
            with self.client.stream("POST", url, content=content, headers=self.request_headers(operation)) as response:
                body = self._read(response)
        except httpx.HTTPError as error:
            raise _transport_error(operation, url, error) from None
        return self.interpret(operation, response, body)

    def _read(self, response: httpx.Response) -> bytes:
        chunks = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_reply_bytes:
                raise self.too_large()
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if self._owns_client:
            self.client.close()

    def __enter__(self) -> SoapSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncSoapSession(_SessionBase):
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
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
    ) -> None:
        super().__init__(
            base_url, ticket=ticket, application_token=application_token, time_zone_id=time_zone_id,
            time_zone_code=time_zone_code, max_reply_bytes=max_reply_bytes,
        )
        self._owns_client = client is None
        self.client = client if client is not None else httpx.AsyncClient(timeout=timeout)

    async def call(self, endpoint: str, operation: Operation[R], args: tuple[Any, ...]) -> R:
        content = operation.build_request(args, self.credentials)
        url = self.url(endpoint)
        try:
            async with self.client.stream(
                "POST", url, content=content, headers=self.request_headers(operation)
            ) as response:
                body = await self._read(response)
        except httpx.HTTPError as error:
            raise _transport_error(operation, url, error) from None
        return self.interpret(operation, response, body)

    async def _read(self, response: httpx.Response) -> bytes:
        chunks = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_reply_bytes:
                raise self.too_large()
            chunks.append(chunk)
        return b"".join(chunks)

    async def aclose(self) -> None:
        if self._owns_client:
            await self.client.aclose()

    async def __aenter__(self) -> AsyncSoapSession:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


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


__all__ = ["Agent", "AsyncAgent", "AsyncSoapSession", "SoapSession"]
