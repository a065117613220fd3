"""An API diff (:mod:`codegen.diff`) as a person or a tool reads it: Markdown for a pull request
comment, JSON for tools, and a standalone HTML page.

Markdown and HTML lay out the same things in the same order: a summary line, what was not
compared, the counts by kind of change, then per comparison the services, the types and the
WebAPI agents (where the WebAPI was compared): first the sections with
breaking changes (shown, marked), then what was added (one list, folded), then the sections
with only compatible changes (folded); inside a section the breaking changes come first. JSON
holds every change in the comparison's order. Nothing here depends on the time or the machine:
the same diff gives the same bytes.

The JSON schema (``schema_version`` 1)::

    {"schema_version": 1, "old": str, "new": str,
     "summary": {"changes": int, "breaking": int, "compatible": int, "kinds": {kind: int}},
     "not_compared": {"old_only": [version], "new_only": [version], "notes": [str]},
     "comparisons": [{"old_version": str, "new_version": str, "summary": {…as above…},
                      "changes": [{"kind", "severity", "area", "section", "subject",
                                   "message", "old", "new"}]}]}

``area`` is ``service``, ``type`` or ``webapi``; ``notes`` say in words what else was not
compared (the WebAPI, where it was not). A change of the schema that removes or renames a key
raises ``schema_version``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import jinja2

from .diff import KINDS, RULES, Area, Change, Comparison, Kind

SCHEMA_VERSION: Final = 1
HTML_TEMPLATE: Final = "diff_report.html.jinja"
AREA_TITLES: Final[dict[Area, str]] = {"service": "Services", "type": "Types", "webapi": "WebAPI"}
# what one section of each area is
AREA_NOUNS: Final[dict[Area, str]] = {"service": "service", "type": "type", "webapi": "agent"}


@dataclass(frozen=True)
class DiffReport:
    """What was compared and what differs. ``old_source`` and ``new_source`` name the docs
    folders as the user gave them; ``old_only`` and ``new_only`` are versions found on one
    side only (not compared); ``notes`` say what else was not compared, and why."""

    old_source: str
    new_source: str
    comparisons: tuple[Comparison, ...]
    old_only: tuple[str, ...] = ()
    new_only: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def changes(self) -> list[Change]:
        return [change for comparison in self.comparisons for change in comparison.changes]

    @property
    def breaking(self) -> int:
        return sum(comparison.breaking for comparison in self.comparisons)

    @property
    def compatible(self) -> int:
        return sum(comparison.compatible for comparison in self.comparisons)

    @property
    def title(self) -> str:
        if len(self.comparisons) == 1:
            return f"API diff: {comparison_title(self.comparisons[0])}"
        if self.old_source == self.new_source:
            return f"API diff of {self.old_source}"
        return f"API diff: {self.old_source} → {self.new_source}"

    def counts(self) -> list[tuple[Kind, int, int]]:
        """(kind, breaking, compatible) for each kind that occurs, in the order of KINDS."""
        found = {kind: [0, 0] for kind in KINDS}
        for change in self.changes:
            found[change.kind][0 if change.breaking else 1] += 1
        return [(kind, b, c) for kind, (b, c) in found.items() if b or c]


def comparison_title(comparison: Comparison) -> str:
    if comparison.old_version == comparison.new_version:
        return comparison.old_version
    return f"{comparison.old_version} → {comparison.new_version}"


_LABELS: Final[dict[Kind, str]] = {
    "field-added-required": "required field added",
    "field-added-optional": "optional field added",
    "webapi-select-added": "WebAPI $select added",
    "webapi-select-removed": "WebAPI $select removed",
}


def kind_label(kind: Kind) -> str:
    """What a person calls a kind of change: ``operation-added`` -> ``operation added``,
    ``webapi-path-changed`` -> ``WebAPI path changed``."""
    label = _LABELS.get(kind) or kind.replace("-", " ")
    return "WebAPI " + label.removeprefix("webapi ") if label.startswith("webapi ") else label


def summary_line(
    report: DiffReport,
    strong: Callable[[str], str] = str,
    escape: Callable[[str], str] = str,
) -> str:
    """One sentence: how many changes, how many of them breaking, between what. ``strong``
    marks up the number of breaking changes when there are any; ``escape`` makes the folder
    and version names safe for the markup."""
    titles = escape(", ".join(comparison_title(c) for c in report.comparisons))
    old, new = escape(report.old_source), escape(report.new_source)
    what = f"{titles} in {old}" if old == new else f"{old} → {new} ({titles})"
    total = len(report.changes)
    if not total:
        return f"No API changes: {what}."
    breaking = f"{report.breaking} breaking"
    return (
        f"{_count(total, 'change')} "
        f"({strong(breaking) if report.breaking else breaking}, {report.compatible} compatible): "
        f"{what}."
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@dataclass(frozen=True)
class AreaView:
    """One area of a comparison as the Markdown and HTML reports lay it out: the sections with
    breaking changes, then what was added (a section of one line each, so listed together),
    then the sections with other compatible changes."""

    area: Area
    title: str
    breaking: list[tuple[str, list[Change]]]
    added: list[Change]
    compatible: list[tuple[str, list[Change]]]

    @property
    def noun(self) -> str:
        return AREA_NOUNS[self.area]


_ADDED: Final[frozenset[Kind]] = frozenset(("service-added", "type-added", "webapi-agent-added"))


def area_views(comparison: Comparison) -> list[AreaView]:
    views = []
    for area, title in AREA_TITLES.items():
        sections = comparison.sections(area)
        if not sections:
            continue
        added = [c for _, changes in sections for c in changes if c.kind in _ADDED]
        rest = [(name, [c for c in changes if c.kind not in _ADDED]) for name, changes in sections]
        views.append(
            AreaView(
                area,
                title,
                breaking=[(n, changes) for n, changes in rest if _has_breaking(changes)],
                added=added,
                compatible=[
                    (n, changes) for n, changes in rest if changes and not _has_breaking(changes)
                ],
            )
        )
    return views


def _summary(changes: Sequence[Change]) -> dict[str, object]:
    breaking = sum(1 for change in changes if change.breaking)
    kinds = {kind: 0 for kind in KINDS}
    for change in changes:
        kinds[change.kind] += 1
    return {
        "changes": len(changes),
        "breaking": breaking,
        "compatible": len(changes) - breaking,
        "kinds": {kind: number for kind, number in kinds.items() if number},
    }


# -- JSON -------------------------------------------------------------------------------------


def to_json(report: DiffReport) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "old": report.old_source,
        "new": report.new_source,
        "summary": _summary(report.changes),
        "not_compared": {
            "old_only": list(report.old_only),
            "new_only": list(report.new_only),
            "notes": list(report.notes),
        },
        "comparisons": [
            {
                "old_version": comparison.old_version,
                "new_version": comparison.new_version,
                "summary": _summary(comparison.changes),
                "changes": [
                    {
                        "kind": c.kind,
                        "severity": c.severity,
                        "area": c.area,
                        "section": c.section,
                        "subject": c.subject,
                        "message": c.message,
                        "old": c.old,
                        "new": c.new,
                    }
                    for c in comparison.changes
                ],
            }
            for comparison in report.comparisons
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# -- Markdown ---------------------------------------------------------------------------------


def to_markdown(report: DiffReport) -> str:
    """For a pull request comment: sections with breaking changes are shown; what was added
    and the sections with only compatible changes are folded into ``<details>`` blocks, which
    GitHub and GitLab render collapsed."""
    lines = [f"## {_md(report.title)}", "", summary_line(report, lambda s: f"**{s}**", _md), ""]
    lines += _not_compared(report)
    if report.changes:
        lines += ["| Change | Breaking | Compatible |", "| --- | ---: | ---: |"]
        for kind, breaking, compatible in report.counts():
            lines.append(f"| {kind_label(kind)} | {breaking} | {compatible} |")
        lines += [f"| **total** | **{report.breaking}** | **{report.compatible}** |", ""]
    several = len(report.comparisons) > 1
    level = "####" if several else "###"
    for comparison in report.comparisons:
        if several:
            lines += [f"### {_md(comparison_title(comparison))}", ""]
            if not comparison.changes:
                lines += ["No API changes.", ""]
        for view in area_views(comparison):
            lines += _markdown_area(view, level)
    return "\n".join(lines).rstrip("\n") + "\n"


def _not_compared(report: DiffReport) -> list[str]:
    lines = []
    for versions, where in ((report.old_only, "old"), (report.new_only, "new")):
        if versions:
            lines.append(f"Only in the {where} docs, not compared: {', '.join(versions)}.")
    lines += [_md(note) for note in report.notes]
    return lines + [""] if lines else []


def _markdown_area(view: AreaView, level: str) -> list[str]:
    lines = [f"{level} {view.title}", ""]
    for name, changes in view.breaking:
        lines += _markdown_section(name, changes, level + "#")
    if view.added:
        lines += ["<details>", f"<summary>{_count(len(view.added), view.noun)} added</summary>", ""]
        lines += [_markdown_change(change) for change in view.added]
        lines += ["", "</details>", ""]
    if view.compatible:
        changes_count = sum(len(changes) for _, changes in view.compatible)
        lines += [
            "<details>",
            f"<summary>{_count(changes_count, 'compatible change')} in "
            f"{_count(len(view.compatible), view.noun)}</summary>",
            "",
        ]
        for name, changes in view.compatible:
            lines += _markdown_section(name, changes, level + "#")
        lines += ["</details>", ""]
    return lines


def _markdown_section(name: str, changes: list[Change], level: str) -> list[str]:
    lines = [
        f"{level} {'⚠️ ' if _has_breaking(changes) else ''}{_md(name)} ({section_counts(changes)})",
        "",
    ]
    return lines + [_markdown_change(change) for change in changes] + [""]


def _markdown_change(change: Change) -> str:
    tag = "**BREAKING** " if change.breaking else ""
    # a reordering's message names what moved; the two whole orders are in the JSON
    values = "" if change.kind.endswith("reordered") else _values(change)
    return f"- {tag}`{_code(change.subject)}`: {_md(change.message)}" + (
        f" — {values}" if values else ""
    )


def section_counts(changes: Sequence[Change]) -> str:
    """``2 breaking, 3 compatible``: what a section holds."""
    breaking = sum(1 for change in changes if change.breaking)
    counts = [f"{breaking} breaking"] if breaking else []
    if len(changes) > breaking:
        counts.append(f"{len(changes) - breaking} compatible")
    return ", ".join(counts)


def _values(change: Change) -> str:
    if change.old and change.new:
        return f"`{_code(change.old)}` → `{_code(change.new)}`"
    if change.new:
        return f"`{_code(change.new)}`"
    if change.old:
        return f"was `{_code(change.old)}`"
    return ""


def _has_breaking(changes: Sequence[Change]) -> bool:
    return any(change.breaking for change in changes)


def _md(text: str) -> str:
    """Text that Markdown shows as written: its markup characters escaped."""
    for character in "\\`*_[]<>|#":
        text = text.replace(character, "\\" + character)
    return text


def _code(text: str) -> str:
    """Text inside a code span: a backtick would end it, so it becomes a quote."""
    return text.replace("`", "'")


# -- HTML -------------------------------------------------------------------------------------


def to_html(report: DiffReport) -> str:
    """A standalone page: inline style, no script, no external asset; sections collapse
    (``<details>``), those with breaking changes open."""
    from .render import TEMPLATES  # here, not at the top: it imports black, which only this needs

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template(HTML_TEMPLATE)
    comparisons = [
        (comparison_title(comparison), comparison, area_views(comparison))
        for comparison in report.comparisons
    ]
    return template.render(
        report=report,
        summary=summary_line(report),
        counts=[(kind_label(k), b, c, RULES[k].why) for k, b, c in report.counts()],
        comparisons=comparisons,
        section_counts=section_counts,
        plural=_count,
    )


__all__ = [
    "AreaView",
    "DiffReport",
    "area_views",
    "SCHEMA_VERSION",
    "comparison_title",
    "kind_label",
    "section_counts",
    "summary_line",
    "to_html",
    "to_json",
    "to_markdown",
]
