"""Department identity: the one definition of when two printed names denote one department.

A department is printed under many spellings, in one document and across its files, years and
the questions people ask: 中共江苏省委办公厅 / 中国共产党江苏省委员会办公厅 / 江苏省委办公厅 / 省委办公厅;
西安市审计局（汇总） / 西安市审计局; 重庆市人民政府办公厅 / 重庆市政府办公厅; 昌吉回族自治州生态环境局 /
昌吉州生态环境局 / 昌州生态环境局. The rules below are rules of the language of Chinese
administration (party and people's-congress forms, autonomous-area names, the 本级/汇总 suffix of
a budget), never a list of the departments seen so far.

The API, used by extraction (identify, combine), by the RDF mapping (the department IRI is its
``canonical_key``) and by the question service (abbreviations on top of ``short_forms``):

``canonical_key(name)``      the key under which every spelling of one department meets
``same_department(a, b)``    equal keys, or one is the other without its leading place
                             (省委办公厅 = 中共江苏省委办公厅: a short name inside its own province)
``equivalent_forms(name)``   the full spellings of one name (printed first): party, congress and
                             government long forms, autonomous-area long and short forms
``split_place(name)``        (leading places, organisation): 上海市普陀区司法局 -> (['上海市', '普陀区'], '司法局')
``place_forms(place)``       the short forms of one place: 昌吉回族自治州 -> 昌吉州, 昌州
``short_forms(name)``        the abbreviations people use for a department (places shortened or
                             dropped, 环保局 for 生态环境局, the organisation alone)
``strip_budget_suffix(name)`` the name without the budget-scope suffix (（本级）, 汇总, 部门)
"""
from __future__ import annotations

import re

from kg.extract.text_normalize import normalize_chars

__all__ = ["canonical_key", "same_department", "equivalent_forms", "split_place", "place_forms",
           "short_forms", "strip_budget_suffix", "compact", "ETHNIC_GROUPS", "AUTONOMOUS_PREFECTURES"]

# --- the language's resources ----------------------------------------------------------------

# The 55 minority nationalities as they stand inside autonomous-area names (with and without 族:
# official names also use the bare forms 蒙古 / 哈萨克 / 柯尔克孜 / 维吾尔).
ETHNIC_GROUPS = ("柯尔克孜 维吾尔 哈萨克 蒙古 塔吉克 锡伯 乌孜别克 俄罗斯 塔塔尔 回 藏 苗 彝 壮 布依 朝鲜 满 侗 "
                 "瑶 白 土家 哈尼 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 土 达斡尔 仫佬 羌 布朗 撒拉 "
                 "毛南 仡佬 阿昌 普米 怒 鄂温克 德昂 保安 裕固 京 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
_ETHNIC_ALT = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
# 昌吉回族自治州 -> 昌吉州; 克孜勒苏柯尔克孜自治州 -> 克孜勒苏州; 木垒哈萨克自治县 -> 木垒县
_AUTONOMOUS_IN_NAME_RE = re.compile(rf"([\u4e00-\u9fff]{{2,6}}?)(?:(?:{_ETHNIC_ALT})族?)+自治(州|县|旗)")
# a place at the start of a name, autonomous form (its stem and level)
_AUTONOMOUS_PLACE_RE = re.compile(rf"^(?P<stem>[\u4e00-\u9fff]{{2,}}?)(?:(?:{_ETHNIC_ALT})族?)+自治(?P<lvl>州|区|县|旗)")
_ADMIN_PLACE_RE = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{2,}?)(?P<lvl>省|市|区|县|州|盟)")
# province-level autonomous regions and their usual short names
_REGIONS = {"新疆维吾尔自治区": "新疆", "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西",
            "宁夏回族自治区": "宁夏", "西藏自治区": "西藏"}
