"""部门整体支出绩效自评: a 决算's self-evaluation of the department's whole spending.

Two places print it, and a question may take a figure from either:

* the table (西安 决算 部门整体支出绩效自评表): under 年度主要任务完成情况 one row per task with its
  全年预算数 and 全年执行数 (总额 | 财政拨款 | 其他资金), 分值, 执行率 and 得分; a 金额合计 row; further down
  the indicators and a 总分 row (100 | 99.5). The columns are found by their header words (a two-row
  header: the group 全年预算数（万元） over 总额 / 财政拨款 / 其他资金), never by position, so a table
  printing fewer parts, or the parts in another order, reads the same;
* the narrative's statement (西安: ``部门整体支出自评得分99.5，全年预算数2,495,142.55万元，执行数
  2074962.01万元，完成预算的83.16%``; 佛山 2019: ``部门整体支出绩效自评得分为0分。全年预算数0万元，执行数
  0万元，完成预算的0%``).

Each becomes a ``DepartmentSelfEvaluation`` (``source`` ``table`` / ``narrative``) with the money in the
record's unit, exactly as printed. The checks below recompute what the table promises: each row's
执行率 = 执行数 ÷ 预算数, 总额 = 财政拨款 + 其他资金, the 金额合计 (and 分值, 得分) = the rows' sum, and the
narrative's statement = the table's totals.
"""
from __future__ import annotations

import re
from decimal import Decimal, ROUND_HALF_UP

from kg.extract.model import Check, DepartmentSelfEvaluation, Indicator, Provenance, SelfEvaluationTask
from kg.extract.text_normalize import normalize_target
from kg.extract.narrative.text import make_span, money, prov
from kg.extract.rules import precision, register_checks, register_rule
from kg.extract.source import Line
from kg.units import convert

LABEL = "部门整体支出绩效自评表"

register_rule("self_evaluation_rate", "自评表执行率等于执行数除以预算数",
              "a 部门整体支出绩效自评表 row's printed 执行率 against 全年执行数 ÷ 全年预算数")
register_rule("self_evaluation_parts", "自评表总额等于财政拨款加其他资金",
              "a 部门整体支出绩效自评表 row's 总额 against its 财政拨款 and 其他资金")
register_rule("self_evaluation_total", "自评表合计等于各任务之和",
              "the 金额合计 (and the 分值, 得分 totals) of a 部门整体支出绩效自评表 against its task rows")
register_rule("self_evaluation_stated", "说明所述整体自评与自评表一致",
              "the narrative's 部门整体支出自评 statement against the self-evaluation table's totals")

# the money columns: (group word, part word) -> field
_MONEY_FIELDS = {("budget", "total"): "budget", ("budget", "fiscal"): "budget_fiscal",
                 ("budget", "other"): "budget_other", ("executed", "total"): "executed",
                 ("executed", "fiscal"): "executed_fiscal", ("executed", "other"): "executed_other"}
_TOTAL_RE = re.compile(r"^(?:金额)?合计$|^总计$")
_UNIT_RE = re.compile(r"[（(](万元|元)[）)]")


def _fill_right(cells: tuple[str | None, ...]) -> list[str]:
    """A header row's cells with a merged cell's text carried over the empty cells to its right."""
    out: list[str] = []
    last = ""
    for cell in cells:
        text = re.sub(r"\s+", "", cell or "")
        last = text or last
        out.append(last if not text else text)
    return out


