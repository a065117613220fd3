"""FieldMetadata: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .field_access import FieldAccess
    from .field_metadata_type import FieldMetadataType


@dataclass(slots=True, kw_only=True)
class FieldMetadata(Carrier):
    """The FieldMetadata data contract of Services88."""

    field_key: str | None = None
    rank: int | None = None
    display_name: str | None = None
    display_description: str | None = None
    field_type: FieldMetadataType | None = None
    list_name: str | None = None
    default_value: str | None = None
    max_length: int | None = None
    access: FieldAccess | None = None
    show_in_search: bool | None = None


SCHEMA.define(
    FieldMetadata,
    "FieldMetadata",
    wire.Element("field_key", "FieldKey", wire.STRING, nillable=True),
    wire.Element("rank", "Rank", wire.INT),
    wire.Element("display_name", "DisplayName", wire.STRING, nillable=True),
    wire.Element("display_description", "DisplayDescription", wire.STRING, nillable=True),
    wire.Element("field_type", "FieldType", "FieldMetadataType"),
    wire.Element("list_name", "ListName", wire.STRING, nillable=True),
    wire.Element("default_value", "DefaultValue", wire.STRING, nillable=True),
    wire.Element("max_length", "MaxLength", wire.INT),
    wire.Element("access", "Access", "FieldAccess"),
    wire.Element("show_in_search", "ShowInSearch", wire.BOOLEAN),
)
