"""Write a benchmark corpus: departments × years of documents, each beside its ground truth.

Streaming: departments are drawn one at a time and each keeps only its previous year's budget,
so memory stays flat however many documents are written. Layout of ``out``::

    out/00012_2024.txt        the document (``--format txt``; ``pdf`` likewise; ``both``: out/txt, out/pdf)
    out/00012_2024.json       its record (records.md layout) as an exact reader must produce it
    out/manifest.json         the options, the counts and the errors planted, written last
"""
from __future__ import annotations

import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from kg.synth.errors import plant_errors
from kg.synth.generate import budget_series, departments
from kg.synth.templates import default_templates, template
from kg.synth.text import render_text
from kg.synth.truth import truth_json, truth_record

FORMATS = ("txt", "pdf", "both")


@dataclass
class CorpusOptions:
    out: Path
    departments: int
    years: range
    format: str = "txt"
    errors: float = 0.0
    seed: int = 0
    templates: tuple[str, ...] | None = None  # None: every default template read exactly in the formats

    @property
    def formats(self) -> tuple[str, ...]:
        return ("txt", "pdf") if self.format == "both" else (self.format,)

    def validate(self) -> None:
        if self.departments < 1:
            raise ValueError("--departments must be at least 1")
        if len(self.years) < 1:
            raise ValueError("--years must name at least one year (A..B with A <= B)")
        if self.format not in FORMATS:
            raise ValueError(f"--format must be one of {', '.join(FORMATS)}")
        if not 0.0 <= self.errors <= 1.0:
            raise ValueError("--errors must be a rate between 0 and 1")
        if self.templates is None:
            self.templates = default_templates(self.formats)
        if not self.templates:
            raise ValueError(f"no template is read exactly in {'/'.join(self.formats)} today")
        for name in self.templates:
            missing = set(self.formats) - set(template(name).formats)
            if missing:
                raise ValueError(f"template {name!r} is read back exactly only from "
                                 f"{'/'.join(template(name).formats)} today, not {'/'.join(sorted(missing))}")


@dataclass
class Written:
    """One budget written: its files and the errors planted in it."""

    paths: list[Path]
    department: str
    year: int
    errors: list[str]


def parse_years(text: str) -> range:
    """``2021..2025`` (or a single ``2025``) -> range(2021, 2026)."""
    first, _, last = text.partition("..")
    try:
        a, b = int(first), int(last or first)
    except ValueError:
        raise ValueError(f"years {text!r}: expected A..B, e.g. 2021..2025") from None
    if b < a:
        raise ValueError(f"years {text!r}: the first year is after the last")
    return range(a, b + 1)


def _write(path: Path, data: str | bytes) -> None:
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as handle:
        handle.write(data)


def generate_corpus(options: CorpusOptions) -> Iterator[Written]:
    """Write the corpus document by document (see the module docstring); yields what was written."""
    options.validate()
    formats = list(options.formats)
    folders = {f: (options.out / f if options.format == "both" else options.out) for f in formats}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for index, dept in enumerate(departments(options.departments, options.seed, options.templates)):
        layout = template(dept.template).layout
        for budget in budget_series(dept, options.years, options.seed):
            planted = plant_errors(budget, options.errors, options.seed)
            blocks = layout(budget)
            stem = f"{index:05d}_{budget.year}"
            paths = []
            for fmt in formats:
                doc = folders[fmt] / f"{stem}.{fmt}"
                if fmt == "txt":
                    _write(doc, render_text(blocks))
                else:
                    from kg.synth.pdf import render_pdf

                    render_pdf(blocks, doc, title=f"{dept.name}{budget.year}年部门预算", author=dept.name)
                truth = truth_json(truth_record(budget, doc.name))
                _write(folders[fmt] / f"{stem}.json", json.dumps(truth, ensure_ascii=False, indent=1))
                paths.append(doc)
            yield Written(paths=paths, department=dept.name, year=budget.year, errors=planted)


@dataclass
class CorpusSummary:
    documents: int
    errors: Counter
    seconds: float
    manifest: Path


def write_corpus(options: CorpusOptions, on_document: Callable[[Written], None] | None = None) -> CorpusSummary:
    """Write the whole corpus, then its manifest; ``on_document`` hears of each budget written."""
    started = time.perf_counter()
    errors: Counter = Counter()
    written = 0
    for item in generate_corpus(options):
        written += 1
        errors.update(item.errors)
        if on_document is not None:
            on_document(item)
    seconds = time.perf_counter() - started
    return CorpusSummary(written, errors, seconds, write_manifest(options, written, errors, seconds))


def write_manifest(options: CorpusOptions, written: int, errors: Counter, seconds: float) -> Path:
    path = options.out / "manifest.json"
    data = {"departments": options.departments, "years": [options.years.start, options.years.stop - 1],
            "format": options.format, "errors_rate": options.errors, "seed": options.seed,
            "templates": list(options.templates or ()), "documents": written, "errors_planted": dict(errors),
            "seconds": round(seconds, 3), "written_at": time.strftime("%Y-%m-%dT%H:%M:%S")}
    _write(path, json.dumps(data, ensure_ascii=False, indent=1))
    return path
