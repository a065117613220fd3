"""Descriptions in the current docs format become clean docstrings of the generated code.

The corpus' SOAP pages mostly carry no description; the current format of the docs does. The
pages here are our own, written in that format (front matter variants, H1 with and without
" SOAP", description, Online Restricted note, camelCase parameter notes, Returns, markup)."""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from codegen.cli import main
from conftest import require_corpus

VERSION = "Services88"  # built from a variable: fixture pages must not look copied from the corpus


def operation_page(front_matter: str, h1: str, operation: str, body: str, example_text: str) -> str:
    """A page in the current format: our own words, the corpus' example envelopes."""
    examples = example_text[example_text.index(f"## {operation} Request") :]
    return (
        f"---\n{front_matter}\n---\n\n# {h1}\n\n"
        f"SOAP request and response examples **Remote/{VERSION}/ErpSync.svc**\n"
        f'Implemented by the <see cref="M:SuperOffice.{VERSION}.IErpSyncAgent.{operation}">'
        f"SuperOffice.{VERSION}.IErpSyncAgent.{operation}</see> method.\n\n"
        f"## {operation}\n\n{body}\n\n"
        f"[WSDL file for {VERSION}/ErpSync](../{VERSION}-ErpSync.md)\n\n"
        f"Obtain a ticket from the [{VERSION}/SoPrincipal.svc](../SoPrincipal/index.md)\n\n"
        "Application tokens must be specified if calling an Online installation. "
        "ApplicationTokens are not checked for on-site installations.\n\n" + examples
    )


@pytest.fixture(scope="module")
def described_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    corpus = require_corpus()
    source = corpus / "soap" / VERSION
    docs = tmp_path_factory.mktemp("docs")
    (docs / "the-wsdl.md").write_bytes((source / f"{VERSION}-ErpSync.md").read_bytes())
    save_examples = (source / "ErpSync/SaveErpSyncConnectorEntity.md").read_text(encoding="utf-8")
    (docs / "a.md").write_text(
        operation_page(
            f"title: {VERSION}.ErpSyncAgent.SaveErpSyncConnectorEntity SOAP\ngenerated: true\n"
            f"content_type: reference\nuid: {VERSION.lower()}-erpsync-saveerpsyncconnectorentity",
            f"{VERSION} ErpSync SaveErpSyncConnectorEntity SOAP",
            "SaveErpSyncConnectorEntity",
            "Stores the connector, creating it when its id is 0 &amp; keeping\n"
            'the <see cref="T:SuperOffice.CRM.Services.ErpSyncConnectorEntity">connector entity</see> in step.\n\n'
            "<para /><b>Online Restricted:</b> Only for ERP apps that asked for it.\n\n"
            "* **erpSyncConnectorEntity:** The [entity](https://example.invalid/x) to **save**.\n\n"
            "**Returns:** The saved entity, with its new id.",
            save_examples,
        ),
        encoding="utf-8",
    )
    get_examples = (source / "ErpSync/GetConnection.md").read_text(encoding="utf-8")
    (docs / "b.md").write_text(
        operation_page(
            f"uid: {VERSION}-ErpSync-GetConnection\nGenerated: true\ntitle: {VERSION}.ErpSyncAgent.GetConnection SOAP",
            f"{VERSION} ErpSync GetConnection",
            "GetConnection",
            "Reads one connection.\n\n* **erpConnectionId:** Primary key of the connection.",
            get_examples,
        ),
        encoding="utf-8",
    )
    (docs / "service.md").write_text(
        f"---\ntitle: {VERSION}.ErpSyncAgent SOAP\nuid: {VERSION}-ErpSync-soap\ngenerated: 1\n---\n\n"
        f"# {VERSION} ErpSync SOAP\n\nSOAP request and response examples, and WSDL files for "
        f"**Remote/{VERSION}/ErpSync.svc**\n\n"
        f'Handled by the <see cref="T:SuperOffice.{VERSION}.IErpSyncAgent">SuperOffice.{VERSION}.IErpSyncAgent</see> interface.\n\n'
        "Services that keep the CRM and the ERP system in step.\n"
        "<para /><b>Online Restricted:</b> Ask for this agent when the app is registered.\n\n"
        f"Download [WSDL file for {VERSION}/ErpSync](../{VERSION}-ErpSync.md) if you need to generate your own proxy code.\n\n"
        "* [GetConnection](GetConnection.md)\n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("out")
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--quiet", "--no-progress"]) == 0
    sys.path.insert(0, str(out))
    for name in [n for n in sys.modules if n.startswith("superoffice_services")]:
        del sys.modules[name]  # another test may have imported the corpus' package
    try:
        yield out
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.startswith("superoffice_services")]:
            del sys.modules[name]


def agent_class(out: Path) -> type:
    module = importlib.import_module("superoffice_services.services88.erp_sync")
    assert Path(module.__file__ or "").is_relative_to(out)
    return module.ErpSyncAgent  # type: ignore[no-any-return]


def paragraphs(doc: str | None) -> list[str]:
    """The docstring's paragraphs, each on one line (docstrings are wrapped to the line length)."""
    return [" ".join(p.split()) for p in (doc or "").split("\n\n")]


def test_the_description_note_parameters_and_returns_become_the_method_docstring(described_package: Path) -> None:
    doc = inspect.getdoc(agent_class(described_package).save_erp_sync_connector_entity)
    assert paragraphs(doc) == [
        "Stores the connector, creating it when its id is 0 & keeping the connector entity in step.",
        "Online Restricted: Only for ERP apps that asked for it.",
        "Args: erp_sync_connector_entity: The entity to save.",
        "Returns: The saved entity, with its new id.",
    ]
    assert "Args:\n    erp_sync_connector_entity: " in (doc or "")  # Google style


def test_a_page_without_a_trailing_soap_in_its_h1_and_other_front_matter_is_read_the_same(described_package: Path) -> None:
    doc = inspect.getdoc(agent_class(described_package).get_connection)
    assert doc == "Reads one connection.\n\nArgs:\n    erp_connection_id: Primary key of the connection."


def test_the_service_page_describes_the_agent_class(described_package: Path) -> None:
    doc = inspect.getdoc(agent_class(described_package)) or ""
    assert doc.startswith("Services that keep the CRM and the ERP system in step.\n\nOnline Restricted: Ask for this agent")
    assert "Remote/Services88/ErpSync.svc" in doc


def test_docstrings_hold_no_markup(described_package: Path) -> None:
    text = (described_package / "superoffice_services/services88/erp_sync.pyi").read_text(encoding="utf-8")
    for leftover in ("<see", "<para", "<b>", "&amp;", "**", "](", "cref="):
        assert leftover not in text
    assert not re.search(r"[ \t]+\n", text)  # no trailing spaces
