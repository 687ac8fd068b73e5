"""The narrative identities on the real corpus documents: the failures the gold records list."""
from __future__ import annotations

from decimal import Decimal

from kg.extract.narrative.checks import narrative_checks
from kg.extract.sections import split
from tests.narrative_support import corpus_doc, corpus_record


def _checks(shared_dir, key):
    doc = corpus_doc(str(shared_dir), key)
    record = corpus_record(str(shared_dir), key)
    return narrative_checks(split(doc, record), record)


def _failed(checks):
    return {(c.rule, c.where, c.expected, c.printed) for c in checks if not c.ok}


def test_000_failures(shared_dir):
    checks = _checks(shared_dir, "000")
    failed = {(rule, expected, printed) for rule, _, expected, printed in _failed(checks)}
    assert failed == {
        ("indicator_costs_sum", Decimal("64.60"), Decimal("63.70")),
        ("indicator_costs_sum", Decimal("87.00"), Decimal("57.00")),
        ("indicator_costs_sum", Decimal("207.70"), Decimal("144.00")),
        ("same_figure", Decimal("3640.41"), Decimal("3640.40")),
        ("same_figure", Decimal("3.34"), Decimal("2.34")),
        ("children_sum", Decimal("188.70"), Decimal("144.00")),
    }
    wheres = {c.where for c in checks}
    assert "说明七 机关运行补助经费 资金分配" in wheres
    assert "绩效目标表 “美丽昌吉”宣传活动 成本指标" in wheres
    assert "部门整体绩效目标表 本级安排" in wheres
    assert "说明十二（二） 政府采购预算" in wheres
    allocation = next(c for c in checks if c.where == "说明七 机关运行补助经费 资金分配")
    assert allocation.ok and allocation.printed == Decimal("57.00")
    assert allocation.provenance.line is not None


def test_004_failures(shared_dir):
    checks = _checks(shared_dir, "004")
    assert _failed(checks) == {
        ("same_figure", "阿克陶县分局物业费、制冷费项目 制冷费（绩效目标表65509.84元 vs 说明七）",
         Decimal("6.55"), Decimal("6.56")),
        ("same_figure", "阿克陶县分局物业费、制冷费项目 物业费（绩效目标表96478.13元 vs 说明七）",
         Decimal("9.65"), Decimal("9.64")),
    }
    sums = [c for c in checks if c.rule == "indicator_costs_sum"]
    assert len(sums) == 7 and all(c.ok for c in sums)


def test_001_findings(shared_dir):
    failed = _failed(_checks(shared_dir, "001"))
    assert ("indicator_costs_sum", "绩效目标表 昌吉州柴油货车及非道路移动机械抽测服务 成本指标",
            Decimal("17.44"), Decimal("17.43")) in failed
    assert ("indicator_costs_sum", "绩效目标表 链路及通讯费用 成本指标", Decimal("9.10"), Decimal("8")) in failed


def test_a_parts_own_breakdown_is_not_counted_twice(national) -> None:
    """长沙市信访局 2026 说明六（二）: “三公”经费 8.00 = 接待3.00 + 公务用车购置及运行费5.00 (其中购置0.00、运行5.00) +
    出国0.00. The breakdown of 公务用车购置及运行费 printed after it is its own, not more parts of 三公: no
    narrative_sum finding (13.00 against 8.00) — while the document's real gap (绩效目标表 合计 417.41 against
    its four projects' 286.91) is still found."""
    record = national["hunan_changsha/长沙市信访局_2026部门预算.pdf"]
    failed = [(c.rule, c.where, c.expected, c.printed) for c in record.checks if not c.ok]
    assert not [f for f in failed if f[0] == "narrative_sum" and "三公" in f[1]]
    assert ("children_sum", "绩效目标表 合计 vs 所列4个项目", Decimal("286.91"), Decimal("417.41")) in failed
