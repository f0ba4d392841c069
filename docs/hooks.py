r"""MkDocs hooks: generate the reference pages from the code, and render maths offline.

At every build, from the library itself (nothing generated is committed, so nothing goes stale):

- ``reference/indicators/`` — an index table and one page per theme, from the registry;
- ``reference/variables.md`` — every input variable, from the declarations;
- ``reference/errors.md`` — the exception hierarchy and the problem codes, from
  :mod:`iso37122.errors`;
- ``schemas/input.schema.json`` and ``schemas/output.schema.json`` — from the pydantic models
  (:mod:`iso37122.schemas`).

Maths written with arithmatex delimiters (``$…$``, ``\(…\)``, ``\[…\]``) are turned into
MathML when the page is built, so the site needs no JavaScript and no network to show them.
"""

from __future__ import annotations

import html
import inspect
import math
import re
import sys
import typing
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from latex2mathml.converter import convert
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import iso37122 as iso
from iso37122 import errors, schemas
from iso37122.cli import help_pages
from iso37122.elements import INDICATOR_OVERRIDES, THEME_ELEMENTS, element_of
from iso37122.indicators import (
    Constraint,
    Direction,
    Indicator,
    NonNegative,
    PartOfWhole,
    Positive,
)
from iso37122.themes import Theme
from iso37122.variables import Variable

sys.path.insert(0, str(Path(__file__).parent))
from griffe_rst import rst_to_markdown

INDICATORS = "reference/indicators"
NAV_PLACEHOLDER = f"{INDICATORS}/index.md"

_MARKER = re.compile(r"^<!-- generated: (?P<name>[\w-]+) -->$", re.M)
_INLINE_MATH = re.compile(r'<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>', re.S)
_BLOCK_MATH = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.S)


# --------------------------------------------------------------------------------------------
# Hooks
# --------------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Open the indicator reference's nav entry into its index and one page per theme."""
    config.nav = expand_nav(config.nav or [])
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and schema files."""
    for path, content in generated_pages().items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, **kwargs: Any) -> str:
    """Fill the ``<!-- generated: NAME -->`` markers of hand-written pages from the code."""
    return _MARKER.sub(lambda m: SNIPPETS[m["name"]](), markdown)


def on_page_content(html_text: str, page: Page, **kwargs: Any) -> str:
    """Render arithmatex maths as MathML."""
    html_text = _BLOCK_MATH.sub(lambda m: _mathml(m["tex"], "block"), html_text)
    return _INLINE_MATH.sub(lambda m: _mathml(m["tex"], "inline"), html_text)


def _mathml(tex: str, display: str) -> str:
    return str(convert(html.unescape(tex).strip(), display=display))


def expand_nav(nav: list[Any]) -> list[Any]:
    """Replace the indicator reference's entry with a section: the index, then each theme."""
    expanded: list[Any] = []
    for item in nav:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if value == NAV_PLACEHOLDER:
                themes = [{t.label: f"{INDICATORS}/{t.value}.md"} for t in Theme]
                expanded.append({title: [NAV_PLACEHOLDER, *themes]})
            elif isinstance(value, list):
                expanded.append({title: expand_nav(value)})
            else:
                expanded.append(item)
        else:
            expanded.append(item)
    return expanded


# --------------------------------------------------------------------------------------------
# Generated content
# --------------------------------------------------------------------------------------------


def generated_pages() -> dict[str, str]:
    """Return every generated file's path (in the docs) and content."""
    catalogue = iso.catalogue()
    variables = iso.variables()
    pages = {f"{INDICATORS}/index.md": indicator_index(catalogue.values())}
    for theme in Theme:
        specs = [spec for spec in catalogue.values() if spec.theme is theme]
        pages[f"{INDICATORS}/{theme.value}.md"] = theme_page(theme, specs, variables)
    pages["reference/variables.md"] = variables_page(variables, catalogue.values())
    pages["reference/errors.md"] = errors_page()
    pages["reference/cli.md"] = cli_page()
    pages["schemas/input.schema.json"] = schemas.to_json(schemas.input_schema())
    pages["schemas/output.schema.json"] = schemas.to_json(schemas.output_schema())
    return pages


def _anchor(clause: str) -> str:
    return "i-" + clause.replace(".", "-")


