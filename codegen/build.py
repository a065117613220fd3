"""Pages -> one model. The WSDL decides names, types and headers; the examples fill in what a
missing WSDL leaves open; the pages bring descriptions; the WebAPI pages bring descriptions the
newest SOAP version lacks. Every disagreement becomes a Diagnostic.

Several WSDLs of one service (a WSDL page, a WSDL file, zip members): ``codegen.wsdl_choice``
decides which is used.

A version without operation pages (Services84-87 of today's docs: WSDLs only) borrows the
descriptions of the nearest documented version (``build_version(borrowed=...)``): an
operation's where the lender's operation of that service and name takes the same parameters
(names and types) and returns the same types; a type's field notes where the lender's type of
that name has the same fields. What is borrowed says so: "Described from the Services88 docs."

Diagnostic codes:
  B001 error    two WSDLs for one service that neither date nor kind tell apart (the first,
                by path, is used)
  B002 warning  an operation page with no operation in its service's WSDL (it is not generated)
  B003 info     a WSDL operation without an operation page (generated, undocumented); one
                per version where the version has no operation pages at all
  B004 warning  a service without a WSDL page: its shapes were inferred from the examples
  B005 error    one type name defined differently by two WSDLs of a version (the first is used)
  B006 warning  two operation pages for one operation (the first, by path, is used)
  B007 warning  a parameter note that names no parameter of the operation
  B008 error    an operation page whose examples could not be read (it is not generated)
  B009 info     header types assumed from NetServer's standard contract (no WSDL defined them)
  B010 error    a type reference that nothing defines (generated as str)
  B011 info     a WSDL not used for its service: another one is newer (or a file), named
  B012 info     how many operations and types a version described from another version's docs
  B013 error    a type that extends itself, or types that extend each other in a cycle (left
                out, with the types that extend them)
  B014 error    a type more levels below its root than the depth limit (left out, with the
                types that extend it)
  B015 warning  a field or parameter of a type left out (B013, B014, W007): generated as str

Names pass ``codegen.name_gate`` (N001-N006) on their way into the version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from .cache import Memo, no_memo
from .hierarchy import unsound_bases
from .limits import DEFAULT_LIMITS, Limits
from .model import (
    ArrayType,
    ComplexType,
    Diagnostic,
    DictType,
    EnumType,
    Field,
    Header,
    Operation,
    PRIMITIVES,
    QName,
    STRING,
    Service,
    SourceRef,
    TypeDef,
    Version,
    XSD,
    Api,
    type_references,
)
from .versions import nearest_documented, newest_version, version_number
from .wsdl_choice import choose_wsdls, wsdl_choices
from .build_rest import build_webapi, describe_rest_types, preferred_pages, rest_type_notes, strip_required
from .xsd import merge_schemas
from .name_gate import DEFAULT_MAX_NAME_LENGTH, NameGate, shown, uri_problem, version_problem
from .sources import examples
from .sources.pages import Page
from .sources.rest import RestPage
from .sources.wsdl import WsdlService, read_wsdl


@dataclass
class VersionPages:
    """The SOAP pages of one version, by role."""

    wsdl: dict[str, list[Page]] = field(default_factory=dict)  # service -> WSDL pages
    operations: dict[tuple[str, str], list[Page]] = field(default_factory=dict)  # (service, op)
    services: dict[str, list[Page]] = field(default_factory=dict)  # service -> index pages


def fence_key(page: Page, text: str, line: int) -> str:
    """What reading a fenced block depends on: the page's path (diagnostics name it), the line
    and the text."""
    return hashlib.sha256(f"{page.path}\n{line}\n{text}".encode()).hexdigest()


def group_pages(pages: Iterable[Page]) -> dict[str, VersionPages]:
    """The SOAP pages by version and role, in path order."""
    grouped: dict[str, VersionPages] = {}
    for page in sorted(pages, key=lambda p: p.path):
        if not page.version or page.kind not in ("soap-operation", "soap-wsdl", "soap-service"):
            continue
        group = grouped.setdefault(page.version, VersionPages())
        if page.kind == "soap-wsdl":
            group.wsdl.setdefault(page.service, []).append(page)
        elif page.kind == "soap-operation":
            group.operations.setdefault((page.service, page.operation), []).append(page)
        else:
            group.services.setdefault(page.service, []).append(page)
    return grouped


def build_api(
    pages: Sequence[Page], rest_pages: Sequence[RestPage] = (), versions: Iterable[str] = (), limits: Limits = DEFAULT_LIMITS,
    max_name_length: int = DEFAULT_MAX_NAME_LENGTH,
) -> tuple[Api, list[Diagnostic]]:
    """Merge the pages of a docs folder into the model of the versions asked for (all found
    when ``versions`` is empty)."""
    diagnostics: list[Diagnostic] = []
    for page in sorted(pages, key=lambda p: p.path):
        diagnostics.extend(page.diagnostics)
    for rest_page in rest_pages:
        diagnostics.extend(rest_page.diagnostics)
    grouped = group_pages(pages)
    for name in [name for name in grouped if version_problem(name, max_name_length)]:
        diagnostics.append(refused_version(name, [p for p in pages if p.version == name], max_name_length))
        del grouped[name]
    wanted = set(versions)
    newest = newest_version(grouped)
    documented = [name for name, group in grouped.items() if group.operations]
    lenders: dict[str, _Lender] = {}  # one per lending version: its WSDLs parsed once
    built = []
    for name in sorted(grouped, key=version_number):
        if wanted and name not in wanted:
            continue
        lent = None if grouped[name].operations else nearest_documented(name, documented)
        if lent and lent not in lenders:
            lenders[lent] = _Lender(lent, grouped[lent], rest_pages if lent == newest else (), no_memo, limits, max_name_length)
        builder = _VersionBuilder(
            name, grouped[name], rest_pages if name == newest else (), no_memo, lenders.get(lent or ""), limits, max_name_length
        )
        built.append(builder.build())
        diagnostics.extend(builder.diagnostics)
    paired = next((v for v in built if v.name == newest), None)
    webapi, problems = build_webapi(rest_pages, paired, newest)
    diagnostics.extend(problems)
    return Api(tuple(built), webapi), diagnostics


def refused_version(name: str, pages: Sequence[Page], limit: int) -> Diagnostic:
    """The N001 of a version name the gate refuses, on the first of its pages."""
    first = min(pages, key=lambda p: p.path) if pages else None
    problem = version_problem(name, limit) or ""
    return Diagnostic(
        first.path if first else name, (first.h1_line or 1) if first else 1, "N001", "error",
        f"version name {shown(name)} {problem}; its pages ({len(pages)}) are not generated",
    )


def build_version(
    name: str,
    pages: VersionPages,
    rest_pages: Sequence[RestPage] = (),
    memo: Memo = no_memo,
    borrowed: tuple[str, VersionPages] | None = None,
    borrowed_rest: Sequence[RestPage] = (),
    limits: Limits = DEFAULT_LIMITS,
    max_name_length: int = DEFAULT_MAX_NAME_LENGTH,
) -> tuple[Version, list[Diagnostic]]:
    """One version from its pages (and, for the newest, the WebAPI pages' descriptions).
    ``borrowed``: a documented version (its name and pages) whose descriptions the operations
    and types without a page take where they are the same; ``borrowed_rest``: the WebAPI pages
    that describe that version (when it is the newest). The diagnostics are those of building,
    not of reading the pages. ``limits``: the enum-members and depth limits apply here."""
    lender = _Lender(borrowed[0], borrowed[1], borrowed_rest, memo, limits, max_name_length) if borrowed else None
    builder = _VersionBuilder(name, pages, rest_pages, memo, lender, limits, max_name_length)
    version = builder.build()
    return version, builder.diagnostics


class _VersionBuilder:
    def __init__(
        self,
        name: str,
        pages: VersionPages,
        rest_pages: Sequence[RestPage],
        memo: Memo = no_memo,
        lender: _Lender | None = None,
        limits: Limits = DEFAULT_LIMITS,
        max_name_length: int = DEFAULT_MAX_NAME_LENGTH,
    ) -> None:
        self.name = name
        self.limits = limits
        self.left_out: set[QName] = set()  # types defined but not generated: what refers to them is str
        self.gate = NameGate(max_name_length)  # every name of the docs passes here (N codes)
        self.lender = lender
        self.undocumented = 0  # operations without a page (for the one B003 of a version without pages)
        self.borrowed_operations = 0
        self.borrowed_types = 0
        self.pages = pages
        self.memo = memo
        self.rest = {(p.agent, p.method): p for p in preferred_pages(rest_pages)[0]}
        self.diagnostics: list[Diagnostic] = []
        self.types: dict[QName, TypeDef] = {}
        self.type_sources: dict[QName, str] = {}
        self.namespace = ""
        self.wsdls: list[tuple[str, str]] = []  # (service, WSDL) used, for the merged schema of the test doubles

    def report(self, where: SourceRef | None, code: str, severity: str, message: str, path: str = "") -> None:
        self.diagnostics.append(
            Diagnostic(where.path if where else path, where.line if where else 1, code, severity, message)  # type: ignore[arg-type]
        )

    def build(self) -> Version:
        services: list[Service] = []
        inferred_observations: list[examples.TypeObservation] = []
        names = sorted(set(self.pages.wsdl) | {s for s, _ in self.pages.operations})
        chosen, problems = choose_wsdls(p for group in self.pages.wsdl.values() for p in group)
        self.diagnostics.extend(problems)
        for service_name in names:
            wsdl_page = chosen.get(service_name)
            if wsdl_page is not None:
                service = self.from_wsdl(service_name, wsdl_page)
            else:
                service, observations = self.from_examples(service_name)
                inferred_observations.extend(observations)
            gated = self.gate.service(service, self.name) if service is not None else None
            if gated is not None:
                services.append(self.describe_service(gated))
        if inferred_observations:
            typedefs, problems = examples.merge_types(inferred_observations)
            self.diagnostics.extend(problems)
            for typedef in typedefs:
                self.types.setdefault(typedef.name, typedef)  # a WSDL's definition wins
        # a type the gate leaves out is an undefined reference below (B010: generated as str)
        self.types = {t.name: t for t in self.gate.types(self.types.values(), self.name)}
        self.diagnostics.extend(self.gate.diagnostics)
        if uri_problem(self.namespace):  # the service it came from is left out (N005)
            self.namespace = services[0].namespace if services else ""
        self.add_standard_header_types(services)
        self.check_bases()
        self.check_references(services)
        self.apply_rest_type_descriptions()
        self.borrow_type_descriptions()
        self.report_undocumented(services)
        namespace = self.namespace or (services[0].namespace if services else "")
        wsdls = self.wsdls
        left_out = sorted((n.namespace, n.name) for n in self.left_out)
        parts = [f"{name}\0{text}" for name, text in wsdls] + [f"{ns}\0{name}" for ns, name in left_out]
        schemas_key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        merged = self.memo("schemas", schemas_key, lambda: merge_schemas(wsdls, frozenset(left_out)))
        return Version(
            name=self.name,
            namespace=namespace,
            services=tuple(services),
            types=tuple(sorted(self.types.values(), key=lambda t: t.name)),
            schemas=merged.documents,
            schema_entries=merged.entries,
        )

    # -- services with a WSDL ------------------------------------------------------------------

    def parse(self, page: Page) -> tuple[WsdlService | None, tuple[Diagnostic, ...]]:
        fence = page.wsdl
        if fence is None:
            return None, ()  # the page reader reported it
        members = self.limits.enum_members
        wsdl_key = fence_key(page, fence.text, fence.line) + f":{members}"
        return self.memo("wsdl", wsdl_key, lambda: read_wsdl(fence.text, page.path, fence.line, members))

    def from_wsdl(self, name: str, first: Page) -> Service | None:
        if first.wsdl is None:
            return None  # the page reader reported it
        fence = first.wsdl
        parsed, problems = self.parse(first)
        self.diagnostics.extend(problems)
        if parsed is None:
            return self.from_examples(name)[0]  # the WSDL is broken: fall back on the examples
        self.namespace = self.namespace or parsed.namespace
        self.wsdls.append((parsed.name, fence.text))
        self.add_types(parsed)
        operations = []
        known = set()
        for operation in parsed.operations:
            known.add(operation.name)
            page = self.operation_page(name, operation.name)
            if page is None:
                self.undocumented += 1
                if self.pages.operations:  # else one B003 for the version
                    self.report(operation.source, "B003", "info", f"operation {name}.{operation.name} has no operation page")
            described = self.describe_operation(name, operation, page)
            operations.append(self.borrow(name, described, parsed.namespace) if page is None else described)
        for service_name, operation_name in sorted(self.pages.operations):
            if service_name == name and operation_name not in known:
                page = self.pages.operations[(service_name, operation_name)][0]
                self.report(
                    SourceRef(page.path, page.h1_line or 1), "B002", "warning",
                    f"{self.name} {name}.{operation_name} has a page but no operation in {first.path}; not generated",
                )
        return Service(
            name=parsed.name,
            endpoint=parsed.endpoint,
            namespace=parsed.namespace,
            operations=tuple(operations),
            from_wsdl=True,
            source=parsed.source,
        )

    def add_types(self, parsed: WsdlService) -> None:
        self.left_out.update(parsed.left_out)
        for typedef in parsed.types:
            existing = self.types.get(typedef.name)
            if existing is None:
                self.types[typedef.name] = typedef
                self.type_sources[typedef.name] = parsed.source.path
            elif _shape(existing) != _shape(typedef):
                self.report(
                    typedef.source, "B005", "error",
                    f"type {typedef.name.name} differs from its definition in {self.type_sources[typedef.name]}; that one is used",
                )

    def operation_page(self, service: str, operation: str) -> Page | None:
        pages = self.pages.operations.get((service, operation))
        if not pages:
            return None
        for extra in pages[1:]:
            self.report(SourceRef(extra.path, extra.h1_line or 1), "B006", "warning",
                        f"a second page for {self.name} {service}.{operation}; {pages[0].path} is used")
        return pages[0]

    # -- services without a WSDL ---------------------------------------------------------------

    def from_examples(self, name: str) -> tuple[Service | None, list[examples.TypeObservation]]:
        inferred = []
        first_page: Page | None = None
        for (service_name, operation_name), pages in sorted(self.pages.operations.items()):
            if service_name != name:
                continue
            page = self.operation_page(service_name, operation_name)
            if page is None or page.request is None or page.response is None:
                continue
            first_page = first_page or page
            request, response = self.read_examples(page)
            if request is None or response is None:
                self.report(SourceRef(page.path, page.h1_line or 1), "B008", "error",
                            f"{self.name} {name}.{operation_name}: its examples could not be read; not generated")
                continue
            observed, problems = examples.infer_operation(request, response)
            self.diagnostics.extend(problems)
            inferred.append((observed, page))
        if not inferred or first_page is None:
            return None, []
        merged, problems = examples.merge_operations(op for op, _ in inferred)
        self.diagnostics.extend(problems)
        page_of = {op.name: page for op, page in inferred}
        namespace = merged.operations[0].namespace
        self.namespace = self.namespace or namespace
        request_headers, reply_headers = _standard_headers(namespace)
        operations = []
        for seen_op in merged.operations:
            seen = {h.name for h in seen_op.headers}
            headers = tuple(h for h in request_headers if h.element.name in seen or h.element.name == "TimeZone")
            operation = Operation(
                name=seen_op.name,
                soap_action=f"{namespace}/{name}/{seen_op.name}",
                input=replace(seen_op.input, headers=headers),
                output=replace(seen_op.output, headers=reply_headers),
                source=seen_op.source,
            )
            operations.append(self.describe_operation(name, operation, page_of[seen_op.name]))
        endpoint = first_page.endpoint or f"Remote/{self.name}/{name}.svc"
        self.report(
            SourceRef(first_page.path, first_page.endpoint_line or 1), "B004", "warning",
            f"{self.name} {name} has no WSDL page: {len(operations)} operations inferred from the examples "
            "(types from xsi:type annotations; unknown enums as str)",
        )
        service = Service(name, endpoint, namespace, tuple(operations), from_wsdl=False, source=SourceRef(first_page.path, 1))
        return service, list(merged.observations)

    def read_examples(self, page: Page) -> tuple[examples.Example | None, examples.Example | None]:
        """The page's request and response examples (their problems are the page reader's)."""
        read: list[examples.Example | None] = []
        for fence in (page.request, page.response):
            if fence is None:
                read.append(None)  # the page reader reported the missing example
                continue
            text, line = fence.text, fence.line
            example, _ = self.memo("example", fence_key(page, text, line), lambda: examples.read_example(text, page.path, line))
            read.append(example)
        return read[0], read[1]

    def add_standard_header_types(self, services: Sequence[Service]) -> None:
        needed = {h.type for s in services for op in s.operations for h in op.input.headers + op.output.headers}
        missing = [t for t in _standard_header_types(self.namespace) if t.name in needed or t.name.name == "SoExceptionInfoParameters"]
        added = [t for t in missing if t.name not in self.types and (t.name in needed or t.name.name == "SoExceptionInfoParameters")]
        if any(t.name in needed for t in added):
            for typedef in added:
                self.types[typedef.name] = typedef
            self.report(None, "B009", "info", f"{self.name}: header types {', '.join(t.name.name for t in added)} assumed from NetServer's standard contract", path=self.name)

    # -- descriptions --------------------------------------------------------------------------

    def describe_operation(self, service: str, operation: Operation, page: Page | None) -> Operation:
        description = page.description if page else ""
        restricted = page.online_restricted if page else ""
        returns = page.returns if page else ""
        notes = {name.casefold(): text for name, text in (page.parameters if page else ())}
        rest = self.rest.get((service, operation.name))
        rest_notes: dict[str, str] = {}
        if rest is not None:
            description = description or rest.description
            restricted = restricted or rest.online_restricted
            for prop in rest.query_parameters + rest.request_properties:
                if strip_required(prop.description):
                    rest_notes.setdefault(prop.name.casefold(), strip_required(prop.description))
        fields = []
        for item in operation.input.fields:
            text = notes.pop(item.name.casefold(), "") or rest_notes.get(item.name.casefold(), "")
            fields.append(replace(item, description=item.description or text))
        if page is not None:
            for name, _ in page.parameters:
                if name.casefold() in notes:
                    self.report(SourceRef(page.path, page.description_line or 1), "B007", "warning",
                                f"parameter note {name!r} names no parameter of {service}.{operation.name}")
        return replace(
            operation,
            input=replace(operation.input, fields=tuple(fields)),
            description=description,
            online_restricted=restricted,
            returns=returns,
            source=SourceRef(page.path, page.h1_line or 1) if page else operation.source,
            example_response=page.response.text if page and page.response else "",
        )

    def describe_service(self, service: Service) -> Service:
        pages = self.pages.services.get(service.name, [])
        if not pages:
            return service
        page = pages[0]
        return replace(service, description=page.description, online_restricted=page.online_restricted)

    def apply_rest_type_descriptions(self) -> None:
        """The WebAPI pages describe the properties of the types they return; the SOAP types of
        the same name are the same data contracts."""
        self.types = describe_rest_types(self.types, self.rest.values())

    # -- descriptions of another version -------------------------------------------------------

    def borrow(self, service: str, operation: Operation, namespace: str) -> Operation:
        """An operation without a page, with the lender's descriptions where the lender's
        operation is the same."""
        lent = self.lender.operation(service, operation, namespace) if self.lender else None
        if lent is None or self.lender is None:
            return operation
        notes = {f.name: f.description for f in lent.input.fields}
        fields = tuple(replace(f, description=f.description or notes.get(f.name, "")) for f in operation.input.fields)
        if not (lent.description or lent.returns or any(f.description for f in fields)):
            return operation
        self.borrowed_operations += 1
        text = operation.description or lent.description or f"Call {service}.{operation.name} of NetServer {self.name}."
        return replace(
            operation,
            input=replace(operation.input, fields=fields),
            description=f"{text}\n\nDescribed from the {self.lender.name} docs.",
            returns=operation.returns or lent.returns,
        )

    def borrow_type_descriptions(self) -> None:
        """The field notes of the lender's types (the WebAPI's, today) where the lender's type
        of the same name has the same fields."""
        lender = self.lender
        if lender is None:
            return
        borrowed = 0
        lent = lender.types({s for s, _ in self.wsdls}) if lender.type_notes or lender.type_descriptions else {}
        for name, typedef in list(self.types.items()):
            notes = lender.type_notes.get(name.name, {})
            own = lender.type_descriptions.get(name.name, "")
            theirs = lent.get(name.name)
            if not (notes or own) or not isinstance(typedef, ComplexType) or not isinstance(theirs, ComplexType):
                continue
            if _neutral_shape(typedef) != _neutral_shape(theirs):
                continue
            fields = tuple(replace(f, description=f.description or notes.get(f.name.casefold(), "")) for f in typedef.fields)
            if fields == typedef.fields and (typedef.description or not own):
                continue
            description = typedef.description or own or f"The {name.name} data contract of {self.name}."
            self.types[name] = replace(typedef, fields=fields, description=f"{description}\n\nDescribed from the {lender.name} docs.")
            borrowed += 1
        self.borrowed_types = borrowed

    def report_undocumented(self, services: Sequence[Service]) -> None:
        """One B003 for a version without operation pages (thousands would drown the report),
        and what it borrowed (B012)."""
        if not self.pages.operations and self.undocumented:
            message = (f"{self.name} has no operation pages: its {self.undocumented} operations "
                       f"({len(services)} services) are generated from the WSDLs without pages")
            self.report(None, "B003", "info", message, path=self.name)
        if self.lender is not None:
            message = (f"{self.name}: {self.borrowed_operations} of {self.undocumented} operations without a page and "
                       f"{self.borrowed_types} types are described from the {self.lender.name} docs (where they are the same)")
            self.report(None, "B012", "info", message, path=self.name)

    def check_bases(self) -> None:
        """Leave out the types whose base chain is a cycle or deeper than the depth limit, and
        those that extend them: their classes could not be imported, or not called."""
        limit = self.limits.depth
        findings, left_out = unsound_bases(self.types, limit)
        for finding in findings:
            typedef = self.types[finding.name]
            others = f", with the {finding.below:,} types that extend it" if finding.below else ""
            if len(finding.cycle) == 1:
                message = f"type {finding.name.name} extends itself; left out{others}"
                self.report(typedef.source, "B013", "error", message, path=self.name)
            elif finding.cycle:
                chain = " -> ".join(n.name for n in finding.cycle + finding.cycle[:1])
                others = f", with the {finding.below:,} types that extend them" if finding.below else ""
                message = f"types {chain} extend each other in a cycle; left out{others}"
                self.report(typedef.source, "B013", "error", message, path=self.name)
            else:
                message = (f"type {finding.name.name} is {finding.depth:,} levels of inheritance deep, more than the "
                           f"depth limit of {limit:,}; left out{others}")
                self.report(typedef.source, "B014", "error", message, path=self.name)
        for name in left_out:
            del self.types[name]
        self.left_out |= left_out

    def check_references(self, services: Sequence[Service]) -> None:
        known = set(self.types) | PRIMITIVES
        for typedef in list(self.types.values()):
            for ref in type_references(typedef):
                if ref in self.left_out:
                    message = f"{typedef.name.name} refers to {ref.name}, which is left out; generated as str"
                    self.report(typedef.source, "B015", "warning", message, path=self.name)
                elif ref not in known:
                    self.report(typedef.source, "B010", "error", f"{typedef.name.name} refers to undefined type {ref.name}; generated as str", path=self.name)
                    known.add(ref)
        for service in services if self.left_out else ():
            for operation in service.operations:
                for item in operation.input.fields + operation.output.fields:
                    if item.type in self.left_out:
                        message = f"{service.name}.{operation.name}: {item.name} is of {item.type.name}, which is left out; generated as str"
                        self.report(operation.source, "B015", "warning", message, path=self.name)


class _Lender:
    """A documented version whose descriptions another version borrows: its WSDLs parsed
    (with the memo) as the services of the borrower ask for them."""

    def __init__(
        self, name: str, pages: VersionPages, rest_pages: Sequence[RestPage], memo: Memo,
        limits: Limits = DEFAULT_LIMITS, max_name_length: int = DEFAULT_MAX_NAME_LENGTH,
    ) -> None:
        self.name = name
        # its descriptions, as its own build makes them
        self.builder = _VersionBuilder(name, pages, rest_pages, memo, limits=limits, max_name_length=max_name_length)
        self.chosen, _ = choose_wsdls(p for group in pages.wsdl.values() for p in group)
        self.parsed: dict[str, WsdlService | None] = {}
        self.type_notes, self.type_descriptions = rest_type_notes(self.builder.rest.values())

    def service(self, name: str) -> WsdlService | None:
        if name not in self.parsed:
            page = self.chosen.get(name)
            self.parsed[name] = self.builder.parse(page)[0] if page is not None else None
        return self.parsed[name]

    def types(self, services: Iterable[str]) -> dict[str, TypeDef]:
        """The types of the lender's WSDLs of these services, by local name, versions' names
        taken out (the first definition of a name)."""
        found: dict[str, TypeDef] = {}
        for name in sorted(services):
            parsed = self.service(name)
            if parsed is None:
                continue
            for typedef in parsed.types:
                found.setdefault(typedef.name.name, _neutral_names(typedef, parsed.namespace))
        return found

    def operation(self, service: str, operation: Operation, namespace: str) -> Operation | None:
        """The lender's operation of that service and name, described as its own build
        describes it, where it has the same signature; else None."""
        parsed = self.service(service)
        theirs = next((op for op in parsed.operations if op.name == operation.name), None) if parsed else None
        if parsed is None or theirs is None or _signature(theirs, parsed.namespace) != _signature(operation, namespace):
            return None
        pages = self.builder.pages.operations.get((service, operation.name))
        return self.builder.describe_operation(service, theirs, pages[0] if pages else None)


def _neutral(name: QName, namespace: str) -> QName:
    """A name without its version: Services87's ErpConnection is Services88's, name for name."""
    return QName("", name.name) if name.namespace == namespace else name


def _signature(operation: Operation, namespace: str) -> object:
    return (
        tuple((f.name, _neutral(f.type, namespace)) for f in operation.input.fields),
        tuple(_neutral(f.type, namespace) for f in operation.output.fields),
    )


def _neutral_names(typedef: TypeDef, namespace: str) -> TypeDef:
    if not isinstance(typedef, ComplexType):
        return typedef
    fields = tuple(
        replace(f, type=_neutral(f.type, namespace), namespace="" if f.namespace == namespace else f.namespace) for f in typedef.fields
    )
    base = _neutral(typedef.base, namespace) if typedef.base else None
    return replace(typedef, name=_neutral(typedef.name, namespace), fields=fields, base=base)


def _neutral_shape(typedef: ComplexType) -> object:
    """A complex type's fields and base without the version's namespace and descriptions."""
    return _shape(_neutral_names(typedef, typedef.name.namespace))


def _shape(typedef: TypeDef) -> object:
    """A type without its source position and descriptions, to compare two definitions."""
    if isinstance(typedef, ComplexType):
        return (typedef.base, tuple(replace(f, description="") for f in typedef.fields))
    if isinstance(typedef, EnumType):
        return (typedef.flags, tuple(m.value for m in typedef.members))
    if isinstance(typedef, ArrayType):
        return typedef.item
    return (typedef.pair, typedef.key, typedef.value)


# -- NetServer's standard headers ------------------------------------------------------------------
# Every WSDL of the corpus declares the same header blocks. Where a service has no WSDL, the
# examples show only ApplicationToken and Credentials (untyped), and nothing of the reply's
# headers, so the builder falls back on this contract.


def _standard_headers(namespace: str) -> tuple[tuple[Header, ...], tuple[Header, ...]]:
    def q(name: str) -> QName:
        return QName(namespace, name)

    request = (
        Header(q("ApplicationToken"), QName(XSD, "string")),
        Header(q("Credentials"), q("SoCredentials")),
        Header(q("TimeZone"), q("SoTimeZone")),
    )
    reply = (
        Header(q("ExceptionInfo"), q("SoExceptionInfo")),
        Header(q("ExtraInfo"), q("SoExtraInfo")),
        Header(q("Succeeded"), QName(XSD, "boolean"), nillable=False),
        Header(q("TimeZone"), q("SoTimeZone")),
    )
    return request, reply


def _standard_header_types(namespace: str) -> tuple[TypeDef, ...]:
    def f(name: str, type_: QName, nillable: bool = True) -> Field:
        return Field(name, namespace, type_, min_occurs=0, nillable=nillable)

    string, integer = STRING, QName(XSD, "int")

    def q(name: str) -> QName:
        return QName(namespace, name)

    def pair(_: str) -> tuple[Field, Field]:
        return Field("Key", namespace, string, nillable=True), Field("Value", namespace, string, nillable=True)

    return (
        ComplexType(q("SoCredentials"), (f("Ticket", string),)),
        ComplexType(q("SoTimeZone"), (f("SoTimeZoneId", integer, False), f("SoTimeZoneLocationCode", string))),
        ComplexType(
            q("SoExceptionInfo"),
            (
                f("Message", string), f("StackTrace", string), f("FriendlyText", string), f("ExceptionType", string),
                f("Source", string), f("InnerException", q("SoExceptionInfo")), f("Parameters", q("SoExceptionInfoParameters")),
            ),
        ),
        DictType(q("SoExceptionInfoParameters"), q("SoExceptionInfoParametersKeyValuePair"), *pair("")),
        DictType(q("SoExtraInfo"), q("ExtraInfoNameValuePair"), *pair("")),
    )


__all__ = [
    "VersionPages", "build_api", "build_version", "choose_wsdls", "group_pages", "is_wsdl_file", "nearest_documented",
    "newest_version", "version_number", "wsdl_choices",
]
