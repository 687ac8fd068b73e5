"""Policy documents: 《》 titles, 文号, 部令 and standards, paired as printed."""
from __future__ import annotations

from kg.extract.model import PolicyDocument
from kg.extract.narrative.policy import dedupe, find_policy_documents, is_policy_title


def _pairs(text):
    return [(d.title, d.number) for d in find_policy_documents(text)]


def test_title_then_number_in_brackets():
    text = ("依据《关于印发〈“十四五”全国细颗粒物与臭氧协同控制监测网格能力建设方案〉的通知》"
            "（环办监测函〔2021〕218号）着力增")
    assert _pairs(text) == [("《关于印发〈“十四五”全国细颗粒物与臭氧协同控制监测网格能力建设方案〉的通知》",
                             "环办监测函〔2021〕218号")]


def test_order_number_before_title_and_wrapped_lines():
    text = "依据生态环境部部令第 29号（2023年）《生态环境统\n计管理办法》第二十九条：按照《关于开展 2024年度排放源统计年报等工作的通知》"
    assert _pairs(text) == [("《生态环境统计管理办法》", "生态环境部部令第29号（2023年）"),
                            ("《关于开展2024年度排放源统计年报等工作的通知》", None)]


def test_bare_titles_after_numbers():
    text = ("根据自治区生态环境厅环办环评函[2023]81 号文件关于印发 2023 年生态环境分区管控成果动态更新工作方案的通知，"
            "新环办环评[2023]20 号关于印发2023 年自治区“三线一单”生态环境分区管控成果动态更新工作方案的通知")
    assert _pairs(text) == [
        ("关于印发2023年生态环境分区管控成果动态更新工作方案的通知", "环办环评函[2023]81号"),
        ("关于印发2023年自治区“三线一单”生态环境分区管控成果动态更新工作方案的通知", "新环办环评[2023]20号")]
    text = ("根据克环发[2023]3 号关于做好全州县(市)生态环境分局综合行政执法大队生态环境监测站机构人员资产划转及"
            "经费保障等有关事宜的通知及阿克陶县发展大厦物业管理委托合同预算的通知")
    assert _pairs(text) == [
        ("关于做好全州县(市)生态环境分局综合行政执法大队生态环境监测站机构人员资产划转及经费保障等有关事宜的通知",
         "克环发[2023]3号"),
        ("阿克陶县发展大厦物业管理委托合同预算的通知", None)]
    text = "根据自治区中央环境保护督察反馈意见整改工作领导小组办公室印发新环整改办[2022]1 号自治区中央生态环境保护督察反馈问题整改任务分解清单的通知"
    assert _pairs(text) == [("自治区中央生态环境保护督察反馈问题整改任务分解清单的通知", "新环整改办[2022]1号")]


def test_number_without_title_and_standards():
    assert _pairs("昌州财建【2024】126号提前下达 2025年中央大气污染防治资金（昌吉州…建设项目）") == [
        (None, "昌州财建【2024】126号")]
    assert _pairs("《污染物在线监控（监测）系统数据传输标准》（HJ212-2017），《水污染源在线监测系统运行技术规范》"
                  "（HJ355-2019）") == [("《污染物在线监控（监测）系统数据传输标准》", "HJ212-2017"),
                                        ("《水污染源在线监测系统运行技术规范》", "HJ355-2019")]


def test_newspaper_is_not_a_policy_document():
    assert not is_policy_title("《中国环境报》")
    assert is_policy_title("《自治州打赢蓝天保卫战三年行动计划（2018-2020）》")
    assert _pairs("征订《中国环境报》及购买业务书籍") == []


def test_dedupe_keeps_two_titles_under_one_number():
    docs = [PolicyDocument("关于2024年环保业务经费预算的通知", "克财预[2024]001号"),
            PolicyDocument("关于执法能力建设项目预算的通知", "克财预[2024]001号"),
            PolicyDocument(None, "克财预〔2024〕001号"),
            PolicyDocument("《关于执法能力建设项目预算的通知》", None)]
    out = dedupe(docs)
    assert [(d.title, d.number) for d in out] == [("关于2024年环保业务经费预算的通知", "克财预[2024]001号"),
                                                  ("关于执法能力建设项目预算的通知", "克财预[2024]001号")]