def _link(spec: Indicator, from_index: bool) -> str:
    page = f"{spec.theme.value}.md" if from_index else ""
    return f"[{spec.clause}]({page}#{_anchor(spec.clause)})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _element_note(spec: Indicator) -> str:
    element = element_of(spec)
    override = INDICATOR_OVERRIDES.get(spec.clause)
    why = override[1] if override else f"theme default: {THEME_ELEMENTS[spec.theme][1]}"
    return f"**{element.label}** (`{element.value}`, element {element.number}) — {why}"


def describe_constraint(constraint: Constraint) -> str:
    """Say in words what a declared constraint requires and what breaking it gives."""
    if isinstance(constraint, PartOfWhole):
        part = " + ".join(f"`{p}`" for p in constraint.parts)
        return (
            f"{part} ≤ `{constraint.whole}` (otherwise *invalid*); "
            f"`{constraint.whole}` = 0 gives *undefined*"
        )
    if isinstance(constraint, Positive):
        return (
            f"`{constraint.variable}` > 0: 0 gives *undefined* ({constraint.when_zero}), "
            "a negative value *invalid*"
        )
    if isinstance(constraint, NonNegative):
        names = ", ".join(f"`{n}`" for n in constraint.names)
        return f"{names} ≥ 0 (otherwise *invalid*)"
    return f"`{constraint!r}`"


def _notes(func: Callable[..., Any]) -> str:
    """Return the Notes section of a formula's docstring (its formula and how it was chosen)."""
    doc = inspect.getdoc(func) or ""
    match = re.search(r"^Notes\n-+\n(?P<body>.*?)(?=^\w[\w ]*\n-+\n|\Z)", doc, re.S | re.M)
    if match is None:
        raise ValueError(f"{func.__qualname__} has no Notes section with its formula")
    return rst_to_markdown(match["body"].strip(), _full_path_only)


def _full_path_only(name: str) -> str | None:
    return name if name.startswith("iso37122.") else None


def indicator_index(specs: Iterable[Indicator]) -> str:
    """Return the index page: every indicator in one table, with counts."""
    specs = list(specs)
    themes = {spec.theme for spec in specs}
    inferred = sum(spec.definition_source.formula == "inferred" for spec in specs)
    lines = [
        "# Indicator reference",
        "",
        f"All **{len(specs)} indicators** of ISO 37122:2019 in **{len(themes)} themes**, as "
        "implemented, generated from the library's registry at every build. Each theme page "
        "gives both titles, the formula, the inputs with their units, the unit, the direction, "
        "the default key element, the declared constraints and where the definition comes from.",
        "",
        f"The text of ISO 37122 is not public: {inferred} of the {len(specs)} formulas are "
        "*inferred* from the indicator's title rather than read in a published source (column "
        '"formula"), and the confidence says how sure the reconstruction is (`high`: read in a '
        "city's published ISO 37122 report; `med-high`: read there in translation; `medium`: "
        "title confirmed, formula not found; `low`: reconstructed, not confirmed).",
        "",
        "| Clause | Title | Unit | Better | Element | Confidence | Formula |",
        "|---|---|---|---|---|---|---|",
    ]
    for spec in specs:
        source = spec.definition_source
        lines.append(
            f"| {_link(spec, True)} | {_cell(spec.title)} | `{spec.unit}` | "
            f"{_BETTER[spec.direction]} | {element_of(spec).value} | "
            f"{source.confidence} | {source.formula} |"
        )
    return "\n".join(lines) + "\n"


def theme_page(theme: Theme, specs: list[Indicator], variables: Mapping[str, Variable]) -> str:
    """Return one theme's page: every indicator of the theme in full."""
    element, why = THEME_ELEMENTS[theme]
    lines = [
        f"# {theme.clause}. {theme.label}",
        "",
        f"*{theme.label_id}* — {len(specs)} indicators. Default key element of the theme: "
        f"**{element.label}** (`{element.value}`) — {why}.",
        "",
    ]
    for spec in specs:
        lines += _indicator_section(spec, variables)
    return "\n".join(lines)


