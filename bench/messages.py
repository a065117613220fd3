"""Request serialisation and response parsing, side by side: ours, zeep, plain lxml (the floor).

The message: Services88 Appointment SaveAppointmentEntity (request) and GetAppointmentEntity
(response), with the values of the docs' own examples (read from the operation pages with our
read_request / read_reply). All contenders build / parse the same bytes:

* request: ours writes it (Operation.build_request, and the agent method through an httpx
  MockTransport); zeep's input is its own parse of our request body, and it builds the message
  with create_message (+ etree.tostring); the floor builds the same element tree with
  lxml.etree.SubElement from a pre-made plan of (tag, text) and serialises it;
* response: our writer's SOAP 1.1 reply for the documented value; ours reads it with
  Operation.read_reply (and through the agent method with a MockTransport); zeep with its
  parse_xml + the binding operation's process_reply; the floor with etree.fromstring and a walk
  of every element into nested dicts of text (no type conversion: a lower bound).

Prints one JSON object: seconds per call, per contender, per repeat.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_DOCS, PACKAGE, example, load_generated, median, side_by_side, wsdl_text  # noqa: E402

VERSION, SERVICE = "Services88", "Appointment"
REQUEST_OP, REPLY_OP = "SaveAppointmentEntity", "GetAppointmentEntity"
TICKET, TOKEN = "7T:1234abcxyzExample==", "1234567-1234-9876"


def find_operations(version_module: Any, runtime: Any) -> tuple[Any, dict[str, Any], dict[str, str]]:
    """The service's agent class, its Operation objects by XML name, and method names by XML name."""
    import importlib

    endpoint = f"Remote/{VERSION}/{SERVICE}.svc"
    for name in version_module.__all__:
        value = getattr(version_module, name)
        if isinstance(value, type) and issubclass(value, runtime.session.Agent) and value.endpoint == endpoint:
            module = importlib.import_module(value.__module__)
            break
    else:
        raise SystemExit(f"no agent for {endpoint}")
    operations = {v.name: v for v in vars(module).values() if isinstance(v, runtime.soap.Operation)}
    by_global = {k: v.name for k, v in vars(module).items() if isinstance(v, runtime.soap.Operation)}
    methods = {}
    for attr, fn in vars(value).items():
        if callable(fn) and not attr.startswith("_"):
            for const in fn.__code__.co_names:
                if const in by_global:
                    methods[by_global[const]] = attr
    return value, operations, methods


class Runtime:
    def __init__(self) -> None:
        import importlib

        self.soap = importlib.import_module(f"{PACKAGE}._runtime.soap")
        self.session = importlib.import_module(f"{PACKAGE}._runtime.session")


_EMPTY_STRING = re.compile(rb'(<([\w:]+)[^>]*xsi:type="xsd:string"[^>/]*>)(</\2>)')


def filled(example_bytes: bytes) -> bytes:
    """The docs' examples leave most strings empty; zeep reads an empty string as None and then
    leaves the element out, so that it would write a much smaller message. Each empty string
    gets a short text (its element's name), so that every contender carries every element."""
    return _EMPTY_STRING.sub(lambda m: m.group(1) + m.group(2).split(b":")[-1] + b" text" + m.group(3), example_bytes)


def plan_of(node: Any) -> tuple[str, Any, Any]:
    """(tag, nsmap-free attributes, text or children) of an element, for the floor's builder."""
    children = [plan_of(c) for c in node if isinstance(c.tag, str)]
    return (node.tag, dict(node.attrib), children if children else node.text)


