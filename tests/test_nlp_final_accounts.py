"""决算 columns through the question service, on the real 国家信访局 2024 部门决算 (../shared/national,
read once per session by the ``national_extraction`` fixture): a final account prints 预算数 beside
决算数; a question gets the document's own column (决算数) unless it names the budget column or asks
a completion rate, and the completion rate is 决算数 ÷ 预算数 with its formula."""
from __future__ import annotations

import pytest

from nlp import answer

pytestmark = pytest.mark.shared

FINAL = "central/国家信访局_2024部门决算.pdf"


@pytest.fixture(scope="module")
def ask(national_extraction):
    from tests import nlp_support

    records, _failures = national_extraction
    if FINAL not in records:
        pytest.skip(f"{FINAL} not read")
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records[FINAL]])

    def _ask(question: str) -> dict:
        return answer(question, store).to_json()
    return _ask


def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if "value" in a}


def test_a_final_account_answers_with_its_own_column(ask):
    # p.?: “三公”经费 决算数 46.21 (预算数 76.43 is the other column, never mixed in)
    got = figures(ask("国家信访局2024年三公经费是多少"))
    assert got["“三公”经费合计"] == "46.21" and got["公务接待费"] == "0.90"
    assert not any("预算数" in label for label in got)


def test_budget_and_final_columns_with_the_completion_rate(ask):
    r = ask("国家信访局2024年三公预算、决算各多少？完成率？")
    got = figures(r)
    assert got["“三公”经费合计（预算数）"] == "76.43" and got["“三公”经费合计"] == "46.21"
    rates = {d["label"]: d for d in r["derived"]}
    assert rates["“三公”经费合计完成率"]["value"] == "60.46"
    assert rates["“三公”经费合计完成率"]["formula"] == "“三公”经费合计完成率 = 46.21 ÷ 76.43 = 60.46%"
    assert rates["因公出国（境）费完成率"]["value"] == "15.63"
    assert "完成率60.46%" in r["text"]


def test_completion_asked_as_a_share_in_its_own_sentence(ask):
    # 公开09表: “三公”经费 决算数 46.21 / 预算数 76.43 → 完成了百分之几 is the 完成率 60.46%
    r = ask("国家信访局24年三公决算花了多少？预算多少，完成了百分之几？")
    assert "46.21 ÷ 76.43 = 60.46%" in r["text"]
    assert "收入总计" not in r["text"]


def test_a_rows_stated_budget_beside_its_final(ask):
    # p.21 说明（三）: 一般行政管理事务（项） 年初预算为590.53万元，支出决算为4.7万元 (公开03表 prints 4.70)
    r = ask("国家信访局2024年一般行政管理事务年初预算和决算各多少？")
    got = figures(r)
    assert got["一般行政管理事务（年初预算数）"] == "590.53" and got["一般行政管理事务"] == "4.70"
    assert "4.70 ÷ 590.53 = 0.80%" in r["text"] or any(d["value"] == "0.80" for d in r["derived"])


def test_the_year_end_carry_forward_is_its_own_figure(ask):
    # 公开01表 p.7: 年末结转和结余 7,494.06 (the 年初结转和结余 1,615.24 is another figure)
    got = figures(ask("国家信访局2024年年末结转和结余是多少？"))
    assert got == {"年末结转和结余": "7494.06"}
