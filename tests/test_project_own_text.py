"""A project's own text printed beside its name and amount — a project table's 项目简介 column, a
说明's 重点项目 table, a performance sheet's 项目实施期目标 — is its description, and the documents that
text cites are the ones the project rests on (``kg.extract.project_cells``, ``narrative.performance``).
Every value below was read off the PDF by hand (pages are the PDF's own).

Reads four national documents from the session's one extraction; skips where ../shared/national is absent.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.model import Project, Record
from tests.national_support import documents_named, the_project

SAFETY = "shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf"
WEATHER = "shaanxi_xian/西安市气象局_2022部门综合预算.pdf"
ZHUHAI = "guangdong_zhuhai/珠海市商务局_2026部门预算.pdf"
QUANZHOU = "fujian_quanzhou/泉州市公安局_2026部门预算.pdf"


@pytest.fixture(scope="module")
def records(national) -> dict[str, Record]:
    """The four documents, from the session's one extraction of ../shared/national."""
    return documents_named(national, {name: name for name in (SAFETY, WEATHER, ZHUHAI, QUANZHOU)})



def _cited(project: Project) -> list[tuple]:
    return [(d.title, d.number, d.provenance.page if d.provenance else None) for d in project.policy_documents]


def test_intro_column_is_the_description_and_its_citations(records):
    """西安市安全生产监督管理局 2019 表10 (p.26): 驻局纪检组专项经费 5.00 printed beside the middle of its
    项目简介, a cell of eleven lines citing two notices — one titled with the notice it forwards."""
    project = the_project(records[SAFETY], "驻局纪检组专项经费")
    assert project.amount == Decimal("5.00")
    assert project.description.startswith("中共西安市纪律检查委员会、中共西安市委组织部")
    assert project.description.endswith("经核算，驻局纪检组专项经费需5万元，用于办公、差旅、办案等工作。")
    assert _cited(project) == [
        ("《关于做好市纪委派驻（出）机构管理保障工作的通知》", "市纪发〔2016〕8号", 26),
        ("《关于转发人力资源和社会保障部财政部〈关于调整纪检监察办案人员补贴标准的通知〉》", "市人社发〔2016〕165号", 26),
    ]
    # the record keeps where each is cited, through its JSON too
    from kg.extract.serialize import policy_json

    assert policy_json(project.policy_documents[0])["provenance"] == {
        "file": "西安市安全生产监督管理局_2019部门综合预算公开报表.pdf", "page": 26, "line": 556, "table": "项目支出表",
        "row": "驻局纪检组专项经费"}
    crossing = the_project(records[SAFETY], "安全生产铁路道口专项经费")
    assert crossing.amount == Decimal("20.00")
    assert crossing.description.startswith("依据《西安市铁路道口管理办法》要求：")
    assert crossing.description.endswith("特申请市财政专项预算20万元。")
    assert _cited(crossing) == [("《西安市铁路道口管理办法》", None, 26),
                                ("《西安市人民政府关于进一步加强安全生产工作的决定》", None, 26)]


def test_a_law_and_a_decree_number_in_a_list_stay_two_documents(records):
    """p.25: ``根据《安全生产法》、国务院[2010]23号令及省政府74号令`` — the 、 separates them; nothing after
    the 令's number is a title."""
    project = the_project(records[SAFETY], "安全生产业务费（含聘请专家费用、许可证发放、标准化建设、隐患排查经费、"
                                        "安全发展城市、文化建设经费）")
    assert _cited(project) == [("《安全生产法》", None, 25), (None, "国务院[2010]23号", 25)]


def test_every_project_of_the_intro_table_is_described(records):
    """表10 of both 西安 documents: every project row has its 项目简介 (the 表11 carry-over rows print none)."""
    safety = [p for p in records[SAFETY].projects if p.provenance[0].table == "项目支出表"]
    assert len(safety) == 14 and all(p.description for p in safety)
    weather = records[WEATHER]
    assert the_project(weather, "防雷及气象执法经费").description == "防雷三方机构服务、法律顾问费用，日常维持等"
    # a name spilt over three cells (``气`` | ``象灾害…业务运`` | ``维 6540000``) keeps its own text
    upkeep = the_project(weather, "气象灾害、空气质量、气象影视、农业气象等业务运维")
    assert upkeep.amount == Decimal("6540000.00")
    assert upkeep.description == "西安市气象灾害、空气质量、气象影视、农业气象等业务维持"


