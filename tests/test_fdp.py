"""``budgetkg export --format fdp OUT_DIR``: a Fiscal Data Package of the corpus + realdocs graph
that loads back with the same amounts (kg/graph/fdp.py), through the real CLI on an on-disk store."""
from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal as D

import pytest

from kg.cli import main
from kg.graph.fdp import load_fdp

PER_DOCUMENT = """PREFIX bkg: <https://budgetkg.org/ontology#> PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label (COUNT(?o) AS ?n) (SUM(?a) AS ?sum) WHERE { ?o a %s ; bkg:document ?d ; bkg:amount ?a .
  ?d rdfs:label ?label } GROUP BY ?label"""


@pytest.fixture(scope="module")
def package(shared_records, tmp_path_factory):
    from kg.graph.load import ingest_records
    from kg.store import open_store

    folder = tmp_path_factory.mktemp("fdp")
    url = f"oxigraph:{folder / 'db'}"
    store = open_store(url)
    ingest_records(store, shared_records)
    store.close()
    assert main(["export", "--format", "fdp", str(folder / "pkg"), "--store", url]) == 0
    store = open_store(url, read_only=True)
    per_doc = {kind: {r[0]: (r[1], D(str(r[2]))) for r in store.query(PER_DOCUMENT % kind).values()}
               for kind in ("qb:Observation", "bkg:FundingFlow")}
    store.close()
    return folder / "pkg", per_doc


def test_package_descriptor_and_bom(package):
    folder, _ = package
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "fiscal-data-package"
    assert [r["path"] for r in descriptor["resources"]] == ["budget-figures.csv", "funding-flows.csv"]
    assert descriptor["model"]["measures"]["amount"] == {"source": "amount", "currency": "CNY", "factor": 10000,
                                                         "title": "金额（万元）"}
    for res in descriptor["resources"]:
        raw = (folder / res["path"]).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
        header = raw[3:].decode("utf-8").splitlines()[0].split(",")
        assert header == [f["name"] for f in res["schema"]["fields"]]


def test_package_loads_back_with_the_same_amounts(package):
    folder, per_doc = package
    data = load_fdp(folder)
    for resource, kind in (("budget-figures", "qb:Observation"), ("funding-flows", "bkg:FundingFlow")):
        got: dict[str, list] = defaultdict(lambda: [0, D(0)])
        for row in data[resource]:
            got[row["document"]][0] += 1
            got[row["document"]][1] += D(row["amount"])
        assert {k: tuple(v) for k, v in got.items()} == per_doc[kind], resource
    assert len(per_doc["qb:Observation"]) == 10
    rows = [r for r in data["budget-figures"] if r["document"] == "昌吉回族自治州生态环境局2025年部门预算"
            and r["item"] == "income_total"]
    assert [(r["department"], r["fiscal_year"], r["phase"], D(r["amount"])) for r in rows] == [
        ("昌吉回族自治州生态环境局", "2025", "budget", D("4678.70"))]
    cells = [r for r in data["budget-figures"] if r["document"] == "江苏省政协办公厅2019年部门预算"
             and r["subject_code"] == "201" and r["expenditure_kind"] == "total"]
    # the main table (财政拨款) and the 一般公共预算支出表, each row with the funds it covers
    assert sorted((r["classification"], r["scope"], D(r["amount"])) for r in cells) == [
        ("functional", "fiscal", D("10191.56")), ("functional", "general_public_budget", D("10191.56"))]


def test_fdp_needs_a_folder(capsys, tmp_path):
    assert main(["export", "--format", "fdp", "--store", f"oxigraph:{tmp_path / 'db'}"]) == 2
    assert "OUT_DIR" in capsys.readouterr().err
