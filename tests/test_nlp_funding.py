"""Funding questions on the real documents: a quoted project name keeps its own year (the
“2023年结余资金” project is not a question about 2023), and a list of projects asked after a funding
figure (上级转移支付有多少？花在哪个项目上) is the projects that money funds. Every figure below is
the one printed in the documents (comments name the table)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared

KEZHOU = "克孜勒苏柯尔克孜自治州生态环境局"
CHANGJI = "昌吉回族自治州生态环境局"


def test_a_year_inside_a_quoted_project_name_is_not_the_year_asked(ask):
    # corpus 004 (克州 2024) 非财政拨款项目: “2023年结余资金” 30.00, funded by 单位资金
    reply = ask("克州环境局那个“2023年结余资金”项目，是不是财政拨款安排的？")
    assert reply["text"].startswith("不是，“2023年结余资金”（克孜勒苏柯尔克孜自治州生态环境局2024年，30.00万元）")
    assert [(a["label"], a.get("value"), a.get("department"), a.get("year"))
            for a in reply["answers"]][:1] == [("单位资金", "30.00", KEZHOU, 2024)]


def test_projects_asked_after_a_funding_figure_are_the_projects_it_funds(ask):
    # corpus 000 (昌吉 2025) 收入预算: 上级转移支付 1,008.30; the one project funded by it is the
    # 昌州财建【2024】126号 大气污染防治资金 project of 1,008.30
    reply = ask("昌吉州生态环境局25年上级转移支付的钱有多少？花在哪个项目上？")
    values = [(a.get("value"), a.get("department")) for a in reply["answers"]]
    assert values == [("1008.30", CHANGJI), ("1008.30", CHANGJI), ("1", None), ("1008.30", None)]
    assert reply["answers"][0]["label"] == "上级转移支付"
    assert "126号" in reply["answers"][1]["label"]
    assert [a["label"] for a in reply["answers"][2:]] == ["项目个数", "涉及金额合计"]