def _indicator_section(spec: Indicator, variables: Mapping[str, Variable]) -> list[str]:
    source = spec.definition_source
    func = f"{spec.func.__module__}.{spec.func.__name__}"
    constraints = [describe_constraint(c) for c in spec.constraints] or ["none declared"]
    title_origin = (
        "SNI ISO 37122 wording" if source.title_id_origin == "sni" else "our own translation"
    )
    lines = [
        f"## {spec.clause} {spec.title} {{ #{_anchor(spec.clause)} }}",
        "",
        f"*{spec.title_id}* ({title_origin})",
        "",
        "| Property | Value |",
        "|---|---|",
        f"| Name | `{spec.name}` |",
        f"| Unit | `{spec.unit}` |",
        f"| Direction | {spec.direction.value.replace('_', ' ')} |",
        f"| Default key element | {_cell(_element_note(spec))} |",
        f"| Constraints | {'<br>'.join(_cell(c) for c in constraints)} |",
        f"| Confidence | `{source.confidence}` |",
        f"| Formula origin | {_ORIGIN[source.formula]} |",
        f"| Sources | `{_cell(source.reference)}` |",
        f"| Function | `{func}` |",
    ]
    if source.note:
        lines.append(f"| Note | {_cell(source.note)} |")
    lines += ["", "**Formula**", "", _notes(spec.func), "", "**Inputs**", ""]
    lines += ["| Variable | Unit | Description | Deskripsi |", "|---|---|---|---|"]
    for name in spec.inputs:
        var = variables[name]
        lines.append(
            f"| [`{name}`](../variables.md#{name}) | `{var.unit}` | {_cell(var.description)} | "
            f"{_cell(var.description_id)} |"
        )
    return [*lines, ""]


_BETTER = {
    Direction.HIGHER_IS_BETTER: "higher",
    Direction.LOWER_IS_BETTER: "lower",
    Direction.NEUTRAL: "neutral",
}

_ORIGIN = {
    "read": "read in a published source",
    "inferred": "inferred from the title (no public source gives it)",
}


def _bounds(variable: Variable) -> str:
    # Every variable has a minimum; a maximum only where one is declared.
    maximum = getattr(variable, "maximum", math.inf)
    high = "∞" if math.isinf(maximum) else f"{maximum:g}"
    return f"[{variable.minimum:g}, {high}]"


def variables_page(variables: Mapping[str, Variable], specs: Iterable[Indicator]) -> str:
    """Return the variables page: every input variable, grouped by theme."""
    used_by: dict[str, list[Indicator]] = {name: [] for name in variables}
    for spec in specs:
        for name in spec.inputs:
            used_by[name].append(spec)
    lines = [
        "# Variables",
        "",
        f"Every one of the **{len(variables)} input variables**, generated from the library's "
        "declarations. The id is the column name in a table and the field name in `CityData`; "
        "values are converted into the canonical unit when data enter (see "
        "[Input data and units](../guide/input-data.md)); bounds are inclusive and in that unit. "
        "Each variable is a total for one city and one reporting year.",
        "",
    ]
    groups: list[tuple[str, list[Variable]]] = [
        ("Shared by several themes", [v for v in variables.values() if v.theme is None])
    ]
    groups += [
        (f"{t.clause}. {t.label}", [v for v in variables.values() if v.theme is t]) for t in Theme
    ]
    for heading, members in groups:
        if not members:
            continue
        lines += [f"## {heading}", ""]
        for var in members:
            users = ", ".join(
                f"[{s.clause}](indicators/{s.theme.value}.md#{_anchor(s.clause)})"
                for s in used_by[var.id]
            )
            lines += [
                f"### `{var.id}` {{ #{var.id} }}",
                "",
                f"{var.description}  ",
                f"*{var.description_id}*",
                "",
                f"Unit `{var.unit}` · kind `{var.kind.value}` · bounds {_bounds(var)} · "
                f"used by {users or 'no indicator'}",
                "",
            ]
    return "\n".join(lines)


def elements_table() -> str:
    """Tabulate the three key elements in both languages, with their number of indicators."""
    catalogue = iso.catalogue()
    lines = [
        "| Element | English | Bahasa Indonesia | Covers | Indicators |",
        "|---|---|---|---|---|",
    ]
    for element in iso.KeyElement:
        count = sum(element_of(spec) is element for spec in catalogue.values())
        lines.append(
            f"| `{element.value}` ({element.number}) | {element.label} | {element.label_id} | "
            f"{element.description} | {count} |"
        )
    return "\n".join(lines)


