"""Nothing from a WSDL's schema reaches the file system: ``xs:include``, ``xs:redefine`` and
``xs:override`` are reported (W004) and never copied into the shipped ``_doubles/*.xsd``, whose
documents refer only to each other; and the fake, loading a shipped schema, opens nothing
beside those documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from codegen.pipeline import Settings, build_output
from conftest import require_corpus, runtime_template
from test_determinism import small_docs

REFERENCES = (
    '<xs:include schemaLocation="file:///etc/hostname"/>'
    '<xs:redefine schemaLocation="../../../planted.xsd"/>'
    '<xs:override schemaLocation="https://attacker.example/x.xsd"/>'
)


def test_schema_references_in_a_wsdl_are_reported_and_never_shipped(tmp_path: Path) -> None:
    docs = small_docs(require_corpus(), tmp_path / "docs")
    page = docs / "soap/Services88/Services88-Tooltips.md"
    text = page.read_text(encoding="utf-8")
    opening = re.search(r"<xs:schema [^>]*>", text)
    assert opening is not None
    page.write_text(text[: opening.end()] + REFERENCES + text[opening.end() :], encoding="utf-8")
    outcome = build_output(Settings(docs=docs, out=tmp_path / "out"))
    reported = [d.message for d in outcome.diagnostics if d.code == "W004" and d.path.endswith("Tooltips.md")]
    for construct in ("include", "redefine", "override"):
        assert any(construct in message for message in reported), reported
    shipped = {path: content for path, content in outcome.files.items() if path.endswith(".xsd")}
    assert shipped
    for path, content in shipped.items():
        root = etree.fromstring(content)
        for node in root.iter("{http://www.w3.org/2001/XMLSchema}*"):
            location = node.get("schemaLocation")
            if location is not None:
                assert re.fullmatch(r"(types|entry)\d+\.xsd|layer\d+-\d+\.xsd", location), (path, location)
        assert b"redefine" not in content and b"override" not in content and b"hostname" not in content


def test_the_fake_opens_no_file_beside_its_shipped_schemas(tmp_path: Path) -> None:
    fake = runtime_template("fake")
    shipped = tmp_path / "_doubles"
    shipped.mkdir()
    (tmp_path / "outside.xsd").write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>', encoding="utf-8")
    (shipped / "types0.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">'
        '<xs:element name="x" type="xs:string"/></xs:schema>',
        encoding="utf-8",
    )
    (shipped / "entry0.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:import namespace="urn:a" schemaLocation="types0.xsd"/></xs:schema>',
        encoding="utf-8",
    )
    assert fake._load_schema(shipped / "entry0.xsd") is not None  # its own documents: fine
    (shipped / "entry1.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="../outside.xsd"/></xs:schema>',
        encoding="utf-8",
    )
    with pytest.raises(etree.XMLSchemaParseError):
        fake._load_schema(shipped / "entry1.xsd")
