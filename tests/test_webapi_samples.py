"""The generated WebAPI client against the docs: every REST agent page of the corpus becomes a
typed method (sync and async), every documented sample response decodes into that method's
return type and says the same when written back, every documented sample request is what the
method sends when called with the sample's values, and the methods carry the docs' descriptions.

The independent facts: the agent folders and their files (counted here), the samples cut out
of the pages here (``webapi_cases``), and the Services88 WSDL's XML Schema types, read and
checked with lxml. The samples were made by a faker that filled weakly typed rows with junk
(``"AlarmLeadTime": "rerum"`` for a TimeSpan); a sample value counts as such an artefact only
where lxml (or .NET's TimeSpan format) says it is invalid for its WSDL type, and it is replaced
by null before the comparison; the artefacts are counted and printed by kind.
"""

from __future__ import annotations

import base64
import collections
import importlib
import inspect
import json
import re
import types
import typing
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest

from codegen.sources.rest import read_rest_page
from conftest import PACKAGE, Generated
from webapi_cases import (
    ARRAYS,
    NS88,
    QN,
    SER,
    XS,
    Artefact,
    Cleaner,
    Method,
    SamplePage,
    Wsdl88,
    compare,
    endpoint_files,
    generated_methods,
    read_sample_page,
)

SHOWN = 30  # failures shown in an assertion message


@pytest.fixture(scope="module")
def pages(corpus: Path) -> list[SamplePage]:
    return [read_sample_page(path) for path in endpoint_files(corpus)]


@pytest.fixture(scope="module")
def wsdl(corpus: Path) -> Wsdl88:
    return Wsdl88(corpus)


@pytest.fixture(scope="module")
def methods(generated: Generated) -> dict[str, Method]:
    return generated_methods()


@pytest.fixture(scope="module")
def cleaner(wsdl: Wsdl88) -> Cleaner:
    return Cleaner(wsdl)


def report(title: str, counts: collections.Counter[str]) -> None:
    print(f"\n{title}: {sum(counts.values())}")
    for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:5d}  {kind}")


# -- 1. every page, a typed method ---------------------------------------------------------------

_FILE = re.compile(r"^v1(\w+)Agent_(\w+)\.md$")


def test_every_rest_agent_page_of_the_corpus_is_read(corpus: Path) -> None:
    files = endpoint_files(corpus)
    problems = []
    for path in files:
        named = _FILE.match(path.name)
        assert named is not None, path
        page = read_rest_page(path, corpus)
        errors = [str(d) for d in page.diagnostics if d.severity == "error"]
        if errors or (page.agent, page.method) != named.groups() or page.sample_request is None or page.sample_response is None:
            problems.append(f"{path.name}: read as {page.agent}/{page.method}; {errors}")
    print(f"\n{len(files)} endpoint pages in {len({p.parent for p in files})} agent folders")
    assert len(files) > 1500
    assert problems == []


def test_each_agent_has_one_method_per_page_of_its_folder_sync_and_async(corpus: Path, pages: list[SamplePage], methods: dict[str, Method]) -> None:
    files_per_folder = collections.Counter(path.parent.name for path in endpoint_files(corpus))
    classes: dict[str, set[type]] = collections.defaultdict(set)
    for page in pages:
        method = methods.get(page.name)
        assert method is not None, f"{page.path.name}: no generated method calls {page.name}"
        classes[page.folder].add(method.agent)
    per_class = {}
    for folder, found in classes.items():
        assert len(found) == 1, f"{folder}: its endpoints are spread over {found}"
        (agent,) = found
        webapi = importlib.import_module(f"{PACKAGE}.webapi")
        async_agent = getattr(webapi, f"Async{agent.__name__}")
        own = [n for n, v in vars(agent).items() if inspect.isfunction(v) and not n.startswith("_")]
        own_async = [n for n, v in vars(async_agent).items() if inspect.iscoroutinefunction(v) and not n.startswith("_")]
        per_class[folder] = len(own)
        assert sorted(own) == sorted(own_async), agent.__name__
        assert agent.__name__ == folder.removesuffix("_Agent") + "Agent"
    assert per_class == dict(files_per_folder)
    assert len(methods) == sum(files_per_folder.values())  # and no method without a page
    print(f"\n{len(per_class)} agents, {len(methods)} endpoints, each a method of XxxAgent and AsyncXxxAgent")


