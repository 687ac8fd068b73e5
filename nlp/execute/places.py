"""Where an audit answer's figure stands, as the page prints it (``kg.extract.places``): a table by
its number and title, a figure of the 说明 by the headings above it, then the figure
(``公开09表 一般公共预算财政拨款三公经费支出决算表——决算数/合计``). The graph keeps it on each finding and
stated change (``bkg:place``); an answer row carries it as ``place`` and its sentence names it, so a
reader finds the figure on the page without knowing the project's short labels (``公开09表``, ``说明``).
"""
from __future__ import annotations

from nlp.graph import Row


def place_of(row: Row | None) -> str | None:
    """The printed place of a finding's or a stated change's row, where the graph holds one."""
    place = row.attrs.get("place") if row is not None else None
    return str(place) if place else None


def seen_at(place: str | None, label: str = "") -> str:
    """Where the page prints what a clause is about, said after the clause (``（见：四、关于财政拨款收支
    总表的说明——财政拨款收支总预算）``), so the clause's own words stay together; "" where there is no
    place or the label already is it."""
    return f"（见：{place}）" if place and place != label else ""
