"""The web tests' graph: two fictional departments built as records, loaded into the real stores.

Why here: the browser, protocol and security tests (and the analytics tests that draw pages) share
one small graph with known figures, one project whose name carries a script tag, and one failed
check; the web package itself carries no test data."""
from __future__ import annotations

import os
from decimal import Decimal as D

from kg.extract.model import (Check, FunctionalSubject, Indicator, PolicyDocument, Profile, Project,
                              Provenance, Record, Staffing, ThreePublic, Totals)

XSS = "<script>window.__xss=1</script>"
XSS_PROJECT = f"{XSS}宣传项目"


def sample_records() -> list[Record]:
    """Two fictional departments (青山市 does not exist), two years, projects citing policies,
    one failed check, and one project whose name carries a script tag (security tests)."""
    air_policy = PolicyDocument(title="《青山市大气污染防治行动计划》", number="青政发〔2023〕12号")
    water_policy = PolicyDocument(title="《青山市水污染防治工作方案》", number="青政办〔2022〕7号")
    rec1 = Record(
        source="qingshan_env_2025.txt", department="青山市生态环境局", year=2025, kind="部门预算", unit="万元",
        profile=Profile(divisions=["办公室", "大气环境科"], staffing=Staffing(authorized=20, actual=30, active=20,
                                                                         retired=10, retired_veteran=0)),
        totals=Totals(income_total=D("1500.00"), expenditure_total=D("1500.00"),
                      current_year_income=D("1200.00"), general_public_budget=D("1000.00"),
                      upper_level_transfer=D("200.00"), carryover_total=D("300.00"),
                      carryover_fiscal=D("300.00"), basic_expenditure=D("600.00"),
                      project_expenditure=D("900.00"),
                      three_public=ThreePublic(total=D("6.39"), overseas=D("0.00"), reception=D("0.39"),
                                               vehicles=D("6.00")),
                      provenance={"income_total": Provenance(file="qingshan_env_2025.txt", line=40,
                                                             table="表1", row="收入总计")}),
        functional_subjects=[
            FunctionalSubject("211", "节能环保支出", D("1500.00"), D("600.00"), D("900.00")),
            FunctionalSubject("21103", "污染防治", D("900.00"), None, D("900.00")),
            FunctionalSubject("2110301", "大气", D("700.00"), None, D("700.00"),
                              provenance=Provenance(file="qingshan_env_2025.txt", line=88, table="表3",
                                                    row="2110301")),
            FunctionalSubject("2110302", "水体", D("200.00"), None, D("200.00")),
        ],
        projects=[
            Project(name="空气质量自动监测站运维费", amount=D("500.00"), category="current",
                    functional_code="2110301", funding_source="general_public_budget",
                    policy_documents=[air_policy],
                    indicators=[Indicator("产出指标", "数量指标", "站点维护数量", ">=16个", D("20"))],
                    provenance=[Provenance(file="qingshan_env_2025.txt", line=120, table="表7",
                                           row="空气质量自动监测站运维费")]),
            Project(name="大气污染源排放清单编制", amount=D("200.00"), category="current",
                    functional_code="2110301", funding_source="upper_level_transfer",
                    policy_documents=[air_policy]),
            Project(name="河流断面水质监测", amount=D("200.00"), category="carryover",
                    functional_code="2110302", funding_source="carryover_fiscal",
                    policy_documents=[water_policy, air_policy]),
        ],
        policy_documents=[air_policy, water_policy],
        checks=[Check("children_sum", "表3 21103", D("900.00"), D("900.00"), True),
                Check("children_sum", "表3 211", D("1500.00"), D("1499.99"), False,
                      Provenance(file="qingshan_env_2025.txt", line=86, table="表3", row="211"))],
    )
    rec2 = Record(
        source="qingshan_monitor_2024.txt", department="青山市环境监测站", year=2024, kind="部门预算", unit="万元",
        totals=Totals(income_total=D("300.00"), expenditure_total=D("300.00"),
                      general_public_budget=D("300.00"), basic_expenditure=D("220.00"),
                      project_expenditure=D("80.00")),
        functional_subjects=[FunctionalSubject("211", "节能环保支出", D("300.00"), D("220.00"), D("80.00"))],
        projects=[Project(name=XSS_PROJECT, amount=D("80.00"), category="current", functional_code="2110301",
                          funding_source="general_public_budget", policy_documents=[water_policy])],
        policy_documents=[water_policy],
        checks=[Check("income_equals_expenditure", "表1", D("300.00"), D("300.00"), True)],
    )
    return [rec1, rec2]


def build_oxigraph_store(path: str | os.PathLike, records: list[Record] | None = None) -> str:
    """Ingest ``records`` the way ``budgetkg ingest`` does (``kg.graph.load.ingest_records``: one named
    graph each, the ontology graph, the store's union) into an on-disk oxigraph store at ``path``;
    returns the store URL."""
    from kg.graph.load import ingest_records
    from kg.store import open_store

    url = f"oxigraph:{path}"
    store = open_store(url)
    try:
        ingest_records(store, records if records is not None else sample_records())
    finally:
        store.close()
    return url


def build_memory_store(records: list[Record] | None = None):
    """The same graph in the project's in-process ``memory`` store (rdflib), for the thread path."""
    from kg.graph.load import ingest_records
    from kg.store import open_store

    store = open_store("memory")
    ingest_records(store, records if records is not None else sample_records())
    return store
