"""Parts of one question about a department's subjects and figures — the largest class, one class's
share, its change — each answered on its own, through the real parsers on the national disclosures
and the real question service (figures read off the printed pages, see each docstring)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def test_the_largest_class_its_share_and_its_stated_change(ask_national) -> None:
    """无锡市交通运输局本级 2026 公开03表 (p.16): 212 城乡社区支出 842,090.31 is the largest of seven 类;
    支出总计 984,760.87; 说明一（二） (p.32): 城乡社区支出（类）842,090.31万元…与上年相比增加137,739.15万元，
    增长19.56%."""
    reply = ask_national("无锡市交通运输局26年的钱大头花在哪一类？城乡社区支出多少、占全部支出多大比例？比上年增加多少？")
    parts = reply["parts"]
    assert len(parts) == 3
    assert [(a["label"], a["value"]) for a in parts[0]["answers"]] == [("城乡社区支出", "842090.31")]
    assert {d["label"]: d["value"] for d in parts[1]["derived"]} == {"城乡社区支出占支出总计比重": "85.51"}
    said = {a["label"]: a["value"] for a in parts[2]["answers"]}
    assert said["2026年城乡社区支出比上年增加"] == "137739.15" and said["2026年城乡社区支出比上年增长"] == "19.56"
    assert {d["label"]: d["value"] for d in parts[2]["derived"]} == {"2025年城乡社区支出（推算）": "704351.16"}


def test_a_units_own_subdivision_of_a_national_code_is_asked_by_name(ask_national) -> None:
    """重庆市人民政府办公厅 2026 表6 (p.17): 30103 奖金 1,947.45, of it 3010303 年终一次性奖金 129.61 (a
    subdivision the national scheme has no code for); 30228 工会经费 259.38."""
    reply = ask_national("重庆市政府办公厅26年基本支出里，奖金一共多少？年终一次性奖金占多少？工会经费又是多少？")
    parts = reply["parts"]
    assert {a["label"]: a["value"] for a in parts[1]["answers"]} == {"年终一次性奖金": "129.61",
                                                                     "年终一次性奖金占奖金比重": "6.66"}
    assert {d["label"]: d["value"] for d in parts[1]["derived"]} == {"年终一次性奖金占奖金比重": "6.66"}
    assert [(a["label"], a["value"]) for a in parts[2]["answers"]] == [("工会经费", "259.38")]


def test_a_part_answered_word_for_word_by_the_one_before_is_said_once(ask_national) -> None:
    """长春市信访局 2026 预算表6 (p.11): 303 对个人和家庭的补助 85.98 = 30302 退休费 78.88 + 30307 医疗费补助 7.10;
    具体是哪几项 asks what the first part's answer already lists."""
    reply = ask_national("长春市信访局26年“对个人和家庭的补助”安排了多少？具体是哪几项？")
    assert len(reply["parts"]) == 1
    assert {a["label"]: a["value"] for a in reply["answers"]} == {
        "对个人和家庭的补助合计（303）": "85.98", "退休费": "78.88", "医疗费补助": "7.10"}


def test_economic_classes_named_as_people_say_them(ask_national) -> None:
    """长春市信访局 2026 预算表6 (p.11): 301 工资福利支出 911.21, 302 商品和服务支出 211.00; 支出总计 1,682.76
    (预算表1): 工资福利 and 商品服务支出 name them without their 支出 ending or their 和."""
    reply = ask_national("长春信访局工资福利和商品服务支出各多少？占比多少？")
    got = {a["label"]: a["value"] for a in reply["answers"]}
    assert got["工资福利支出"] == "911.21" and got["商品和服务支出"] == "211.00"
    # 各多少 over two rows named one by one: their total (911.21 + 211.00) beside the shares
    assert {d["label"]: d["value"] for d in reply["derived"]} == {"合计": "1122.21", "工资福利支出占支出总计比重": "54.15",
                                                                  "商品和服务支出占支出总计比重": "12.54"}


def test_a_figure_the_table_leaves_blank_is_read_from_the_narrative(ask_national) -> None:
    """湖州市财政局 2026 表07 (p.28) leaves 因公出国（境）费 blank; 说明二（九） (p.11): 安排因公出国（境）费用预算
    0.00万元; 公务接待费 5.80, 公务用车购置及运行维护费 3.50."""
    reply = ask_national("湖州财政局26年三公里出国、接待、公车各多少？")
    got = {a["label"]: a["value"] for a in reply["answers"]}
    assert got == {"因公出国（境）费（表中未列，取自文字说明）": "0.00", "公务接待费": "5.80",
                   "公务用车购置及运行费": "3.50"}


def test_the_year_end_carry_forward_the_narrative_states(shared_dir) -> None:
    """北京市财政局 2026 附件1 (p.8): 年终结转结余资金0万元 — the tables (附件2) print no carry-forward line; the
    narrative's figure fills the totals of the combined budget, with its page, and answers the question."""
    from kg.extract.pipeline import extract_paths
    from nlp import answer
    from tests import nlp_support

    records, failures = extract_paths([str(shared_dir / "national" / "beijing")], combine=True, jobs=1)
    assert failures == [] and len(records) == 1
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, records)
    reply = answer("北京市财政局26年有上年结转结余吗？多少？年底还打算结转吗？", store).to_json()
    said = [(a["label"], a["value"], a["source"]) for a in reply["parts"][1]["answers"]]
    assert said == [("年末结转和结余", "0.00", "北京市财政局_2026部门预算_附件1情况说明.pdf 第8页 第143行 说明三（三） 年终结转结余资金")]
