"""绩效目标管理 coverage stated in the 说明 (``kg.extract.narrative.coverage``): the projects under
performance targets with their count where printed (0 kept as 0) and the money involved, and the
department's whole spending where stated — read off real PDFs, in the record's unit, with the page,
and in the graph as ``bkg:PerformanceCoverage`` in 万元. National documents are read once per
session (``national_extraction``), the Jiangsu realdocs once (``realdocs_record_list``)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph

from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG

pytestmark = pytest.mark.shared

D = Decimal


def _coverage(record) -> dict[str, tuple]:
    return {c.scope: (c.projects, c.amount, c.provenance.page) for c in record.performance_coverage}


@pytest.mark.parametrize("relpath, expected", [
    # 五、预算绩效目标设置情况说明: 整体支出 4,651.67万元；共7个项目 … 合计339.5万元 (PDF page 30)
    ("jiangsu_suzhou/苏州市审计局_2026部门预算.pdf",
     {"department": (None, D("4651.67"), 30), "projects": (7, D("339.50"), 30)}),
    # 涉及一级预算项目6个，预算资金3056.57万元 (page 31)
    ("shandong_yantai/烟台市财政局_2026部门预算.pdf", {"projects": (6, D("3056.57"), 31)}),
    # 均实行绩效目标管理，共计7个一级项目，涉及资金1266.75万元 (page 12)
    ("zhejiang_huzhou/湖州市财政局_2026部门预算.pdf", {"projects": (7, D("1266.75"), 12)}),
    # 对项目支出全面实施绩效目标管理，涉及预算拨款39,560.87万元: no count printed (page 26)
    ("central/国家信访局_2026部门预算.pdf", {"projects": (None, D("39560.87"), 26)}),
    # 绩效目标管理全覆盖，涉及当年一般公共预算拨款4005.29万元, in a record kept in 元 (page 18)
    ("shaanxi_xian/西安市审计局汇总_2026部门预算.pdf", {"department": (None, D("40052900.00"), 18)}),
])
def test_coverage_read_off_national_pdfs(national_extraction, relpath, expected) -> None:
    by_file, _failures = national_extraction
    assert _coverage(by_file[relpath]) == expected


def test_zero_projects_stated_as_zero_and_whole_department(realdocs_record_list) -> None:
    """江苏省政协办公厅 p.17: 共0个项目实行绩效目标管理，涉及财政性资金合计0万元; 江苏省高级人民法院 p.25:
    实行整体支出绩效目标管理，涉及财政性资金合计37188.34万元."""
    by_name = {r.department: r for r in realdocs_record_list}
    cppcc = next(r for name, r in by_name.items() if name and "政协" in name and "江苏" in name)
    assert _coverage(cppcc) == {"projects": (0, D("0.00"), 17)}
    court = next(r for name, r in by_name.items() if name and "江苏省高级人民法院" in name)
    assert _coverage(court) == {"department": (None, D("37188.34"), 25)}


def test_coverage_in_the_graph_in_wan(national_extraction) -> None:
    by_file, _failures = national_extraction
    rows = {}
    for relpath in ("jiangsu_suzhou/苏州市审计局_2026部门预算.pdf", "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"):
        _doc, g = record_to_graph(by_file[relpath])
        rows[relpath.split("/")[0]] = sorted(
            tuple(None if v is None else v.toPython() for v in row) for row in g.query(
                f"""PREFIX bkg: <{BKG}> PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?scope ?n ?amount ?page WHERE {{ ?doc bkg:statesPerformanceCoverage ?c .
                ?c bkg:coverageScope ?scope ; bkg:amount ?amount ; prov:wasDerivedFrom/bkg:page ?page .
                OPTIONAL {{ ?c bkg:coveredProjects ?n }} }}"""))
    assert rows["jiangsu_suzhou"] == [("department", None, D("4651.67"), 30), ("projects", 7, D("339.50"), 30)]
    assert rows["shaanxi_xian"] == [("department", None, D("4005.29"), 18)]


def test_shanghai_projects_with_targets_compiled(realdocs_record_list) -> None:
    """The Shanghai template says 编报 (compiled) where others say 实行/纳入: 普陀区社会福利院 2024 p.16
    ``本单位编报绩效目标的项目共1个，涉及项目预算资金262.00万元``; 普陀区商务委 2025 p.22 ``编报绩效目标的项目共
    25个，涉及项目预算资金11381.60万元``; both records are kept in 元."""
    by_name = {r.department: r for r in realdocs_record_list}
    welfare = next(r for name, r in by_name.items() if name and "社会福利院" in name)
    assert _coverage(welfare) == {"projects": (1, D("2620000"), 16)}
    commerce = next(r for name, r in by_name.items() if name and "商务委" in name)
    assert _coverage(commerce) == {"projects": (25, D("113816000"), 22)}
