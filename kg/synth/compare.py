"""Compare an extraction record with a generated document's ground truth, key by key.

Exact, not scored: every key the truth holds must come back with the same value. Rows are matched
by subject code, projects by (name, category, amount) — two projects may share a name (a current
one and the same project's carried-over money) — indicators and policy documents in any order,
and ``checks`` by the failed ones only: the truth lists the findings its planted errors cause,
and the reader must report exactly those (no more: a clean document fails none).
Returns the differences as readable lines; an empty list means the extraction is exact.
"""
from __future__ import annotations

from collections import Counter


def _strip(text):
    return "".join(str(text).split()) if text is not None else None


def _indicator_key(i: dict) -> tuple:
    return tuple(_strip(i.get(k)) for k in ("level1", "level2", "name", "target")) + (str(i.get("weight")),)


def _policy_key(p: dict) -> tuple:
    return (_strip(p.get("title")), _strip(p.get("number")))


def _project_key(p: dict) -> tuple:
    return (p.get("name"), p.get("category"), p.get("amount"))


def _compare_project(where: str, want: dict, got: dict, out: list[str]) -> None:
    for key, value in want.items():
        if key == "indicators":
            if Counter(map(_indicator_key, value)) != Counter(map(_indicator_key, got.get(key) or [])):
                missing = Counter(map(_indicator_key, value)) - Counter(map(_indicator_key, got.get(key) or []))
                extra = Counter(map(_indicator_key, got.get(key) or [])) - Counter(map(_indicator_key, value))
                out.append(f"{where} indicators: missing {list(missing)} extra {list(extra)}")
        elif key == "policy_documents":
            if set(map(_policy_key, value)) != set(map(_policy_key, got.get(key) or [])):
                out.append(f"{where} policy_documents: {value} vs {got.get(key)}")
        elif key == "aliases":
            if sorted(value) != sorted(got.get(key) or []):
                out.append(f"{where} aliases: {value} vs {got.get(key)}")
        elif got.get(key) != value:
            out.append(f"{where} {key}: {value!r} vs {got.get(key)!r}")


def failed_findings(checks: list[dict]) -> Counter:
    """The failed money identities. The audit's other findings (a section the narrative leaves
    out, a percentage: checks with a ``unit``) are outside what the generator models, so its truth
    says nothing of them."""
    return Counter((c["rule"], c["where"], c["expected"], c["printed"]) for c in checks
                   if not c.get("ok") and not c.get("unit"))


def differences(truth: dict, record: dict) -> list[str]:
    """Every way ``record`` departs from ``truth`` (only keys the truth holds are compared)."""
    out: list[str] = []
    for key, want in truth.items():
        got = record.get(key)
        if key in ("functional_subjects", "economic_subjects"):
            mine = {r["code"]: r for r in got or []}
            for row in want:
                other = mine.pop(row["code"], None)
                if other is None:
                    out.append(f"{key} {row['code']} missing")
                    continue
                for field, value in row.items():
                    if other.get(field) != value:
                        out.append(f"{key} {row['code']} {field}: {value!r} vs {other.get(field)!r}")
            out += [f"{key} {code} extra" for code in mine]
        elif key == "projects":
            left = list(got or [])
            for project in want:
                match = next((p for p in left if _project_key(p) == _project_key(project)), None)
                if match is None:
                    match = next((p for p in left if p.get("name") == project["name"]
                                  and p.get("category") == project["category"]), None)
                if match is None:
                    out.append(f"project {project['name']} ({project['category']} {project['amount']}) missing")
                    continue
                left.remove(match)
                _compare_project(f"project {project['name']} ({project['category']})", project, match, out)
            out += [f"project {p.get('name')} ({p.get('category')} {p.get('amount')}) extra" for p in left]
        elif key == "department_indicators":
            if Counter(map(_indicator_key, want)) != Counter(map(_indicator_key, got or [])):
                out.append(f"department_indicators: {want} vs {got}")
        elif key == "policy_documents":
            missing = set(map(_policy_key, want)) - set(map(_policy_key, got or []))
            extra = set(map(_policy_key, got or [])) - set(map(_policy_key, want))
            if missing or extra:
                out.append(f"policy_documents: missing {sorted(missing, key=str)} extra {sorted(extra, key=str)}")
        elif key == "checks":
            mine, theirs = failed_findings(want), failed_findings(got or [])
            if mine != theirs:
                out.append(f"checks: findings missing {sorted(mine - theirs)} extra {sorted(theirs - mine)}")
        elif isinstance(want, dict):
            for field, value in want.items():
                other = (got or {}).get(field)
                if isinstance(value, dict):
                    for sub, v in value.items():
                        if (other or {}).get(sub) != v:
                            out.append(f"{key}.{field}.{sub}: {v!r} vs {(other or {}).get(sub)!r}")
                elif other != value:
                    out.append(f"{key}.{field}: {value!r} vs {other!r}")
        elif got != want:
            out.append(f"{key}: {want!r} vs {got!r}")
    return out