def _roles(top: list[str], sub: list[str] | None) -> dict[int, str]:
    """Each column's role from its header words: name, content, status, weight, rate, score, or a
    money field (the group 全年预算数 / 全年执行数, the part 总额 / 财政拨款 / 其他资金 below it)."""
    roles: dict[int, str] = {}
    for i, head in enumerate(top):
        part = sub[i] if sub is not None and i < len(sub) else ""
        if "任务名称" in head or head in ("任务", "项目名称"):
            roles[i] = "name"
        elif "主要内容" in head:
            roles[i] = "content"
        elif "完成情况" in head and "年度" not in head:
            roles[i] = "status"
        elif "率" in head:
            roles[i] = "rate"
        elif head == "分值" or head.startswith("分值"):
            roles[i] = "weight"
        elif head == "得分" or head.startswith("得分"):
            roles[i] = "score"
        elif "执行数" in head or "预算数" in head:
            group = "executed" if "执行" in head else "budget"
            kind = ("fiscal" if "财政" in part else "other" if "其他" in part else "total")
            roles[i] = _MONEY_FIELDS[(group, kind)]
    return roles


def _percent(text: str | None) -> Decimal | None:
    bare = re.sub(r"\s+", "", text or "").rstrip("%％")
    return money(bare) if bare else None


def read_table(lines: list[Line], file: str, unit: str | None) -> DepartmentSelfEvaluation | None:
    """The first 部门整体支出绩效自评表 among the ruled rows of ``lines`` (its header names 任务名称 and
    执行率 beside a 预算数 column), or None."""
    for at, line in enumerate(lines):
        if line.cells is None:
            continue
        joined = "".join(c or "" for c in line.cells)
        if "任务名称" not in joined or "率" not in joined or not re.search(r"预算数|执行数", joined):
            continue
        top = _fill_right(line.cells)
        nxt = lines[at + 1] if at + 1 < len(lines) else None
        sub = None
        body = at + 1
        if nxt is not None and nxt.cells is not None and nxt.table == line.table and \
                any(re.sub(r"\s+", "", c or "") in ("总额", "财政拨款", "其他资金", "小计", "合计") for c in nxt.cells):
            sub, body = [re.sub(r"\s+", "", c or "") for c in nxt.cells], at + 2
        roles = _roles(top, sub)
        if "name" not in roles.values() or "budget" not in roles.values():
            continue
        m = _UNIT_RE.search(joined)
        printed_unit = m.group(1) if m else "万元"
        return _rows(lines, body, line.table, roles, printed_unit, file, unit, line)
    return None


def _rows(lines: list[Line], start: int, table: int | None, roles: dict[int, str], printed_unit: str,
          file: str, unit: str | None, header: Line) -> DepartmentSelfEvaluation:
    """The task rows after the header up to the 金额合计 row, then the 总分 further down the table."""
    evaluation = DepartmentSelfEvaluation(source="table", provenance=prov(file, header, LABEL))
    tasks_done = False
    indicator_roles: dict[int, str] = {}
    above: tuple[str | None, str | None] = (None, None)  # merged 一级/二级 cells filled down
    for line in lines[start:]:
        if line.cells is None:
            continue  # a page's furniture between the table's pages
        if line.table != table:
            break
        cells = [re.sub(r"\s+", "", c or "") for c in line.cells]
        if tasks_done:
            if any(c == "总分" for c in cells):  # 总分 | 100 | 99.5: the last figure is the score
                figures = [money(c) for c in cells if c and money(c) is not None]
                if figures:
                    evaluation.score = figures[-1]
                break
            if "一级指标" in cells and any("指标内容" in c or "三级指标" in c for c in cells):
                indicator_roles = _indicator_roles(cells)
                continue
            if indicator_roles:
                indicator = _indicator(cells, indicator_roles, above, file, line)
                if indicator is not None:
                    evaluation.indicators.append(indicator)
                    above = (indicator.level1, indicator.level2)
            continue
        task = _task(cells, roles, printed_unit, unit, file, line)
        if task is None:
            if evaluation.tasks:
                tasks_done = True  # the rows after the tasks (年度总体目标, 指标): only the 总分 is read
            continue
        if task.total:
            evaluation.budget, evaluation.executed, evaluation.rate = task.budget, task.executed, task.rate
            tasks_done = True
        evaluation.tasks.append(task)
    return evaluation


