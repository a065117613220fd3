"""SoCredentials: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA


@dataclass(slots=True, kw_only=True)
class SoCredentials:
    """The SoCredentials data contract of Services88."""

    ticket: str | None = None


SCHEMA.define(
    SoCredentials,
    "SoCredentials",
    wire.Element("ticket", "Ticket", wire.STRING, nillable=True),
)
