from .erp_sync import ErpSyncAgent as ErpSyncAgent, AsyncErpSyncAgent as AsyncErpSyncAgent
from .types.carrier import Carrier as Carrier
from .types.changed_data import ChangedData as ChangedData
from .types.changed_data_item import ChangedDataItem as ChangedDataItem
from .types.crm_actor_type import CrmActorType as CrmActorType
from .types.e_field_right import EFieldRight as EFieldRight
from .types.erp_actor_type import ErpActorType as ErpActorType
from .types.erp_connection import ErpConnection as ErpConnection
from .types.erp_connection_data import ErpConnectionData as ErpConnectionData
from .types.erp_connection_list_mapping import ErpConnectionListMapping as ErpConnectionListMapping
from .types.erp_connection_list_mapping_container import (
    ErpConnectionListMappingContainer as ErpConnectionListMappingContainer,
)
from .types.erp_crm_list_item_mapping import ErpCrmListItemMapping as ErpCrmListItemMapping
from .types.erp_sync_actor_summary import ErpSyncActorSummary as ErpSyncActorSummary
from .types.erp_sync_actor_type_mapping import ErpSyncActorTypeMapping as ErpSyncActorTypeMapping
from .types.erp_sync_connection_summary import ErpSyncConnectionSummary as ErpSyncConnectionSummary
from .types.erp_sync_connector_entity import ErpSyncConnectorEntity as ErpSyncConnectorEntity
from .types.erp_sync_default_value import ErpSyncDefaultValue as ErpSyncDefaultValue
from .types.erp_sync_engine_status import ErpSyncEngineStatus as ErpSyncEngineStatus
from .types.erp_sync_field_mapping import ErpSyncFieldMapping as ErpSyncFieldMapping
from .types.erp_sync_field_value import ErpSyncFieldValue as ErpSyncFieldValue
from .types.erp_sync_response_code import ErpSyncResponseCode as ErpSyncResponseCode
from .types.e_table_right import ETableRight as ETableRight
from .types.field_access import FieldAccess as FieldAccess
from .types.field_metadata import FieldMetadata as FieldMetadata
from .types.field_metadata_type import FieldMetadataType as FieldMetadataType
from .types.field_property import FieldProperty as FieldProperty
from .types.field_right import FieldRight as FieldRight
from .types.mdo_list_item import MDOListItem as MDOListItem
from .types.plugin_response import PluginResponse as PluginResponse
from .types.so_credentials import SoCredentials as SoCredentials
from .types.so_exception_info import SoExceptionInfo as SoExceptionInfo
from .types.so_time_zone import SoTimeZone as SoTimeZone
from .types.table_right import TableRight as TableRight

__all__ = [
    "AsyncErpSyncAgent",
    "Carrier",
    "ChangedData",
    "ChangedDataItem",
    "CrmActorType",
    "EFieldRight",
    "ETableRight",
    "ErpActorType",
    "ErpConnection",
    "ErpConnectionData",
    "ErpConnectionListMapping",
    "ErpConnectionListMappingContainer",
    "ErpCrmListItemMapping",
    "ErpSyncActorSummary",
    "ErpSyncActorTypeMapping",
    "ErpSyncAgent",
    "ErpSyncConnectionSummary",
    "ErpSyncConnectorEntity",
    "ErpSyncDefaultValue",
    "ErpSyncEngineStatus",
    "ErpSyncFieldMapping",
    "ErpSyncFieldValue",
    "ErpSyncResponseCode",
    "FieldAccess",
    "FieldMetadata",
    "FieldMetadataType",
    "FieldProperty",
    "FieldRight",
    "MDOListItem",
    "PluginResponse",
    "SoCredentials",
    "SoExceptionInfo",
    "SoTimeZone",
    "TableRight",
]