class _Types(dict[str, Any]):
    """The names the generated modules import under TYPE_CHECKING, found on first use."""

    def __init__(self) -> None:
        super().__init__()
        self.types = importlib.import_module(f"{PACKAGE}.services88.types")

    def __missing__(self, name: str) -> Any:
        try:
            return getattr(self.types, name)
        except AttributeError:
            raise KeyError(name) from None  # not a type: eval goes on to the globals and builtins


_PRIMITIVES: dict[QN, type] = {
    **{(XS, n): int for n in ("int", "long", "short", "byte", "unsignedByte", "unsignedShort", "unsignedInt")},
    **{(XS, n): float for n in ("double", "float")},
    (XS, "string"): str, (XS, "boolean"): bool, (XS, "decimal"): Decimal, (XS, "dateTime"): datetime,
    (XS, "base64Binary"): bytes, (SER, "guid"): UUID, (SER, "duration"): timedelta, (SER, "char"): str,
    (XS, "anyType"): object,
}


def expected_type(wsdl: Wsdl88, name: QN) -> Any:
    """The Python type a WSDL type should be annotated as: a primitive, list[...] for
    ArrayOfX, dict[...] for dictionaries, else the generated class of that XML name."""
    if name in _PRIMITIVES:
        return _PRIMITIVES[name]
    typedef = wsdl.complex.get(name)
    if typedef is not None and typedef.item is not None:
        return ("list", expected_type(wsdl, typedef.item))
    if typedef is not None and typedef.dictionary is not None:
        return ("dict", expected_type(wsdl, typedef.dictionary[0]), expected_type(wsdl, typedef.dictionary[1]))
    return ("named", name)


