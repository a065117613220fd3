"""The model -> the files of the generated package, through the Jinja templates and black.

Views (plain dataclasses) hold everything a template prints, already decided: Python names,
annotations, wire specs, docstring text. Templates only lay them out; black gives the final
form. Nothing here reads the docs or writes to disk.
"""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, Protocol, TypeVar
from functools import lru_cache, partial
from pathlib import Path

import black
import jinja2
from black.mode import TargetVersion

from . import naming
from .cache import Memo, digest
from .layout import LINE_LENGTH, layout
from .literals import docstring_literal, string_literal
from .model import (
    ComplexType,
    Endpoint,
    EnumType,
    Field,
    Header,
    Operation,
    QName,
    RestAgent,
    Service,
    Version,
    WebApi,
)
from .processes import worker_pool
from .pytypes import ClassInfo, TypeSpace
from .render_entities import render_entities

# In a checkout the templates sit at the top of the repository; in a wheel, inside codegen/.
_HERE = Path(__file__).resolve().parent
TEMPLATES = _HERE / "templates" if (_HERE / "templates" / "package").is_dir() else _HERE.parent / "templates"

AGENT_ATTRIBUTES = frozenset({"endpoint", "session"})  # set by the Agent base classes


# -- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldView:
    attr: str
    annotation: str
    element: str
    default: str = ""
    description: str = ""


@dataclass(frozen=True)
class ClassView:
    name: str
    module: str
    xml_name: str
    docstring: str
    fields: tuple[FieldView, ...]
    base: ClassInfo | None
    type_imports: tuple[tuple[str, str], ...]
    stdlib_imports: tuple[tuple[str, tuple[str, ...]], ...]
    namespace_argument: str


@dataclass(frozen=True)
class MemberView:
    name: str
    value: str  # Python literal
    xml: str
    description: str = ""


@dataclass(frozen=True)
class EnumView:
    name: str
    module: str
    docstring: str
    flags: bool
    members: tuple[MemberView, ...]


@dataclass(frozen=True)
class ResultView:
    name: str
    docstring: str
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class OperationView:
    name: str
    method: str
    const: str
    action: str
    request_name: str
    response_name: str
    request_namespace: str  # ", namespace=…" where the wrapper is outside the version's namespace
    response_namespace: str
    params: tuple[FieldView, ...]
    parts: tuple[FieldView, ...]
    returns: str
    result_class: str | None
    headers: str
    reply_headers: str
    docstring: str


@dataclass(frozen=True)
class ServiceView:
    name: str
    module: str
    agent: str
    async_agent: str
    endpoint: str
    docstring: str
    description: str
    operations: tuple[OperationView, ...]
    results: tuple[ResultView, ...]
    header_consts: tuple[str, ...]
    type_imports: tuple[tuple[str, str], ...]
    stdlib_imports: tuple[tuple[str, tuple[str, ...]], ...]

    def class_docstring(self, asynchronous: bool) -> str:
        if asynchronous:
            return f"The asyncio twin of {self.agent}.\n\n{self.description}"
        return self.description


@dataclass(frozen=True)
class RestParamView:
    attr: str
    annotation: str
    element: str
    location: str  # the runtime's constructor: query, prop or body
    description: str = ""


@dataclass(frozen=True)
class EndpointView:
    method: str
    const: str
    path: str  # "<Agent>/<Method>"
    params: tuple[RestParamView, ...]
    returns: str
    returns_element: str
    select: bool
    docstring: str
    raw: bool = False  # the reply's bytes as they come (a stream the spec says is not JSON)


class _Selectable(Protocol):
    @property
    def select(self) -> bool: ...


E = TypeVar("E", bound=_Selectable)


@dataclass(frozen=True)
class RestAgentView(Generic[E]):
    """A WebAPI module's class: an agent's, or a RESTful entity's (codegen.render_entities)."""

    name: str
    async_name: str
    module: str
    docstring: str
    description: str
    endpoints: tuple[E, ...]
    type_imports: tuple[tuple[str, str], ...]
    stdlib_imports: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def any_select(self) -> bool:
        return any(e.select for e in self.endpoints)

    def class_docstring(self, asynchronous: bool) -> str:
        if asynchronous:
            return f"The asyncio twin of {self.name}.\n\n{self.description}"
        return self.description


@dataclass(frozen=True)
class HeaderSet:
    const: str
    names: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()


