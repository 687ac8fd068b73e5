"""名词解释: the numbered definitions (``一、财政拨款：指由…``) -> ``record.definitions``."""
from __future__ import annotations

import re

from kg.extract.narrative.text import compact
from kg.extract.source import Line

_ITEM_RE = re.compile(r"(?:^|(?<=[。；;]))[一二三四五六七八九十]+[、.．]([^：:。，,]{2,20})[：:]")


def read_definitions(lines: list[Line]) -> dict[str, str]:
    """Term -> definition text of the 名词解释 part; {} where the document has none."""
    chosen: list[str] = []
    inside = False
    for line in lines:
        text = compact(line.text)
        if re.match(r"^第[一二三四五六七八九十]+部分", text) or (len(text) <= 8 and "名词解释" in text):
            inside = "名词解释" in text
            continue
        if inside:
            chosen.append(text)
    text = "".join(chosen)
    matches = list(_ITEM_RE.finditer(text))
    out: dict[str, str] = {}
    for i, m in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[m.end():stop]
        body = re.split(r"(?<=。)[^。]{0,30}\d{4}年\d{1,2}月\d{1,2}日$", body)[0]
        out[m.group(1)] = body
    return out