def annotation_matches(hint: Any, expected: Any, schema: Any) -> bool:
    arguments = [a for a in typing.get_args(hint) if a is not type(None)] if _is_union(hint) else [hint]
    if len(arguments) != 1:
        return False
    (hint,) = arguments
    if isinstance(expected, tuple) and expected[0] in ("list", "dict"):
        origin = typing.get_origin(hint)
        if origin is not {"list": list, "dict": dict}[expected[0]]:
            return False
        return all(annotation_matches(h, e, schema) for h, e in zip(typing.get_args(hint), expected[1:]))
    if isinstance(expected, tuple):  # a generated class, registered under that XML name
        return isinstance(hint, type) and schema.xml_names.get(expected[1]) == hint.__name__
    return bool(hint is expected or expected is object)


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def test_every_method_is_typed_as_its_wsdl_operation_says(pages: list[SamplePage], methods: dict[str, Method], wsdl: Wsdl88) -> None:
    schema = importlib.import_module(f"{PACKAGE}.services88._schema").SCHEMA
    localns = _Types()
    problems = []
    for page in pages:
        method = methods[page.name]
        operation = wsdl.operations[(page.agent, page.method)]
        for cls in (method.agent, method.async_agent):
            function = getattr(cls, method.name)
            module = importlib.import_module(cls.__module__)
            hints = typing.get_type_hints(function, globalns=vars(module), localns=localns)
            signature = inspect.signature(function)
            positional = [p for p in signature.parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD][1:]
            if len(positional) != len(operation.inputs):
                problems.append(f"{page.name}: {len(positional)} arguments, the WSDL operation has {len(operation.inputs)}")
                continue
            for parameter, (name, type_name) in zip(positional, operation.inputs.items()):
                if not annotation_matches(hints[parameter.name], expected_type(wsdl, type_name), schema):
                    problems.append(f"{page.name}: {parameter.name}: {hints[parameter.name]} for {type_name[1]}")
            returned = hints["return"]
            if operation.output is None:
                if returned is not type(None):
                    problems.append(f"{page.name}: returns {returned}, the WSDL operation nothing")
            elif not annotation_matches(returned, expected_type(wsdl, operation.output), schema):
                problems.append(f"{page.name}: returns {returned} for {operation.output[1]}")
            if (page.response.status == 204) != (operation.output is None):
                problems.append(f"{page.name}: the sample answers {page.response.status}, the WSDL output is {operation.outputs}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:SHOWN])


# -- 2. the sample responses ---------------------------------------------------------------------


def test_every_sample_response_decodes_into_the_typed_return_value(
    pages: list[SamplePage], methods: dict[str, Method], wsdl: Wsdl88, cleaner: Cleaner
) -> None:
    from superoffice_services._runtime import jsonwire

    artefacts: collections.Counter[str] = collections.Counter()
    allowed: collections.Counter[str] = collections.Counter()
    problems: list[str] = []
    touched = untouched = nulls = 0
    for page in pages:
        endpoint = methods[page.name].endpoint
        sample = page.response.json()
        cleaned, found = cleaner.clean(sample, wsdl.operations[(page.agent, page.method)].output, "$")
        artefacts.update(a.kind for a in found)
        body = json.dumps(cleaned).encode() if found else page.response.body.encode()
        touched += bool(found)
        untouched += not found
        try:
            value = endpoint.read_reply(body)
        except Exception as error:  # noqa: BLE001 (every failure is listed)
            problems.append(f"{page.name}: {type(error).__name__}: {error}")
            continue
        if endpoint.returns is None or cleaned is None:
            nulls += 1
            if value is not None:
                problems.append(f"{page.name}: the sample is {page.response.status} {page.response.body!r}, decoded {value!r}")
            continue
        again = jsonwire.encode(endpoint.returns.codec, value)
        result = compare(again, cleaned, nulled=frozenset(a.where for a in found))
        allowed.update(result.allowed)
        problems += [f"{page.name}: {p}" for p in result.problems[:3]]
    print(f"\n{len(pages)} sample responses: {untouched} decoded untouched, {touched} after nulling artefacts; {nulls} are 204 or null")
    report("artefacts nulled (invalid for their WSDL type)", artefacts)
    report("allowances used in the comparison", allowed)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:SHOWN])
    assert untouched > 0.9 * len(pages)


# -- 3. the sample requests ----------------------------------------------------------------------


class Capture:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(204)


def clean_request(page: SamplePage, method: Method, wsdl: Wsdl88, cleaner: Cleaner) -> tuple[Any, dict[str, str], list[Artefact]]:
    """The sample's body and query string with their artefacts nulled (query values left out).
    The body is one parameter (the entity, or an array) or an object of parameters, typed by
    the WSDL operation's parameter of the same name."""
    operation = wsdl.operations[(page.agent, page.method)]
    inputs = {name.casefold(): type_name for name, type_name in operation.inputs.items()}
    found: list[Artefact] = []
    body = page.request.json()
    whole = [p for p in method.endpoint.params if p.location == "body"]
    if body is not None and whole:
        body, found = cleaner.clean(body, operation.inputs[whole[0].element.name], "$")
    elif isinstance(body, dict):
        cleaned = {}
        for key, value in body.items():
            cleaned[key], more = cleaner.clean(value, inputs.get(key.casefold()), f"$.{key}")
            found += more
        body = cleaned
    query = {}
    for key, text in page.query:
        value, more = cleaner.clean(text, inputs.get(key.casefold()), f"?{key}")
        found += more
        if value is not None:
            query[key] = text
    return body, query, found


