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
    display_description: str | None = None
    active: bool | None = None
    deleted: bool | None = None
    last_sync: datetime | None = None
    actors: list[ErpSyncActorSummary] | None = None


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
