"""The package generated from the real corpus: counts, imports and a first call."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

from conftest import ALL_VERSIONS, PACKAGE, Generated


def wsdl_counts(corpus: Path, version: str) -> tuple[int, int]:
    """Services and operations of a version, counted straight from the WSDL pages' text."""
    services = operations = 0
    for page in sorted((corpus / "soap" / version).glob(f"{version}-*.md")):
        text = page.read_text(encoding="utf-8")
        port_type = re.search(r"<wsdl:portType.*?</wsdl:portType>", text, re.S)
        assert port_type is not None, page
        services += 1
        operations += len(re.findall(r'<wsdl:operation name="', port_type.group(0)))
    return services, operations


def test_the_model_has_as_many_services_and_operations_as_the_wsdls(corpus_model, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    api, _, _ = corpus_model
    built = {v.name: (len(v.services), sum(len(s.operations) for s in v.services)) for v in api.versions}
    assert set(built) == set(ALL_VERSIONS)
    for version in ALL_VERSIONS:
        assert built[version] == wsdl_counts(corpus, version), version


def test_a_page_with_no_wsdl_operation_is_reported_not_dropped_silently(corpus_model) -> None:  # type: ignore[no-untyped-def]
    _, diagnostics, _ = corpus_model
    orphans = [d for d in diagnostics if d.code == "B002"]
    assert [(d.path, d.severity) for d in orphans] == [("soap/Services88/AI/TrainCategorizer.md", "warning")]
    assert "TrainCategorizer" in orphans[0].message


def test_every_generated_module_imports(generated: Generated) -> None:
    package = importlib.import_module(PACKAGE)
    names = [m.name for m in pkgutil.walk_packages(package.__path__, PACKAGE + ".")]
    for name in names:
        importlib.import_module(name)
    versions = [n for n in names if re.fullmatch(rf"{PACKAGE}\.services\d+", n)]
    assert len(versions) == len(ALL_VERSIONS)
    print(f"imported {len(names)} modules")


def test_generation_reports_no_errors_on_the_real_corpus(generated: Generated) -> None:
    errors = [d for d in generated.diagnostics if d["severity"] == "error"]
    assert errors == []
