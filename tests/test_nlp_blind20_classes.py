"""The classes of question blind batch 20 showed the service missing, through the real pipeline on
the real documents of ../shared/national (skipped where absent), each asked in words of its own: a
part narrowing (其中) a 基本支出/项目支出 figure to subjects it names, a kind of unit counted as people
say it (二级单位 for 二级预算单位), each unit's share of a figure just asked, 涨了几倍 of a figure alone,
and a figure no measure names said in words, never by its key. Expected figures are as printed in
the document named in each test."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.nlp_support import reply_numbers as numbers

pytestmark = pytest.mark.shared


def test_subjects_narrowing_a_column_figure_are_its_column(ask_national) -> None:
    """西安市安监局 2019 表1 部门经济分类: 专项业务经费 1620.98 = 商品和服务 1516.67 + 资本性 104.31
    (the 商品和服务支出 row's total is 1699.55: it also holds the 人员经费和公用经费 column)."""
    reply = ask_national("西安市安监局2019年专项业务经费是多少？其中商品和服务支出和资本性支出分别是多少？")
    assert {Decimal("1620.98"), Decimal("1516.67"), Decimal("104.31")} <= numbers(reply)
    assert Decimal("1699.55") not in numbers(reply)


def test_a_kind_of_unit_counted_as_people_say_it(ask_national) -> None:
    """西安市卫健委 2022 决算 说明二 决算单位构成: 28 units, 本级 and 27 二级预算单位."""
    reply = ask_national("西安市卫健委2022年决算一共有几家单位？其中二级单位有几家？")
    assert {Decimal("28"), Decimal("27")} <= numbers(reply)
    assert "。（" not in reply["text"][:3] and not re.search(r"）。（我的理解", reply["text"])


def test_each_units_share_of_the_figure_just_asked(ask_national) -> None:
    """珠海市商务局 2026 表2 上年结转结余 by unit: 19900.58 + 3.16 + 0.27 = 19904.01."""
    reply = ask_national("珠海商务局的上年结转结余一共多少？两个下属单位和本级各占多少？")
    assert {Decimal("19904.01"), Decimal("19900.58"), Decimal("3.16"), Decimal("0.27")} <= numbers(reply)
    assert "没有找到" not in reply["text"]


def test_grown_by_times_is_the_figures_change(ask_national) -> None:
    """国家信访局 2024 决算 说明: 年末结转和结余 7494.06, 比2023年增加5878.82万元, 增长363.96%."""
    reply = ask_national("国家信访局2024年末的结转和结余有多少？翻了几倍？")
    assert {Decimal("7494.06"), Decimal("5878.82"), Decimal("363.96")} <= numbers(reply)


def test_a_figure_no_measure_names_is_said_in_words() -> None:
    """A key the vocabulary does not hold never reaches the screen: a classification column is said by
    its column name, anything else as what it is."""
    from nlp.vocabulary import Vocabulary

    vocab = Vocabulary()
    vocab.columns["total"] = "合计"
    assert vocab.label("total") == "合计"
    assert vocab.label("no_such_figure") == "所问的数字"
    assert vocab.label("word:年末结转和结余") == "年末结转和结余"
