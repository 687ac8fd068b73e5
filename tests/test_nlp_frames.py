"""The question service's design, on the small graph the tests build themselves (fictional 青山市
budgets): every kind of fact the records hold is reachable by some question; stages declare what
they read and write; the vocabulary is the ontology's; the one SPARQL builder escapes every value
and joins a VALUES block only where it is an index look-up (several items over every document);
derived figures are exact with their formulas; names as people say
them; a question in parts with shared context; the JSON layout of ``budgetkg ask --json``."""
from __future__ import annotations

from decimal import Decimal

import pytest

from nlp import answer

D = Decimal
ECO = "青山市生态环境局"


@pytest.fixture(scope="module")
def ask(nlp_small_store):
    def _ask(question: str) -> dict:
        return answer(question, nlp_small_store).to_json()
    return _ask


def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if "value" in a}


# ------------------------------------------------------------------ every fact kind is askable
@pytest.mark.parametrize("question, label, value", [
    # department-level figures: every totals key of the records
    ("青山市生态环境局2025年的收入总计", "收入总计", "3528.45"),
    ("青山市生态环境局2025年的支出总计", "支出总计", "3528.45"),
    ("青山市生态环境局2025年本年收入合计", "本年收入合计", "1706.71"),
    ("青山市生态环境局2025年一般公共预算拨款", "一般公共预算拨款收入", "1706.71"),
    ("青山市生态环境局2025年上级转移支付", "上级转移支付", "1008.30"),
    ("青山市生态环境局2025年上年财政拨款结转", "上年财政拨款结转", "1791.74"),
    ("青山市生态环境局2025年上年非财政拨款结转结余", "上年非财政拨款结转结余", "30.00"),
    ("青山市生态环境局2025年的基本支出", "基本支出", "397.49"),
    ("青山市生态环境局2025年的项目支出", "项目支出", "3130.96"),
    ("青山市生态环境局2025年人员经费", "人员经费", "273.53"),
    ("青山市生态环境局2025年公用经费", "公用经费", "123.96"),
    ("青山市生态环境局2025年机关运行经费", "机关运行经费", "123.96"),
    # 三公 and procurement parts
    ("青山市生态环境局2025年公务用车购置费", "公务用车购置费", "0.00"),
    ("青山市生态环境局2025年公务用车运行费", "公务用车运行费", "6.00"),
    ("青山市生态环境局2025年因公出国费", "因公出国（境）费", "0.00"),
    ("青山市生态环境局2025年政府采购工程", "政府采购工程", "0.00"),
    ("青山市生态环境局2025年政府采购服务", "政府采购服务", "581.60"),
    # classification rows, in each column
    ("青山市生态环境局2025年住房公积金功能科目的基本支出", "住房公积金", "32.23"),
    ("青山市生态环境局2025年经济分类中办公费是多少", "办公费", "2.02"),
    ("青山市生态环境局2025年节能环保支出的项目支出", "节能环保支出合计（211）", "3110.96"),
    ("青山市生态环境局2025年工资福利支出的人员经费", "工资福利支出合计（301）", "270.83"),
    # staffing
    ("青山市生态环境局2025年的编制数", "编制数", "22"),
    ("青山市生态环境局2025年退休人员有几个", "退休人数", "29"),
    # derived: per capita, sums of a figure's parts
    ("青山市教育局2025年人均基本支出", "人均基本支出（按实有人数）", "12.37"),
])
def test_every_figure_kind(ask, question, label, value):
    assert figures(ask(question))[label] == value