def test_unclosed_bracket_does_not_swallow_text():
    text = "《未闭合的标题" + "文字" * 100 + "《生态环境统计管理办法》"
    assert ("《生态环境统计管理办法》", None) in _pairs(text)


def test_bare_title_before_its_bracketed_number():
    text = ("《财政部、司法部关于进一步加强人民调解经费保障的意见》（财行〔2007〕179号）；关于转发《财政部、司法部关于"
            "进一步加强人民调解经费保障的意见》的通知（沪财行〔2008〕36号）")
    assert _pairs(text) == [
        ("《财政部、司法部关于进一步加强人民调解经费保障的意见》", "财行〔2007〕179号"),
        ("关于转发《财政部、司法部关于进一步加强人民调解经费保障的意见》的通知", "沪财行〔2008〕36号")]


def test_columns_of_a_table_row_do_not_join_a_number():
    assert _pairs("211 03 01 大气 昌州财建【2024】126号提前下达") == [(None, "昌州财建【2024】126号")]


def test_issuer_abbreviations_keep_their_first_character():
    """厅字 (中共中央办公厅's), 和政发 / 和静卫发 / 和地政发 (和静县's) are whole 机关代字; a citing
    verb, an organ's name or a joining particle before one is cut."""
    assert _pairs("中共中央办公厅 国务院办公厅印发的意见（厅字〔2016〕42号）") == [(None, "厅字〔2016〕42号")]
    assert _pairs("依据《关于加强项目管理的通知》（和政发〔2016〕3号）") == [
        ("《关于加强项目管理的通知》", "和政发〔2016〕3号")]
    assert _pairs("按照和静卫发〔2020〕5号文件") == [(None, "和静卫发〔2020〕5号")]
    assert _pairs("《乡村道路养护办法》（和地政发〔2019〕2号）") == [("《乡村道路养护办法》", "和地政发〔2019〕2号")]
    assert _pairs("沪府发〔2020〕1号、苏经信发〔2021〕3号") == [(None, "沪府发〔2020〕1号"), (None, "苏经信发〔2021〕3号")]
    # a particle joining two citations is cut, and so is an organ's name before its abbreviation
    assert _pairs("根据《某某的通知》（国发〔2015〕1号）和国办发〔2016〕2号") == [
        ("《某某的通知》", "国发〔2015〕1号"), (None, "国办发〔2016〕2号")]
    assert _pairs("根据中共中央办公厅厅字〔2019〕8号") == [(None, "厅字〔2019〕8号")]


def test_ministry_order_with_its_year_inside():
    from kg.rdf.policy import issued_year, issuer

    assert _pairs("依据《公路工程建设标准管理办法》（交通运输部令2015年第22号）") == [
        ("《公路工程建设标准管理办法》", "交通运输部令2015年第22号")]
    assert issued_year("交通运输部令2015年第22号") == 2015
    assert issuer("交通运输部令2015年第22号", None) == ("交通运输部", "number")


def test_title_ending_in_the_notice_it_forwards():
    """西安市安全生产监督管理局 2019 表10 p.26: the outer title ends with the forwarded one's 〉; what follows
    the bracket round the 文号 (``）的有关规定``) is no title."""
    text = ("根据市人社局、市财政局《关于转发人力资源和社会保障部财政部〈关于调整纪检监察办案人员补贴标准"
            "的通知〉》（市人社发〔2016〕165号）的有关规定，派驻（出）机构干部享受办案补贴。")
    assert _pairs(text) == [("《关于转发人力资源和社会保障部财政部〈关于调整纪检监察办案人员补贴标准的通知〉》",
                             "市人社发〔2016〕165号")]


def test_a_list_separator_parts_a_title_from_the_next_number():
    """p.25: ``《安全生产法》、国务院[2010]23号令`` are two documents; nothing after a 令's number is a title."""
    text = "根据《安全生产法》、国务院[2010]23号令及省政府74号令的有关规定，贯彻落实"
    assert _pairs(text) == [("《安全生产法》", None), (None, "国务院[2010]23号")]
