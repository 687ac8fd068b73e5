"""Helpers for the tests that tell the identities the tables promise from the audit's other checks.

The extraction's ``checks`` hold the arithmetic identities of the tables and the narrative's
figures (``children_sum``, ``same_figure`` …) and, since the audit deepened, the narrative's own
percentages and stated changes and the template completeness (``kg.extract.narrative.audit``,
``kg.extract.completeness``). Tests written about the first kind filter with ``identity_failures``.
"""
from __future__ import annotations

AUDIT_RULES = frozenset({"change_amount", "change_percent", "change_parts_sum", "share_percent", "narrative_sum",
                         "completion_rate", "baseline_year", "required_table", "required_section",
                         "empty_table_note"})


def identity_failures(record) -> list:
    """Failed checks of the identities the tables and the narrative's figures promise."""
    return [c for c in record.checks if not c.ok and c.rule not in AUDIT_RULES]


def audit_failures(record) -> list:
    """Failed checks of the narrative's percentages and changes and of completeness."""
    return [c for c in record.checks if not c.ok and c.rule in AUDIT_RULES]
