"""部门概况: 主要职能, divisions (下设 N 个科室：…), staffing (编制数, 实有人数, 在职, 退休, 离休),
subordinate units. Matched on the joined, compacted text of the part, since the sentences wrap
mid-word (``办\\n公室``)."""
from __future__ import annotations

import re

from kg.extract.model import Profile, Staffing
from kg.extract.narrative.text import compact, make_span
from kg.extract.source import Line

_DIVISIONS_RE = re.compile(r"下设(\d+)个(?:内设)?(?:科室|处室|机构|部门|科|处|股室|职能科室|内设机构)"
                           r"[，,：:]?(?:分别(?:是|为)|包括|即)?[：:]?(.+?)[。；;]")
_SUBORDINATE_RE = re.compile(r"下属(?:预算)?单位(?:共|有)?(\d+)个[，,：:]?(?:分别(?:是|为)|包括)?[：:]?(.+?)[。；;]")
_COUNTS = {
    "authorized": r"编制(?:数|人数)?(?:为|共)?(\d+)(?:人|名)?",
    "actual": r"实有人数(?:为|共)?(\d+)",
    "active": r"在职(?:人员)?(\d+)",
    "retired": r"(?<!离)退休(?:人员)?(\d+)",
    "retired_veteran": r"离休(?:人员)?(\d+)",
}


def _profile_text(lines: list[Line]) -> str:
    """Compacted text of 第一部分 (部门概况), or of the document's start where unlabelled."""
    chosen: list[Line] = []
    inside = False
    for line in lines:
        text = compact(line.text)
        if re.match(r"^第[一二三四五六七八九十]+部分", text):
            if inside:
                break
            inside = "概况" in text
            continue
        if inside:
            chosen.append(line)
    if not chosen:
        chosen = lines[:80]
    return make_span(chosen).text


def read_profile(lines: list[Line]) -> Profile:
    """The profile of the department as printed; fields it does not print stay empty."""
    text = _profile_text(lines)
    profile = Profile()
    m = _DIVISIONS_RE.search(text)
    if m:
        profile.divisions = [d for d in re.split(r"[、，,]", m.group(2)) if d]
    m = _SUBORDINATE_RE.search(text)
    if m:
        profile.subordinate_units = [d for d in re.split(r"[、，,]", m.group(2)) if d]
    staffing = Staffing()
    for attr, pattern in _COUNTS.items():
        hit = re.search(pattern, text)
        if hit:
            setattr(staffing, attr, int(hit.group(1)))
    profile.staffing = staffing
    m = re.search(r"主要职能[：:]?(.+?)(?:[二三]、|机构设置)", text)
    if m:
        profile.functions = m.group(1).strip() or None
    return profile