def _task(cells: list[str], roles: dict[int, str], printed_unit: str, unit: str | None, file: str,
          line: Line) -> SelfEvaluationTask | None:
    """One task row, or None where the row prints no 预算数 / 执行数 (a row of another part)."""
    values: dict[str, str] = {role: cells[i] for i, role in roles.items() if i < len(cells) and cells[i]}
    name = values.get("name")
    amounts = {field: money(values[field]) for field in _MONEY_FIELDS.values() if field in values}
    if not name or not any(v is not None for v in amounts.values()):
        return None
    task = SelfEvaluationTask(name=name, content=values.get("content"), status=values.get("status"),
                              weight=money(values["weight"]) if "weight" in values else None,
                              rate=_percent(values.get("rate")),
                              score=money(values["score"]) if "score" in values else None,
                              total=bool(_TOTAL_RE.match(name)),
                              provenance=Provenance(file=file, page=line.page, line=line.lineno, table=LABEL, row=name,
                                                    unit=printed_unit))
    for field, value in amounts.items():
        setattr(task, field, convert(value, printed_unit, unit or "万元") if value is not None else None)
    return task


_INDICATOR_HEADS = (("level1", "一级指标"), ("level2", "二级指标"), ("name", "指标内容"), ("name", "三级指标"),
                    ("actual", "实际完成"), ("target", "指标值"), ("weight", "分值"), ("score", "得分"))


def _indicator_roles(cells: list[str]) -> dict[int, str]:
    """The columns of the indicator part of the table by their header words."""
    roles: dict[int, str] = {}
    for i, cell in enumerate(cells):
        role = next((r for r, word in _INDICATOR_HEADS if word in cell), None)
        if role is not None and role not in roles.values():
            roles[i] = role
    return roles


def _indicator(cells: list[str], roles: dict[int, str], above: tuple[str | None, str | None], file: str,
               line: Line) -> Indicator | None:
    """One indicator row (its 一级/二级 filled down from the rows above), or None for a row naming none."""
    values = {role: cells[i] for i, role in roles.items() if i < len(cells) and cells[i]}
    name = values.get("name")
    if not name:
        return None
    level1 = re.sub(r"[（(]\d+(?:\.\d+)?分[）)]$", "", values.get("level1") or "") or above[0]
    level2 = values.get("level2") or (above[1] if not values.get("level1") else None)
    return Indicator(level1=level1, level2=level2, name=name, target=normalize_target(values.get("target")),
                     weight=money(values["weight"]) if "weight" in values else None, actual=values.get("actual"),
                     provenance=Provenance(file=file, page=line.page, line=line.lineno, table=LABEL, row=name))


_FIGURE = r"(\d[\d,]*(?:\.\d+)?)"
_STATED_RE = re.compile(r"整体支出(?:绩效)?自评(?:得分|分数)(?:为)?" + _FIGURE + r"分?[，,。；;]?"
                        r"全年预算(?:数)?(?:为)?" + _FIGURE + r"(万元|元)[，,]?(?:全年)?执行(?:数)?(?:为)?" + _FIGURE +
                        r"(万元|元)[，,]?完成(?:预算的|率为?)" + r"(\d+(?:\.\d+)?)[%％]")


def read_statement(lines: list[Line], file: str, unit: str | None) -> DepartmentSelfEvaluation | None:
    """The narrative's statement of the department's self-evaluation (score, 全年预算数, 执行数, 完成
    预算的 %), the first one printed, or None."""
    span = make_span([line for line in lines if line.cells is None])
    m = _STATED_RE.search(span.text)
    if m is None:
        return None
    budget, executed = money(m.group(2)), money(m.group(4))
    return DepartmentSelfEvaluation(
        source="narrative", score=money(m.group(1)),
        budget=convert(budget, m.group(3), unit or "万元") if budget is not None else None,
        executed=convert(executed, m.group(5), unit or "万元") if executed is not None else None,
        rate=money(m.group(6)), text=m.group(0),
        provenance=prov(file, span.line_at(m.start()), "绩效自评", "部门整体支出"))


