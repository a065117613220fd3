"""MDOListItem: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier


@dataclass(slots=True, kw_only=True)
class MDOListItem(Carrier):
    """The MDOListItem data contract of Services86."""

    id: int | None = None
    name: str | None = None
    tool_tip: str | None = None
    deleted: bool | None = None
    rank: int | None = None
    type_: str | None = None
    child_items: list[MDOListItem] | None = None
    icon_hint: str | None = None
    color_block: int | None = None
    extra_info: str | None = None
    style_hint: str | None = None
    full_name: str | None = None


SCHEMA.define(
    MDOListItem,
    "MDOListItem",
    wire.Element("id", "Id", wire.INT),
    wire.Element("name", "Name", wire.STRING, nillable=True),
    wire.Element("tool_tip", "ToolTip", wire.STRING, nillable=True),
    wire.Element("deleted", "Deleted", wire.BOOLEAN),
    wire.Element("rank", "Rank", wire.INT),
    wire.Element("type_", "Type", wire.STRING, nillable=True),
    wire.Element(
        "child_items",
        "ChildItems",
        wire.ArrayOf("MDOListItem", "MDOListItem", nillable=True),
        nillable=True,
    ),
    wire.Element("icon_hint", "IconHint", wire.STRING, nillable=True),
    wire.Element("color_block", "ColorBlock", wire.INT),
    wire.Element("extra_info", "ExtraInfo", wire.STRING, nillable=True),
    wire.Element("style_hint", "StyleHint", wire.STRING, nillable=True),
    wire.Element("full_name", "FullName", wire.STRING, nillable=True),
)
