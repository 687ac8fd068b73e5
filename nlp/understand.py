"""A frame said back in plain Chinese (“我的理解”), and the kind of question it is.

``describe`` is what the answer page shows under “我的理解”: who, which year, what, under which
conditions, and what is done with it — in the words of the documents, never a key or a code.
``kind`` names the frame by the question kinds of ``shared/questions/README.md`` (dept_total,
top_n, …): the ``intent`` of ``budgetkg ask --json``.
"""
from __future__ import annotations

from nlp import lexicon as L
from nlp.frames import FOCUS_NAMES, PROJECT_ATTRIBUTE_NAMES, Frame
from nlp.vocabulary import Vocabulary

LEVELS = {1: "类级", 2: "款级", 3: "项级"}
INDICATOR_SCOPE = {True: "部门整体绩效目标", False: "绩效指标"}


def _measure_names(frame: Frame, vocab: Vocabulary) -> list[str]:
    out = []
    for key in frame.measures:
        if key == "fiscal_total":
            out.append("财政拨款收入合计")
        elif key.startswith("word:"):
            out.append(key[5:])
        elif key in PROJECT_ATTRIBUTE_NAMES and frame.focus == "projects":
            out.append(PROJECT_ATTRIBUTE_NAMES[key])
        elif key in vocab.columns and frame.focus == "subjects":
            out.append(vocab.columns[key])
        else:
            out.append(vocab.label(key))
    return out


def describe(frame: Frame, vocab: Vocabulary) -> str:
    """The frame in plain Chinese."""
    f = frame.filters
    op = frame.operation
    who = "、".join(d.name for d in f.departments) or ("全部部门" if frame.open_department else "")
    when = "、".join(f"{y}年" for y in f.years) or ""
    parts: list[str] = []
    head = "".join(x for x in (who, when) if x)
    if frame.focus in ("figures", "departments", "staff"):
        what = "、".join(_measure_names(frame, vocab))
        if frame.focus == "departments":
            parts.append(f"比较各单位的{what}" if not who else f"比较{who}{when}的{what}")
        elif f.by_unit:  # 三个单位各占多少: each budget unit's own figure, not the department's
            parts.append(f"查{head}所属各单位分别的{what}")
        else:
            parts.append(f"查{head}的{what}")
    elif frame.focus == "projects":
        conds = []
        if f.projects:
            conds.append("名为" + "、".join(f"“{p.name}”" for p in f.projects[:3]))
        if f.topics or f.keywords:
            conds.append("与" + "、".join([t.name for t in f.topics] + f.keywords) + "有关")
        if f.categories:
            conds.append("属于" + "、".join(vocab.categories.get(c, c) for c in f.categories))
        if f.funding:
            conds.append({"fiscal": "用财政拨款安排", "transfer": "用上级转移支付安排", "unit_funds": "只用单位资金",
                          **{k: f"用{w}安排" for k, w in L.SPLIT_FUNDING.items()}}.get(f.funding, f.funding))
        if f.person is not None:
            conds.append(f"负责人为{f.person.name}")
        if f.policy is not None:
            conds.append(f"引用{f.policy.name}")
        if f.subjects:
            conds.append("功能科目为" + "、".join(s.name for s in f.subjects))
        if f.bound is not None:
            conds.append("金额" + f.bound.describe())
        what = "、".join(_measure_names(frame, vocab)) if frame.measures and frame.measures != ["amount"] else "金额"
        parts.append(f"查{head}的项目" + ("（" + "，".join(conds) + "）" if conds else "") + f"及其{what}")
    elif frame.focus == "subjects":
        scheme = {"economic": "经济分类", "government_economic": "政府预算支出经济分类"}.get(f.scheme or "", "功能分类")
        names = "、".join(dict.fromkeys(s.name for s in f.subjects))
        level = LEVELS.get(f.level or 0, "")
        col = "、".join(_measure_names(frame, vocab))
        parts.append(f"查{head}{scheme}" + (f"“{names}”的{level}构成" if names else f"{level or '类级'}科目") +
                     (f"（{col}）" if col and col != "合计" else ""))
    elif frame.focus == "indicators":
        kinds = "、".join(f.indicator_kinds) or INDICATOR_SCOPE[f.department_level]
        owner = "、".join(f"“{p.name}”" for p in f.projects[:3]) or (head + "部门整体" if f.department_level else head + "各项目")
        parts.append(f"查{owner}的{kinds}")
    elif frame.focus == "policies":
        owner = "、".join(f"“{p.name}”" for p in f.projects[:3]) or head
        parts.append(f"查{owner}引用的政策文件")
    elif frame.focus == "definitions":
        parts.append("查名词解释：" + "、".join(f.terms))
    else:
        parts.append(f"查{head}的{FOCUS_NAMES.get(frame.focus, frame.focus)}")
    ops = {"count": "并计数", "sum": "并求和", "share": "并计算占比", "difference": "并计算差额",
           "growth": "并计算与上年相比的增减", "change": "与上年相比的增减", "derive": "据比上年增减数倒推上年数",
           "completion": "并计算完成率（决算数÷预算数）", "per_capita": "并计算人均数",
           "compare": "并比较高低", "sort": "并排序", "yesno": "并判断是否"}
    if op.name == "rank":
        n = f"第{op.nth}" if op.nth else f"前{op.n or 1}"
        parts.append(f"按金额{'从高到低' if op.descending else '从低到高'}取{n}名")
    elif op.name in ops:
        parts.append(ops[op.name])
    if op.group_by:
        parts.append({"funding": "按财政拨款与非财政拨款分开计", "category": "按当年安排与上年结转分开计"}[op.group_by])
    text = "，".join(p for p in parts if p)
    if frame.derive_previous:
        text += "（该年度的预算不在图谱中，由下一年度预算的比上年增减数推算）"
    if frame.derived_only:
        text += "（基于上一问的数）"
    return text


def kind(frame: Frame) -> str:
    """The question kind of a frame (``shared/questions/README.md``), the answer's ``intent``."""
    f = frame.filters
    op = frame.operation.name
    focus = frame.focus
    if focus == "figures":
        keys = frame.measures
        if any(k.startswith("three_public.") for k in keys):
            return "sangong"
        if "operating_expenses" in keys:
            return "operating"
        if any(k.startswith("procurement.") for k in keys):
            return "procurement"
        if op in ("change", "growth", "derive") or frame.derive_previous:
            return "change"
        return "dept_total"
    if focus == "departments":
        return "comparison"
    if focus in ("staff", "assets", "divisions", "subordinates", "functions"):
        return "profile"
    if focus == "subjects":
        return "economic_breakdown" if f.scheme in ("economic", "government_economic") else "functional_breakdown"
    if focus == "persons":
        return "responsible"
    if focus == "indicators":
        return "indicators"
    if focus == "policies":
        return "policy_basis"
    if focus == "findings":
        return "audit"
    if focus == "definitions":
        return "definition"
    if focus == "projects":
        if f.person is not None or {"unit", "person", "supervisor"} & set(frame.measures):
            return "responsible"
        if "funding" in frame.measures:
            return "funding_source"
        if "category" in frame.measures:
            return "carryover"
        if op == "rank" or frame.operation.nth:
            return "top_n"
        if op == "count":
            return "count"
        if f.bound is not None:
            return "threshold"
        if f.policy is not None:
            return "policy_basis"
        if f.categories == ["carryover"]:
            return "carryover"
        if f.funding or f.categories:
            return "count"
        if f.projects:
            return "project_amount"
        return "topic_projects"
    return focus
