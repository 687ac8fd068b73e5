"""Recognise a document from its content: department, fiscal year, kind and main unit.

Nothing here looks at the file name: a disclosure names its department on every table
(``编制部门：…``, ``部门：…``, ``预算单位：…``), its year and kind in its part titles
(``第二部分 2025年部门预算公开表``) and its unit on every table's ``单位：`` line.

``department_key`` / ``department_aliases`` / ``same_department`` are the one place where two
spellings of one department meet (昌吉州 = 昌吉回族自治州, 克州 = 克孜勒苏柯尔克孜自治州,
中共江苏省委办公厅 = 江苏省委办公厅); the graph and the question service reuse them.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.model import Record
from kg.extract.source import SourceDocument
from kg.extract.text_normalize import compact_name

# --- department names ------------------------------------------------------------------------

# The 55 minority nationalities, longest first so 柯尔克孜族 wins over a shorter match; the
# official names of autonomous areas also use the bare forms 蒙古 / 哈萨克 / 柯尔克孜 / 维吾尔.
_ETHNIC = sorted("""回族 蒙古族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族
哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族
达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族
俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族
蒙古 哈萨克 柯尔克孜 维吾尔""".split(), key=len, reverse=True)
_ETHNIC_RE = "(?:" + "|".join(map(re.escape, _ETHNIC)) + ")"
# 昌吉回族自治州 -> 昌吉州; 克孜勒苏柯尔克孜自治州 -> 克孜勒苏州; 木垒哈萨克自治县 -> 木垒县
_AUTONOMOUS_RE = re.compile(rf"([\u4e00-\u9fff]{{2,6}}?){_ETHNIC_RE}+自治(州|县|旗)")
# provinces-level autonomous regions and their usual short names
_REGIONS = {"新疆维吾尔自治区": "新疆", "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西",
            "宁夏回族自治区": "宁夏", "西藏自治区": "西藏"}
# Short names in use that are not the place name + 州 (canonical form on the right).
_SHORT_FORMS = {"克州": "克孜勒苏州", "博州": "博尔塔拉州", "巴州": "巴音郭楞州"}
# The 30 autonomous prefectures by their official names: the short form (昌吉州) of a name
# printed short is expanded from here in ``department_aliases``.
AUTONOMOUS_PREFECTURES = """延边朝鲜族自治州 恩施土家族苗族自治州 湘西土家族苗族自治州 阿坝藏族羌族自治州 甘孜藏族自治州
凉山彝族自治州 黔东南苗族侗族自治州 黔南布依族苗族自治州 黔西南布依族苗族自治州 楚雄彝族自治州
红河哈尼族彝族自治州 文山壮族苗族自治州 西双版纳傣族自治州 大理白族自治州 德宏傣族景颇族自治州
怒江傈僳族自治州 迪庆藏族自治州 临夏回族自治州 甘南藏族自治州 海北藏族自治州 黄南藏族自治州
海南藏族自治州 果洛藏族自治州 玉树藏族自治州 海西蒙古族藏族自治州 昌吉回族自治州 博尔塔拉蒙古自治州
巴音郭楞蒙古自治州 克孜勒苏柯尔克孜自治州 伊犁哈萨克自治州""".split()
_PARTY_PREFIX_RE = re.compile(r"^(?:中国共产党|中共)")
_SUFFIX_RE = re.compile(r"(?:部门|（本级）|\(本级\)|本级)$")
# an administrative area at the start of a name: 江苏省, 上海市普陀区, 昌吉州, 阿克陶县 …
_AREA_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:省|自治区|市|州|地区|盟|县|区|旗)")


def _canonical(name: str) -> str:
    text = compact_name(name or "")
    text = _PARTY_PREFIX_RE.sub("", text)
    for long, short in _REGIONS.items():
        text = text.replace(long, short)
    text = _AUTONOMOUS_RE.sub(lambda m: m.group(1) + m.group(2), text)
    for short, canonical in _SHORT_FORMS.items():
        if text.startswith(short):
            text = canonical + text[len(short):]
    # 克孜勒苏州 is also written 克孜勒苏州 / 克孜勒苏 — keep the 州 form
    text = _SUFFIX_RE.sub("", text)
    return text


def department_key(name: str) -> str:
    """A key under which aliases of one department meet.

    昌吉回族自治州生态环境局 and 昌吉州生态环境局 give ``昌吉州生态环境局``; 克州…, 克孜勒苏州… and
    克孜勒苏柯尔克孜自治州… give ``克孜勒苏州…``; a leading 中共 and a trailing 部门 are dropped.
    A name that differs by a missing area prefix (省委办公厅 vs 江苏省委办公厅) keeps its own key:
    use ``same_department`` for that looser comparison.
    """
    return _canonical(name)


def same_department(a: str | None, b: str | None) -> bool:
    """True where two printed names denote one department: equal keys, or one key is the other
    with a leading administrative area dropped (省委办公厅 vs 中共江苏省委办公厅)."""
    if not a or not b:
        return False
    ka, kb = department_key(a), department_key(b)
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    if len(short) < 3 or not long.endswith(short):
        return False
    prefix = long[: len(long) - len(short)]
    # 江苏省 + 委办公厅: the dropped part must itself be an area name, possibly cut at 省/市
    return bool(_AREA_PREFIX_RE.fullmatch(prefix) or re.fullmatch(r"[\u4e00-\u9fff]{2,3}", prefix)
                and short[0] in "省市州县区")


def department_aliases(name: str) -> list[str]:
    """Spellings of one department name: as printed, the canonical short form, the long
    autonomous-prefecture form, the short forms (克州), with and without 中共. First entry is the
    name as printed; no duplicates."""
    out: list[str] = []

    def add(value: str) -> None:
        value = compact_name(value)
        if value and value not in out:
            out.append(value)

    add(name)
    key = department_key(name)
    add(key)
    printed = compact_name(name)
    if _PARTY_PREFIX_RE.match(printed):
        add(_PARTY_PREFIX_RE.sub("", printed))
    elif re.match(r"^[\u4e00-\u9fff]{2,4}(?:省|市|自治区)委", printed):
        add("中共" + printed)
    m = _AUTONOMOUS_RE.search(printed)
    if m:
        place = m.group(1)
        add(printed.replace(m.group(0), place + m.group(2)))
        for short, canonical in _SHORT_FORMS.items():
            if canonical == place + m.group(2):
                add(printed.replace(m.group(0), short))
    for short, canonical in _SHORT_FORMS.items():
        if key.startswith(canonical):
            add(short + key[len(canonical):])
    for long in AUTONOMOUS_PREFECTURES:
        short = _canonical(long)
        if key.startswith(short) and long not in printed:
            add(long + key[len(short):])
    for long, short in _REGIONS.items():
        if short in key and long not in printed:
            add(key.replace(short, long, 1))
    return out


# --- the document's own statements -----------------------------------------------------------

# 编制部门：X 单位：万元 / 部门：X单位：万元 / 部门名称：X / 编制单位：X / 预算单位：X / 预算主管部门：X
_DEPT_RE = re.compile(r"(?:编制部门|预算主管部门|部门名称|编制单位|预算单位|单位名称|(?<![\u4e00-\u9fff])部门)"
                      r"[:：]\s*([\u4e00-\u9fff（）()“”]{2,40}?)\s*(?=单位[:：]|金额单位|$|\s)")
_KIND_RE = re.compile(r"(20\d\d)\s*年\s*度?\s*(?:[\u4e00-\u9fff]{0,30}?)(部门|单位)\s*(预算|决算)")
_TITLE_DEPT_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分)?\s*([\u4e00-\u9fff（）()]{3,40}?)"
                            r"\s*(20\d\d)\s*年\s*度?\s*(部门|单位)\s*(预算|决算)")
UNIT_RE = re.compile(r"(?:金额)?单位[:：]\s*(万元|千元|元|万)(?![\u4e00-\u9fff])")


def table_unit(text: str) -> str | None:
    """The unit printed on a table's ``单位：`` line (``单位：万`` cut short reads 万元)."""
    m = UNIT_RE.search(text)
    if not m:
        return None
    return "万元" if m.group(1) == "万" else m.group(1)


