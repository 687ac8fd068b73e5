"""The command line as a user meets it: help that explains, usage errors, JSON shape.

Runs the real entry point in a fresh interpreter. The documents are rendered from hand-built
records (no ``../shared`` needed); where ``../shared/corpus`` is present its texts are used too.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.records import qingshan_ecology
from tests.fixtures.render import find_cjk_font, render_record_pdf, render_record_text

REPO = Path(__file__).resolve().parent.parent

needs_font = pytest.mark.skipif(find_cjk_font() is None,
                                reason="no CJK font to render with: install fonts-wqy-zenhei (make system-deps)")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=600)


def test_console_script_is_installed() -> None:
    """``budgetkg`` itself (the console script the README tells users to type) answers --help."""
    script = Path(sys.executable).parent / "budgetkg"
    if not script.exists():
        pytest.skip(f"no console script beside {sys.executable}: package not installed in this interpreter")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert "extract" in result.stdout and "audit" in result.stdout


def test_top_level_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("usage: budgetkg")
    assert "budget disclosures" in out
    for command in ("extract", "audit"):
        assert command in out
    assert "read budget documents into exact records" in out  # extract's one-line help
    assert "Exit codes" in out


def test_extract_help_explains() -> None:
    result = run_cli("extract", "--help")
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "usage: budgetkg extract" in out
    assert "--json" in out and "records.md" in out
    assert "one object for one file, a list for several" in out
    assert "exit code 1" in out


def test_audit_help_explains() -> None:
    result = run_cli("audit", "--help")
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "usage: budgetkg audit" in out
    assert "arithmetic identity" in out
    assert "never corrected" in out


def test_every_command_help_says_what_it_does() -> None:
    """Each registered command (others add theirs) has a --help with a description, exit 0."""
    from kg.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert "extract" in sub.choices and "audit" in sub.choices
    for name, command in sub.choices.items():
        result = run_cli(name, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert result.stdout.startswith(f"usage: budgetkg {name}"), name
        assert command.description, f"`budgetkg {name} --help` has no description"


def test_no_command_exits_2_with_help() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "usage: budgetkg" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_unknown_command_exits_2() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["extract", "audit"])
def test_missing_argument_exits_2(command: str) -> None:
    result = run_cli(command)
    assert result.returncode == 2
    assert "required: FILE" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def text_budgets(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two years of the fictional 青山市生态环境局 as plain-text extractions."""
    folder = tmp_path_factory.mktemp("text_budgets")
    paths = []
    for year in (2024, 2025):
        path = folder / f"qingshan_ecology_{year}.txt"
        path.write_text(render_record_text(qingshan_ecology(year)), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def pdf_budgets(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The same two budgets rendered to PDF."""
    if find_cjk_font() is None:
        pytest.skip("no CJK font to render with: install fonts-wqy-zenhei (make system-deps)")
    folder = tmp_path_factory.mktemp("pdf_budgets")
    return [render_record_pdf(qingshan_ecology(year), folder / f"qingshan_ecology_{year}.pdf")
            for year in (2024, 2025)]


def _assert_json_shape(paths: list[Path]) -> None:
    one = run_cli("extract", "--json", str(paths[0]))
    assert one.returncode == 0, one.stderr
    record = json.loads(one.stdout)
    assert isinstance(record, dict)
    assert record["source"] == paths[0].name
    assert (record["department"], record["year"], record["unit"]) == ("青山市生态环境局", 2024, "万元")

    two = run_cli("extract", "--json", *map(str, paths))
    assert two.returncode == 0, two.stderr
    records = json.loads(two.stdout)
    assert isinstance(records, list) and len(records) == 2
    assert sorted(r["year"] for r in records) == [2024, 2025]
    assert {r["source"] for r in records} == {p.name for p in paths}


def test_extract_json_text_one_object_two_a_list(text_budgets: list[Path]) -> None:
    _assert_json_shape(text_budgets)


@needs_font
def test_extract_json_pdf_one_object_two_a_list(pdf_budgets: list[Path]) -> None:
    _assert_json_shape(pdf_budgets)


@needs_font
def test_extract_json_money_is_exact_strings(pdf_budgets: list[Path]) -> None:
    """Money in the JSON is a two-decimal string, never a float (records.md)."""
    result = run_cli("extract", "--json", str(pdf_budgets[1]))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    totals = record["totals"]
    assert totals["income_total"] == totals["expenditure_total"] == "3528.45"
    assert totals["upper_level_transfer"] == "1008.30"
    assert record["totals"]["three_public"]["total"] == "6.39"


def test_extract_folder_is_a_list(text_budgets: list[Path]) -> None:
    result = run_cli("extract", "--json", str(text_budgets[0].parent))
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_extract_summary_without_json(text_budgets: list[Path]) -> None:
    result = run_cli("extract", str(text_budgets[1]))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("qingshan_ecology_2025.txt: 青山市生态环境局 2025 部门预算")


@needs_font
def test_audit_reports_the_gap(tmp_path: Path) -> None:
    """``audit`` on the 2025 sample (0.01 gap in 表3 款 21101) names the failed identity, graded
    尾差 (rounding). The rendered sample prints five of the template's eight tables, so by default
    (``--fail-on material``) the missing tables make the exit code 1; with ``--fail-on none`` the
    report is the same and the exit code 0."""
    path = render_record_pdf(qingshan_ecology(2025, misprint=True), tmp_path / "gap.pdf")
    result = run_cli("audit", "--fail-on", "none", str(path))
    assert result.returncode == 0, result.stderr
    assert "gap.pdf" in result.stdout
    assert "FAIL" in result.stdout
    fails = [line for line in result.stdout.splitlines() if "FAIL" in line and "21101" in line]
    assert any("应为 552.58" in line and "印为 552.57" in line for line in fails), result.stdout
    assert all("[尾差] children_sum 合计等于各分项之和" in line for line in fails), fails
    assert result.stdout.startswith("审计摘要：读取 1 个文件（1 份预决算）")
    default = run_cli("audit", str(path))
    assert default.returncode == 1
    missing = [line for line in default.stdout.splitlines() if "FAIL" in line and "required_table 必备报表齐全" in line]
    assert sorted(line.split("必备报表 ")[1].split(":")[0] for line in missing) == sorted(
        ["部门收入总表", "财政拨款收支总表", "一般公共预算支出表", "政府性基金预算支出表"])
    assert run_cli("audit", "--fail-on", "rounding", str(path)).returncode == 1
    # the saved records of the same document audit alike without extracting again (``make run``)
    saved = run_cli("extract", "--json", str(path))
    assert saved.returncode == 0, saved.stderr
    records = tmp_path / "records.json"
    records.write_text(saved.stdout, encoding="utf-8")
    from_json = run_cli("audit", "--fail-on", "none", str(records))
    assert from_json.returncode == 0, from_json.stderr
    assert from_json.stdout.splitlines()[0] == result.stdout.splitlines()[0]
    assert [line for line in from_json.stdout.splitlines() if "FAIL" in line] == [
        line for line in result.stdout.splitlines() if "FAIL" in line]
    assert run_cli("audit", str(records)).returncode == 1
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    refused = run_cli("audit", str(broken))
    assert refused.returncode == 1 and "broken.json: cannot read records" in refused.stderr


def test_extract_corpus_json(shared_dir: Path) -> None:
    """On the real corpus: one file gives one object, two files a list, no failure."""
    corpus = sorted((shared_dir / "corpus").glob("*.txt"))
    if len(corpus) < 2:
        pytest.skip(f"fewer than two corpus texts in {shared_dir / 'corpus'}")
    one = run_cli("extract", "--json", str(corpus[0]))
    assert one.returncode == 0, one.stderr
    assert isinstance(json.loads(one.stdout), dict)
    two = run_cli("extract", "--json", str(corpus[0]), str(corpus[1]))
    assert two.returncode == 0, two.stderr
    assert [r["source"] for r in json.loads(two.stdout)] == [corpus[0].name, corpus[1].name]
