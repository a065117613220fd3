"""ErpSyncEngineStatus: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier


@dataclass(slots=True, kw_only=True)
class ErpSyncEngineStatus(Carrier):
    """The ErpSyncEngineStatus data contract of Services88."""

    is_running: bool | None = None
    """Is the engine currently running"""

    status_message: str | None = None
    """Current status message from the engine"""

    interval: timedelta | None = None
    """The interval for each iteration of the sync engine"""


SCHEMA.define(
    ErpSyncEngineStatus,
    "ErpSyncEngineStatus",
    wire.Element("is_running", "IsRunning", wire.BOOLEAN),
    wire.Element("status_message", "StatusMessage", wire.STRING, nillable=True),
    wire.Element("interval", "Interval", wire.DURATION),
)
