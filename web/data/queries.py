"""The example queries of ``ontology/queries/*.rq`` for the editor (one click away)."""
from __future__ import annotations

import re
from pathlib import Path

from web.vocab import ONTOLOGY_DIR


def example_queries(folder: Path | None = None) -> list[dict]:
    """Each ``.rq`` file: its name, a title (its first ``#`` comment line, ``title:`` dropped),
    the Chinese part of the title where it has one (for the buttons), and its text."""
    folder = folder or ONTOLOGY_DIR / "queries"
    out = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        title = path.stem
        for line in text.splitlines():
            s = line.strip()
            if s.startswith("#") and s.lstrip("#").strip():
                title = s.lstrip("#").strip()
                if title.lower().startswith("title:"):  # H4's "# title: …" header
                    title = title[6:].strip()
                break
            if s:
                break
        short = title
        m = re.search(r"[（(]([^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]", title)
        if m:
            short = m.group(1)
        out.append({"name": path.stem, "title": title, "short": short, "query": text})
    return out
