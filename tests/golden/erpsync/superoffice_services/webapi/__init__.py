"""The SuperOffice WebAPI agents (``POST /api/v1/Agents/<Agent>/<Method>``, JSON): 1 agents,
49 endpoints, sharing the data contracts of Services88.

Agents are loaded on first use::

    from superoffice_services.webapi import WebApiSession, ErpSyncAgent
"""

from __future__ import annotations

import importlib
from typing import Any

from .._runtime.rest import AsyncWebApiSession, CallOptions, WebApiError, WebApiSession

_AGENTS = {
    "ErpSyncAgent": "erp_sync",
    "AsyncErpSyncAgent": "erp_sync",
}

__all__ = [
    "AsyncWebApiSession",
    "CallOptions",
    "WebApiError",
    "WebApiSession",
    "AsyncErpSyncAgent",
    "ErpSyncAgent",
]


def __getattr__(name: str) -> Any:
    module = _AGENTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
