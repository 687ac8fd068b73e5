"""What the readers' process server (``kg.extract.worker``'s forkserver) imports once, so that
every worker starts with the readers loaded and costs a fork, not an interpreter.

Why a module of its own instead of the list of modules handed to the forkserver: the forkserver
survives only an ``ImportError`` of a module it preloads; any other exception while importing
(a broken PDF library raising ``RuntimeError``, a syntax error in a module being edited) ends the
server, and with it every worker the run would start. Here each import's failure is kept
(``FAILURES``) and the server lives: a worker that needs the module imports it again and its
document fails with the reason; a worker that does not (text documents never load the PDF
libraries) reads its document as usual.
"""
from __future__ import annotations

import importlib

MODULES = ("kg.extract.pipeline", "kg.extract.parse", "kg.extract.checks", "kg.extract.identify",
           "kg.extract.merge", "kg.extract.sections", "kg.extract.narrative", "kg.extract.page_furniture",
           "kg.extract.tables", "kg.extract.pdf_reader", "kg.extract.pdf_preflight", "pdfplumber", "pypdf")

# module -> why it could not be imported in this process ("RuntimeError: …")
FAILURES: dict[str, str] = {}

for _name in MODULES:
    try:
        importlib.import_module(_name)
    except Exception as _exc:  # noqa: BLE001 - kept, so the server starts the workers all the same
        FAILURES[_name] = f"{type(_exc).__name__}: {' '.join(str(_exc).split())[:200]}"
