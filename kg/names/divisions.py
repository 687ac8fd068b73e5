"""China's administrative divisions as a fixed national resource, and where a department stands in them.

Why: people ask about departments by the place they are in (新疆的几个生态环境单位, 福建的部门, 广东省内的财政局),
and a place word that is not part of the printed name (新疆 for 昌吉回族自治州生态环境局, 福建 for 泉州市公安局)
links to nothing unless the graph knows which province holds which prefecture. That knowledge is the
country's, not the corpus's: this module lists the divisions of GB/T 2260 — the 34 provincial-level
divisions (with the short names people use: 新疆, 内蒙古, 广西 …), their prefecture-level divisions (地级市,
自治州, 地区, 盟: level 2, 333 in all) and, for 新疆, its county-level divisions (level 3, so that a
department named by its county alone — 且末县… — is placed too). It is never a list of the departments
seen; like the functional subject codes it changes only when the State Council changes a division.

Not listed (said honestly: such a name is placed by its province only where it prints one): the
districts of the four municipalities (上海市普陀区… is placed by its 上海市; 普陀区… alone is ``None``: 舟山 has
a 普陀区 too), the counties of every province but 新疆, and the 省直辖县级 cities of 河南, 湖北 and 海南.

API:

``PROVINCES``, ``PREFECTURES``, ``COUNTIES``   the divisions (``Division``) of levels 1, 2, 3
``division(word)``                         the division a word names (official name or usual short form)
``located(department_name)``               the divisions a department's name places it in, outermost first
``province_of(department_name)``           the short name of its province (泉州市公安局 → 福建), or ``None``
``prefecture_of(department_name)``         the official name of its prefecture (克州… → 克孜勒苏柯尔克孜自治州)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.names.department import ETHNIC_GROUPS, canonical_key, compact, strip_budget_suffix

__all__ = ["Division", "PROVINCES", "PREFECTURES", "COUNTIES", "division", "located", "province_of",
           "prefecture_of", "division_forms"]


@dataclass(frozen=True)
class Division:
    """One administrative division: its official name, level (1 province, 2 prefecture, 3 county),
    the official name of the division it lies in (``None`` for a province) and the short name of its
    province; ``forms`` are the names people use for it, the official one first."""

    name: str
    level: int
    parent: str | None
    province: str
    forms: tuple[str, ...]


# --- level 1: the 34 provincial-level divisions, official name -> short name ------------------------
_PROVINCES = {
    "北京市": "北京", "天津市": "天津", "河北省": "河北", "山西省": "山西", "内蒙古自治区": "内蒙古",
    "辽宁省": "辽宁", "吉林省": "吉林", "黑龙江省": "黑龙江", "上海市": "上海", "江苏省": "江苏",
    "浙江省": "浙江", "安徽省": "安徽", "福建省": "福建", "江西省": "江西", "山东省": "山东",
    "河南省": "河南", "湖北省": "湖北", "湖南省": "湖南", "广东省": "广东", "广西壮族自治区": "广西",
    "海南省": "海南", "重庆市": "重庆", "四川省": "四川", "贵州省": "贵州", "云南省": "云南",
    "西藏自治区": "西藏", "陕西省": "陕西", "甘肃省": "甘肃", "青海省": "青海", "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆", "台湾省": "台湾", "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}
# The four municipalities: their level 2 are districts, not listed here.
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")

# --- level 2: prefecture-level divisions by province (GB/T 2260: 293 地级市, 30 自治州, 7 地区, 3 盟) ----
_PREFECTURES = {
    "河北": "石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市",
    "山西": "太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市",
    "内蒙古": "呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 "
              "锡林郭勒盟 阿拉善盟",
    "辽宁": "沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市",
    "吉林": "长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州",
    "黑龙江": "哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 "
              "绥化市 大兴安岭地区",
    "江苏": "南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市",
    "浙江": "杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市",
    "安徽": "合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 "
            "亳州市 池州市 宣城市",
    "福建": "福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市",
    "江西": "南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市",
    "山东": "济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 "
            "聊城市 滨州市 菏泽市",
    "河南": "郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 "
            "商丘市 信阳市 周口市 驻马店市",
    "湖北": "武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 "
            "恩施土家族苗族自治州",
    "湖南": "长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 "
            "湘西土家族苗族自治州",
    "广东": "广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 "
            "河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市",
    "广西": "南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市",
    "海南": "海口市 三亚市 三沙市 儋州市",
    "四川": "成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 "
            "广安市 达州市 雅安市 巴中市 资阳市 阿坝藏族羌族自治州 甘孜藏族自治州 凉山彝族自治州",
    "贵州": "贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州 黔东南苗族侗族自治州 "
            "黔南布依族苗族自治州",
    "云南": "昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州 红河哈尼族彝族自治州 "
            "文山壮族苗族自治州 西双版纳傣族自治州 大理白族自治州 德宏傣族景颇族自治州 怒江傈僳族自治州 "
            "迪庆藏族自治州",
    "西藏": "拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区",
    "陕西": "西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市",
    "甘肃": "兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 "
            "临夏回族自治州 甘南藏族自治州",
    "青海": "西宁市 海东市 海北藏族自治州 黄南藏族自治州 海南藏族自治州 果洛藏族自治州 玉树藏族自治州 "
            "海西蒙古族藏族自治州",
    "宁夏": "银川市 石嘴山市 吴忠市 固原市 中卫市",
    "新疆": "乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州 博尔塔拉蒙古自治州 巴音郭楞蒙古自治州 "
            "阿克苏地区 克孜勒苏柯尔克孜自治州 喀什地区 和田地区 伊犁哈萨克自治州 塔城地区 阿勒泰地区",
}

# --- level 3: 新疆's county-level divisions by prefecture (and those the region governs directly) -----
_COUNTIES = {
    "乌鲁木齐市": "天山区 沙依巴克区 新市区 水磨沟区 头屯河区 达坂城区 米东区 乌鲁木齐县",
    "克拉玛依市": "独山子区 克拉玛依区 白碱滩区 乌尔禾区",
    "吐鲁番市": "高昌区 鄯善县 托克逊县",
    "哈密市": "伊州区 巴里坤哈萨克自治县 伊吾县",
    "昌吉回族自治州": "昌吉市 阜康市 呼图壁县 玛纳斯县 奇台县 吉木萨尔县 木垒哈萨克自治县",
    "博尔塔拉蒙古自治州": "博乐市 阿拉山口市 精河县 温泉县",
    "巴音郭楞蒙古自治州": "库尔勒市 轮台县 尉犁县 若羌县 且末县 焉耆回族自治县 和静县 和硕县 博湖县",
    "阿克苏地区": "阿克苏市 库车市 温宿县 沙雅县 新和县 拜城县 乌什县 阿瓦提县 柯坪县",
    "克孜勒苏柯尔克孜自治州": "阿图什市 阿克陶县 阿合奇县 乌恰县",
    "喀什地区": "喀什市 疏附县 疏勒县 英吉沙县 泽普县 莎车县 叶城县 麦盖提县 岳普湖县 伽师县 巴楚县 "
                "塔什库尔干塔吉克自治县",
    "和田地区": "和田市 和田县 墨玉县 皮山县 洛浦县 策勒县 于田县 民丰县 和安县 和康县",  # (和安县, 和康县: 2024)
    "伊犁哈萨克自治州": "伊宁市 奎屯市 霍尔果斯市 伊宁县 察布查尔锡伯自治县 霍城县 巩留县 新源县 昭苏县 "
                        "特克斯县 尼勒克县",
    "塔城地区": "塔城市 乌苏市 沙湾市 额敏县 托里县 裕民县 和布克赛尔蒙古自治县",
    "阿勒泰地区": "阿勒泰市 布尔津县 富蕴县 福海县 哈巴河县 青河县 吉木乃县",
    # 自治区直辖县级市 (the cities of the 兵团's divisions): in 新疆, under no prefecture
    "": "石河子市 阿拉尔市 图木舒克市 五家渠市 北屯市 铁门关市 双河市 可克达拉市 昆玉市 胡杨河市 新星市 白杨市",
}

# short names in use that are not the stem + 州 (克州 for 克孜勒苏柯尔克孜自治州): the language's, as in
# ``kg.names.department``
_SPOKEN_PREFECTURES = {"克孜勒苏柯尔克孜自治州": ("克州",), "博尔塔拉蒙古自治州": ("博州",),
                       "巴音郭楞蒙古自治州": ("巴州",)}
_ETHNIC_ALT = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
_AUTONOMOUS = re.compile(rf"^(?P<stem>[\u4e00-\u9fff]{{2,}}?)(?:(?:{_ETHNIC_ALT})族?)+自治(?P<lvl>州|县|区)$")
_PLAIN = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{2,}?)(?P<lvl>特别行政区|自治区|地区|省|市|盟|州|县|区|旗)$")


def division_forms(name: str, level: int) -> tuple[str, ...]:
    """The names people use for a division, the official one first: 新疆维吾尔自治区 → 新疆, 新疆自治区;
    昌吉回族自治州 → 昌吉州, 昌吉; 克孜勒苏柯尔克孜自治州 → 克孜勒苏州, 克州, 克孜勒苏; 喀什地区 → 喀什;
    泉州市 → 泉州. A county keeps its official name and its autonomous short form only (木垒哈萨克自治县 →
    木垒县): a county's bare stem (和田 of 和田县) is another division's name too often."""
    forms = [name]
    m = _AUTONOMOUS.match(name)
    if m:
        stem, lvl = m.group("stem"), m.group("lvl")
        if lvl == "区":  # a provincial autonomous region: its short name is the province's
            forms += [_PROVINCES.get(name, stem), stem + "自治区"]
        else:
            forms.append(stem + lvl)
            forms += _SPOKEN_PREFECTURES.get(name, ())
            if level < 3:
                forms.append(stem)
    else:
        m = _PLAIN.match(name)
        if m and level < 3:
            forms.append(_PROVINCES.get(name, m.group("stem")))
            if m.group("lvl") == "自治区":
                forms.append(m.group("stem") + "自治区")
    return tuple(dict.fromkeys(forms))


def _build() -> tuple[tuple[Division, ...], tuple[Division, ...], tuple[Division, ...]]:
    provinces = tuple(Division(name, 1, None, short, division_forms(name, 1)) for name, short in _PROVINCES.items())
    prefectures = tuple(Division(name, 2, next(p for p, s in _PROVINCES.items() if s == short), short,
                                 division_forms(name, 2))
                        for short, names in _PREFECTURES.items() for name in names.split())
    counties = tuple(Division(name, 3, parent or "新疆维吾尔自治区", "新疆", division_forms(name, 3))
                     for parent, names in _COUNTIES.items() for name in names.split())
    return provinces, prefectures, counties


PROVINCES, PREFECTURES, COUNTIES = _build()
_BY_NAME = {d.name: d for d in (*PROVINCES, *PREFECTURES, *COUNTIES)}


@lru_cache(maxsize=1)
def _by_form() -> dict[str, Division]:
    """Every form to its division; a form two divisions share is the higher level's (吉林 is the province,
    吉林市 the city; 海南 the province, 海南州 the prefecture of 青海)."""
    out: dict[str, Division] = {}
    for d in (*COUNTIES, *PREFECTURES, *PROVINCES):  # higher levels last: they win a shared form
        for form in d.forms:
            out[form] = d
    return out


def division(word: str | None) -> Division | None:
    """The division a word names — its official name or a usual short form (新疆, 福建省, 克州, 喀什) —
    or ``None``."""
    return _by_form().get(compact(word)) if word else None


def _chain(d: Division) -> list[Division]:
    out = [d]
    while out[0].parent:
        out.insert(0, _BY_NAME[out[0].parent])
    return out


# The forms a department's name may start with: official names and forms ending in their level
# (福州市, 昌吉州, 克州), and the provinces' short names (江苏高院). A prefecture's bare stem (福州 of
# 福州大学…) is no start of a department's place.
@lru_cache(maxsize=1)
def _leading_forms() -> list[tuple[str, Division]]:
    pairs = [(form, d) for form, d in _by_form().items()
             if d.level == 1 or form == d.name or form[-1] in "省市州区县盟旗"]
    return sorted(pairs, key=lambda p: -len(p[0]))


def located(department_name: str | None) -> tuple[Division, ...]:
    """The divisions a department's name places it in, outermost first: 昌吉回族自治州生态环境局 →
    (新疆维吾尔自治区, 昌吉回族自治州); 泉州市公安局 → (福建省, 泉州市); 上海市普陀区社会福利院 → (上海市,);
    且末县… → (新疆维吾尔自治区, 巴音郭楞蒙古自治州, 且末县); 国家信访局 → () (central: no place).
    Places printed one after another (新疆维吾尔自治区昌吉回族自治州…) are read in turn; a place inside
    another must lie in it."""
    if not department_name:
        return ()
    out: list[Division] = []
    for text in dict.fromkeys((strip_budget_suffix(department_name), canonical_key(department_name))):
        text = re.sub(r"^(?:中国共产党|中共|中国人民政治协商会议|政协)", "", compact(text))
        found: list[Division] = []
        while True:
            hit = next(((form, d) for form, d in _leading_forms() if text.startswith(form) and len(text) > len(form)
                        and (not found or d.parent == found[-1].name)), None)
            if hit is None:
                break
            form, d = hit
            found = _chain(d) if not found else found + [d]
            text = text[len(form):]
        if len(found) > len(out):
            out = found
    return tuple(out)


def province_of(department_name: str | None) -> str | None:
    """The short name of the province a department's name places it in (泉州市公安局 → 福建,
    江苏省人大常委会办公厅 → 江苏, 克州生态环境局 → 新疆), ``None`` where its name names no division this
    resource holds (国家信访局: central; 普陀区…: a district of a municipality unnamed)."""
    chain = located(department_name)
    return chain[0].province if chain else None


def prefecture_of(department_name: str | None) -> str | None:
    """The official name of the prefecture-level division a department's name places it in, ``None`` for
    a department of a province or municipality itself (江苏省…, 上海市普陀区…) or of none."""
    return next((d.name for d in located(department_name) if d.level == 2), None)
