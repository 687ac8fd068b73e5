"""The project's bar: ``budgetkg extract`` (the real CLI) on corpus 000 and 004 scores 1.0000
against the hand-checked gold records with the shared scorer."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _budgetkg() -> list[str]:
    exe = Path(sys.executable).parent / "budgetkg"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg.cli"]


@pytest.mark.parametrize("key, name", [("000", "000_0f1ed1c99506120d.txt"), ("004", "004_afd15c6fd474ed3f.txt")])
def test_gold_score(shared_dir, tmp_path, key: str, name: str) -> None:
    out = subprocess.run([*_budgetkg(), "extract", str(shared_dir / "corpus" / name), "--json"],
                         capture_output=True, text=True, cwd=REPO, timeout=600)
    assert out.returncode == 0, out.stderr
    record = tmp_path / f"{key}.json"
    record.write_text(out.stdout, encoding="utf-8")
    score = subprocess.run([sys.executable, str(shared_dir / "tools" / "score_records.py"),
                            str(shared_dir / "gold" / f"{key}.json"), str(record), "--verbose"],
                           capture_output=True, text=True, timeout=600)
    assert "score: 1.0000" in score.stdout, score.stdout
