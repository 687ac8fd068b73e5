"""Names as people say them, vehicles a department holds or plans to buy, and 决算 completion
rates — over the real documents (the corpus, ../shared/realdocs and ../shared/national), values as
printed there."""
from __future__ import annotations

import pytest

from nlp import answer
from nlp.names import department_aliases


def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if "value" in a}


# ------------------------------------------------------------------ names (pure rules)
def test_a_cppcc_long_form_gives_no_party_office_alias():
    """中国人民政治协商会议江苏省委员会办公厅 is 省政协(办公厅), never 省委办(公厅)."""
    aliases = department_aliases("中国人民政治协商会议江苏省委员会办公厅")
    assert "省政协办公厅" in aliases and "省政协" in aliases and "江苏政协" in aliases
    assert not {"省委办", "省委办公厅", "省委员会办公厅"} & set(aliases)
    assert "省委办" in department_aliases("中共江苏省委办公厅")


def test_a_representative_body_is_named_for_its_office():
    aliases = department_aliases("江苏省人民代表大会常务委员会办公厅")
    assert {"省人大", "江苏人大", "省人大常委会"} <= set(aliases)


def test_a_place_and_the_field_name_the_department():
    """福州民政 / 西安审计: the place and the body's field, its kind (局) left unsaid; 本级/汇总 dropped."""
    assert {"福州民政", "福州民政局"} <= set(department_aliases("福州市民政局(本级)"))
    assert {"西安审计", "西安审计局"} <= set(department_aliases("西安市审计局（汇总）"))
    assert "民政" not in department_aliases("福州市民政局(本级)")  # never the field alone


# ------------------------------------------------------------------ the real graph
@pytest.mark.shared
def test_vehicles_held_and_per_vehicle_cost(ask):
    """上海市普陀区社会福利院2024年单位预算: 车辆2辆 (其他用车2辆, 截至2023年12月31日); 公务用车运行费
    6.40万元 → 平均每辆 3.20万元."""
    r = ask("福利院有几辆车？")
    assert r["intent"] == "profile" and r["parts"][0]["frame"]["focus"] == "assets"
    assert figures(r)["车辆"] == "2" and figures(r)["其他用车"] == "2"
    assert "2023年12月31日" in r["text"]
    assert {a["department"] for a in r["answers"]} == {"上海市普陀区社会福利院"}
    r = ask("福利院公务用车运行费平均一辆多少？")
    assert [d["value"] for d in r["derived"]] == ["3.20"]
    assert "6.40 ÷ 2辆" in r["text"]
    r = ask("福利院公务用车运行费多少、每辆车平均多少？")  # the cost per vehicle asked after the figure
    assert [d["value"] for d in r["derived"]] == ["3.20"]


@pytest.mark.shared
def test_vehicles_by_kind_and_planned_purchases(ask_national):
    """重庆市人民政府办公厅_2026部门预算情况说明: 车辆46辆 (机要通信用车2、应急保障用车15、其他按照规定配备的
    公务用车29); 杭州市司法局_2026部门预算: 计划购置执法执勤用车4辆、特种专业技术用车2辆."""
    r = ask_national("重庆市政府办公厅所属单位一共有多少辆车？什么车各几辆？")
    assert len(r["parts"]) == 1
    got = figures(r)
    assert (got["车辆"], got["机要通信用车"], got["应急保障用车"]) == ("46", "2", "15")
    r = ask_national("杭州司法局2026年公务用车买几辆？")
    got = figures(r)
    assert got["计划购置执法执勤用车"] == "4" and got["计划购置特种专业技术用车"] == "2"
    assert all(a["department"] == "杭州市司法局" for a in r["answers"])


@pytest.mark.shared
def test_short_names_with_scope_and_an_order_of_magnitude(ask_national):
    """福州民政本级 is 福州市民政局(本级); 上千万 is ≥ 1000万元 (福州市民政局本级_2026单位预算: 市级困难群众
    救助补助金 16000.00, 困难群众节日慰问金和价格补贴 6500.00, 养老事业发展资金 3300.00,
    市级扶持老区建设专项资金 1100.00)."""
    r = ask_national("福州民政本级26年项目资金上千万的有几个？")
    got = figures(r)
    assert got["市级困难群众救助补助金"] == "16000.00" and got["市级扶持老区建设专项资金"] == "1100.00"
    assert all(float(v) >= 1000 for k, v in got.items() if k != "项目个数") and "民政系统综合业务管理" not in got
    assert {a["department"] for a in r["answers"] if a.get("department")} == {"福州市民政局(本级)"}


