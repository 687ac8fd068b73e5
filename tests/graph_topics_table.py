"""Hand-checked topics of every project of ../shared/corpus and ../shared/realdocs.

Read from the records (``budgetkg extract … --json``): what each project's money is for, judged
as in shared/questions/examples.json E01/E02 (a project concerns a topic when it is *for* it, not
when its description or a cited plan mentions it). Keys are (department, year, category, name).
"""
from __future__ import annotations

CJ = "昌吉回族自治州生态环境局"
JK = "昌吉州环境污染监控中心"
KZ = "克孜勒苏柯尔克孜自治州生态环境局"

EXPECTED_TOPICS: dict[tuple[str, int, str, str], set[str]] = {
    # 昌吉州生态环境局 2025 (corpus 000)
    (CJ, 2025, "current", "“美丽昌吉”宣传活动经费"): {"publicity"},  # E01; cites a 新污染物 plan: not solid waste
    (CJ, 2025, "current", "机关运行补助经费"): set(),
    (CJ, 2025, "current", "自治州排放源统计年报审核"): {"statistics"},
    (CJ, 2025, "current", "微型环境空气质量监测体系运维费"): {"air", "monitoring"},
    (CJ, 2025, "current", "昌州财建【2024】126号提前下达2025年中央大气污染防治资金（昌吉州大气污染防治重点区域加密空气质量自动监测站点建设项目）"): {"air", "monitoring"},
    # tail payments of earlier projects, mostly air research and VOC monitoring; the description
    # (颗粒物, 挥发性有机物, 重污染天气) and the cited 蓝天保卫战 plan agree
    (CJ, 2025, "current", "生态环保项目尾款"): {"air"},
    (CJ, 2025, "carryover", "昌吉州160套环境空气微型站点设备运行维护技术服务项目"): {"air", "monitoring"},
    (CJ, 2025, "carryover", "昌吉州大气污染综合治理能力提升项目"): {"air"},
    (CJ, 2025, "carryover", "昌吉州环境安全隐患排查整治项目"): {"emergency"},
    # equipment for monitoring, enforcement, emergencies, radiation, vehicles alike: no one theme
    (CJ, 2025, "carryover", "昌吉州生态环境保护监管能力提升建设项目"): set(),
    (CJ, 2025, "carryover", "昌吉州污染防治执法监测、应急监测项目"): {"monitoring", "enforcement", "emergency"},
    (CJ, 2025, "carryover", "昌州财建【2024】143号关于追加拨付2024年自治区“乌-昌-石”区域大气环境整治奖补资金预算的通知（昌吉州管控尺度PM2.5精准溯源项目）"): {"air"},
    (CJ, 2025, "carryover", "机关运行补助经费"): set(),
    (CJ, 2025, "carryover", "开展建设环境影响评价技术评估审查"): {"eia_permits"},
    (CJ, 2025, "carryover", "排污许可证核查与审核"): {"eia_permits"},  # E02
    # experts for damage-compensation cases and carbon-market data checks: no one theme
    (CJ, 2025, "carryover", "聘请专家开展核查评估项目"): set(),
    (CJ, 2025, "carryover", "自治州中央环保督察整改工作项目"): {"inspection"},
    # 昌吉州环境污染监控中心 2023 (corpus 001)
    (JK, 2023, "current", "环境监控运转经费"): {"monitoring"},  # cites a 机动车 plan: not vehicles
    (JK, 2023, "current", "污染源监控系统运行维护（2年运维，2023年-2024年）"): {"monitoring"},
    (JK, 2023, "current", "链路及通讯费用"): set(),
    (JK, 2023, "current", "信息化运维"): {"informatization"},
    (JK, 2023, "current", "重型柴油车OBD远程在线监控"): {"vehicle_emissions", "monitoring"},
    (JK, 2023, "carryover", "昌吉州柴油货车及非道路移动机械抽测服务"): {"vehicle_emissions"},
    (JK, 2023, "carryover", "昌吉州涉气企业重污染天气用电量监控平台及监控实施建设项目"): {"air", "monitoring"},
    (JK, 2023, "carryover", "机构运行保障经费"): set(),  # E01: running costs, mentions 宣传 only
    # laboratory accreditation: the name names no theme, the description speaks of monitoring
    # and enforcement alike and no cited title agrees
    (JK, 2023, "carryover", "开展实验室计量认证体系建设、实验室标准物质、仪器设备检定分等"): set(),
    (JK, 2023, "carryover", "昌吉州空气质量预警预报能力建设（一期）项目"): {"air"},
    # 克州生态环境局 2024 (corpus 004)
    (KZ, 2024, "current", "“三线一单”生态环境分区管控成果动态更新项目"): {"eia_permits"},
    (KZ, 2024, "current", "2024年环保业务经费"): set(),  # E01 note: 环评审批 and 执法监察 money, general
    (KZ, 2024, "current", "阿克陶县分局物业费、制冷费项目"): set(),
    (KZ, 2024, "current", "执法能力建设项目"): {"enforcement"},
    (KZ, 2024, "current", "中央生态环境保护督察整改工作专项经费"): {"inspection"},
    # E01 "acceptable extra": office costs including 宣传费, and half the output targets are 宣传
    # (宣传次数, 宣传知晓率, 宣传及时率): publicity in part (evidence: description + indicator)
    (KZ, 2024, "unit_funds", "2023年结余资金"): {"publicity"},
    (KZ, 2024, "unit_funds", "其他资金收入经费项目"): {"publicity"},
    # realdocs: departments outside the environment; no environmental topic
    ("上海市普陀区司法局", 2026, "current", "人民调解项目"): {"legal_services"},  # 人民调解 is a public legal service
    ("上海市普陀区商务委员会", 2025, "current", "科技创新专项"): set(),
    ("上海市普陀区商务委员会", 2025, "current", "生命健康专项（政策资金）"): set(),
    ("上海市普陀区商务委员会", 2025, "current", "商业创新专项（政策资金）"): set(),
    ("上海市普陀区商务委员会", 2025, "current", "贸易高质量发展专项（政策资金）"): set(),
}

# Exceptions where the rule and the table differ, with the reason. Empty: the rule gives the
# table exactly (precision 1.0, recall 1.0).
EXCEPTIONS: dict[tuple[str, int, str, str], str] = {}
