"""Python names of generated code: hand-written expectations, then properties over every name
in the WSDLs of all five versions of the real docs corpus."""

from __future__ import annotations

import enum
import keyword
import re
import typing
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from codegen.naming import (
    agent_class_names,
    class_name,
    class_names,
    field_names,
    member_names,
    method_names,
    module_names,
    parameter_names,
    snake_case,
    split_words,
    unique_names,
    upper_snake_case,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "superoffice-docs"
VERSIONS = ("Services84", "Services85", "Services86", "Services87", "Services88")

# --- single names --------------------------------------------------------------------------

SNAKE_CASES = [
    # from the brief
    ("EMail", "email"),
    ("EMailAddress", "email_address"),
    ("UserGroupAccessIds", "user_group_access_ids"),
    ("GetPersonIDs", "get_person_ids"),
    ("GetMDOList", "get_mdo_list"),
    ("CRMScript", "crm_script"),
    ("GetURLForX", "get_url_for_x"),
    ("TZLocationCode", "tz_location_code"),
    ("Page1LineNo", "page1_line_no"),
    ("ETableRight", "e_table_right"),
    ("SoTimeZoneId", "so_time_zone_id"),
    ("UDefFieldId", "udef_field_id"),
    ("UdefAppointmentLabel", "udef_appointment_label"),
    ("XMLData", "xml_data"),
    ("HTMLBody", "html_body"),
    ("IPAddress", "ip_address"),
    ("From", "from_"),
    # found in the corpus
    ("GetMyCallerIDs", "get_my_caller_ids"),
    ("CallerIDCollection", "caller_id_collection"),
    ("SendEMails", "send_emails"),
    ("GetEMailSOInfo", "get_email_so_info"),
    ("GetEMailAccountFromEMailAddress", "get_email_account_from_email_address"),
    ("SmtpEMailConnectionInfo", "smtp_email_connection_info"),
    ("GetEMarketingUrl", "get_emarketing_url"),
    ("ImapOAuth", "imap_oauth"),
    ("UDListDefinitionId", "udlist_definition_id"),
    (
        "SetListTableIdAndUDListDefinitionIdFromSelectedListId",
        "set_list_table_id_and_udlist_definition_id_from_selected_list_id",
    ),
    ("GetUserLicensesMDOList", "get_user_licenses_mdo_list"),
    ("CRMScriptUniqueId", "crm_script_unique_id"),
    ("TZLocationID", "tz_location_id"),
    ("TimeZoneDSTRules", "time_zone_dst_rules"),
    ("ThreeLetterISOLanguageName", "three_letter_iso_language_name"),
    ("GetLicenseFromDBResponse", "get_license_from_db_response"),
    ("GetWwwUrlForSMWeb", "get_www_url_for_sm_web"),
    ("GetCSWwwFolder", "get_cs_www_folder"),
    ("PNSHandle", "pns_handle"),
    ("LCID", "lcid"),
    ("OSVersion", "os_version"),
    ("ListItemsID", "list_items_id"),
    ("GetArchiveConfigurationV2", "get_archive_configuration_v2"),
    ("FindFromRestrictions2", "find_from_restrictions2"),
    ("Html2Text", "html2_text"),
    ("Wgs84Latitude", "wgs84_latitude"),
    ("base64Binary", "base64_binary"),
    ("dateTime", "date_time"),
    ("anyURI", "any_uri"),
    ("BLOB", "blob"),
    ("AI", "ai"),
    ("Type", "type_"),
    # the REST pages camelCase names that start with an acronym
    ("cRMScriptEntityId", "crm_script_entity_id"),
    ("eMailSOInfoId", "email_so_info_id"),
    # not identifiers at all
    ("Not set", "not_set"),
    ("e-mail", "e_mail"),
    ("2Hours", "value_2_hours"),
    ("-1", "minus_1"),
    ("Størrelse", "storrelse"),
    ("Ærlig", "aerlig"),
    ("+", "plus_sign"),
    ("", "empty"),
    ("class", "class_"),
    ("match", "match_"),
]


@pytest.mark.parametrize(("xml", "python"), SNAKE_CASES)
def test_snake_case_reads_like_the_xml(xml: str, python: str) -> None:
    assert snake_case(xml) == python


UPPER_CASES = [
    ("adminGUI", "ADMIN_GUI"),
    ("UndefinedValue128", "UNDEFINED_VALUE128"),
    ("None", "NONE"),
    ("CRMGUI", "CRM_GUI"),
    ("UIHintReadOnly", "UI_HINT_READ_ONLY"),
    ("MsOffice2007Xml", "MS_OFFICE2007_XML"),
    ("ThreeESplit", "THREE_E_SPLIT"),
    ("ObsERPDuplicate", "OBS_ERP_DUPLICATE"),
    ("SOEditor", "SO_EDITOR"),
    ("OK", "OK"),
    ("F", "F"),
    ("inDiary", "IN_DIARY"),
    ("Postponed1Hour", "POSTPONED1_HOUR"),
    ("2Hours", "VALUE_2_HOURS"),
    ("Not set", "NOT_SET"),
    ("__sunder__", "SUNDER"),
]


@pytest.mark.parametrize(("value", "member"), UPPER_CASES)
def test_upper_snake_case_of_enum_values(value: str, member: str) -> None:
    assert upper_snake_case(value) == member


def test_split_words_keeps_digits_with_the_word_before() -> None:
    assert split_words("Page1LineNo") == ("page1", "line", "no")
    assert split_words("V2Response") == ("v2", "response")


@pytest.mark.parametrize(
    ("xml", "python"),
    [
        ("ErpConnection", "ErpConnection"),
        ("EMailEntity", "EMailEntity"),
        ("CRMScriptEntity", "CRMScriptEntity"),
        ("ArrayOfETableRight", "ArrayOfETableRight"),
        ("erp-connection", "ErpConnection"),
        ("Erp Connection", "ErpConnection"),
        ("2Factor", "Value2Factor"),
        ("_Hidden", "Hidden"),
        ("None", "None_"),
        ("class", "class_"),
        ("Decimal", "Decimal_"),
        ("UUID", "UUID_"),
        ("Enum", "Enum_"),
        ("list", "list_"),
    ],
)
def test_class_name_keeps_the_xml_name_when_it_can(xml: str, python: str) -> None:
    assert class_name(xml) == python


@pytest.mark.parametrize(
    ("service", "agents"),
    [
        ("ErpSync", ("ErpSyncAgent", "AsyncErpSyncAgent")),
        ("EMail", ("EMailAgent", "AsyncEMailAgent")),
        ("MDO", ("MDOAgent", "AsyncMDOAgent")),
        ("Import", ("ImportAgent", "AsyncImportAgent")),
        ("List", ("ListAgent", "AsyncListAgent")),
    ],
)
def test_agent_class_names(service: str, agents: tuple[str, str]) -> None:
    assert agent_class_names(service) == agents


# --- scopes --------------------------------------------------------------------------------


def test_module_names_avoid_keywords_and_builtins() -> None:
    services = ["Import", "List", "EMail", "MDO", "CRMScript", "ErpSync", "License"]
    assert module_names(services) == [
        "import_", "list_", "email", "mdo", "crm_script", "erp_sync", "license",
    ]


def test_module_names_are_unique_ignoring_case() -> None:
    assert module_names(["Types", "ErpSync", "Erp_Sync"], reserved=["TYPES"]) == [
        "types_", "erp_sync", "erp_sync_2",
    ]


def test_module_names_avoid_windows_device_names() -> None:
    assert module_names(["Con", "Aux", "Com1", "Console"]) == ["con_", "aux_", "com1_", "console"]


def test_field_names_number_later_collisions_in_xml_order() -> None:
    assert field_names(["TZLocationID", "TZLocationId", "Tz_Location_Id"]) == [
        "tz_location_id", "tz_location_id_2", "tz_location_id_3",
    ]


def test_field_names_do_not_shadow_annotation_builtins_or_imports() -> None:
    xml = ["list", "Dict", "Str", "Int", "Bool", "Float", "Bytes", "Object", "Type",
           "DateTime", "Date", "TimeDelta", "Decimal", "Field", "Dataclass", "UUID", "From"]
    assert field_names(xml) == [
        "list_", "dict_", "str_", "int_", "bool_", "float_", "bytes_", "object_", "type_",
        "date_time", "date_", "time_delta", "decimal", "field_", "dataclass_", "uuid", "from_",
    ]


def test_field_names_avoid_inherited_fields() -> None:
    base = field_names(["TableRight", "FieldProperties"])
    assert field_names(["TableRight", "DisplayName"], inherited=base) == [
        "table_right_2", "display_name",
    ]


def test_field_names_keep_the_underscore_when_numbering() -> None:
    assert field_names(["From", "from"]) == ["from_", "from_2"]


def test_parameter_names_avoid_self_cls_and_reserved_body_names() -> None:
    assert parameter_names(["Self", "Cls", "Session", "ContactId"], reserved={"session"}) == [
        "self_", "cls_", "session_", "contact_id",
    ]


def test_method_names_avoid_the_agents_own_attributes() -> None:
    assert method_names(["GetContact", "Close", "List"], reserved={"close"}) == [
        "get_contact", "close_", "list_",
    ]


def test_member_names_number_values_that_collide_after_conversion() -> None:
    assert member_names(["Phone", "PHONE", "phone", "OK", "Ok"]) == [
        "PHONE", "PHONE_2", "PHONE_3", "OK", "OK_2",
    ]


def test_member_names_of_values_that_are_not_identifiers() -> None:
    assert member_names(["", "0", "1", "-1", "Not set", "a/b", "+", "_ignore_"]) == [
        "EMPTY", "VALUE_0", "VALUE_1", "MINUS_1", "NOT_SET", "A_B", "PLUS_SIGN", "IGNORE",
    ]


def test_class_names_avoid_reserved_agent_names() -> None:
    assert class_names(["ChatAgent", "Chat", "chat"], reserved={"ChatAgent"}) == [
        "ChatAgent_", "Chat", "chat",
    ]


def test_unique_names_leave_earlier_names_alone_when_one_is_appended() -> None:
    names = ["a", "a", "b"]
    assert unique_names(names + ["a"])[:3] == unique_names(names) == ["a", "a_2", "b"]


# --- any input -----------------------------------------------------------------------------


def assert_usable_identifier(name: str) -> None:
    assert name.isidentifier() and name.isascii(), name
    assert not keyword.iskeyword(name) and not keyword.issoftkeyword(name), name
    assert not name.startswith("_"), name


@given(st.text(max_size=30))
def test_every_single_name_function_gives_a_usable_identifier(name: str) -> None:
    for result in (snake_case(name), upper_snake_case(name), class_name(name)):
        assert_usable_identifier(result)
    assert snake_case(name) == snake_case(name).lower()
    assert upper_snake_case(name) == upper_snake_case(name).upper()


@given(st.text(alphabet="abcxyzABCDEIMSXYZ0129_- ", min_size=1, max_size=30))
def test_split_words_loses_no_letter_or_digit(name: str) -> None:
    letters = re.sub(r"[^a-z0-9]", "", name.lower())
    words = split_words(name)
    if re.match(r"\s*-\s*\d", name):
        words = words[1:]  # the "minus" of a negative number
    if letters:
        assert "".join(words) == letters


@given(st.lists(st.text(alphabet="aAbB1_ ", max_size=6), max_size=12))
def test_scope_names_are_unique_and_prefix_stable(xml_names: list[str]) -> None:
    for scope in (field_names, parameter_names, method_names, member_names, class_names):
        names = scope(xml_names)
        assert len(set(names)) == len(names)
        assert scope(xml_names[:-1]) == names[:-1]
    modules = module_names(xml_names)
    assert len({name.casefold() for name in modules}) == len(modules)


# --- the real corpus -----------------------------------------------------------------------

XS = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
_XML_FENCE = re.compile(r"^```xml\n(.*?)^```", re.S | re.M)

TypeKey = tuple[str, str]  # (namespace, local name)


@dataclass
class VersionNames:
    """Every XML name of one version's WSDL pages, grouped by the scope it is named in."""

    version: str
    services: list[str] = field(default_factory=list)
    operations: dict[str, list[str]] = field(default_factory=dict)
    messages: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # wrapper parts
    complex_types: dict[TypeKey, tuple[TypeKey | None, list[str]]] = field(default_factory=dict)
    enums: dict[TypeKey, list[str]] = field(default_factory=dict)


def _resolve(element: etree._Element, prefixed: str) -> TypeKey:
    prefix, _, local = prefixed.rpartition(":")
    return (element.nsmap.get(prefix or None, ""), local)


def _read_schema(names: VersionNames, service: str, schema: etree._Element,
                 operations: list[str]) -> None:
    namespace = schema.get("targetNamespace", "")
    top = {el.get("name"): el for el in schema.findall(f"{{{XS}}}element")}
    for operation in operations:
        for wrapper in (operation, operation + "Response"):
            element = top.get(wrapper)
            if element is not None:
                parts = element.findall(f"{{{XS}}}complexType/{{{XS}}}sequence/{{{XS}}}element")
                names.messages[(service, wrapper)] = [str(part.get("name")) for part in parts]
    for complex_type in schema.findall(f"{{{XS}}}complexType"):
        extension = complex_type.find(f"{{{XS}}}complexContent/{{{XS}}}extension")
        holder = complex_type if extension is None else extension
        base = None if extension is None else _resolve(extension, str(extension.get("base")))
        own = [str(el.get("name")) for el in holder.findall(f"{{{XS}}}sequence/{{{XS}}}element")]
        # A type shared by several services is defined in each WSDL: the first one counts.
        names.complex_types.setdefault((namespace, str(complex_type.get("name"))), (base, own))
    for simple_type in schema.findall(f"{{{XS}}}simpleType"):
        values = [str(e.get("value")) for e in simple_type.iter(f"{{{XS}}}enumeration")]
        if values:
            names.enums.setdefault((namespace, str(simple_type.get("name"))), values)


@cache
def corpus_version(version: str) -> VersionNames:
    folder = CORPUS / "soap" / version
    if not folder.is_dir():
        pytest.skip(f"the SuperOffice docs corpus is not at {CORPUS} (see its SOURCE.md)")
    names = VersionNames(version)
    for page in sorted(folder.glob(f"{version}-*.md")):
        match = _XML_FENCE.search(page.read_text(encoding="utf-8"))
        if match is None:
            continue
        service = page.stem.split("-", 1)[1]
        root = etree.fromstring(match.group(1).encode("utf-8"))
        operations = [str(op.get("name")) for port in root.iter(f"{{{WSDL}}}portType")
                      for op in port.iter(f"{{{WSDL}}}operation")]
        names.services.append(service)
        names.operations[service] = operations
        for schema in root.iter(f"{{{XS}}}schema"):
            _read_schema(names, service, schema, operations)
    return names


def class_fields(names: VersionNames, key: TypeKey,
                 memo: dict[TypeKey, list[str]]) -> list[str]:
    """The Python names of all fields of a complex type, inherited ones first."""
    if key not in memo:
        base, own = names.complex_types[key]
        inherited = class_fields(names, base, memo) if base in names.complex_types else []
        assert base is None or base in names.complex_types, f"{key} extends unknown {base}"
        memo[key] = inherited + field_names(own, inherited=inherited)
    return memo[key]


def scopes(names: VersionNames) -> dict[str, list[tuple[list[str], list[str]]]]:
    """Every scope of one version as (XML names, Python names), by kind."""
    memo: dict[TypeKey, list[str]] = {}
    fields = []
    for key, (base, own) in names.complex_types.items():
        inherited = class_fields(names, base, memo) if base in names.complex_types else []
        fields.append((own, class_fields(names, key, memo)[len(inherited):]))
    type_names = [local for _, local in sorted(set(names.complex_types) | set(names.enums))]
    return {
        "module": [(names.services, module_names(names.services))],
        "class": [(type_names, class_names(type_names))],
        "method": [(ops, method_names(ops)) for ops in names.operations.values()],
        "parameter": [(parts, parameter_names(parts)) for parts in names.messages.values()],
        "field": fields,
        "member": [(values, member_names(values)) for values in names.enums.values()],
    }


@pytest.fixture(scope="module", params=VERSIONS)
def version(request: pytest.FixtureRequest) -> VersionNames:
    return corpus_version(str(request.param))


SERVICE_MODULES = {"Import": "import_", "List": "list_", "EMail": "email", "MDO": "mdo",
                   "CRMScript": "crm_script", "BLOB": "blob", "AI": "ai", "License": "license"}


def test_corpus_service_modules(version: VersionNames) -> None:
    modules = dict(zip(version.services, module_names(version.services)))
    assert {"Import", "List", "EMail", "MDO"} <= set(modules)  # CRMScript and AI came later
    for service, module in modules.items():
        assert module == SERVICE_MODULES.get(service, module)


def test_every_corpus_name_is_a_usable_identifier(version: VersionNames) -> None:
    for kind, kind_scopes in scopes(version).items():
        for xml_names, python_names in kind_scopes:
            assert len(python_names) == len(xml_names)
            for name in python_names:
                assert_usable_identifier(name)
                if kind not in ("class", "member"):
                    assert name == name.lower(), name
                if kind == "member":
                    assert name == name.upper(), name


def test_every_corpus_name_is_unique_in_its_scope(version: VersionNames) -> None:
    for kind, kind_scopes in scopes(version).items():
        for _, python_names in kind_scopes:
            assert len(set(python_names)) == len(python_names), (kind, python_names)
    modules = module_names(version.services)
    assert len({name.casefold() for name in modules}) == len(modules)


def test_subclass_fields_never_reuse_a_base_field_name(version: VersionNames) -> None:
    memo: dict[TypeKey, list[str]] = {}
    for key in version.complex_types:
        all_fields = class_fields(version, key, memo)
        assert len(set(all_fields)) == len(all_fields), key


def test_corpus_names_are_stable(version: VersionNames) -> None:
    first = scopes(version)
    corpus_version.cache_clear()
    again = scopes(corpus_version(version.version))
    assert again == first
    for kind, kind_scopes in first.items():
        if kind in ("module", "class"):
            continue  # their "XML order" is the file or type list, checked by hypothesis above
        for xml_names, python_names in kind_scopes:
            scope = {"method": method_names, "parameter": parameter_names,
                     "member": member_names}.get(kind)
            if scope is not None and xml_names:
                assert scope(xml_names[:-1]) == python_names[:-1]


# Names in the corpus that really have a one-letter word; anything else with one is a bad split
# (e_mail, i_ds, u_def...).
GENUINE_SINGLE_LETTERS = {
    "ArrayOfETableRight", "ETableRight", "EFieldRight", "ThreeESplit", "ThreeTSplit",
    "LeftX", "UpperY", "F", "G", "J", "P", "Q", "R", "Y",
    "SentAutoReplyToCustomersA", "SentAutoReplyToCustomersB",
}


def test_no_corpus_name_splits_off_a_stray_letter(version: VersionNames) -> None:
    for xml_names, _ in (pair for kind in scopes(version).values() for pair in kind):
        for xml in xml_names:
            if xml not in GENUINE_SINGLE_LETTERS:
                assert all(len(word) > 1 for word in split_words(xml)), (xml, split_words(xml))


def test_corpus_fields_work_in_a_dataclass_with_builtin_annotations(
    version: VersionNames,
) -> None:
    """A field named `list` would turn every later `list[int]` annotation into an error."""
    distinct = {tuple(python) for _, python in scopes(version)["field"] if python}
    for number, names in enumerate(sorted(distinct)):
        body = "".join(
            f"    {name}: list[int] | dict[str, str] | str | int | bool | float | bytes"
            f" | object | type | datetime | date | timedelta | Decimal | UUID | None = None\n"
            for name in names
        )
        source = (
            "from __future__ import annotations\n"
            "from dataclasses import dataclass, field\n"
            "from datetime import date, datetime, timedelta\n"
            "from decimal import Decimal\n"
            "from uuid import UUID\n"
            f"@dataclass\nclass Generated{number}:\n{body}"
        )
        namespace: dict[str, object] = {}
        exec(compile(source, f"<fields {names}>", "exec"), namespace)
        # With explicit globals the class namespace is searched first, as mypy does.
        hints = typing.get_type_hints(namespace[f"Generated{number}"], globalns=namespace)
        assert list(hints) == list(names)


def test_corpus_enum_members_build_an_enum(version: VersionNames) -> None:
    for (_, type_name), values in version.enums.items():
        members = member_names(values)
        generated = enum.Enum(type_name, list(zip(members, values)))  # type: ignore[misc]
        assert [generated[m].value for m in members] == values


def test_print_naming_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    if not (CORPUS / "soap").is_dir():
        pytest.skip(f"the SuperOffice docs corpus is not at {CORPUS} (see its SOURCE.md)")
    totals: Counter[str] = Counter()
    underscored: Counter[tuple[str, str, str]] = Counter()
    numbered: Counter[tuple[str, str, str]] = Counter()
    for version_name in VERSIONS:
        for kind, kind_scopes in scopes(corpus_version(version_name)).items():
            for xml_names, python_names in kind_scopes:
                totals[kind] += len(xml_names)
                for xml, python in zip(xml_names, python_names):
                    if python.endswith("_"):
                        underscored[(kind, xml, python)] += 1
                    elif re.search(r"_\d+$", python) and not xml[-1:].isdigit():
                        numbered[(kind, xml, python)] += 1
    with capsys.disabled():
        print("\nnames per kind over all five versions:", dict(sorted(totals.items())))
        print("trailing underscore:", ", ".join(
            f"{kind} {xml}->{python} x{count}"
            for (kind, xml, python), count in sorted(underscored.items())))
        print("numbered in scope:", ", ".join(
            f"{kind} {xml}->{python} x{count}"
            for (kind, xml, python), count in sorted(numbered.items())) or "none")
    assert totals["method"] > 0 and totals["field"] > 0
