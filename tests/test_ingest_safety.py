"""Nothing good is ever lost by ``budgetkg ingest``: not to a degraded new version of a budget,
not to garbled figures, not to a broken records file, not to a code or name full of IRI syntax,
not to a kill at any moment. Every test runs the real CLI as a subprocess on an on-disk
oxigraph store that already holds four good budgets, and checks afterwards that their graphs and
totals are untouched and that ``budgetkg validate`` passes.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from urllib.parse import unquote

from kg.extract.serialize import dumps
from tests.fixtures import hostile_inputs as hostile
from tests.fixtures.records import qingshan_ecology, qingshan_education
from tests.ingest_support import (REPO, assert_nothing_lost, budgetkg_command, copy_stocked_store, run_cli,
                                  snapshot, stderr_lines, validate)

LOADED_RE = re.compile(r"^(\S+): .* -> <([^>]+)> \(\d+ triples(?:, \d+ files combined)?\)$")
SKIPPED_RE = re.compile(r"^(\S+): skipped as unchanged \(in <([^>]+)>\)$")


@pytest.fixture
def stocked(tmp_path, stocked_store_template) -> tuple[str, dict[str, Path]]:
    """(store URL, the four budget files it holds): a copy of the session's stocked store."""
    return copy_stocked_store(stocked_store_template, tmp_path)


def loaded_sources(stdout: str) -> list[str]:
    return [m.group(1) for m in map(LOADED_RE.match, stdout.splitlines()) if m]


# ------------------------------------------------------------------ degraded and garbled versions

def test_degraded_version_never_replaces_a_good_budget(tmp_path, stocked):
    """The 2025 budget flattened to one line (identity readable, tables and totals gone) is kept
    out with the reason; a garbled copy (every figure random) is not ingested; a garbled new
    budget neither. ``--force`` overrides, and a good new version replaces the old one."""
    url, budgets = stocked
    before = snapshot(url)
    text = budgets["eco_2025.txt"].read_text(encoding="utf-8")
    one_line = hostile.one_line_text(tmp_path, text)
    garbled = hostile.garbled_text(tmp_path, text)
    garbled_new = hostile.garbled_text(tmp_path, hostile.budget_text(qingshan_ecology(2026)), seed=2,
                                       name="garbled_2026.txt")
    result = run_cli("ingest", str(one_line), str(garbled), str(garbled_new), "--store", url)
    failed = stderr_lines(result)
    assert result.returncode == 1 and result.stdout == ""
    assert failed[str(one_line)].startswith("kept the stored 青山市生态环境局 2025 部门预算 <")
    assert "the new version reads worse (no totals; no budget tables found; the stored one has them)" \
        in failed[str(one_line)]
    assert failed[str(one_line)].endswith("--force replaces it)")
    for path in (garbled, garbled_new):
        assert re.fullmatch(r"not ingested: every figure fails its arithmetic \(\d+ checks, none passes\): "
                            r"garbled figures\? \(--force ingests it anyway\)", failed[str(path)]), failed[str(path)]
    assert_nothing_lost(before, snapshot(url))
    validate(url)

    # a good new version of the 2025 budget (a misprint corrected the other way) replaces it
    newer = tmp_path / "eco_2025_v2.txt"
    newer.write_text(hostile.budget_text(qingshan_ecology(2025, misprint=True)), encoding="utf-8")
    result = run_cli("ingest", str(newer), "--store", url)
    assert result.returncode == 0 and loaded_sources(result.stdout) == ["eco_2025_v2.txt"], result.stderr
    after = snapshot(url)
    graph_2025 = LOADED_RE.match(result.stdout.strip()).group(2)
    assert after.triples[graph_2025] != before.triples[graph_2025]
    assert {g: n for g, n in after.triples.items() if g != graph_2025} == \
        {g: n for g, n in before.triples.items() if g != graph_2025}

    # --force: the user insists, the degraded version replaces it
    result = run_cli("ingest", str(one_line), "--force", "--store", url)
    assert result.returncode == 0 and loaded_sources(result.stdout) == ["one_line.txt"], result.stderr
    forced = snapshot(url)
    assert (graph_2025, "income_total") not in forced.totals


