"""ErpSyncActorSummary: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .erp_actor_type import ErpActorType


@dataclass(slots=True, kw_only=True)
class ErpSyncActorSummary(Carrier):
    """The ErpSyncActorSummary data contract of Services86."""

    actor_type: ErpActorType | None = None
    has_mappings: bool | None = None
    defaults: str | None = None
    mappings: str | None = None


SCHEMA.define(
    ErpSyncActorSummary,
    "ErpSyncActorSummary",
    wire.Element("actor_type", "ActorType", "ErpActorType"),
    wire.Element("has_mappings", "HasMappings", wire.BOOLEAN),
    wire.Element("defaults", "Defaults", wire.STRING, nillable=True),
    wire.Element("mappings", "Mappings", wire.STRING, nillable=True),
)
