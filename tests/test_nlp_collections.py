"""A set named by its size only (“三家单位”, “这五个部门”) means the budgets read together: the
collection (the folder given to ``ingest``) holding exactly that many departments, where the graph
holds more. Real ingest (``kg.graph.ingest.ingest_paths``) of two folders into an on-disk oxigraph
store — the three corpus texts of ../shared/corpus and five generated budgets — and the real
question service over it."""
from __future__ import annotations

import os
from decimal import Decimal as D
from pathlib import Path

import pytest

from kg.graph.ingest import IngestOptions, collections_of, ingest_paths
from kg.store import open_store
from kg.synth.corpus import CorpusOptions, write_corpus
from nlp import answer

CORPUS = ("克孜勒苏柯尔克孜自治州生态环境局", "昌吉回族自治州生态环境局", "昌吉州环境污染监控中心")


@pytest.fixture(scope="module")
def two_collections(shared_dir, tmp_path_factory):
    """An oxigraph store of two collections: 语料 (the 3 corpus texts, linked) and 生成 (5 generated)."""
    corpus = sorted((shared_dir / "corpus").glob("*.txt"))
    if len(corpus) != 3:
        pytest.skip(f"{shared_dir / 'corpus'} does not hold the three corpus texts")
    root = tmp_path_factory.mktemp("collections")
    (root / "语料").mkdir()
    for f in corpus:
        os.symlink(f, root / "语料" / f.name)
    write_corpus(CorpusOptions(out=root / "生成", departments=5, years=range(2024, 2025), seed=5))
    url = f"oxigraph:{root / 'store'}"
    store = open_store(url)
    try:
        summary = ingest_paths(store, [str(root / "语料"), str(root / "生成")], IngestOptions(jobs=1))
        assert summary.ok and summary.count("loaded") == 8
    finally:
        store.close()
    store = open_store(url, read_only=True)
    yield store
    store.close()


def test_each_file_belongs_to_the_folder_it_was_given_with(tmp_path):
    (tmp_path / "a" / "sub").mkdir(parents=True)
    files = [str(tmp_path / "a" / "sub" / "x.pdf"), str(tmp_path / "b" / "y.txt")]
    assert collections_of([str(tmp_path / "a"), files[1]], files) == {files[0]: "a", files[1]: "b"}


def test_three_units_are_the_three_read_together(two_collections):
    # corpus 表1 一般公共预算拨款: 004 克州 2,188.62 (2024); 000 昌吉州 1,744.68 (2025); 001 监控中心 405.68 (2023)
    reply = answer("这三家单位谁的一般公共预算拨款最多？按多少排个序", two_collections).to_json()
    ranked = [(a["department"], D(a["value"])) for a in reply["answers"] if a.get("rank")]
    assert ranked == [(CORPUS[0], D("2188.62")), (CORPUS[1], D("1744.68")), (CORPUS[2], D("405.68"))]
    assert "按同一批读入的3家作答" in reply["text"]


def test_a_word_between_the_size_and_its_noun_names_the_same_set(two_collections):
    """这三家环保单位: the three read together, whatever word stands between 三家 and 单位 (blind batch 87)."""
    reply = answer("这三家环保单位的“三公”经费谁最多？", two_collections).to_json()
    assert "按同一批读入的3家作答" in reply["text"]
    assert {a["department"] for a in reply["answers"] if a.get("department")} <= set(CORPUS)


def test_five_departments_are_the_generated_five(two_collections):
    reply = answer("五个部门的收入总计各是多少？", two_collections).to_json()
    departments = {a["department"] for a in reply["answers"]}
    assert len(departments) == 5 and not departments & set(CORPUS)


def test_a_size_no_collection_has_still_lists_everything_and_says_so(two_collections):
    reply = answer("四家单位的收入总计各是多少？", two_collections).to_json()
    assert len({a["department"] for a in reply["answers"]}) == 8
    assert "问题说的是4个" in reply["text"]