# short names in use that are not the place name + 州 (canonical form on the right)
_SHORT_PREFECTURES = {"克州": "克孜勒苏州", "博州": "博尔塔拉州", "巴州": "巴音郭楞州"}
# The 30 autonomous prefectures by their official names: a name printed short (昌吉州…) is
# expanded from here in ``equivalent_forms``.
AUTONOMOUS_PREFECTURES = tuple("""延边朝鲜族自治州 恩施土家族苗族自治州 湘西土家族苗族自治州 阿坝藏族羌族自治州
甘孜藏族自治州 凉山彝族自治州 黔东南苗族侗族自治州 黔南布依族苗族自治州 黔西南布依族苗族自治州 楚雄彝族自治州
红河哈尼族彝族自治州 文山壮族苗族自治州 西双版纳傣族自治州 大理白族自治州 德宏傣族景颇族自治州 怒江傈僳族自治州
迪庆藏族自治州 临夏回族自治州 甘南藏族自治州 海北藏族自治州 黄南藏族自治州 海南藏族自治州 果洛藏族自治州
玉树藏族自治州 海西蒙古族藏族自治州 昌吉回族自治州 博尔塔拉蒙古自治州 巴音郭楞蒙古自治州 克孜勒苏柯尔克孜自治州
伊犁哈萨克自治州""".split())

# An area name ending in its level, as it stands before 委 / 政协 / 人大 (江苏省, 普陀区, 昌吉州)
_AREA = r"[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|地区|盟|县|区|旗)"
# 中国共产党江苏省委员会办公厅 -> 江苏省委办公厅 (the party committee of an area is its 省委/市委/区委)
_PARTY_COMMITTEE_RE = re.compile(rf"^(?:中国共产党|中共)({_AREA})委员会")
_PARTY_PREFIX_RE = re.compile(r"^(?:中国共产党|中共)")
# 中国人民政治协商会议江苏省委员会办公厅 / 政协江苏省委员会办公厅 -> 江苏省政协办公厅
_CPPCC_RE = re.compile(rf"^(?:中国人民政治协商会议|政协)({_AREA})委员会")
# 江苏省人民代表大会常务委员会办公厅 -> 江苏省人大常委会办公厅
_NPC_RE = re.compile(r"人民代表大会常务委员会")
# 重庆市人民政府办公厅 -> 重庆市政府办公厅 (人民法院 / 人民检察院 keep their 人民)
_GOVERNMENT_RE = re.compile(r"人民政府")
# what a budget adds to a department's name to say which scope it covers
_BUDGET_SUFFIX_RE = re.compile(r"(?:[（(](?:本级|汇总|部门|机关本级|部门汇总|单位)[)）]|本级|汇总|部门)$")
# a leading area, for the looser ``same_department`` comparison
_AREA_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:省|自治区|市|州|地区|盟|县|区|旗)")
_QUOTES_RE = re.compile(r"[“”\"'‘’]")

# Other names people use for one organisation word (its former name, its colloquial name).
ORG_SYNONYMS = {"生态环境局": ("环境保护局", "环保局"), "生态环境厅": ("环境保护厅", "环保厅"),
                "高级人民法院": ("高院", "高级法院"), "中级人民法院": ("中院", "中级法院"),
                "商务委员会": ("商务委",), "人大常委会办公厅": ("人大办公厅", "人大常委会办公室")}


def compact(name: str | None) -> str:
    """The name as compared: characters normalised, whitespace and quote marks removed."""
    return _QUOTES_RE.sub("", re.sub(r"\s+", "", normalize_chars(name or "")))


def _unique(items) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


# --- the key -----------------------------------------------------------------------------------

def strip_budget_suffix(name: str) -> str:
    """``西安市审计局（汇总）`` -> ``西安市审计局``; ``无锡市交通运输局本级`` -> ``无锡市交通运输局``;
    ``昌吉州环境污染监控中心部门`` -> ``昌吉州环境污染监控中心`` (a budget names its scope, the
    department stays the same)."""
    text = compact(name)
    while True:
        shorter = _BUDGET_SUFFIX_RE.sub("", text)
        if shorter == text or len(shorter) < 2:
            return text
        text = shorter


