"""The WebAPI's RESTful entity endpoints -> ``webapi/entities/<entity>.py`` (and ``.pyi``).

One module per entity (``ContactApi`` and ``AsyncContactApi``, on the agents' session and base
classes), one method per endpoint: path parameters and the body positional, query parameters
keyword-only with None for "not sent", then ``select`` and ``options`` as on the agents. The
``entities`` package loads the modules on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import naming
from .layout import LINE_LENGTH
from .model import Endpoint, RestAgent, WebApi

if TYPE_CHECKING:
    from .pytypes import TypeSpace
    from .render import Renderer, RestAgentView

_LOCATIONS = {"query": "query", "body": "body", "path": "path"}


@dataclass(frozen=True)
class EntityParamView:
    attr: str
    annotation: str
    element: str
    location: str  # the runtime's constructor: query, body or path
    keyword: bool  # keyword-only (a query parameter)
    default: str  # " = None" for an optional one, else ""
    description: str = ""


@dataclass(frozen=True)
class EntityEndpointView:
    method: str
    const: str
    http_method: str
    path: str
    params: tuple[EntityParamView, ...]
    returns: str
    returns_element: str
    raw: bool
    select: bool
    docstring: str

    @property
    def positional(self) -> tuple[EntityParamView, ...]:
        return tuple(p for p in self.params if not p.keyword)

    @property
    def keywords(self) -> tuple[EntityParamView, ...]:
        # required ones first: reads better, and the order of keyword-only ones is free
        return tuple(sorted((p for p in self.params if p.keyword), key=lambda p: bool(p.default)))


def render_entities(
    renderer: Renderer, space: TypeSpace, webapi: WebApi, schema_module: str, types_package: str
) -> dict[str, str]:
    """The files of ``webapi/entities/`` (relative to the package's ``webapi`` folder);
    ``schema_module`` and ``types_package`` are as seen from ``webapi/``."""
    files: dict[str, str] = {}
    modules = naming.module_names([e.name for e in webapi.entities])
    views = []
    for entity, module in zip(webapi.entities, modules):
        view = _entity_view(space, webapi, entity, module)
        views.append(view)
        context = {"entity": view, "schema_module": "." + schema_module, "types_package": "." + types_package}
        files[f"entities/{module}.py"] = renderer.template("webapi_entity.py.jinja", **context)
        files[f"entities/{module}.pyi"] = renderer.template("webapi_entity.pyi.jinja", **context)
    context = {
        "entities": views,
        "exports": sorted(name for v in views for name in (v.name, v.async_name)),
        "endpoint_count": sum(len(v.endpoints) for v in views),
        "package": renderer.package,
    }
    files["entities/__init__.py"] = renderer.template("webapi_entities_init.py.jinja", **context)
    files["entities/__init__.pyi"] = renderer.template("webapi_entities_init.pyi.jinja", **context)
    return files


def _entity_view(space: TypeSpace, webapi: WebApi, entity: RestAgent, module: str) -> RestAgentView[EntityEndpointView]:
    # render imports this module; the agents' view serves the entities' classes too
    from .render import AGENT_ATTRIBUTES, REST_KEYWORDS, RestAgentView, _Imports, wrap

    imports = _Imports()
    methods = naming.method_names([e.method for e in entity.endpoints], reserved=AGENT_ATTRIBUTES)
    endpoints = []
    for endpoint, method in zip(entity.endpoints, methods):
        attrs = naming.parameter_names([p.field.name for p in endpoint.parameters], reserved=REST_KEYWORDS)
        params = []
        for attr, parameter in zip(attrs, endpoint.parameters):
            item = parameter.field
            imports.add(space, item.type)
            keyword = parameter.location == "query"
            params.append(
                EntityParamView(
                    attr=attr,
                    annotation=space.parameter_annotation(item),
                    element=space.element(attr, replace(item, name=parameter.wire_name or item.name)),
                    location=_LOCATIONS[parameter.location],
                    keyword=keyword,
                    default=" = None" if keyword and item.nillable else "",
                    description=item.description,
                )
            )
        returns, returns_element = ("bytes", "") if endpoint.raw_reply else ("None", "")
        if endpoint.returns and not endpoint.raw_reply:
            result = endpoint.returns[0]
            imports.add(space, result.type)
            returns = space.parameter_annotation(result)
            returns_element = space.element("response", replace(result, min_occurs=0))
        endpoints.append(
            EntityEndpointView(
                method=method,
                const="_" + method.upper().rstrip("_"),
                http_method=endpoint.http_method,
                path=endpoint.path,
                params=tuple(params),
                returns=returns,
                returns_element=returns_element,
                raw=endpoint.raw_reply,
                select=endpoint.select,
                docstring=_docstring(endpoint, params),
            )
        )
    name, async_name = naming.entity_class_names(entity.name)
    description = f"The {entity.name} endpoints of the SuperOffice WebAPI (its RESTful entity API)."
    if webapi.version:
        description += f" They share the data contracts of {webapi.version}."
    return RestAgentView(
        name=name,
        async_name=async_name,
        module=module,
        docstring=f"The {entity.name} endpoints of the WebAPI: {len(endpoints)} operations.",
        description=wrap(description, LINE_LENGTH - 8),
        endpoints=tuple(endpoints),
        type_imports=imports.class_lines(space),
        stdlib_imports=imports.stdlib_lines(),
    )


def _docstring(endpoint: Endpoint, params: list[EntityParamView]) -> str:
    from .render import _indent_block, wrap

    sections = [wrap(endpoint.description or f"{endpoint.http_method} {endpoint.path}.")]
    sections.append(f"``{endpoint.http_method} {endpoint.path}``" if len(endpoint.path) < 80 else endpoint.http_method)
    entries = [(p.attr, p.description) for p in params if p.description]
    if endpoint.select:
        entries.append(("select", "Properties to include in the result (the others come back null)."))
    entries.append(("options", "Language, culture and time zone for this call, over the session's defaults."))
    sections.append(_indent_block("Args:", entries))
    if endpoint.raw_reply:
        sections.append("Returns the reply's bytes (an image or a document).")
    return "\n\n".join(sections)


__all__ = ["render_entities"]
