"""Documents made to hurt the reader, through the real CLI (``extract``, ``audit``, ``ingest``):
each is refused in one stderr line naming the file and the limit it broke, the run exits 1,
every other document of the run is still read, and nothing already in the graph is lost.

The files are made at test time (``tests/fixtures/hostile_inputs.py``): a decompression bomb, a
page of 14,400 points, a 50 MB text, a PDF of a million characters, a FIFO, a symlink to
``/dev/zero``, a socket, an unreadable folder and file. Limits are set small where the defaults
would let a bomb run for seconds, so every case fails fast.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixtures import hostile_inputs as hostile
from tests.fixtures.records import qingshan_ecology, qingshan_education
from tests.ingest_support import (assert_nothing_lost, copy_stocked_store, run_cli, snapshot, stderr_lines,
                                  validate)

GOOD = "good_2026.txt"  # a budget the stocked store does not hold yet


def good_budget(folder: Path) -> Path:
    path = folder / GOOD
    path.write_text(hostile.budget_text(qingshan_ecology(2026)), encoding="utf-8")
    return path


def assert_good_read(command: str, result, folder: Path) -> None:
    if command == "extract":
        (record,) = json.loads(result.stdout)
        assert record["source"] == GOOD and record["totals"]["income_total"] == "3528.45"
    elif command == "audit":
        assert f"== {GOOD}: 青山市生态环境局 2026 部门预算" in result.stdout
    else:
        assert f"{GOOD}: 青山市生态环境局 2026 部门预算 -> <" in result.stdout


def command_args(command: str, folder: Path, store: str | None) -> list[str]:
    if command == "extract":
        return ["extract", "--json", str(folder)]
    if command == "audit":
        return ["audit", str(folder)]
    return ["ingest", str(folder), "--store", store]


@pytest.fixture
def store_with_budgets(tmp_path, stocked_store_template):
    """A function giving an on-disk store already holding four good budgets (what a bad run
    must keep): a copy of the session's stocked store, made only for the ingest variants."""
    return lambda: copy_stocked_store(stocked_store_template, tmp_path)[0]


