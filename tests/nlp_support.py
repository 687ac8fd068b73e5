"""Graphs for the question-answering tests (``tests/test_nlp_*.py``).

Two graphs, both built through the real path (records → ``kg.graph.load.ingest_records`` → store):
- the corpus graph: ``../shared/corpus`` read by the real extractor;
- a small graph the tests build themselves from the fictional 青山市 budgets of
  ``tests/fixtures/records.py`` (plus a few projects with persons, indicators, policy documents,
  carried-over and unit-funds items), so a bare clone tests every intent.

The small records carry 比上年 statements (``record.changes``), mapped to ``bkg:Change`` nodes, so
the change intent is tested on a bare clone too.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from kg.extract.model import Check, Indicator, PolicyDocument, Project, Record

D = Decimal


def open_memory_store():
    from kg.store.oxigraph import OxigraphStore

    return OxigraphStore(None)


def ingest(store, records: list[Record]) -> None:
    from kg.graph.load import ingest_records

    ingest_records(store, records)


def small_records() -> list[Record]:
    """青山市生态环境局 2024 and 2025, 青山市教育局 2025, with the extras every intent needs."""
    from tests.fixtures.records import qingshan_ecology, qingshan_education

    eco24, eco25, edu = qingshan_ecology(2024), qingshan_ecology(2025, misprint=True), qingshan_education()
    for p in eco25.projects:
        p.responsible_person = "李青" if "监测" in p.name else "王山"
    audit = next(p for p in eco25.projects if p.name == "排放源统计年报审核")
    audit.indicators = [
        Indicator("产出指标", "数量指标", "审核企业数量", ">=120家", D(10)),
        Indicator("产出指标", "质量指标", "技术分析报告验收合格率", "=100%", D(7)),
        Indicator("产出指标", "时效指标", "项目完成时限", "2025年12月10日前", D(7)),
        Indicator("满意度指标", "服务对象满意度指标", "企业满意度", ">=90%", D(10)),
    ]
    audit.policy_documents = [PolicyDocument("《排放源统计调查制度》", "环办综合〔2024〕5号")]
    audit.description = "用于排放源统计年报审核：专家评审费12万元，数据核查费18万元。"
    eco25.policy_documents = [PolicyDocument("《排放源统计调查制度》", "环办综合〔2024〕5号")]
    eco25.projects.append(Project(name="水源地环境隐患排查整治项目", amount=D("68.64"), category="carryover",
                                  functional_code="2110301", funding_source="carryover_fiscal",
                                  responsible_unit="青山市生态环境局"))
    eco25.projects.append(Project(name="单位自有资金运转项目", amount=D("30.00"), category="unit_funds",
                                  functional_code="2110101", funding_source="unit_funds",
                                  responsible_unit="青山市生态环境局"))
    eco25.checks.append(Check("children_sum", "表3 21101", D("552.58"), D("552.57"), False))
    eco25.checks.append(Check("children_sum", "表2 21101", D("552.58"), D("552.57"), False))
    eco25.definitions = {"三公经费": "指因公出国（境）费、公务用车购置及运行费和公务接待费。"}
    eco25.changes = [{"subject": "一般公共预算", "amount": "120.50", "direction": "increase", "percent": "5.00",
                      "current": str(eco25.totals.general_public_budget)},
                     {"subject": "机关运行经费", "amount": "3.20", "direction": "increase", "percent": "2.65",
                      "current": str(eco25.totals.operating_expenses), "reason": "办公楼取暖面积增加"}]
    # facts every kind of question must reach (issue 9): a subordinate unit, the department's own
    # performance targets, a project's execution period and the sub-items of its money
    eco25.profile.subordinate_units = ["青山市环境监测站"]
    eco25.department_indicators = [
        Indicator("产出指标", "数量指标", "空气自动监测站点运行数量", ">=12个", D(30)),
        Indicator("效果指标", "满意度指标", "公众对生态环境满意度", ">=85%", D(20)),
    ]
    monitor = next(p for p in eco25.projects if p.name == "生态环境监测网络运维")
    monitor.execution_period = "2025年1月至12月"
    monitor.description = "用于监测站点运维：站点设备维保1200.00万元，数据传输591.74万元。"
    eco24.changes = [{"subject": "一般公共预算", "amount": "56.35", "direction": "increase", "percent": "4.03",
                      "current": str(eco24.totals.general_public_budget)}]
    return [eco24, eco25, edu]


def reply_labels(reply: dict) -> list[str]:
    """The labels of a reply's answer rows, in order."""
    return [a.get("label", "") for a in reply.get("answers") or []]


def reply_part(reply: dict, n: int) -> dict:
    """The n-th part of a reply (1-based), as a reply of its own for ``reply_labels`` / ``reply_numbers``."""
    part = reply["parts"][n - 1]
    return {"text": part["text"], "answers": part.get("answers") or []}


def reply_numbers(reply: dict) -> set[Decimal]:
    """Every figure a reply's text prints, as ``Decimal`` (grouping commas read as part of the figure:
    ``42,753.31`` is one figure) — what the tests compare with the printed figures."""
    return {Decimal(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", reply["text"])}
