"""Related projects: the projects sharing something with one project — the policy documents
they rest on, their functional subject, a topic, or their responsible unit.

Each related project comes with what it shares (kind → the shared nodes' labels) and a score
(the number of shared things), highest first. One query per kind of link, bounded to the
neighbours of the one project (never the whole graph). A policy document cited by its title alone
is the numbered document of that title (``owl:sameAs``), as in the dependency projection.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.analytics.source import Select, iri, labels

LINKS = {"document": "bkg:basedOn", "subject": "bkg:classifiedAs", "topic": "bkg:concerns",
         "unit": "bkg:responsibleUnit"}
LINK_LABELS = {"document": "政策文件", "subject": "功能科目", "topic": "主题", "unit": "责任单位"}


@dataclass
class Related:
    project: str
    label: str
    year: str | None
    shared: dict[str, list[str]] = field(default_factory=dict)

    @property
    def score(self) -> int:
        return sum(len(v) for v in self.shared.values())


def related_projects(select: Select, project: str, limit: int = 50) -> list[Related]:
    """Projects sharing a document, subject, topic or unit with ``project``."""
    found: dict[str, dict[str, set[str]]] = {}
    years: dict[str, str] = {}
    for kind, prop in LINKS.items():
        for r in select(f"""
SELECT DISTINCT ?other ?via ?year WHERE {{
  {iri(project)} {prop} ?cited . OPTIONAL {{ ?cited owl:sameAs ?same }} BIND(COALESCE(?same, ?cited) AS ?via)
  {{ ?other {prop} ?via }} UNION {{ ?twin owl:sameAs ?via . ?other {prop} ?twin }}
  ?other a bkg:Project . FILTER(?other != {iri(project)})
  OPTIONAL {{ ?other bkg:fiscalYear/bkg:year ?year }}
}}"""):
            found.setdefault(r["other"], {}).setdefault(kind, set()).add(r["via"])
            if r.get("year") is not None:
                years[r["other"]] = str(r["year"])
    names = labels(select, list(found) + [v for d in found.values() for s in d.values() for v in s])
    out = [Related(p, names.get(p) or p.rsplit("/", 1)[-1], years.get(p),
                   {k: sorted(names.get(v) or v.rsplit("/", 1)[-1] for v in vs) for k, vs in sorted(d.items())})
           for p, d in found.items()]
    return sorted(out, key=lambda r: (-r.score, r.label, r.year or "", r.project))[:limit]
