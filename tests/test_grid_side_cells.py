"""Merged cells a ruled table's grid lost on a page (``kg.extract.pdf_side_cells``): 北京 预算12表
项目支出绩效目标表 prints each project's 项目名称 | 项目总额 | 财政资金 | 其他资金 | 绩效目标 as cells
merged over its indicator rows; on most pages those cells have no horizontal rule of their own and
pdfplumber's grid keeps only the indicator columns. Read by position between the page's rules, every
project of the table is a record with its exact six-decimal amount and its page.

The amounts below are read off the PDF (附件2报表, pages 17–43, the 项目总额 column)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

pytestmark = pytest.mark.shared

BEIJING_TABLES = "beijing/北京市财政局_2026部门预算_附件2报表.pdf"

# (name as printed after its code, 项目总额, first page it is printed on)
PRINTED = [
    ("评审工作经费", "839.000000", 17), ("企业财务会计决算报表工作服务", "67.700000", 18),
    ("财政监督业务服务", "316.976900", 18), ("决算管理工作服务", "54.320000", 19),
    ("北京市政府财务报告工作服务", "40.600000", 20), ("预算绩效管理服务", "670.428000", 20),
    ("会计职称评审考试服务", "148.840000", 21), ("全国注册会计师统一考试考务服务", "983.388000", 21),
    ("会计人才培养服务", "205.580000", 22), ("会计管理业务服务", "37.400000", 23),
    ("信息化监理项目", "31.000000", 24), ("金融管理服务", "201.904000", 24),
    ("部门预算编制管理服务", "46.322000", 25), ("绩效管理综合评价服务", "85.000000", 26),
    ("重点领域绩效评价分析服务", "12.000000", 26), ("重点支出成本绩效分析服务", "75.000000", 26),
    ("非税收入系统运维服务项目", "96.937500", 27), ("财政票据电子化系统维护服务项目", "62.400000", 28),
    ("北京财政政务办公系统运维服务项目", "175.200000", 29), ("市财政局电子政务运维总服务商项目", "182.300000", 30),
    ("预算管理一体化系统（对标财政部标准规范）本地化定制服务", "168.000000", 30),
    ("会计师事务所专项检查服务", "127.280000", 31), ("人员经费管理系统及相关系统运维服务项目", "149.685000", 32),
    ("北京市政府采购电子化交易服务项目", "287.970000", 33), ("评审业务管理系统升级改造服务", "21.000000", 33),
    ("会计专业技术资格考试考务服务", "340.643000", 34), ("电子会计凭证综合服务平台建设服务", "148.800000", 35),
    ("非税收入系统升级改造服务", "48.750000", 36), ("财政票据电子化管理系统升级改造服务", "165.000000", 36),
    ("北京市财政局业务系统能力提升服务", "255.000000", 37), ("北京市财政局能力提升设备采购", "537.644000", 37),
    ("北京财政业务应急保障中心建设项目", "400.000000", 38),
    ("预算管理一体化（对标财政部标准规范）实施保障及相关系统运维服务", "682.370000", 38),
    ("北京市财政局跨省报销入账应用服务", "99.375000", 39), ("行政事业单位国有资产数据审核服务", "351.860000", 40),
    ("政务外网、互联网安全运维及运行保障及第三方安全测评服务", "279.900000", 41),
    ("终端运行及统一身份认证保障服务", "260.310000", 42), ("财政数据资源与数据安全风险评估服务", "23.500000", 42),
    ("政府采购管理服务", "115.900000", 43),
]


def test_every_project_of_the_grid_is_read(national):
    record = national[BEIJING_TABLES]
    read = [(p.name, p.amount, p.provenance[0].page) for p in record.projects
            if p.provenance and p.provenance[0].table == "绩效目标表"]
    assert read == [(name, D(amount), page) for name, amount, page in PRINTED]
    # six decimals kept exactly: Σ of the 39 printed 项目总额
    assert sum(amount for _, amount, _ in read) == D("8795.283400")


def test_a_project_whose_cell_lost_its_rules_keeps_its_indicators(national):
    # p.19: 决算管理工作服务's merged cell has no rule of its own; its ten indicator rows on that page
    # (会审单位数 >=6741家 … 受训学员满意度 >=95%) are this project's. The four rows it begins with at
    # the foot of p.18 (印制完成时间 …) stand beside a cell whose text is printed on p.19: given to no
    # project rather than to the one above them.
    projects = {p.name: p for p in national[BEIJING_TABLES].projects}
    names = [i.name for i in projects["决算管理工作服务"].indicators]
    assert names[0] == "会审单位数" and names[-1] == "受训学员满意度" and len(names) == 10
    assert next(i.target for i in projects["决算管理工作服务"].indicators if i.name == "会审单位数") == ">=6741家"
    assert "印制完成时间" not in [i.name for i in projects["财政监督业务服务"].indicators]
