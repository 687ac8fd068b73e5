"""Small hand-made records for the graph tests: a bare clone (no ../shared) tests every mapping
rule, store and query with them.

Three budgets: department A under its long name in 2024 (万元), the same department under its
short name in 2025 (a carried-over project continuing a 2024 one, a policy cited again with other
brackets), and department C in 2024 printed in 元 (exact conversion to 万元).
"""
from __future__ import annotations

from decimal import Decimal as D

from kg.extract.model import (Check, EconomicSubject, FunctionalSubject, Indicator, PolicyDocument,
                              Procurement, Profile, Project, Provenance, Record, Staffing,
                              ThreePublic, Totals)

DEPT_A_LONG = "昌吉回族自治州生态环境局"
DEPT_A_SHORT = "昌吉州生态环境局"
DEPT_C = "测试县环境监测站"
AIR_LAW = PolicyDocument(title="《大气污染防治行动计划》", number="国发〔2013〕37号")


def record_a() -> Record:
    return Record(
        source="a_2024.txt", department=DEPT_A_LONG, year=2024, kind="部门预算", unit="万元",
        profile=Profile(divisions=["办公室", "大气环境科"],
                        staffing=Staffing(authorized=20, actual=30, active=20, retired=10, retired_veteran=0)),
        totals=Totals(
            income_total=D("500.00"), expenditure_total=D("500.00"), current_year_income=D("450.00"),
            general_public_budget=D("450.00"), upper_level_transfer=D("100.00"), unit_funds=D("0.00"),
            carryover_total=D("50.00"), carryover_fiscal=D("50.00"), basic_expenditure=D("300.00"),
            personnel=D("250.00"), public_expenses=D("50.00"), project_expenditure=D("200.00"),
            operating_expenses=D("50.00"),
            three_public=ThreePublic(total=D("5.00"), overseas=D("0.00"), reception=D("1.00"),
                                     vehicles=D("4.00"), vehicle_purchase=D("0.00"), vehicle_operation=D("4.00")),
            procurement=Procurement(total=D("30.00"), goods=D("30.00"), works=D("0.00"), services=D("0.00")),
            provenance={"three_public.total": Provenance(file="a_2024.txt", line=120, table="表10", row="合计")}),
        functional_subjects=[
            FunctionalSubject("211", "节能环保支出", D("500.00"), D("300.00"), D("200.00"),
                              Provenance(file="a_2024.txt", line=40, table="表3", row="211")),
            FunctionalSubject("21101", "环境保护管理事务", D("300.00"), D("300.00"), None),
            FunctionalSubject("2110101", "行政运行", D("300.00"), D("300.00"), None),
            FunctionalSubject("21103", "污染防治", D("200.00"), None, D("200.00")),
            FunctionalSubject("2110301", "大气", D("200.00"), None, D("200.00")),
        ],
        economic_subjects=[
            EconomicSubject("301", "工资福利支出", D("250.00"), D("250.00"), None),
            EconomicSubject("30101", "基本工资", D("250.00"), D("250.00"), None),
            EconomicSubject("302", "商品和服务支出", D("50.00"), None, D("50.00")),
            EconomicSubject("30201", "办公费", D("50.00"), None, D("50.00")),
        ],
        projects=[
            Project(name="大气污染防治监测项目", aliases=["大气监测项目"], amount=D("150.00"),
                    category="current", functional_code="2110301", funding_source="general_public_budget",
                    responsible_unit=DEPT_A_SHORT, responsible_person="周燕 13999912345",
                    policy_documents=[AIR_LAW],
                    indicators=[
                        Indicator("产出指标", "数量指标", "监测站点数", ">=10个", D("20")),
                        Indicator("效益指标", "社会效益指标", "公众知晓率", ">=90%", D("10")),
                        Indicator("满意度指标", "服务对象满意度指标", "群众满意度", ">=95%", D("10")),
                    ],
                    description="用于大气监测站运维，联系电话：0994-2345678",
                    provenance=[Provenance(file="a_2024.txt", line=200, table="表7", row="大气污染防治监测项目")]),
            Project(name="环保宣传教育经费", amount=D("50.00"), category="current", functional_code=None,
                    funding_source="upper_level_transfer", responsible_unit=DEPT_A_LONG,
                    responsible_person="白瑜",
                    policy_documents=[PolicyDocument(title="《环境宣传教育行动纲要》", number=None)],
                    indicators=[Indicator("产出指标", "时效指标", "完成时限", "2024年12月31日前", D("10"))]),
            Project(name="排污许可证核查与审核", amount=D("50.00"), category="carryover",
                    funding_source="carryover_fiscal", responsible_unit=DEPT_A_LONG),
        ],
        department_indicators=[Indicator("履职效能", "数量指标", "监测报告数量", "=12份", D("30"))],
        policy_documents=[AIR_LAW, PolicyDocument(title="《环境宣传教育行动纲要》", number=None)],
        checks=[
            Check("income_equals_expenditure", "表1 收入总计 = 支出总计", D("500.00"), D("500.00"), True),
            Check("children_sum", "表3 211", D("500.01"), D("500.00"), False,
                  Provenance(file="a_2024.txt", line=40, table="表3", row="211")),
        ],
        definitions={"三公经费": "因公出国（境）费、公务用车购置及运行费和公务接待费。"},
        changes=[{"subject": "一般公共预算", "amount": "50.00", "direction": "increase", "percent": "12.50",
                  "current": "450.00", "reason": "项目增加",
                  "provenance": {"file": "a_2024.txt", "line": 300, "table": "说明二"}},
                 {"subject": "公务用车运行费", "amount": "1.50", "direction": "decrease", "percent": "27.27",
                  "current": "4.00", "reason": "压减"}],
    )


