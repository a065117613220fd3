"""SOAP 1.1 messages of one operation: the request envelope out, the reply envelope in.

The WSDL's binding decides the wire format: SOAP 1.1, document/literal wrapped, a SOAPAction
per operation, the ApplicationToken / Credentials / TimeZone header blocks in, and
ExceptionInfo / ExtraInfo / Succeeded / TimeZone header blocks back. (The docs' examples show a
SOAP 1.2 envelope with the headers straight under it: they are illustrations, not the wire.)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

from .errors import ProtocolError, ServiceError, SoapFault
from .wire import Element, Schema, escape, escape_attribute, localname

if TYPE_CHECKING:
    from lxml import etree

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
CONTENT_TYPE = "text/xml; charset=utf-8"

R = TypeVar("R")

_PARSER: etree.XMLParser | None = None


def _make_parser() -> etree.XMLParser:
    """Import lxml (on the first parse: a request is written without it) and make the parser."""
    global etree, _PARSER
    from lxml import etree

    _PARSER = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    return _PARSER


def parse_xml(content: bytes) -> etree._Element:
    """Parse a message: no DTD, no entities, no network, no huge trees."""
    parser = _PARSER if _PARSER is not None else _make_parser()
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise ProtocolError(f"the reply is not well-formed XML: {error}") from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ProtocolError("the reply holds a DTD, which SOAP forbids")
    return root


@dataclass(frozen=True)
class Credentials:
    """What a session sends in the request headers. Its repr hides the secrets."""

    ticket: str | None = field(default=None, repr=False)
    application_token: str | None = field(default=None, repr=False)
    time_zone_id: int | None = None
    time_zone_code: str | None = None


@dataclass
class Reply:
    """What a reply's headers said besides the result (see ``capture_replies``)."""

    operation: str
    succeeded: bool | None = None
    extra_info: dict[str, str | None] = field(default_factory=dict)
    time_zone: Any = None
    status_code: int = 200


_captured: ContextVar[list[Reply] | None] = ContextVar("superoffice_captured_replies", default=None)


@contextmanager
def capture_replies() -> Iterator[list[Reply]]:
    """Collect the reply headers (ExtraInfo, TimeZone, Succeeded) of the calls made inside the
    block, in this thread or task::

        with capture_replies() as replies:
            agent.get_connection(1)
        print(replies[0].extra_info)
    """
    replies: list[Reply] = []
    token = _captured.set(replies)
    try:
        yield replies
    finally:
        _captured.reset(token)


class Body:
    """The wrapper element of a request or response and its parts, in order."""

    def __init__(self, name: str, *parts: Element, namespace: str | None = None) -> None:
        self.name = name
        self.namespace = namespace
        self.parts = parts
        self.open = self.close = self.tag = ""
        self.by_tag: dict[str, Element] = {}

    def bind(self, schema: Schema) -> None:
        namespace = self.namespace or schema.namespace
        prefix = "" if namespace == schema.namespace else schema.prefixes[namespace] + ":"
        self.open, self.close = f"<{prefix}{self.name}>", f"</{prefix}{self.name}>"
        self.tag = f"{{{namespace}}}{self.name}"
        for part in self.parts:
            part.bind(schema)
        self.by_tag = {part.tag: part for part in self.parts}

    def read(self, node: etree._Element) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for child in node:
            part = self.by_tag.get(child.tag)
            if part is not None:
                values[part.attr] = part.read(child)
        return values