def test_key_project_table_of_the_explanation_joins_the_project_table(records):
    """珠海市商务局 2026 七、重点项目预算绩效目标情况 (p.33): 项目 | 预算数（单位：万元） | 绩效目标 — the
    heading printing its unit is no caption; 查验配套服务费 450 is 表12's project (p.22), described there
    and citing 财行〔2016〕10号, not a second project."""
    record = records[ZHUHAI]
    project = the_project(record, "查验配套服务费")
    assert project.amount == Decimal("450.00")
    assert [(p.table, p.page) for p in project.provenance] == [("项目支出表", 22), ("说明七", 33)]
    assert project.description.startswith("绩效目标：为了落实《财政部、海关总署、国家质检总局")
    assert "（财行〔2016〕10号）的要求" in project.description
    assert _cited(project) == [("《财政部、海关总署、国家质检总局、国家发展改革委、交通运输部、商务部关于免除查验没有"
                                "问题外贸企业吊装移位仓储费用全面免试点工作的通知》", "财行〔2016〕10号", 33)]
    assert len(record.projects) == 76  # the 22 rows of the 重点项目 table add no project


def test_key_project_table_with_another_amount_is_a_finding(records):
    """辅助人员补助经费-拱北海关: 表12 (p.24) prints 7,672.50, the 说明 (p.33) 7,672.25 — one project, the
    first place's amount, and the difference reported."""
    record = records[ZHUHAI]
    assert the_project(record, "辅助人员补助经费-拱北海关").amount == Decimal("7672.50")
    found = [c for c in record.checks if c.rule == "project_amount_places" and "拱北海关”" in c.where
             and "辅助人员" in c.where]
    assert [(c.printed, c.expected, c.ok) for c in found] == [(Decimal("7672.50"), Decimal("7672.25"), False)]


def test_implementation_period_goal_is_the_description(records):
    """泉州市公安局 2026 绩效目标表 (p.28): the only goal printed is 项目实施期目标."""
    record = records[QUANZHOU]
    assert the_project(record, "科技兴警").description == "深化科技兴警战略，提升公安机关新质战斗力。"
    assert all(p.description for p in record.projects)


def test_the_graph_answers_what_a_project_rests_on(records):
    """The citations reach the graph the way a 说明's do: the project ``bkg:basedOn`` the notice, the
    citation placed on its page; the question service's 依据 answer names it."""
    from kg.store.results import select_values
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records[SAFETY], records[ZHUHAI]])
    rows = select_values(store, """PREFIX bkg: <https://budgetkg.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?number ?page WHERE {
          ?p a bkg:Project ; rdfs:label ?name ; bkg:basedOn ?doc ; bkg:citation ?c .
          FILTER(str(?name) = "驻局纪检组专项经费")
          ?c bkg:citedDocument ?doc ; bkg:citedNumber ?number .
          GRAPH ?g { ?c prov:wasDerivedFrom ?loc . ?loc bkg:page ?page } }""")
    assert sorted((r["number"], r["page"]) for r in rows) == [("市人社发〔2016〕165号", 26), ("市纪发〔2016〕8号", 26)]
    text = answer("西安市安全生产监督管理局驻局纪检组专项经费依据哪些文件？", store).to_json()["text"]
    assert "市纪发〔2016〕8号" in text and "市人社发〔2016〕165号" in text
    text = answer("珠海市商务局查验配套服务费是干什么的？", store).to_json()["text"]
    assert "财行〔2016〕10号" in text


def test_a_heading_titling_a_table_is_a_section_of_the_explanation(records):
    """珠海 p.32: ``七、重点项目预算绩效目标情况`` titles the 重点项目 table; the 说明 has its 绩效目标 section."""
    found = [c for c in records[ZHUHAI].checks if c.rule == "required_section" and "绩效目标" in c.where]
    assert [(c.where, c.ok) for c in found] == [("必备说明 绩效目标情况说明", True)]