# ------------------------------------------------------------------ records files

BAD_RECORDS = {
    "deep.json": ("[" * 5000 + "]" * 5000, "cannot read records: JSON nested more than 12 levels deep"),
    "wrong_type.json": (json.dumps({"source": "x.txt", "year": "二〇二五", "projects": {"name": "x"}}),
                        "cannot read records: does not follow the records contract (records.md): record.year: "
                        "expected a whole number, found text; record.projects: expected a list, found an object"),
    "bad_decimal.json": (json.dumps([{"source": "x.txt", "totals": {"income_total": "12,3x"}}]),
                         "cannot read records: does not follow the records contract (records.md): "
                         "records[0].totals.income_total: '12,3x' is not a decimal"),
    "nan.json": ('{"source": "x.txt", "totals": {"income_total": NaN}}',
                 "cannot read records: not valid JSON for records: NaN is not a number"),
    "not_json.json": ('{"source": "x.txt",', "cannot read records: not valid JSON: Expecting property name"),
    "surrogate.json": ('{"source": "\\ud800.txt"}', "cannot read records: does not follow the records contract "
                                                     "(records.md): record.source: not valid Unicode (a lone surrogate)"),
    "long_name.json": (json.dumps({"source": "x.txt", "department": "局" * 100_001}, ensure_ascii=False),
                       "cannot read records: does not follow the records contract (records.md): "
                       "record.department: text of 100001 characters (at most 100000)"),
    "bad_code.json": (None, "cannot read records: does not follow the records contract (records.md): "
                            "record.functional_subjects[0].code: '21\\\\\"<>} 1' is not a functional subject code"),
}


def test_records_files_checked_against_the_contract(tmp_path, stocked):
    """Each broken records file is named with where and why; the good records file given after
    them is ingested; the graph keeps every earlier budget and validates."""
    url, _ = stocked
    before = snapshot(url)
    paths = []
    for name, (content, _) in BAD_RECORDS.items():
        path = tmp_path / name
        if content is None:  # a real record whose first subject code holds IRI syntax
            data = json.loads(dumps([qingshan_ecology(2027)], single=True))
            data["functional_subjects"][0]["code"] = '21\\"<>} 1'
            content = json.dumps(data, ensure_ascii=False)
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    good = tmp_path / "good.json"
    good.write_text(dumps([qingshan_education(2026)], single=True), encoding="utf-8")
    result = run_cli("ingest", *map(str, paths), str(good), "--store", url)
    failed = stderr_lines(result)
    assert result.returncode == 1
    assert set(failed) == {str(p) for p in paths}
    for path in paths:
        expected = BAD_RECORDS[path.name][1]
        assert failed[str(path)].startswith(expected), (failed[str(path)], expected)
    assert loaded_sources(result.stdout) == [qingshan_education(2026).source]
    assert_nothing_lost(before, snapshot(url))
    validate(url)


# ------------------------------------------------------------------ IRI syntax in codes and names

HOSTILE = 'a\\b"c<d>e}f{g|h^i`j k\nl\t\U00020000\U0001F600%2F/#?'


def hostile_record():
    """A real budget whose names all carry IRI syntax, line breaks, non-BMP characters, and one
    of them 5,000 characters long."""
    record = qingshan_ecology(2028)
    record.department = "青山市" + HOSTILE + "局"
    record.profile.divisions = [HOSTILE, "科" * 5000]
    for p in record.projects:
        p.name = p.name + HOSTILE
        p.responsible_unit = HOSTILE
        for d in p.policy_documents:
            d.title, d.number = "《" + HOSTILE + "》", HOSTILE
    record.definitions = {HOSTILE: HOSTILE}
    return record


