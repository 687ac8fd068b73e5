"""The graph commands end to end: ingest, sparql, export, stats, drop, validate, on an on-disk
oxigraph store and on Virtuoso, with the records of the small hand-made budgets (bare clone) and
the gold records (../shared)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph

from kg.cli import main
from kg.extract.serialize import dumps
from tests.graph_fixtures import store_url
from tests.graph_records import small_records


@pytest.fixture(params=["oxigraph", "virtuoso"])
def url(request, tmp_path):
    return store_url(request.param, request, tmp_path)


@pytest.fixture
def records_file(tmp_path):
    path = tmp_path / "records.json"
    path.write_text(dumps(small_records(), single=False), encoding="utf-8")
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_ingest_and_query(capsys, url, records_file):
    code, out, err = run(capsys, "ingest", str(records_file), "--store", url)
    assert code == 0, err
    assert len(out.strip().splitlines()) == 3 and "a_2024.txt: 昌吉回族自治州生态环境局 2024 部门预算 -> <" in out
    code, out, _ = run(capsys, "sparql", "SELECT ?n WHERE { ?p a bkg:Project ; rdfs:label ?n ; bkg:amount ?a } "
                                         "ORDER BY DESC(?a) STR(?n)", "--format", "csv", "--store", url)
    assert code == 0
    assert out.splitlines() == ["n", "大气污染防治监测项目", "水污染防治项目", "排污许可证核查与审核",
                                "环保宣传教育经费", "大气监测项目", "执法能力建设项目"]
    code, out, _ = run(capsys, "sparql", "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a bkg:Department }",
                       "--format", "json", "--store", url)
    data = json.loads(out)
    assert data["head"]["vars"] == ["n"] and int(data["results"]["bindings"][0]["n"]["value"]) == 2
    code, out, _ = run(capsys, "sparql", "@ontology/queries/16_departments_compared.rq", "--store", url)
    assert code == 0 and "(3 rows)" in out and "203.862" in out


def test_reingest_is_idempotent_and_drop(capsys, url, records_file):
    run(capsys, "ingest", str(records_file), "--store", url)
    _, before, _ = run(capsys, "stats", "--format", "json", "--store", url)
    run(capsys, "ingest", str(records_file), "--store", url)
    _, after, _ = run(capsys, "stats", "--format", "json", "--store", url)
    b, a = json.loads(before), json.loads(after)
    assert a["triples"] == b["triples"] and len(a["documents"]) == 3
    assert {"class": "https://budgetkg.org/ontology#Project", "count": 6} in a["classes"]
    code, out, _ = run(capsys, "drop", "c_2024.txt", "--store", url)
    assert code == 0 and out.startswith("dropped <https://budgetkg.org/id/document/2024/")
    _, stats, _ = run(capsys, "stats", "--format", "json", "--store", url)
    assert len(json.loads(stats)["documents"]) == 2
    code, _, err = run(capsys, "drop", "no-such-document.pdf", "--store", url)
    assert code == 1 and "no document matches" in err


def test_drop_of_either_year_removes_the_continues_link(capsys, url, records_file):
    """a_2024.txt and b_2025.txt are two years of one department; the 2025 carry-over 大气监测项目
    continues the 2024 project. ``budgetkg drop`` of either year removes the link."""
    links = "SELECT ?l ?e WHERE { ?l bkg:continues ?e }"
    for dropped in ("a_2024.txt", "b_2025.txt"):
        run(capsys, "ingest", str(records_file), "--store", url)
        _, out, _ = run(capsys, "sparql", links, "--format", "csv", "--store", url)
        assert len(out.splitlines()) == 2, out  # the header and one link
        code, _, _ = run(capsys, "drop", dropped, "--store", url)
        _, out, _ = run(capsys, "sparql", links, "--format", "csv", "--store", url)
        assert code == 0 and out.splitlines() == ["l,e"], out


def test_failed_document_leaves_store_untouched(capsys, url, records_file, tmp_path):
    run(capsys, "ingest", str(records_file), "--store", url)
    _, before, _ = run(capsys, "stats", "--format", "json", "--store", url)
    missing = tmp_path / "missing.pdf"
    code, out, err = run(capsys, "ingest", str(missing), "--store", url)
    assert code == 1 and str(missing) in err and len(err.strip().splitlines()) == 1
    _, after, _ = run(capsys, "stats", "--format", "json", "--store", url)
    assert json.loads(after)["triples"] == json.loads(before)["triples"]


def test_export_formats(capsys, url, records_file, tmp_path):
    run(capsys, "ingest", str(records_file), "--store", url)
    _, stats, _ = run(capsys, "stats", "--format", "json", "--store", url)
    total = json.loads(stats)["triples"]
    code, out, _ = run(capsys, "export", "--format", "nq", "--store", url)
    ds = Dataset()
    ds.parse(data=out, format="nquads")
    assert code == 0 and sum(1 for _ in ds.quads((None, None, None, None))) == total
    target = tmp_path / "g.jsonld"
    code, _, _ = run(capsys, "export", "--format", "jsonld", "-o", str(target), "--store", url)
    ds = Dataset()
    ds.parse(target, format="json-ld")
    assert code == 0 and sum(1 for _ in ds.quads((None, None, None, None))) == total
    code, out, _ = run(capsys, "export", "--format", "ttl", "--store", url)
    g = Graph()
    g.parse(data=out, format="turtle")
    assert code == 0 and 0 < len(g) <= total  # graphs merged: shared triples counted once


def test_validate(capsys, url, records_file):
    run(capsys, "ingest", str(records_file), "--store", url)
    code, out, _ = run(capsys, "validate", "--store", url)
    assert code == 0 and out.startswith("conforms:"), out[-3000:]


def test_usage_errors(capsys, tmp_path):
    code, _, err = run(capsys, "stats", "--store", "postgres:nope")
    assert code == 2 and "unknown store" in err
    code, _, err = run(capsys, "sparql", "SELECT ?x WHERE {", "--store", f"oxigraph:{tmp_path / 'db'}")
    assert code == 1 and "query failed" in err
    code, _, err = run(capsys, "sparql", "@/no/such/file.rq", "--store", "memory")
    assert code == 2


def test_env_var_store(capsys, monkeypatch, tmp_path, records_file):
    monkeypatch.setenv("BUDGETKG_STORE", f"oxigraph:{tmp_path / 'env-db'}")
    code, _, _ = run(capsys, "ingest", str(records_file))
    assert code == 0 and (tmp_path / "env-db").is_dir()


def test_ingest_gold_records_cli(capsys, shared_dir, tmp_path):
    url = f"oxigraph:{tmp_path / 'db'}"
    code, out, _ = run(capsys, "ingest", str(shared_dir / "gold" / "000.json"), str(shared_dir / "gold" / "004.json"),
                       "--store", url)
    assert code == 0 and len(out.strip().splitlines()) == 2
    code, out, _ = run(capsys, "validate", "--store", url)
    assert code == 0


def test_commands_listed_in_help():
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "--help"], capture_output=True, text=True)
    for name in ("ingest", "sparql", "export", "stats", "drop", "validate"):
        assert name in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "--help"], capture_output=True, text=True)
    assert "--store" in proc.stdout
