"""Audit questions, second round: checks a document of any province needs, on the real documents
(exact figures as printed; skipped without ../shared)."""
from __future__ import annotations

import pytest


def rows(reply: dict, label: str) -> list[str]:
    return [a["value"] for a in reply["answers"] if a["label"] == label and "value" in a]


# ------------------------------------------------------------------ one subject, two stated changes
@pytest.mark.shared
def test_a_statement_without_its_current_figure_joins_the_one_its_rate_implies(ask_national):
    """国家信访局_2026部门预算.pdf 说明五 (p.19): 2014099其他信访事务支出 …比2025年执行减少21,519.26万元，减少
    85.59% (the extraction keeps no current figure for it); 说明五（三）6 (p.21): 其他信访事务支出（项）3,623.98万元，
    比2025年执行数增加2,022.94万元，增幅126.35%. 21,519.26 ÷ 85.59% − 21,519.26 = 3,622.76, within the rate's
    rounding of 3,623.98: one subject, two changes — each with the previous year it implies."""
    r = ask_national("国家信访局26年预算说明里，“其他信访事务支出”跟2025年执行数比到底是增还是减？前后说法一致吗？")
    assert sorted(rows(r, "其他信访事务支出比上年增减")) == ["-21519.26", "2022.94"]
    assert sorted(rows(r, "其他信访事务支出按此说法的上年数")) == ["1601.04", "25143.24"]
    assert rows(r, "其他信访事务支出") == ["3623.98"]
    assert "前后不一致" in r["text"]


# ------------------------------------------------------------------ a project's amount against its description
@pytest.mark.shared
def test_a_description_amount_comes_with_the_units_subtotal(ask_national):
    """西安市安全生产监督管理局_2019部门综合预算公开报表.pdf 表10 (pp.27–28): 西安市安全生产应急救援中心 carries
    平台运行维护费35.00、应急救援业务经费40.00、演练专项经费30.00、应急救援设备购置43.17 (148.17); the 演练
    project's 简介 asks “申请市财政预算拨款105万元”. The answer shows both figures, the gap and the unit's sum the
    table's 30.00 stands in."""
    r = ask_national("西安市安监局2019年的“安全生产应急救援演练专项经费”，表里金额和项目简介里申请的数一样吗？")
    assert rows(r, "安全生产应急救援演练专项经费 项目简介所写申请金额") == ["105.00"]
    assert rows(r, "安全生产应急救援演练专项经费 项目简介与表列金额相差") == ["75.00"]
    assert rows(r, "西安市安全生产应急救援中心项目合计") == ["148.17"]


# ------------------------------------------------------------------ a project's 说明 section as a whole
@pytest.mark.shared
def test_a_project_asked_with_a_sum_gets_its_sections_list_too(ask_national):
    """长春市信访局本级_2026部门预算.pdf 说明八 (p.18): 116+30+312+15.56 = 473.56 against 项目支出474.56, and
    信访局临聘人员经费 printed 15.56 where 预算表9 lists 16.56. Asked of that project and whether the projects
    add up, both checks of the section are the answer."""
    r = ask_national("长春市信访局的临聘人员经费，说明里写的和项目支出表里的一样吗？四个项目加起来是不是474.56？")
    found = {a["label"]: (a.get("printed"), a.get("expected")) for a in r["answers"]}
    assert found["说明八 项目支出预算 所列项目"] == ("474.56", "473.56")
    assert found["说明八 信访局临聘人员经费 vs 项目支出表"] == ("15.56", "16.56")


# ------------------------------------------------------------------ amounts a project's text names, summed
@pytest.mark.shared
def test_amounts_a_project_states_added_up_not_its_unit_prices(ask_national):
    """福州市民政局本级_2026单位预算.pdf 绩效目标表 (p.44): 市级困难群众救助补助金 资金总额16000.00万元; its text
    “2026年需预算安排城市低保3144万元，农村低保9721万元 … 特困人员救助供养金3344万元” adds up to 16209, 209
    more. Its cost indicators (人均补助标准>=750元/月, 特困供养标准>=1340元/月) are prices per month, not
    money to add. The project is named without its leading 市级."""
    for q in ("福州市民政局困难群众救助补助金里说低保、特困各要安排多少？加起来跟项目总额一致吗？",
              "福州市民政局“市级困难群众救助补助金”1.6亿，绩效目标里列的低保、特困供养几笔钱加起来对得上吗？"):
        r = ask_national(q)
        assert rows(r, "资金分配明细合计（3144+9721+3344）") == ["16209.00"], q
        assert "相差209.00万元" in r["text"]
        assert not rows(r, "人均补助标准")