def test_iri_syntax_in_names_and_codes(tmp_path, stocked):
    """Records whose names hold ``\\ " < > } { |``, spaces, line breaks, non-BMP characters and
    5,000 characters are ingested and validate; a code holding them is refused by the contract
    (a code is digits); the budget given after both is ingested."""
    url, _ = stocked
    before = snapshot(url)
    names = tmp_path / "hostile_names.json"
    names.write_text(dumps([hostile_record()], single=True), encoding="utf-8")
    codes = tmp_path / "hostile_code.json"
    data = json.loads(dumps([qingshan_ecology(2029)], single=True))
    data["economic_subjects"][0]["code"] = HOSTILE
    codes.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    later = tmp_path / "later.json"
    later.write_text(dumps([qingshan_education(2027)], single=True), encoding="utf-8")
    result = run_cli("ingest", str(names), str(codes), str(later), "--store", url)
    failed = stderr_lines(result)
    assert result.returncode == 1 and list(failed) == [str(codes)]
    assert "record.economic_subjects[0].code:" in failed[str(codes)]
    assert "is not an economic subject code (3, 5 or 7 digits)" in failed[str(codes)]
    assert len(loaded_sources(result.stdout)) == 2, result.stdout
    assert_nothing_lost(before, snapshot(url))
    validate(url)
    sparql = run_cli("sparql", "SELECT ?d ?l WHERE { ?d a bkg:Department ; skos:prefLabel ?l }",
                     "--format", "json", "--store", url)
    rows = json.loads(sparql.stdout)["results"]["bindings"]
    (hostile_row,) = [r for r in rows if r["l"]["value"].startswith("青山市a") and "\U00020000" in r["l"]["value"]]
    iri = hostile_row["d"]["value"]
    assert re.fullmatch(r"https://budgetkg\.org/id/department/[A-Za-z0-9._~%-]+", iri), iri
    assert "<d>e}f{g|h^i`j" in unquote(iri) and "\U00020000\U0001F600" in unquote(iri)


def test_iri_part_encodes_anything():
    """The one encoder: only unreserved characters and %XX escapes, bounded length, distinct
    for texts that share a long prefix, and accepted by the stores' IRI parsers."""
    import pyoxigraph as ox

    from kg.rdf.iris import MAX_PART, economic_subject, functional_subject, inside, iri_part

    texts = [HOSTILE, "", " ", "\ud800", "科" * 5000, "科" * 5000 + "x", "x" * 10_000, "211"]
    parts = [iri_part(t) for t in texts]
    for part in parts:
        assert re.fullmatch(r"[A-Za-z0-9._~%-]*", part) and len(part) <= MAX_PART, part
    assert len(set(parts)) == len(parts)
    assert iri_part("211") == "211" and iri_part("three_public.total") == "three_public.total"
    for iri in (functional_subject(HOSTILE), economic_subject("30101"), inside(functional_subject("1"), HOSTILE)):
        ox.NamedNode(str(iri))  # raises on an invalid IRI
    store = ox.Store()
    store.update(f"INSERT DATA {{ <{functional_subject(HOSTILE)}> <{inside(functional_subject('x'), HOSTILE)}> 1 }}")
    assert len(list(store)) == 1


# ------------------------------------------------------------------ a kill at any moment

