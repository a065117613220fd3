"""Sessions (the connection to one tenant, with its credentials) and the agent base classes.

A session owns an httpx client; agents are thin: each generated method hands its Operation and
arguments to the session. One session may be shared by many agents, threads (sync) or tasks
(async).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from .credentials import (
    Credential,
    CredentialProvider,
    CredentialsRejected,
    StaticCredentials,
    provider_of,
)
from .errors import (
    HTTPStatusError,
    ProtocolError,
    ReplyTooLarge,
    SuperOfficeError,
    TenantUnavailable,
    TransportError,
    TransportTimeout,
    in_call,
    redact,
    rejects_credentials,
    snippet,
)
from .soap import CONTENT_TYPE, SOAP11, SOAP12, Credentials, Operation
from .wire import logger

if TYPE_CHECKING:  # httpx is imported on first use: it costs more than the rest of the package
    import httpx

    from .tenant import TenantLocator

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


THROTTLED = 429
MISDIRECTED = 421
UNAVAILABLE = 503


@dataclass(frozen=True)
class RetryPolicy:
    """When a call is sent again. Only where the server cannot have run it:

    - the connection could not be established: up to ``retries`` times (default 0), waiting
      ``backoff`` seconds, doubled for each further retry, at most ``max_backoff``;
    - the server answered 429 Too Many Requests, or 503 with Retry-After: up to
      ``throttle_retries`` times (default 3), waiting what Retry-After says (seconds or an
      HTTP date; a 429 without it waits as ``backoff``), as long as the waits of the call add
      up to at most ``max_wait`` seconds (default 30): a longer Retry-After fails at once.

    A request that may have reached the server (a timeout after connecting, a reset, any other
    reply) is never sent twice."""

    retries: int = 0
    backoff: float = 0.1
    max_backoff: float = 2.0
    throttle_retries: int = 3
    max_wait: float = 30.0

    def delay(self, error: httpx.HTTPError, attempt: int) -> float | None:
        """Seconds to wait before sending again after ``error`` ended attempt ``attempt`` (from
        0), or None: give up."""
        if attempt >= self.retries or not _not_sent(error):
            return None
        return self._backoff(attempt)

    def throttle_delay(
        self, status: int, retry_after: str | None, attempt: int, waited: float
    ) -> float | None:
        """Seconds to wait before sending again after a ``status`` reply to attempt ``attempt``
        (from 0) with ``waited`` seconds already waited, or None: give up."""
        if status not in (THROTTLED, UNAVAILABLE) or attempt >= self.throttle_retries:
            return None
        seconds = retry_after_seconds(retry_after)
        if seconds is None:
            if status == UNAVAILABLE:  # without Retry-After a 503 is an outage, not throttling
                return None
            seconds = self._backoff(attempt)
        return seconds if waited + seconds <= self.max_wait else None

    def _backoff(self, attempt: int) -> float:
        return float(min(self.backoff * 2**attempt, self.max_backoff))


def retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header as seconds from now (0 for a date passed), None if absent or bad."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP dates are GMT
        return None
    return max(0.0, when.timestamp() - time.time())


# What SuperOffice hands out besides the tenant root: webapi_url (``.../Cust12345/api/``),
# netserver_url (``.../Cust12345/Remote/Services88/``); agents add these parts themselves.
_TENANT_SUFFIX = re.compile(r"/(api(/v1)?|remote/services\d+)$", re.IGNORECASE)


def tenant_root(url: str) -> str:
    """``url`` without a trailing ``/``, ``/api[/v1]`` or ``/Remote/ServicesNN``."""
    return _TENANT_SUFFIX.sub("", url.rstrip("/")).rstrip("/")


def _misdirected(error: SuperOfficeError) -> bool:
    return isinstance(error, HTTPStatusError) and error.status_code == MISDIRECTED


def _may_have_moved(error: SuperOfficeError) -> bool:
    """The tenant's host refused the call without running it: a 421 Misdirected Request, a
    503 (an outage, or throttling past the retry bounds), or no connection at all. The
    locator is then asked again; the call is tried at the new address only if there is one
    (always after a 421)."""
    if isinstance(error, HTTPStatusError):
        return error.status_code in (MISDIRECTED, UNAVAILABLE)
    return isinstance(error, TransportError) and not error.request_sent


_KEPT_SECRETS = 64  # a provider renewing for months, or an httpx.Auth signing each call: bounded


class Connection:
    """What the SOAP and WebAPI sessions share: the tenant's URL, the reply cap, the retry policy,
    and turning every failure into a typed error that names the call and shows no secret."""

    def __init__(
        self,
        base_url: str,
        *,
        max_reply_bytes: int,
        retries: int | RetryPolicy,
        credentials: CredentialProvider,
        locator: TenantLocator | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        host = parts.netloc.rpartition("@")[2]
        if parts.scheme not in ("http", "https") or not host:
            raise ValueError(
                f"base_url must be an http(s) URL, got {urlunsplit(parts._replace(netloc=host))!r}"
            )
        # A user and password in the URL go in an Authorization header, not in every URL httpx logs.
        self.base_url = tenant_root(urlunsplit(parts._replace(netloc=host)))
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
        self.credentials = credentials
        self.locator = locator
        self._seen: list[str] = []  # every credential value sent so far, newest last
        self._seen_lock = threading.Lock()
        if isinstance(credentials, StaticCredentials):
            self.remember(credentials.current())

    def remember(self, used: Credential | list[str]) -> None:
        """Hide these values (the credentials of a call, an Authorization header sent) from
        every error from now on."""
        values = used.secrets() if isinstance(used, Credential) else used
        with self._seen_lock:
            for value in values:
                if value and value not in self._seen:
                    self._seen.append(value)
            del self._seen[:-_KEPT_SECRETS]

    def secrets(self) -> list[str]:
        """The values no error may show."""
        with self._seen_lock:
            return [*self._url_secrets, *self._seen]

    def current(self) -> Credential:
        used = self.credentials.current()
        self.remember(used)
        return used

    async def acurrent(self) -> Credential:
        used = await self.credentials.acurrent()
        self.remember(used)
        return used

    def perform(
        self,
        name: str,
        attempt: Callable[[Credential], R],
    ) -> R:
        """``attempt(credential)`` at the tenant's current address (see ``locator``), and once
        more with renewed credentials when the server refused the first ones before running the
        call (see ``rejects_credentials``), or at the tenant's new address when the old one
        refused the call unrun (see ``_may_have_moved``)."""
        if self.locator is None:
            return self._perform(name, attempt)
        self.base_url = tenant_root(self.locator.endpoint())  # cached until ValidUntil
        try:
            return self._perform(name, attempt)
        except SuperOfficeError as error:
            if not _may_have_moved(error):
                raise
            before = self.base_url
            self.locator.moved()
            try:
                self.base_url = tenant_root(self.locator.endpoint())
            except TenantUnavailable as unavailable:  # not running now: that is the news
                raise unavailable from error
            except SuperOfficeError:  # the state endpoint failed too: the call's error stands
                raise error from None
            if self.base_url == before and not _misdirected(error):
                raise
        return self._perform(name, attempt)

    async def aperform(
        self,
        name: str,
        attempt: Callable[[Credential], Awaitable[R]],
    ) -> R:
        """The asyncio twin of :meth:`perform`."""
        if self.locator is None:
            return await self._aperform(name, attempt)
        self.base_url = tenant_root(await self.locator.aendpoint())
        try:
            return await self._aperform(name, attempt)
        except SuperOfficeError as error:
            if not _may_have_moved(error):
                raise
            before = self.base_url
            self.locator.moved()
            try:
                self.base_url = tenant_root(await self.locator.aendpoint())
            except TenantUnavailable as unavailable:  # not running now: that is the news
                raise unavailable from error
            except SuperOfficeError:  # the state endpoint failed too: the call's error stands
                raise error from None
            if self.base_url == before and not _misdirected(error):
                raise
        return await self._aperform(name, attempt)

    def _perform(
        self,
        name: str,
        attempt: Callable[[Credential], R],
    ) -> R:
        used = self._credential(name, self.current)
        try:
            return attempt(used)
        except SuperOfficeError as error:
            if not rejects_credentials(error):
                raise
            try:
                self.credentials.rejected(used)
                renewed = self.current()
            except CredentialsRejected:  # no way to renew: the refusal is the call's error
                raise error from None
            except SuperOfficeError as failed:  # the renewal failed (the login said why)
                raise self.failure(failed, name) from error
            self._log_rejected(name, error)
        return attempt(renewed)  # a second refusal is the call's typed error

    async def _aperform(
        self,
        name: str,
        attempt: Callable[[Credential], Awaitable[R]],
    ) -> R:
        try:
            used = await self.acurrent()
        except SuperOfficeError as failed:
            raise self.failure(failed, name) from failed.__cause__
        try:
            return await attempt(used)
        except SuperOfficeError as error:
            if not rejects_credentials(error):
                raise
            try:
                await self.credentials.arejected(used)
                renewed = await self.acurrent()
            except CredentialsRejected:
                raise error from None
            except SuperOfficeError as failed:
                raise self.failure(failed, name) from error
            self._log_rejected(name, error)
        return await attempt(renewed)

    def _credential(self, name: str, current: Callable[[], Credential]) -> Credential:
        """The provider's credentials for call ``name``; a provider's own failure (a login
        refused, a token that failed validation) names the call."""
        try:
            return current()
        except SuperOfficeError as failed:
            raise self.failure(failed, name) from failed.__cause__

    def _log_rejected(self, name: str, error: SuperOfficeError) -> None:
        logger(__name__).info(
            "%s: the server refused the credentials (%s); trying once more with renewed ones",
            name,
            type(error).__name__,
        )

    def _sent(self, response: httpx.Response) -> None:
        """Hide the Authorization header actually sent (an ``httpx.Auth`` or a client's own
        headers may have set it): the whole value and the credential after the scheme."""
        sent = response.request.headers.get("authorization")
        if sent:
            self.remember([sent, sent.partition(" ")[2].strip()])

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

        attempt = throttled = 0
        waited = 0.0
        while True:
            try:
                response = client.send(request, stream=True)
                try:
                    self._sent(response)
                    cap = _Cap(response, self.max_reply_bytes)
                    content = b"".join([cap.check(chunk) for chunk in response.iter_bytes()])
                finally:
                    response.close()  # an unread rest closes the connection, not back to the pool
            except httpx.HTTPError as error:
                delay = self._retry_delay(name, request, error, attempt)
                attempt += 1
            except ReplyTooLarge as error:
                raise self.failure(error, name) from None
            else:
                throttle = self._throttle_delay(name, response, throttled, waited)
                if throttle is None:
                    return response, content
                delay, throttled, waited = throttle, throttled + 1, waited + throttle
            time.sleep(delay)

    async def send_async(
        self, client: httpx.AsyncClient, request: httpx.Request, name: str
    ) -> tuple[httpx.Response, bytes]:
        """The asyncio twin of :meth:`send`."""
        import asyncio

        import httpx

        attempt = throttled = 0
        waited = 0.0
        while True:
            try:
                response = await client.send(request, stream=True)
                try:
                    self._sent(response)
                    cap = _Cap(response, self.max_reply_bytes)
                    content = b"".join([cap.check(chunk) async for chunk in response.aiter_bytes()])
                finally:
                    await response.aclose()
            except httpx.HTTPError as error:
                delay = self._retry_delay(name, request, error, attempt)
                attempt += 1
            except ReplyTooLarge as error:
                raise self.failure(error, name) from None
            else:
                throttle = self._throttle_delay(name, response, throttled, waited)
                if throttle is None:
                    return response, content
                delay, throttled, waited = throttle, throttled + 1, waited + throttle
            await asyncio.sleep(delay)

    def _throttle_delay(
        self, name: str, response: httpx.Response, throttled: int, waited: float
    ) -> float | None:
        """The seconds to wait before sending a throttled call again, or None: the reply stands."""
        delay = self.retry.throttle_delay(
            response.status_code, response.headers.get("retry-after"), throttled, waited
        )
        if delay is not None:
            logger(__name__).info(
                "%s: HTTP %d from %s; retry %d of %d in %.2f s",
                name,
                response.status_code,
                response.request.url,
                throttled + 1,
                self.retry.throttle_retries,
                delay,
            )
        return delay

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
        credentials: CredentialProvider | None = None,
        ticket: str | None = None,
        application_token: str | None = None,
        time_zone_id: int | None = None,
        time_zone_code: str | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
        retries: int | RetryPolicy = 0,
        locator: TenantLocator | None = None,
    ) -> None:
        provider = provider_of(credentials, ticket=ticket, application_token=application_token)
        super().__init__(
            base_url,
            max_reply_bytes=max_reply_bytes,
            retries=retries,
            credentials=provider,
            locator=locator,
        )
        self.time_zone_id = time_zone_id
        self.time_zone_code = time_zone_code

    @property
    def ticket(self) -> str | None:
        """The ticket sent now (asks the provider)."""
        return self.current().ticket

    @ticket.setter
    def ticket(self, value: str | None) -> None:
        """Replace the ticket, e.g. after SoPrincipal's Authenticate gave a new one: the session's
        credentials become fixed (StaticCredentials) with the same application token."""
        fixed = replace(self.current(), ticket=value)
        self.credentials = StaticCredentials(fixed)
        self.remember(fixed)

    def url(self, endpoint: str) -> str:
        return f"{self.base_url}/{endpoint}"

    def request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        endpoint: str,
        operation: Operation[Any],
        args: tuple[Any, ...],
        used: Credential,
    ) -> httpx.Request:
        # An OpenID Connect access token goes where the ticket goes (Services86 and later).
        sent = Credentials(
            used.ticket or used.bearer,
            used.application_token,
            self.time_zone_id,
            self.time_zone_code,
        )
        content = operation.build_request(args, sent)
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
            raise self._http_error(response, content)
        if not content.strip():
            raise ProtocolError(f"the reply is empty (HTTP {response.status_code})")
        if not xml_reply:
            raise ProtocolError(
                f"expected an XML reply, got {content_type or 'no content type'}: "
                + snippet(self.text(content))
            )
        return operation.read_reply(content, response.status_code)

    def _http_error(self, response: httpx.Response, content: bytes) -> HTTPStatusError:
        return HTTPStatusError(
            response.status_code, response.reason_phrase, self.text(content), _headers(response)
        )


def _headers(response: httpx.Response) -> dict[str, str]:
    return {name.lower(): value for name, value in response.headers.items()}


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

    ``base_url`` is the tenant's root, e.g. ``https://sod.superoffice.com/Cust12345``, or the
    ``netserver_url`` the login gives (``.../Cust12345/Remote/Services88/``); agents add
    ``Remote/ServicesNN/<Service>.svc``. ``credentials`` is a
    :class:`~.credentials.CredentialProvider`, asked before each call; a call the server
    refused for its ticket (HTTP 401/403, NetServer's SoSessionException or a fault of an
    invalid or expired ticket) is tried once more after the provider renewed. Instead, give
    fixed ``ticket`` (from SoPrincipal or the online login; an OpenID Connect access token
    also goes here, Services86 and later) and ``application_token`` (the app's client secret,
    required online). Pass ``client`` to use your own ``httpx.Client`` (proxies, TLS);
    otherwise the session makes one with ``timeout`` and ``transport`` (e.g. a test double's)
    and closes it on ``close()``. ``retries`` (a count or a :class:`RetryPolicy`) resends a
    call only where the server cannot have run it; ``max_reply_bytes`` caps the reply.
    ``locator`` (an online ``TenantLocator``) gives the tenant's address before each call: asked
    again when its ValidUntil passes, and after a 421 Misdirected Request, a 503 or a failed
    connection (the call is then tried once more at a new address; a tenant that is not
    running raises ``TenantUnavailable``).
    """

    def __init__(
        self,
        base_url: str,
        *,
        credentials: CredentialProvider | None = None,
        ticket: str | None = None,
        application_token: str | None = None,
        time_zone_id: int | None = None,
        time_zone_code: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
        retries: int | RetryPolicy = 0,
        locator: TenantLocator | None = None,
    ) -> None:
        super().__init__(
            base_url,
            credentials=credentials,
            ticket=ticket,
            application_token=application_token,
            time_zone_id=time_zone_id,
            time_zone_code=time_zone_code,
            max_reply_bytes=max_reply_bytes,
            retries=retries,
            locator=locator,
        )
        self.own_client(client, timeout, transport)

    def call(self, endpoint: str, operation: Operation[R], args: tuple[Any, ...]) -> R:
        def attempt(used: Credential) -> R:
            request = self.request(self.client, endpoint, operation, args, used)
            response, body = self.send(self.client, request, operation.name)
            return self.interpret(operation, response, body)

        return self.perform(operation.name, attempt)


class AsyncSoapSession(_SessionBase, AsyncClientOwner):
    """The asyncio twin of :class:`SoapSession`, on ``httpx.AsyncClient``."""

    def __init__(
        self,
        base_url: str,
        *,
        credentials: CredentialProvider | None = None,
        ticket: str | None = None,
        application_token: str | None = None,
        time_zone_id: int | None = None,
        time_zone_code: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
        retries: int | RetryPolicy = 0,
        locator: TenantLocator | None = None,
    ) -> None:
        super().__init__(
            base_url,
            credentials=credentials,
            ticket=ticket,
            application_token=application_token,
            time_zone_id=time_zone_id,
            time_zone_code=time_zone_code,
            max_reply_bytes=max_reply_bytes,
            retries=retries,
            locator=locator,
        )
        self.own_client(client, timeout, transport)

    async def call(self, endpoint: str, operation: Operation[R], args: tuple[Any, ...]) -> R:
        async def attempt(used: Credential) -> R:
            request = self.request(self.client, endpoint, operation, args, used)
            response, body = await self.send_async(self.client, request, operation.name)
            return self.interpret(operation, response, body)

        return await self.aperform(operation.name, attempt)


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
    "tenant_root",
    "SyncClientOwner",
]
