"""Stages 1–3 in isolation: numbers, normalisation, generated aliases, the SPARQL escaper."""
from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.names import department_aliases, place_forms
from kg.rdf.escape import UnsafeValue, decimal, integer, iri, literal, term, values_block
from nlp.normalize import Normalizer, find_years, fold
from nlp.numbers import chinese_to_decimal, find_amounts, find_percents

D = Decimal


@pytest.mark.parametrize("text, wan", [
    ("一千万", D("1000")), ("2.5亿", D("25000")), ("三百万元以上", D("300")), ("1,008.30万元", D("1008.30")),
    ("五十万", D("50")), ("两万五千元", D("2.5")), ("3千万元", D("3000")), ("20000元", D("2")),
    ("一百二十三万", D("123")), ("0.5亿元", D("5000")), ("十二万", D("12")),
])
def test_amounts_are_exact_wan(text, wan):
    found = find_amounts(text)
    assert len(found) == 1 and found[0].value == wan
    assert isinstance(found[0].value, Decimal)


def test_chinese_numerals():
    assert chinese_to_decimal("一亿二千万") == D(120000000)
    assert chinese_to_decimal("三点五") == D("3.5")
    assert chinese_to_decimal("十") == 10 and chinese_to_decimal("两") == 2
    assert chinese_to_decimal("二十五") == 25
    assert chinese_to_decimal("abc") is None


def test_percents():
    assert find_percents("百分之九十，另有27.5%") == [D(90), D("27.5")]


def test_years_absolute_short_and_relative():
    assert find_years("2025年昌吉州", 2025) == ([2025], False)
    assert find_years("25年预算", 2025) == ([2025], False)
    assert find_years("二〇二四年的预算", 2025) == ([2024], False)
    assert find_years("去年的三公经费", 2025) == ([2024], True)
    assert find_years("今年和前年", 2025) == ([2025, 2023], True)
    assert find_years("比上年增加", 2025) == ([], False)  # a comparison, not a year


def test_normalizer_full_width_traditional_and_document_numbers():
    nq = Normalizer(2025)("２０２４年克州生態環境局的預算，昌州财建【2023】126号")
    assert nq.text.startswith("2024年克州生态环境局的预算")
    assert nq.years == [2024]  # the year inside a 文号 is not the fiscal year asked about


def test_fold_unifies_brackets_and_quotes():
    assert fold("昌州财建【2024】126号") == fold("昌州财建〔2024〕126号") == "昌州财建[2024]126号"
    assert fold("（一般）“公共”") == '(一般)"公共"'


def test_place_and_department_aliases():
    assert place_forms("昌吉回族自治州") == ["昌吉回族自治州", "昌吉州", "昌州"]
    assert place_forms("克孜勒苏柯尔克孜自治州") == ["克孜勒苏柯尔克孜自治州", "克孜勒苏州", "克州"]
    assert "克州生态环境局" in department_aliases("克孜勒苏柯尔克孜自治州生态环境局")
    assert "昌吉州生态环境局" in department_aliases("昌吉回族自治州生态环境局")
    assert "普陀区司法局" in department_aliases("上海市普陀区司法局")
    assert "新疆财政厅" in department_aliases("新疆维吾尔自治区财政厅")


# ------------------------------------------------------------------ the one escaping function
HOSTILE = [
    '" } ; DROP ALL ; SELECT * WHERE { ?s ?p "',
    "' } UNION { ?s ?p ?o } #",
    "\\\" ) } DELETE WHERE { ?s ?p ?o } #",
    "line\nbreak\r\ttab",
    "}} ]] >> <<",
    "\x00\x01\x1f control",
    "😀🚀 emoji",
    "x" * 10000,
]


@pytest.mark.parametrize("value", HOSTILE)
def test_literal_round_trips_through_a_real_parser(value):
    """Whatever the text, the literal parses back to exactly that text and nothing else."""
    import pyoxigraph

    store = pyoxigraph.Store()
    q = f"SELECT ?v WHERE {{ BIND({literal(value)} AS ?v) }}"
    rows = list(store.query(q))
    assert len(rows) == 1
    expected = "".join(ch if ord(ch) >= 0x20 or ch in "\n\r\t" else ch for ch in value)
    assert rows[0]["v"].value == expected


@pytest.mark.parametrize("value", HOSTILE)
def test_values_block_parses_and_binds_one_value(value):
    import pyoxigraph

    q = f"SELECT ?x WHERE {{ {values_block('x', [value])} }}"
    rows = list(pyoxigraph.Store().query(q))
    assert len(rows) == 1 and rows[0]["x"].value == value


@pytest.mark.parametrize("bad", ["http://a> } DROP ALL { <x", "no scheme", "http://a b", 'http://a"', "", 5])
def test_iri_refuses_anything_outside_iriref(bad):
    with pytest.raises(UnsafeValue):
        iri(bad)


def test_numbers_and_names():
    assert integer(2024) == "2024"
    with pytest.raises(UnsafeValue):
        integer(True)
    assert decimal(D("12.50")).startswith('"12.50"^^')
    with pytest.raises(UnsafeValue):
        decimal("1; DROP")
    with pytest.raises(UnsafeValue):
        decimal(D("NaN"))
    with pytest.raises(UnsafeValue):
        values_block("x } DROP ALL {", ["a"])
    assert term(("iri", "https://budgetkg.org/id/x")) == "<https://budgetkg.org/id/x>"
    assert values_block("x", []) == "VALUES ?x { UNDEF }"
