"""What the narrative lists without saying it lists: a total followed by its parts after a bare
comma (checked, not recorded), a single subordinate unit named as an organisation, and a
决算's 项目名称 / 自评分数 list. Real documents of ../shared/national, exact figures as printed."""
from __future__ import annotations

from decimal import Decimal


def _checks(record, rule: str) -> dict[str, tuple[Decimal, Decimal, str]]:
    return {c.where: (c.expected, c.printed, c.severity) for c in record.checks if c.rule == rule}


def test_a_total_listed_after_a_bare_comma_is_checked(national) -> None:
    """长春市信访局本级 2026 说明八 (p.18): 项目支出预算474.56万元，2026信访接待中心运行费116万元，2026信访专项
    经费30万元，2026驻京经费312万元，信访局临聘人员经费15.56万元 — the four add up to 473.56."""
    record = national["jilin_changchun/长春市信访局本级_2026部门预算.pdf"]
    checks = _checks(record, "narrative_sum")
    expected, printed, _ = checks["说明八 项目支出预算 所列项目"]
    assert (expected, printed) == (Decimal("473.56"), Decimal("474.56"))
    # the explicit 其中 list of 说明九 keeps all its twelve parts (物业费 36.18 heads no list of its own)
    assert checks["说明九 系统机关运行经费预算总计 所列分项"][:2] == (Decimal("198.40"), Decimal("211.00"))
    assert not any(where.startswith("说明九 物业费") for where in checks)


def test_an_implicit_list_adds_no_records(national) -> None:
    """The list of 说明八 is checked only: the projects stay those of the project table (16.56, not 15.56)."""
    record = national["jilin_changchun/长春市信访局本级_2026部门预算.pdf"]
    amounts = {p.name: p.amount for p in record.projects}
    assert amounts["信访局临聘人员经费"] == Decimal("16.56")


def test_one_subordinate_unit_named_alone(national) -> None:
    """苏州市审计局 2026 (p.5): 本部门下属单位包括：苏州市经济责任审计中心（非独立编制预算单位）; the budget
    units (p.6) name only 苏州市审计局 itself. 深圳市财政局 2026 (p.6): 1 个非独立核算参公单位：深圳市财政国库支付中心."""
    suzhou = national["jiangsu_suzhou/苏州市审计局_2026部门预算.pdf"]
    assert suzhou.profile.subordinate_units == ["苏州市经济责任审计中心"]  # the bracketed note is no part of the name
    shenzhen = national["guangdong_shenzhen/深圳市财政局_2026部门预算.pdf"]
    assert shenzhen.profile.subordinate_units == ["深圳市财政国库支付中心"]


def test_a_list_of_self_evaluation_scores(national) -> None:
    """佛山市轨道交通局 2019 决算 (p.29): 项目名称 / 自评分数, seven projects."""
    record = national["guangdong_foshan/佛山市轨道交通局_2019部门决算.pdf"]
    scores = {p.name: p.self_evaluation_score for p in record.projects}
    assert scores == {"质量抽检和试验检测管理": Decimal("100"), "2019年度聘请专家人员经费": Decimal("96.53"),
                      "佛山市轨道交通局开办经费": Decimal("97.87"), "轨道交通建设管理咨询服务": Decimal("100"),
                      "轨道交通工程质量安全行业监管技术服务": Decimal("99.71"),
                      "城市轨道及湾华控制中心质量安全监管服务": Decimal("100"),
                      "广佛两市轨道交通系统一体化规划": Decimal("100")}
    assert all(p.amount is None and p.provenance[0].page == 29 for p in record.projects)


def test_the_lowest_scores_asked(ask_national) -> None:
    reply = ask_national("佛山轨道交通局2019年那7个项目的绩效自评，得分最低的两个是哪两个？多少分？")
    assert [a["label"] for a in reply["answers"] if a.get("unit") != "分"][:2] == \
        ["2019年度聘请专家人员经费", "佛山市轨道交通局开办经费"]
    assert "96.53" in reply["text"] and "97.87" in reply["text"]


def test_the_narratives_list_asked_against_its_total(ask_national) -> None:
    reply = ask_national("长春信访局情况说明里列的几个项目钱数，加起来对得上项目支出总额吗？")
    listed = reply["text"].split("印474.56，应为473.56", 1)  # then the items listed, then the gap
    assert len(listed) == 2 and "相差1.00万元" in listed[1].split("；")[0]
    assert "说明八 信访局临聘人员经费 vs 项目支出表：印15.56，应为16.56" in reply["text"]


def test_a_project_section_headed_by_its_name(national) -> None:
    """国家信访局 2026 (p.25–27): 1.报全国人大审议的一级项目—信息化运行维护项目情况, （2）立项依据: 《信访工作条例》
    and 《关于着力推进信访工作法治化的意见》 (《条例》 later is the first one again, no document of its own)."""
    record = national["central/国家信访局_2026部门预算.pdf"]
    project = next(p for p in record.projects if p.name == "信息化运行维护")
    assert project.amount == Decimal("2134.87")
    assert [d.title for d in project.policy_documents] == ["《信访工作条例》", "《关于着力推进信访工作法治化的意见》"]


def test_a_short_back_reference_is_no_document() -> None:
    from kg.extract.narrative.policy import find_policy_documents

    docs = find_policy_documents("贯彻落实《信访工作条例》……信访信息化工作作为落实《条例》的重要举措")
    assert [d.title for d in docs] == ["《信访工作条例》"]