def read_department_self_evaluation(lines: list[Line], file: str, unit: str | None) -> list[DepartmentSelfEvaluation]:
    """The table's and the narrative's, each where printed (the table first)."""
    return [e for e in (read_table(lines, file, unit), read_statement(lines, file, unit)) if e is not None]


# --- the checks ---------------------------------------------------------------------------------------

def _rate(executed: Decimal, budget: Decimal, printed: Decimal) -> Decimal:
    """执行数 ÷ 预算数 as a percent, to the printed rate's places."""
    return (executed / budget * 100).quantize(precision(printed), rounding=ROUND_HALF_UP)


def _where(task: SelfEvaluationTask, what: str) -> str:
    return f"{LABEL} {task.name} {what}"


@register_checks("narrative.self_evaluation", "部门整体支出绩效自评")
def self_evaluation_checks(parts, record) -> list[Check]:
    """The table's own arithmetic (rates, parts, totals) and the narrative's statement against it."""
    out: list[Check] = []
    table = next((e for e in record.department_self_evaluation if e.source == "table"), None)
    stated = next((e for e in record.department_self_evaluation if e.source == "narrative"), None)
    if table is not None:
        rows = [t for t in table.tasks if not t.total]
        total = next((t for t in table.tasks if t.total), None)
        for task in table.tasks:
            if task.rate is not None and task.budget and task.executed is not None:
                expected = _rate(task.executed, task.budget, task.rate)
                out.append(Check("self_evaluation_rate", _where(task, "执行率"), expected, task.rate, expected == task.rate,
                                 task.provenance, unit="%", tolerance=precision(task.rate),
                                 note=f"执行率 = 全年执行数{task.executed} ÷ 全年预算数{task.budget}"))
            for whole, fiscal, other, word in (("budget", "budget_fiscal", "budget_other", "全年预算数"),
                                               ("executed", "executed_fiscal", "executed_other", "全年执行数")):
                values = [getattr(task, k) for k in (whole, fiscal, other)]
                if all(v is not None for v in values):
                    expected = values[1] + values[2]
                    out.append(Check("self_evaluation_parts", _where(task, word), expected, values[0], expected == values[0],
                                     task.provenance, note=f"{word}总额 = 财政拨款{values[1]} + 其他资金{values[2]}"))
        if total is not None and rows:
            for field, word in (("budget", "全年预算数"), ("budget_fiscal", "全年预算数财政拨款"),
                                ("budget_other", "全年预算数其他资金"), ("executed", "全年执行数"),
                                ("executed_fiscal", "全年执行数财政拨款"), ("executed_other", "全年执行数其他资金"),
                                ("weight", "分值"), ("score", "得分")):
                printed = getattr(total, field)
                parts_ = [getattr(t, field) for t in rows if getattr(t, field) is not None]
                if printed is None or not parts_:
                    continue
                expected = sum(parts_, Decimal(0))
                unit = "分" if field in ("weight", "score") else None
                out.append(Check("self_evaluation_total", _where(total, word), expected, printed, expected == printed,
                                 total.provenance, unit=unit, note=f"{word}：{len(parts_)}项任务之和"))
    if stated is not None and table is not None:
        for field, word, unit in (("budget", "全年预算数", None), ("executed", "执行数", None),
                                  ("rate", "完成预算的%", "%"), ("score", "自评得分", "分")):
            said, printed = getattr(stated, field), getattr(table, field)
            if said is None or printed is None:
                continue
            out.append(Check("self_evaluation_stated", f"说明 部门整体支出自评{word} vs {LABEL}", printed, said,
                             said == printed, stated.provenance, unit=unit,
                             note=f"说明称{word}{said}，自评表{printed}"))
    return out
