"""The generated client against the docs' own examples, for every operation of every version.

For each operation page of the real corpus (7,563 operations; the one page without a WSDL
operation, Services88 AI TrainCategorizer, is not generated and skipped):

* the documented response (``## <Op> Response``) is read by the operation's ``read_reply``
  into its typed value, and that value, written back with the runtime's writers, equals the
  documented body up to the docs' known artefacts (tests/xmlcompare.py says which);
* the documented request is read into typed arguments by ``read_request`` and sent through the
  real generated agent method, sync and async, on a session whose httpx client has a
  MockTransport: the captured body equals the documented one up to the same artefacts, the
  HTTP and SOAP framing is NetServer's (SOAP 1.1, text/xml, the header blocks inside
  soap:Header), and the method returns what the documented response says.

Failures are collected per version and reported together, each with the operation's name and a
short diff.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import soap_cases
from conftest import DOCUMENTED_VERSIONS, PACKAGE, Generated
from soap_cases import SOAP11, Case, Sent, body_child, example_bytes, values_without_a_place
from xmlcompare import xml_differences

SHOWN = 40  # failures shown in one assertion message


def report(version: str, failures: list[str], checked: int) -> None:
    print(f"{version}: {checked} operations checked, {checked - len(failures)} passed")
    shown = "\n".join(failures[:SHOWN])
    more = f"\n… and {len(failures) - SHOWN} more" if len(failures) > SHOWN else ""
    assert not failures, f"{version}: {len(failures)} of {checked} operations fail:\n{shown}{more}"


def diff_text(differences: list[str]) -> str:
    return "".join(f"\n      {line}" for line in differences)


@pytest.fixture(scope="module")
def caller(generated: Generated) -> Iterator[soap_cases.Caller]:
    made = soap_cases.Caller()
    yield made
    made.close()


def serialization_error() -> type[Exception]:
    return importlib.import_module(f"{PACKAGE}._runtime.errors").SerializationError  # type: ignore[no-any-return]


# -- responses ----------------------------------------------------------------------------------


def check_response(case: Case) -> tuple[list[str], bool]:
    """The differences between the documented response and its value written back; and
    whether the value was refused on writing (a value the schema cannot carry, see values_without_a_place)."""
    operation = case.operation
    assert case.page.response is not None
    documented = example_bytes(case.page.response.text)
    try:
        value = operation.read_reply(documented)
    except Exception as error:  # reported with the operation's name
        return [f"read_reply raised {error!r}"], False
    problems = []
    parts = operation.response.parts
    if not parts and value is not None:
        problems.append(f"a void operation returned {value!r}")
    if len(parts) > 1 and getattr(value, "_fields", None) != tuple(p.attr for p in parts):
        problems.append(f"{len(parts)} output parts, but the value is a {type(value).__name__}, not their named tuple")
    expected = body_child(etree.fromstring(documented))
    assert expected is not None
    unwritable = values_without_a_place(expected)
    try:
        written = soap_cases.write_wrapper(operation, operation.response, soap_cases.result_parts(operation, value))
    except serialization_error() as error:
        if unwritable:
            return problems, True  # the docs' value cannot be written: refused, as it must be
        return problems + [f"writing the value back raised {error!r}"], False
    if unwritable:
        problems.append(f"written instead of refused: {unwritable[0]}")
    return problems + xml_differences(expected, written), False


@pytest.mark.parametrize("version", DOCUMENTED_VERSIONS)
def test_documented_responses_read_into_typed_values_that_write_back_as_documented(
    generated: Generated, corpus: Path, version: str
) -> None:
    cases, failures = soap_cases.cases(corpus, version)
    refused = 0
    for case in cases:
        problems, was_refused = check_response(case)
        refused += was_refused
        if problems:
            failures.append(f"{case.label}:{diff_text(problems)}")
    print(f"{version}: {refused} documented responses hold a value the schema cannot carry: refused on writing")
    report(version, failures, len(cases))


# -- requests -----------------------------------------------------------------------------------


def framing_problems(case: Case, sent: Sent, documented: etree._Element) -> list[str]:
    """HTTP and SOAP framing of a captured request: what NetServer's binding expects, with the
    header blocks the documented request shows (its SOAP 1.2 illustration puts them straight
    under the Envelope; the docs never show TimeZone)."""
    problems = []
    request = sent.request
    if request.method != "POST":
        problems.append(f"method {request.method}")
    if str(request.url) != f"{soap_cases.BASE_URL}/{case.page.endpoint}":
        problems.append(f"URL {request.url}, the page says {case.page.endpoint}")
    if request.headers.get("content-type") != "text/xml; charset=utf-8":
        problems.append(f"Content-Type {request.headers.get('content-type')!r}")
    envelope = etree.fromstring(sent.content)
    if envelope.tag != f"{{{SOAP11}}}Envelope":
        return problems + [f"root element {envelope.tag}, not a SOAP 1.1 Envelope"]
    children = [child.tag for child in envelope if isinstance(child.tag, str)]
    if children != [f"{{{SOAP11}}}Header", f"{{{SOAP11}}}Body"]:
        return problems + [f"Envelope holds {children}, not soap:Header and soap:Body"]
    blocks = [(etree.QName(block).localname, block) for block in envelope[0]]
    names = [name for name, _ in blocks]
    wanted = ["ApplicationToken"] if case.service == "SoPrincipal" else ["ApplicationToken", "Credentials", "TimeZone"]
    if names != wanted:
        problems.append(f"header blocks {names}, expected {wanted}")
    shown = [etree.QName(c).localname for c in documented if isinstance(c.tag, str) and etree.QName(c).localname != "Body"]
    if [name for name in names if name != "TimeZone"] != shown:
        problems.append(f"header blocks {names}, the documented request shows {shown}")
    expected_text = {
        "ApplicationToken": soap_cases.APPLICATION_TOKEN,
        "Credentials": soap_cases.TICKET,
        "TimeZone": f"{soap_cases.TIME_ZONE_ID}{soap_cases.TIME_ZONE_CODE}",
    }
    for name, block in blocks:
        if etree.QName(block).namespace != case.operation.schema.namespace:
            problems.append(f"header block {name} in namespace {etree.QName(block).namespace}")
        if "".join(block.itertext()) != expected_text.get(name):
            problems.append(f"header block {name} holds {''.join(block.itertext())!r}, expected {expected_text.get(name)!r}")
    return problems


def check_request(case: Case, sent: Sent, expected_result: Any) -> tuple[list[str], bool]:
    """The differences between the documented request and the one the agent sent (framing,
    body, return value); and whether the call was refused before sending (a value the
    schema cannot carry, see values_without_a_place)."""
    assert case.page.request is not None
    documented = etree.fromstring(example_bytes(case.page.request.text))
    expected = body_child(documented)
    assert expected is not None
    unwritable = values_without_a_place(expected)
    if unwritable:
        if isinstance(sent.error, serialization_error()) and sent.request is None:
            return [], True  # refused before sending, as it must be
        return [f"sent instead of refused: {unwritable[0]}"], False
    if sent.error is not None or sent.request is None:
        return [f"the call raised {sent.error!r}"], False
    problems = framing_problems(case, sent, documented)
    written = body_child(etree.fromstring(sent.content))
    if written is None:
        return problems + ["the request has an empty Body"], False
    problems += xml_differences(expected, written)
    if sent.result != expected_result:
        problems.append(f"the method returned {sent.result!r:.200}, the documented response says {expected_result!r:.200}")
    return problems, False


def documented_call(case: Case) -> tuple[list[Any] | None, Any, bytes, list[str]]:
    """The documented request's arguments, the documented response's value and its SOAP 1.1
    form (the mock server's answer)."""
    assert case.page.request is not None and case.page.response is not None
    response = example_bytes(case.page.response.text)
    try:
        args = case.operation.read_request(example_bytes(case.page.request.text))
        expected_result = case.operation.read_reply(response)
    except Exception as error:  # reported with the operation's name
        return None, None, b"", [f"reading the documented examples raised {error!r}"]
    return args, expected_result, soap_cases.as_soap11(response), []


@pytest.mark.parametrize("version", DOCUMENTED_VERSIONS)
def test_documented_requests_are_sent_by_the_agents_as_documented(
    generated: Generated, corpus: Path, version: str, caller: soap_cases.Caller
) -> None:
    cases, failures = soap_cases.cases(corpus, version)
    refused = 0
    for case in cases:
        args, expected_result, reply, problems = documented_call(case)
        if args is not None:
            problems, was_refused = check_request(case, caller.send(case, args, reply), expected_result)
            refused += was_refused
        if problems:
            failures.append(f"{case.label}:{diff_text(problems)}")
    print(f"{version}: {refused} documented requests hold a value the schema cannot carry: refused before sending")
    report(version, failures, len(cases))


@pytest.mark.parametrize("version", DOCUMENTED_VERSIONS)
def test_the_async_agents_send_and_return_the_same_as_the_sync_ones(
    generated: Generated, corpus: Path, version: str, caller: soap_cases.Caller
) -> None:
    cases, failures = soap_cases.cases(corpus, version)
    calls = []
    by_service: dict[str, list[Case]] = {}
    for case in cases:
        by_service.setdefault(case.service, []).append(case)
    sample = [case for group in by_service.values() for case in group[::5]]  # every service
    for case in sample:
        args, expected_result, reply, problems = documented_call(case)
        if args is None:
            failures.append(f"{case.label}:{diff_text(problems)}")
            continue
        calls.append((case, args, reply, expected_result))
    sent_async = soap_cases.send_async([(case, args, reply) for case, args, reply, _ in calls])
    for (case, args, reply, expected_result), sent in zip(calls, sent_async):
        problems, _ = check_request(case, sent, expected_result)
        synchronous = caller.send(case, args, reply)
        if sent.request is not None and synchronous.request is not None:
            if sent.content != synchronous.content:
                problems.append("the async request differs from the sync one")
            if sent.request.headers.get("soapaction") != synchronous.request.headers.get("soapaction"):
                problems.append("the async SOAPAction differs from the sync one")
        if problems:
            failures.append(f"{case.label}:{diff_text(problems)}")
    report(version, failures, len(calls))