def _long_forms_to_short(text: str) -> str:
    """Party, CPPCC, congress and government long forms in their usual short spelling."""
    text = _PARTY_COMMITTEE_RE.sub(lambda m: m.group(1) + "委", text)
    text = _PARTY_PREFIX_RE.sub("", text)
    text = _CPPCC_RE.sub(lambda m: m.group(1) + "政协", text)
    text = _NPC_RE.sub("人大常委会", text)
    return _GOVERNMENT_RE.sub("政府", text)


def _short_places(text: str) -> str:
    for long, short in _REGIONS.items():
        text = text.replace(long, short)
    text = _AUTONOMOUS_IN_NAME_RE.sub(lambda m: m.group(1) + m.group(2), text)
    for short, canonical in _SHORT_PREFECTURES.items():
        if text.startswith(short):
            text = canonical + text[len(short):]
    return text


def canonical_key(name: str | None) -> str:
    """The key under which every spelling of one department meets.

    中共江苏省委办公厅, 中国共产党江苏省委员会办公厅 and 江苏省委办公厅 give ``江苏省委办公厅``;
    昌吉回族自治州生态环境局 and 昌吉州生态环境局 give ``昌吉州生态环境局``; 克州… gives 克孜勒苏州…;
    重庆市人民政府办公厅 gives ``重庆市政府办公厅``; 西安市审计局（汇总） gives ``西安市审计局``.
    A name without its place (省委办公厅) keeps its own key: ``same_department`` is the looser test.
    """
    return strip_budget_suffix(_short_places(_long_forms_to_short(strip_budget_suffix(name or ""))))


def same_department(a: str | None, b: str | None) -> bool:
    """True where two printed names denote one department: equal keys, or one key is the other
    with a leading administrative area dropped (省委办公厅 vs 中共江苏省委办公厅)."""
    if not a or not b:
        return False
    ka, kb = canonical_key(a), canonical_key(b)
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    if len(short) < 3 or not long.endswith(short):
        return False
    prefix = long[: len(long) - len(short)]
    # 江苏省 + 委办公厅: the dropped part must itself be an area name, possibly cut at 省/市
    return bool(_AREA_PREFIX_RE.fullmatch(prefix) or re.fullmatch(r"[\u4e00-\u9fff]{2,3}", prefix)
                and short[0] in "省市州县区")


# --- spellings ---------------------------------------------------------------------------------

def equivalent_forms(name: str) -> list[str]:
    """The full spellings of one department name, the name as printed first, no duplicates:
    its canonical key, the 中共 / 中国共产党…委员会 forms of a party office, the 人民政府 form of a
    government office, the long and short forms of an autonomous area (昌吉州 / 昌吉回族自治州 /
    克州)."""
    printed = compact(name)
    out: list[str] = [printed]
    key = canonical_key(name)
    out.append(key)
    bare = strip_budget_suffix(printed)
    out.append(bare)
    short = _long_forms_to_short(bare)
    out.append(short)
    m = re.match(rf"^({_AREA})委(.*)$", short)
    if m and not _CPPCC_RE.match(bare):
        out += ["中共" + short, f"中国共产党{m.group(1)}委员会{m.group(2)}"]
    if "政府" in short and "人民政府" not in short:
        out.append(short.replace("政府", "人民政府", 1))
    m = _AUTONOMOUS_IN_NAME_RE.search(bare)
    if m:
        place = m.group(1) + m.group(2)
        out.append(bare.replace(m.group(0), place))
        for abbreviation, canonical in _SHORT_PREFECTURES.items():
            if canonical == place:
                out.append(bare.replace(m.group(0), abbreviation))
    for abbreviation, canonical in _SHORT_PREFECTURES.items():
        if key.startswith(canonical):
            out.append(abbreviation + key[len(canonical):])
    for long in AUTONOMOUS_PREFECTURES:
        shortened = _short_places(long)
        if key.startswith(shortened) and long not in bare:
            out.append(long + key[len(shortened):])
    for long, region in _REGIONS.items():
        if region in key and long not in bare:
            out.append(key.replace(region, long, 1))
    return _unique(out)