def _department(lines: list[str]) -> str | None:
    found: Counter[str] = Counter()
    for text in lines:
        for m in _DEPT_RE.finditer(text):
            name = compact_name(m.group(1))
            if len(name) >= 3 and not name.startswith(("单位", "万元")):
                found[name] += 1
    if found:
        return found.most_common(1)[0][0]
    for text in lines[:60]:
        m = _TITLE_DEPT_RE.match(compact_name(text))
        if m and not m.group(1).startswith(("第", "关于")):
            return m.group(1)
    return _narrative_department(lines)


# A narrative without tables (Jiangsu publishes 说明 and 表 as two PDFs) names its department
# as the subject of its totals: "江苏省政协办公厅2019年度收入、支出预算总计…",
# "江苏省政协办公厅本年收入预算合计…". The most frequent such subject is the department.
_NARRATIVE_DEPT_RE = re.compile(
    r"^([\u4e00-\u9fff（）()]{4,30}?)(?:20\d\d年度?|本年度?)(?:收入|支出|收、支|财政拨款|一般公共预算)")


def _narrative_department(lines: list[str]) -> str | None:
    found: Counter[str] = Counter()
    for text in lines:
        m = _NARRATIVE_DEPT_RE.match(compact_name(text))
        if m and not m.group(1).startswith(("第", "关于", "其中", "本部门", "本单位", "我")):
            found[m.group(1)] += 1
    return found.most_common(1)[0][0] if found else None


def identify(doc: SourceDocument, record: Record) -> None:
    """Fill record.department, year, kind and unit from the document's own text.

    The unit is the one most tables print (``sections.split`` then sets the summary table's
    where there is one); the year and kind come from the first ``YYYY年…部门预算`` statement,
    falling back on the most frequent year and on 预算单位 / 决算 wording.
    """
    texts = [line.text for line in doc.lines]
    record.department = record.department or _department(texts)
    head = "\n".join(texts[:400])
    # a title line (``第二部分 2025年部门预算公开表``) before any sentence that mentions a year
    titles = "\n".join(t for t in texts[:400] if len(compact_name(t)) <= 40 and not t.rstrip().endswith("。"))
    m = _KIND_RE.search(titles) or _KIND_RE.search(head) or _KIND_RE.search("\n".join(texts))
    if m:
        record.year = int(m.group(1))
        record.kind = m.group(2) + m.group(3)
    else:
        years = Counter(re.findall(r"(20\d\d)\s*年", head))
        if years:
            record.year = int(years.most_common(1)[0][0])
        full = doc.text()
        level = "单位" if re.search(r"20\d\d\s*年\s*度?\s*预算单位", full) else "部门"
        record.kind = level + ("决算" if full.count("决算") > full.count("预算") else "预算")
    units = Counter(u for u in (table_unit(t) for t in texts) if u)
    if units:
        record.unit = units.most_common(1)[0][0]
    else:
        record.unit = "万元" if "万元" in doc.text() else "元"