# ------------------------------------------------------------------ stated changes added up
@pytest.mark.shared
def test_the_classes_stated_changes_against_the_totals(ask_national):
    """苏州市水务局_2026单位预算.pdf 一、收支预算总体情况说明 (pp.28–29): 收入预算总计92,596.24万元，比上年增加
    28,997.47万元; the four classes: 社会保障和就业 +5.31, 城乡社区 +13,424.11, 农林水 +15,540.97, 住房保障
    +27.08 — together 28,997.47, as stated."""
    r = ask_national("苏州水务局说今年比去年多了28997.47万，各类科目的增减加起来对得上吗？")
    assert rows(r, "各类增减之和") == ["28997.47"]
    assert rows(r, "农林水支出比上年增减") == ["15540.97"]
    assert rows(r, "收入预算总计比上年增减（说明所写）") == ["28997.47"]
    assert "对得上" in r["text"]


@pytest.mark.shared
def test_the_items_stated_changes_against_their_class(ask_national):
    """苏州市审计局_2026部门预算.pdf 说明一 (p.24) 一般公共服务支出（类）2,906.63万元，比上年减少17.08万元; 说明五
    (pp.25–26) 审计事务（款）行政运行（项）2,342.00 +27.86、一般行政管理事务（项）339.50 −55.03、事业运行（项）
    225.13 +10.09: 2,906.63 and −17.08 again; 住房保障 345.48+555.50+401.97 = 1,302.95, 11.97+266.46−245.30 = 33.13."""
    r = ask_national("苏州市审计局2026年预算说明里各项级科目的增减额加起来，和类级写的对得上吗？有没有写错？")
    assert rows(r, "一般公共服务支出所列项级金额之和") == ["2906.63"]
    assert rows(r, "一般公共服务支出所列项级增减之和") == ["-17.08"]
    assert rows(r, "住房保障支出所列项级增减之和") == ["33.13"]
    assert rows(r, "各类增减之和") == ["47.15"]


# ------------------------------------------------------------------ a quoted rate, recomputed
@pytest.mark.shared
def test_a_quoted_rate_gets_its_statement_recomputed(ask_national):
    """佛山市轨道交通局_2019部门决算.pdf 说明二（二）: 一般公共预算财政拨款支出1668.14万元，比年初预算增加1668.14万元，
    增长0% — a base of 0 gives no rate. Quoted in the question (增长0%), that statement is the answer, not the
    tables' 0.01 slips of the same 1668.14."""
    r = ask_national("佛山轨道交通局2019年决算说财政拨款支出比年初预算增加1668.14万元、增长0%，这个说法对吗？")
    rate = [a for a in r["answers"] if a["label"] == "一般公共预算财政拨款支出增减幅度"]
    assert rate and rate[0]["expected"] == "无法计算（基数为0）" and rate[0]["printed"] == "0%"


# ------------------------------------------------------------------ quantity × unit price
def test_priced_items_of_a_project_text():
    """The pricing words of 001 (链路及通讯费用) and 福州市商务局 2026 (办公楼物业), as the documents print them:
    8个点×400元/月 a year = 3.84万 (agrees), 1个点×1500元/月 a year = 1.80万 against the 3.6万 printed, and
    5137.26平方米 × 50.4元 a year = 258,917.904元, 25.89万元 to the printed cent. A monthly rent with no amount
    of its own in its sentence is not checked."""
    from decimal import Decimal

    from nlp.execute.unit_prices import priced_items

    links = priced_items("链路费包含：1、电视电话会议链路费，包含7县市1园区共8个点，400元/月/点，一年3.84万2.视频监控链路，共2点，"
                         "400元/月/点，一年9600元3、污染源数据传输电信互联网，1个点，1500元/月，一年3.6万元；4、机房保镖报警短信业务，"
                         "一年0.1万5、办公室日常电话费0.6万", Decimal("8.00"))
    assert [(i.name, i.computed, i.agrees) for i in links] == [
        ("电视电话会议链路费", Decimal("3.84"), True), ("视频监控链路", Decimal("0.96"), True),
        ("污染源数据传输电信互联网", Decimal("1.8"), False)]
    assert links[2].stated == Decimal("3.60") and links[2].printed == "1个点，1500元/月"
    rent = priced_items("根据《物业服务合同》租用面积5137.26平方米，年物业费每平米50.4元。", Decimal("25.89"))
    assert len(rent) == 1 and rent[0].computed == Decimal("25.8917904") and rent[0].agrees
    assert all(i.stated is None for i in priced_items("年房租万元。2026184.94（面积5137.26平方米，30元/月/平）"))


@pytest.mark.shared
def test_a_projects_priced_items_in_its_audit(ask):
    """001 链路及通讯费用 (8.00万元): 污染源数据传输电信互联网 1个点，1500元/月 is 1.80万 a year, printed 3.6万."""
    r = ask("监控中心“链路及通讯费用”8万，明细算下来对得上吗？")
    row = next(a for a in r["answers"] if a["label"] == "污染源数据传输电信互联网（1个点，1500元/月）")
    assert (row["value"], row["printed"], row["rule"]) == ("1.80", "3.60", "unit_price")
    assert "对不上" in r["text"]


