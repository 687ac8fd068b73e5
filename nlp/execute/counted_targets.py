"""How many people a project just found will reach, as its own texts state it: 请了几个人 after the
project that pays for 心理咨询、法律咨询 (its indicator 聘请专业律师和心理咨询师人数 =4人次), 打算培养多少人
after 全市会计人员考培 (its 年度目标: 培养40名充分掌握先进会计理论人才).

Why: a count of people asked right after a topic answer is about that project's targets, not the
department's staff (实有人数); the document states it in the project's indicators or its description.
The verb the question asks with (请, 培养, 接待, 慰问) must stand in the line answered, so a count of
another kind (接待群众 when 聘请 is asked) is never given instead; nothing is answered otherwise and
the part is read as before.
"""
from __future__ import annotations

import re
from decimal import Decimal

from nlp.execute.base import Context, Result
from nlp.frames import Frame
from nlp.graph import Row
from nlp.reply import Item
from nlp.sparql import Constraints

# 几个人, 多少人, 多少名, 几位, 多少人次 (not 人民, 人员经费, 人均)
_PEOPLE_ASKED = re.compile(r"(?:几|多少)(?:个|位|名)?(?:人次|人(?![民员均])|名)|几位")
# what stands between the verb and the count (请了几个人, 打算培养多少人, 要接待多少人次)
_BEFORE_COUNT = re.compile(r"(?:了|过|一共|总共|共|要|能|会|大概|大约|计划|打算|预计)+$")
# a count of people as a target prints it (=4人次, >=150人次, 40名, 30人)
_PEOPLE_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(人次|人|名)")


def _asked_verb(clause: str) -> str | None:
    """The word before the count asked (请了几个人 → 请; 打算培养多少人 → 培养): one or two characters."""
    m = _PEOPLE_ASKED.search(clause)
    if m is None:
        return None
    before = _BEFORE_COUNT.sub("", clause[:m.start()])
    before = re.sub(r"^.*[，。？！；,?!;、]", "", before)
    run = re.search(r"[\u4e00-\u9fff]{1,2}$", before)
    return run.group(0) if run else None


def _indicator_count(rows: list[Row], verb: str) -> tuple[Row, Decimal, str] | None:
    """The indicator naming ``verb`` whose target is a count of people."""
    for r in rows:
        figure = _PEOPLE_FIGURE.search(str(r.attrs.get("target") or ""))
        if verb in r.label and figure is not None:
            return r, Decimal(figure.group(1)), figure.group(2)
        if verb in r.label and r.label.endswith("人数"):
            bare = re.search(r"(\d+(?:\.\d+)?)", str(r.attrs.get("target") or ""))
            if bare is not None:
                return r, Decimal(bare.group(1)), "人"
    return None


def _described_count(description: str, verb: str) -> tuple[str, Decimal, str] | None:
    """The sentence of a description where ``verb`` is followed by a count of people (培养40名…)."""
    m = re.search(rf"{re.escape(verb)}[^，。；;,]{{0,12}}?(\d+(?:\.\d+)?)\s*(名|人次|人)", description)
    if m is None:
        return None
    end = re.search(r"[，。；;]", description[m.end():])
    line = description[m.start():m.end() + (end.start() if end else 20)]
    return line, Decimal(m.group(1)), m.group(2)


# a count of things asked with the thing named after its classifier (检查多少家非煤矿山, 覆盖几个街道)
_THINGS_ASKED = re.compile(r"(?:几|多少)(?P<cl>家|所|个|座|台|套|件|条|篇|辆|户|场|期|批|次)(?P<noun>[\u4e00-\u9fff]{2,8})")


def _thing_asked(clause: str) -> tuple[str, str] | None:
    """The classifier and the thing a count asks (多少家非煤矿山 → 家, 非煤矿山); ``None`` for people."""
    m = _THINGS_ASKED.search(clause)
    if m is None:
        return None
    noun = re.sub(r"(?:吗|呢|啊|了|的|进行|开展|检查|安全|监督)+$", "", m.group("noun"))
    return (m.group("cl"), noun) if len(noun) >= 2 else None


def _described_things(description: str, classifier: str, noun: str) -> tuple[str, Decimal, str] | None:
    """The sentence of a description that counts ``noun`` with ``classifier`` (对全市300余家非煤矿山…)."""
    m = re.search(rf"(\d+(?:\.\d+)?)\s*((?:余|多)?){classifier}{re.escape(noun)}", description)
    if m is None:
        return None
    start = max((description.rfind(c, 0, m.start()) for c in "，。；;,"), default=-1) + 1
    end = re.search(r"[，。；;]", description[m.end():])
    line = description[start:m.end() + (end.start() if end else 20)]
    return line, Decimal(m.group(1)), m.group(2) + classifier  # 300余家: the 余 said with the count


def counted_in_projects(frame: Frame, ctx: Context, previous: Result | None) -> Result | None:
    """请了几个人 / 培养多少人 after a part that found one to three projects: the count their
    indicators (else their descriptions) state beside the verb asked, with the line; 检查多少家非煤矿山
    of the project just named: the count its description states of that thing. ``None`` where no such
    count stands there (the part is read as before)."""
    if previous is None or frame.focus == "projects":  # (打算培养多少人 reads as indicators)
        return None
    projects = [r for r in previous.rows if r.iri and "/project/" in r.iri]
    if not projects or len(projects) > 3:
        return None
    thing = _thing_asked(frame.clause)
    if thing is not None and not frame.filters.projects or \
            thing is not None and {p.iri for p in frame.filters.projects} <= {p.iri for p in projects}:
        described = _things_in_descriptions(projects, *thing)
        if described is not None:
            return described
    if frame.filters.projects:
        return None
    verb = _asked_verb(frame.clause)
    if not verb:
        return None
    items, said = [], []
    for p in projects:
        budget = next((b for b in ctx.budgets() if (b.department, b.year) == (p.department, p.year)), None)
        if budget is None:
            continue
        found = _indicator_count(ctx.rows("indicators", [budget], Constraints(indicator_target=p.iri)), verb)
        if found is not None:
            ind, value, unit = found
            items.append(Item(ind.label, str(value), unit, p.department, p.year, ind.source, {"project": p.label}))
            said.append(f"“{p.label}”的绩效指标“{ind.label}”为{ind.attrs.get('target')}")
            continue
        stated = _described_count(p.attrs.get("description") or "", verb)
        if stated is not None:
            line, value, unit = stated
            items.append(Item(f"{p.label}：{line}", str(value), unit, p.department, p.year, p.source,
                              {"project": p.label}))
            said.append(f"“{p.label}”的说明写明“{line}”，即{value}{unit}")
    if not items:
        return None
    return Result(items, "；".join(said) + "。", [], [])


def _things_in_descriptions(projects: list[Row], classifier: str, noun: str) -> Result | None:
    """The count of ``noun`` the projects' descriptions state, each with its line; ``None`` where none does."""
    items, said = [], []
    for p in projects:
        stated = _described_things(p.attrs.get("description") or "", classifier, noun)
        if stated is not None:
            line, value, unit = stated
            items.append(Item(f"{p.label}：{line}", str(value), unit, p.department, p.year, p.source,
                              {"project": p.label}))
            said.append(f"“{p.label}”的说明写明“{line}”，即{value}{unit}{noun}")
    return Result(items, "；".join(said) + "。", [], []) if items else None
