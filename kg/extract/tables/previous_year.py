"""The year before, where a table prints it beside the document's own year.

Some 三公 tables print last year's figures next to this year's: 重庆 表八 (``2025年预算数`` |
``2026年预算数``), 烟台 (the same), 西安 (``上年`` | ``当年`` | ``增减变化情况``, or ``2021年`` |
``2022年``), 深圳 (a row per year). The record already has one concept for "this figure, and what
it was the year before": the change statement (``model.ChangeStatement``: ``current``,
``baseline`` with ``baseline_kind`` and ``baseline_year``, ``amount``, ``direction``), which the
graph maps to ``bkg:Change`` with its ``bkg:previousAmount`` and the question service reads to
answer "去年是多少 / 比上年少了多少". So each item the table prints for both years becomes one
such statement, with the table cell as its provenance — never a second kind of previous figure.
"""
from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

from kg.extract.model import ChangeStatement, Provenance, Record
from kg.extract.narrative.vocabulary import KEY_NAMES, TOPIC_NAMES
from kg.extract.text_normalize import format_money

# the 三公 table's item keys -> the narrative vocabulary's key (what a narrative change of the
# same item carries), and the name a person reads
THREE_PUBLIC_ITEMS: dict[str, tuple[str, str]] = {
    "total": ("total", f"{TOPIC_NAMES['three_public']}"),
    "overseas": ("overseas", KEY_NAMES["overseas"]),
    "reception": ("reception", KEY_NAMES["reception"]),
    "vehicles": ("vehicles", KEY_NAMES["vehicles"]),
    "vehicle_purchase": ("vehicle_purchase", KEY_NAMES["vehicle_purchase"]),
    "vehicle_operation": ("vehicle_operation", KEY_NAMES["vehicle_operation"]),
    # the columns a 三公 table prints beside the 三公 (西安 表13, 江苏): their own keys (a 三公 change keeps
    # ``total``), the topic's name as the subject a narrative's 会议费 / 培训费 change carries
    "meetings": ("meetings", TOPIC_NAMES["meetings"]),
    "training": ("training", TOPIC_NAMES["training"]),
    # the table's 合计 of the 三公 with 会议费 and 培训费 (西安 表13 合计 beside the 三公 小计)
    "with_meetings_training": ("with_meetings_training",
                               f"{TOPIC_NAMES['three_public']}及{TOPIC_NAMES['meetings']}、{TOPIC_NAMES['training']}合计"),
}


def baseline_kind(record: Record) -> str:
    """What the earlier column holds: a budget's 上年预算, a 决算's 上年决算."""
    return "上年决算" if (record.kind or "").endswith("决算") else "上年预算"


def previous_year_change(record: Record, key: str, subject: str, current: Decimal | None,
                         previous: Decimal | None, year: int, provenance: Provenance) -> ChangeStatement | None:
    """One change statement from a figure and the same figure of ``year`` (both in the record's
    unit, as printed in the table): the difference exact, its direction, the previous figure as
    the statement's ``baseline``. None where either cell is blank (nothing printed to compare)."""
    if current is None or previous is None:
        return None
    delta = current - previous
    direction = "increase" if delta > 0 else "decrease" if delta < 0 else "flat"
    change: ChangeStatement = {
        "subject": subject,
        "amount": format_money(abs(delta)),
        "direction": direction,
        "percent": None,
        "current": format_money(current),
        "reason": None,
        "provenance": {k: v for k, v in asdict(provenance).items() if v is not None},
        "baseline": format_money(previous),
        "baseline_kind": baseline_kind(record),
        "baseline_year": year,
        "key": key,
        "stated_in": "table",
    }
    return change
