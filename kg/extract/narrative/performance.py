"""Performance-target tables (项目支出绩效目标表, 部门整体绩效目标表) read from wrapped text.

In a text extraction the table is a stream of cell fragments: a row's name, target and scoring
rule wrap over many lines and the merged 一级/二级指标 cells come back once, somewhere among the
rows they span. The reader therefore works on tokens (whitespace-separated fragments):

1. lift the 一级/二级 labels out of the stream, remembering where they stood;
2. cut the remaining tokens into rows at the row's last columns (the 指标赋分规则 ending in
   ``赋分``, or the 分值权重 ending a line where the table has no rule column);
3. split each row into 三级指标 name, 指标值 target and 指标值设置依据 by the target's shape
   (``＞=``, a date, a qualitative ``有效提升``) and the basis vocabulary (``计划标准``);
4. give each row its labels: an extraction prints a merged label either before the first row it
   spans or (vertically centred, as ``pdftotext`` orders it) before the last one; which one a
   document uses shows where rows stand before the first label of a table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kg.extract.model import Indicator, Provenance
from kg.extract.narrative.performance_cells import CellTable, read_cell_table
from kg.extract.narrative.performance_cells import amount as cell_amount
from kg.extract.narrative.text import compact, money, prov
from kg.extract.narrative.performance_titles import find_tables, title_name, title_unit
from kg.extract.source import Line
from kg.extract.text_normalize import normalize_target
from kg.units import convert

LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标", "履职效能", "管理效率", "运行成本",
          "社会效应", "服务对象满意度", "可持续发展能力")
LEVEL2 = ("数量指标", "质量指标", "时效指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
          "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "满意度指标",
          "服务对象满意度指标", "社会公众或服务对象满意度指标", "成本指标")
# 一级指标 implied by a standard 二级指标 (the national framework) where no label says otherwise.
LEVEL1_OF = {"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标",
             "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
             "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
             "可持续影响指标": "效益指标", "满意度指标": "满意度指标",
             "服务对象满意度指标": "满意度指标", "社会公众或服务对象满意度指标": "满意度指标"}
_LABELS = set(LEVEL1) | set(LEVEL2)
# the merged cell left of the indicator rows (西安: 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 …)
_GROUP_HEADINGS = frozenset({"年度绩效指标", "绩效指标"})
_LABEL_PREFIXES = {label[:i] for label in _LABELS for i in range(1, len(label) + 1)}

_SIGN = "<>=≥≤＞＜＝"
_NUM_TARGET_RE = re.compile(rf"^[{_SIGN}]{{1,2}}=?-?\d[\d,]*(?:\.\d+)?[^\d\s{_SIGN}]{{0,5}}$")
_DATE_TARGET_RE = re.compile(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:前|之前|底前|底|以前|内|完成)?$")
_QUAL_TARGET_RE = re.compile(
    r"^(?:(?:有效|明显|持续|逐步|进一步|显著|稳步|不断|大幅|基本|全面|较好|有所|得到)?"
    r"(?:提升|提高|保障|改善|加强|落实|防范|降低|减少|增加|增强|促进|完善|发挥|达标|合格|改进|好转)"
    r"|长期|是|否|良好|优秀|达标|完成|显著|较高|稳定|中长期|基本达到预期效果)$")
_PLAIN_TARGET_RE = re.compile(r"^\d[\d,]*(?:\.\d+)?[^\d\s]{0,5}$")
_BASIS_RE = re.compile(r"^(?:计划|历史|行业|其他|预算|预算支出|支出|国家|地方|政策|年度|省级|市级|部门)标准$")
_RULE_END_RE = re.compile(r"(?:赋分|评分|得分|计分|扣分)$")
_WEIGHT_RE = re.compile(r"^\d{1,3}(?:\.\d+)?$")
_FUNDING_RE = re.compile(r"(上级安排|本级安排|其他)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
# a 部门整体绩效目标表's 年度预算安排 (泉州: 资金总额 81562.56 | 项目支出 29514.82 | 基本支出 52047.74): the
# department's money as the table states it, a bare figure (a goal sentence's ``项目支出100万元`` names a
# unit and is no cell of the table)
_DEPARTMENT_TOTALS_RE = re.compile(r"(资金总额|基本支出|项目支出)[：:]?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                                   r"(?![\d.,%％]|万|元|亿)")
_PERSON_RE = re.compile(r"^[\u4e00-\u9fff·]{2,6}$")
_FIELD_LABELS = ("项目负责人", "预算单位", "主管部门", "实施单位", "项目资金", "年度预算", "年度资金",
                 "联系电话", "项目属性", "项目期")


# the project-name field's label as a text line prints it (``NAME_LABEL_RE`` of the cells), most specific first
_NAME_LABELS = ("专项（项目）名称", "项目（专项）名称", "项目名称")


@dataclass
class _Token:
    text: str
    line: Line
    line_end: bool  # last token printed on its line


@dataclass
class PerformanceTable:
    """One 项目支出绩效目标表 (``kind == "project"``) or 部门整体绩效目标表 (``"department"``)."""

    kind: str
    name: str | None
    person: str | None
    budget: Decimal | None  # 年度预算总额
    fiscal: Decimal | None  # 其中：财政拨款
    other: Decimal | None  # 其他资金
    goal: str  # 项目总体目标 / 年度绩效目标, compacted
    indicators: list[Indicator] = field(default_factory=list)
    funding: dict[str, Decimal] = field(default_factory=dict)  # 上级安排 / 本级安排 / 其他
    # a 部门整体绩效目标表's 资金总额 / 基本支出 / 项目支出 as printed (万元), the first of each
    totals: dict[str, Decimal] = field(default_factory=dict)
    provenance: Provenance | None = None
    unit: str | None = None  # 实施单位, where the table prints one
    supervisor: str | None = None  # 主管部门, where the table prints one (its code removed)
    ruled: bool = False  # read from the cells of a ruled table (indicators already filled)
    # a 绩效自评表 (决算): 年初预算数 and 全年执行数 (万元; ``budget`` is its 全年预算数), 执行率 (%)
    # and the 总分 it gives itself
    initial_budget: Decimal | None = None
    executed: Decimal | None = None
    execution_rate: Decimal | None = None
    score: Decimal | None = None
    carryover: Decimal | None = None  # 其中：上年结转 (万元)
    achieved: str | None = None  # a 绩效自评表's 实际完成情况 beside its goal (it cites documents too)
    code: str | None = None  # the project's code, where the table prints one before its name
    title_named: bool = False  # no 项目名称 field: the title names the project
    in_grid: bool = False  # one row group of a grid listing every project (长沙, 重庆, 北京)
    # on a grid's first project: the grid's 合计 row (万元) and where it is printed
    grid_total: Decimal | None = None
    grid_total_at: Provenance | None = None


def _header(lines: list[Line]) -> tuple[int, int] | None:
    """(first, last) line index of the indicator header (一级指标 … 佐证资料), or None."""
    for i, line in enumerate(lines):
        if not compact(line.text).startswith("一级"):
            continue
        joined = ""
        for j in range(i, min(i + 30, len(lines))):
            joined += compact(lines[j].text)
            if "三级" not in joined and len(joined) > 12:
                break
        if "三级" not in joined:
            continue
        joined, ends = "", []
        for j in range(i, min(i + 30, len(lines))):
            joined += compact(lines[j].text)
            ends.append(len(joined))
        # the header ends at the weight column, or the value column where there is none, and
        # takes the columns printed after it (赋分规则, 佐证资料, 备注); the body follows
        found = [(joined.find(w), w) for w in ("分值权重", "权重", "文字描述）", "指标值") if joined.find(w) >= 0]
        if not found:
            continue
        pos, word = found[0]  # in order of preference
        stop = pos + len(word)
        extended = True
        while extended:
            extended = False
            for word in ("指标赋分规则", "赋分规则", "评分规则", "佐证资料", "备注"):
                at = joined.find(word, stop)
                if 0 <= at <= stop + 4:
                    stop, extended = at + len(word), True
        return i, i + next(k for k, e in enumerate(ends) if e >= stop)
    return None


def _field_after(text: str, label: str) -> str | None:
    """Compacted text after ``label`` up to the next known field label."""
    pos = text.find(label)
    if pos < 0:
        return None
    rest = text[pos + len(label):]
    cut = min([rest.find(f) for f in _FIELD_LABELS if rest.find(f) >= 0] + [len(rest)])
    return rest[:cut].strip("：:") or None


def _person(lines: list[Line]) -> str | None:
    """项目负责人: the name printed after the label (never the phone number beside it)."""
    for i, line in enumerate(lines):
        tokens = line.text.split()
        for k, tok in enumerate(tokens):
            if tok.startswith("项目负责人"):
                rest = tok[len("项目负责人"):].strip("：:")
                cands = [rest] if rest else tokens[k + 1:k + 2]
                if not cands and i + 1 < len(lines):
                    cands = lines[i + 1].text.split()[:1]
                for cand in cands:
                    if _PERSON_RE.match(cand) and cand not in _FIELD_LABELS:
                        return cand
    return None


def _join_split_row(first: list[str], second: list[str]) -> list[str] | None:
    """One row printed as two lines, each holding fragments of every column, joined.

    ``生态效 持续提升监管 提升 计划标 / 15 按照正常 工作资料`` + ``益指标 能力 准 比例赋分``:
    each fragment of the second line completes a label, the basis or the rule of the first;
    what completes nothing continues the name. None where the lines are not such a pair.
    """
    weight = next((k for k, t in enumerate(first) if _is_number(t) and k + 1 < len(first)
                   and not _RULE_END_RE.search(first[k + 1])), None)
    if weight is None or len(first) < 6 or len(second) < 2 or any(_is_number(t) for t in second):
        return None
    if not any(_RULE_END_RE.search(t) for t in second):
        return None
    out = list(first)
    name_at = next((k for k, t in enumerate(first) if t not in _LABEL_PREFIXES), 0)
    for tok in second:
        for k, cur in enumerate(out):
            if (cur in _LABEL_PREFIXES and cur + tok in _LABELS) or _BASIS_RE.match(cur + tok) or (
                    k > weight and _RULE_END_RE.search(cur + tok)):
                out[k] = cur + tok
                break
        else:
            out[name_at] = out[name_at] + tok
    return out


def _tokens(lines: list[Line]) -> list[_Token]:
    out: list[_Token] = []
    skip = 0
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        parts = line.text.split()
        following: list[str] = []
        for n in range(1, 5):  # the rest of a row printed across lines, up to its rule's end
            if i + n >= len(lines):
                break
            following += lines[i + n].text.split()
            if any(_RULE_END_RE.search(t) for t in lines[i + n].text.split()):
                joined = _join_split_row(parts, following)
                if joined is not None:
                    parts, skip = joined, n
                break
        for k, part in enumerate(parts):
            if part in _GROUP_HEADINGS:
                continue  # the merged cell heading the indicator rows, repeated on each (a column's heading, no name)
            out.append(_Token(part, line, k == len(parts) - 1))
    return out


def _lift_labels(tokens: list[_Token]) -> tuple[list[_Token], list[tuple[int, str]]]:
    """Remove the 一级/二级 labels from the stream: (content tokens, [(content index, label)]).

    A label can be cut by a row printed beside it (``社会 效益 <row> 指标``): a run of at least
    two fragments forming an unfinished label waits for its last fragment, which then comes as
    a token of its own later in the table.
    """
    content: list[_Token] = []
    events: list[tuple[int, str]] = []
    lifted: dict[int, list[_Token]] = {}  # event index -> its tokens (when whole)
    pending: list[tuple[int, str]] = []  # (content index, unfinished label)
    i = 0
    while i < len(tokens):
        if pending and any(lab.startswith(pending[0][1] + tokens[i].text) for lab in _LABELS) and \
                pending[0][1] + tokens[i].text in _LABELS:
            pos, prefix = pending.pop(0)
            events.append((pos, prefix + tokens[i].text))
            i += 1
            continue
        joined, best, run = "", None, 0
        for j in range(i, min(i + 6, len(tokens))):
            joined += tokens[j].text
            if joined not in _LABEL_PREFIXES:
                break
            run = j - i + 1
            if joined in _LABELS:
                best = (j, joined)
        if best is not None:
            lifted[len(events)] = tokens[i:best[0] + 1]
            events.append((len(content), best[1]))
            i = best[0] + 1
        elif run >= 2:
            pending.append((len(content), "".join(t.text for t in tokens[i:i + run])))
            i += run
        else:
            content.append(tokens[i])
            i += 1
    for pos, prefix in pending:  # never finished: the label it can only be
        options = [lab for lab in _LABELS if lab.startswith(prefix)]
        if len(options) == 1:
            events.append((pos, options[0]))
    # at one place a merged cell gives one 一级 and one 二级 label; a third (or a second 二级)
    # is the row's own name that happens to read like a label (服务对象满意度指标 ≥95%)
    back: list[tuple[int, list[_Token]]] = []
    keep: list[tuple[int, str]] = []
    for idx, (pos, label) in enumerate(events):
        here = [lab for p, lab in keep if p == pos]
        second_level2 = label in LEVEL2 and label not in LEVEL1 and any(
            lab in LEVEL2 and (lab not in LEVEL1 or len(here) >= 2) for lab in here)
        if (len(here) >= 2 or second_level2) and idx in lifted:
            back.append((pos, lifted[idx]))
        else:
            keep.append((pos, label))
    for pos, toks in sorted(back, key=lambda b: -b[0]):
        content[pos:pos] = toks
        keep = [(p + len(toks) if p > pos else p, lab) for p, lab in keep]
    keep.sort(key=lambda e: e[0])
    return content, keep


def _is_number(text: str) -> bool:
    return bool(_WEIGHT_RE.match(text))


_EVIDENCE_END_RE = re.compile(r"(?:资料|凭证|材料|报告|纪要|记录|文件|问卷|报表|证明|照片|台账|数据|截图|说明|清单)$")


def _rows_by_rule(tokens: list[_Token], has_evidence: bool) -> list[tuple[int, int, int, int]]:
    """Rows of a table with a 指标赋分规则 column: (start, weight index, rule end, end exclusive).

    The 佐证资料 after the rule is one or two fragments ending like evidence (``工作资``+``料``);
    anything else after the rule starts the next row.
    """
    rows: list[tuple[int, int, int, int]] = []
    start = 0
    k = 0
    while k < len(tokens):
        text = tokens[k].text
        prev = tokens[k - 1].text if k > start else ""
        if _RULE_END_RE.search(text) or (len(text) <= 3 and _RULE_END_RE.search(prev + text)):
            w = k
            while w > start and not _is_number(tokens[w].text):
                w -= 1
            if w > start and _is_number(tokens[w].text):
                end = k + 1
                if has_evidence:
                    for n in (1, 2):
                        joined = "".join(t.text for t in tokens[end:end + n])
                        if len(tokens[end:end + n]) == n and len(joined) <= 10 and \
                                not re.search(r"\d", joined) and _EVIDENCE_END_RE.search(joined):
                            end += n
                            break
                rows.append((start, w, k, end))
                start = end
                k = end
                continue
        k += 1
    return rows


def _rows_by_weight(tokens: list[_Token]) -> list[tuple[int, int, int, int]]:
    """Rows of a table ending in 分值权重: the row ends at a weight that ends its line."""
    rows: list[tuple[int, int, int, int]] = []
    start = 0
    for k, tok in enumerate(tokens):
        if k - start >= 2 and tok.line_end and _is_number(tok.text) and Decimal(tok.text) <= 100:
            before = "".join(t.text for t in tokens[start:k])
            if any(ch in before for ch in _SIGN) or _QUAL_TARGET_RE.search(before) or "年" in before:
                rows.append((start, k, k, k + 1))
                start = k + 1
    return rows


def _page_tails(tokens: list[_Token], spans: list[tuple[int, int, int, int]],
                events: list[tuple[int, str]]) -> list[list[str]]:
    """Name fragments of a row printed on the next page, after a page break cut the row.

    Two shapes: the fragments come between the row's rule and the rule's last fragment
    (``按照正 常比例 工作资料 | 案件整改完 成率（%） 赋分``), or they open the next page before
    the next group's label (``说明材料 | 州经济高质 量发展。 生态效益指标 …``). Spans are
    adjusted in place for the second shape.
    """
    tails: list[list[str]] = [[] for _ in spans]
    label_positions = sorted(pos for pos, _ in events)
    for r, (start, w, rule_end, end) in enumerate(spans):
        page = tokens[w].line.page
        if page is not None and rule_end > w:
            tails[r] += [t.text for t in tokens[w + 1:rule_end] if (t.line.page or 0) > page]
        if r == 0:
            continue
        prev_page = tokens[spans[r - 1][1]].line.page
        if prev_page is None or (tokens[start].line.page or 0) <= prev_page:
            continue
        cut = next((p for p in label_positions if start < p < w), None)
        if cut is not None and all(t.line.page == tokens[start].line.page for t in tokens[start:cut]):
            tails[r - 1] += [t.text for t in tokens[start:cut]]
            spans[r] = (cut, w, rule_end, end)
    return tails


def _continuation(tokens: list[_Token], nxt: tuple[int, int, int, int], name: str,
                  target: str) -> tuple[str, str, int]:
    """Take back a row's name and target tails printed below it, after its last columns.

    A tall merged label can push a row's last fragments under the row (``防范财政风险，提升政府
    有效 … 工作资料`` then ``公信力 防范``): a two-token line opening the next span whose second
    token completes this row's unfinished target (``有效`` + ``防范``) belongs to this row.
    Returns (name, target, number of tokens taken).
    """
    start, w, _, _ = nxt
    if start + 2 >= w or _target_match(target, plain=False):
        return name, target, 0
    line = tokens[start].line
    if tokens[start + 1].line is not line or not tokens[start + 1].line_end:
        return name, target, 0
    if not _target_match(target + tokens[start + 1].text, plain=False):
        return name, target, 0
    return name + tokens[start].text, target + tokens[start + 1].text, 2


def _target_match(text: str, plain: bool) -> bool:
    if _NUM_TARGET_RE.match(text) or _QUAL_TARGET_RE.match(text):
        return True
    bare = re.sub(rf"^[{_SIGN}]{{1,2}}=?", "", text)
    if re.match(r"^\d{4}年", bare) or re.match(r"^\d{1,2}月", bare):
        return bool(_DATE_TARGET_RE.match(bare))
    if re.match(r"^(?:GB|HJ|DB)[/T]*\d", bare):  # a standard as the target: GB/T39786-2021
        return True
    return plain and bool(_PLAIN_TARGET_RE.match(text))


def _split_row(pre: list[_Token], has_basis: bool) -> tuple[str, str | None, str | None]:
    """(name, target, basis) of the tokens before a row's weight."""
    texts = [t.text for t in pre]
    basis_at: tuple[int, int] | None = None
    if has_basis:
        for j in range(len(texts) - 1, 0, -1):
            for i in range(j, max(j - 3, 0), -1):
                if _BASIS_RE.match("".join(texts[i:j + 1])):
                    basis_at = (i, j)
                    break
            if basis_at:
                break
    if basis_at:
        head = texts[:basis_at[0]]
        basis = "".join(texts[basis_at[0]:basis_at[1] + 1])
        for s in range(1, len(head)):
            if _target_match("".join(head[s:]), plain=True):
                return "".join(head[:s]), "".join(head[s:]), basis
        if len(head) >= 2:
            return "".join(head[:-1]), head[-1], basis
        return "".join(head), None, basis
    for s in range(1, len(texts)):  # no basis vocabulary: the target is found by its shape
        best = None
        for e in range(s + 1, len(texts) + 1):
            if _target_match("".join(texts[s:e]), plain=False):
                best = e
            elif best is not None:
                break
        if best is not None:
            rest = "".join(texts[best:]) or None
            return "".join(texts[:s]), "".join(texts[s:best]), rest if has_basis else None
    if len(texts) >= 2:
        return "".join(texts[:-1]), texts[-1], None
    return "".join(texts), None, None


