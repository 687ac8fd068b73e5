"""Questions about the real PDFs of ../shared/realdocs (other provinces, other departments, other
years), over the graph the real extractor builds from them together with the corpus: short
names (江苏高院, 普陀区商务委, 人大办公厅, 福利院) link, figures match the PDFs as printed."""
from __future__ import annotations

import pytest


pytestmark = pytest.mark.shared


def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if "value" in a}


@pytest.mark.parametrize("question, department, label, value", [
    # 上海市普陀区司法局2026年部门预算.pdf p.21/22: “三公”经费 10.81, 接待 0.83, 运行费 9.98
    ("普陀区司法局2026年的三公经费是多少", "上海市普陀区司法局", "“三公”经费合计", "10.81"),
    ("普陀司法局26年公务用车运行费", "上海市普陀区司法局", "公务用车运行费", "9.98"),
    # p.8: 收入预算 9628.22
    ("上海市普陀区司法局2026年的收入总计", "上海市普陀区司法局", "收入总计", "9628.22"),
    # 江苏省高级人民法院2019年度部门预算公开.pdf p.9/19: 基本支出 21968.00, 项目支出 10208.94
    ("江苏高院2019年的基本支出", "江苏省高级人民法院", "基本支出", "21968.00"),
    ("江苏省高级人民法院2019年的项目支出", "江苏省高级人民法院", "项目支出", "10208.94"),
    # 江苏省政协办公厅2019年预算公开表.pdf p.9: 三公 660.10, 出国 106.00, 接待 397.50
    ("江苏省政协办公厅2019年公务接待费", "江苏省政协办公厅", "公务接待费", "397.50"),
])
def test_real_pdf_figures(ask, question, department, label, value):
    r = ask(question)
    assert figures(r)[label] == value
    assert all(a["department"] == department for a in r["answers"])


def test_short_names_of_departments_link(ask):
    for question, department in (("江苏省人大办公厅2017年的收入总计是多少", "江苏省人大常委会办公厅"),
                                 ("普陀区商务委2025年政府采购预算", "上海市普陀区商务委员会"),
                                 ("福利院2024年的支出总计", "上海市普陀区社会福利院")):
        r = ask(question)
        assert r["answers"] and {a["department"] for a in r["answers"]} == {department}, question


def test_many_departments_compared_on_their_latest_budget(ask):
    r = ask("各单位的收入总计从高到低排序")
    ranks = [a["rank"] for a in r["answers"]]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) >= 8
    values = [float(a["value"]) for a in r["answers"]]
    assert values == sorted(values, reverse=True)
    assert len({a["label"] for a in r["answers"]}) == len(ranks)


def test_a_department_not_in_the_graph(ask):
    r = ask("上海市普陀区教育局2025年的三公经费")
    assert r["answers"] == []
