"""SoExceptionInfo: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA


@dataclass(slots=True, kw_only=True)
class SoExceptionInfo:
    """The SoExceptionInfo data contract of Services86."""

    message: str | None = None
    stack_trace: str | None = None
    friendly_text: str | None = None
    exception_type: str | None = None
    source: str | None = None
    inner_exception: SoExceptionInfo | None = None
    parameters: dict[str, str] | None = None


SCHEMA.define(
    SoExceptionInfo,
    "SoExceptionInfo",
    wire.Element("message", "Message", wire.STRING, nillable=True),
    wire.Element("stack_trace", "StackTrace", wire.STRING, nillable=True),
    wire.Element("friendly_text", "FriendlyText", wire.STRING, nillable=True),
    wire.Element("exception_type", "ExceptionType", wire.STRING, nillable=True),
    wire.Element("source", "Source", wire.STRING, nillable=True),
    wire.Element("inner_exception", "InnerException", "SoExceptionInfo", nillable=True),
    wire.Element(
        "parameters",
        "Parameters",
        wire.DictOf("SoExceptionInfoParametersKeyValuePair", wire.STRING, wire.STRING),
        nillable=True,
    ),
)
