"""A project the narrative describes under a heading of its own (北京: ``（四）市对区专项转移支付项目
绩效目标情况说明`` + ``2026年，根据《普惠金融发展专项转移支付管理办法》（京财金融〔2021〕850号）和《…》
（京财金融〔2025〕1767号），已安排专项转移支付资金5612.00万元，主要用于…``).

The heading names the project (the words before ``项目…情况说明``); its paragraph gives the amount
(the first 万元 figure after 安排/预算/资金) and the documents it rests on. A heading naming no
project of its own (项目支出情况说明, 重点项目情况说明, 部门项目…) is not one; a paragraph printing no
amount gives none. The project is merged with the tables' by name like every narrative project."""
from __future__ import annotations

import re

from kg.extract.model import Project
from kg.extract.narrative.policy import find_policy_documents
from kg.extract.narrative.text import compact, from_wan, money, prov, scrub_phones
from kg.extract.source import Line

_HEADING_RE = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[、.．])\s*"
                         r"(?P<name>[^，。；;：:]{2,30}?)项目(?:绩效目标|预算|资金|支出)?(?:安排)?(?:情况)?说明$")
_NEXT_HEADING_RE = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")
# words of a heading that name a kind of spending, not one project
_GENERIC_RE = re.compile(r"^(?:重点|部门|本部门|单位|主要|预算|政府采购|专项业务|专项|一般|其他|全部|各)?$|支出$|绩效")
_AMOUNT_RE = re.compile(r"(?:安排|预算|资金|经费|共计|合计)[^。；;]{0,16}?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元")
_MAX_LINES = 15


def read_heading_projects(lines: list[Line], file: str, unit: str | None, department: str | None) -> list[Project]:
    """Every project the narrative describes under a heading naming it (see the module docstring)."""
    out: list[Project] = []
    for i, line in enumerate(lines):
        m = _HEADING_RE.match(compact(line.text))
        if not m or _GENERIC_RE.search(m.group("name")):
            continue
        body: list[Line] = []
        for follow in lines[i + 1:i + 1 + _MAX_LINES]:
            if _NEXT_HEADING_RE.match(compact(follow.text)):
                break
            body.append(follow)
        text = compact("".join(x.text for x in body))
        amount = _AMOUNT_RE.search(text)
        if not body or amount is None:
            continue
        name = m.group("name")
        where = prov(file, line, None, name)
        use = re.search(r"(?:主要)?用于([^。]+)", text)
        out.append(Project(name=name, amount=from_wan(money(amount.group(1)), unit), responsible_unit=department,
                           description=scrub_phones(use.group(0)) if use else None,
                           policy_documents=find_policy_documents(text, where), provenance=[where]))
    return out
