"""PluginResponse: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .changed_data import ChangedData


@dataclass(slots=True, kw_only=True)
class PluginResponse(Carrier):
    """The PluginResponse data contract of Services86."""

    is_ok: bool | None = None
    user_explanation: str | None = None
    tech_explanation: str | None = None
    error_code: str | None = None
    changes: ChangedData | None = None


SCHEMA.define(
    PluginResponse,
    "PluginResponse",
    wire.Element("is_ok", "IsOk", wire.BOOLEAN),
    wire.Element("user_explanation", "UserExplanation", wire.STRING, nillable=True),
    wire.Element("tech_explanation", "TechExplanation", wire.STRING, nillable=True),
    wire.Element("error_code", "ErrorCode", wire.STRING, nillable=True),
    wire.Element("changes", "Changes", "ChangedData", nillable=True),
)
