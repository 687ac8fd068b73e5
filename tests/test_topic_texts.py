"""Topic questions that name a project by what it does, not by its name (issue 9, class 6): the
project's description and its performance indicators are its texts too; names rank first; a count of
people asked after the project is its target's. Real documents of ../shared/national (skipped where
absent), ingested by the real command into a real oxigraph store (so the stored project index, with
its indicator texts, is built and used as in production)."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.nlp_support import reply_labels as labels
from tests.nlp_support import reply_numbers as numbers

pytestmark = pytest.mark.shared

REPO = Path(__file__).resolve().parent.parent
DOCS = ("fujian_fuzhou/福州市商务局_2026部门预算.pdf", "fujian_fuzhou/福州市民政局本级_2026单位预算.pdf",
        "hunan_changsha/长沙市信访局_2026部门预算.pdf", "zhejiang_huzhou/湖州市财政局_2026部门预算.pdf",
        "guangdong_guangzhou/广州市统计局_2026部门预算.pdf")


@pytest.fixture(scope="module")
def store(shared_dir, tmp_path_factory):
    folder = shared_dir / "national"
    paths = [folder / d for d in DOCS]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        pytest.skip(f"not present: {', '.join(missing)}")
    where = tmp_path_factory.mktemp("topic_texts") / "store"
    subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "--store", f"oxigraph:{where}", *map(str, paths)],
                   cwd=REPO, check=True, capture_output=True, timeout=900)
    from kg.store import open_store

    opened = open_store(f"oxigraph:{where}")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def ask(store):
    from nlp import answer

    def _ask(question: str) -> dict:
        return answer(question, store).to_json()
    return _ask


def test_a_project_found_by_its_targets(ask) -> None:
    """福州市商务局 2026 绩效目标表 p32: 菜篮子工程建设专项资金 1,800.00, 年度目标 年储备活体生猪10.8万头、冻猪肉储备
    保持在1000吨以上, indicator 冻猪肉储备量 >=1000吨 — its name says neither; 保供 is the class the examples
    illustrate (这类保供), which no project need print."""
    reply = ask("福州市商务局有没有安排生猪、冻猪肉储备这类保供的钱？哪个项目，多少？")
    assert set(labels(reply)) == {"菜篮子工程建设专项资金"}
    assert Decimal("1800.00") in numbers(reply)
    assert "冻猪肉储备量 >=1000吨" in reply["text"] and "生猪10.8万头" in reply["text"]


def test_a_group_named_by_the_name_and_said_by_the_texts(ask) -> None:
    """福州市民政局本级 2026: 老年人 in the name of the 309.00 project; 养老 / 百岁老人 / 老龄 in the names of
    3,300.00 / 112.20 / 22.00 whose descriptions or indicators say 老年人 — all four; not 革命“五老”人员 (47.68)
    nor 慈善总会及老促会 (80.00), whose texts never say it."""
    reply = ask("福州市民政局本级有哪些专门针对老年人的项目？各多少钱？")
    got = numbers(reply)
    assert {Decimal("3300.00"), Decimal("309.00"), Decimal("112.20"), Decimal("22.00")} <= got
    assert not {Decimal("47.68"), Decimal("80.00")} & got
    assert len(labels(reply)) == 4


def test_a_word_the_description_holds_more_of_than_the_name(ask) -> None:
    """湖州市财政局 2026 表10/11: 全市会计人员考培 187.00, 绩效目标 …培养40名充分掌握先进会计理论人才 — the
    number of people asked after it is the description's."""
    reply = ask("湖州市财政局有没有搞会计人才培训的项目？多少钱，打算培养多少人？")
    assert "全市会计人员考培" in " ".join(labels(reply))
    assert {Decimal("187.00"), Decimal("40")} <= numbers(reply)


def test_a_count_of_people_from_the_projects_indicator(ask) -> None:
    """长沙市信访局 2026 p25–26: 人民来访接待中心业务专项 102.80, indicators 接待群众心理咨询、法律咨询人次 >=150人次
    and 聘请专业律师和心理咨询师人数 =4人次 — 请了几个人 is the 聘请 indicator's 4 (not 3000 visitors, not staff)."""
    reply = ask("长沙信访局给上访群众提供免费心理咨询、法律咨询，这笔钱在哪个项目里？多少钱？请了几个人？")
    assert "人民来访接待中心业务专项" in labels(reply)
    assert {Decimal("102.80"), Decimal("4")} <= numbers(reply)
    assert Decimal("3000") not in numbers(reply)
    assert "实有人数" not in reply["text"]


def test_a_word_only_scattered_over_texts_finds_nothing(ask) -> None:
    """广州市统计局 2026 budgets 第四次全国农业普查 (534.72, 76.30); 经济 stands only in a description's 经济社会发展:
    no 经济普查 project."""
    reply = ask("广州市统计局2026年安排了多少经济普查经费？")
    assert not {Decimal("534.72"), Decimal("76.30")} & numbers(reply)
    assert "没有找到" in reply["text"]


def test_the_stored_index_keeps_indicator_texts(store, ask) -> None:
    """The ingest stores every project's indicator texts in the project index; a topic question over every
    budget finds 菜篮子工程建设专项资金 by its indicator 冻猪肉储备量 from the index."""
    from nlp import topic_index

    texts = topic_index.stored(store)
    assert texts is not None
    entry = next(e for e in texts.entries if e[0] == "菜篮子工程建设专项资金")
    assert "冻猪肉储备量 >=1000吨" in entry[4].split("\n")
    reply = ask("有没有冻猪肉储备方面的项目？")
    assert "菜篮子工程建设专项资金" in labels(reply)
    assert Decimal("1800.00") in numbers(reply)


def test_a_name_holding_part_of_the_word_its_texts_hold_whole(ask) -> None:
    """福州市民政局本级 2026: 市级扶持老区建设专项资金 1,100.00 names 老区建设; 省革命老区发展…专项资金 245.00 names
    老区发展; 衔接推进老区乡村振兴补助资金 130.00 names only 老区, and its 年度目标 says 提高老区人民自我发展能力
    (老区…发展, as a name said short is read) — as much about it as the other two; not 慈善总会及老促会业务费 (80.00)."""
    reply = ask("福州民政局本级有哪些跟老区建设、老区发展有关的项目？各多少钱？")
    assert {Decimal("1100.00"), Decimal("245.00"), Decimal("130.00")} <= numbers(reply)
    assert Decimal("80.00") not in numbers(reply)