def record_b() -> Record:
    return Record(
        source="b_2025.txt", department=DEPT_A_SHORT, year=2025, kind="部门预算", unit="万元",
        profile=Profile(divisions=["办公室"], staffing=Staffing(authorized=21, actual=31)),
        totals=Totals(income_total=D("600.00"), expenditure_total=D("600.00"),
                      general_public_budget=D("520.00"), carryover_fiscal=D("80.00"),
                      basic_expenditure=D("320.00"), project_expenditure=D("280.00")),
        functional_subjects=[
            FunctionalSubject("211", "节能环保支出", D("600.00"), D("320.00"), D("280.00")),
            FunctionalSubject("21101", "环境保护管理事务", D("320.00"), D("320.00"), None),
            FunctionalSubject("2110101", "行政运行", D("320.00"), D("320.00"), None),
            FunctionalSubject("21103", "污染防治", D("280.00"), None, D("280.00")),
            FunctionalSubject("2110301", "大气", D("180.00"), None, D("180.00")),
            FunctionalSubject("2110302", "水体", D("100.00"), None, D("100.00")),
        ],
        projects=[
            Project(name="水污染防治项目", amount=D("100.00"), category="current", functional_code="2110302",
                    funding_source="general_public_budget", responsible_unit=DEPT_A_SHORT,
                    responsible_person="周燕",
                    policy_documents=[PolicyDocument(title="大气污染防治行动计划", number="国发[2013]37号")],
                    indicators=[Indicator("产出指标", "质量指标", "水质达标率", "=100%", D("15"))]),
            Project(name="大气监测项目", amount=D("40.00"), category="carryover",
                    funding_source="carryover_fiscal", responsible_unit=DEPT_A_SHORT),
        ],
        checks=[Check("children_sum", "表3 211", D("600.00"), D("600.00"), True)],
    )


def record_c() -> Record:
    """Printed in 元: every amount in the graph is the 元 figure / 10000, exactly."""
    return Record(
        source="c_2024.txt", department=DEPT_C, year=2024, kind="单位预算", unit="元",
        totals=Totals(income_total=D("2188620.00"), expenditure_total=D("2188620.00"),
                      general_public_budget=D("2038620.00"), unit_funds=D("150000.00"),
                      three_public=ThreePublic(total=D("12345.67"))),
        functional_subjects=[FunctionalSubject("211", "节能环保支出", D("2188620.00"), None, None)],
        projects=[Project(name="执法能力建设项目", amount=D("150000.00"), category="unit_funds",
                          funding_source="unit_funds", responsible_unit=DEPT_C, responsible_person="李四",
                          indicators=[Indicator("产出指标", "数量指标", "执法检查次数", ">=12次", D("10")),
                                      Indicator("效益指标", "可持续影响指标", "执法能力", "有效提升", D("10"))])],
        checks=[Check("children_sum", "表1 收入总计", D("2188620.01"), D("2188620.00"), False)],
    )


def small_records() -> list[Record]:
    return [record_a(), record_b(), record_c()]
