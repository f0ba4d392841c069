"""Read the package's numpydoc docstrings, written with reST roles, as Markdown for mkdocstrings.

The docstrings follow numpydoc, whose cross-references and maths are reST: roles such as
``:class:`~iso37122.errors.ConfigError``` and ``:math:`u```, and ``.. math::`` blocks.
mkdocstrings renders Markdown, so this Griffe extension rewrites them, once, when the package is
loaded: a role becomes an autorefs link (which ``mkdocs build --strict`` checks), maths become
arithmatex delimiters (rendered to MathML by ``hooks.py``). :func:`rst_to_markdown` is also used
for the indicator reference, which hooks.py writes from the registry.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import griffe

__all__ = ["RstToMarkdown", "rst_to_markdown"]

_LOG = logging.getLogger("mkdocs.plugins.griffe_rst")

_ROLE = re.compile(
    r":(?:py:)?(?P<role>class|func|meth|mod|data|attr|exc|obj):"
    r"`(?P<tilde>~?)(?P<text>[^`<]+?)(?:\s*<(?P<target>[^`>]+)>)?`"
)
_MATH_ROLE = re.compile(r":math:`(?P<tex>[^`]+)`")
_MATH_BLOCK = re.compile(r"^(?P<indent>[ \t]*)\.\. math::[ \t]*(?P<first>.*)$")

_BORDER = re.compile(r"^(?P<indent>[ \t]*)=+(?: +=+)+[ \t]*$")

Resolver = Callable[[str], str | None]


def _spans(border: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"=+", border)]


def _cells(line: str, spans: list[tuple[int, int]]) -> list[str]:
    starts = [start for start, _ in spans]
    ends = [*starts[1:], max(len(line), spans[-1][1])]
    return [line[start:end].strip() for start, end in zip(starts, ends, strict=True)]


def _rows(lines: list[str], spans: list[tuple[int, int]]) -> list[list[str]]:
    """Rows of a simple table's section; a line with an empty first cell continues a row."""
    rows: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        cells = _cells(line, spans)
        if rows and not cells[0]:
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


def _simple_tables(text: str) -> str:
    """Turn reST simple tables (``====  ====`` borders) into Markdown tables."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _BORDER.match(lines[i])
        borders = [i]
        j = i + 1
        while match and j < len(lines) and len(borders) < 3:
            if lines[j].strip() == lines[i].strip():
                borders.append(j)
            elif len(borders) == 2 and j == borders[1] + 1 and not lines[j].strip():
                break  # a table without header rows ends at its second border
            j += 1
        if match is None or len(borders) < 2:
            out.append(lines[i])
            i += 1
            continue
        spans = _spans(lines[i])
        indent = match["indent"]
        if len(borders) == 3:
            header = _rows(lines[borders[0] + 1 : borders[1]], spans)
            body = _rows(lines[borders[1] + 1 : borders[2]], spans)
        else:
            header, body = [[""] * len(spans)], _rows(lines[borders[0] + 1 : borders[1]], spans)
        head = [" ".join(cells) for cells in zip(*header, strict=True)]
        table = [head, ["---"] * len(spans), *body]
        out += ["", *(indent + "| " + " | ".join(_escape(c) for c in row) + " |" for row in table)]
        out.append("")
        i = borders[-1] + 1
    return "\n".join(out)


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")


def _math_blocks(text: str) -> str:
    r"""Turn ``.. math::`` directives (one line or an indented block) into ``\[ … \]``."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _MATH_BLOCK.match(lines[i])
        if match is None:
            out.append(lines[i])
            i += 1
            continue
        indent = match["indent"]
        body = [match["first"].strip()] if match["first"].strip() else []
        i += 1
        while i < len(lines) and (
            not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > len(indent)
        ):
            if lines[i].strip():
                body.append(lines[i].strip())
            elif body:
                break
            i += 1
        out += ["", f"{indent}\\[", *(f"{indent}{line}" for line in body), f"{indent}\\]", ""]
    return "\n".join(out)


def rst_to_markdown(text: str, resolve: Resolver) -> str:
    r"""Rewrite reST roles and maths in a docstring as Markdown.

    Parameters
    ----------
    text
        The docstring.
    resolve
        Gives the full dotted path of a name written in a role (``"Profile"``,
        ``"iso37122.errors.DataError"``), or ``None`` when it names nothing known.

    Returns
    -------
    str
        The text with reST simple tables as Markdown tables, every role as a Markdown link
        ``[text][full.path]`` (or as code, with a warning, for a name that cannot be resolved),
        ``:math:`` as ``\( … \)`` and ``.. math::`` as ``\[ … \]``.
    """

    def link(match: re.Match[str]) -> str:
        text, target = match["text"].strip(), (match["target"] or match["text"]).strip()
        target = target.lstrip("~").removesuffix("()")
        shown = text.lstrip("~")
        if match["tilde"]:
            shown = shown.rsplit(".", 1)[-1]
        if match["role"] in ("func", "meth") and not shown.endswith(")"):
            shown = f"{shown}()"
        path = resolve(target)
        if path is None:
            _LOG.warning("cannot resolve %s role target %r", match["role"], target)
            return f"`{shown}`"
        return f"[`{shown}`][{path}]"

    # Tables first: their columns are found by character position in the text as written.
    text = _math_blocks(_simple_tables(text))
    text = _MATH_ROLE.sub(lambda m: f"\\({m['tex']}\\)", text)
    return _ROLE.sub(link, text)


def _resolver(obj: griffe.Object, package: griffe.Module) -> Resolver:
    def resolve(name: str) -> str | None:
        if name.split(".", 1)[0] == package.name:
            try:
                package[name.split(".", 1)[1]] if "." in name else package
            except KeyError:
                return None
            return _documented(name, package)
        head, _, rest = name.partition(".")
        try:
            path = obj.resolve(head)
        except griffe.NameResolutionError:
            return None
        return _documented(f"{path}.{rest}" if rest else path, package)

    return resolve


def _documented(path: str, package: griffe.Module) -> str:
    """Link a class attribute that has no docstring of its own (so no anchor) to its class."""
    try:
        target = package[path.split(".", 1)[1]] if "." in path else package
    except KeyError:
        return path
    parent = target.parent
    if target.is_attribute and target.docstring is None and parent is not None and parent.is_class:
        return str(parent.path)
    return path


def _walk(obj: griffe.Object | griffe.Alias, package: griffe.Module) -> None:
    if isinstance(obj, griffe.Alias):
        return
    if obj.docstring is not None:
        obj.docstring.value = rst_to_markdown(obj.docstring.value, _resolver(obj, package))
    for member in obj.members.values():
        _walk(member, package)


class RstToMarkdown(griffe.Extension):
    """Rewrite every docstring of the package once it is loaded (see the module docstring)."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite the docstrings of every module, class, function and attribute."""
        _walk(pkg, pkg)