# --- places --------------------------------------------------------------------------------------

def place_forms(place: str) -> list[str]:
    """Short forms of one place name, longest first (the place itself included):
    昌吉回族自治州 -> 昌吉州, 昌州; 普陀区 -> 普陀; 新疆维吾尔自治区 -> 新疆."""
    forms = [place]
    m = _AUTONOMOUS_PLACE_RE.match(place)
    if m and m.end() == len(place):
        stem, level = m.group("stem"), m.group("lvl")
        forms += [stem] if level == "区" else [stem + level, stem[0] + level]
        return _unique(forms)
    m = _ADMIN_PLACE_RE.match(place)
    if m and m.end() == len(place) and len(m.group("stem")) >= 2:
        forms.append(m.group("stem"))
    return _unique(forms)


def split_place(name: str) -> tuple[list[str], str]:
    """The leading places of an organisation's name and the rest:
    上海市普陀区司法局 -> (['上海市', '普陀区'], '司法局'). A 州/区 inside an organisation word
    (区域, 州际) is no place: a place leaves at least two characters of organisation."""
    places: list[str] = []
    rest = compact(name)
    while True:
        m = _AUTONOMOUS_PLACE_RE.match(rest)
        if not m:
            m = _ADMIN_PLACE_RE.match(rest)
            if m and len(rest) - m.end() < 2:
                m = None
        if not m:
            break
        places.append(rest[: m.end()])
        rest = rest[m.end():]
    return places, rest


def short_forms(name: str) -> list[str]:
    """The abbreviations people use for a department (the name itself excluded): its places
    shortened or dropped (普陀区司法局, 克州生态环境局), its organisation word in its other common
    names (生态环境局 -> 环保局), and the organisation alone where it is specific enough (3+
    characters; it may then match several departments, which the question service says)."""
    printed = compact(name)
    name = strip_budget_suffix(printed)  # 深圳市财政局（本级） is asked for as 深圳市财政局
    places, org = split_place(name)
    if not places or not org:
        national = _NATIONAL_PREFIX_RE.match(name)  # 国家信访局 is 信访局 too (shared with 长春's: asked back)
        rest = name[national.end():] if national else ""
        tail = [rest] if len(rest) >= 3 and not _NATIONAL_PREFIX_RE.search(rest) and "国家" not in rest else []
        return _unique(([name] if name != printed else []) + tail)
    out: list[str] = [name] if name != printed else []
    for word, others in ORG_SYNONYMS.items():
        if org.endswith(word):
            for other in others:
                renamed = name[: len(name) - len(word)] + other
                out += short_forms(renamed) + [renamed]
    inner = place_forms(places[-1])
    out += [form + org for form in inner]
    if len(places) > 1:
        out += [outer + form + org for outer in place_forms(places[0]) for form in inner]
    if len(org) >= 3:
        out.append(org)
    return [a for a in _unique(out) if a != printed]


_LEVEL_WORD_RE = re.compile(r"(?:局|厅|委员会|委)$")
_NATIONAL_PREFIX_RE = re.compile(r"^(?:国家|中央)")


def department_kind(name: str | None) -> str:
    """The kind of organisation a department is, without its place, its budget scope or its
    level word, so that departments of one kind at any level and place compare as peers:
    昌吉回族自治州生态环境局, 上海市环保局 and 江苏省生态环境厅 -> ``生态环境``; 国家信访局 and
    长春市信访局（本级） -> ``信访``; 上海市普陀区社会福利院 -> ``社会福利院``."""
    _places, org = split_place(strip_budget_suffix(name or ""))
    org = next((main for main, alts in ORG_SYNONYMS.items() if org in alts), org)
    org = _NATIONAL_PREFIX_RE.sub("", org)
    core = _LEVEL_WORD_RE.sub("", org)
    return core if len(core) >= 2 else org
