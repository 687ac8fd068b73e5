"""长沙 prints the basic table's columns as 总计 | 人员类 | 公用经费 (长沙市信访局 2026 p.18
2026年一般公共预算基本支出情况表, 万元): 合计 1,517.95 | 1,394.97 | 122.98; 301 工资福利支出 1,212.01 |
1,212.01. ``人员类`` / ``公用类`` are header words of the 人员经费 / 公用经费 columns like 人员经费 and 人员支出
(issue 9: the column was read by no record). Figures read off the PDF page."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

pytestmark = pytest.mark.shared

CHANGSHA = "hunan_changsha/长沙市信访局_2026部门预算.pdf"


@pytest.fixture(scope="module")
def record(national):
    """The document's record from the session's one extraction of ../shared/national (skipped where absent)."""
    return national[CHANGSHA]


def test_personnel_class_column(record):
    rows = {r.code: r for r in record.economic_subjects}
    assert (rows["301"].total, rows["301"].personnel, rows["301"].public) == (D("1212.01"), D("1212.01"), None)
    assert (rows["30101"].personnel,) == (D("225.08"),)
    # the 人员类 column of the 302/303 rows adds up with the 公用经费 one to the 总计 of each
    assert all(r.total == (r.personnel or 0) + (r.public or 0) for r in record.economic_subjects
               if r.personnel is not None or r.public is not None)