def test_every_fact_kind_beyond_figures(ask):
    r = ask("生态环境监测网络运维2025年的执行时间")
    assert r["answers"][0]["period"] == "2025年1月至12月"
    r = ask("青山市生态环境局2025年生态环境监测网络运维的资金怎么分配")  # a project's sub-items
    assert figures(r)["生态环境监测网络运维：站点设备维保"] == "1200.00"
    r = ask("青山市生态环境局2025年部门整体绩效目标有哪些")  # the department's own targets
    assert {a["label"]: a["target"] for a in r["answers"]} == {"空气自动监测站点运行数量": ">=12个",
                                                             "公众对生态环境满意度": ">=85%"}
    r = ask("青山市生态环境局2025年有哪些下属单位")
    assert [a["label"] for a in r["answers"]] == ["青山市环境监测站"]
    r = ask("青山市生态环境局2025年的主要职能")
    assert "统筹协调" in r["answers"][0]["text"]
    r = ask("青山市生态环境局2025年机关运行经费比上年增加了多少，原因是什么")  # a stated change and its reason
    assert figures(r)["2025年机关运行经费比上年增加"] == "3.20" and "办公楼取暖面积增加" in r["text"]
    r = ask("青山市生态环境局2025年有几个项目设了绩效目标表")  # projects carrying a target table
    assert figures(r)["有绩效目标表的项目个数"] == "1" and figures(r)["有绩效目标表的项目金额合计"] == "30.00"
    r = ask("排放源统计年报审核是用财政拨款安排的吗")  # yes/no on a project's funding
    assert r["text"].startswith("是，")
    r = ask("单位自有资金运转项目是用财政拨款安排的吗")
    assert r["text"].startswith("不是，")
    r = ask("青山市生态环境局2025年上年结转结余由哪几部分组成")  # the parts of 上年结转结余
    assert figures(r)["上年财政拨款结转"] == "1791.74" and figures(r)["上年非财政拨款结转结余"] == "30.00"


# ------------------------------------------------------------------ questions in parts
def test_parts_share_context_and_add_derived_parts(ask):
    r = ask("青山市生态环境局2025年基本支出和项目支出各是多少？各占多大比重？")
    assert len(r["parts"]) == 2 and r["parts"][1]["frame"]["operation"]["name"] == "share"
    shares = {d["label"]: d for d in r["derived"]}
    assert shares["基本支出占比"]["value"] == "11.27"
    assert shares["基本支出占比"]["formula"] == "基本支出占比 = 397.49 ÷ 3,528.45 = 11.27%"
    assert [i["label"] for i in shares["基本支出占比"]["inputs"]] == ["基本支出", "支出总计"]
    r = ask("青山市生态环境局2025年三公经费是多少？其中公务接待费多少？")  # 其中 narrows, same scope
    assert figures(r)["“三公”经费合计"] == "6.39" and figures(r)["公务接待费"] == "0.39"
    r = ask("青山市生态环境局2025年的编制数是多少？青山市教育局呢？")  # …呢: the same of another
    assert {(a["department"], a["value"]) for a in r["answers"] if a["label"] == "编制数"} == {
        (ECO, "22"), ("青山市教育局", "35")}
    r = ask("青山市生态环境局2024年和2025年的项目支出分别是多少，增长了多少")
    assert {d["label"]: d["value"] for d in r["derived"]}["2025年项目支出比上年增加"] == "400.21"


def test_a_part_the_graph_cannot_answer_says_so_and_the_others_are_answered(ask):
    r = ask("青山市生态环境局2025年的收入总计是多少？白云市生态环境局呢？")
    first, second = r["parts"]
    assert first["answers"] and figures(r)["收入总计"] == "3528.45"
    assert not second["answers"] and "白云市" in second["text"]
    assert all(a["department"] == ECO for a in r["answers"])


def test_operations_compose_with_filters(ask):
    r = ask("青山市生态环境局2025年含上年结转在内金额最大的两个项目")
    assert [(a["label"], a["rank"]) for a in r["answers"][:2]] == [("生态环境监测网络运维", 1), (
        "青财建【2024】88号提前下达2025年中央大气污染防治资金（青山市加密空气质量自动监测站点建设项目）", 2)]
    r = ask("青山市生态环境局2025年超过100万元的项目有几个？合计多少？")
    assert figures(r)["项目个数"] == "3" and figures(r)["涉及金额合计"] == "2960.26"
    r = ask("青山市生态环境局2025年大气科目下有哪些项目")  # projects under one functional subject
    assert {a["label"] for a in r["answers"]} >= {"微型环境空气质量监测体系运维费"}
    r = ask("青山市生态环境局2025年基本支出中经济分类款级科目金额最大的两个")
    assert [(a["label"], a["value"]) for a in r["answers"]] == [("其他商品和服务支出", "112.05"), ("基本工资", "103.97")]


