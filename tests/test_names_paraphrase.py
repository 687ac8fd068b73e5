"""Subject and project names said in other words (``nlp.paraphrase``, linked by ``nlp.link``): the word
equivalences and the short forms of compounds on the graph's own names, and questions about the 36
documents (../shared/corpus, realdocs and national) asked in those words, answered with the printed figures.

Figures checked by hand in the documents:
- 无锡市交通运输局本级_2026单位预算.pdf p.17 (支出总表): 2149901 公共交通运营补助 54,760.00 (万元);
- 福州市商务局_2026部门预算.pdf p.31: 办公楼租金项目绩效目标表, 202.17 (万元);
- corpus 001 (昌吉州环境污染监控中心 2023): 项目名称：信息化运维, 17.14 (万元);
- corpus 000 (昌吉州生态环境局 2025): 21101 环境保护管理事务 552.57 = 305.36 + 117.00 + 31.40 + 98.82;
- corpus 004 (克州生态环境局 2024) line 535: ``303 02 退休费 97.21 97.21`` (no 离休费 row).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.paraphrase import ParaphraseIndex, canonical, forms, short_forms, stem

pytestmark = pytest.mark.shared


# ---------------------------------------------------------------- the rules, on the graph's own names
def test_short_forms_of_compounds_are_the_first_characters_of_their_words():
    assert "公交运营补助" in short_forms("公共交通运营补助")
    assert short_forms("环境保护") == ["环保"]
    assert "离退休" in short_forms("离休退休")  # the last character both words share is kept once
    assert "环保管理事务" in short_forms("环境保护管理事务")


def test_a_short_form_leaves_most_of_a_long_name_as_printed():
    # a form changing a long name's last word only where two characters of it stay unchanged
    assert all(len(f) >= 4 for f in short_forms("公共交通运营补助"))
    assert short_forms("事事如意") == []  # a repeated character is no two words


def test_spoken_words_are_read_as_the_printed_ones_with_their_positions():
    said, where = canonical("无锡公交运营补贴多少")
    assert said == "无锡公交运营补助多少"
    assert where == list(range(10))
    said, where = canonical("信息化运维费")
    assert said == "信息化运行维护费"
    assert where[-1] == 5 and where[3:7] == [3, 3, 3, 4]  # 运行维护 comes from 运维 (3, 4)
    assert canonical("办公楼房租")[0] == "办公楼租金"


def test_money_words_a_name_ends_in_are_dropped_for_its_stem():
    assert stem("信息化运维费") == "信息化运维"
    assert stem("人大立法经费") == "人大立法"
    assert stem("污染防治资金") == "污染防治"
    assert stem("费") == "费"
    assert forms("信息化运维") == ["信息化运行维护", *short_forms("信息化运行维护")]


@pytest.fixture(scope="module")
def all_documents_store(shared_records, national):
    """The 36 documents (corpus, realdocs and national) in one memory store, as the project is served."""
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, list(shared_records) + [national[k] for k in sorted(national)])
    return store


@pytest.fixture(scope="module")
def catalog(all_documents_store):
    from nlp.catalog_store import start_data

    return start_data(all_documents_store).catalog


def test_the_graph_prints_the_words_the_rules_read_and_find_finds_its_names(catalog):
    names = {n for kind in ("functional_subject", "economic_subject", "project")
             for e in catalog.of_kind(kind) for n in e.names()}
    for printed in ("公共交通运营补助", "办公楼租金", "信息化运维", "环境保护管理事务", "离休费", "退休费"):
        assert printed in names
    index = ParaphraseIndex(sorted(names))
    found = {(f.form, f.names) for f in index.find("公交运营补贴有多少")}
    assert ("公交运营补助", ("公共交通运营补助",)) in found
    found = index.find("办公楼房租一年多少钱")
    assert [(f.start, f.end) for f in found if "办公楼租金" in f.names] == [(0, 5)]
    found = index.find("离退休费是多少")  # 离退休 = 离休 + 退休: both names, the money word with them
    both = [f for f in found if {"离休费", "退休费"} <= set(f.names)]
    assert both and (both[0].start, both[0].end) == (0, 4)
    assert not [f for f in index.find("运行费用多少") if len(f.form) < 4]  # a short stem names nothing
    # a four-character name's two-character form names it only before a money word (科技支出), never
    # inside another word (科技创新)
    assert "科学技术" in names
    assert not [f for f in index.find("哪些项目和科技创新有关") if f.form == "科技"]
    assert [(f.start, f.end) for f in index.find("科技支出多少") if f.form == "科技"] == [(0, 4)]


def test_a_stem_said_short_does_not_run_on_into_another_name(catalog):
    names = {n for e in catalog.of_kind("project") for n in e.names()}
    assert {"安全生产经费", "安全生产专项资金"} <= names
    index = ParaphraseIndex(sorted(names))
    # 安全生产业务费 is another project's words: not 安全生产经费 said without its money word
    assert not [f for f in index.find("安全生产业务费申请了多少") if f.form == "安全生产"]
    assert [f.end for f in index.find("安全生产的钱有多少") if f.form == "安全生产"] == [6]


def test_a_figure_word_is_not_linked_as_a_subject_said_otherwise(catalog):
    from nlp.link import Linker
    from nlp.normalize import Normalizer

    linked = Linker(catalog)(Normalizer(2026)("湖州市财政局三公里出国费上年安排了多少？"))
    assert not [m for m in linked.mentions if m.how == "paraphrase"]  # 因公出国(境)费 is the 三公 figure's word
    linked = Linker(catalog)(Normalizer(2026)("无锡市交通运输局公交运营补贴多少？"))
    said = [m for m in linked.mentions if m.how == "paraphrase"]
    assert [(m.key, [e.code for e in m.entities]) for m in said] == [("公交运营补贴", ["2149901"])]


# ---------------------------------------------------------------- questions on the 36 documents
@pytest.fixture(scope="module")
def ask(all_documents_store):
    from nlp import answer

    def _ask(question: str) -> dict:
        return answer(question, all_documents_store).to_json()
    return _ask


def _numbers(reply: dict) -> set[Decimal]:
    from tests.nlp_support import reply_numbers

    return reply_numbers(reply)


def _linked(reply: dict, kind: str) -> list[tuple[str, str]]:
    return [(e["name"], e["how"]) for e in reply["entities"] if e["kind"] == kind]


def test_public_transport_subsidy_said_as_gongjiao_butie(ask):
    reply = ask("无锡市交通运输局2026年公交运营补贴是多少？")
    assert ("公共交通运营补助", "paraphrase") in _linked(reply, "functional_subject")
    assert Decimal("54760.00") in _numbers(reply)
    assert "没有找到" not in reply["text"]


def test_the_printed_name_still_links_exactly(ask):
    reply = ask("无锡市交通运输局2026年公共交通运营补助是多少？")
    assert _linked(reply, "functional_subject") == [("公共交通运营补助", "exact")]
    assert Decimal("54760.00") in _numbers(reply)


def test_office_rent_said_as_fangzu(ask):
    reply = ask("福州市商务局2026年办公楼房租多少钱？")
    assert ("办公楼租金", "paraphrase") in _linked(reply, "project")
    assert Decimal("202.17") in _numbers(reply)


def test_it_maintenance_with_the_money_word_added(ask):
    reply = ask("昌吉州环境污染监控中心2023年信息化运维费是多少？")
    assert "信息化运维" in [name for name, _how in _linked(reply, "project")]
    assert Decimal("17.14") in _numbers(reply)


def test_environment_protection_said_short(ask):
    reply = ask("昌吉州生态环境局2025年环保管理事务支出多少？")
    assert ("环境保护管理事务", "paraphrase") in _linked(reply, "functional_subject")
    assert {Decimal("552.57"), Decimal("305.36"), Decimal("98.82")} <= _numbers(reply)
    field = ask("昌吉州生态环境局2025年环保方面支出多少？")  # a field named by its stem said short
    assert Decimal("552.57") in _numbers(field)


def test_lixiu_tuixiu_said_together_names_both(ask):
    # 离退休费 is printed only as the government classification's 50905, which this budget does not print;
    # 离休费 and 退休费 said together are its departmental rows: 30302 退休费 answers
    reply = ask("克州生态环境局2024年离退休费是多少？")
    assert {"离休费", "退休费"} <= {name for name, _how in _linked(reply, "economic_subject")}
    assert Decimal("97.21") in _numbers(reply)
