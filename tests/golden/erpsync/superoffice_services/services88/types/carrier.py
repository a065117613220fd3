"""Carrier: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA

if TYPE_CHECKING:
    from .field_property import FieldProperty
    from .table_right import TableRight


@dataclass(slots=True, kw_only=True)
class Carrier:
    """The Carrier data contract of Services88."""

    table_right: TableRight | None = None
    field_properties: dict[str, FieldProperty] | None = None


SCHEMA.define(
    Carrier,
    "Carrier",
    wire.Element("table_right", "TableRight", "TableRight", nillable=True),
    wire.Element(
        "field_properties",
        "FieldProperties",
        wire.DictOf("FieldPropertyDictionaryKeyValuePair", wire.STRING, "FieldProperty"),
        nillable=True,
    ),
)
