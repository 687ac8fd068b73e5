"""Generalisation harness: the corpus texts perturbed the way other documents differ, and the gold
records rendered to PDF (ruled and unruled) and read back.

The project is scored on documents it has never seen. Each perturbation of
``tests/generalisation.py`` rewrites one corpus text the way another extraction tool, province or
department would print it (separators, codes joined or split, full-width digits, 元 instead of
万元, another department and year, another table order, page numbers and running headers), and the
record read from it must be the original's, changed only by the perturbation itself: the same
rows, totals, projects and checks.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from kg.extract.model import Record
from kg.extract.pipeline import extract_file
from tests.generalisation import Perturbation, normalise, perturbations, signature

pytestmark = pytest.mark.shared

CORPUS = ("000_0f1ed1c99506120d.txt", "001_ed6cd4656d0ac36f.txt", "004_afd15c6fd474ed3f.txt")
NAMES = [p.name for p in perturbations(Record(source="", department="", year=2025))]


@pytest.fixture(scope="module")
def originals(shared_dir: Path) -> dict[str, tuple[str, Record]]:
    """Each corpus text and the record it gives, read once."""
    out = {}
    for name in CORPUS:
        path = shared_dir / "corpus" / name
        if not path.is_file():
            pytest.skip(f"{path} not present")
        out[name] = (path.read_text(encoding="utf-8"), extract_file(str(path)))
    return out


def _perturbed(originals, name: str, which: str, tmp_path: Path) -> tuple[Perturbation, dict, dict]:
    text, original = originals[name]
    perturbation = next(p for p in perturbations(original) if p.name == which)
    path = tmp_path / name
    path.write_text(perturbation.rewrite(text, original), encoding="utf-8")
    got = perturbation.comparable(normalise(signature(extract_file(str(path)))))
    want = perturbation.comparable(normalise(perturbation.expect(signature(original))))
    return perturbation, want, got


@pytest.mark.parametrize("which", NAMES)
@pytest.mark.parametrize("name", CORPUS)
def test_perturbed_text_reads_the_same(originals, name: str, which: str, tmp_path: Path) -> None:
    """Same rows, totals, projects, divisions and checks. ``in_yuan`` (every figure ×10000, every
    万元 printed 元): the tables are placed at the 元 scale (``columns.resolve``), the narrative
    read in 万元 (``narrative.units``); its checks compare by rule and outcome, the narrative's own
    identities being computed in 万元."""
    _, want, got = _perturbed(originals, name, which, tmp_path)
    for key in want:
        assert got[key] == want[key], key


def test_perturbations_change_the_text(originals) -> None:
    """The harness itself: every perturbation really rewrites the corpus (001 prints no figure
    over 999.99: no separator to strip or add there; every other pair differs)."""
    for which in NAMES:
        changed = [name for name in CORPUS
                   if next(p for p in perturbations(originals[name][1]) if p.name == which).rewrite(
                       originals[name][0], originals[name][1]) != originals[name][0]]
        assert len(changed) >= (2 if "thousands_separators" in which else 3), which


# --- the gold records rendered to PDF and read back ------------------------------------------------

def _rendered_projects(record: Record) -> list[tuple]:
    """The projects the renderer prints (表7 and 项目说明: the current ones)."""
    return sorted((p.name, p.amount) for p in record.projects if p.category == "current")


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("gold", ["000", "004"])
def test_gold_record_rendered_reads_back(shared_dir: Path, gold: str, ruled: bool, tmp_path: Path) -> None:
    from kg.extract.deserialize import load_records
    from tests.fixtures.render import find_cjk_font, render_record_pdf

    if find_cjk_font() is None:
        pytest.skip("no CJK font to render with: install fonts-wqy-zenhei (make system-deps)")
    path = shared_dir / "gold" / f"{gold}.json"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    record = load_records(str(path))[0]
    record.source = f"gold_{gold}.pdf"
    got = extract_file(str(render_record_pdf(record, tmp_path / record.source, ruled=ruled)))
    assert (got.department, got.year, got.unit) == (record.department, record.year, record.unit)
    assert [(r.code, r.name, r.total, r.basic, r.project) for r in got.functional_subjects] == \
        [(r.code, r.name, r.total, r.basic, r.project) for r in record.functional_subjects]
    assert [(r.code, r.name, r.total, r.personnel, r.public) for r in got.economic_subjects] == \
        [(r.code, r.name, r.total, r.personnel, r.public) for r in record.economic_subjects]
    want, have = asdict(record.totals), asdict(got.totals)
    want.pop("provenance"), have.pop("provenance")
    assert have == want
    assert _rendered_projects(got) == _rendered_projects(record)
    assert got.profile.divisions == record.profile.divisions
