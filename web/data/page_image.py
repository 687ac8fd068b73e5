"""A finding's PDF page drawn with the offending cells outlined (pdfplumber's page image).

The PDF is read only from the folders the server was given (``budgetkg serve --documents DIR``),
found by the file name the graph records (``bkg:sourceFile``) and accepted only when its content
hash equals the document's ``bkg:contentHash`` (the very file the figures were read from). The
cells are the words on the finding's page that print its figure (as printed: ``2,082.85``,
``2082.85`` …), those on the row of its label first. Images are cached on disk by content hash,
page and figure: a page costs pdfplumber's rendering once.
"""
from __future__ import annotations

import hashlib
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from kg.analytics.source import iri, web_select

RESOLUTION = 110
OUTLINE = (220, 38, 38)  # red


class PageUnavailable(LookupError):
    """No page image for this finding (not a PDF, file not in the configured folders, …)."""


def finding_location(ctx: Any, finding: str) -> dict:
    rows = web_select(ctx)(f"""
SELECT ?file ?page ?row ?printed ?hash WHERE {{
  {iri(finding)} a bkg:Finding ; bkg:document ?doc .
  GRAPH ?locGraph {{ {iri(finding)} prov:wasDerivedFrom ?loc . ?loc bkg:sourceFile ?file .
                     OPTIONAL {{ ?loc bkg:page ?page }} OPTIONAL {{ ?loc bkg:row ?row }}
                     OPTIONAL {{ {iri(finding)} bkg:printedValue ?printed }} }}  # provenance: kg.store.union_rule
  OPTIONAL {{ {iri(finding)} bkg:printedAmount ?printed }}
  OPTIONAL {{ ?doc bkg:contentHash ?hash }}
}} LIMIT 5""")
    if not rows:
        raise PageUnavailable("这条核对结果没有记录出处")
    r = rows[0]
    if not str(r["file"]).lower().endswith(".pdf") or r.get("page") is None:
        raise PageUnavailable("出处不是 PDF 的某一页")
    return {"file": str(r["file"]), "page": int(r["page"]), "row": r.get("row"), "printed": r.get("printed"),
            "hash": r.get("hash")}


def locate_pdf(folders: list[str], name: str, expected_hash: str | None) -> Path:
    """The PDF called ``name`` under one of ``folders`` whose content hash is ``expected_hash``."""
    from kg.graph.load import content_hash

    for folder in folders:
        for path in Path(folder).rglob(name):
            if path.is_file() and (expected_hash is None or content_hash(str(path)) == expected_hash):
                return path
    raise PageUnavailable(f"在服务器的文件目录中没有找到 {name}")


def printed_forms(value: Any) -> set[str]:
    """How a figure may be printed: with or without thousands separators, trailing zeros."""
    d = Decimal(str(value))
    forms = {format(d, "f"), f"{d:,}", f"{d:,.2f}", f"{d:.2f}"}
    if d == d.to_integral_value():
        forms |= {str(int(d)), f"{int(d):,}"}
    return forms


def render(ctx: Any, finding: str, folders: list[str], cache_dir: str) -> bytes:
    """PNG bytes of the finding's page with its cells outlined (cached)."""
    where = finding_location(ctx, finding)
    key = hashlib.sha256(f"{where['hash']}|{where['page']}|{where['printed']}|{where['row']}".encode()).hexdigest()
    cached = Path(cache_dir) / f"{key}.png"
    if cached.is_file():
        return cached.read_bytes()
    pdf_path = locate_pdf(folders, where["file"], where["hash"])
    import pdfplumber

    with pdfplumber.open(str(pdf_path)) as pdf:
        if not 1 <= where["page"] <= len(pdf.pages):
            raise PageUnavailable("页码超出文件范围")
        page = pdf.pages[where["page"] - 1]
        words = page.extract_words(keep_blank_chars=False)
        forms = printed_forms(where["printed"]) if where["printed"] is not None else set()
        hits = [w for w in words if w["text"] in forms]
        row = str(where["row"]) if where["row"] is not None else None
        if row and hits:
            tops = [w["top"] for w in words if w["text"] == row or w["text"].startswith(row)]
            on_row = [w for w in hits if any(abs(w["top"] - t) < 4 for t in tops)]
            hits = on_row or hits
        image = page.to_image(resolution=RESOLUTION)
        for w in hits:
            image.draw_rect((w["x0"] - 2, w["top"] - 2, w["x1"] + 2, w["bottom"] + 2),
                            fill=(255, 230, 0, 60), stroke=OUTLINE, stroke_width=3)
        os.makedirs(cache_dir, exist_ok=True)
        tmp = cached.with_suffix(".tmp.png")
        image.save(str(tmp), format="PNG")
        os.replace(tmp, cached)
    return cached.read_bytes()
