"""The exceptions of the client. Every failure of a call raises a subclass of SuperOfficeError.

Messages never hold the ticket, the application token or a password: the request is not
echoed back, and the reply's text is shortened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_SNIPPET = 500  # characters of a reply body kept in an exception, for a human to read


def snippet(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _SNIPPET else text[:_SNIPPET] + "…"


class SuperOfficeError(Exception):
    """Base class of every error raised by the client."""

    operation: str = ""  # the operation (SOAP) or endpoint path (WebAPI) of the failed call


def in_call(error: SuperOfficeError, operation: str) -> SuperOfficeError:
    """``error`` with the call's operation recorded and in front of its message (once)."""
    error.operation = operation
    first = error.args[0] if error.args else ""
    if isinstance(first, str) and not first.startswith(f"{operation}: "):
        error.args = (f"{operation}: {first}", *error.args[1:])
    return error


def copied(error: BaseException) -> BaseException:
    """A copy of ``error`` to raise in another thread or task (one renewal's failure reaches
    every caller that waited for it; each gets its own traceback and message). Not rebuilt
    through ``__init__``, whose signature differs between the errors."""
    if not isinstance(error, SuperOfficeError):
        return error
    clone = type(error).__new__(type(error))
    clone.__dict__.update(vars(error))
    clone.args = error.args
    clone.__cause__, clone.__suppress_context__ = error.__cause__, error.__suppress_context__
    return clone


def redact(error: SuperOfficeError, secrets: Iterable[str]) -> SuperOfficeError:
    """``error`` with every secret in its message and text fields replaced by ``***`` (a server
    may echo a ticket or a token back in a fault or an error page)."""
    hidden = [secret for secret in secrets if secret]
    if hidden:
        _redact(error, hidden, 0)
    return error


def _redact(value: object, secrets: list[str], depth: int) -> object:
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, "***")
        return value
    if isinstance(value, dict):
        return {_redact(k, secrets, depth): _redact(v, secrets, depth) for k, v in value.items()}
    # inner ServiceErrors; bounded like ``chain``
    if isinstance(value, SuperOfficeError) and depth < 50:
        value.args = tuple(_redact(arg, secrets, depth + 1) for arg in value.args)
        for name, field in list(vars(value).items()):
            setattr(value, name, _redact(field, secrets, depth + 1))
    return value


class TransportError(SuperOfficeError):
    """The request did not get a complete HTTP reply: connection refused or reset, timeout,
    a reply larger than the session allows. ``request_sent`` is False only when the connection
    was never established, so the server cannot have seen the request."""

    def __init__(self, message: str, *, request_sent: bool = True) -> None:
        super().__init__(message)
        self.request_sent = request_sent


class TransportTimeout(TransportError):
    """No connection, or no (complete) reply, within the session's timeout."""


class ReplyTooLarge(TransportError):
    """The reply is larger than the session's ``max_reply_bytes``; it was not read further."""


class HTTPStatusError(SuperOfficeError):
    """The server answered with an HTTP error status and no SOAP fault in the body."""

    def __init__(
        self, status_code: int, reason: str, body: str, headers: Mapping[str, str] | None = None
    ) -> None:
        self.status_code = status_code
        self.reason = reason
        self.body = snippet(body)
        # the reply's headers, names in lower case: Retry-After, correlation ids
        self.headers = dict(headers or {})
        super().__init__(
            f"HTTP {status_code} {reason}: {self.body}"
            if self.body
            else f"HTTP {status_code} {reason}"
        )


class ProtocolError(SuperOfficeError):
    """The reply is not the SOAP message the operation promises: not XML, no Envelope, the
    wrong body element, a value that does not parse."""


class SoapFault(SuperOfficeError):
    """The server answered with a SOAP Fault."""

    def __init__(
        self, code: str, message: str, detail: str = "", status_code: int | None = None
    ) -> None:
        self.code = code
        self.message = message
        self.detail = snippet(detail)
        self.status_code = status_code
        super().__init__(f"{code}: {message}" if code else message)


