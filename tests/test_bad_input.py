"""Bad input through the real CLI: one line on stderr naming the file and the reason, exit 1.

Every bad file is generated at test time (``tests/fixtures/bad_inputs.py``). The promise tested
here is the one the README makes to a user pointing ``budgetkg`` at a folder of downloads: a
file that cannot be read is named with the reason in one line, never a traceback, and the other
files are still read.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract.errors import ExtractionError
from kg.extract.pdf_preflight import preflight
from tests.fixtures import bad_inputs
from tests.fixtures.bad_inputs import BAD_INPUTS, BadInput

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """``budgetkg ARGS`` as a user runs it (a fresh interpreter, the real entry point)."""
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=600)


def assert_one_line_failure(result: subprocess.CompletedProcess, path: Path, case: BadInput) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, (result.returncode, output)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected exactly one line on stderr, got {lines!r}"
    line = lines[0]
    assert line.startswith(f"{path}: "), line
    reason = line[len(f"{path}: "):]
    for word in case.reason_words:
        assert word in reason, f"{word!r} missing from the reason {reason!r}"


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[c.name for c in BAD_INPUTS])
def test_extract_refuses_bad_input_in_one_line(case: BadInput, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    result = run_cli("extract", str(path))
    assert_one_line_failure(result, path, case)
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("case", [c for c in BAD_INPUTS if c.name in ("encrypted_pdf", "gbk_txt")],
                         ids=["encrypted_pdf", "gbk_txt"])
def test_extract_json_refuses_bad_input_in_one_line(case: BadInput, tmp_path: Path) -> None:
    """With --json too: the failure on stderr, nothing (no empty list) on stdout."""
    path = case.make(tmp_path)
    result = run_cli("extract", "--json", str(path))
    assert_one_line_failure(result, path, case)
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[c.name for c in BAD_INPUTS])
def test_audit_refuses_bad_input_in_one_line(case: BadInput, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    result = run_cli("audit", str(path))
    assert_one_line_failure(result, path, case)


# The preflight on its own: the reason for each kind of broken PDF, without the CLI around it.
PDF_CASES = [
    (bad_inputs.empty_pdf, "empty file (0 bytes)"),
    (bad_inputs.random_bytes_pdf, "not a PDF (no %PDF header): the file is corrupt or mislabelled"),
    (bad_inputs.truncated_pdf, "truncated PDF: no %%EOF end marker (incomplete download?)"),
    (bad_inputs.encrypted_pdf, "encrypted PDF: needs a password to open"),
    (bad_inputs.no_pages_pdf, "PDF has no pages"),
    (bad_inputs.image_only_pdf, "no text layer — scanned? OCR it first (2 page(s) of images only)"),
]


@pytest.mark.parametrize("make,reason", PDF_CASES, ids=[m.__name__ for m, _ in PDF_CASES])
def test_preflight_reason(make, reason: str, tmp_path: Path) -> None:
    path = make(tmp_path)
    with pytest.raises(ExtractionError) as info:
        preflight(str(path))
    assert info.value.path == str(path)
    assert info.value.reason == reason


def test_preflight_corrupt_names_the_parser_error(tmp_path: Path) -> None:
    path = bad_inputs.corrupt_pdf(tmp_path)
    with pytest.raises(ExtractionError) as info:
        preflight(str(path))
    assert info.value.reason.startswith("corrupt PDF: cannot be parsed (")
    assert "\n" not in info.value.reason


def test_preflight_accepts_a_readable_pdf(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    preflight(str(bad_inputs.valid_pdf(tmp_path)))
    assert capfd.readouterr().err == ""


def test_preflight_accepts_owner_password_only(tmp_path: Path) -> None:
    """A PDF "protected" by an owner password only (empty user password) opens without one."""
    from pypdf import PdfReader, PdfWriter

    source = bad_inputs.valid_pdf(tmp_path)
    writer = PdfWriter()
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="AES-128")
    path = tmp_path / "owner_only.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    preflight(str(path))


def test_preflight_is_silent_on_stderr(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    """The libraries' own warnings ("EOF marker not found" …) must not leak around the one line."""
    for make in (bad_inputs.truncated_pdf, bad_inputs.corrupt_pdf, bad_inputs.encrypted_pdf):
        with pytest.raises(ExtractionError):
            preflight(str(make(tmp_path)))
    assert capfd.readouterr().err == ""


def test_gbk_reason_suggests_conversion(tmp_path: Path) -> None:
    path = bad_inputs.gbk_txt(tmp_path)
    result = run_cli("extract", str(path))
    assert "iconv -f gb18030 -t utf-8" in result.stderr


def test_bad_files_do_not_stop_the_good_one(tmp_path: Path) -> None:
    """A folder of broken downloads plus one real budget: every bad one named, the good one read."""
    from tests.fixtures.records import qingshan_ecology
    from tests.fixtures.render import render_record_text

    good = tmp_path / "good_budget.txt"
    good.write_text(render_record_text(qingshan_ecology(2025)), encoding="utf-8")
    bad = [case.make(tmp_path) for case in BAD_INPUTS if case.name != "missing_file"]
    result = run_cli("extract", "--json", str(tmp_path))
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1
    failed = result.stderr.splitlines()
    assert sorted(failed) == sorted(line for line in failed if line.startswith(str(tmp_path)))
    assert len(failed) == len(bad), failed
    for path in bad:
        assert any(line.startswith(f"{path}: ") for line in failed), path
    import json

    records = json.loads(result.stdout)
    assert isinstance(records, list)
    assert [r["source"] for r in records] == ["good_budget.txt"]
    assert records[0]["department"] == "青山市生态环境局"

    audit = run_cli("audit", str(tmp_path))
    assert "Traceback" not in audit.stdout + audit.stderr
    assert audit.returncode == 1
    assert len(audit.stderr.splitlines()) == len(bad)
    assert "good_budget.txt" in audit.stdout


def test_usage_errors_exit_2() -> None:
    for args in (["no-such-command"], ["extract"], ["audit"], ["extract", "--no-such-option", "x.pdf"], []):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.returncode, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
