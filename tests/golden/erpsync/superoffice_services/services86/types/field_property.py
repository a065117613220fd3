"""FieldProperty: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA

if TYPE_CHECKING:
    from .field_right import FieldRight


@dataclass(slots=True, kw_only=True)
class FieldProperty:
    """The FieldProperty data contract of Services86."""

    field_right: FieldRight | None = None
    field_type: str | None = None
    field_length: int | None = None


SCHEMA.define(
    FieldProperty,
    "FieldProperty",
    wire.Element("field_right", "FieldRight", "FieldRight", nillable=True),
    wire.Element("field_type", "FieldType", wire.STRING, nillable=True),
    wire.Element("field_length", "FieldLength", wire.INT),
)
