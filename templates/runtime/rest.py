"""The WebAPI: ``POST /api/v1/Agents/<Agent>/<Method>`` and the RESTful entity endpoints
(``GET /api/v1/Contact/{id}``), with JSON in and out.

An ``Endpoint`` says where each parameter travels (query string, a property of the JSON request
object, the whole body, or the URL's path) and what comes back; a ``WebApiSession`` holds the tenant's URL, the
authorization and the default request options, and turns HTTP errors into the same exception
hierarchy as the SOAP client.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from urllib.parse import quote
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from . import jsonwire
from .credentials import Credential, CredentialProvider, provider_of
from .errors import HTTPStatusError, ProtocolError, SuperOfficeError, snippet
from .session import (
    DEFAULT_MAX_REPLY_BYTES,
    DEFAULT_TIMEOUT,
    AsyncClientOwner,
    Connection,
    RetryPolicy,
    SyncClientOwner,
    basic_authorization,
)
from .wire import Element, Schema

if TYPE_CHECKING:  # imported on first use, as in session.py
    import httpx

    from .tenant import TenantLocator

R = TypeVar("R")

JSON = "application/json"

Select = str | Sequence[str] | None


@dataclass(frozen=True)
class CallOptions:
    """Request headers that change how the WebAPI answers; set defaults on the session and
    override per call."""

    language: str | None = None  # SO-Language: string resources and multi-language values
    culture: str | None = None  # SO-Culture: number and date formatting
    time_zone: str | None = None  # SO-TimeZone: dates converted to this time zone
    accept_language: str | None = None  # Accept-Language

    def headers(self) -> dict[str, str]:
        pairs = (
            ("Accept-Language", self.accept_language),
            ("SO-Language", self.language),
            ("SO-Culture", self.culture),
            ("SO-TimeZone", self.time_zone),
        )
        return {name: value for name, value in pairs if value is not None}

    def merged(self, other: CallOptions | None) -> CallOptions:
        if other is None:
            return self
        return replace(self, **{k: v for k, v in vars(other).items() if v is not None})


class WebApiError(HTTPStatusError):
    """An HTTP error reply of the WebAPI, with SuperOffice's JSON error body
    (Error, ErrorType, ErrorMessage, ErrorSource) where it sent one."""

    def __init__(
        self,
        status_code: int,
        reason: str,
        body: str,
        details: Mapping[str, Any],
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.error = str(details.get("Error") or "")
        self.error_type = str(details.get("ErrorType") or "")
        self.error_message = str(details.get("ErrorMessage") or "")
        self.error_source = str(details.get("ErrorSource") or "")
        super().__init__(status_code, reason, body, headers)
        text = self.error_message or self.error or self.body
        self.args = (
            f"HTTP {status_code} {reason}: {self.error_type + ': ' if self.error_type else ''}{text}",
        )


Location = Literal["query", "property", "body", "path"]


class Param:
    """One parameter: its element spec (attribute, wire name, type) and where it travels."""

    __slots__ = ("element", "location")

    def __init__(self, location: Location, element: Element) -> None:
        self.location = location
        self.element = element


def query(element: Element) -> Param:
    return Param("query", element)


def prop(element: Element) -> Param:
    return Param("property", element)


def body(element: Element) -> Param:
    return Param("body", element)


def path(element: Element) -> Param:
    return Param("path", element)


class Endpoint(Generic[R]):
    """One WebAPI method: its path, parameters, and the reply's type (None: no content).

    An agent's ``path`` is ``<Agent>/<Method>`` (POST under ``/api/v1/Agents/``); an entity
    endpoint's is the whole path template (``/api/v1/Contact/{id}``) with its HTTP
    ``method``; ``raw``: the reply is returned as bytes, whatever its content type."""

    def __init__(
        self,
        schema: Schema,
        path: str,
        *params: Param,
        returns: Element | None = None,
        select: bool = False,
        method: str = "POST",
        raw: bool = False,
    ) -> None:
        self.schema = schema
        self.path = path
        self.params = params
        self.returns = returns
        self.select = select
        self.method = method
        self.raw = raw
        self.ready = False
        # what errors are named by: the agent's path, or the entity endpoint's method and path
        self.name = path if not path.startswith("/") else f"{method} {path}"

    def prepare(self) -> None:
        if self.ready:
            return
        for param in self.params:
            param.element.bind(self.schema)
        if self.returns is not None:
            self.returns.bind(self.schema)
        self.ready = True

    def build(
        self, args: Sequence[Any], select: Select = None
    ) -> tuple[dict[str, str], bytes | None]:
        """The query string and JSON body of a call."""
        if not self.ready:
            self.prepare()
        if len(args) != len(self.params):
            raise TypeError(f"{self.path} takes {len(self.params)} arguments, got {len(args)}")
        params: dict[str, str] = {}
        payload: dict[str, Any] = {}
        whole: tuple[Any] | None = None
        for param, value in zip(self.params, args):
            element = param.element
            encoded = jsonwire.encode(element.codec, value)  # type: ignore[arg-type]
            if param.location == "query":
                if value is not None:
                    params[element.name] = _query_text(encoded)
            elif param.location == "path":
                continue  # in the URL: target()
            elif param.location == "property":
                if value is not None or element.nillable:  # None of a value type: left out
                    payload[element.name] = encoded
            else:
                whole = (encoded,)
        if select is not None:
            params["$select"] = select if isinstance(select, str) else ",".join(select)
        # the whole body is one value; None: no body, as the docs' samples show
        if whole is not None:
            content: bytes | None = (
                None
                if whole[0] is None
                else json.dumps(whole[0], ensure_ascii=False).encode("utf-8")
            )
        elif payload or any(p.location == "property" for p in self.params):
            content = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        else:
            content = None
        return params, content

    def target(self, args: Sequence[Any]) -> str:
        """The path with its parameters filled in, each one encoded whole: a value cannot
        change the path's structure (``/``, ``?``, ``#``, ``%`` and dots are escaped)."""
        text = self.path
        for param, value in zip(self.params, args):
            if param.location != "path":
                continue
            element = param.element
            if value is None:
                raise TypeError(f"{self.name}: path parameter {element.attr} is None")
            segment = _query_text(jsonwire.encode(element.codec, value))  # type: ignore[arg-type]
            if not segment:
                raise ValueError(f"{self.name}: path parameter {element.attr} is empty")
            text = text.replace(
                "{" + element.name + "}", quote(segment, safe="").replace(".", "%2E")
            )
        return text

    def read_request(self, content: bytes | None, params: Mapping[str, str]) -> list[Any]:
        """The arguments of a request (for test doubles and for reading the docs' samples)."""
        if not self.ready:
            self.prepare()
        data = json.loads(content) if content else None
        args: list[Any] = []
        for param in self.params:
            element = param.element
            if param.location == "query":
                text = params.get(element.name)
                args.append(None if text is None else jsonwire.decode(element.codec, _from_query(element, text), element.name))  # type: ignore[arg-type]
            elif param.location == "property":
                value = data.get(element.name) if isinstance(data, Mapping) else None
                args.append(jsonwire.decode(element.codec, value, element.name))  # type: ignore[arg-type]
            else:
                args.append(jsonwire.decode(element.codec, data, "the body"))  # type: ignore[arg-type]
        return args

    def read_reply(self, content: bytes) -> R:
        if not self.ready:
            self.prepare()
        if self.raw:
            return content  # type: ignore[return-value]
        if self.returns is None or not content.strip():
            return None  # type: ignore[return-value]
        try:
            data = json.loads(content)
        except (ValueError, RecursionError) as error:  # Recursion: nested deeper than any reply
            raise ProtocolError(
                f"{self.name}: the reply is not JSON: {error or type(error).__name__}"
            ) from None
        result: R = jsonwire.decode(self.returns.codec, data, "the reply")  # type: ignore[arg-type]
        return result