def _rows_by_line(tokens: list[_Token], events: list[tuple[int, str]]) -> list[tuple[int, int, int, int]]:
    """Rows of a table without weights (三级指标 | 指标值): a row ends on a line ending in a target."""
    breaks = {pos for pos, _ in events}
    rows: list[tuple[int, int, int, int]] = []
    start = 0
    for k, tok in enumerate(tokens):
        if k + 1 in breaks or k == len(tokens) - 1 or (
                tok.line_end and k > start and _target_match(tok.text, plain=True)):
            if k > start or tok.line_end:
                rows.append((start, k + 1, k + 1, k + 1))
                start = k + 1
    return rows


def _assign_labels(n_rows: int, row_of_event: list[tuple[int, str]], before_last: bool) -> list[str | None]:
    """Label of each row from label events at row positions (see the module docstring)."""
    labels: list[str | None] = [None] * n_rows
    if not row_of_event or not n_rows:
        return labels
    if before_last:
        start = 0
        for row, label in row_of_event:
            row = min(row, n_rows - 1)
            for r in range(start, row + 1):
                labels[r] = label
            start = max(start, row + 1)
        for r in range(start, n_rows):
            labels[r] = row_of_event[-1][1]
    else:
        for idx, (row, label) in enumerate(row_of_event):
            end = row_of_event[idx + 1][0] if idx + 1 < len(row_of_event) else n_rows
            for r in range(0 if idx == 0 else row, max(end, row + 1)):
                if r < n_rows:
                    labels[r] = label
    return labels


