"""ChangedDataItem: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier


@dataclass(slots=True, kw_only=True)
class ChangedDataItem(Carrier):
    """The ChangedDataItem data contract of Services88."""

    tablename: str | None = None
    record_id: int | None = None


SCHEMA.define(
    ChangedDataItem,
    "ChangedDataItem",
    wire.Element("tablename", "Tablename", wire.STRING, nillable=True),
    wire.Element("record_id", "RecordId", wire.INT),
)