def test_every_sample_request_is_what_the_method_sends(
    pages: list[SamplePage], methods: dict[str, Method], wsdl: Wsdl88, cleaner: Cleaner
) -> None:
    from superoffice_services.webapi import CallOptions, WebApiSession

    capture = Capture()
    client = httpx.Client(transport=httpx.MockTransport(capture))
    artefacts: collections.Counter[str] = collections.Counter()
    allowed: collections.Counter[str] = collections.Counter()
    problems: list[str] = []
    bodies = queries = selects = 0
    for page in pages:
        method = methods[page.name]
        body, query, found = clean_request(page, method, wsdl, cleaner)
        artefacts.update(a.kind for a in found)
        headers = dict(page.request.headers)
        scheme, _, credentials = headers["Authorization"].partition(" ")
        assert scheme == "Basic", page.name
        user, _, password = base64.b64decode(credentials).decode().partition(":")
        session = WebApiSession("https://sod.example.test/Cust12345", basic=(user, password), client=client)
        content = json.dumps(body).encode() if found else page.request.body.encode() or None
        try:
            args = method.endpoint.read_request(content, query)
            capture.requests.clear()
            select = {"select": page.select} if method.endpoint.select and page.select else {}
            options = CallOptions(accept_language=headers.get("Accept-Language"))
            getattr(method.agent(session), method.name)(*args, **select, options=options)
        except Exception as error:  # noqa: BLE001 (every failure is listed)
            problems.append(f"{page.name}: {type(error).__name__}: {error}")
            continue
        (sent,) = capture.requests
        expected_query = {**query, **({"$select": page.select} if select else {})}
        queries += bool(query)
        selects += bool(select)
        if dict(sent.url.params) != expected_query or len(sent.url.params) != len(expected_query):
            problems.append(f"{page.name}: query {dict(sent.url.params)} != {expected_query}")
        if sent.url.path != f"/Cust12345/api/v1/Agents/{page.agent}/{page.method}" or sent.method != "POST":
            problems.append(f"{page.name}: {sent.method} {sent.url.path}")
        for name in ("Authorization", "Accept-Language", "Content-Type"):
            if sent.headers.get(name) != headers.get(name):
                problems.append(f"{page.name}: {name}: {sent.headers.get(name)!r}, the sample {headers.get(name)!r}")
        if body is None:
            if sent.content:
                problems.append(f"{page.name}: sent {sent.content!r}, the sample has no body")
            continue
        bodies += 1
        result = compare(json.loads(sent.content), body, nulled=frozenset(a.where for a in found))
        allowed.update(result.allowed)
        problems += [f"{page.name}: {p}" for p in result.problems[:3]]
    client.close()
    print(f"\n{len(pages)} sample requests: {bodies} with a JSON body, {queries} with an id in the query string, {selects} with $select")
    report("artefacts nulled (invalid for their WSDL type)", artefacts)
    report("allowances used in the comparison", allowed)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:SHOWN])


# -- the artefact rule itself, on values whose validity is not in doubt ---------------------------


@pytest.mark.parametrize(
    ("type_name", "value", "valid"),
    [
        ((SER, "duration"), "rerum", False),
        ((SER, "duration"), "01:30:00", True),
        ((SER, "duration"), "-3.04:05:06.1234567", True),
        ((SER, "duration"), "PT1H30M", False),  # xs:duration text: not what Json.NET writes for a TimeSpan
        ((XS, "base64Binary"), "GIF89....File contents as raw bytes...", False),
        ((XS, "base64Binary"), "R0lGODlhAQABAAAAACw=", True),
        ((XS, "dateTime"), "provident", False),
        ((XS, "dateTime"), "2023-02-01T14:19:02.5161427+01:00", True),
        ((XS, "long"), 99.99, False),
        ((XS, "int"), 2**31, False),
        ((XS, "int"), 948, True),
        ((XS, "string"), {}, False),
        ((XS, "string"), "rerum", True),
        ((SER, "guid"), "quia", False),
        ((SER, "guid"), "c2a1e4f5-0b5e-4d2a-9d1e-6f0e2b7c8a91", True),
        ((NS88, "RecurrenceUpdateMode"), "OnlyThis", True),
        ((NS88, "RecurrenceUpdateMode"), "rerum", False),
        ((NS88, "ETableRight"), "Select, Update", True),  # flags as Json.NET writes them
        ((NS88, "ETableRight"), "mollitia", False),
    ],
)
def test_a_value_is_an_artefact_only_where_its_wsdl_type_rejects_it(cleaner: Cleaner, type_name: QN, value: Any, valid: bool) -> None:
    assert (cleaner.invalid(value, type_name) is None) is valid