def build_floor(plan: tuple[str, Any, Any], nsmap: dict[str | None, str]) -> bytes:
    from lxml import etree

    tag, attrib, content = plan
    root = etree.Element(tag, attrib, nsmap=nsmap)
    stack = [(root, content)]
    sub = etree.SubElement
    while stack:
        parent, content = stack.pop()
        if isinstance(content, list):
            for ctag, cattrib, ccontent in content:
                child = sub(parent, ctag, cattrib)
                stack.append((child, ccontent))
        else:
            parent.text = content
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def walk_floor(content: bytes) -> Any:
    from lxml import etree

    root = etree.fromstring(content)

    def walk(node: Any) -> Any:
        children = [c for c in node if isinstance(c.tag, str)]
        if not children:
            return node.text
        return {c.tag: walk(c) for c in children}

    return walk(root)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--generated", type=Path, required=True, help="folder made by codegen generate --out")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--budget", type=float, default=0.3, help="seconds per sample")
    parser.add_argument("--dump", type=Path, help="write request.xml and reply.xml there (for xsdata_peer.py)")
    args = parser.parse_args()

    import httpx
    import zeep
    import zeep.loader
    from lxml import etree

    load_generated(args.generated)
    import importlib

    version_module = importlib.import_module(f"{PACKAGE}.{VERSION.lower()}")
    rt = Runtime()
    agent_class, operations, methods = find_operations(version_module, rt)
    save, get = operations[REQUEST_OP], operations[REPLY_OP]
    credentials = rt.soap.Credentials(ticket=TICKET, application_token=TOKEN)

    # the docs' example values, as our typed arguments / value
    request_args = save.read_request(filled(example(args.docs, VERSION, SERVICE, REQUEST_OP, "Request")))
    reply_value = get.read_reply(filled(example(args.docs, VERSION, SERVICE, REPLY_OP, "Response")))
    request_bytes = save.build_request(request_args, credentials)
    get.prepare()
    out = [get.envelope_open, "<soap:Body>", get.response.open]
    for part in get.response.parts:
        part.write(out, reply_value)
    out += [get.response.close, "</soap:Body></soap:Envelope>"]
    reply_bytes = "".join(out).encode("utf-8")
    assert get.read_reply(reply_bytes) == reply_value, "our reply does not read back equal"

    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        (args.dump / "request.xml").write_bytes(request_bytes)
        (args.dump / "reply.xml").write_bytes(reply_bytes)

    # ours through the agent method and httpx (MockTransport)
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=reply_bytes, headers={"Content-Type": "text/xml; charset=utf-8"})

    def save_handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=save_reply, headers={"Content-Type": "text/xml; charset=utf-8"})

    # the reply of SaveAppointmentEntity: the same entity back (what NetServer returns)
    save.prepare()
    sout = [save.envelope_open, "<soap:Body>", save.response.open]
    for part in save.response.parts:
        part.write(sout, request_args[0])
    sout += [save.response.close, "</soap:Body></soap:Envelope>"]
    save_reply = "".join(sout).encode("utf-8")

    client_get = httpx.Client(transport=httpx.MockTransport(handler))
    session_get = rt.session.SoapSession("https://sod.superoffice.com/Cust12345", ticket=TICKET, application_token=TOKEN, client=client_get)
    agent_get = getattr(agent_class(session_get), methods[REPLY_OP])
    entity_id = 1
    assert agent_get(entity_id) == reply_value

    # zeep, on the WSDL the service page embeds
    with tempfile.TemporaryDirectory() as folder:
        wsdl = Path(folder) / f"{SERVICE}.wsdl"
        wsdl.write_text(wsdl_text(args.docs, VERSION, SERVICE), encoding="utf-8")
        client = zeep.Client(str(wsdl))
    binding = client.service._binding
    zsave, zget = binding.get(REQUEST_OP), binding.get(REPLY_OP)
    body = etree.fromstring(request_bytes).find("{http://schemas.xmlsoap.org/soap/envelope/}Body")[0]
    parsed = zsave.input.body.parse(body, client.wsdl.types)
    zeep_kwargs = {key: parsed[key] for key in parsed}
    headers = {"ApplicationToken": TOKEN, "Credentials": {"Ticket": TICKET}}

    def zeep_request() -> bytes:
        message = client.create_message(client.service, REQUEST_OP, _soapheaders=headers, **zeep_kwargs)
        return etree.tostring(message, xml_declaration=True, encoding="utf-8")

    def zeep_reply() -> Any:
        doc = zeep.loader.parse_xml(reply_bytes, client.transport, settings=client.settings)
        return zget.process_reply(doc)

    zeep_out = zeep_request()
    ours_elements = sum(1 for _ in etree.fromstring(request_bytes).iter())
    zeep_elements = sum(1 for _ in etree.fromstring(zeep_out).iter())
    zeep_value = zeep_reply()
    assert zeep_value is not None

    # the floor: the same request tree built with lxml, the same reply walked with lxml
    request_root = etree.fromstring(request_bytes)
    plan = plan_of(request_root)
    nsmap = dict(request_root.nsmap)
    floor_bytes = build_floor(plan, nsmap)
    assert len(floor_bytes) > len(request_bytes) * 0.8

    requests = {
        "ours build_request": lambda: save.build_request(request_args, credentials),
        "zeep create_message": zeep_request,
        "lxml floor (tree+tostring)": lambda: build_floor(plan, nsmap),
    }
    replies = {
        "ours read_reply": lambda: get.read_reply(reply_bytes),
        "ours agent call (MockTransport)": lambda: agent_get(entity_id),
        "zeep process_reply": zeep_reply,
        "lxml floor (fromstring+walk)": lambda: walk_floor(reply_bytes),
    }
    req_samples = side_by_side(requests, args.repeats, args.budget)
    rep_samples = side_by_side(replies, args.repeats, args.budget)
    result = {
        "request_bytes": len(request_bytes),
        "zeep_request_bytes": len(zeep_out),
        "reply_bytes": len(reply_bytes),
        "request_elements": {"ours": ours_elements, "zeep": zeep_elements},
        "reply_elements": sum(1 for _ in etree.fromstring(reply_bytes).iter()),
        "request": req_samples,
        "reply": rep_samples,
        "median": {k: median(v) for k, v in {**req_samples, **rep_samples}.items()},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
