"""ErpSyncConnectionSummary: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .erp_sync_actor_summary import ErpSyncActorSummary


@dataclass(slots=True, kw_only=True)
class ErpSyncConnectionSummary(Carrier):
    """The ErpSyncConnectionSummary data contract of Services88."""

    display_name: str | None = None
    """Connection name shown to user; multi-language support"""

    display_description: str | None = None
    """Tooltip/description shown to user; multi-language support"""

    active: bool | None = None
    """Is the connection currently active"""

    deleted: bool | None = None
    """Is the connection deleted"""

    last_sync: datetime | None = None
    """The time of the last sync"""

    actors: list[ErpSyncActorSummary] | None = None
    """Summaries of the configuration of the actors configured for this connection"""


SCHEMA.define(
    ErpSyncConnectionSummary,
    "ErpSyncConnectionSummary",
    wire.Element("display_name", "DisplayName", wire.STRING, nillable=True),
    wire.Element("display_description", "DisplayDescription", wire.STRING, nillable=True),
    wire.Element("active", "Active", wire.BOOLEAN),
    wire.Element("deleted", "Deleted", wire.BOOLEAN),
    wire.Element("last_sync", "LastSync", wire.DATETIME),
    wire.Element(
        "actors",
        "Actors",
        wire.ArrayOf("ErpSyncActorSummary", "ErpSyncActorSummary", nillable=True),
        nillable=True,
    ),
)