@dataclass
class _Imports:
    classes: set[str] = field(default_factory=set)
    stdlib: set[tuple[str, str]] = field(default_factory=set)

    def add(self, space: TypeSpace, name: QName) -> None:
        self.classes |= space.classes_used(name)
        self.stdlib |= space.stdlib_imports(name)

    def stdlib_lines(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        modules: dict[str, set[str]] = {}
        for module, name in self.stdlib:
            modules.setdefault(module, set()).add(name)
        return tuple((module, tuple(sorted(names))) for module, names in sorted(modules.items()))

    def class_lines(self, space: TypeSpace, exclude: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
        modules = {info.name: info.module for info in space.classes.values()}
        skip = set(exclude)
        return tuple(sorted((modules[c], c) for c in self.classes if c not in skip))


# -- docstrings ---------------------------------------------------------------------------------


def wrap(text: str, width: int = LINE_LENGTH - 12) -> str:
    """Paragraphs wrapped for a docstring; blank lines between paragraphs kept."""
    paragraphs = [p.strip() for p in text.strip().split("\n\n")]
    wrapped = []
    for paragraph in paragraphs:
        if paragraph.startswith(("Args:", "Returns:")) or "\n    " in paragraph:
            wrapped.append(paragraph)  # already laid out
        else:
            wrapped.append(textwrap.fill(" ".join(paragraph.split()), width, break_long_words=False, break_on_hyphens=False))
    return "\n\n".join(p for p in wrapped if p)


def _indent_block(title: str, entries: Sequence[tuple[str, str]]) -> str:
    lines = [title]
    for name, text in entries:
        text = " ".join(text.split())
        first = f"    {name}: {text}" if text else f"    {name}:"
        lines.append(textwrap.fill(first, LINE_LENGTH - 12, subsequent_indent="        ", break_long_words=False))
    return "\n".join(lines)


# -- the renderer -------------------------------------------------------------------------------


def _agent_names(version: Version) -> list[str]:
    return sorted({name for s in version.services for name in naming.agent_class_names(s.name)})



class Renderer:
    def __init__(self, package: str, generator_version: str, fingerprint: str) -> None:
        self.package = package
        self.generator_version = generator_version
        self.fingerprint = fingerprint
        self.env = _environment()

    def render_common(self, versions: Sequence[Version], webapi: bool, wsdl_choices: Sequence[str] = ()) -> dict[str, str]:
        """The files outside the versions but the runtime: the package's __init__, pyproject.toml,
        the README and the pytest plugin. ``wsdl_choices``: which WSDL each service that had
        several used (the README lists them)."""
        listed = []
        for version in versions:
            agents = [naming.agent_class_names(s.name)[0] for s in version.services]
            module = naming.module_names([version.name])[0]
            listed.append({"name": version.name, "module": module, "example_agent": agents[0] if agents else ""})
        context = {
            "package": self.package,
            "versions": listed,
            "package_version": f"{self.generator_version}+docs.{self.fingerprint[:12]}",
            "generator_version": self.generator_version,
            "docs_fingerprint": self.fingerprint,
            "distribution": self.package.replace("_", "-"),
            "webapi": webapi,
            "wsdl_choices": list(wsdl_choices),
        }
        files = {
            f"{self.package}/__init__.py": self.template("package_init.py.jinja", **context),
            f"{self.package}/py.typed": "",
            "pyproject.toml": self.template("pyproject.toml.jinja", **context),
            "README.md": self.template("README.md.jinja", **context),
        }
        if versions:
            files[f"{self.package}/pytest_plugin.py"] = self.template(
                "pytest_plugin.py.jinja", package=self.package, default_version=listed[-1]["module"]
            )
        return files

    def runtime_files(self) -> dict[str, bytes]:
        """The runtime the generated modules import, copied as it is: its sources are kept in
        the generated code's format (tests/test_layout.py checks), so nothing formats them."""
        return {
            f"{self.package}/_runtime/{source.name}": source.read_bytes()
            for source in sorted((TEMPLATES / "runtime").glob("*.py"))
        }

    def template(self, name: str, **context: object) -> str:
        return self.env.get_template(f"package/{name}").render(**context)

    # -- one version --------------------------------------------------------------------------

    @staticmethod
    def space(version: Version) -> TypeSpace:
        """The Python side of a version's types (agent class names are taken first)."""
        return TypeSpace(version, reserved=frozenset(_agent_names(version)))

    @staticmethod
    def space_key(version: Version) -> str:
        """A key for what :meth:`space` makes of a version: its types and agent names."""
        return digest(version.name, version.namespace, version.types, _agent_names(version))

    def render_version(self, version: Version, module: str, memo: Memo | None = None) -> dict[str, str]:
        """The files of one version. With a ``memo`` (the pipeline's cache), the types' files and
        each service's files are kept by the part of the model they are rendered from, so that
        a changed operation page re-renders its service only."""
        space = self.space(version)
        prefix = f"{self.package}/{module}"
        classes = sorted(space.classes.values(), key=lambda c: c.name)

        def render_types() -> dict[str, str]:
            return self.render_types(space, version, prefix, classes)

        types_key = digest(prefix, self.space_key(version)) if memo else ""
        files = dict(memo("rendered-types", types_key, render_types) if memo else render_types())

        header_sets: dict[tuple[str, ...], HeaderSet] = {}
        reply_sets: dict[tuple[Header, ...], HeaderSet] = {}
        for service in version.services:
            for operation in service.operations:
                names = tuple(h.element.name for h in operation.input.headers)
                if names not in header_sets:
                    const = "REQUEST_HEADERS" if not header_sets else f"REQUEST_HEADERS_{len(header_sets) + 1}"
                    header_sets[names] = HeaderSet(const, names=names)
                reply = operation.output.headers
                if reply not in reply_sets:
                    const = "REPLY_HEADERS" if not reply_sets else f"REPLY_HEADERS_{len(reply_sets) + 1}"
                    attrs_ = naming.field_names([h.element.name for h in reply])
                    elements = tuple(space.element(a, _header_field(h)) for a, h in zip(attrs_, reply))
                    reply_sets[reply] = HeaderSet(const, elements=elements)

        service_modules = naming.module_names([s.name for s in version.services], reserved=naming.VERSION_MODULES)
        services = []
        for service, service_module in zip(version.services, service_modules):

            def render_service(service: Service = service, service_module: str = service_module) -> tuple[ServiceView, str, str, str]:
                view = self.service_view(space, version, service, service_module, header_sets, reply_sets)
                py, pyi = self.template("service.py.jinja", service=view), self.template("service.pyi.jinja", service=view)
                # the test double's data: the documented example replies (not Python, not formatted)
                replies = _data_file({op.name: op.example_response for op in service.operations})
                return replace(view, operations=(), results=()), py, pyi, replies  # the version's modules need no more

            if memo:
                service_key = digest(types_key, service, service_module, header_sets, reply_sets)
                service_view, py, pyi, replies = memo("rendered-service", service_key, render_service)
            else:
                service_view, py, pyi, replies = render_service()
            services.append(service_view)
            files[f"{prefix}/{service_module}.py"] = py
            files[f"{prefix}/{service_module}.pyi"] = pyi
            files[f"{prefix}/_doubles/{service_module}.json"] = replies

        schema_classes = [
            {
                "name": c.name,
                "module": c.module,
                "xml_name": c.typedef.name.name,
                "namespace_expr": space.namespace_expr(c.typedef.name.namespace),
            }
            for c in classes
        ]
        files[f"{prefix}/_schema.py"] = self.template(
            "schema.py.jinja",
            version=version.name,
            namespace=version.namespace,
            classes=schema_classes,
            other_namespaces=space.other_namespaces(),
            header_sets=list(header_sets.values()),
            reply_header_sets=list(reply_sets.values()),
        )
        files.update(self.render_soap_doubles(version, module, services))
        exports = sorted([name for s in services for name in (s.agent, s.async_agent)] + [c.name for c in classes])
        context = {
            "version": version.name,
            "version_module": module,
            "package": self.package,
            "services": services,
            "classes": classes,
            "exports": exports,
            "operation_count": sum(len(s.operations) for s in version.services),
            "example_agent": services[0].agent if services else "",
        }
        files[f"{prefix}/__init__.py"] = self.template("version_init.py.jinja", **context)
        files[f"{prefix}/__init__.pyi"] = self.template("version_init.pyi.jinja", **context)
        files[f"{prefix}/types/__init__.py"] = self.template("types_init.py.jinja", **context)
        files[f"{prefix}/types/__init__.pyi"] = self.template("types_init.pyi.jinja", **context)
        return files

    def render_types(self, space: TypeSpace, version: Version, prefix: str, classes: Sequence[ClassInfo]) -> dict[str, str]:
        """A module per data contract and enumeration."""
        files: dict[str, str] = {}
        attrs = _FieldNames(space)
        for info in classes:
            path = f"{prefix}/types/{info.module}.py"
            if isinstance(info.typedef, ComplexType):
                view = self.class_view(space, attrs, info, info.typedef, version)
                files[path] = self.template("complex_type.py.jinja", cls=view, version=version.name)
            else:
                enum_view = self.enum_view(info, info.typedef)
                files[path] = self.template("enum_type.py.jinja", enum=enum_view, version=version.name)
        return files

    def render_soap_doubles(self, version: Version, module: str, services: Sequence[ServiceView]) -> dict[str, str]:
        """The test double of a version: its entry module and the WSDLs' merged schema (the
        example replies of each service come with its modules)."""
        prefix = f"{self.package}/{module}"
        files: dict[str, str] = {}
        for name, document in version.schemas:
            files[f"{prefix}/_doubles/{name}"] = document
        entries = dict(version.schema_entries)
        listed = [{"endpoint": s.endpoint, "name": s.name, "module": v.module, "schema": entries.get(s.name, "") if s.from_wsdl else ""}
                  for s, v in zip(version.services, services)]
        files[f"{prefix}/testing.py"] = self.template(
            "testing.py.jinja", version=version.name, version_module=module, package=self.package, services=listed,
            any_wsdl=any(s["schema"] for s in listed), example_agent=services[0].agent if services else "",
        )
        return files

    def class_view(
        self, space: TypeSpace, attrs: _FieldNames, info: ClassInfo, typedef: ComplexType, version: Version
    ) -> ClassView:
        imports = _Imports()
        fields = []
        for attr, item in zip(attrs.own(typedef), typedef.fields):
            imports.add(space, item.type)
            optional = item.optional or item.nillable
            fields.append(
                FieldView(
                    attr=attr,
                    annotation=space.field_annotation(item),
                    element=space.element(attr, item),
                    default="None" if optional else "",
                    description=wrap(item.description, LINE_LENGTH - 8) if item.description else "",
                )
            )
        base = space.classes.get(typedef.base) if typedef.base else None
        docstring = typedef.description or f"The {typedef.name.name} data contract of {version.name}."
        return ClassView(
            name=info.name,
            module=info.module,
            xml_name=typedef.name.name,
            docstring=wrap(docstring, LINE_LENGTH - 8),
            fields=tuple(fields),
            base=base,
            type_imports=imports.class_lines(space, exclude=[info.name] + ([base.name] if base else [])),
            stdlib_imports=imports.stdlib_lines(),
            namespace_argument=space.namespace_argument(typedef.name.namespace).lstrip(", "),
        )

    def enum_view(self, info: ClassInfo, typedef: EnumType) -> EnumView:
        values = [m.value for m in typedef.members]
        names = naming.member_names(values)
        members = tuple(
            MemberView(
                name=name,
                value=str(m.number if m.number is not None else 0) if typedef.flags else string_literal(m.value),
                xml=m.value,
                description=m.description,
            )
            for name, m in zip(names, typedef.members)
        )
        kind = "flags enumeration" if typedef.flags else "enumeration"
        docstring = typedef.description or f"The {typedef.name.name} {kind}."
        if typedef.flags:
            docstring += "\n\nOn the wire: the names of the set flags, separated by spaces."
        return EnumView(info.name, info.module, wrap(docstring, LINE_LENGTH - 8), typedef.flags, members)

    def service_view(
        self,
        space: TypeSpace,
        version: Version,
        service: Service,
        module: str,
        header_sets: dict[tuple[str, ...], HeaderSet],
        reply_sets: dict[tuple[Header, ...], HeaderSet],
    ) -> ServiceView:
        imports = _Imports()
        methods = naming.method_names([op.name for op in service.operations], reserved=AGENT_ATTRIBUTES)
        results: dict[QName, ResultView] = {}
        operations = []
        for operation, method in zip(service.operations, methods):
            params = []
            for attr, item in zip(naming.parameter_names([f.name for f in operation.input.fields]), operation.input.fields):
                imports.add(space, item.type)
                params.append(
                    FieldView(attr, space.parameter_annotation(item), space.element(attr, item), description=item.description)
                )
            part_attrs = naming.field_names([f.name for f in operation.output.fields])
            parts = []
            for attr, item in zip(part_attrs, operation.output.fields):
                imports.add(space, item.type)
                parts.append(FieldView(attr, space.field_annotation(item), space.element(attr, item), description=item.description))
            result_class = None
            if not parts:
                returns = "None"
            elif len(parts) == 1:
                returns = space.parameter_annotation(operation.output.fields[0])
            else:
                wrapper = operation.output.element
                if wrapper not in results:
                    base_name = wrapper.name.removesuffix("Response") or wrapper.name
                    name = naming.class_name(f"{base_name}Result", reserved={r.name for r in results.values()})
                    results[wrapper] = ResultView(
                        name, f"The parts of the {wrapper.name} reply.", tuple(parts)
                    )
                result_class = results[wrapper].name
                returns = result_class
            operations.append(
                OperationView(
                    name=operation.name,
                    method=method,
                    const="_" + method.upper().rstrip("_"),
                    action=operation.soap_action,
                    request_name=operation.input.element.name,
                    response_name=operation.output.element.name,
                    request_namespace=space.namespace_argument(operation.input.element.namespace),
                    response_namespace=space.namespace_argument(operation.output.element.namespace),
                    params=tuple(params),
                    parts=tuple(parts),
                    returns=returns,
                    result_class=result_class,
                    headers=header_sets[tuple(h.element.name for h in operation.input.headers)].const,
                    reply_headers=reply_sets[operation.output.headers].const,
                    docstring=_operation_docstring(version, service, operation, params, parts),
                )
            )
        consts = sorted({op.headers for op in operations} | {op.reply_headers for op in operations})
        agent, async_agent = naming.agent_class_names(service.name)
        description = service.description or f"The {service.name} agent of SuperOffice NetServer {version.name}."
        if service.online_restricted:
            description += f"\n\nOnline Restricted: {service.online_restricted}"
        if not service.from_wsdl:
            description += "\n\nThe docs had no WSDL for this service: its shapes were inferred from the examples."
        description += f"\n\nEndpoint: ``{service.endpoint}``."
        return ServiceView(
            name=service.name,
            module=module,
            agent=agent,
            async_agent=async_agent,
            endpoint=service.endpoint,
            docstring=wrap(f"{service.name} agent of {version.name}: {len(service.operations)} operations."),
            description=wrap(description, LINE_LENGTH - 8),
            operations=tuple(operations),
            results=tuple(results.values()),
            header_consts=tuple(consts),
            type_imports=imports.class_lines(space),
            stdlib_imports=imports.stdlib_lines(),
        )


    # -- the WebAPI ----------------------------------------------------------------------------

    def render_webapi(self, webapi: WebApi, paired: Version | None, memo: Memo | None = None) -> dict[str, str]:
        """The WebAPI package; ``paired`` is the SOAP version whose data contracts it shares.
        With a ``memo``, each agent's files are kept by what they are rendered from."""
        prefix = f"{self.package}/webapi"
        files: dict[str, str] = {}
        if paired is None:  # built from the pages alone: no data contracts to share
            space = TypeSpace(Version("", "", (), ()))
            schema_module, types_package = "._schema", ".types"
            files[f"{prefix}/_schema.py"] = self.template("webapi_schema.py.jinja")
        else:
            space = self.space(paired)
            version_module = naming.module_names([paired.name])[0]
            schema_module, types_package = f"..{version_module}._schema", f"..{version_module}.types"
        space_key = self.space_key(paired) if memo and paired is not None else ""
        modules = naming.module_names([a.name for a in webapi.agents], reserved={"testing"})
        agents = []
        for agent, module in zip(webapi.agents, modules):

            def render_agent(agent: RestAgent = agent, module: str = module) -> tuple[RestAgentView[EndpointView], str, str, str]:
                view = self.rest_agent_view(space, webapi, agent, module)
                context = {"agent": view, "schema_module": schema_module, "types_package": types_package}
                py, pyi = self.template("webapi_agent.py.jinja", **context), self.template("webapi_agent.pyi.jinja", **context)
                # the test double's sample replies (data, not Python)
                return view, py, pyi, _data_file({e.method: e.sample_response for e in agent.endpoints})

            if memo:
                agent_key = digest(space_key, prefix, schema_module, webapi.version, agent, module)
                view, py, pyi, replies = memo("rendered-agent", agent_key, render_agent)
            else:
                view, py, pyi, replies = render_agent()
            agents.append(view)
            files[f"{prefix}/{module}.py"] = py
            files[f"{prefix}/{module}.pyi"] = pyi
            files[f"{prefix}/_doubles/{module}.json"] = replies
        if webapi.entities:
            entities = render_entities(self, space, webapi, schema_module, types_package)
            files.update({f"{prefix}/{path}": text for path, text in entities.items()})
        files[f"{prefix}/testing.py"] = self.template(
            "webapi_testing.py.jinja", package=self.package,
            agents=[{"path_name": a.name, "module": m} for a, m in zip(webapi.agents, modules)],
        )
        context = {
            "agents": agents,
            "exports": sorted(name for a in agents for name in (a.name, a.async_name)),
            "endpoint_count": sum(len(a.endpoints) for a in agents),
            "version": webapi.version,
            "package": self.package,
        }
        files[f"{prefix}/__init__.py"] = self.template("webapi_init.py.jinja", **context)
        files[f"{prefix}/__init__.pyi"] = self.template("webapi_init.pyi.jinja", **context)
        return files

    def rest_agent_view(self, space: TypeSpace, webapi: WebApi, agent: RestAgent, module: str) -> RestAgentView[EndpointView]:
        imports = _Imports()
        methods = naming.method_names([e.method for e in agent.endpoints], reserved=AGENT_ATTRIBUTES)
        endpoints = []
        for endpoint, method in zip(agent.endpoints, methods):
            fields = [p.field for p in endpoint.parameters]
            attrs = naming.parameter_names([f.name for f in fields], reserved=REST_KEYWORDS)
            params = []
            for attr, parameter in zip(attrs, endpoint.parameters):
                item = parameter.field
                imports.add(space, item.type)
                wire_item = replace(item, name=parameter.wire_name or item.name)
                params.append(
                    RestParamView(
                        attr=attr,
                        annotation=space.parameter_annotation(item),
                        element=space.element(attr, wire_item),
                        location=_REST_LOCATIONS[parameter.location],
                        description=item.description,
                    )
                )
            returns = "None"
            returns_element = ""
            if endpoint.returns:
                result = endpoint.returns[0]
                imports.add(space, result.type)
                returns = space.parameter_annotation(result)
                returns_element = space.element("response", replace(result, min_occurs=0))
            endpoints.append(
                EndpointView(
                    method=method,
                    const="_" + method.upper().rstrip("_"),
                    path=endpoint.path.removeprefix("/api/v1/Agents/"),
                    params=tuple(params),
                    returns=returns,
                    returns_element=returns_element,
                    select=endpoint.select,
                    docstring=_endpoint_docstring(agent, endpoint, params),
                    raw=endpoint.raw_reply,
                )
            )
        name, async_name = naming.agent_class_names(agent.name)
        description = agent.description or f"The {agent.name} agent of the SuperOffice WebAPI."
        if webapi.version:
            description += f" Mirrors the {agent.name} SOAP agent of {webapi.version} and shares its data contracts."
        return RestAgentView(
            name=name,
            async_name=async_name,
            module=module,
            docstring=f"The {agent.name} agent of the WebAPI: {len(endpoints)} endpoints.",
            description=wrap(description, LINE_LENGTH - 8),
            endpoints=tuple(endpoints),
            type_imports=imports.class_lines(space),
            stdlib_imports=imports.stdlib_lines(),
        )


class _FieldNames:
    """Python attribute names of the fields of each complex type, base classes first, so that
    a subclass never reuses an inherited name."""

    def __init__(self, space: TypeSpace) -> None:
        self.space = space
        self.cache: dict[QName, tuple[list[str], list[str]]] = {}

    def own(self, typedef: ComplexType) -> list[str]:
        return self._names(typedef, ())[0]

    def _names(self, typedef: ComplexType, seen: tuple[QName, ...]) -> tuple[list[str], list[str]]:
        cached = self.cache.get(typedef.name)
        if cached is not None:
            return cached
        inherited: list[str] = []
        base = self.space.typedef(typedef.base) if typedef.base else None
        if isinstance(base, ComplexType) and base.name not in seen:
            base_own, base_inherited = self._names(base, seen + (typedef.name,))
            inherited = base_inherited + base_own
        own = naming.field_names([f.name for f in typedef.fields], inherited=inherited)
        self.cache[typedef.name] = (own, inherited)
        return own, inherited


def _data_file(entries: dict[str, str]) -> str:
    """A data file of the test doubles: the documented texts by operation, those with one."""
    return json.dumps({k: v for k, v in sorted(entries.items()) if v}, ensure_ascii=False, indent=0) + "\n"


REST_KEYWORDS = frozenset({"select", "options"})  # the keyword-only arguments of every endpoint method
_REST_LOCATIONS = {"query": "query", "property": "prop", "body": "body"}


def _endpoint_docstring(agent: RestAgent, endpoint: Endpoint, params: Sequence[RestParamView]) -> str:
    text = endpoint.description or f"POST {endpoint.path}."
    sections = [wrap(text)]
    if endpoint.online_restricted:
        sections.append(wrap(f"Online Restricted: {endpoint.online_restricted}"))
    entries = [(p.attr, p.description) for p in params if p.description]
    if endpoint.select:
        entries.append(("select", "Properties to include in the result (the others come back null), e.g. [\"Name\", \"Department\"]."))
    entries.append(("options", "Language, culture and time zone for this call, over the session's defaults."))
    sections.append(_indent_block("Args:", entries))
    return "\n\n".join(sections)


def _header_field(header: Header) -> Field:
    return Field(header.element.name, header.element.namespace, header.type, min_occurs=0, nillable=header.nillable)


def _operation_docstring(
    version: Version, service: Service, operation: Operation, params: Sequence[FieldView], parts: Sequence[FieldView]
) -> str:
    text = operation.description or f"Call {service.name}.{operation.name} of NetServer {version.name}."
    sections = [wrap(text)]
    if operation.online_restricted:
        sections.append(wrap(f"Online Restricted: {operation.online_restricted}"))
    documented = [(p.attr, p.description) for p in params if p.description]
    if documented:
        sections.append(_indent_block("Args:", documented))
    if operation.returns:
        sections.append(_indent_block("Returns:", [("", operation.returns)]).replace("    : ", "    "))
    elif len(parts) > 1 and any(p.description for p in parts):
        sections.append(_indent_block("Returns:", [(p.attr, p.description) for p in parts]))
    return "\n\n".join(sections)


def tuple_literal(values: Iterable[str]) -> str:
    """A tuple of string literals, written the way black writes it."""
    items = [string_literal(value) for value in values]
    return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"


# -- Jinja and black ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["docstring"] = docstring_literal
    env.filters["attribute_docstring"] = partial(docstring_literal, attribute=True)
    env.filters["pytuple"] = tuple_literal
    env.filters["pystr"] = string_literal
    return env


_MODE = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310})
_STUB_MODE = black.Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310}, is_pyi=True)


