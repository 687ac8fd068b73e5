"""The registry of checks: every rule has an id, a Chinese name and a rule that grades a failure.

Why a registry: the identities a document promises are recomputed by small producers that live
beside the parsers they check (the table identities in ``kg.extract.checks``, the narrative's in
``kg.extract.narrative.checks`` and ``kg.extract.narrative.audit``, completeness in
``kg.extract.completeness``). Each producer registers itself with ``register_checks``; each kind of
identity it reports registers with ``register_rule``. ``budgetkg audit`` and the JSON record name a
rule by its id and its Chinese name, and grade every failure by the rule's ``judge``:

* ``ok``        the identity holds as printed;
* ``notice``    a presentational finding or a weak one (a list introduced by 主要 may be partial);
* ``rounding``  the gap is within what rounding the printed figures explains (one unit of the
                printed precision, ±0.01 for figures printed to the 分; see ``gap_judge``);
* ``material``  anything larger: a figure that does not add up.

Severities are ordered (``SEVERITIES``) so a threshold (``--fail-on``) is a comparison.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable

from kg.extract.model import Check

SEVERITIES = ("ok", "notice", "rounding", "material")
SEVERITY_NAMES = {"ok": "通过", "notice": "提示", "rounding": "尾差", "material": "实质性问题"}
CENT = Decimal("0.01")

Judge = Callable[[Check], str]


def precision(value: Decimal | None) -> Decimal:
    """One unit of the last printed place: ``4678.70`` -> 0.01, ``19577`` -> 1, ``30.9`` -> 0.1."""
    if value is None:
        return CENT
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return CENT
    return Decimal(1).scaleb(min(exponent, 0))


def gap_judge(check: Check) -> str:
    """``rounding`` where |printed - expected| is within the check's tolerance (by default one unit
    of the printed figure's last place, never less than 0.01), else ``material``."""
    if check.ok:
        return "ok"
    if check.printed is None or check.expected is None:
        return "material"
    tolerance = check.tolerance if check.tolerance is not None else max(precision(check.printed), CENT)
    return "rounding" if abs(check.printed - check.expected) <= tolerance else "material"


def fixed_judge(severity: str) -> Judge:
    """A rule whose every failure has one severity (a missing table is ``material``)."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    return lambda check: "ok" if check.ok else severity


@dataclass(frozen=True)
class Rule:
    """One kind of identity: ``id`` as the records print it, ``name`` in Chinese for people."""

    id: str
    name: str
    description: str
    judge: Judge = gap_judge


RULES: dict[str, Rule] = {}


def register_rule(rule_id: str, name: str, description: str = "", judge: Judge = gap_judge) -> Rule:
    """Add (or redefine) a rule; returns it. Ids are stable: they are what records and tests name."""
    rule = Rule(rule_id, name, description, judge)
    RULES[rule_id] = rule
    return rule


def rule_of(rule_id: str) -> Rule:
    """The registered rule, or a stand-in that grades by the gap (a record saved by another tool).
    A rule not yet registered may belong to a producer not imported yet (a saved record read
    without extracting): the producers are loaded once before the stand-in is made."""
    if rule_id not in RULES:
        from kg.extract.checks import producers

        producers()
    return RULES.get(rule_id) or Rule(rule_id, rule_id, "", gap_judge)


def grade(check: Check) -> str:
    """The check's severity by its rule (set on the check and returned); a severity a producer
    already decided (a judgement only it can make) is kept."""
    if check.severity is None:
        check.severity = "ok" if check.ok else rule_of(check.rule).judge(check)
    return check.severity


def at_least(severity: str, threshold: str) -> bool:
    """True where ``severity`` is ``threshold`` or worse (``none`` is never reached)."""
    if threshold == "none":
        return False
    return SEVERITIES.index(severity) >= SEVERITIES.index(threshold)


# --- producers -----------------------------------------------------------------------------------

Producer = Callable[[Any, Any], Iterable[Check]]  # (parts, record) -> checks


@dataclass(frozen=True)
class CheckSet:
    """A producer of checks: ``id`` (``tables``, ``narrative.changes`` …), a Chinese name, and the
    function reading the parsed document (``parts``) and its ``record``."""

    id: str
    name: str
    run: Producer


CHECK_SETS: dict[str, CheckSet] = {}


def register_checks(set_id: str, name: str) -> Callable[[Producer], Producer]:
    """Decorator: register a producer under ``set_id`` (run in registration order)."""
    def wrap(fn: Producer) -> Producer:
        CHECK_SETS[set_id] = CheckSet(set_id, name, fn)
        return fn
    return wrap