def _start_ingest(folder: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen(budgetkg_command("ingest", str(folder), "--store", url), cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)


def _document_graphs(store_path: Path) -> int | None:
    """How many document graphs the store holds, read through a read-only open while the
    ingest writes (``None`` while it cannot be opened yet: the writer is creating it)."""
    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(str(store_path))
    except (OSError, RuntimeError):
        return None
    try:
        return sum(1 for g in store.named_graphs() if "/id/document/" in g.value)
    finally:
        del store


def _kill_after(proc: subprocess.Popen, store_path: Path, commits: int, delay: float) -> list[str]:
    """SIGKILL ``proc`` ``delay`` seconds after the store shows ``commits`` more document
    graphs than it had (polled read-only, so the moment is the commit itself, not the line the
    command prints after it); returns the lines it printed."""
    start = _document_graphs(store_path)
    deadline = time.monotonic() + 300
    while commits and time.monotonic() < deadline and proc.poll() is None:
        now = _document_graphs(store_path)
        if now is not None and start is not None and now >= start + commits:
            break
        time.sleep(0.02)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return out.splitlines()


def _budget_of(department: str, year: int) -> str:
    """A budget text of a department the stocked store has never seen (its registry entry and
    links must come with its first commit)."""
    record = qingshan_ecology(year)
    record.department = department
    return hostile.budget_text(record)


@pytest.mark.parametrize("commits,delay", [(0, 0.8), (1, 0.0), (2, 0.05)],
                         ids=["during_start", "after_first_commit", "after_second_commit"])
def test_kill_during_ingest_then_resume(commits, delay, tmp_path, stocked):
    """``budgetkg ingest`` over eight budgets of four new departments, killed with SIGKILL at
    several points (detected in the store itself, read-only): the store validates at once, the
    rerun reports exactly the committed ones skipped as unchanged and reads the rest, and in the
    end every budget is there once — the earlier ones untouched."""
    url, _ = stocked
    before = snapshot(url)
    folder = tmp_path / "new"
    folder.mkdir()
    # eight budgets: the batches grow (1, 2, 4, …), so a kill after the second commit still
    # lands with budgets left to read even when the machine is slow to deliver the signal
    for department, short in (("青山市水务局", "water"), ("青山市林业局", "forest"),
                              ("青山市审计局", "audit"), ("青山市统计局", "stats")):
        for year in (2026, 2027):
            (folder / f"{short}_{year}.txt").write_text(_budget_of(department, year), encoding="utf-8")
    names = sorted(p.name for p in folder.iterdir())

    killed = _kill_after(_start_ingest(folder, url), tmp_path / "db", commits, delay)
    assert len([line for line in killed if LOADED_RE.match(line)]) < len(names), "killed after the end of the run"
    at_kill = snapshot(url)
    committed = set(at_kill.triples) - set(before.triples)
    assert len(committed) >= commits
    validate(url)  # consistent right after the kill: derived graphs never lag behind a commit
    assert_nothing_lost(before, at_kill)

    rerun = run_cli("ingest", str(folder), "--store", url)
    assert rerun.returncode == 0, rerun.stderr
    skipped = {Path(m.group(1)).name: m.group(2) for m in map(SKIPPED_RE.match, rerun.stdout.splitlines()) if m}
    loaded = loaded_sources(rerun.stdout)
    assert set(skipped.values()) == committed, (skipped, committed)
    assert sorted([*skipped, *loaded]) == names and not set(skipped) & set(loaded)
    final = snapshot(url)
    assert len(final.triples) == len(before.triples) + len(names)
    assert_nothing_lost(at_kill, final)  # what the killed run committed is kept as it was
    validate(url)


# ------------------------------------------------------------------ a budget published as two files

def _source_files(url: str, graph: str) -> set[str]:
    from kg.store import open_store

    store = open_store(url, read_only=True)
    try:
        q = f"SELECT ?f WHERE {{ GRAPH ?g {{ ?g <https://budgetkg.org/ontology#sourceFile> ?f }} FILTER(?g = <{graph}>) }}"
        return {str(row[0]) for row in store.query(q).rows}
    finally:
        store.close()


def test_budget_of_two_files_keeps_both_parts(tmp_path, stocked):
    """A budget published as a narrative file and a tables file is one graph; when only one of
    the files changes, the other (skipped as unchanged) is read again, so the graph never loses
    its part."""
    url, _ = stocked
    text = hostile.budget_text(qingshan_ecology(2026))
    title = text[: text.index("\n") + 1]
    tables_at, narrative_at = text.index("第二部分"), text.index("第三部分")
    folder = tmp_path / "pair"
    folder.mkdir()
    narrative = folder / "a_narrative.txt"
    narrative.write_text(text[:tables_at] + text[narrative_at:], encoding="utf-8")
    tables = folder / "b_tables.txt"
    tables.write_text(title + text[tables_at:narrative_at], encoding="utf-8")

    first = run_cli("ingest", str(folder), "--store", url)
    assert first.returncode == 0, first.stderr
    graph = LOADED_RE.match(first.stdout.splitlines()[-1]).group(2)
    assert first.stdout.splitlines()[-1].endswith("triples, 2 files combined)")
    assert _source_files(url, graph) == {"a_narrative.txt", "b_tables.txt"}
    whole = snapshot(url).triples[graph]

    again = run_cli("ingest", str(folder), "--store", url)
    assert [SKIPPED_RE.match(line).group(2) for line in again.stdout.splitlines()] == [graph, graph]

    with open(tables, "a", encoding="utf-8") as handle:  # a new version of one file only
        handle.write("\n")
    changed = run_cli("ingest", str(folder), "--store", url)
    assert changed.returncode == 0, changed.stderr
    assert SKIPPED_RE.match(changed.stdout.splitlines()[0]).group(1) == str(narrative)
    assert changed.stdout.splitlines()[-1].endswith("triples, 2 files combined)")
    assert _source_files(url, graph) == {"a_narrative.txt", "b_tables.txt"}
    assert snapshot(url).triples[graph] == whole
    validate(url)


# ------------------------------------------------------------------ a reader that cannot be started

def _broken_library(folder: Path, body: str) -> dict[str, str]:
    """The environment of a ``budgetkg`` whose PDF library (``pypdf``) is broken: a package of that
    name first on its path, whose import runs ``body``. The command itself never imports it for
    text documents; the readers' process server loads it at start (``kg.extract.preload``)."""
    package = folder / "pypdf"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(body, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(folder)}


def test_reader_that_cannot_start_fails_each_document_alone(tmp_path, stocked):
    """The readers' process server dies while loading the readers (a library that ends its
    process on import, as a crash in C code or the OOM killer would): starting a worker raises
    ``EOFError`` (or its connection is refused). Each document to read fails on its own line with that reason, the unchanged
    budget is still skipped, the run ends with exit code 1 and no traceback, and the store is
    exactly as it was."""
    url, budgets = stocked
    before = snapshot(url)
    folder = tmp_path / "new"
    folder.mkdir()
    new = [folder / "water_2026.txt", folder / "forest_2026.txt"]
    for path, department in zip(new, ("青山市水务局", "青山市林业局")):
        path.write_text(_budget_of(department, 2026), encoding="utf-8")
    env = _broken_library(tmp_path / "broken", "import os\nos._exit(3)\n")
    result = subprocess.run(budgetkg_command("ingest", str(budgets["eco_2025.txt"]), *map(str, new), "--store", url),
                            cwd=REPO, capture_output=True, text=True, timeout=600, env=env)
    failed = stderr_lines(result)
    assert result.returncode == 1
    assert SKIPPED_RE.match(result.stdout.strip()).group(1) == str(budgets["eco_2025.txt"])
    # EOFError where the server ended while answering; ConnectionRefusedError where it had ended
    # before being asked
    reason = "the reader could not be started: the process that starts the readers ended before starting it ("
    assert set(failed) == set(map(str, new))
    for path in new:
        assert failed[str(path)].startswith(reason), failed[str(path)]
    after = snapshot(url)
    assert after == before
    validate(url)


def test_broken_pdf_library_leaves_text_documents_readable(tmp_path, stocked):
    """A PDF library that raises on import no longer takes the readers' process server down with
    it (``kg.extract.preload`` keeps the failure): text documents, which never load it, are read
    and stored as usual."""
    url, _ = stocked
    before = snapshot(url)
    path = tmp_path / "water_2026.txt"
    path.write_text(_budget_of("青山市水务局", 2026), encoding="utf-8")
    env = _broken_library(tmp_path / "broken", "raise RuntimeError('this pypdf is broken')\n")
    result = subprocess.run(budgetkg_command("ingest", str(path), "--store", url), cwd=REPO, capture_output=True,
                            text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert loaded_sources(result.stdout) == [path.name]
    after = snapshot(url)
    assert_nothing_lost(before, after)
    assert len(after.triples) == len(before.triples) + 1