def test_an_object_in_an_array_of_strings_is_an_artefact_and_a_valid_sample_is_left_as_it_is(cleaner: Cleaner) -> None:
    cleaned, found = cleaner.clean([["a", {}]], (ARRAYS, "ArrayOfArrayOfstring"), "$")
    assert cleaned == [["a", None]]
    assert [(a.where, a.kind) for a in found] == [("$[0][1]", "xs:string (an object or array)")]
    link = {"EntityName": "Krajcik Inc and Sons", "Id": 46, "Description": "Reverse-engineered", "ExtraInfo": "eius", "LinkId": 566}
    assert cleaner.clean([link], (NS88, "ArrayOfLink"), "$") == ([link], [])


# -- 5. docstrings from the docs -----------------------------------------------------------------


def _words(text: str) -> str:
    """Text reduced to its letters and digits, lower case: markup and spacing aside."""
    text = re.sub(r"<[^>]+>", " ", text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def _description(page_text: str) -> str:
    """What a REST page says between its endpoint fence and its first H2 heading."""
    found = re.search(r"^```http\n(?:POST .*\n)+```\n(.*?)^## ", page_text, re.S | re.M)
    assert found is not None
    return found.group(1).strip()


def _from_page(docstring: str, *page_texts: str) -> bool:
    """The docstring's first line of text is in one of the pages (40 letters of it, or all)."""
    first = _words(docstring.strip().split("\n\n")[0])[:40]
    return bool(first) and any(first in _words(text) for text in page_texts)


def test_at_least_95_percent_of_rest_and_soap_methods_carry_the_docs_description(
    corpus: Path, pages: list[SamplePage], methods: dict[str, Method]
) -> None:
    import soap_cases

    rest_texts = {page.name: page.path.read_text(encoding="utf-8") for page in pages}
    rest_documented = fallback = 0
    not_from_page = []
    for page in pages:
        method = methods[page.name]
        docstring = inspect.getdoc(getattr(method.agent, method.name)) or ""
        assert docstring == inspect.getdoc(getattr(method.async_agent, method.name)), page.name
        if docstring.startswith("POST /api/v1/Agents/"):
            fallback += 1
            if _description(rest_texts[page.name]):
                not_from_page.append(f"{page.name}: the page has a description, the method the fallback")
        elif _from_page(docstring, rest_texts[page.name]):
            rest_documented += 1
        else:
            not_from_page.append(f"{page.name}: {docstring[:80]!r}")

    soap_documented = soap_total = 0
    undocumented = []
    for (service, operation), (_, agent, async_agent, name) in sorted(soap_cases.generated_operations("Services88").items()):
        soap_total += 1
        docstring = inspect.getdoc(getattr(agent, name)) or ""
        assert docstring == inspect.getdoc(getattr(async_agent, name)), f"{service}.{operation}"
        soap_page = corpus / "soap" / "Services88" / service / f"{operation}.md"
        texts = [p.read_text(encoding="utf-8") for p in (soap_page,) if p.exists()]
        texts += [rest_texts[f"{service}/{operation}"]] if f"{service}/{operation}" in rest_texts else []
        if not docstring.startswith("Call ") and _from_page(docstring, *texts):
            soap_documented += 1
        else:
            undocumented.append(f"{service}.{operation}")
    rest_share, soap_share = rest_documented / len(pages), soap_documented / soap_total
    print(f"\nWebAPI methods with the docs' description: {rest_documented}/{len(pages)} ({rest_share:.1%}); "
          f"{fallback} with the fallback 'POST …', all of them for pages without a description")
    print(f"Services88 SOAP methods with the docs' description: {soap_documented}/{soap_total} ({soap_share:.1%}); "
          f"without: {', '.join(undocumented[:12])}{' …' if len(undocumented) > 12 else ''}")
    assert not_from_page == []
    marked = [page.name for page in pages if ": Required " in (inspect.getdoc(getattr(methods[page.name].agent, methods[page.name].name)) or "")]
    assert marked == []  # the pages' "**Required**" marker is not part of a parameter's description
    assert rest_share >= 0.95
    assert soap_share >= 0.95
