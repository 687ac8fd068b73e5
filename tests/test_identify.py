"""identify: department, year, kind, unit from the content; department aliases."""
from __future__ import annotations

import pytest

from kg.extract.identify import identify, table_unit
from kg.extract.model import Record
from kg.extract.source import Line, SourceDocument, read_text
from kg.names.department import canonical_key as department_key
from kg.names.department import equivalent_forms as department_aliases
from kg.names.department import same_department, split_place, strip_budget_suffix


@pytest.mark.parametrize("a, b", [
    ("昌吉州生态环境局", "昌吉回族自治州生态环境局"),
    ("克州生态环境局", "克孜勒苏柯尔克孜自治州生态环境局"),
    ("克孜勒苏州生态环境局", "克孜勒苏柯尔克孜自治州生态环境局"),
    ("中共江苏省委办公厅", "江苏省委办公厅"),
    ("昌吉州环境污染监控中心部门", "昌吉州环境污染监控中心"),
    ("伊犁哈萨克自治州财政局", "伊犁州财政局"),
    ("新疆维吾尔自治区财政厅", "新疆财政厅"),
    ("木垒哈萨克自治县财政局", "木垒县财政局"),
    ("中国共产党江苏省委员会办公厅", "江苏省委办公厅"),
    ("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅"),
    ("中国人民政治协商会议江苏省委员会办公厅", "江苏省政协办公厅"),
    ("江苏省人民代表大会常务委员会办公厅", "江苏省人大常委会办公厅"),
    ("重庆市人民政府办公厅", "重庆市政府办公厅"),
    ("西安市审计局（汇总）", "西安市审计局"),
    ("无锡市交通运输局（本级）", "无锡市交通运输局本级"),
    ("福州市民政局(本级)", "福州市民政局"),
])
def test_department_key_joins_aliases(a: str, b: str) -> None:
    assert department_key(a) == department_key(b)


def test_department_key_keeps_different_departments_apart() -> None:
    assert department_key("昌吉州生态环境局") != department_key("克州生态环境局")
    assert department_key("江苏省委办公厅") != department_key("浙江省委办公厅")
    assert department_key("昌吉州环境污染监控中心") != department_key("昌吉州生态环境局")


def test_same_department_allows_a_missing_area_prefix() -> None:
    assert same_department("省委办公厅", "中共江苏省委办公厅")
    assert same_department("昌吉州生态环境局", "昌吉回族自治州生态环境局")
    assert not same_department("江苏省委办公厅", "浙江省委办公厅")
    assert not same_department(None, "江苏省委办公厅")
    assert same_department("省委办公厅", "中国共产党江苏省委员会办公厅")
    assert not same_department("江苏省委办公厅", "江苏省政府办公厅")
    assert not same_department("西安市审计局", "西安市卫生健康委员会")


def test_keys_keep_the_people_of_courts_and_procuratorates() -> None:
    assert department_key("江苏省高级人民法院") == "江苏省高级人民法院"
    assert department_key("北京市人民检察院") == "北京市人民检察院"


def test_budget_scope_suffix() -> None:
    assert strip_budget_suffix("西安市卫生健康委员会（汇总）") == "西安市卫生健康委员会"
    assert strip_budget_suffix("昌吉州环境污染监控中心部门") == "昌吉州环境污染监控中心"
    assert strip_budget_suffix("北京市财政局") == "北京市财政局"


def test_place_split() -> None:
    assert split_place("上海市普陀区司法局") == (["上海市", "普陀区"], "司法局")
    assert split_place("昌吉回族自治州生态环境局") == (["昌吉回族自治州"], "生态环境局")
    assert split_place("国家信访局") == ([], "国家信访局")


def test_department_aliases() -> None:
    assert department_aliases("昌吉州生态环境局") == ["昌吉州生态环境局", "昌吉回族自治州生态环境局"]
    aliases = department_aliases("克孜勒苏柯尔克孜自治州生态环境局")
    assert aliases[0] == "克孜勒苏柯尔克孜自治州生态环境局"
    assert {"克孜勒苏州生态环境局", "克州生态环境局"} <= set(aliases)
    assert "中共江苏省委办公厅" in department_aliases("江苏省委办公厅")
    assert "江苏省委办公厅" in department_aliases("中共江苏省委办公厅")
    assert {"中共江苏省委办公厅", "中国共产党江苏省委员会办公厅"} <= set(department_aliases("江苏省委办公厅"))
    assert "重庆市人民政府办公厅" in department_aliases("重庆市政府办公厅")


@pytest.mark.parametrize("text, unit", [
    ("编制部门：昌吉回族自治州生态环境局 单位：万元", "万元"),
    ("部门：江苏省政协办公厅单位：万元", "万元"),
    ("编制单位：上海市普陀区社会福利院单位：元", "元"),
    ("编制部门：上海市普陀区司法局单位:万元", "万元"),
    ("部门名称：江苏省高级人民法院 单位：万", "万元"),
    ("预算单位：上海市普陀区社会福利院", None),
])
def test_table_unit(text: str, unit: str | None) -> None:
    assert table_unit(text) == unit


def _doc(texts: list[str]) -> SourceDocument:
    return SourceDocument(path="x.txt", name="x.txt", format="text",
                          lines=[Line(text=t, lineno=i + 1, page=1) for i, t in enumerate(texts)])


def test_identify_unit_budget_of_another_template() -> None:
    record = Record(source="x.txt")
    identify(_doc(["预算单位：上海市普陀区社会福利院", "五、单位预算表", "1.2024年预算单位财务收支预算总表",
                   "2024年预算单位财务收支预算总表", "编制单位：上海市普陀区社会福利院单位：元",
                   "单位“三公”经费和机关运行经费预算表", "编制单位：上海市普陀区社会福利院单位:万元",
                   "2024年预算单位收入预算总表", "编制单位：上海市普陀区社会福利院单位：元"]), record)
    assert record.department == "上海市普陀区社会福利院"
    assert record.year == 2024
    assert record.kind == "单位预算"
    assert record.unit == "元"


@pytest.mark.parametrize("name, department, year", [
    ("000_0f1ed1c99506120d.txt", "昌吉回族自治州生态环境局", 2025),
    ("001_ed6cd4656d0ac36f.txt", "昌吉州环境污染监控中心", 2023),
    ("004_afd15c6fd474ed3f.txt", "克孜勒苏柯尔克孜自治州生态环境局", 2024),
])
def test_identify_corpus(shared_dir, name: str, department: str, year: int) -> None:
    record = Record(source=name)
    identify(read_text(str(shared_dir / "corpus" / name)), record)
    assert (record.department, record.year, record.kind, record.unit) == (department, year, "部门预算", "万元")


def test_short_forms_of_a_scoped_budget_name() -> None:
    from kg.names.department import short_forms

    assert short_forms("深圳市财政局（本级）")[:2] == ["深圳市财政局", "深圳财政局"]
    assert "普陀区司法局" in short_forms("上海市普陀区司法局")
    # a national organ is called by its organisation alone too (信访局), a name it shares with 长春's and
    # 长沙's: the question service asks back unless only one of them holds the answer
    assert short_forms("国家信访局") == ["信访局"]
    assert short_forms("中央纪委国家监委") == []
