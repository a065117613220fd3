"""SoTimeZone: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA


@dataclass(slots=True, kw_only=True)
class SoTimeZone:
    """The SoTimeZone data contract of Services86."""

    so_time_zone_id: int | None = None
    so_time_zone_location_code: str | None = None


SCHEMA.define(
    SoTimeZone,
    "SoTimeZone",
    wire.Element("so_time_zone_id", "SoTimeZoneId", wire.INT),
    wire.Element(
        "so_time_zone_location_code", "SoTimeZoneLocationCode", wire.STRING, nillable=True
    ),
)
