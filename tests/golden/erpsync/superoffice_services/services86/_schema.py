"""The wire registry of Services86: where each type is defined, and the header blocks."""

from __future__ import annotations

from .._runtime import wire

NAMESPACE = "http://www.superoffice.net/ws/crm/NetServer/Services86"

SCHEMA = wire.Schema(
    NAMESPACE,
    package=__package__ + ".types",
    modules={
        "Carrier": "carrier",
        "ChangedData": "changed_data",
        "ChangedDataItem": "changed_data_item",
        "CrmActorType": "crm_actor_type",
        "EFieldRight": "e_field_right",
        "ETableRight": "e_table_right",
        "ErpActorType": "erp_actor_type",
        "ErpConnection": "erp_connection",
        "ErpConnectionData": "erp_connection_data",
        "ErpConnectionListMapping": "erp_connection_list_mapping",
        "ErpConnectionListMappingContainer": "erp_connection_list_mapping_container",
        "ErpCrmListItemMapping": "erp_crm_list_item_mapping",
        "ErpSyncActorSummary": "erp_sync_actor_summary",
        "ErpSyncActorTypeMapping": "erp_sync_actor_type_mapping",
        "ErpSyncConnectionSummary": "erp_sync_connection_summary",
        "ErpSyncConnectorEntity": "erp_sync_connector_entity",
        "ErpSyncDefaultValue": "erp_sync_default_value",
        "ErpSyncEngineStatus": "erp_sync_engine_status",
        "ErpSyncFieldMapping": "erp_sync_field_mapping",
        "ErpSyncFieldValue": "erp_sync_field_value",
        "ErpSyncResponseCode": "erp_sync_response_code",
        "FieldAccess": "field_access",
        "FieldMetadata": "field_metadata",
        "FieldMetadataType": "field_metadata_type",
        "FieldProperty": "field_property",
        "FieldRight": "field_right",
        "MDOListItem": "mdo_list_item",
        "PluginResponse": "plugin_response",
        "SoCredentials": "so_credentials",
        "SoExceptionInfo": "so_exception_info",
        "SoTimeZone": "so_time_zone",
        "TableRight": "table_right",
    },
    xml_names={
        "Carrier": (NAMESPACE, "Carrier"),
        "ChangedData": (NAMESPACE, "ChangedData"),
        "ChangedDataItem": (NAMESPACE, "ChangedDataItem"),
        "CrmActorType": (NAMESPACE, "CrmActorType"),
        "EFieldRight": (NAMESPACE, "EFieldRight"),
        "ETableRight": (NAMESPACE, "ETableRight"),
        "ErpActorType": (NAMESPACE, "ErpActorType"),
        "ErpConnection": (NAMESPACE, "ErpConnection"),
        "ErpConnectionData": (NAMESPACE, "ErpConnectionData"),
        "ErpConnectionListMapping": (NAMESPACE, "ErpConnectionListMapping"),
        "ErpConnectionListMappingContainer": (NAMESPACE, "ErpConnectionListMappingContainer"),
        "ErpCrmListItemMapping": (NAMESPACE, "ErpCrmListItemMapping"),
        "ErpSyncActorSummary": (NAMESPACE, "ErpSyncActorSummary"),
        "ErpSyncActorTypeMapping": (NAMESPACE, "ErpSyncActorTypeMapping"),
        "ErpSyncConnectionSummary": (NAMESPACE, "ErpSyncConnectionSummary"),
        "ErpSyncConnectorEntity": (NAMESPACE, "ErpSyncConnectorEntity"),
        "ErpSyncDefaultValue": (NAMESPACE, "ErpSyncDefaultValue"),
        "ErpSyncEngineStatus": (NAMESPACE, "ErpSyncEngineStatus"),
        "ErpSyncFieldMapping": (NAMESPACE, "ErpSyncFieldMapping"),
        "ErpSyncFieldValue": (NAMESPACE, "ErpSyncFieldValue"),
        "ErpSyncResponseCode": (NAMESPACE, "ErpSyncResponseCode"),
        "FieldAccess": (NAMESPACE, "FieldAccess"),
        "FieldMetadata": (NAMESPACE, "FieldMetadata"),
        "FieldMetadataType": (NAMESPACE, "FieldMetadataType"),
        "FieldProperty": (NAMESPACE, "FieldProperty"),
        "FieldRight": (NAMESPACE, "FieldRight"),
        "MDOListItem": (NAMESPACE, "MDOListItem"),
        "PluginResponse": (NAMESPACE, "PluginResponse"),
        "SoCredentials": (NAMESPACE, "SoCredentials"),
        "SoExceptionInfo": (NAMESPACE, "SoExceptionInfo"),
        "SoTimeZone": (NAMESPACE, "SoTimeZone"),
        "TableRight": (NAMESPACE, "TableRight"),
    },
)

REQUEST_HEADERS = ("ApplicationToken", "Credentials", "TimeZone")

REPLY_HEADERS = (
    wire.Element("exception_info", "ExceptionInfo", "SoExceptionInfo", nillable=True),
    wire.Element(
        "extra_info",
        "ExtraInfo",
        wire.DictOf("ExtraInfoNameValuePair", wire.STRING, wire.STRING),
        nillable=True,
    ),
    wire.Element("succeeded", "Succeeded", wire.BOOLEAN),
    wire.Element("time_zone", "TimeZone", "SoTimeZone", nillable=True),
)
