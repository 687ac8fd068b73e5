"""``budgetkg audit FILE...``: a readable report of every identity a document promises and breaks.

The report starts with a summary (documents read, checks run, material findings, rounding gaps,
notices, files that could not be read), then one block per budget listing its findings, worst
first, each with its rule's id and Chinese name (``kg.extract.rules``), what was recomputed and
what was printed, and where. The exit code follows ``--fail-on``: 1 where a finding of that
severity or worse exists (or a file could not be read), else 0.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from kg.extract.limits import add_limit_arguments, limits_from_args

THRESHOLDS = ("material", "rounding", "notice", "none")

def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="report where a document's own arithmetic does not add up",
                       description="Recompute every arithmetic identity the tables promise (parent = "
                                   "sum of children, 合计 = 基本 + 项目, income = expenditure, the same "
                                   "figure in two tables …), the narrative's percentages and stated "
                                   "changes (比上年 %, 占比 %, the parts of a change or a total, 完成率), "
                                   "and completeness against the template (required tables and "
                                   "sections, empty tables that say so); print a summary, then the "
                                   "findings per document with each rule's id and Chinese name. A gap "
                                   "within the printed precision is graded 尾差 (rounding), a larger one "
                                   "实质性问题 (material). The printed figures are never corrected.",
                       epilog="Exit codes: 0 no finding at the --fail-on level, 1 such a finding or a "
                              "file that could not be read, 2 usage error.")
    p.add_argument("paths", nargs="+", metavar="FILE",
                   help="PDF or .txt files, folders, or saved records (.json from budgetkg extract --json)")
    p.add_argument("--all", action="store_true", help="list the checks that pass as well")
    p.add_argument("--fail-on", choices=THRESHOLDS, default="material",
                   help="exit 1 when a finding of this severity or worse exists: material (default), "
                        "rounding (尾差 too), notice (提示 too), or none")
    add_limit_arguments(p)
    p.set_defaults(run=run)


def _where(check) -> str:
    p = check.provenance
    if p is None:
        return ""
    bits = [p.file]
    if p.page:
        bits.append(f"p.{p.page}")
    if p.line:
        bits.append(f"line {p.line}")
    return "  [" + " ".join(bits) + "]"


def _figure(value, unit) -> str:
    from kg.extract.text_normalize import format_money

    if value is None:
        return "—"
    if unit == "%":
        return f"{value}%"
    if unit:
        return f"{value.normalize():f}{unit}"
    return format_money(value)


def format_check(check) -> str:
    """One line: the mark, the severity, the rule's id and Chinese name, where, expected and printed."""
    from kg.extract.rules import SEVERITY_NAMES, grade, rule_of
    from kg.extract.text_normalize import format_money

    severity = grade(check)
    mark = "OK  " if check.ok else "FAIL"
    rule = rule_of(check.rule)
    diff = ""
    if not check.ok and check.printed is not None and check.expected is not None and not check.unit:
        diff = f"  差额 {format_money(check.printed - check.expected)}"
    note = f"（{check.note}）" if check.note and not check.ok else ""
    return (f"   {mark} [{SEVERITY_NAMES[severity]}] {check.rule} {rule.name} — {check.where}: "
            f"应为 {_figure(check.expected, check.unit)}, 印为 {_figure(check.printed, check.unit)}{diff}{note}"
            f"{_where(check)}")


def counts(record) -> Counter:
    from kg.extract.rules import grade

    return Counter(grade(c) for c in record.checks)


def format_report(record, show_all: bool = False) -> str:
    """One budget's block: its identity, its counts, then its findings worst first."""
    from kg.extract.rules import SEVERITIES, SEVERITY_NAMES, grade

    tally = counts(record)
    failed = [c for c in record.checks if not c.ok]
    lines = [f"== {', '.join(record.files)}: {record.department} {record.year} {record.kind} "
             f"(金额单位: {record.unit})",
             f"   核对 {len(record.checks)} 项（{len(failed)} 项未通过）："
             + "，".join(f"{SEVERITY_NAMES[s]} {tally.get(s, 0)}" for s in reversed(SEVERITIES))]
    order = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    shown = record.checks if show_all else failed
    for check in sorted(shown, key=lambda c: order[grade(c)]):
        lines.append(format_check(check))
    return "\n".join(lines)


def summary(records, failures) -> str:
    """The first lines: how many documents, checks, findings by severity, unreadable files."""
    from kg.extract.rules import RULES

    tally: Counter = Counter()
    files = 0
    for record in records:
        tally += counts(record)
        files += len(record.files)
    total = sum(tally.values())
    rules = sorted({c.rule for r in records for c in r.checks if not c.ok})
    head = (f"审计摘要：读取 {files} 个文件（{len(records)} 份预决算），核对 {total} 项；"
            f"实质性问题 {tally.get('material', 0)} 处，尾差 {tally.get('rounding', 0)} 处，"
            f"提示 {tally.get('notice', 0)} 处，通过 {tally.get('ok', 0)} 项；无法读取 {len(failures)} 个文件")
    named = "；".join(f"{r} {RULES[r].name}" if r in RULES else r for r in rules)
    return head + (f"\n未通过的规则：{named}" if named else "")


def exit_code(records, failures, threshold: str) -> int:
    from kg.extract.rules import at_least, grade

    if failures:
        return 1
    return 1 if any(at_least(grade(c), threshold) for r in records for c in r.checks if not c.ok) else 0


def read_inputs(paths: list[str], limits=None) -> tuple[list, list]:
    """(records, failures) of the documents and saved records files named: a ``.json`` file is a
    ``budgetkg extract --json`` output whose records carry their checks already (so ``make run``
    extracts once and audits what it saved); anything else is extracted, which runs the checks."""
    from kg.extract.deserialize import read_records_file
    from kg.extract.pipeline import extract_paths

    json_paths = [p for p in paths if p.lower().endswith(".json")]
    doc_paths = [p for p in paths if not p.lower().endswith(".json")]
    records, failures = extract_paths(doc_paths, limits=limits, isolate=True) if doc_paths else ([], [])
    failures = list(failures)
    for path in json_paths:
        try:
            records += read_records_file(path, limits)
        except (OSError, ValueError, KeyError) as exc:  # RecordsError is a ValueError: one line why
            failures.append(f"{path}: cannot read records ({type(exc).__name__}: {exc})")
    return records, failures


def run(args: argparse.Namespace) -> int:
    records, failures = read_inputs(args.paths, limits_from_args(args))
    print(summary(records, failures))
    for record in records:
        print(format_report(record, args.all))
    for failure in failures:
        print(str(failure), file=sys.stderr)
    return exit_code(records, failures, args.fail_on)