def theme_elements_table() -> str:
    """Tabulate the default element of each theme, with its reason."""
    lines = ["| Theme | Tema | Default element | Why |", "|---|---|---|---|"]
    for theme, (element, why) in THEME_ELEMENTS.items():
        lines.append(
            f"| [{theme.clause}. {theme.label}](../reference/indicators/{theme.value}.md) | "
            f"{theme.label_id} | `{element.value}` | {why} |"
        )
    return "\n".join(lines)


def overrides_table() -> str:
    """Tabulate the per-indicator exceptions to the theme's element, with their reasons."""
    catalogue = iso.catalogue()
    lines = ["| Indicator | Theme default | Element | Why |", "|---|---|---|---|"]
    for clause, (element, why) in INDICATOR_OVERRIDES.items():
        spec = catalogue[clause]
        link = f"[{clause}](../reference/indicators/{spec.theme.value}.md#{_anchor(clause)})"
        lines.append(
            f"| {link} {_cell(spec.title)} | `{THEME_ELEMENTS[spec.theme][0].value}` | "
            f"`{element.value}` | {why} |"
        )
    return "\n".join(lines)


SNIPPETS: dict[str, Callable[[], str]] = {
    "elements": elements_table,
    "overrides": overrides_table,
    "theme-elements": theme_elements_table,
}


def _literal_codes() -> dict[str, tuple[str, ...]]:
    """Every ``Literal`` alias that :mod:`iso37122.errors` exports: its name and its codes."""
    found = {}
    for name in errors.__all__:
        value = getattr(errors, name)
        if typing.get_origin(value) is typing.Literal:
            found[name] = tuple(str(code) for code in typing.get_args(value))
    return found


def errors_page() -> str:
    """Return the error page: the exception hierarchy and every problem code, from the code."""
    classes = [
        obj
        for name in errors.__all__
        if isinstance(obj := getattr(errors, name), type) and issubclass(obj, BaseException)
    ]
    lines = [
        "# Errors and error codes",
        "",
        "Every error the library raises on purpose derives from `Iso37122Error` **and** from "
        "the builtin exception a caller would expect, so `except ValueError` or "
        "`except KeyError` keeps working in code that does not know this library. Generated "
        "from `iso37122.errors` at every build.",
        "",
        "| Exception | Inherits | When |",
        "|---|---|---|",
    ]
    for cls in classes:
        bases = ", ".join(f"`{base.__name__}`" for base in cls.__bases__)
        summary = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
        lines.append(
            f"| [`{cls.__name__}`][iso37122.errors.{cls.__name__}] | {bases} | {summary} |"
        )
    codes = _literal_codes()
    for alias, values in codes.items():
        lines += [
            "",
            f"## Codes of `{alias}`",
            "",
            "| Code |",
            "|---|",
            *(f"| `{code}` |" for code in values),
        ]
    lines += [
        "",
        "## A problem in the data",
        "",
        "A `DataError` (and its subclasses) carries `problems`: every problem found, not only "
        "the first, each a `Problem` with the row, the city and year, the variable, the value "
        "as given, a short machine-readable `rule` code and a sentence saying what to do.",
        "",
        "## API",
        "",
        "::: iso37122.errors",
        "    options:",
        "      show_root_heading: false",
        "      heading_level: 3",
        "",
    ]
    return "\n".join(lines)


def cli_page() -> str:
    """Return the command-line reference: every command's ``--help``, as the command prints it."""
    lines = [
        "# Command line",
        "",
        "`iso37122` is installed with the package. Every command has `--help`; the exit status "
        "is 0 on success, 1 for a problem with the data, 2 for a usage error (a wrong argument, "
        "a file that does not exist). An error is one message on stderr; `--debug` shows the "
        "traceback. This page is generated from the command's own help.",
        "",
    ]
    for name, page in help_pages(width=88).items():
        title = f"iso37122 {name}" if name else "iso37122"
        lines += [f"## `{title}`", "", "```text", page.rstrip(), "```", ""]
    return "\n".join(lines)