def _query_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_query_text(item) for item in value)
    return str(value)


def _from_query(element: Element, text: str) -> Any:
    """Query values are text; give the JSON decoder the JSON value it expects."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if not isinstance(value, str) else text


class _WebApiBase(Connection):
    def __init__(
        self,
        base_url: str,
        *,
        credentials: CredentialProvider | None = None,
        bearer_token: str | None = None,
        ticket: str | None = None,
        basic: tuple[str, str] | None = None,
        application_token: str | None = None,
        options: CallOptions | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
        retries: int | RetryPolicy = 0,
        locator: TenantLocator | None = None,
    ) -> None:
        if sum(x is not None for x in (bearer_token, ticket, basic)) > 1:
            raise ValueError("give one of bearer_token, ticket and basic")
        provider = provider_of(
            credentials,
            ticket=ticket,
            bearer=bearer_token,
            basic=basic,
            application_token=application_token,
        )
        super().__init__(
            base_url,
            max_reply_bytes=max_reply_bytes,
            retries=retries,
            credentials=provider,
            locator=locator,
        )
        self.options = options or CallOptions()

    def request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        endpoint: Endpoint[Any],
        args: tuple[Any, ...],
        select: Select,
        options: CallOptions | None,
        used: Credential | None = None,
    ) -> httpx.Request:
        params, content = endpoint.build(args, select)
        headers = self.headers(options, content is not None, endpoint.raw, used)
        return client.build_request(
            endpoint.method,
            self.url(endpoint, args),
            params=params,
            content=content,
            headers=headers,
        )

    def url(self, endpoint: Endpoint[Any], args: Sequence[Any] = ()) -> str:
        if endpoint.path.startswith("/"):  # an entity endpoint: the whole path
            return f"{self.base_url}{endpoint.target(args)}"
        return f"{self.base_url}/api/v1/Agents/{endpoint.path}"

    def headers(
        self,
        options: CallOptions | None,
        has_body: bool,
        raw: bool = False,
        used: Credential | None = None,
    ) -> dict[str, str]:
        if used is None:
            used = self.current()
        headers = {"Accept": "*/*" if raw else JSON}
        if has_body:
            headers["Content-Type"] = f"{JSON}; charset=utf-8"
        authorization = _authorization(used.bearer, used.ticket, used.basic)
        if authorization is not None:
            self.remember([authorization])
        else:
            authorization = self.url_authorization
        if authorization is not None:
            headers["Authorization"] = authorization
        if used.application_token is not None:
            headers["SO-AppToken"] = used.application_token
        headers.update(self.options.merged(options).headers())
        return headers

    def interpret(self, endpoint: Endpoint[R], response: httpx.Response, content: bytes) -> R:
        try:
            return self._interpret(endpoint, response, content)
        except SuperOfficeError as error:
            raise self.failure(error, endpoint.name) from None

    def _interpret(self, endpoint: Endpoint[R], response: httpx.Response, content: bytes) -> R:
        if response.status_code >= 400:
            text = self.text(content)
            details: Any = None
            try:
                details = json.loads(content) if content.strip() else None
            except (ValueError, RecursionError):
                pass
            headers = {name.lower(): value for name, value in response.headers.items()}
            if isinstance(details, Mapping):
                raise WebApiError(
                    response.status_code, response.reason_phrase, text, details, headers
                )
            raise HTTPStatusError(response.status_code, response.reason_phrase, text, headers)
        if endpoint.raw:
            return endpoint.read_reply(content)
        if response.status_code == 204:
            return None  # type: ignore[return-value]
        content_type = response.headers.get("content-type", "")
        if content.strip() and "json" not in content_type.lower():
            raise ProtocolError(
                f"expected a JSON reply, got {content_type or 'no content type'}: "
                + snippet(self.text(content))
            )
        if endpoint.returns is not None and not content.strip():
            # A missing value comes as 204 or ``null``; an empty 200 is a reply cut short.
            raise ProtocolError(f"the reply is empty (HTTP {response.status_code}), expected JSON")
        return endpoint.read_reply(content)


def _authorization(
    bearer_token: str | None, ticket: str | None, basic: tuple[str, str] | None
) -> str | None:
    if bearer_token is not None:
        return f"Bearer {bearer_token}"
    if ticket is not None:
        return f"SOTicket {ticket}"
    if basic is not None:
        return basic_authorization(*basic)
    return None


class WebApiSession(_WebApiBase, SyncClientOwner):
    """A synchronous connection to one tenant's WebAPI.

    ``base_url`` is the tenant's root (``https://sod.superoffice.com/Cust12345``) or the
    ``webapi_url`` the login gives (``.../Cust12345/api/``). ``credentials`` is a
    :class:`~.credentials.CredentialProvider`, asked before each call; a call refused with
    401 or 403 is tried once more after the provider renewed. ``locator``: as for SoapSession
    (the tenant's address, followed after a 421, a 503 or a failed connection). Instead, authorize with one of
    ``bearer_token`` (OAuth access token), ``ticket`` (SOTicket) or ``basic``
    ((user, password), on-site); ``application_token`` is sent as SO-AppToken. ``options``
    are the default language, culture and time zone headers of every call. ``retries`` and
    ``max_reply_bytes`` work as in :class:`SoapSession`.
    """

    def __init__(
        self,
        base_url: str,
        *,
        credentials: CredentialProvider | None = None,
        bearer_token: str | None = None,
        ticket: str | None = None,
        basic: tuple[str, str] | None = None,
        application_token: str | None = None,
        options: CallOptions | None = None,
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
            bearer_token=bearer_token,
            ticket=ticket,
            basic=basic,
            application_token=application_token,
            options=options,
            max_reply_bytes=max_reply_bytes,
            retries=retries,
            locator=locator,
        )
        self.own_client(client, timeout, transport)

    def call(
        self,
        endpoint: Endpoint[R],
        args: tuple[Any, ...],
        select: Select = None,
        options: CallOptions | None = None,
    ) -> R:
        def attempt(used: Credential) -> R:
            request = self.request(self.client, endpoint, args, select, options, used)
            response, data = self.send(self.client, request, endpoint.name)
            return self.interpret(endpoint, response, data)

        return self.perform(endpoint.name, attempt)


class AsyncWebApiSession(_WebApiBase, AsyncClientOwner):
    """The asyncio twin of :class:`WebApiSession`, on ``httpx.AsyncClient``."""

    def __init__(
        self,
        base_url: str,
        *,
        credentials: CredentialProvider | None = None,
        bearer_token: str | None = None,
        ticket: str | None = None,
        basic: tuple[str, str] | None = None,
        application_token: str | None = None,
        options: CallOptions | None = None,
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
            bearer_token=bearer_token,
            ticket=ticket,
            basic=basic,
            application_token=application_token,
            options=options,
            max_reply_bytes=max_reply_bytes,
            retries=retries,
            locator=locator,
        )
        self.own_client(client, timeout, transport)

    async def call(
        self,
        endpoint: Endpoint[R],
        args: tuple[Any, ...],
        select: Select = None,
        options: CallOptions | None = None,
    ) -> R:
        async def attempt(used: Credential) -> R:
            request = self.request(self.client, endpoint, args, select, options, used)
            response, data = await self.send_async(self.client, request, endpoint.name)
            return self.interpret(endpoint, response, data)

        return await self.aperform(endpoint.name, attempt)


class WebApiAgent:
    """Base of the generated synchronous WebAPI agents."""

    def __init__(self, session: WebApiSession) -> None:
        self.session = session

    def _call(
        self,
        endpoint: Endpoint[R],
        args: tuple[Any, ...],
        select: Select,
        options: CallOptions | None,
    ) -> R:
        return self.session.call(endpoint, args, select, options)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.session!r})"


class AsyncWebApiAgent:
    """Base of the generated asyncio WebAPI agents."""

    def __init__(self, session: AsyncWebApiSession) -> None:
        self.session = session

    async def _call(
        self,
        endpoint: Endpoint[R],
        args: tuple[Any, ...],
        select: Select,
        options: CallOptions | None,
    ) -> R:
        return await self.session.call(endpoint, args, select, options)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.session!r})"


__all__ = [
    "AsyncWebApiAgent",
    "AsyncWebApiSession",
    "CallOptions",
    "Endpoint",
    "Select",
    "WebApiAgent",
    "WebApiError",
    "WebApiSession",
    "body",
    "path",
    "prop",
    "query",
]