def _split_levels(events: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Sort label events into 一级 and 二级; ``满意度指标`` twice in a row is 一级 then 二级."""
    level1: list[tuple[int, str]] = []
    level2: list[tuple[int, str]] = []
    for idx, (pos, label) in enumerate(events):
        in1, in2 = label in LEVEL1, label in LEVEL2
        if in1 and in2:
            nxt = events[idx + 1] if idx + 1 < len(events) else None
            prv = events[idx - 1] if idx else None
            if nxt and nxt[0] == pos and nxt[1] in LEVEL2:
                level1.append((pos, label))
            elif prv and prv[0] == pos and prv[1] in LEVEL1 and prv[1] != label:
                level2.append((pos, label))
            elif prv and prv[0] == pos and prv[1] == label:
                level2.append((pos, label))
            else:
                level1.append((pos, label))
                level2.append((pos, label))
        elif in1:
            level1.append((pos, label))
        else:
            level2.append((pos, label))
    return level1, level2


@dataclass
class _Body:
    rows: list[tuple[str, str | None, str | None, Decimal | None, Line]]
    level1_events: list[tuple[int, str]]
    level2_events: list[tuple[int, str]]
    rows_before_first_label: bool


def _read_body(body: list[Line], header: str) -> _Body:
    tokens, events = _lift_labels(_tokens(body))
    has_rule = "赋分" in header or "评分" in header or "规则" in header
    has_weight = "权重" in header or "分值" in header
    has_basis = "依据" in header
    if has_rule:
        spans = _rows_by_rule(tokens, has_evidence="佐证" in header or "资料" in header)
    elif has_weight:
        spans = _rows_by_weight(tokens)
    else:
        spans = _rows_by_line(tokens, events)
    tails = _page_tails(tokens, spans, events) if (has_rule or has_weight) else [[] for _ in spans]
    rows = []
    for r, (start, w, _, end) in enumerate(spans):
        if has_rule or has_weight:
            name, target, basis = _split_row(tokens[start:w], has_basis)
            weight = Decimal(tokens[w].text)
            tail = tails[r]
            if tail and target is not None and not _target_match(target, plain=False) \
                    and _target_match(target + tail[-1], plain=False):
                name, target = name + "".join(tail[:-1]), target + tail[-1]
            else:
                name += "".join(tail)
            if r + 1 < len(spans) and target is not None:
                name, target, moved = _continuation(tokens, spans[r + 1], name, target)
                if moved:
                    nxt = spans[r + 1]
                    spans[r + 1] = (nxt[0] + moved, nxt[1], nxt[2], nxt[3])
        else:
            name, target, basis = _split_row(tokens[start:w], has_basis=False)
            weight = None
        rows.append((name, target, basis, weight, tokens[start].line))

    def row_index(pos: int) -> int:
        for r, (_, _, _, end) in enumerate(spans):
            if pos < end:
                return r
        return len(spans)

    level1, level2 = _split_levels(events)
    first_event = min((pos for pos, _ in events), default=None)
    before = bool(spans) and first_event is not None and first_event > spans[0][0]
    return _Body(rows, [(row_index(p), l) for p, l in level1], [(row_index(p), l) for p, l in level2], before)


def _parse(kind: str, lines: list[Line], file: str) -> tuple[PerformanceTable, _Body | None] | list[tuple[PerformanceTable, None]]:
    span = _header(lines)
    end = span[1] if span else None
    head_lines = lines[:end + 1] if end is not None else lines
    head = compact(" ".join(l.text for l in head_lines))
    cut = head.find("一级")
    meta = head[:cut] if cut >= 0 else head
    table = PerformanceTable(kind=kind, name=None, person=None, budget=None, fiscal=None, other=None,
                             goal="", provenance=prov(file, lines[0], "绩效目标表"))
    # the table's amounts are kept in 万元 (what the templates print); a table headed
    # ``项目资金（元）`` or ``单位：元`` (and no 万元) has them restated exactly
    in_yuan = re.search(r"[（(]元[)）]|单位[：:]元", meta) is not None and re.search(r"万元", meta) is None
    if kind == "project":
        name = next((v for v in (_field_after(meta, label) for label in _NAME_LABELS) if v), None)
        table.name = name
        table.person = _person(head_lines)
        for attr, pattern in (("budget", r"(?:年度(?:预算|资金)?总额|年度金额|资金总额|预算总额)(?:[（(]万?元[)）])?"
                                         r"[：:]?([\d,]+(?:\.\d+)?)"),
                              ("fiscal", r"财政拨款[：:]?([\d,]+(?:\.\d+)?)"),
                              ("carryover", r"上年结转(?:资金)?[：:]?([\d,]+(?:\.\d+)?)"),
                              ("other", r"其他资金[：:]?([\d,]+(?:\.\d+)?)")):
            m = re.search(pattern, meta)
            if m:
                value = money(m.group(1))
                setattr(table, attr, convert(value, "元", "万元") if in_yuan else value)
        table.provenance = prov(file, lines[0], "绩效目标表", name)
    else:
        table.funding = {m.group(1): (convert(money(m.group(2)), "元", "万元") if in_yuan else money(m.group(2)))
                         for m in _FUNDING_RE.finditer(meta)}
        for m in _DEPARTMENT_TOTALS_RE.finditer(meta):
            value = money(m.group(2))
            if value is not None and m.group(1) not in table.totals:
                table.totals[m.group(1)] = convert(value, "元", "万元") if in_yuan else value
    # the project's objective; the one of its whole implementation period (项目实施期目标, 泉州) where no
    # other is printed
    for label in ("项目总体目标", "年度绩效目标", "年度目标", "总体目标", "实施期目标"):
        pos = meta.find(label)
        if pos >= 0:
            goal = meta[pos + len(label):]
            stop = goal.find("资金来源")
            table.goal = goal[:stop] if stop > 0 and kind == "department" else goal
            break
    ruled = read_cell_table(lines, file, table.name or ("部门整体绩效目标表" if kind == "department" else None))
    if kind == "project" and table.name is None and not (ruled is not None and ruled.projects):
        table.name = title_name(lines[0].text)  # one table per project, named by its title
        if table.name:
            table.unit = title_unit(lines[0].text)
            table.title_named = True
            table.provenance = prov(file, lines[0], "绩效目标表", table.name)
    if kind == "department":
        return _department(table, ruled, lines, span, end, in_yuan, file)
    if ruled is not None and ruled.projects and not ruled.fields.get("name"):
        # one grid of every project: a table per project, each with its own rows
        grid = [(replace(_from_cells(replace(table, indicators=[]), one, in_yuan, file, one.line or lines[0]),
                         in_grid=True), None)
                for one in ruled.projects]
        total = cell_amount({"total": ruled.total or ""}, "total")
        if total is not None:
            grid[0][0].grid_total = convert(total, "元", "万元") if in_yuan else total
            grid[0][0].grid_total_at = prov(file, ruled.total_line, "绩效目标表", "合计")
        return grid
    if ruled is not None:
        return _from_cells(table, ruled, in_yuan, file, lines[0]), None
    if end is None:
        return table, None
    header = compact(" ".join(l.text for l in lines[span[0]:end + 1]))
    return table, _read_body(lines[end + 1:], header)


def _department(table: PerformanceTable, ruled: CellTable | None, lines: list[Line], span, end: int | None,
                in_yuan: bool, file: str) -> tuple[PerformanceTable, _Body | None]:
    """A 部门整体绩效目标表: its rows as the text reading finds them (一级/二级/三级 headers); where that
    finds none, or fewer rows than the table's cells hold, and the table is ruled with one indicator per
    row (重庆 表十: 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重 | 是否核心, no 一级/二级 split), its
    cells' rows."""
    body = _read_body(lines[end + 1:], compact(" ".join(l.text for l in lines[span[0]:end + 1]))) \
        if end is not None else None
    # the cells are the table's own up to the next table's title (北京: 预算14表 专项转移支付绩效目标表 printed
    # after 预算13表, whose 活动 | 绩效指标 rows have no 指标名称 header)
    after = next((i for i, l in enumerate(lines) if i > 0 and l.cells is None
                  and compact(l.text).endswith(("绩效目标表", "绩效目标表（续）"))), len(lines))
    if after < len(lines):
        ruled = read_cell_table(lines[:after], file, "部门整体绩效目标表")
    # the cells also where they hold more rows than the text reading found (西安审计局 p.42: rows whose
    # merged 一级/二级 cells the text printed apart, glued into one name)
    if ruled is not None and ruled.indicators and not ruled.projects and (
            body is None or len(body.rows) < len(ruled.indicators)):
        table.indicators = ruled.indicators
        table.ruled = True
        return table, None
    return table, body


def _from_cells(table: PerformanceTable, cells: CellTable, in_yuan: bool, file: str, first: Line) -> PerformanceTable:
    """A ruled table's fields and indicators over what the text reading found (the cells are
    exact where the text of a wrapped cell is not)."""
    fields = cells.fields
    table.name = fields.get("name") or table.name
    table.unit = fields.get("unit") or table.unit
    table.supervisor = fields.get("department") or None
    table.code = fields.get("code") or table.code
    for attr in ("budget", "fiscal", "carryover", "other", "initial_budget"):
        value = cell_amount(fields, attr)
        if value is None and attr == "budget":
            value = cell_amount(fields, "period_budget")  # only the implementation period's money printed
        if value is not None:
            setattr(table, attr, convert(value, "元", "万元") if in_yuan else value)
    if fields.get("goal"):
        table.goal = fields["goal"]
    table.achieved = fields.get("achieved") or None
    table.indicators = cells.indicators
    table.executed = cell_amount(fields, "executed")
    table.execution_rate = cell_amount(fields, "execution_rate")
    table.score = cell_amount(fields, "score")
    if table.executed is not None and in_yuan:
        table.executed = convert(table.executed, "元", "万元")
    table.ruled = True
    table.provenance = prov(file, first, "绩效目标表", table.name)
    return table


def _continues(previous: PerformanceTable | None, table: PerformanceTable) -> bool:
    """Whether ``table`` is the rest of ``previous``: both rows of a grid, the same project (name,
    and the amount where the page prints it again) — a page break cut the project's rows and the
    next page repeats the title and the project's cells."""
    if previous is not None and previous.kind == table.kind == "department":
        return _department_continues(previous, table)
    return (previous is not None and previous.in_grid and table.in_grid and bool(table.name)
            and previous.name == table.name and table.budget in (None, previous.budget))


def _department_continues(previous: PerformanceTable, table: PerformanceTable) -> bool:
    """A ruled 部门整体绩效目标表 whose title each page prints again (长沙 pp.30–32): the next page's
    rows carry on the rows of the page before."""
    if not (previous.ruled and table.ruled and previous.indicators and table.indicators):
        return False
    last, first = previous.indicators[-1].provenance, table.indicators[0].provenance
    return last is not None and first is not None and last.page is not None and first.page == last.page + 1


def read_performance_tables(lines: list[Line], file: str) -> list[PerformanceTable]:
    """Every performance table of a document, with its indicators."""
    parsed = []
    for kind, tlines in find_tables(lines):
        result = _parse(kind, tlines, file)
        parsed.extend(result if isinstance(result, list) else [result])
    before_last = any(body.rows_before_first_label for _, body in parsed if body and body.rows)
    out: list[PerformanceTable] = []
    for table, body in parsed:
        if table.title_named and table.budget is None:
            table.name = None  # a title without money below it (a table printed empty) is no project
        if _continues(out[-1] if out else None, table):
            out[-1].indicators.extend(table.indicators)  # a grid's project carried over a page break
            continue
        if body is not None:
            n = len(body.rows)
            l1 = _assign_labels(n, body.level1_events, before_last)
            l2 = _assign_labels(n, body.level2_events, before_last)
            for r, (name, target, basis, weight, line) in enumerate(body.rows):
                level2 = l2[r]
                level1 = l1[r] or (LEVEL1_OF.get(level2) if level2 else None)
                if level2 in LEVEL1_OF and l1[r] in LEVEL1_OF.values() and LEVEL1_OF[level2] != l1[r]:
                    level1 = LEVEL1_OF[level2]
                table.indicators.append(Indicator(
                    level1=level1, level2=level2, name=name, target=normalize_target(target),
                    weight=weight, basis=basis,
                    provenance=prov(file, line, "绩效目标表", table.name or "部门整体绩效目标表")))
        out.append(table)
    return out
