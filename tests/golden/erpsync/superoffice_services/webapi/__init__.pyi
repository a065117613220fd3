from .._runtime.rest import (
    AsyncWebApiSession as AsyncWebApiSession,
    CallOptions as CallOptions,
    WebApiError as WebApiError,
    WebApiSession as WebApiSession,
)
from .erp_sync import ErpSyncAgent as ErpSyncAgent, AsyncErpSyncAgent as AsyncErpSyncAgent

__all__ = [
    "AsyncWebApiSession",
    "CallOptions",
    "WebApiError",
    "WebApiSession",
    "AsyncErpSyncAgent",
    "ErpSyncAgent",
]