@pytest.mark.parametrize("command", ["extract", "audit", "ingest"])
def test_special_files_refused_by_name_without_blocking(command, tmp_path, store_with_budgets):
    """A FIFO, a symlink to /dev/zero and a socket, all named .txt: refused after one
    ``os.stat``, never opened (the FIFO would block forever, /dev/zero never ends)."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    fifo, zero, sock = hostile.fifo_txt(folder), hostile.device_txt(folder), hostile.socket_file(folder)
    good_budget(folder)
    stocked_store = store_with_budgets() if command == "ingest" else None
    before = snapshot(stocked_store) if stocked_store else None
    result = run_cli(*command_args(command, folder, stocked_store), timeout=120)
    failed = stderr_lines(result)
    assert result.returncode == 1
    assert failed == {str(fifo): "a named pipe (FIFO), not a document file: refused",
                      str(zero): "a character device (/dev/zero), not a document file: refused",
                      str(sock): "a socket, not a document file: refused"}
    assert_good_read(command, result, folder)
    if command == "ingest":
        assert_nothing_lost(before, snapshot(stocked_store))
        validate(stocked_store)


@pytest.mark.parametrize("command", ["extract", "audit", "ingest"])
def test_unreadable_folder_and_file_are_errors(command, tmp_path, store_with_budgets):
    """``chmod 000`` on a folder and a file (root's override of permissions dropped): both named
    as errors, exit 1, the readable budget beside them still read."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    text = hostile.budget_text(qingshan_education(2025))
    locked = hostile.unreadable_dir(folder, text)
    secret = hostile.unreadable_file(folder, text)
    good_budget(folder)
    stocked_store = store_with_budgets() if command == "ingest" else None
    before = snapshot(stocked_store) if stocked_store else None
    try:
        result = run_cli(*command_args(command, folder, stocked_store), unprivileged=True, timeout=120)
        alone = run_cli(*(["audit", str(locked)] if command == "audit" else
                          command_args(command, locked, stocked_store)), unprivileged=True, timeout=120)
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert result.returncode == 1
    assert stderr_lines(result) == {str(locked): "cannot read folder: permission denied",
                                    str(secret): "cannot read: permission denied"}
    assert_good_read(command, result, folder)
    assert alone.returncode == 1 and stderr_lines(alone) == {str(locked): "cannot read folder: permission denied"}
    if command == "ingest":
        assert_nothing_lost(before, snapshot(stocked_store))
        validate(stocked_store)


# (name, make(folder) -> path, extra CLI options, the reason's exact text or its limit part)
LIMIT_CASES = [
    ("decompression_bomb", lambda d: hostile.decompression_bomb_pdf(d, 16 << 20), ["--max-stream-mb", "4"],
     "(from 16 KB: a decompression bomb?) (limit --max-stream-mb 4)"),
    ("huge_page", lambda d: hostile.huge_page_pdf(d), [], "page 1 is 14400 x 14400 points (limit --max-page-side 5000)"),
    ("text_50mb", lambda d: hostile.big_text(d, "青山市生态环境局2025年部门预算公开", 50), [],
     "text of 50.0 MB is too large (limit --max-text-mb 16)"),
    ("file_size", lambda d: hostile.big_text(d, "青山市生态环境局2025年部门预算公开", 3), ["--max-file-mb", "2"],
     "file of 3.0 MB is too large (limit --max-file-mb 2)"),
    ("page_count", lambda d: hostile.many_pages_pdf(d, 3), ["--max-pages", "2"], "3 pages (limit --max-pages 2)"),
    ("memory", lambda d: hostile.many_chars_pdf(d, 1_000_000), ["--max-memory-mb", "100"],
     "needs more than 100 MB of memory (limit --max-memory-mb 100)"),
    ("cpu_time", lambda d: hostile.many_chars_pdf(d, 1_000_000), ["--max-cpu-seconds", "1"],
     "took more than 1 s of CPU (limit --max-cpu-seconds 1)"),
    ("wall_time", lambda d: hostile.many_chars_pdf(d, 1_000_000), ["--max-seconds", "3"],
     "took longer than 3 s (limit --max-seconds 3)"),
]


@pytest.mark.parametrize("name,make,options,reason", LIMIT_CASES, ids=[c[0] for c in LIMIT_CASES])
def test_extract_stops_at_each_limit(name, make, options, reason, tmp_path):
    """One hostile document and one good budget: the hostile one is named with the limit it
    broke, the good one is read."""
    path = make(tmp_path)
    good_budget(tmp_path)
    result = run_cli("extract", "--json", str(tmp_path), *options, timeout=300)
    failed = stderr_lines(result)
    assert result.returncode == 1 and list(failed) == [str(path)], result.stderr
    assert failed[str(path)].endswith(reason), failed[str(path)]
    assert_good_read("extract", result, tmp_path)


@pytest.mark.parametrize("command", ["audit", "ingest"])
def test_audit_and_ingest_stop_at_the_limits(command, tmp_path, store_with_budgets):
    """All the hostile documents in one folder with one good budget, under ``audit`` and
    ``ingest``: one line each naming its limit; the good one read; for ingest, the graph keeps
    every earlier document and still validates."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    expected = {
        hostile.decompression_bomb_pdf(folder, 16 << 20): "(limit --max-stream-mb 4)",
        hostile.huge_page_pdf(folder): "(limit --max-page-side 5000)",
        hostile.big_text(folder, "青山市生态环境局2025年部门预算公开", 50): "(limit --max-text-mb 16)",
        hostile.many_pages_pdf(folder, 3): "(limit --max-pages 2)",
        hostile.many_chars_pdf(folder, 1_000_000): "(limit --max-memory-mb 100)",
        hostile.fifo_txt(folder): "not a document file: refused",
        hostile.device_txt(folder): "not a document file: refused",
    }
    good_budget(folder)
    stocked_store = store_with_budgets() if command == "ingest" else None
    before = snapshot(stocked_store) if stocked_store else None
    args = command_args(command, folder, stocked_store)
    result = run_cli(*args, "--max-stream-mb", "4", "--max-pages", "2", "--max-memory-mb", "100", timeout=300)
    failed = stderr_lines(result)
    assert result.returncode == 1
    assert set(failed) == {str(p) for p in expected}, result.stderr
    for path, ending in expected.items():
        assert failed[str(path)].endswith(ending), failed[str(path)]
    assert_good_read(command, result, folder)
    if command == "ingest":
        assert_nothing_lost(before, snapshot(stocked_store))
        validate(stocked_store)


def test_workers_run_in_parallel_and_keep_the_order(tmp_path):
    """``read_isolated`` with two workers: outcomes come back in input order, a hostile file
    fails alone, and the limits travel to the workers."""
    from kg.extract.limits import ReadLimits
    from kg.extract.worker import read_isolated

    paths = [good_budget(tmp_path), hostile.many_pages_pdf(tmp_path, 3), hostile.fifo_txt(tmp_path)]
    other = tmp_path / "other.txt"
    other.write_text(hostile.budget_text(qingshan_ecology(2024)), encoding="utf-8")
    paths.append(other)
    outcomes = list(read_isolated([str(p) for p in paths], ReadLimits(max_pages=2), jobs=2))
    assert [o.path for o in outcomes] == [str(p) for p in paths]
    assert [o.ok for o in outcomes] == [True, False, False, True]
    assert outcomes[0].record.year == 2026 and outcomes[3].record.year == 2024
    assert outcomes[1].reason == "3 pages (limit --max-pages 2)"
    assert all(o.seconds > 0 for o in outcomes)


def test_limits_are_validated_settings():
    """Like pdfplumber's TableSettings: a bad value is refused when the settings are made, and
    the CLI refuses it as a usage error."""
    from kg.extract.limits import ReadLimits

    for bad in ({"max_pages": 0}, {"max_memory_mb": -1}, {"max_seconds": float("nan")},
                {"max_cpu_seconds": float("inf")}, {"max_file_mb": "10"}, {"max_pages": True}):
        with pytest.raises(ValueError):
            ReadLimits(**bad)
    assert ReadLimits().replace(max_pages=5, max_seconds=None).max_pages == 5
    result = run_cli("extract", "x.txt", "--max-memory-mb", "-5")
    assert result.returncode == 2 and "must be positive" in result.stderr
