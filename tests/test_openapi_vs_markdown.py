"""The WebAPI built from SuperOffice's OpenAPI specs (2026) against the one built from its
markdown pages (2023), both joined to the same 2023 Services88 model, so that every difference
comes from the two REST sources and none from SOAP having changed in between: for each endpoint
both describe, its path, its parameters (wire names, locations, types, required-ness), $select
and its reply type.

The differences are listed below, by kind, with why; any other difference fails the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codegen.build_rest import build_webapi
from codegen.model import Endpoint, WebApi
from codegen.sources.openapi import read_openapi
from codegen.sources.rest import RestPage, read_rest_page
from conftest import CORPUS

CURRENT = Path(__file__).resolve().parents[1].parent / "shared" / "superoffice-docs-current"
AGENT_SPECS = CURRENT / "endpoints" / "agents-webapi" / "reference"

# The specs require 182 int32 query parameters (the ids of Get<X>, Delete<X>Entity ...); the pages
# mark the same rows "**Required**" in their description text, which the markdown reader reads as
# required too. So required-ness agrees, but where the parameter itself moved (below).

# Delete<X>Entity and the like: the pages write the query parameter as the SOAP parameter
# (EntityId), the specs as the C# parameter (entityId). ASP.NET binds query keys without regard
# to case, so both reach the server.
LOWER_CAMEL_IN_THE_SPEC = {
    "Appointment/DeleteAppointmentEntity", "BLOB/DeleteBlobEntity", "CRMScript/DeleteCRMScriptEntity",
    "CRMScript/DeleteTriggerScriptEntity", "Chat/DeleteChatSessionEntity", "Chat/DeleteChatTopicEntity",
    "Configuration/DeleteConfigurableScreenDelta", "Configuration/DeleteDiaryViewEntity",
    "Configuration/DeleteSystemEventEntity", "Contact/DeleteContactEntity", "CustomerService/DeleteCustomerCenterConfig",
    "Dash/DeleteDash", "Dash/DeleteDashTheme", "Dash/DeleteDashTile", "Dash/DeleteDashTileDefinition",
    "Document/DeleteDocumentEntity", "EMail/DeleteEMailAccount", "ErpSync/DeleteErpSyncConnectorEntity",
    "ForeignSystem/DeleteForeignAppEntity", "List/DeleteHierarchyEntity", "List/DeleteListEntity",
    "List/DeleteResourceEntity", "List/DeleteTaskMenu", "List/DeleteTicketCategoryEntity",
    "List/DeleteTicketPriorityEntity", "List/DeleteTicketStatusEntity", "Marketing/DeleteFormEntity",
    "Marketing/DeleteFormSubmissionEntity", "Marketing/DeleteShipmentMessageBlockEntity",
    "Marketing/DeleteShipmentMessageEntity", "NumberAllocation/DeleteRefCountEntity", "Person/DeleteConsentPerson",
    "Person/DeletePersonEntity", "Preference/DeletePreferenceDescription", "Preference/DeletePreferenceDescriptionLine",
    "Project/DeleteProjectEntity", "Project/DeleteProjectEventEntity", "Project/DeleteProjectMember",
    "Report/DeleteReportLabelLayoutEntity", "Sale/DeleteSaleEntity", "Sale/DeleteSaleStakeholder",
    "Targets/DeleteTargetDimension", "Targets/DeleteTargetGroup", "User/DeleteServiceAuth", "User/DeleteUser",
    "UserDefinedFieldInfo/DeleteUserDefinedFieldInfo", "Webhook/DeleteWebhook",
}

# Endpoints whose request the two sources shape differently; the server changed between them.
OTHER_DIFFERENCES = {
    # the page has SelectionEntityId in the query string and no $select; the spec has it in a
    # carrier body, and $select
    ("Selection/DeleteSelectionEntity", "parameter SelectionEntityId", ("SelectionEntityId", "query"), ("SelectionEntityId", "property")),
    ("Selection/DeleteSelectionEntity", "select", False, True),
    # ... and so it is required in the page's query string, optional in the spec's carrier
    ("Selection/DeleteSelectionEntity", "required", "SelectionEntityId", (0, False)),
    # the page shows a carrier with a User property; the spec sends the User as the whole body
    ("User/GetUserCommands", "parameter User", ("User", "property"), ("", "body")),
    ("User/GetUserCommands", "select", False, True),
}

# Endpoints only one source describes: agents the specs no longer publish (Audience, Dashboard,
# Quote, ...), and the endpoints added since 2023 (the AI agent, ...).
ONLY_IN_THE_PAGES = 172
ONLY_IN_THE_SPECS = 161


@pytest.fixture(scope="module")
def both(corpus_model: Any) -> tuple[WebApi, WebApi, list[RestPage]]:
    files = sorted(AGENT_SPECS.glob("openapi-v3-*Agent.json"))
    if not files:
        pytest.skip(f"the current SuperOffice docs are not at {CURRENT} (they live beside the repository in ../shared)")
    api, _, _ = corpus_model
    services88 = next(v for v in api.versions if v.name == "Services88")
    specs: list[RestPage] = []
    for path in files:
        specs += read_openapi(path.relative_to(CURRENT).as_posix(), path.read_bytes())[0]
    from_specs, _ = build_webapi(specs, services88, services88.name)
    assert api.webapi is not None and from_specs is not None
    return api.webapi, from_specs, specs


def endpoints(webapi: WebApi) -> dict[str, Endpoint]:
    return {e.path.removeprefix("/api/v1/Agents/"): e for a in webapi.agents for e in a.endpoints}


def differences(page: Endpoint, spec: Endpoint, name: str) -> list[tuple[str, str, Any, Any]]:
    found: list[tuple[str, str, Any, Any]] = []
    if (page.path, page.method) != (spec.path, spec.method):
        found.append((name, "path", (page.path, page.method), (spec.path, spec.method)))
    if len(page.parameters) != len(spec.parameters):  # both follow the SOAP parameters' order
        found.append((name, "parameters", len(page.parameters), len(spec.parameters)))
    for ours, theirs in zip(page.parameters, spec.parameters):
        what = f"parameter {ours.field.name}"
        if (ours.field.name, ours.field.type) != (theirs.field.name, theirs.field.type):
            found.append((name, what + " type", ours.field.type, theirs.field.type))
        if ours.wire_name.casefold() != theirs.wire_name.casefold() or ours.location != theirs.location:
            found.append((name, what, (ours.wire_name, ours.location), (theirs.wire_name, theirs.location)))
        elif ours.wire_name != theirs.wire_name:
            found.append((name, "wire name case", ours.wire_name, theirs.wire_name))
        if (ours.field.min_occurs, ours.field.nillable) != (theirs.field.min_occurs, theirs.field.nillable):
            found.append((name, "required", ours.wire_name, (theirs.field.min_occurs, theirs.field.nillable)))
    if page.select != spec.select:
        found.append((name, "select", page.select, spec.select))
    if [f.type for f in page.returns] != [f.type for f in spec.returns]:
        found.append((name, "returns", [f.type for f in page.returns], [f.type for f in spec.returns]))
    if page.soap_operation != spec.soap_operation:
        found.append((name, "soap operation", page.soap_operation, spec.soap_operation))
    return found


def test_the_endpoints_both_sources_describe_differ_only_where_the_sources_do(both: tuple[WebApi, WebApi, list[RestPage]]) -> None:
    from_pages, from_specs, specs = both
    pages, spec_endpoints = endpoints(from_pages), endpoints(from_specs)
    common = sorted(pages.keys() & spec_endpoints.keys())
    assert (len(pages.keys() - spec_endpoints.keys()), len(spec_endpoints.keys() - pages.keys())) == (ONLY_IN_THE_PAGES, ONLY_IN_THE_SPECS)
    found = [d for name in common for d in differences(pages[name], spec_endpoints[name], name)]

    cased = [d for d in found if d[1] == "wire name case"]
    other = {d for d in found if d[1] != "wire name case"}
    assert other == OTHER_DIFFERENCES

    assert {name for name, _, _, _ in cased} == LOWER_CAMEL_IN_THE_SPEC
    assert all(theirs == ours[0].lower() + ours[1:] for _, _, ours, theirs in cased)

    # the required query parameters of the specs are required from the pages too
    rows = {(p.endpoint.removeprefix("/api/v1/Agents/"), q.name.casefold()) for p in specs for q in p.query_parameters if q.required}
    required_in_pages = {
        (name, parameter.wire_name.casefold())
        for name, endpoint in pages.items()
        for parameter in endpoint.parameters
        if parameter.location == "query" and parameter.field.min_occurs == 1
    }
    assert {row for row in rows if row[0] in pages} - required_in_pages == set()
    assert len(required_in_pages) >= 171