class Operation(Generic[R]):
    """One operation: its SOAPAction, request and response bodies, the header blocks its
    binding declares, and how the response parts become the method's return value
    (nothing, the one part, or a named tuple of several)."""

    def __init__(
        self,
        schema: Schema,
        name: str,
        action: str,
        *,
        request: Body,
        response: Body,
        headers: Sequence[str],
        reply_headers: Sequence[Element],
        result: Callable[..., Any] | None = None,
    ) -> None:
        self.schema = schema
        self.name = name
        self.action = action
        self.request = request
        self.response = response
        self.headers = tuple(headers)
        self.reply_headers = tuple(reply_headers)
        self.result = result
        self.ready = False
        self.envelope_open = ""

    def prepare(self) -> None:
        if self.ready:
            return
        schema = self.schema
        self.request.bind(schema)
        self.response.bind(schema)
        for element in self.reply_headers:
            element.bind(schema)
        declarations = "".join(
            f' xmlns:{prefix}="{escape_attribute(uri)}"' for uri, prefix in schema.prefixes.items()
        )
        namespace = escape_attribute(schema.namespace)
        self.envelope_open = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<soap:Envelope xmlns:soap="{SOAP11}" xmlns="{namespace}" xmlns:s="{namespace}"{declarations}>'
        )
        self.ready = True

    # -- request ---------------------------------------------------------------------------

    def build_request(self, args: Sequence[Any], credentials: Credentials) -> bytes:
        if not self.ready:
            self.prepare()
        parts = self.request.parts
        if len(args) != len(parts):
            raise TypeError(f"{self.name} takes {len(parts)} arguments, got {len(args)}")
        out = [self.envelope_open]
        header = self._header_blocks(credentials)
        if header:
            out.append("<soap:Header>")
            out.extend(header)
            out.append("</soap:Header>")
        out.append("<soap:Body>")
        out.append(self.request.open)
        for part, value in zip(parts, args):
            part.write(out, value)
        out.append(self.request.close)
        out.append("</soap:Body></soap:Envelope>")
        return "".join(out).encode("utf-8")

    def _header_blocks(self, credentials: Credentials) -> list[str]:
        blocks = []
        for name in self.headers:
            if name == "ApplicationToken" and credentials.application_token is not None:
                blocks.append(
                    f"<ApplicationToken>{escape(credentials.application_token)}</ApplicationToken>"
                )
            elif name == "Credentials" and credentials.ticket is not None:
                blocks.append(
                    f"<Credentials><Ticket>{escape(credentials.ticket)}</Ticket></Credentials>"
                )
            elif name == "TimeZone" and (
                credentials.time_zone_id is not None or credentials.time_zone_code is not None
            ):
                zone = "<TimeZone>"
                if credentials.time_zone_id is not None:
                    zone += f"<SoTimeZoneId>{int(credentials.time_zone_id)}</SoTimeZoneId>"
                if credentials.time_zone_code is not None:
                    zone += f"<SoTimeZoneLocationCode>{escape(credentials.time_zone_code)}</SoTimeZoneLocationCode>"
                blocks.append(zone + "</TimeZone>")
        return blocks

    def read_request(self, content: bytes) -> list[Any]:
        """The arguments of a request envelope, in parameter order (for test doubles and for
        reading the docs' examples)."""
        if not self.ready:
            self.prepare()
        body = _body_of(parse_xml(content))
        node = _first_element(body)
        if node is None or node.tag != self.request.tag:
            raise ProtocolError(f"expected a {self.request.name} request")
        values = self.request.read(node)
        return [values.get(part.attr) for part in self.request.parts]

    # -- reply -----------------------------------------------------------------------------

    def read_reply(self, content: bytes, status_code: int = 200) -> R:
        """The operation's return value, or the typed exception the reply stands for."""
        if not self.ready:
            self.prepare()
        envelope = parse_xml(content)
        body = _body_of(envelope)
        headers = _header_of(envelope)
        reply = Reply(self.name, status_code=status_code)
        info = None
        if headers is not None:
            by_tag = {element.tag: element for element in self.reply_headers}
            for child in headers:
                element = by_tag.get(child.tag)
                if element is None:
                    continue
                value = element.read(child)
                if element.name == "Succeeded":
                    reply.succeeded = value
                elif element.name == "ExtraInfo":
                    reply.extra_info = dict(value or {})
                elif element.name == "TimeZone":
                    reply.time_zone = value
                elif element.name == "ExceptionInfo":
                    info = value
        captured = _captured.get()
        if captured is not None:
            captured.append(reply)
        node = _first_element(body)
        if node is not None and node.tag in (f"{{{SOAP11}}}Fault", f"{{{SOAP12}}}Fault"):
            raise _fault(node, status_code)
        if info is not None or reply.succeeded is False:
            raise service_error(info, reply.extra_info)
        if node is None or node.tag != self.response.tag:
            found = localname(node) if node is not None else "nothing"
            raise ProtocolError(
                f"{self.name}: expected {self.response.name} in the reply body, found {found}"
            )
        values = self.response.read(node)
        parts = self.response.parts
        if not parts:
            return None  # type: ignore[return-value]
        if self.result is None:
            part = parts[0]
            if part.attr not in values and not part.nillable:
                raise ProtocolError(f"{self.name}: the reply has no {part.name}")
            result: R = values[part.attr] if part.attr in values else None  # type: ignore[assignment]
            return result
        combined: R = self.result(**{part.attr: values.get(part.attr) for part in parts})
        return combined


def _body_of(envelope: etree._Element) -> etree._Element:
    if envelope.tag not in (f"{{{SOAP11}}}Envelope", f"{{{SOAP12}}}Envelope"):
        raise ProtocolError(
            f"the reply is not a SOAP envelope (root element {localname(envelope)})"
        )
    for child in envelope:
        if isinstance(child.tag, str) and localname(child) == "Body":
            return child
    raise ProtocolError("the SOAP envelope has no Body")


def _header_of(envelope: etree._Element) -> etree._Element | None:
    for child in envelope:
        if isinstance(child.tag, str) and localname(child) == "Header":
            return child
    return None


def _first_element(node: etree._Element) -> etree._Element | None:
    for child in node:
        if isinstance(child.tag, str):
            return child
    return None


def _fault(node: etree._Element, status_code: int) -> SoapFault:
    def text(*paths: str) -> str:
        for path in paths:
            found = node.find(path)
            if found is not None:
                return "".join(str(text) for text in found.itertext()).strip()
        return ""

    ns12 = f"{{{SOAP12}}}"
    code = text("faultcode", f"{ns12}Code/{ns12}Value")
    message = text("faultstring", f"{ns12}Reason/{ns12}Text") or "SOAP fault without a message"
    detail = text("detail", f"{ns12}Detail")
    return SoapFault(code, message, detail, status_code)


def service_error(
    info: Any, extra_info: Mapping[str, str | None] | None = None, depth: int = 0
) -> ServiceError:
    """An ExceptionInfo header (a SoExceptionInfo of the version) as a ServiceError."""
    if info is None:
        return ServiceError(
            "the service reported Succeeded=false without ExceptionInfo", extra_info=extra_info
        )
    inner_info = getattr(info, "inner_exception", None)
    inner = (
        service_error(inner_info, None, depth + 1)
        if inner_info is not None and depth < 20
        else None
    )
    return ServiceError(
        getattr(info, "message", None) or "",
        exception_type=getattr(info, "exception_type", None) or "",
        friendly_text=getattr(info, "friendly_text", None) or "",
        source=getattr(info, "source", None) or "",
        stack_trace=getattr(info, "stack_trace", None) or "",
        parameters=getattr(info, "parameters", None) or {},
        inner=inner,
        extra_info=extra_info,
    )


__all__ = [
    "Body",
    "CONTENT_TYPE",
    "Credentials",
    "Operation",
    "Reply",
    "capture_replies",
    "parse_xml",
]
