"""TableRight: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA

if TYPE_CHECKING:
    from .e_table_right import ETableRight


@dataclass(slots=True, kw_only=True)
class TableRight:
    """The TableRight data contract of Services86."""

    mask: ETableRight | None = None
    reason: str | None = None


SCHEMA.define(
    TableRight,
    "TableRight",
    wire.Element("mask", "Mask", "ETableRight"),
    wire.Element("reason", "Reason", wire.STRING, nillable=True),
)
