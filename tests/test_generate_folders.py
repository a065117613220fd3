"""`codegen generate` on folders a user might really have: pages saved flat under any names
without their WSDL pages, and folders mixing good and broken pages."""

from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from codegen.cli import main
from conftest import require_corpus


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_python(out: Path, code: str) -> str:
    """Run code in a fresh interpreter with the generated package importable."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=out, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(out)}, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def operation_pages(corpus: Path, version: str, service: str) -> list[Path]:
    return sorted(p for p in (corpus / "soap" / version / service).glob("*.md") if p.name != "index.md")


def test_a_flat_folder_of_operation_pages_under_arbitrary_names_generates_a_working_client(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = require_corpus()
    docs = tmp_path / "my pages"
    docs.mkdir()
    chosen = operation_pages(corpus, "Services88", "ErpSync") + operation_pages(corpus, "Services87", "SoPrincipal")
    names = [f"saved page {n} ({random.Random(n).randint(0, 99999)}).md" for n in range(len(chosen))]
    random.Random(7).shuffle(names)  # no relation between a file's name and its content
    for page, name in zip(chosen, names):
        (docs / name).write_bytes(page.read_bytes())
    out = tmp_path / "out"

    code = main(["generate", "--docs", str(docs), "--out", str(out), "--no-progress"])

    err = capsys.readouterr().err
    assert code == 0, err
    inferred = re.findall(r"warning B004: (Services\d+ \w+) has no WSDL page", err)
    assert sorted(inferred) == ["Services87 SoPrincipal", "Services88 ErpSync"]

    # the methods are there, and a call parses the documented reply into typed values
    erp_methods = len(operation_pages(corpus, "Services88", "ErpSync"))
    example = (corpus / "soap/Services88/ErpSync/GetConnection.md").read_text(encoding="utf-8")
    response = re.search(r"## GetConnection Response\s+```xml\n(.*?)```", example, re.S)
    assert response is not None
    reply = response.group(1).replace("http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/soap/envelope/")
    reply = reply.replace("<ErpSync:ErpConnectionId xsi:type=\"xsd:int\">0<", "<ErpSync:ErpConnectionId xsi:type=\"xsd:int\">42<")
    printed = run_python(
        out,
        f"""
        import httpx
        from superoffice_services import SoapSession
        from superoffice_services.services88 import ErpSyncAgent
        from superoffice_services.services87 import SoPrincipalAgent

        methods = [m for m in vars(ErpSyncAgent) if not m.startswith("_") and callable(getattr(ErpSyncAgent, m))]
        print(len(methods))
        reply = {reply.encode()!r}
        seen = []
        def answer(request):
            seen.append(request)
            return httpx.Response(200, headers={{"content-type": "text/xml"}}, content=reply)
        session = SoapSession("http://crm.example/Cust1", ticket="t", client=httpx.Client(transport=httpx.MockTransport(answer)))
        connection = ErpSyncAgent(session).get_connection(42)
        print(type(connection).__name__, connection.erp_connection_id, connection.user_group_access_ids)
        print(seen[0].url, seen[0].headers["SOAPAction"])
        print(callable(SoPrincipalAgent.authenticate_username_password))
        """,
    ).split("\n")
    assert printed[0] == str(erp_methods)
    assert printed[1] == "ErpConnection 42 [0]"
    assert printed[2] == (
        "http://crm.example/Cust1/Remote/Services88/ErpSync.svc "
        '"http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetConnection"'
    )
    assert printed[3] == "True"


def _write_broken_folder(corpus: Path, docs: Path) -> dict[str, str]:
    """Good pages of ErpSync (with its WSDL) plus one broken page of each kind. Returns the
    broken files and the diagnostic code each must produce."""
    good = corpus / "soap/Services88"
    (docs / "wsdl").mkdir(parents=True)
    (docs / "wsdl/erp.md").write_bytes((good / "Services88-ErpSync.md").read_bytes())
    for page in operation_pages(corpus, "Services88", "ErpSync"):
        (docs / page.name).write_bytes(page.read_bytes())

    text = (good / "ErpSync/GetConnection.md").read_text(encoding="utf-8")
    # a truncated XML block: the request example ends in the middle of an element
    start = text.index("<ErpSync:GetConnection>")
    (docs / "GetConnection.md").write_text(text[: start + 30] + "\n```\n" + text[text.index("## GetConnection Response") :], encoding="utf-8")
    # a page missing its envelopes
    text = (good / "ErpSync/SaveConnection.md").read_text(encoding="utf-8")
    (docs / "SaveConnection.md").write_text(text[: text.index("## SaveConnection Request")], encoding="utf-8")
    # an unknown front matter key
    text = (good / "ErpSync/SyncAll.md").read_text(encoding="utf-8")
    (docs / "SyncAll.md").write_text(text.replace("---\n", "---\ncolour: blue\n", 1), encoding="utf-8")
    # a broken WSDL: cut in the middle; the Webhook operation pages are there
    wsdl = (good / "Services88-Webhook.md").read_text(encoding="utf-8")
    (docs / "webhook-wsdl.md").write_text(wsdl[: len(wsdl) // 2] + "\n```\n", encoding="utf-8")
    for page in operation_pages(corpus, "Services88", "Webhook"):
        (docs / f"hook-{page.name}").write_bytes(page.read_bytes())
    return {"GetConnection.md": "X", "SaveConnection.md": "P01", "SyncAll.md": "P006", "webhook-wsdl.md": "W001"}


def test_a_folder_mixing_good_and_broken_pages_generates_the_good_ones_and_names_the_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = require_corpus()
    docs = tmp_path / "docs"
    broken = _write_broken_folder(corpus, docs)
    out = tmp_path / "out"

    code = main(["generate", "--docs", str(docs), "--out", str(out), "--no-progress", "--verbose"])

    err = capsys.readouterr().err
    assert code == 1, err  # generated, but some input had errors
    for name, code_prefix in broken.items():
        lines = [line for line in err.splitlines() if re.match(rf".*{re.escape(name)}:\d+: (error|warning|info) ", line)]
        assert any(re.search(rf": (error|warning|info) {code_prefix}\d*:", line) for line in lines), f"{name}: {lines}"
        line_numbers = [int(re.search(rf"{re.escape(name)}:(\d+):", line).group(1)) for line in lines]  # type: ignore[union-attr]
        assert all(n >= 1 for n in line_numbers)
    # the truncated block is reported at the line where the XML breaks, inside the fence
    truncated = next(line for line in err.splitlines() if "GetConnection.md:" in line and " error " in line)
    fence_start = (docs / "GetConnection.md").read_text().split("\n").index("```xml") + 2
    assert int(truncated.split(":")[-4]) >= fence_start
    # the good service is generated; Webhook falls back on its examples
    assert (out / "superoffice_services/services88/erp_sync.py").is_file()
    assert (out / "superoffice_services/services88/webhook.py").is_file()
    printed = run_python(
        out,
        """
        from superoffice_services.services88 import ErpSyncAgent, WebhookAgent
        print(hasattr(ErpSyncAgent, "get_all_connections"), hasattr(WebhookAgent, "save_webhook"))
        print(hasattr(ErpSyncAgent, "save_connection"))
        """,
    )
    assert printed.split() == ["True", "True", "True"]


def test_a_failed_run_leaves_the_previous_output_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = require_corpus()
    docs = tmp_path / "docs"
    docs.mkdir()
    for page in operation_pages(corpus, "Services88", "ErpSync"):
        (docs / page.name).write_bytes(page.read_bytes())
    out = tmp_path / "out"
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--no-progress", "--quiet"]) == 0
    before = tree_hashes(out)

    # the docs are gone (a bad checkout): nothing can be built
    for page in docs.iterdir():
        page.write_text("not a page of the docs\n", encoding="utf-8")
    code = main(["generate", "--docs", str(docs), "--out", str(out), "--no-progress"])

    assert code == 2
    assert "no SOAP operation, WSDL or WebAPI pages" in capsys.readouterr().err
    assert tree_hashes(out) == before


def test_the_command_line_runs_as_a_program_and_its_exit_code_says_what_happened(tmp_path: Path) -> None:
    corpus = require_corpus()
    docs = tmp_path / "docs"
    docs.mkdir()
    for page in operation_pages(corpus, "Services88", "ErpSync")[:3]:
        (docs / page.name).write_bytes(page.read_bytes())
    (docs / "broken.md").write_bytes((corpus / "soap/Services88/ErpSync/SyncAll.md").read_bytes()[:900])
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--docs", str(docs), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "broken.md:" in result.stderr
    assert "Traceback" not in result.stderr
