"""FieldRight: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA

if TYPE_CHECKING:
    from .e_field_right import EFieldRight


@dataclass(slots=True, kw_only=True)
class FieldRight:
    """The FieldRight data contract of Services86."""

    mask: EFieldRight | None = None
    reason: str | None = None


SCHEMA.define(
    FieldRight,
    "FieldRight",
    wire.Element("mask", "Mask", "EFieldRight"),
    wire.Element("reason", "Reason", wire.STRING, nillable=True),
)
