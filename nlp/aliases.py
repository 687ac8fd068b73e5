"""Aliases generated from official names, so that a new corpus needs no hand-written list.

People shorten place names the same way everywhere: 昌吉回族自治州 → 昌吉州 / 昌州,
克孜勒苏柯尔克孜自治州 → 克孜勒苏州 / 克州, 新疆维吾尔自治区 → 新疆, 上海市普陀区 → 普陀区 / 普陀.
Departments are named place + organisation, so their aliases are every short form of the place
followed by the organisation, and the organisation alone (which may match several departments:
the linker then answers for all of them and says so).
"""
from __future__ import annotations

import re

# The names of China's ethnic groups as they appear inside autonomous-area names (a fixed
# linguistic resource, not corpus data).
ETHNIC = ["柯尔克孜", "维吾尔", "哈萨克", "蒙古", "塔吉克", "锡伯", "乌孜别克", "俄罗斯", "塔塔尔",
          "回", "藏", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "傣",
          "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "土", "达斡尔",
          "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "阿昌", "普米", "怒", "鄂温克", "德昂",
          "保安", "裕固", "京", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"]
_ETHNIC_RE = "|".join(sorted(ETHNIC, key=len, reverse=True))
_AUTONOMOUS = re.compile(rf"^(?P<stem>[\u4e00-\u9fff]{{2,}}?)(?:(?:{_ETHNIC_RE})族?)+自治(?P<lvl>州|区|县|旗)")
_ADMIN = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{2,}?)(?P<lvl>省|市|区|县|州|盟)")
ORG_SUFFIXES = ("局", "中心", "厅", "委员会", "委", "院", "所", "站", "办公室", "办公厅", "队", "处",
                "部", "会", "馆", "校", "学校", "医院", "福利院", "法院", "检察院", "政府")


def place_forms(place: str) -> list[str]:
    """Short forms of one place name, longest first (the place itself included)."""
    forms = [place]
    m = _AUTONOMOUS.match(place)
    if m and m.end() == len(place):
        stem, lvl = m.group("stem"), m.group("lvl")
        if lvl == "区":
            forms += [stem]
        else:
            forms += [stem + lvl, stem[0] + lvl]
        return _unique(forms)
    m = _ADMIN.match(place)
    if m and m.end() == len(place) and len(m.group("stem")) >= 2:
        forms.append(m.group("stem"))
    return _unique(forms)


def split_places(name: str) -> tuple[list[str], str]:
    """Split an organisation's name into its leading places and the rest:
    上海市普陀区司法局 → (['上海市', '普陀区'], '司法局')."""
    places: list[str] = []
    rest = name
    while True:
        m = _AUTONOMOUS.match(rest)
        if not m:
            m = _ADMIN.match(rest)
            # 州/区 inside an organisation word (e.g. 区域) is not a place
            if m and len(rest) - m.end() < 2:
                m = None
        if not m:
            break
        places.append(rest[: m.end()])
        rest = rest[m.end():]
    return places, rest


# Other names people use for one organisation word (its former name, its colloquial name): a
# fixed resource of the language of Chinese administration, not corpus data.
ORG_SYNONYMS = {"生态环境局": ("环境保护局", "环保局"), "生态环境厅": ("环境保护厅", "环保厅"),
                "高级人民法院": ("高院", "高级法院"), "中级人民法院": ("中院", "中级法院"),
                "商务委员会": ("商务委",), "人大常委会办公厅": ("人大办公厅", "人大常委会办公室")}


def department_aliases(name: str) -> list[str]:
    """Every short form of a department's name: its places shortened or dropped, its
    organisation word also in its other common names (生态环境局 → 环保局)."""
    places, org = split_places(name)
    if not places or not org:
        return []
    out: list[str] = []
    for word, others in ORG_SYNONYMS.items():
        if org.endswith(word):
            for other in others:
                out += department_aliases(name[: len(name) - len(word)] + other) + \
                    [name[: len(name) - len(word)] + other]
    # keep the innermost place (普陀区司法局), shortened forms of it, and prefix combinations
    inner_forms = place_forms(places[-1])
    for form in inner_forms:
        out.append(form + org)
    if len(places) > 1:
        for outer in place_forms(places[0]):
            for form in inner_forms:
                out.append(outer + form + org)
    if len(org) >= 3:
        out.append(org)
    return [a for a in _unique(out) if a != name]


def _unique(items: list[str]) -> list[str]:
    """Items in first-seen order, empties dropped."""
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen
