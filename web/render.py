"""One data function, several renderers (datasette style): HTML, JSON and CSV of the same data.

A view calls its data function once and hands the result to :func:`respond`, which picks the
renderer from the URL suffix (``.json``, ``.csv``, ``.ttl``), ``?format=`` or ``Accept``.
Data are plain dicts/lists with ``Decimal`` money; JSON writes money as exact decimal strings.
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any, Callable
from urllib.parse import quote

from flask import Flask, Response, current_app, render_template, request
from markupsafe import Markup

from web.vocab import compact, data_ns


def to_jsonable(value: Any) -> Any:
    """Decimals as strings with their printed precision (never floats), tuples as lists."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_jsonable(v) for v in value]
    return value


def json_response(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(to_jsonable(data), ensure_ascii=False, indent=1), status=status,
                    mimetype="application/json")


def csv_response(columns: list[str], rows: list[list[Any]], filename: str) -> Response:
    buf = io.StringIO()
    buf.write("\ufeff")  # so that spreadsheet programs read the Chinese as UTF-8
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for row in rows:
        w.writerow(["" if v is None else to_jsonable(v) for v in row])
    return Response(buf.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


GRAPH_FORMATS = ("graphml", "gexf")


def graph_response(graph: Any, fmt: str, filename: str) -> Response:
    """A networkx projection as GraphML or GEXF (Gephi, Cytoscape), amounts as exact decimals
    (``kg.analytics.export``: the writers the CLI uses)."""
    from kg.analytics.export import mimetype, write

    return Response(write(graph, fmt), mimetype=mimetype(fmt),
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename + '.' + fmt)}"})


def wanted_format(suffix: str | None, allowed: tuple[str, ...] = ("html", "json", "csv")) -> str:
    """The renderer: URL suffix first, then ``?format=``, then the ``Accept`` header."""
    if suffix:
        return suffix
    fmt = request.args.get("format")
    if fmt in allowed:
        return fmt
    if fmt is not None and fmt not in allowed:
        from web.params import BadParameter

        raise BadParameter("format", f"可用格式：{'、'.join(allowed)} (unsupported format {fmt[:20]!r})")
    best = request.accept_mimetypes.best_match(
        ["text/html", "application/json", "text/csv", "text/turtle", "application/ld+json"])
    mapping = {"text/html": "html", "application/json": "json", "text/csv": "csv", "text/turtle": "ttl",
               "application/ld+json": "jsonld"}
    fmt = mapping.get(best or "text/html", "html")
    if request.accept_mimetypes.best in (None, "*/*"):
        fmt = "html"
    return fmt if fmt in allowed else "html"


def respond(data: dict, template: str, fmt: str, table: Callable[[dict], tuple[list[str], list[list]]]
            | None = None, filename: str = "data.csv", status: int = 200) -> Response:
    """Render ``data`` as HTML (``template``), JSON, or CSV (``table`` picks the rows).

    A page's data depend only on its URL and the graph, so the rendered bytes are kept in the
    app's page cache (``web.cache``, emptied when the graph changes) under the URL and format:
    a large entity page costs tens of milliseconds of template work, a kept one almost nothing."""
    def render() -> Response:
        if fmt == "json":
            return json_response(data, status)
        if fmt == "csv" and table is not None:
            cols, rows = table(data)
            return csv_response(cols, rows, filename)
        return Response(render_template(template, **data), status=status, mimetype="text/html")

    pages = getattr(current_app.extensions.get("budgetkg"), "pages", None)
    if pages is None or status != 200:
        return render()
    body, mimetype, headers = pages.get(("respond", template, fmt, request.full_path), lambda: _frozen(render()))
    return Response(body, status=status, mimetype=mimetype, headers=headers)


def _frozen(resp: Response) -> tuple[bytes, str, dict[str, str]]:
    return resp.get_data(), resp.mimetype, {k: v for k, v in resp.headers.items()
                                            if k.lower() == "content-disposition"}


# ---------------------------------------------------------------- template helpers
def entity_url(iri: str, fmt: str | None = None) -> str:
    """The page of a graph node: ``/entity/<path under the id namespace>`` or ``?iri=``."""
    ns = data_ns()
    suffix = f".{fmt}" if fmt else ""
    if iri.startswith(ns) and len(iri) > len(ns) and "?" not in iri and "#" not in iri \
            and not iri.endswith((".json", ".ttl", ".jsonld")):
        return "/entity/" + iri[len(ns):] + suffix
    return f"/entity{suffix or '/'}?iri=" + quote(iri, safe="")


def money(value: Any, unit: bool = True) -> str:
    """万元 figures with thousands separators and the exact decimals, e.g. ``1,234.50 万元``."""
    if value is None or value == "":
        return "—"
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    text = f"{d:,.2f}" if d == d.quantize(Decimal("0.01")) else f"{d:,}"
    return f"{text} 万元" if unit else text


def term_html(term: Any, label: str | None = None) -> Markup:
    """A result cell: IRIs as links to their entity page, literals as (escaped) text."""
    from markupsafe import escape

    if term is None:
        return Markup("")
    kind, value = term[0], term[1]
    if kind == "uri":
        text = label or compact(value)
        return Markup('<a href="{}" class="iri" title="{}">{}</a>').format(entity_url(value), value, text)
    if kind == "bnode":
        return Markup('<span class="bnode">_:{}</span>').format(value)
    return Markup("{}").format(escape(value))


def cell(value: Any) -> Markup:
    """An answer-table cell: IRIs and ``{iri, label}`` objects as entity links, the rest as text."""
    from markupsafe import escape

    if isinstance(value, dict):
        iri = value.get("iri") or value.get("id") or value.get("uri")
        text = value.get("label") or value.get("name") or value.get("value")
        if isinstance(iri, str) and iri.startswith(("http://", "https://")):
            return Markup('<a class="entity-link" href="{}">{}</a>').format(entity_url(iri), text or compact(iri))
        return Markup("{}").format(escape(", ".join(f"{k}: {v}" for k, v in value.items() if v is not None)))
    if isinstance(value, str) and value.startswith(("http://", "https://")) and " " not in value:
        return Markup('<a class="entity-link" href="{}">{}</a>').format(entity_url(value), compact(value))
    if isinstance(value, (list, tuple)):
        return Markup("、").join(cell(v) for v in value)
    if value is None:
        return Markup("")
    return Markup("{}").format(escape(str(to_jsonable(value))))


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(entity_url=entity_url, money=money, term_html=term_html, compact=compact,
                                 cell=cell)
    app.jinja_env.filters["money"] = money