# ------------------------------------------------------------------ the JSON layout
def test_json_layout_keeps_answers_and_text_and_adds_parts_and_derived(ask):
    r = ask("青山市生态环境局2025年项目支出比基本支出多多少")
    assert set(r) >= {"question", "intent", "entities", "sparql", "answers", "text", "parts", "derived"}
    part = r["parts"][0]
    assert set(part) >= {"question", "kind", "frame", "understood", "sparql", "answers", "text", "derived"}
    assert part["frame"]["focus"] == "figures" and part["frame"]["operation"]["name"] == "difference"
    assert part["understood"].startswith("查青山市生态环境局2025年的")
    d = r["derived"][0]
    assert (d["label"], d["value"], d["unit"]) == ("项目支出比基本支出多", "2733.47", "万元")
    assert d["formula"] == "项目支出比基本支出多 = 3,130.96 − 397.49 = 2,733.47万元"


# ------------------------------------------------------------------ structure
def test_components_declare_what_they_read_and_write(nlp_small_store):
    from nlp.pipeline import COMPONENTS, Pipeline, get_pipeline

    pipe = get_pipeline(nlp_small_store)
    assert [name for name, _ in pipe.components] == list(Pipeline.order)
    assert all(COMPONENTS[n].reads and COMPONENTS[n].writes for n in Pipeline.order)
    broken = object.__new__(Pipeline)
    broken.order = ("normalize", "parse", "link", "split", "context", "resolve", "execute", "compose")
    with pytest.raises(ValueError, match="parse"):
        broken.check()


def test_vocabulary_is_the_ontologys(nlp_small_store):
    from rdflib.namespace import SKOS

    from kg.vocabulary.namespaces import BKG
    from kg.vocabulary.ontology_files import scheme_graph
    from nlp.vocabulary import vocabulary_from_files, vocabulary_from_store

    vocab = vocabulary_from_store(nlp_small_store)
    assert vocab.measures == vocabulary_from_files().measures
    g = scheme_graph("schemes.ttl")
    for item in g.subjects(None, BKG.BudgetItem):
        key = str(g.value(item, BKG.sourceKey))
        zh = next(str(l) for l in g.objects(item, SKOS.prefLabel) if l.language == "zh")
        assert vocab.label(key) == zh
    assert vocab.share_base("basic_expenditure") == "expenditure_total"
    assert vocab.share_base("three_public.vehicle_operation") == "three_public.total"
    assert vocab.children("carryover_total") == ["carryover_fiscal", "carryover_nonfiscal"]


def test_one_builder_binds_every_value_through_the_escape_module():
    from kg.rdf.escape import UnsafeValue
    from nlp.sparql import Constraints, build

    doc = "https://budgetkg.org/id/document/2025/abc"
    [q] = build("projects", [doc], Constraints(person='李"} } DROP ALL #', category=["carryover"]))
    assert "VALUES" not in q.text and f"<{doc}>" in q.text
    assert '"李\\"} } DROP ALL #"' in q.text  # the person's name as one escaped literal
    many = build("figures", [doc + str(i) for i in range(9)], Constraints(items=["income_total"]))
    assert len(many) == 1 and "VALUES" not in many[0].text  # many documents: one query, no VALUES join
    several = build("figures", [doc + str(i) for i in range(9)], Constraints(items=["income_total", "expenditure_total"]))
    # several items over every document: looked up by item (a FILTER read every figure first)
    assert len(several) == 1 and "VALUES ?item {" in several[0].text and "FILTER(?item" not in several[0].text
    with pytest.raises(UnsafeValue):
        build("projects", ["not an iri> } DROP ALL"], Constraints())


def test_derived_figures_are_exact_with_formula_and_inputs():
    from nlp import derive

    a, b = derive.Input("基本支出", D("2052.42")), derive.Input("支出总计", D("2448.62"))
    s = derive.share(a, b)
    assert s.value == D("83.82") and s.formula == "基本支出占比 = 2,052.42 ÷ 2,448.62 = 83.82%"
    d = derive.difference(derive.Input("公务接待费", D("15.00")), derive.Input("公务用车运行费", D("17.00")))
    assert (d.label, d.value) == ("公务接待费比公务用车运行费少", D("2.00"))
    prev = derive.previous_from_change(derive.Input("2024年“三公”经费合计", D("32.00"), year=2024), D("7.50"),
                                       "“三公”经费合计", 2023)
    assert prev.value == D("24.50") and prev.formula == "2023年“三公”经费合计 = 32.00 − 7.50 = 24.50万元"
    g = derive.growth(derive.Input("2025年支出", D("110")), derive.Input("2024年支出", D("100")), "2025年支出")
    assert [(x.label, x.value) for x in g] == [("2025年支出比上年增加", D("10")), ("增长幅度", D("10.00"))]
    assert derive.completion(derive.Input("决算数", D("95")), derive.Input("预算数", D("100")), "一般公共预算").value == D("95.00")
    assert derive.per_capita(derive.Input("基本支出", D("2052.42")), derive.Input("实有人数", D(56), "人")).value == D("36.65")
    assert derive.total([derive.Input("a", D("0.1")), derive.Input("b", D("0.2"))], "合计").value == D("0.3")