@pytest.mark.shared
def test_a_familys_stated_changes_each_recomputed_and_added_up(ask_national):
    """杭州市司法局_2026部门预算.pdf 说明二（七） (pp.13–14): “三公”经费413.68万元，增加14.18万元、增长3.5%; 公务接待费
    74.00 持平; 公务用车购置及运行维护费339.68 +14.18 (4.4%); 购置151.68 +27.78 (22.4%); 运行维护188.00 −13.60
    (6.7%). Each rate follows from its own figures; 0 + 14.18 and 27.78 − 13.60 are the wholes' 14.18."""
    r = ask_national("杭州司法局三公经费说明里的增减数和增长率对得上吗？")
    assert rows(r, "“三公”经费合计上年数") == ["399.50"]
    assert rows(r, "公务接待费（说明所写）") == ["74.00"]
    assert rows(r, "公务用车购置及运行费（说明所写）") == ["339.68"]
    assert rows(r, "公务用车购置及运行费各项增减之和") == ["14.18"]
    assert "对不上" not in r["text"]


# ------------------------------------------------------------------ a figure with one digit too many
def test_one_digit_slip():
    """上海市普陀区司法局2026 编制说明第6条: 3845.49 比2025年执行数43269.3 增加17.62% — 43269.3 less its leading 4 is
    3269.3, and (3845.49 − 3269.3) ÷ 3269.3 = 17.62%; no other single digit left out fits."""
    from decimal import Decimal

    from nlp.execute.narrative_audit import _rate_fits, one_digit_slip

    current, said = Decimal("3845.49"), Decimal("17.62")
    assert one_digit_slip(Decimal("43269.30"), lambda x: _rate_fits(current, x, said)) == (Decimal("3269.30"), "4")
    assert one_digit_slip(Decimal("3269.30"), lambda x: _rate_fits(current, x, said)) is None


@pytest.mark.shared
def test_a_previous_figure_with_a_digit_too_many(ask):
    r = ask("普陀司法局说其他司法支出25年执行数43269.3万、26年3845.49万却“增加17.62%”，这说得通吗？")
    row = next(a for a in r["answers"] if a["label"] == "其他司法支出（2040699）上年数")
    assert (row["printed"], row["digit_slip"]) == ("43269.30", "去掉多印的“4”即3269.30")
    assert "去掉多印的“4”即3269.30万元" in r["text"]


# ------------------------------------------------------------------ vehicles against their money
@pytest.mark.shared
def test_no_vehicle_held_beside_money_to_run_one(ask_national):
    """上海市审计局_2026市级单位预算.pdf 说明五 (p.20): 截至2025年8月31日 车辆0辆; 说明一 (p.19) “三公”经费: 公务用车
    运行费28.00万元. With no table check failed, the two places that do not fit are the answer."""
    r = ask_national("上海市审计局说自己一辆车都没有，那公务用车运行费28万元是怎么回事？前后对得上吗？")
    assert rows(r, "截至2025年8月31日车辆数") == ["0"]
    assert "28.00" in rows(r, "公务用车运行费")
    assert "不相符" in r["text"]


# ------------------------------------------------------------------ one kind of funds, income against spending
@pytest.mark.shared
def test_a_funds_income_and_spending_changes_reconciled_by_its_carry_over(ask_national):
    """无锡市交通运输局本级_2026单位预算.pdf 说明一 (p.31): 政府性基金预算拨款收入143,999万元，比上年增加125,999万元
    (上年18,000); 说明十 (p.40): 政府性基金支出143,999万元，比上年增加31,183.05万元 (上年112,815.95); 说明一: 上年
    结转结余减少94,815.95万元 — exactly the gap: last year's spending was its income plus that carry-over."""
    r = ask_national("无锡市交通运输局本级2026年的政府性基金预算，比上年到底增加了多少？文中前后说法一致吗？")
    assert rows(r, "政府性基金预算拨款收入按此说法的上年数") == ["18000.00"]
    assert rows(r, "政府性基金支出预算支出按此说法的上年数") == ["112815.95"]
    assert rows(r, "政府性基金上年支出与上年收入相差") == ["94815.95"]
    assert "正是说明所写上年结转结余的变化" in r["text"]


@pytest.mark.shared
def test_a_vehicle_count_said_twice_comes_with_the_money_to_buy_them(ask_national):
    """杭州市司法局_2026部门预算.pdf 说明二（七）: 公务用车购置支出151.68万元，主要用于经批准购置的5辆公务用车; 说明二（十）:
    安排购置车辆6辆."""
    r = ask_national("杭州市司法局预算说明里关于买车的说法前后一致吗？")
    found = {a["label"]: a.get("value") for a in r["answers"]}
    assert found["说明二（七） 公务用车购置辆数 vs 说明二（十） 购置车辆"] == "5"
    assert found["公务用车购置费"] == "151.68"
