"""Real places the generated departments belong to: provinces, their prefectures, their counties.

Each prefecture carries the short name its documents use (``昌吉州``) and the prefix of its
government's document numbers (``昌州政发〔2018〕165号``); a county's prefix is its first character
(``玛政发``). Only real place names are used, so generated department names look like the ones a
researcher collects; the budgets themselves are invented.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prefecture:
    name: str  # 昌吉回族自治州
    short: str  # 昌吉州
    doc_prefix: str  # 昌州
    counties: tuple[str, ...]


@dataclass(frozen=True)
class Province:
    name: str  # 新疆维吾尔自治区
    short: str  # 自治区
    doc_prefix: str  # 新
    prefectures: tuple[Prefecture, ...]


XINJIANG = Province("新疆维吾尔自治区", "自治区", "新", (
    Prefecture("昌吉回族自治州", "昌吉州", "昌州",
               ("昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒哈萨克自治县")),
    Prefecture("克孜勒苏柯尔克孜自治州", "克州", "克州", ("阿图什市", "阿克陶县", "阿合奇县", "乌恰县")),
    Prefecture("伊犁哈萨克自治州", "伊犁州", "伊州",
               ("伊宁市", "奎屯市", "霍尔果斯市", "伊宁县", "察布查尔锡伯自治县", "霍城县", "巩留县", "新源县",
                "昭苏县", "特克斯县", "尼勒克县")),
    Prefecture("阿克苏地区", "阿克苏地区", "阿地",
               ("阿克苏市", "库车市", "温宿县", "沙雅县", "新和县", "拜城县", "乌什县", "阿瓦提县", "柯坪县")),
    Prefecture("巴音郭楞蒙古自治州", "巴州", "巴州",
               ("库尔勒市", "轮台县", "尉犁县", "若羌县", "且末县", "焉耆回族自治县", "和静县", "和硕县", "博湖县")),
    Prefecture("博尔塔拉蒙古自治州", "博州", "博州", ("博乐市", "阿拉山口市", "精河县", "温泉县")),
    Prefecture("哈密市", "哈密市", "哈市", ("伊州区", "巴里坤哈萨克自治县", "伊吾县")),
    Prefecture("吐鲁番市", "吐鲁番市", "吐市", ("高昌区", "鄯善县", "托克逊县")),
    Prefecture("喀什地区", "喀什地区", "喀地",
               ("喀什市", "疏附县", "疏勒县", "英吉沙县", "泽普县", "莎车县", "叶城县", "麦盖提县", "岳普湖县",
                "伽师县", "巴楚县", "塔什库尔干塔吉克自治县")),
    Prefecture("和田地区", "和田地区", "和地", ("和田市", "和田县", "墨玉县", "皮山县", "洛浦县", "策勒县", "于田县", "民丰县")),
    Prefecture("塔城地区", "塔城地区", "塔地", ("塔城市", "乌苏市", "沙湾市", "额敏县", "托里县", "裕民县", "和布克赛尔蒙古自治县")),
    Prefecture("阿勒泰地区", "阿勒泰地区", "阿勒地",
               ("阿勒泰市", "布尔津县", "富蕴县", "福海县", "哈巴河县", "青河县", "吉木乃县")),
))

JIANGSU = Province("江苏省", "省", "苏", (
    Prefecture("南京市", "南京市", "宁", ("玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "江宁区", "六合区")),
    Prefecture("无锡市", "无锡市", "锡", ("梁溪区", "锡山区", "惠山区", "滨湖区", "新吴区", "江阴市", "宜兴市")),
    Prefecture("苏州市", "苏州市", "苏", ("姑苏区", "虎丘区", "吴中区", "相城区", "吴江区", "常熟市", "张家港市", "昆山市",
                                    "太仓市")),
    Prefecture("南通市", "南通市", "通", ("崇川区", "通州区", "海门区", "如东县", "启东市", "如皋市", "海安市")),
    Prefecture("扬州市", "扬州市", "扬", ("广陵区", "邗江区", "江都区", "宝应县", "仪征市", "高邮市")),
))

SHANGHAI = Province("上海市", "市", "沪", (
    Prefecture("上海市", "上海市", "沪", ("黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区",
                                    "宝山区", "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区")),
))

PROVINCES: dict[str, Province] = {"xinjiang": XINJIANG, "jiangsu": JIANGSU, "shanghai": SHANGHAI}
