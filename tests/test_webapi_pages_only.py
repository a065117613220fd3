"""WebAPI pages whose SOAP operations are not in the docs still generate a working client, from
the pages' own tables: types the tables name precisely (int32, string, bool, date-time) are
typed, the rest (object, array, data contracts the docs do not define) pass JSON through."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from codegen.cli import main
from conftest import require_corpus


def test_rest_pages_alone_generate_typed_agents_that_call_and_decode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = require_corpus()
    docs = tmp_path / "docs"
    shutil.copytree(corpus / "restful/agent/ErpSync_Agent", docs)
    out = tmp_path / "out"

    assert main(["generate", "--docs", str(docs), "--out", str(out), "--no-progress", "--verbose"]) == 0
    err = capsys.readouterr().err
    pages = [p for p in docs.glob("v1ErpSyncAgent_*.md")]
    assert err.count(" info J001: ") == len(pages)  # each endpoint says it was built from its page

    page = (docs / "v1ErpSyncAgent_ConnectActor.md").read_text(encoding="utf-8")
    sample = re.search(r"```http!\n.*?\n\n(\{.*?\})\n```", page, re.S)
    assert sample is not None
    request_body = json.loads(sample.group(1))
    reply = json.loads(re.search(r"```http_\n.*?\n\n(.*?)\n```", (docs / "v1ErpSyncAgent_GetConnection.md").read_text(), re.S).group(1))  # type: ignore[union-attr]

    script = textwrap.dedent(
        f"""
        import json, httpx
        from superoffice_services.webapi import WebApiSession, ErpSyncAgent
        seen = []
        def answer(request):
            seen.append(request)
            return httpx.Response(200, json={reply!r})
        session = WebApiSession("http://crm.example/Cust1", ticket="t", client=httpx.Client(transport=httpx.MockTransport(answer)))
        agent = ErpSyncAgent(session)
        body = {request_body!r}
        agent.connect_actor(body["ErpConnectionId"], body["CrmRecordId"], body["CrmActorType"], body["ErpKey"], body["ErpActorType"], body["FieldValues"])
        print(json.dumps(json.loads(seen[-1].content)))
        print(seen[-1].url.path, seen[-1].headers["Authorization"])
        print(json.dumps(agent.get_connection(1)))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(out)}, timeout=120)
    assert result.returncode == 0, result.stderr
    sent, where, decoded = result.stdout.splitlines()
    assert json.loads(sent) == request_body  # the documented request, key for key
    assert where == "/Cust1/api/v1/Agents/ErpSync/ConnectActor SOTicket t"
    assert json.loads(decoded) == reply  # an untyped reply passes through as JSON
