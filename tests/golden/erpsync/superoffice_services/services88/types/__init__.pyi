from .carrier import Carrier as Carrier
from .changed_data import ChangedData as ChangedData
from .changed_data_item import ChangedDataItem as ChangedDataItem
from .crm_actor_type import CrmActorType as CrmActorType
from .e_field_right import EFieldRight as EFieldRight
from .erp_actor_type import ErpActorType as ErpActorType
from .erp_connection import ErpConnection as ErpConnection
from .erp_connection_data import ErpConnectionData as ErpConnectionData
from .erp_connection_list_mapping import ErpConnectionListMapping as ErpConnectionListMapping
from .erp_connection_list_mapping_container import (
    ErpConnectionListMappingContainer as ErpConnectionListMappingContainer,
)
from .erp_crm_list_item_mapping import ErpCrmListItemMapping as ErpCrmListItemMapping
from .erp_sync_actor_summary import ErpSyncActorSummary as ErpSyncActorSummary
from .erp_sync_actor_type_mapping import ErpSyncActorTypeMapping as ErpSyncActorTypeMapping
from .erp_sync_connection_summary import ErpSyncConnectionSummary as ErpSyncConnectionSummary
from .erp_sync_connector_entity import ErpSyncConnectorEntity as ErpSyncConnectorEntity
from .erp_sync_default_value import ErpSyncDefaultValue as ErpSyncDefaultValue
from .erp_sync_engine_status import ErpSyncEngineStatus as ErpSyncEngineStatus
from .erp_sync_field_mapping import ErpSyncFieldMapping as ErpSyncFieldMapping
from .erp_sync_field_value import ErpSyncFieldValue as ErpSyncFieldValue
from .erp_sync_response_code import ErpSyncResponseCode as ErpSyncResponseCode
from .e_table_right import ETableRight as ETableRight
from .field_access import FieldAccess as FieldAccess
from .field_metadata import FieldMetadata as FieldMetadata
from .field_metadata_type import FieldMetadataType as FieldMetadataType
from .field_property import FieldProperty as FieldProperty
from .field_right import FieldRight as FieldRight
from .list_item import ListItem as ListItem
from .mdo_list_item import MDOListItem as MDOListItem
from .plugin_response import PluginResponse as PluginResponse
from .quote_status import QuoteStatus as QuoteStatus
from .so_credentials import SoCredentials as SoCredentials
from .so_exception_info import SoExceptionInfo as SoExceptionInfo
from .so_time_zone import SoTimeZone as SoTimeZone
from .table_right import TableRight as TableRight

__all__ = [
    "Carrier",
    "ChangedData",
    "ChangedDataItem",
    "CrmActorType",
    "EFieldRight",
    "ErpActorType",
    "ErpConnection",
    "ErpConnectionData",
    "ErpConnectionListMapping",
    "ErpConnectionListMappingContainer",
    "ErpCrmListItemMapping",
    "ErpSyncActorSummary",
    "ErpSyncActorTypeMapping",
    "ErpSyncConnectionSummary",
    "ErpSyncConnectorEntity",
    "ErpSyncDefaultValue",
    "ErpSyncEngineStatus",
    "ErpSyncFieldMapping",
    "ErpSyncFieldValue",
    "ErpSyncResponseCode",
    "ETableRight",
    "FieldAccess",
    "FieldMetadata",
    "FieldMetadataType",
    "FieldProperty",
    "FieldRight",
    "ListItem",
    "MDOListItem",
    "PluginResponse",
    "QuoteStatus",
    "SoCredentials",
    "SoExceptionInfo",
    "SoTimeZone",
    "TableRight",
]