@pytest.mark.shared
def test_completion_rate_asked_after_the_final_figure(ask_national):
    """国家信访局_2024部门决算: “三公”经费 决算 46.21 / 预算 76.43 → 完成率 60.46% (完成预算几成 is a
    completion rate of the figure just asked, not of another figure)."""
    r = ask_national("国家信访局2024年三公经费决算多少？完成预算几成？")
    assert len(r["parts"]) == 2
    assert "46.21 ÷ 76.43 = 60.46%" in r["parts"][1]["text"]
    assert "收入总计" not in r["text"]


# ------------------------------------------------------------------ years, yes/no, 决算 columns
@pytest.fixture(scope="module")
def ask_corpus(nlp_corpus_store):
    def _ask(question: str) -> dict:
        return answer(question, nlp_corpus_store).to_json()
    return _ask


@pytest.mark.shared
def test_yes_no_on_a_figure_with_the_change_the_document_states(ask_corpus):
    """004 克孜勒苏州生态环境局2024: 上年结转结余 0; 财政拨款结转比上年减少35.90万元 (下降100%) → 2023年
    35.90万元 (倒推); 上一年 in a later part is the year before that department's budget."""
    r = ask_corpus("克州生态环境局2024年有没有上年结转的钱？")
    assert r["text"].startswith("否。")
    assert figures(r)["是否"] == "否"
    assert [d["value"] for d in r["derived"]] == ["35.90"]
    assert "0.00 + 35.90 = 35.90" in r["text"]
    r = ask_corpus("克州环境局24年有上年结转结余吗？上一年预算里的财政拨款结转是多少")
    assert "2025" not in r["parts"][1]["text"] and "35.90" in r["parts"][1]["text"]


@pytest.mark.shared
def test_last_year_asked_after_this_year(ask_national):
    """广州市统计局_2026部门预算: “三公”经费 19.86万元, 比上年减少22.65万元 → 2025年 42.51万元."""
    r = ask_national("广州统计局三公经费今年多少？去年是多少？")
    assert len(r["parts"]) == 2
    assert "19.86 + 22.65 = 42.51" in r["parts"][1]["text"]
    assert "收入总计" not in r["text"]


@pytest.mark.shared
def test_a_subject_of_a_year_without_budget_and_an_unlisted_final_figure(ask_national):
    """国家信访局_2026部门预算 部门公开表5 prints 其他信访事务支出 2025年执行数 25,143.24 and, 扣除中央基建投资后,
    1,601.04, beside 本年 3,623.98; the year 2025 has no budget in the graph, so the table's own previous
    figures answer (the 说明's 比2025年执行数增加2,022.94 compares with the second). 国家信访局_2024部门决算
    prints the 三公 预算数 76.43 beside the 决算数 46.21."""
    r = ask_national("国家信访局“其他信访事务支出”2025年执行数是多少？")
    got = figures(r)
    assert got["2025年其他信访事务支出执行数"] == "25143.24"
    assert got["2025年其他信访事务支出执行数（扣除中央基建投资后）"] == "1601.04"
    assert got["2026年其他信访事务支出预算数"] == "3623.98"
    r = ask_national("国家信访局2024年三公经费预算数和决算数各多少？")
    got = figures(r)
    assert got["“三公”经费合计"] == "46.21" and got["“三公”经费合计（预算数）"] == "76.43"


@pytest.mark.shared
def test_whether_a_figure_is_the_whole_of_its_total(ask):
    """江苏省高级人民法院2019年度部门预算公开: 一般公共预算拨款收入 37188.34 = 收入总计 → 是, 100.00%;
    a yes/no question about a property (是财政拨的吗) gets no 是 from a figure merely existing."""
    r = ask("江苏高院2019年的收入全部是一般公共预算吗？")
    assert r["text"].startswith("是。") and "37188.34" in r["text"]
    assert [d["value"] for d in r["derived"]] == ["100.00"]
    r = ask("普陀社会福利院24年那262万项目支出是财政拨的吗？")
    assert not r["text"].startswith("是。")