class ServiceError(SuperOfficeError):
    """NetServer reported a failure in the reply headers (``Succeeded`` false and/or an
    ``ExceptionInfo``). The fields mirror SoExceptionInfo."""

    def __init__(
        self,
        message: str,
        *,
        exception_type: str = "",
        friendly_text: str = "",
        source: str = "",
        stack_trace: str = "",
        parameters: Mapping[str, str | None] | None = None,
        inner: ServiceError | None = None,
        extra_info: Mapping[str, str | None] | None = None,
    ) -> None:
        self.message = message
        self.exception_type = exception_type
        self.friendly_text = friendly_text
        self.source = source
        self.stack_trace = stack_trace
        self.parameters = dict(parameters or {})
        self.inner = inner
        self.extra_info = dict(extra_info or {})
        text = message or friendly_text or "the service reported a failure without a message"
        super().__init__(f"{exception_type}: {text}" if exception_type else text)

    @property
    def chain(self) -> list[ServiceError]:
        """This error followed by its inner exceptions, outermost first."""
        errors: list[ServiceError] = []
        current: ServiceError | None = self
        while current is not None and len(errors) < 50:
            errors.append(current)
            current = current.inner
        return errors


# NetServer's exception for a ticket it cannot turn into a session (invalid, expired, unknown),
# raised while it sets up the call's session, before the operation runs.
REJECTING_EXCEPTIONS = frozenset({"SoSessionException"})
_TICKET_REFUSED = re.compile(
    r"\b(invalid|expired|unknown)\s+(ticket|credentials|access token)\b"
    r"|\b(ticket|credentials|access token)\b[^.]{0,40}\b(invalid|expired|not valid)\b",
    re.IGNORECASE,
)
REJECTING_STATUSES = frozenset({401, 403})


def rejects_credentials(error: SuperOfficeError) -> bool:
    """``error`` says the server refused the call's credentials before running it: HTTP 401 or
    403, or a SOAP fault / ExceptionInfo of an invalid or expired ticket."""
    if isinstance(error, HTTPStatusError):
        return error.status_code in REJECTING_STATUSES
    if isinstance(error, SoapFault):
        return error.status_code in REJECTING_STATUSES or bool(
            _TICKET_REFUSED.search(f"{error.message} {error.detail}")
        )
    if isinstance(error, ServiceError):
        return any(
            e.exception_type.rpartition(".")[2] in REJECTING_EXCEPTIONS
            or _TICKET_REFUSED.search(e.message)
            for e in error.chain
        )
    return False


class SerializationError(SuperOfficeError, ValueError):
    """A value given to an operation cannot be written as XML (wrong type, a character XML
    cannot carry)."""


class MissingExtra(SuperOfficeError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it."""


class LoginError(SuperOfficeError):
    """SuperOffice's login (SuperID) did not give credentials. ``status_code`` is the HTTP status
    of its reply, when there was one."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class LoginUnreachable(LoginError, TransportError):
    """The login host could not be reached (DNS, connection refused, timeout, TLS)."""

    def __init__(self, message: str) -> None:
        LoginError.__init__(self, message)
        self.request_sent = False


class SystemUserError(LoginError):
    """The PartnerSystemUser service answered ``IsSuccessful`` false. ``error_code`` is the
    documented AuthorizeErrorCode (InvalidTimestamp, InvalidSignature, ...) when one is known."""

    def __init__(
        self, error_message: str, *, error_code: int | None = None, error_name: str = ""
    ) -> None:
        self.error_message = snippet(error_message)
        self.error_code = error_code
        self.error_name = error_name
        named = f" ({error_name})" if error_name else ""
        super().__init__(
            f"the system user ticket was refused{named}: {self.error_message or 'no ErrorMessage'}"
        )


class TokenValidationError(LoginError):
    """A token from the login failed validation (signature, issuer, audience, expiry) and none
    of its claims was used."""


class TenantUnavailable(SuperOfficeError):
    """The tenant's state says its APIs cannot be used now: Suspended, OfflineMaintenance or
    Deleted, or, for a session's ``TenantLocator``, any state that is not running
    (Provisioning, MigrationPending...). ``state`` is the TenantStatus."""

    def __init__(self, context_identifier: str, state: object) -> None:
        self.context_identifier = context_identifier
        self.state = state
        name = getattr(state, "name", str(state))
        super().__init__(f"tenant {context_identifier} is not available: its state is {name}")


__all__ = [
    "HTTPStatusError",
    "LoginError",
    "LoginUnreachable",
    "MissingExtra",
    "ProtocolError",
    "ReplyTooLarge",
    "SerializationError",
    "ServiceError",
    "SoapFault",
    "SuperOfficeError",
    "SystemUserError",
    "TenantUnavailable",
    "TokenValidationError",
    "TransportError",
    "TransportTimeout",
    "copied",
    "in_call",
    "redact",
    "rejects_credentials",
]
