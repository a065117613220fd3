"""ListItem: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA


@dataclass(slots=True, kw_only=True)
class ListItem:
    """The ListItem data contract of Services88."""

    id: int | None = None
    name: str | None = None
    tool_tip: str | None = None


SCHEMA.define(
    ListItem,
    "ListItem",
    wire.Element("id", "Id", wire.INT),
    wire.Element("name", "Name", wire.STRING, nillable=True),
    wire.Element("tool_tip", "ToolTip", wire.STRING, nillable=True),
)