def format_file(path: str, text: str) -> bytes:
    """Python sources and stubs as black formats them; everything else as it is.

    The templates write black's style, and ``layout`` breaks long lines as black would, in a
    fraction of black's time; black itself formats what ``layout`` does not vouch for."""
    if path.endswith((".py", ".pyi")):
        laid_out = layout(text)
        if laid_out is not None:
            text = laid_out
        else:
            text = black.format_str(text, mode=_STUB_MODE if path.endswith(".pyi") else _MODE)
    return text.encode("utf-8")


def _format_batch(batch: list[tuple[str, str]]) -> list[tuple[str, bytes]]:
    return [(path, format_file(path, text)) for path, text in batch]


def format_files(
    files: dict[str, str], progress: Callable[[int, int], None] | None = None, jobs: int | None = None
) -> dict[str, bytes]:
    """Format every file, in parallel processes where there is enough work. Identical texts
    (common across versions) are formatted once."""
    unique: dict[tuple[str, str], list[str]] = {}
    for path, text in files.items():
        kind = ".pyi" if path.endswith(".pyi") else ".py" if path.endswith(".py") else ""
        unique.setdefault((kind or path, text), []).append(path)
    work = [(paths[0], text) for (_, text), paths in unique.items()]
    jobs = jobs or os.cpu_count() or 1
    results: dict[str, bytes] = {}
    done = 0
    if jobs > 1 and len(work) > 50:
        batches = [work[i::jobs * 4] for i in range(jobs * 4)]
        with worker_pool(jobs) as pool:
            for formatted in pool.map(_format_batch, batches):
                results.update(formatted)
                done += len(formatted)
                if progress:
                    progress(done, len(work))
    else:
        for path, text in work:
            results[path] = format_file(path, text)
            done += 1
            if progress:
                progress(done, len(work))
    output: dict[str, bytes] = {}
    for (_, text), paths in unique.items():
        for path in paths:
            output[path] = results[paths[0]]
    return dict(sorted(output.items()))