@pytest.mark.shared
def test_a_subject_the_year_before_from_the_next_budget(ask):
    """上海市普陀区司法局2026年部门预算: 信息化建设 227.88万元, 比上年增长277.22% (no amount printed) →
    2025年 60.41万元 (printed beside it: 2025年当年预算执行数), 即增加167.47万元. 江苏省人大办公厅2017年度预算公开: 会议费
    1305.25 (上年1709), 培训费 403.75 (上年0) — the document's own previous figures."""
    r = ask("普陀司法局信息化建设这项，2025年实际执行了多少？26年比它涨了多少？")
    assert "2025年为60.41万元" in r["text"] and "即增加167.47万元" in r["text"]
    assert [d["value"] for d in r["derived"]] == ["167.47"]
    r = ask("人大办公厅2016年会议费、培训费预算各是多少？")
    got = figures(r)
    assert got["2016年会议费"] == "1709.00" and got["2016年培训费"] == "0.00"
    assert got["2017年会议费"] == "1305.25" and got["2017年培训费"] == "403.75"


@pytest.mark.shared
def test_staffing_by_kind_of_post(ask):
    """江苏省人大办公厅2017年度预算公开: 编制339人 (行政199、行政附属104、事业36), 在职274人."""
    r = ask("江苏省人大常委会办公厅（2017）编制多少？实际在职多少人？")
    got = figures(r)
    assert got["编制数"] == "339" and got["在职人数"] == "274"
    assert (got["编制数（行政）"], got["编制数（行政附属）"], got["编制数（事业）"]) == ("199", "104", "36")
    assert "编制数339人（" in r["text"]


@pytest.mark.shared
def test_a_subject_only_the_narrative_states(ask):
    """江苏省人大办公厅2017年度预算公开 states 会议费 1305.25万元 and 培训费 403.75万元 in its text, and prints
    them in no economic table; its 三公 table (表11) prints them beside the 三公, which answers (issue 9)."""
    r = ask("江苏省人大办公厅2017年会议费多少？")
    assert figures(r) == {"会议费": "1305.25"}
    assert "“三公”经费表表11所列" in r["text"]


@pytest.mark.shared
def test_a_person_the_document_does_not_name(ask_corpus):
    """000 昌吉州生态环境局2025: 聘请专家开展核查评估项目 lists no 项目负责人 — said so, nobody named."""
    r = ask_corpus("昌吉州“聘请专家开展核查评估项目”的负责人是谁？")
    assert r["answers"] == []
    assert "未列明" in r["text"] and "万元" not in r["text"].split("（我的理解")[0]


def test_a_statement_about_a_narrower_expense_is_not_about_the_total():
    """一般公共预算拨款安排的会议费预算支出 is a statement about 会议费, not the 一般公共预算 total;
    公务用车运行维护费 is about the vehicle running costs themselves."""
    from nlp.execute.figures import _about

    assert not _about("一般公共预算拨款安排的会议费预算支出", "general_public_budget")
    assert not _about("一般公共预算机关运行经费预算支出", "general_public_budget")
    assert _about("一般公共预算收入预算", "general_public_budget")
    assert _about("公务用车运行维护费", "three_public.vehicle_operation")
    assert _about("财政拨款“三公”经费", "three_public.total")


@pytest.mark.shared
def test_vehicle_values_the_narrative_states(ask):
    """004 (克州生态环境局 2024) 说明十二（三）: 车辆 3 辆，价值 64.52 万元；其中一般公务用车 1 辆，价值 21.19 万元；
    执法执勤用车 2 辆，价值 43.33 万元."""
    r = ask("克州生态环境局有几辆车？值多少钱？")
    got = figures(r)
    assert (got["车辆"], got["车辆价值"], got["一般公务用车价值"], got["执法执勤用车价值"]) == ("3", "64.52", "21.19", "43.33")
