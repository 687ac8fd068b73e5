"""Which rows of a project list are projects, where the list prints its levels without marking them.

Xi'an's 专项业务经费支出表 prints 一级项目, 二级项目 and the projects in one name column, one row
each, with nothing but the amounts to tell them apart (``通用项目 3,650,000.00`` then ``大型活动
150,000.00`` then ``审计培训 150,000.00`` …): a group row's amount is the sum of the rows that
follow it. Read as a flat list, every amount is counted once per level (西安市审计局 2026: 25.5
million of projects in a table whose 合计 is 8.5 million).

``leaf_rows`` parses the amounts as a forest — each row is either a project or a group whose
amount the rows right after it add up to exactly — whose top rows add up to the table's printed
合计. Only when such a parse exists and every such parse names the same projects are the group
rows dropped; a list that already adds up to its 合计 (no groups) or that no parse explains is
left as printed.
"""
from __future__ import annotations

from decimal import Decimal

_LIMIT = 20000  # steps of the search before giving up (a list is a few dozen rows)


def leaf_rows(amounts: list[Decimal], total: Decimal | None) -> list[int] | None:
    """Indexes of the rows that are projects, or None (flat list, no parse, or ambiguous)."""
    if total is None or not amounts or sum(amounts, Decimal(0)) == total:
        return None
    n = len(amounts)
    found: set[tuple[int, ...]] = set()
    steps = [0]

    def forest(i: int, target: Decimal, leaves: tuple[int, ...]):
        """Every way rows i.. form trees whose top amounts sum to ``target``: (end, leaves)."""
        if target == 0:
            yield i, leaves  # rows of 0.00 after it may still belong here: go on with them only
        if i >= n or target < 0 or (target == 0 and amounts[i] != 0):
            return
        steps[0] += 1
        if steps[0] > _LIMIT:
            return
        a = amounts[i]
        # row i a project
        yield from forest(i + 1, target - a, leaves + (i,))
        # row i a group of the rows after it
        if a > 0 and target > 0:
            for end, inner in forest(i + 1, a, leaves):
                if end > i + 1:
                    yield from forest(end, target - a, inner)

    for end, leaves in forest(0, total, ()):
        if end == n:
            found.add(leaves)
            if len(found) > 1:
                return None
    if steps[0] > _LIMIT or len(found) != 1:
        return None
    return list(found.pop())