@pytest.mark.parametrize("name, alias", [
    ("江苏省高级人民法院", "省高院"), ("江苏省高级人民法院", "江苏高院"), ("江苏省人民检察院", "省检察院"),
    ("上海市普陀区人民政府办公室", "区府办"), ("重庆市人民政府办公厅", "市政府办公厅"), ("中共江苏省委办公厅", "省委办"),
    ("上海市普陀区万里街道办事处", "万里街道"), ("西安市审计局（汇总）", "西安市审计局"),
])
def test_names_as_people_say_them(name, alias):
    from nlp.names import department_aliases

    assert alias in department_aliases(name)


def test_short_forms_read_by_their_characters():
    from nlp.names import abbreviates, closest_names

    assert abbreviates("卫健委", "西安市卫生健康委员会（汇总）")
    assert abbreviates("规划资源局", "上海市规划和自然资源局")
    assert abbreviates("人社局", "杭州市人力资源和社会保障局")
    assert not abbreviates("中中心", "上海市普陀区中小企业服务中心")
    assert closest_names("上海市普陀区教育局", ["上海市普陀区司法局", "江苏省高级人民法院"]) == ["上海市普陀区司法局"]


def test_a_question_is_cut_into_parts_that_ask_something():
    from nlp.parts import split

    # context before (…5个项目中) and a condition after (…也算在内) belong to the one question
    text = "克州生态环境局2024年用财政拨款安排的5个项目中,金额最大的两个是哪两个?单位资金项目也算在内。"
    assert [text[s:e] for s, e in split(text)] == [text.rstrip("。")]
    text = "收支总计是多少?钱分别来自哪几块?"
    assert [text[s:e] for s, e in split(text)] == ["收支总计是多少", "钱分别来自哪几块"]


def test_scorer_training_is_deterministic_and_loses_nothing_on_its_own_questions(nlp_small_store):
    from nlp import training
    from nlp.pipeline import get_pipeline

    pipe = get_pipeline(nlp_small_store)
    examples = training.generate(pipe)
    assert len(examples) > 100 and {e.focus for e in examples} >= {"figures", "projects", "subjects"}
    first, second = training.train(pipe, examples), training.train(pipe, examples)
    assert first == second
    held_out = training.generate(pipe, per_template=2, seed=training.SEED + 1)
    assert training.accuracy(pipe, held_out, first) >= training.accuracy(pipe, held_out)


# ------------------------------------------------------------------ measure words and operations added against blind batch 2
def test_a_share_takes_the_figure_just_asked_as_its_base(ask):
    r = ask("青山市生态环境局2025年一般公共预算拨款多少？基本支出占多大比例")
    share = {d["label"]: d for d in r["derived"]}["基本支出占比"]
    assert share["formula"] == "基本支出占比 = 397.49 ÷ 1,706.71 = 23.29%"


def test_a_count_the_question_states_divides_a_figure(ask):
    r = ask("青山市生态环境局2025年公务用车运行费，3辆车平均每辆多少")
    d = r["derived"][0]
    assert (d["value"], d["unit"]) == ("2.00", "万元/辆")
    assert d["formula"] == "平均每辆公务用车运行费 = 6.00 ÷ 3辆 = 2.00万元"


def test_a_count_of_things_a_budget_does_not_hold_has_no_figure_in_its_place(ask):
    r = ask("青山市生态环境局2025年有多少张床位")
    assert r["answers"] == [] and "床位" in r["text"]


def test_a_carryover_word_with_an_include_word_keeps_the_projects(ask):
    r = ask("青山市生态环境局2025年所有项目（上年结转的也算上）里钱最多的前2个")
    assert [a["label"] for a in r["answers"][:2]][0] == "生态环境监测网络运维"
    assert r["parts"][0]["frame"]["focus"] == "projects"
