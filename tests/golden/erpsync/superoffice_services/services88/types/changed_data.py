"""ChangedData: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .changed_data_item import ChangedDataItem


@dataclass(slots=True, kw_only=True)
class ChangedData(Carrier):
    """The ChangedData data contract of Services88."""

    added_records: list[ChangedDataItem] | None = None
    updated_records: list[ChangedDataItem] | None = None
    deleted_records: list[ChangedDataItem] | None = None


SCHEMA.define(
    ChangedData,
    "ChangedData",
    wire.Element(
        "added_records",
        "AddedRecords",
        wire.ArrayOf("ChangedDataItem", "ChangedDataItem", nillable=True),
        nillable=True,
    ),
    wire.Element(
        "updated_records",
        "UpdatedRecords",
        wire.ArrayOf("ChangedDataItem", "ChangedDataItem", nillable=True),
        nillable=True,
    ),
    wire.Element(
        "deleted_records",
        "DeletedRecords",
        wire.ArrayOf("ChangedDataItem", "ChangedDataItem", nillable=True),
        nillable=True,
    ),
)
