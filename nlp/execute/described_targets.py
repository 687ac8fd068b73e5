"""Targets a project states in words where its document prints no indicator rows (杭州 表11 项目支出绩效表:
"完成法律援助案件指派，民事案件200件，刑事案件510件…确保案件质量评估合格率95％以上…满意率达95％以上").

Why: some templates give a project's 绩效目标 as a sentence, not as a table of indicators; the records keep
it as the project's text. A question about the project's targets (要办多少件案子, 满意率要求多少, 绩效目标是啥)
is answered from the counted things that text states — each "name + number + unit" it holds — those the
clause asks (by the unit it asks in, 件 or a rate, or by the name's words), or all of them where the clause
asks the targets as a whole. Nothing is answered where the text states no such figure.
"""
from __future__ import annotations

import re

from nlp.execute.base import Context, Result, project_phrase
from nlp.graph import Row
from nlp.reply import Item

# a counted thing in a target text: 民事案件200件, 合格率95％以上, 满意率达95%以上, 培训3期
_STATED = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,14}?)\s*(?:达到?|为|不低于|不少于|保持在?|控制在)?\s*"
                     r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>[%％]|万元|亿元|(?:万|亿)?(?:件|个|人次|人|次|家|头|吨|亩|公斤|千克|只|"
                     r"天|小时|场|期|户|篇|条|所|台|套|批|辆|平方米|公里))"
                     r"(?P<bound>以上|以下|以内)?")
# words before the name that say what is done, not what is counted (完成…, 确保…, 做到…)
_LEAD = re.compile(r"^(?:完成|确保|做到|实现|力争|保证|全年|年度|累计|共计?|其中|并且?|以及|和|及)+")
# the clause asks the targets as a whole (绩效目标是啥, 有哪些目标)
_WHOLE = re.compile(r"目标[^，。？?]{0,6}?(?:啥|什么|哪些|怎样|如何)|绩效目标[？?]?$|"
                    r"哪些(?:量化|具体|硬性)?(?:要求|目标|指标)|量化(?:要求|目标|指标)")


def shared_runs(words: str, name: str) -> int:
    """How many two-character runs of ``words`` stand in ``name`` (生猪活体储备 and 年储备活体生猪: 3)."""
    return len({words[i:i + 2] for i in range(len(words) - 1)} & {name[i:i + 2] for i in range(len(name) - 1)})


def stated_targets(text: str) -> list[tuple[str, str, str, str]]:
    """(name, value, unit, bound) of every counted thing a target text states, in its order."""
    out = []
    for m in _STATED.finditer(text or ""):
        name = _LEAD.sub("", re.split(r"[，,。；;、]", m.group("name"))[-1])
        if len(name) >= 2:
            unit = "%" if m.group("unit") in "%％" else m.group("unit")
            out.append((name, m.group("value"), unit, m.group("bound") or ""))
    return out


def _asked(targets: list[tuple[str, str, str, str]], clause: str) -> list[tuple[str, str, str, str]]:
    """The targets the clause asks: by the unit it counts in (多少件, 率), by its words, else all when it asks
    the targets as a whole."""
    if _WHOLE.search(clause):
        return targets
    units = {u for _n, _v, u, _b in targets if re.search(rf"(?:几|多少){re.escape(u)}", clause)}
    rate = bool(re.search(r"率|百分之|%", clause))
    named = [t for t in targets if t[0] in clause or any(t[0][i:i + 2] in clause for i in range(len(t[0]) - 1)
                                                          if t[0][i:i + 2] not in ("完成", "目标", "要求"))]
    return [t for t in targets if t[2] in units or (rate and t[2] == "%" and t in named)] or named


def targets_from_text(projects: list[Row], clause: str) -> Result | None:
    """The targets the projects' texts state that the clause asks; None where none is stated."""
    items, said = [], []
    for p in projects:
        found = _asked(stated_targets(p.attrs.get("description") or ""), clause)
        for name, value, unit, bound in found:
            items.append(Item(name, value, unit, p.department, p.year, p.source,
                              {"project": p.label, "target": f"{value}{unit}{bound}"}))
        if found:
            said.append(f"{project_phrase(p)}的绩效目标写作文字（无指标表）：" +
                        "；".join(f"{n}{v}{u}{b}" for n, v, u, b in found))
    if not items:
        return None
    return Result(items, "。".join(said) + "。", [], projects)
