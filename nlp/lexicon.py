"""The words questions use, as data: which measure, focus, operation or filter each one signals.

This is the genre's vocabulary (fixed across corpora: every 部门预算 says 基本支出, every question
about it says 多少钱 or 占比), keyed by the ontology's own keys (``nlp.vocabulary``). The parser
never tests for a word itself: it reads the cues ``nlp.cues`` finds with these tables, so adding a
word here (or a new measure to the ontology) changes what one cue means and nothing else.

Each entry is ``(value, pattern)``; patterns are regular expressions over the folded question
(``nlp.normalize.fold``: half-width, simplified, one kind of bracket). Where one word means one
thing only next to another (购置 is the vehicle-purchase part of 三公 only where 三公 or 公务用车
is asked about) the entry names its *family* and the family's anchor must be present.
"""
from __future__ import annotations

import re

from kg.extract.model import UNIT_FUND_LINES
from kg.extract.narrative.changes import LEFT_OUT_WORDS
from kg.rdf.mapping import SCOPED_LABELS

_N = r"[\d一二两三四五六七八九十百]+"  # a small count: 3, 三, 十二
# the carry-over named before the kind of funds it holds (上年结转里…, 年初结转和结余中的…)
_CARRIED = r"(?:(?:上年|年初)结转(?:和?结余)?(?:资金)?(?:里面|当中|之中|里|中)(?:的|有|是)?|(?:上年|年初)结转(?:和?结余)?的)"
# the carry-over named as the whole the figures after it are parts of (结转里财政拨款和单位资金各多少,
# 上年结转中一般公共预算、政府性基金各多少): every kind of funds named after it is that kind's carry-over
CARRIED_CONTAINER = r"(?:上年|年初)?结转(?:和?结余)?(?:资金)?(?:里面|当中|之中|里|中)"
# the kind of funds named as the whole its carry-over is asked inside (一般公共预算拨款里，有多少是上年结转下来的):
# the kind named before it is the whole, that kind's carry-over the part
CARRIED_INSIDE = (r"(?:里面|当中|之中|里|中)[，,]?\s*(?:有|其中)?(?:多少|几成|哪些|多大一块)?(?:钱)?"
                  r"(?:是|为|属于|来自)(?:从)?(?:上年|以前年度|去年|往年|\d{4}年)结转")
# a kind of funds (its income measure) -> its carry-over measure (``kg.extract.model.CARRYOVER_BY_SOURCE``,
# and 财政拨款 / 非财政拨款 as a whole)
CARRIED_KIND = {"fiscal_total": "carryover_fiscal", "general_public_budget": "carryover_general_public_budget",
                "government_fund": "carryover_government_fund", "state_capital": "carryover_state_capital",
                "unit_funds": "carryover_unit_funds"}

# ----------------------------------------------------------------------------------- measures
# Department-level figures (bkg:BudgetItem keys), staffing counts (bkg:*Staff properties) and
# the project's own attributes. "amount" is a bare amount word: the focus decides what it is the
# amount of (a project's budget, a department's 收入总计 …).
MEASURE_WORDS: list[tuple[str, str]] = [
    ("income_total", r"收入(?=(?:和|与|、|及)支出(?:各|分别|都|是|一共|总共|合计|多少))|收支总预算|收支总计|收入总计|收入总预算|收支预算总[额计]|总收入|收支总额|收入合计|全部收入|所有收入|全年收入|"
                     r"收支预算(?=是|有|多少|一共|总共|合计)|预算总收入|收入预算|预算收入|部门预算总额|预算盘子|盘子|"
                     r"部门预算(?=总共|一共|合计|总额|是多少|有多少|多少|[和、及与][^，,。？?]{1,16}?(?:各|分别)(?:是|有|为)?多少)|"
                     r"收入(?=(?:预算)?执行数|决算数)|收支(?=(?:预算)?执行数|决算数)|(?<![收支入出项目])总预算(?!里|中|的项目)|(?<!项目)(?<!资金)预算总额"),
    ("expenditure_total", r"(?<=收入[和与、及])支出(?=各|分别|都|是|一共|总共|合计|多少)|收支(?=(?:预算)?执行数|决算数)|支出总计|支出合计|总支出|支出总预算|支出总额|全年支出|全部支出|所有支出|(?<!项目)(?<!基本)支出预算(?!里|中)"),
    # 本年新增收入: the year's own income; 今年收入 alone is the year's income as a whole (its 收入总计)
    ("current_year_income", r"(?:本年|当年)(?:新增|新拨|新安排的?)?收入|今年(?:新增|新拨|新安排的?)收入|"
                            r"收(?=支(?:差|相抵|结余))"),  # 当年收支差多少: the year's income less its spending
    ("current_year_expenditure", r"(?<=收)支(?=差|相抵|结余)"),
    ("upper_level_transfer", r"(?:上级)?转移支付(?:收入)?"),
    # (一般公共预算支出按部门经济分类: the scope of a breakdown, not the appropriation)
    ("general_public_budget", r"一般公共预算(?:财政)?(?:拨款)?(?:收入)?(?!(?:财政)?(?:拨款)?支出(?:按|的)?(?:部门|政府)?(?:预算)?(?:经济|功能|支出功能)分类)"
                              r"(?!(?:的)?年初(?:只|仅|才)?(?:安排|预算))"),
    # 一般公共预算、基金、国资各多少: the fund and state-capital budgets said short, inside an enumeration
    ("government_fund", r"政府性基金(?:预算)?(?:拨款)?(?:收入)?|(?<=[、和与及])基金(?=[、和与及]|各|分别)"),
    ("state_capital", r"国有资本经营(?:预算)?(?:拨款)?(?:收入)?|国有资本|(?<=[、和与及])国资(?=[、和与及]|各|分别|收入)"),
    # 上年结转 by the kind of funds carried over (上年结转里政府性基金多少, 政府性基金的上年结转): the one
    # word both ways round, before the kind's income or the carry-over alone takes it
    *((f"carryover_{kind}", rf"{_CARRIED}(?:{words})(?:预算)?(?:财政)?(?:拨款)?(?:资金)?(?:部分)?|"
                            rf"(?:{words})(?:预算)?(?:财政)?(?:拨款)?(?:资金)?(?:的|里|中)?(?:上年|年初)结转(?:和?结余)?")
      for kind, words in (("general_public_budget", "一般公共预算"), ("government_fund", "政府性基金"),
                          ("state_capital", "国有资本经营"), ("fiscal_special", "财政专户(?:管理)?"),
                          ("unit_funds", "单位资金"))),
    ("carryover_nonfiscal", r"非财政拨款结转(?:和?结余)?|(?:上年)?实户资金余额"),  # 西安: the 非财政拨款 balance
    ("carryover_fiscal", r"(?<!非)财政拨款结转(?:和?结余)?"),
    # a 决算's 财政拨款支出 against its budget (年初预算 / 决算 / 完成 named after it)
    ("general_budget_expenditure", r"一般公共预算(?:财政)?拨款支出(?=(?:的)?(?:年初预算|调整预算|全年预算|预算|决算|完成|执行))|"
                                   r"一般公共预算财政拨款支出(?!表|预算表|决算表)|"  # named whole: the spending
                                   # 一般公共预算年初只安排了多少: the spending its 年初预算 column planned
                                   r"一般公共预算(?:财政拨款)?(?=(?:的)?年初(?:只|仅|才)?(?:安排|预算))"),
    ("fiscal_expenditure", r"(?<!非)(?<!一般公共预算)财政拨款支出(?=(?:的)?(?:年初预算|调整预算|全年预算|预算|决算|完成|执行)|"
                           r"(?:实际)?(?:花了|用了|支出了|是|有|共|一共|合计|总额|多少))"),
    # a 决算's 年末结转和结余 (what is carried into next year), before 结转结余 alone takes it
    # 年末财政拨款结转和结余: the 决算's fiscal part of it (财政拨款收入支出决算总表)
    ("carryover_year_end_fiscal", r"(?:年末|年底|年终)(?:的)?(?<!非)财政拨款(?:的)?结转(?:和|与|及)?(?:结余)?|"
                                  r"(?:年末|年底|年终)(?:的)?结转(?:和|与|及)?结余(?:中|里)?(?:的)?财政拨款(?:部分)?"),
    ("carryover_year_end", r"(?:年末|年底|年终)(?:的)?结转(?:和|与|及)?结余|(?:年末|年底|年终)(?:还|尚|仍)?(?:剩|剩下|剩余|结余)(?=多少|了?多少|几|的|$)|结转(?:结余)?(?:至|到)?下年(?:的)?(?:资金)?|"
                           r"(?:年底|年终|年末)(?:还|预计|打算|准备|计划|会|要|不会|会不会|有没有|有|是否)+(?:有)?结转(?:和|与|及)?(?:结余)?"),
    ("surplus_distribution", r"结余分配"),
    ("carryover_total", r"(?<!含)(?<!包括)(?<!包含)(?<!连同)上年结转(?:和?结余)?(?!项目|的项目|下来|资金安排|在内|的?也|的?算上|的?一起)|结转(?:和|与|及)?结余(?!项目|资金)|年初结转(?:和?结余)?|"
                        r"上年结余[、和及与]?结转(?!项目|的项目)|"  # 上年结余、结转 (深圳's order)
                        r"(?:(?<=年)|(?<=是)|(?<=从))(?:上年)?结转(?:过来|下来)(?!的?项目)的?|"  # 2025年结转过来的
                        r"(?:(?<=[的里中，,])|^)结转(?=(?:总共|一共|合计|总计|共)?(?:是|有|多少|为|呢|[?？]|$))|"  # 去年预算里的结转是多少: the word alone
                        r"(?:上年|去年|往年|以前年度)(?:留|剩|结余|存)(?:下来|下)?的(?:钱|资金|经费)"),  # 上年留下来的钱
    ("unit_funds", r"单位资金(?!项目)|财政拨款(?:以外|之外)(?:的|还有)?|"  # 财政拨款以外还有多少钱: the rest
                   # 不是财政拨款，是单位自己的资金 / 单位自有资金: the unit's own money
                   r"(?:不是|并非|不属于|不来自)财政拨款(?:的)?(?:钱|资金|收入)?|单位自己的?(?:资金|钱|收入)"),
    # 单位资金's lines (a figure of their own where the summary table prints them; 单位资金 otherwise)
    ("unit_business", r"事业收入"), ("unit_operating", r"(?:事业单位)?经营收入"),
    ("unit_upper", r"上级补助收入"), ("unit_affiliated", r"附属单位上缴(?:收入)?"),
    ("unit_other", r"其他收入|(?<![用靠])(?<!以外的)(?<!之外的)其他资金(?!安排|的?项目)"),  # 江苏 prints 其他资金 for it
    # the year's own 财政拨款, without the carry-over (当年新拨的, 本年财政拨款收入): the 财政拨款收支总表's 本年收入
    ("fiscal_current_year", r"(?:当年|本年|今年)新?拨(?:的|了)?(?:财政拨款|钱|资金)?|(?:当年|本年|今年)新(?:安排|下达)的?(?:财政拨款|钱|资金)|"
                            r"新拨(?:的|了)?(?:财政拨款|钱|资金)?|财政拨款(?:的)?本年收入|本年财政拨款(?:收入)?"),
    ("fiscal_total", r"(?<!非)(?<!一般公共预算)(?<!用)(?<!不用)(?<!不是)(?<!并非)(?<!不属于)(?<!不来自)"
                     r"财政拨款(?!结转|安排|的?项目|以外|之外)(?:收入)?(?:合计)?"),
    ("fiscal_total", r"财政(?:给|拨|出)了?(?:多少|几多|[\d.]+万)"),  # 财政给多少、自己事业收入多少: 财政拨款 said plainly
    ("basic_expenditure", r"基本支出|人员公用经费|人员经费和公用经费支出"),  # 西安 收支总表: 人员经费和公用经费支出 = 基本支出
    ("personnel", r"人员经费|人员开支|人头经费|花在人(?:头|员)?身?上|养人的钱|人员(?=(?:和|与|及|、)(?:日常)?公用)|"
                  r"(?<![其他])人员支出(?!表)"),  # 按用途分：人员支出、日常公用支出、项目支出
    ("public_expenses", r"公用经费|日常公用(?:支出|经费)?(?!表)"),
    ("project_expenditure", r"项目支出(?!表|绩效|明细表)|专项业务(?:经)?费|项目经费(?=一共|总|合计|共|是多少|有多少|多少)|"
                            # 基本支出和专项经费: beside 基本支出, 专项 is the other half of the spending
                            r"(?<=基本支出[和与、及])专项(?:经费|支出|业务费)"),
    ("reserve", r"(?:单位)?(?:预留)?机动经费|(?<=[、和与及])机动(?:费)?(?=[、和与及]|各|分别|占|是|多少|呢|$)"),  # 基本、项目、机动各占多少  # 单位预留机动经费 (Jiangsu: 支出 = 基本 + 项目 + 机动经费)
    ("operating_expenses", r"机关运行经费|机关运行费|机构运行经费(?!项目)"),
    ("three_public.total", r"三公"),
    ("three_public.overseas", r"因公出国\(境\)费|出国|出境"),
    ("three_public.reception", r"(?:公务)?接待"),
    ("three_public.vehicles", r"公务用车购置及运行(?:维护)?费|公务用车(?:购置[及和与、])?运行(?:维护)?费用?(?=合计)|"
                             r"公务用车(?!运行|购置)|用车费用|车辆(?!购置|运行)|"
                             # a bare 车 among the family's members (车和接待各多少), where 三公 is asked
                             r"(?<![公用购买])车(?=[和、及与跟]|分别|各|呢)|(?<=[和、及与跟])车(?![辆费])"),
    ("three_public.vehicle_purchase", r"(?:公务用车|车辆)?购置费?|购车|买车|买(?:的|了|来的)?(?:公务|新|警|执法|专用)?用?车(?![间站票])"),
    # 运维: the colloquial short form of 运行维护
    ("three_public.vehicle_operation", r"(?:公务用车|车辆)?运行(?:维护)?费|用车运行|运行维护(?=各|分别|多少|花|是|要|用)|运维(?:费)?|"
                                        r"(?<=购置[和与、])运行(?:维护)?|"
                                       r"养车|车辆?的?维护"),  # 买车和养车各多少: keeping the cars running
    # 政府购买服务明细表's 合计 (北京 预算11表), before 服务 can be read as 政府采购's service part
    ("purchased_services", r"(?:政府)?购买(?:的)?服务(?!类)|(?:花钱|出钱)买服务|(?<![采])买(?:的|来的)?(?:政府|公共)?服务(?!类)"),
    ("procurement.total", r"政府采购|采购"),
    ("procurement.goods", r"货物"),
    ("procurement.works", r"工程"),
    ("procurement.services", r"服务"),
    ("authorizedStaff", r"编制数|编制人数|在编人员|在编人数|(?<!预算)编制(?!内|外|的项目|说明|范围)"),
    ("actualStaff", r"实有人数|实有人员|实有|多少人|几个人|几人(?!负责)|人数|"
                    r"(?:多少|几)(?:名|个|位)?(?:工作人员|职工|员工|干部职工|干部)(?!经费|支出|福利)"),
    ("activeStaff", r"在职(?:人员|人数)?"),
    ("retireeStaff", r"(?<!单位)离退休(?:人员|人数|干部|的)?(?!费|人员经费|经费|支出)"),  # 单位管理的离退休人员104人: one count of both
    ("retiredStaff", r"(?<!离)退休(?:人员|人数)?(?!费)"),
    ("retiredVeteranStaff", r"离休(?:人员|人数)?(?!费)"),
]
# Words that are a measure only where their family is asked about (its anchor occurs).
FAMILIES: dict[str, str] = {
    "three_public.vehicles": r"三公|公务用车|车辆|用车",
    "three_public.vehicle_purchase": r"三公|公务用车|车辆|买车|购车|用车|车的|车子|公务车|公车|买(?:的|了)?(?:新|警|执法|专用)车",
    "three_public.vehicle_operation": r"三公|公务用车|车辆|公车|用车|每辆|一辆|车的|车子|养车|买车|购车|换车|[几多少]辆",
    "three_public.reception": r"三公|接待费",
    "three_public.overseas": r"三公|出国|出境",
    "procurement.goods": r"采购", "procurement.works": r"采购", "procurement.services": r"采购",
}
# Bare amount words: the amount of whatever the focus is.
AMOUNT_WORDS = (r"多少钱|几万|多少万|金额|数额|预算额|预算规模|经费规模|资金规模|规模|多大|有多少|是多少|多少|"
                r"安排了?多少|总额|预算是|预算有|预算多少|几个亿|花了?多少|钱")
# Where a department's money comes from / goes to: its income or expenditure broken down.
INCOME_BREAKDOWN = r"收入来源|收入构成|收入结构|来源构成|收入由哪|钱(?:都|主要|分别)?(?:是)?从哪|收入(?:都|主要|分别)?(?:是)?从哪|钱(?:分别)?来自|资金来源有哪|哪几块|哪些来源|来源有哪|" \
                   r"各项收入|各类收入|收入分别(?!是?多少|为多少)|收入各(?!是?多少|为多少|有多少)"
# Other income beside a source named (除了财政拨款还有别的收入吗): every source of the income, the one
# named among them — a question about the breakdown, not about the named source's amount.
INCOME_BESIDES = (r"(?:除了?[^，。？?；;]{1,14}?|[^，。？?；;]{2,14}?(?=以外|之外))(?:以外|之外)?[，,]?(?:还有|另有|有没有)"
                  r"(?:别的|其他|其它|哪些|什么)?(?:收入|来源|钱|资金)|别的(?:收入|来源|资金)"
                  # 收入里除了财政拨款还有什么 / 财政拨款以外的钱 / 收入还有哪些非财政拨款: the sources beside fiscal money
                  r"|(?<=收入里)除了?(?:财政拨款|一般公共预算)[^，。？?；;]{0,4}?(?:还有|另有)(?:别的|其他|其它|哪些|什么)"
                  r"|(?:财政拨款|一般公共预算拨款)(?:以外|之外)的(?:收入|钱|资金)"
                  r"|收入[^，。？?；;]{0,6}?(?:还有)?(?:哪些|什么)非财政(?:拨款)?")
INCOME_BREAKDOWN = INCOME_BREAKDOWN + "|" + INCOME_BESIDES
EXPENDITURE_BREAKDOWN = r"花在哪|用在哪|用到哪|都花在|花到哪|主要用于|主要用在|支出结构|支出构成|支出方向|钱都用"

# A project's attributes other than its amount.
PROJECT_ATTRIBUTES: list[tuple[str, str]] = [
    ("funding", r"来源|出自|哪一块|哪块|哪类资金|什么钱|资金性质|从哪|哪部分|资金渠道|哪项收入|什么资金|是什么资金|"
                r"用的是|哪里来|哪来|来自|(?:钱|资金|经费)(?:是)?怎么来|哪儿出|哪里出|谁出钱|谁来出|"
                r"(?:钱|资金|经费)(?:是不是|是否|是)(?:由)?财政(?:拨的|拨款|出的|给的|安排的?)|财政拨的吗|"
                r"财政(?:拨|出|给)了?多少|(?:单位)?自(?:己|筹)(?:出|筹)?了?多少|"
                r"财政(?:拨款|资金)?还是|还是(?:其他|单位|自有|自筹)资金|"
                r"(?:各|分别)(?:出|拨|负担)了?多少|"
                # 180万里财政拨款多少、其他资金多少: its money by source, each source asked in turn
                r"(?:财政拨款|财政资金|一般公共预算|政府性基金|其他资金|单位资金|上年结转)(?:安排|出|拨)?了?(?:多少|几)[、，,和与及还又]"),
    ("category", r"新安排|新增的|结转下来|还是.{0,6}结转|是不是.{0,4}结转|是否.{0,4}结转|结转的吗|上年结转的|当年安排的还是"),
    ("unit", r"承担单位|实施单位|执行单位|哪个单位承担|由哪个单位|哪家单位负责|哪个单位负责|谁承担|哪个部门负责|承担|"
             r"哪(?:个|家)单位(?:在)?(?:做|干|办|实施|执行|管|搞|花|用)|交给谁|由谁(?:来)?(?:做|干|办|实施|执行)|"
             r"谁(?:在|来)?(?:做|干|办|实施|执行)(?:的|呢)?[?？]?$"),
    ("person", r"负责人|谁负责|由谁负责|牵头人|联系人|负责(?!什么|人)"),
    # the 主管部门 a project's performance sheet names (bkg:supervisingDepartment)
    ("supervisor", r"主管部门|主管单位|归口(?:管理)?(?:部门|单位)|哪个部门主管|谁主管"),
    ("description", r"用途|用来做什么|做什么用|干什么|干嘛|干啥|主要内容|资金分配|分配情况|怎么花|怎么分|如何分配|"
                    r"具体怎么|用于哪些|用在哪|花在哪|包括哪些内容|明细(?=是|有|呢|$)|拆成|拆分|分成哪|分为哪|"
                    r"怎么算|如何(?:计算|测算)|(?:测算|计算)(?:依据|方法|过程)|(?<!钱)(?<!资金)(?<!经费)怎么来的|标准是多少|"
                    r"(?:怎么|如何|按什么)(?:补|补助|补贴|发放|给钱)|补助标准|补贴标准"),
    ("period", r"执行时间|执行期|资金执行时间|什么时候执行"),
    # what a 决算's 绩效自评表 prints of a project
    ("initial_budget", r"年初预算(?:数)?"),
    ("executed", r"执行了?多少|执行数|实际执行|执行(?:了|的)?金额|执行得?怎么样|执行情况"),
    ("execution_rate", r"执行率"),
    ("score", r"自评(?:得)?分(?:数)?|得分|(?:打|评|得)了?多少分|(?:自评)?分数|评分|(?<![部成])分(?:数)?最(?:低|高|少|多)|最(?:低|高)分"),
    # the 其中 lines of a project's table: 财政拨款 / 上年结转 / 其他资金
    ("funds", r"(?:有)?多少是(?:上年)?结转|上年结转(?:的)?(?:资金|部分|钱)?(?:有|是|占)?多少|资金构成|"
              r"(?:钱|资金|经费)(?:是|都是)?(?:怎么|如何|怎样|由哪些|由什么|由哪几块)(?:构成|组成)|"  # 这个项目的钱是怎么构成的
              r"其中(?:的)?(?:财政拨款|上年结转)|多少是(?:今年|当年|新)?(?:的)?财政拨|(?:今年|当年)新?拨的|新拨的?(?:财政拨款)?|"
              # 财政拨款和上年结转各多少 (after a project): its lines, each asked
              r"(?:财政拨款|财政资金|一般公共预算|政府性基金|其他资金|单位资金|上年结转)[和与、及](?:财政拨款|财政资金|一般公共预算|"
              r"政府性基金|其他资金|单位资金|上年结转|结转)(?:资金)?(?:各|分别)"),
]
# the ends of a ranking a question asks for (谁最多、谁最少)
EXTREMES = r"最多|最少|最大|最小|最高|最低"
# A row of the ranking just made, named by its place in it (最大那个, 排第一的, 第一名): no name of its own.
RANKED_ROW = (r"(?:最大|最多|最高|最小|最少|最低|第一|排第一|头名|头一|老大)(?:的)?(?:那|这)(?:个|项|一项|一个|笔|块)?|"
              r"(?:排在?第[一二三1-3]|排名第[一二三1-3]|第[一二三1-3](?:名|位))(?:的|位)?")
# 自评多少分: the score a 绩效自评表 gives a project, asked beside its indicators too
SCORE_ASK = dict(PROJECT_ATTRIBUTES)["score"]
# the projects a 决算 evaluates itself (绩效自评表), and a 决算/预算's publication named as the document
SELF_EVALUATED = r"(?:公开(?:了)?)?(?:绩效)?自评(?:的)?(?:结果|得分|分数)?(?:的)?(?:项目|表)?|(?:决算|预算)公开(?:的)?"

# A slip asked for in the document's own words (科目用错了, 记错了科目, 承认哪笔钱用错): see ADMITTED_SLIP.
ADMITTED_SLIP_ASKED = r"用错|记错|错用|误用|错列|列错|放错|挂错|承认[^，。？?]{0,12}错"
# ----------------------------------------------------------------------------------- focus
# Words that say what the answer is a list or figure of. Weights are evidence for that focus.
FOCUS_WORDS: list[tuple[str, float, str]] = [
    ("projects", 2.0, r"项目(?!支出|经费(?=一共|总|合计|共|是多少|有多少|多少)|负责人)|(?<!基本支出和)(?<!基本支出与)(?<!基本支出、)专项(?!资金收入|业务(?:经)?费)"),  # 专项业务经费: 西安's 项目支出, a figure
    ("projects", 3.0, r"哪些(?:项目|专项)|哪几个(?:项目|专项)|哪个(?:项目|专项)|什么项目|几个(?:项目|专项)|多少个(?:项目|专项)|(?:多少|几)[条笔项](?:项目|专项)|"
                      r"(?:项目|专项)有哪些|项目都有|项目是哪"),
    ("projects", 1.0, r"安排在哪|放在哪|列在哪|哪笔钱|哪笔经费|哪几笔|什么经费|给(?=[^，。？?]{2,12}安排)|"
                      r"(?<!运行)(?<!人员)(?<!公用)(?<!三公)(?<!三公\")(?<!业务)经费(?!规模|预算|是多少)"),
    ("subjects", 2.5, r"科目|功能分类|经济分类|类级|款级|项级|明细|构成|组成|由哪几|包括哪|包含哪|下设哪|下面有哪|按[类款]|按项(?!目)|"
                      r"分(?:为|成)?哪(?:几|些)(?:个|类|款)?项(?!目)"),
    ("subjects", 4.0, r"哪(?:些|几个)[^，。？?]{0,8}?科目"),  # 哪些支出科目完成率不到80%: a list of subject rows
    # 三大类支出各多少 / 几类支出分别多少 / 哪类支出在减少: the classes' rows, not the total
    ("subjects", 3.0, r"(?:[两二三四五六七八九十几]+大?|各)类支出[^，。？?]{0,4}?(?:各|分别)|哪(?:一)?类支出?(?:在|是)?(?:减少|增加|下降|增长|上升|压减)"),
    ("indicators", 4.0, r"指标|绩效目标|(?:怎么|如何|怎样)限定|量化(?:目标|要求)|考核|要达到|产出|效果|控制在(?:多少|几)|(?:要|打算|计划)?(?:完成|达到|做到|储备|建成)多少(?!钱|万|亿|经费|资金)|"
                        # 培训人数的目标和实际完成各是多少: a target asked by its number, and what was achieved
                        r"目标值|目标(?:定[了的得]?|设[了的得]?|设定[了的]?|是|为|各(?:是|定)?)(?:多少|几)|(?<=率)的?目标|目标(?:和|与|跟)实际|实际完成(?:值|多少|了多少|各)|"
                        # 定了哪些数量和效益目标: targets asked by their kind
                        r"(?:数量|质量|时效|成本|效益|满意度)(?:和|与|、|及)?(?:数量|质量|时效|成本|效益|满意度)?(?:方面)?的?目标|"
                        # 定了什么目标 / 年度目标是什么: a project's goals asked (its targets and its text's)
                        r"(?:定|设|提)了?(?:什么|哪些|啥)(?:样的)?目标|(?:年度|总体)目标(?:是|有)?(?:什么|哪些|啥)"),
    ("policies", 3.0, r"依据|引用|文件|政策|文号|印发|通知|办法|规划|根据什么|凭什么"),
    ("persons", 3.0, r"负责人(?:都有谁|有哪些|是谁|都是谁)|项目负责人|谁负责|由谁负责"),
    ("divisions", 4.0, r"科室|处室|内设|内部设|机构设置|部门设置|设了?(?:哪(?:些|几个)?|几个|多少个)(?:科|处|机构|部门)|下设机构"),
    ("subordinates", 4.0, r"下属单位|下属机构|所属单位|二级(?:预算)?单位|直属(?:事业|行政)?单位|下属预算单位|"
                          r"(?:包括|包含|有)(?:哪些|哪几家|哪几个|几家|几个|多少个|多少家)(?:预算)?单位|"
                          r"由哪(?:些|几家|几个)(?:预算)?单位(?:组成|构成)|"
                          r"(?<![哪这那])(?:几|多少)(?:个|家)(?:二级)?(?:预算)?单位(?![的之中里])|"
                          r"(?<![哪这那])(?:几|多少)(?:个|家|所|座)(?:监狱|医院|学校|学院|戒毒所|法院|分局|事业单位)|"
                          r"参公(?:事业)?单位|参照公务员法管理|"
                          r"纳入[^，。？?]{0,14}(?:预算|范围)的?(?:预算)?单位|(?:预算|编制范围)(?:内)?的单位(?:有|是|都)|"
                          r"(?:下面|下辖|下属|管着|管辖|所属)[^，。？?]{0,4}(?:几|多少)(?:个|家)[^，。？?\d]{0,8}"
                          r"(?:局|院|所|中心|站|单位|监狱)|"
                          r"纳入预算的单位|预算单位有|下属事业单位|所属事业单位|派出机构|派出单位"),
    ("assets", 4.0, r"(?:几|多少)(?:辆|台)|(?:几|多少)(?:公务用?)?车(?:辆)?(?=$|[？?呢，,。])|车辆数|"
                    # 单位车辆多少: how many vehicles, where no money word follows
                    r"(?<![用购置运行维护])车辆(?:总数|数量)?(?:有|是|共|一共|总共|总计)?(?:多少|几)(?!钱|万|亿|元|经费|费)|车辆情况|车辆构成|什么车|哪些车|哪类车|(?:各|分别)(?:有)?几辆|"
                    r"(?:实有|现有|拥有|配备|保有)(?:的)?(?:公务用?)?车|有(?:没有)?(?:公务用?)?车(?:辆)?(?=吗|么|没|[？?]|$)|有没有(?:公务用?)?车|(?:哪家|哪个|谁(?:家|的)?)(?:的)?车(?:辆)?(?:更|最)?(?:多|少)|车辆(?:的)?(?:价值|原值|账面)|资产占有|资产占用|资产使用情况|国有资产(?:的)?(?:占用|占有|使用)?(?:情况|怎样|怎么样|有多少|多少|有哪些)|资产情况|大型设备|"
                    r"房屋(?:面积|多大|有多少|多少)|(?:多大|多少)面积|面积(?:多大|多少|是多少|有多少)|多少平方米|几平方米|"
                    r"(?:几|多少)(?:处|栋|套)房|"
                    # 有没有下属单位和公车 (the cars held, said short), 车和百万以上设备各有多少
                    r"(?<![买购用])公车(?!费|购置|运行|运维)|(?:^|(?<=[，,？?。厅局委办院所站队府心]))(?:公务用车|车辆|车)(?:有|共有|一共有|总共有)?(?:多少|几)(?:辆|台)?(?=$|[？?呢，,。])|(?<=[和与及、])公务用车(?=$|吗|呢|没有|有没有)|车(?:辆)?(?=(?:和|与|及|、)[^，。？?]{0,8}设备)|"
                    r"(?:百万|\d+万)(?:元)?(?:以上|及以上)(?:的)?设备|固定资产|资产总(?:值|额|量)|国有资产(?:总|占有|情况)|"
                    # a class of assets asked by its worth (家具值多少钱, 房屋原值, 其他资产多少)
                    r"(?:房屋(?:和构筑物)?|车辆|公务用车|家具(?:和用具)?)(?:的)?(?:总)?(?:价值|原值|净值|账面价值|值多少)|"
                    r"(?:其他|无形)资产(?!购|处置|支出|费|收入)"),
    ("functions", 4.0, r"职能|职责|主要任务|负责什么(?!项目)|干什么的"),
    ("findings", 5.0, r"对不上|有没有(?:写|算|印|弄)?错|有错(?:吗|误)?|[核加合算][得不](?:上|对|拢)|(?:明显|哪些|哪里|哪儿|什么)错|错的(?:地方|数)?(?:吗|呢)?$|对[得不](?:齐|拢)|是不是等于|等不等于|等于[^，。？?]{0,14}吗|相等吗|对得上|能对上|对上吗|对上没|不一致|不相符|相符|勾稽|之和|不平|算错|差错|核对|对不对|不匹配|校验|有误|"
                      r"错误|出错|错漏|有问题|问题吗|准不准|对吗|写错|写对了?吗|写得对|加起来(?:是多少|和预算|等于)|等于合计|一致吗|相等吗|"
                      r"(?:加起来|加总|相加)[^，。,?？]{0,14}吗|自洽|矛盾|说得通|印错|前后一致|(?:说明|表|写)[^，。,?？]{0,14}一样(?:吗|不)"),
    # a slip the document admits in its own words (科目用错了, 记错了科目): the narrative's stated reasons
    ("findings", 5.0, ADMITTED_SLIP_ASKED),
    # the narrative's figures asked to be right (说明里…占比算得对吗): a check, whatever figure it names
    ("findings", 5.0, r"(?:说明|文字|正文)[^？?]{0,30}?(?:对吗|对不对|算得对|算对了|准不准|对得上|有误)"),
    ("definitions", 5.0, r"名词解释|是什么意思|什么意思|指的是什么|指什么|含义|定义|什么是|何为|口径|什么叫|啥是|"
                         r"啥叫|怎么理解|如何理解|解释一下|是指"),
    ("departments", 2.5, r"哪家|哪个单位|哪个部门|哪一家|哪些单位|哪些部门|各单位|各部门|各个单位|单位之间|部门之间|"
                         rf"{_N}家(?:单位|部门)?|{_N}个(?:单位|部门)|所有单位|全部单位|谁的|谁最|谁多|谁少|谁高"),
]

# ----------------------------------------------------------------------------------- operations
# A superlative alone asks the one first (最多的项目, 钱的大头花在哪): a rank of one.
SUPERLATIVE = r"最大|最多|大头|最高|最小|最少|最低|最贵|最便宜|最猛|最快|最狠|最厉害|最差"
# a total asked (合计多少, 加起来): the sum operation's words, also whether a sum across departments is asked
SUM_WORDS = r"合计|总共|一共|加起来|总和|之和|共计|加总|总数"
OPERATION_WORDS: list[tuple[str, str]] = [
    ("count", r"(?<![哪这那])几个(?!人)|多少个|多少项|(?<![哪这那])几项|数量(?!指标)|个数|多少家|(?<![哪这那])几家|多少条|几条|几笔|多少笔|共有多少(?=项目|个)"),
    ("rank", rf"{SUPERLATIVE}|前{_N}(?:个|名|位|项)?|排名前|top|倒数|第{_N}(?:大|名|位|高|多|的|个|小|少)|"
             r"哪个.{0,4}最|位居第|排第|主要(?:花|用)在(?:了)?哪(?:些|几)"),
    # (主要花在哪个科目上: every row, the largest first — the one asked and where the others stand)
    ("sort", r"排序|排个序|排名|从高到低|从低到高|从大到小|从小到大|从多到少|从少到多|(?:怎么|如何)排|高低|依次|"
             r"主要(?:花|用)在(?:了)?哪(?:个|一)"),
    ("compare", r"比较|对比|比一比|比一下|比比看|哪(?:个|家|一家|边|方)(?:更|比较)?(?:多|少|高|低|大|小)|(?:哪(?:个|家|一家|边|方)|谁)[^，。,?？]{1,8}?更(?:多|少|高|低|大|小)|谁多|谁少|谁高|相比|是不是比|是否比|(?<!占)比(?!上年|去年|上一年|前一年|例|重)[^，。,?？的多少]{1,12}(?:多|少|高|低|大|小)|"
                r"谁的?[^，。,?？]{0,10}(?:多|少|高|低|大|小)|"
                # 哪个减得多 / 哪项压得狠: which of the changes just asked is the larger
                r"哪(?:个|项|一项|家|一个)?[^，。,?？]{0,4}(?:增|减|涨|降|压)(?:得更?|了更|更)(?:多|少|快|狠|厉害)(?!少)"),
    ("sum", SUM_WORDS),
    ("difference", r"多多少|少多少|差多少|(?<![占有])(?:高|低|大|小)多少|相差|差额|差距|高出|低了多少|多出|少了多少|多了多少|差了多少|差几|"
                   r"空(?:着|了|出)?(?:几|多少)个?编|空编|缺编|编制缺口|还(?:有|能进|可以进)(?:几|多少)(?:个)?人"),  # 编制 less 实有
    ("share", r"占比|比重|比例|占多少|各占|占了|百分之几|占.{0,8}的?(?:百分|%)|所占|占[^，。,?？]{0,12}?的?(?:多少|几成)"),
    ("growth", r"增长率|增速|增幅|降幅|涨幅|(?:变化|变动|增减|调整)?幅度(?:是|有|为)?(?:多大|多少|几何)|涨了多少|增长了?多少|下降了?多少|减少了?多少|增加了?多少|压减了?多少|"
               r"哪(?:一)?(?:块|项|部分|个)(?:钱|经费)?(?:减|降|少|增|涨|多|压)(?:少|低|加|长|减)?(?:了|下来|下去|上来|上去)|"  # 哪块减了 / 哪一块减下来的
               r"变化|增减|多了|少了|涨了|降了|每年涨|每年增|逐年|各?(?:增|减|涨|降|压)了多少|"
               r"是?(?:增|涨|升|多)(?:加|长)?(?:是|还是)(?:减|降|少)(?:少|低)?|砍了|砍掉|削减了?|缩减了?"),
    ("change", r"比上年|较上年|比去年|较去年|同比|与上年相比|和上年相比|上年相比|较上一年|比上一年|压减|"
               r"(?:跟|和|与|同)(?:上年|去年|上一年)(?:比|相比|对比)|"
               r"(?:为什么|为啥|咋|怎么)(?:会|这么)?(?:降|减|少|增|涨|多|变|砍|压|暴|猛|激|骤|锐|飙|翻)|"
               r"(?:为什么|为啥|怎么)(?:会|今年|当年|本年)?(?:没有?|是零|为零|是0|为0)(?!找到|说明|列)|翻了?[一两几]?(?:倍|番)|(?:下降|减少|增加|增长|变化)的?原因|"
               r"(?:暴|猛|激|骤|剧|大)(?:增|涨)|飙升|锐减|骤降|暴跌|大降|大减"),
    ("derive", r"推算|倒推|(?<!怎么)(?<!如何)(?<!怎样)算出|反推|推出|推断|算得(?![对准没不])"),
    ("completion", r"(?:决算|执行|实际支出|实际|支出)(?:数)?(?:超过|超出|高于|大于|多于|低于|少于|小于|不到|没有?达到|未能?达到|达不到)了?(?:年初|调整)?预算|"
                   r"完成率|执行率|完成了?多少|执行了?多少|预算完成|执行情况|完成情况|完成(?:了)?(?:年初|全年|调整)?预算|"
                   r"(?:完成|执行)(?:了)?(?:预算)?的?(?:百分之(?:几|多少)|几成|多大比例|比例)|(?:执行|完成)得?(?:最|比较|较)(?:差|好|慢|快)|"
                   r"(?:执行|完成)(?:得|的)?(?:怎么样|怎样|如何|好不好|咋样)|"
                   r"(?:为什么|为啥|怎么)(?:只|才|就)(?:花|用|支出|执行|完成)了?"),  # 为什么只花了一点点: below its budget
    ("ratio", r"几倍|多少倍|倍数"),
    ("per_capita", r"人均|每人|平均每个人|平均每人|平均(?:每|一)(?:个|名|位)[\u4e00-\u9fff]{0,4}(?:员|人|工)(?![员人])|平均(?:每|一)(?:辆|台|套|户|间|家)|每(?:辆|台)车?平均|(?<![0-9一二两三四五六七八九十几])每(?:辆|台)车?(?:多少|几)"),
    ("yesno", r"是不是|是否|有没有|有无|吗$|吗\?|没有吧"),
    ("list", r"哪些|哪几|列出|有什么|清单|名单|一览|都有谁|都是谁|分别是|各是什么|名称|叫什么|叫啥|名字"),
]
# An indicator the 部门整体绩效目标表 marks in its 是否核心 column (核心指标), or not (非核心 / 不是核心).
CORE_INDICATOR = r"(?P<not>非|不是|不属于)?[“\"‘]?核心[”\"’]?(?:的)?(?:绩效)?指标"

# A branch or sub-unit of a department (县分局, 派出所): a keyword ending so names an organisation of its own.
SUB_UNIT = r"[\u4e00-\u9fff]{2,}(?:分局|分院|分所|分中心|分队|支队|大队|中队|派出所|管理站|管理所)$"
# A count of the department's units of one kind (管着几个监狱, 有几所学校): the kind, read off the names.
# A question asking how many units the budget covers, the department itself included (部门预算包括几家
# 单位, 决算汇总了几个单位, 纳入预算的单位几家): the document's own count of them (bkg:UnitCount) first.
UNITS_COVERED = r"包括|包含|纳入|组成|汇总|几家|(?:几|多少)(?:个|家)(?:二级)?(?:预算|决算)?单位"
# 纳入预算的有几家, 部门预算包括几个单位: the count of the budget's units asked, whatever figure words it holds
UNITS_COVERED_COUNT = r"(?:纳入|包括|包含|汇总)[^，。？?,]{0,10}?(?:几|多少)(?:家|个)(?:单位)?(?![^，。？?,]{0,3}(?:项目|科目))" \
    r"|(?:几|多少)(?:家|个)(?:二级)?(?:预算|决算)单位"
UNIT_KIND_COUNT = r"(?:几|多少)(?:个|家|所|座)(?P<kind>监狱|医院|学校|学院|戒毒所|法院|分局)"
# The kinds of holding a 国有资产占有使用情况 states (bkg:AssetHolding), by the words that ask for each.
ASSET_KINDS: dict[str, str] = {"vehicles": r"车", "equipment": r"设备|家具", "buildings": r"房|面积|平方米|构筑物",
                               # the classes a chapter states by their value alone (``nlp.execute.assets.VALUE_KINDS``)
                               "furniture": r"家具|用具", "other": r"其他资产|无形资产",
                               "total": r"资产总|总资产|固定资产(?!投资)|国有资产(?:总|一共|合计|共|多少|有多少|价值)"}
# A count of things a budget does not count (床位, 无人机, 车辆 …): a measure word with its classifier,
# never money or a number of people, projects or items.
UNCOUNTED_THING = (r"(?:多少|几)(?:张|台|辆|套|户|间|头|只|座|架|艘)(?P<thing>[^\s，。,?？、]{1,4})"
                   # 出国团组去的是哪个国家、几天: details of a trip or an event no budget table prints
                   r"|(?P<detail>(?:多少|几)(?:天|趟|人次|批次|批|个国家)|(?:哪个|哪些|哪几个)国家|去(?:了)?哪(?:里|儿)?"
                   # 什么时候完工, 工期多久: a date or a duration, which no budget table prints
                   r"|什么时候|何时|哪天|几月份?|工期|多长时间|多久"
                   # 租的是哪个小区、多少平米: a place or a floor area, which no budget prints
                   r"|哪个小区|哪个楼盘|什么地址|具体地址|地址在哪|多少平(?:方)?米?|多大面积|面积(?:是)?多少)"
                   # 住了多少老人, 服务多少居民: people a unit serves, which no budget table counts (staff are 人员)
                   r"|(?:多少|几)(?:个|位|名)?(?P<people>老人|老年人|儿童|学生|患者|病人|乘客|游客|居民|村民|市民|群众|客流|罪犯|犯人|服刑人员|在押人员|戒毒人员|访客|来访者)"
                   # 有多少在编民警, 几名法官: people of one calling — the documents count staff by 编制 and 实有,
                   # never by profession (所有在编人员 is the staffing itself: 人员/人数 stay staff words)
                   r"|(?:多少|几)(?:个|位|名)?(?P<calling>(?:在编|在职|编外|聘用|合同制?|临时|专职|兼职|一线)*"
                   r"(?:民警|警察|辅警|法官|检察官|教师|老师|医生|医护人员|护士|律师|志愿者|(?<=编外)[\u4e00-\u9fff]{0,3}人员"
                   r"|[\u4e00-\u9fff]{1,3}(?<![人职雇成委])员))")  # (普查员, 网格员 — not 人员, 职员, 委员: staff words)
# A count of things no budget table counts (审结了多少案件, 站点建设数量是多少): asked of a department with
# no figure named, it is said to be missing — never the department's total in its place.
COUNT_OF_THING = (r"(?:审结|办结|受理|办理|查处|处理|建设|建成|新建|培训|检查|检测|监测|服务|救助|调解|接待|开展|举办|完成)了?"
                  r"(?:多少|几)(?:个|件|起|宗|所|座|场|次|批|项)?(?P<thing>[\u4e00-\u9fff]{1,4}?)(?:[？?，。]|$)"
                  r"|(?P<what>[\u4e00-\u9fff]{2,8}?)的?(?:数量|个数|数目|总数)(?:是|有|为)?(?:多少|几)")
# A person asked by the office they hold (局长是谁, 谁是主任): budgets name no office-holders — only the people
# responsible for projects (项目负责人), asked by that word.
ROLE_ASKED = (r"(?P<role>(?:副)?(?:局长|厅长|主任|书记|处长|院长|部长|委员长|主席|一把手|领导班子|领导))"
              r"(?:是谁|叫什么|是哪位|姓什么|有哪些人|都有谁)|谁是(?P<role2>(?:副)?(?:局长|厅长|主任|书记|处长|院长|部长|领导))")
# Money asked per recipient (每个中级法院分到多少, 给每个区下达了多少, 补给了哪几家口岸单位): a split by payee no
# budget table prints — the recipient kind is ``who``/``who2``; the budget's own kinds (单位, 项目, 科目) are not payees.
RECIPIENT_SPLIT = (r"(?:每|各)(?:一)?(?:个|家|所|位|户|条|座)?(?P<who>[\u4e00-\u9fff]{1,6}?)(?:各)?(?:分到|分得|拿到|补给|拨给|拨付|"
                   r"分配|下达了?|分了|能拿|可以拿|拨了|给了)"
                   # 各条地铁线建设分别投了多少钱, 每座桥花了多少: a split by line or structure (条, 座 never count a
                   # budget's own kinds)
                   r"|(?:每|各)(?:一)?(?:条|座)(?P<who3>[\u4e00-\u9fff]{1,6}?)(?:建设|工程|项目)?(?:分别|各)?"
                   r"(?:投|花|安排|用|拨)了?(?:多少|几)"
                   r"|(?:补给|拨给|分给|发给|补助给?|补贴给?)了?(?:哪几|哪些)(?:个|家|所)?(?P<who2>[\u4e00-\u9fff]{2,6}?)(?:[、，,；]|$|每)"
                   # 给每个区县…的补助分别多少: the money given to each of a kind of recipient
                   r"|给(?:每|各)(?:一)?(?:个|家|所)?(?P<who4>区县|区|县|乡镇|街道|镇街|街镇|市县|县区|村|社区)"
                   r"[^，。？?]{0,14}?(?:补助|补贴|资金|钱|经费|奖补)(?:各|分别)?(?:是|有)?(?:多少|几)")
BUDGET_OWN_KINDS = r"单位|部门|项目|科目|处室|科室|文|文件|年|季度|月|类|款|项"
# A figure asked of each of a department's units or divisions in turn (各直属事业单位分别安排了多少编制,
# 给预算处、国库处这些内设处室各分了多少预算): a split the budget prints for units only in a table by unit, and
# for 处室 never; ``PER_UNIT_STAFF`` marks the figure asked as a head count rather than money.
PER_UNIT_ASKED = (r"(?:(?:各|每)(?:个|家|一个|一家)?[\u4e00-\u9fff]{0,6}?(?:单位|处室|科室|处|科|机构|中心)"
                  r"|(?:单位|处室|科室|机构|中心)[^，。？?]{0,6}?(?:分别|各自?))"
                  # (a figure named, not the units counted: 内设机构各有几个, 本级和下属单位各几个 count units)
                  r"[^，。？?]{0,8}?(?:(?:多少|几)[^，。？?]{0,3}?(?:预算|钱|经费|资金|拨款|编制|人|名额)"
                  r"|(?:预算|钱|经费|资金|拨款|编制|人员?)[^，。？?]{0,4}?(?:多少|几))")
# A follow-up that distributes over the units just listed (有哪些二级单位？各自预算多少): each of them, not the whole
EACH_OF_THEM = r"(?:那|那么|这些|它们|其)?(?:各自|每家|各家|每一家|分别)"
PER_UNIT_STAFF = r"编制|多少人|几个人|几人|人数|人员|名额"
# the figures just listed asked added up (前三项合计, 两项加起来占多少)
LISTED_SUM = r"合计|加起来|加在一起|一共|总共|共计|加总|之和"
# A count the question itself states for a per-unit figure (15辆车平均每辆…): the number and its classifier.
# (平均一辆 / 每一辆 is "per vehicle", not a count of one)
STATED_COUNT = rf"(?<![平均每])(?P<n>{_N})(?P<unit>辆|台|套|户|间|家)"
# A set the question names by its size (三家单位, 这三份预算, 5个项目中): a scope, not a topic.
SET_SIZE = (rf"(?:这|那)些?{_N}(?:家|个|份|项)(?:[\u4e00-\u9fff]{{1,6}}?(?=单位|部门|预算|文件))?(?:单位|部门|预算|文件|项目)"
            rf"|(?:全部|所有)?{_N}(?:家|个|份|项)(?:单位|部门|预算|文件|项目)?(?=中|里|之中|当中|的|,|，|从|按|$)")

# ----------------------------------------------------------------------------------- filters
CATEGORY_WORDS: list[tuple[str, str]] = [
    ("carryover", r"上年结转(?:和?结余)?(?=[^，。,?？]{0,8}项目)|(?:带|含|用|动用|使用)(?:着|了|到)?(?:上年)?结转(?:结余)?的?(?:资金|钱)|上年结转(?:下来|过来)?的?(?:项目|资金)|结转项目|结转的项目|结转(?:下来|过来)的项目|结转资金安排|结余资金|"
                  r"结转结余项目|以前年度|含上年结转|包括上年结转|结转的|结转(?:的)?那(?:笔|部分)"),
    ("current", r"当年(?:预算)?安排|新安排|本年(?:度)?安排|当年的?项目|当年预算项目|新增项目"),
    ("unit_funds", r"只用单位资金|完全不用财政拨款|非财政拨款|单位资金项目|单位自有资金|自有资金|"
                   r"(?<!是)不(?:靠|用|是|花|走)(?:本级)?财政(?:拨款)?(?:的|资金)?|"
                   r"(?<!是)(?:不是|没有?)(?:靠|用|花|走)(?:本级)?财政(?:拨款)?(?:的|资金)?|"
                   # 一分财政拨款都没有、全靠其他资金的: paid by other funds alone
                   r"(?:一分|一点|分文)?财政(?:拨款)?(?:都|也)?没(?:有|用|花|要)|全(?:靠|是|用)其他资金|全部(?:是|为)其他资金|"
                   r"财政(?:拨款)?(?:的钱)?(?:一分钱?|一点|分文)(?:都|也)?没(?:有|用|花|要)"),
]
FUNDING_WORDS: list[tuple[str, str]] = [
    ("fiscal", r"(?<!不)用财政拨款|(?<!非)财政拨款安排|(?<!非)财政拨款的?项目|一般公共预算项目|财政资金安排|表7"),
    ("transfer", r"转移支付"),
    # the parts of 财政拨款 a project table prints as columns (广东 表12): named beside 项目, a condition on
    # the projects (哪些项目花的是政府性基金), by the funding concepts' keys; alone, an income figure
    *((key, rf"(?:{rx})(?:预算)?(?:资金|拨款)?(?:安排)?的?(?=[^，。,？?；;]{{0,4}}项目)|项目(?:里|中)?[，,]?[^，。,？?；;]{{0,8}}(?:{rx})")
      for key, rx in (("government_fund", "政府性基金"), ("state_capital", "国有资本经营"),
                      ("fiscal_special_account", "财政专户"))),
]
# the funding keys above that a project's money by source (bkg:fundsPart) answers, and their words
SPLIT_FUNDING = {"government_fund": "政府性基金预算", "state_capital": "国有资本经营预算",
                 "fiscal_special_account": "财政专户拨款"}
# The income sources of a subject's money (the columns of the income table by subject), by the funding
# concepts' keys (ontology/schemes.ttl funding/…); "carryover" is either carry-over column.
INCOME_SOURCE_WORDS: list[tuple[str, str]] = [
    ("fiscal", r"(?<![非不])(?:是)?财政(?:拨款|拨的|给的|出的|出了|安排|资金|补助)|(?<![非不])财政拨(?!款)"),
    ("general_public_budget", r"一般公共预算(?:拨款|资金)?"),
    ("government_fund", r"政府性基金"), ("state_capital", r"国有资本经营"), ("fiscal_special_account", r"财政专户"),
    ("unit_business", r"事业收入"), ("unit_operating", r"经营收入"), ("unit_other", r"其他收入|其他资金"),
    ("unit_upper", r"上级补助收入"), ("unit_affiliated", r"附属单位上缴"),
    ("unit_funds", r"单位资金|自有资金|自己的(?:收入|钱)|非财政拨款|不是财政拨款"),
    ("upper_level_transfer", r"上级(?:一般公共预算安排的?)?转移支付"), ("carryover", r"上年结转|上年结余[、和及与]?结转|(?<!年末)(?<!年底)结转(?:资金|的钱|的资金|下来的钱)|"
                  r"(?:含|有|用了?|占)(?:多少|几成)?(?:上年)?结转(?=的?(?:部分|资金|钱)?(?:占|有|是)?(?:多少|几成)?(?:[？?，,。；;]|$))"),
]
# a source word followed by 支出 names an expenditure table's scope (一般公共预算支出), and one before
# 里/中 the funds a breakdown is taken in (财政拨款里社会保障和就业支出由哪几项组成), not a source
INCOME_SOURCE_WORDS = [(key, rf"(?:{rx})(?!(?:拨款|预算|安排的?)?(?:支出|基本支出|项目支出)|里|中|当中)")
                       for key, rx in INCOME_SOURCE_WORDS]
# Which source key of the income table a department-level income figure is (其他收入 → unit_other).
SOURCE_OF_MEASURE = {"fiscal_total": "fiscal", "general_public_budget": "general_public_budget",
                     "government_fund": "government_fund", "state_capital": "state_capital",
                     "unit_funds": "unit_funds", "upper_level_transfer": "upper_level_transfer",
                     "carryover_total": "carryover", "carryover_fiscal": "carryover", "carryover_nonfiscal": "carryover",
                     **{k: k for k in UNIT_FUND_LINES}}
# What a sum of money is used for or where it is listed (政府性基金用在哪些科目, 国有资本经营预算那笔钱
#是干什么的, 事业收入列在哪个科目, 政府性基金来自哪两类基金): with an income source named or just asked,
# the subjects that source pays for (the income or fund tables by subject), not the department's figure
# nor its functions.
SOURCE_USE = (r"用在|花在|用于|用到|安排在|安排到|列在|放在|落在|落到|落实到|分布在|投向|科目|干什么|干啥|干嘛|做什么用|用来做什么|用途|"
              r"哪[几两三四]类")
INCLUDE_WORDS = r"也算|也包括|也计入|也算在内|也要算|包括|包含|含|连同|算上"
# 机关运行经费 is the 公用经费 (日常公用经费) of the basic expenditure a body funded like an administration
# spends: the rows inside it are the economic rows of the public column.
COLUMN_WORDS: list[tuple[str, str]] = [("project", r"项目支出|专项业务经费"), ("basic", r"基本支出"),
                                       ("personnel", r"人员经费|人员开支|人头经费|花在人(?:头|员)?身?上|养人的钱|人员(?=(?:和|与|及|、)(?:日常)?公用)"), ("public", r"公用经费|机关运行经费")]
# The columns a wider column holds (人员经费 and 公用经费 are the two parts of 基本支出).
COLUMN_WITHIN = {"personnel": "basic", "public": "basic"}
# Where a figure's money comes from, asked of the figure (项目支出用的是什么钱, 钱从哪来).
MONEY_SOURCE_ASKED = r"(?:是|用的?是?|花的?是?|靠的?是?|出自)(?:什么|哪(?:类|种|块))(?:钱|资金)|钱(?:是)?从哪(?:里)?来|资金来源|来源是"
# The 项 of a functional 类 or 款, called 项目 (法院款下哪些项目…): the subject rows, not projects.
ITEMS_OF_CLASS = r"(?:类|款)(?:下|下面|下边|底下|里|里面|中)的?(?:哪些|哪几个|哪个|各个?|每个|所有)?项目|按项目?分|分项目|按项列"
# Where a difference just asked comes from (主要差在哪, 差别在哪里): the parts of the figure compared.
WHERE_IT_DIFFERS = r"(?:主要)?(?:差|区别|差别|差异|不同)(?:主要)?(?:在|出在)(?:哪|什么)"
# Two kinds of money set against each other for one project (财政拨的还是单位自己的, 是一般预算还是基金).
SOURCE_CHOICE = (r"(?:财政|拨款|一般(?:公共)?预算|基金|单位|自有|自筹|自己)[^，。？?]{0,8}还是[^，。？?]{0,8}"
                 r"(?:财政|拨款|一般(?:公共)?预算|基金|单位|自有|自筹|自己)"
                 r"|财政(?:出|给|拨|掏)(?:钱)?(?:吗|了吗|没有|不)")  # 财政出吗: whether the appropriation pays, by its columns
# A 决算 figure set against its budget column in words (决算超过了年初预算, 执行数没达到预算): a bound of the
# completion rate at 100%, the direction the verb says.
BEYOND_WORDS = ("超过", "超出", "高于", "大于", "多于")
FINAL_AGAINST_BUDGET = (r"(?:决算|执行|实际支出|实际|支出)(?:数)?(?P<dir>超过|超出|高于|大于|多于|低于|少于|小于|不到|没达到|未达到)了?"
                        r"(?:年初|调整)?预算")
# How a project's money is split (分成了哪几块, 怎么分的): the parts its own text lists.
MONEY_SPLIT_ASKED = r"分成了?(?:哪|几)|分为(?:哪|几)|怎么分|如何分|拆成|拆分|分了?几块|分成几部分|由哪几(?:块|部分)(?:组成|构成)"
# Whether a table's rows add up, asked in so many words (明细加总对吗, 各项加起来对不对): a check.
SUM_CHECKED = r"(?:加起来|加总|相加|之和|小计|明细)[^，。？?]{0,6}(?:对吗|对不对|对得上吗?|对不上|正确吗|准确吗|有没有错)"
# Money asked for a use the question names in its own words (有没有钱用来请律师, 安排经费用于…吗): the
# projects funding that use, not a department's total.
MONEY_FOR_A_USE = r"(?:钱|经费|资金|预算)(?:是)?(?:用来|用于|用在|花在|拿来|专门用于)"
# A part asking for the rest of a set after one of its members was named (还有哪些核心指标, 其他的呢):
# the member's own words are not its filter.
OTHERS_ASKED = r"^(?:那)?(?:还有|另外还?有|其他|其余|别的|剩下)(?:的)?(?:还有)?(?:哪些|哪几|什么|呢)"
# (哪几类/各款 of a classification: its levels, not kinds of money or of indicators)
LEVEL_WORDS: list[tuple[int, str]] = [(1, r"类级|大类|一级科目|按类|\(类\)|(?:花|用|投)在哪一?类|几大块|几大类|几大部分|"
                                          r"哪[一几两三四五]?类(?!资金|经费|钱|收入|项目|指标|单位|人员)"),
                                      (2, r"款级|二级科目|按款|\(款\)|哪[一几两三四五]?款|各款|每一?款"),
                                      (3, r"项级|明细|具体(?=科目|到项|的科目)|三级科目|按项(?!目)|\(项\)")]
# 预算 alone names the document (部门预算) unless an amount question follows it (预算多少, 预算、决算各…).
PHASE_WORDS: list[tuple[str, str]] = [
    ("final_account", r"决算|实际(?:支出|花|使用)"), ("initial_budget", r"年初预算"),
    ("adjusted_budget", r"调整(?:后)?预算|全年预算"),
    ("budget", r"预算数|预算(?=又?(?:是|为|有|多少|各|、|和|与|及|安排了?多少|花了))")]
# Bounds: a comparison word before or after an amount. 以上/以下/以内 include the amount itself.
# The negated words first: 不少于 ends in 少于 and 不超过 in 超过, and means the opposite.
BOUND_BEFORE: list[tuple[str, str]] = [("<=", r"不超过|不高于|不多于|最多"), (">=", r"不低于|不少于|至少|上(?=$)"),
                                       ("<", r"低于|不足|少于|小于|不到|没到|没有到|没有?达到|未达|未能达到|达不到|未超过"),
                                       (">", r"超过|突破|大于|高于|多于|过|逾|超")]
BOUND_AFTER: list[tuple[str, str]] = [("<=", r"^(?:及|或)?(?:以下|以内|之内)"), (">=", r"^(?:及|或)?以上"),
                                      ("<", r"^(?:都|也|还)(?:不到|不足|没到|没有)"),
                                      (">", r"^(?:的)?(?:多|出头)")]
# 上千万 / 上百万 / 上亿: an order of magnitude reached ("上" right before a bare magnitude numeral).
BOUND_MAGNITUDE = (r"上$", r"[百千万亿]")
# A department-level figure named right before an amount (上年结转2254万多, 收入总计5个多亿): the amount
# states that figure, roughly, and bounds nothing
FIGURE_STATED_BEFORE = r"(?:结转|结余|收入|总计|合计|盘子|总额|总预算|预算|补助|支出|费|经费|资金|拨款)(?:有|是|为|共|约|大约|大概)?$"
FIGURE_STATED_AFTER = (r"^(?:多|余)?的?(?:上年)?(?:事业|经营|其他|上级补助|财政拨款|一般公共预算|政府性基金)?"
                       r"(?:结转|结余|收入|总计|盘子|预算总额|总预算)")  # 那812万多事业收入: that figure, roughly
BETWEEN = r"之间|至|到|-|~"
# The words of a bound, out of a clause's content words.
BOUND_WORDS = r"不超过|不高于|不多于|不低于|不少于|低于|不足|少于|小于|不到|没到|没有到|没达到|未达|未超过|超过|突破|大于|高于|多于|至少|以上|以下|以内|之内|之间|出头|到|至"
# Words asking about a narrative's percentages (占比, 增减幅度, 完成率) rather than its amounts.
PERCENT_ASKED = r"百分比|百分之|占比|比重|比例|增长率|增幅|降幅|增减幅度|幅度|完成率"
# A count question answers with the things it counts (projects, divisions, units) as rows up to this
# many; beyond, with the count alone (the names stay in the sentence) unless it asks for the names.
COUNT_LISTED = 8
NAMES_ASKED = r"哪些|哪几|分别|是什么|叫什么|名称|名单|清单|列出|列一下|都有|各是|各多少|具体"
# A statement's reason saying the year before has no figure (2019年新成立单位，无2018年决算数): nothing
# is derived for that year.
NO_PREVIOUS_YEAR = r"新成立|新组建|新设立|无(?:\d{4}年|上年)[^，。；]{0,8}数|上年(?:无|没有)"
# A yes/no question about whether a figure exists (有没有上年结转), answered 是/否 from its amount; and
# one about whether a figure is the whole of what it is part of (收入全部是一般公共预算吗).
EXISTENCE = r"有没有|有无|是否有|是否安排|有[^，。？?]{0,12}吗"
# A named division or unit whose existence a clause asks (有没有电子数据审计处, 是否设有法规处): the name.
EXISTENCE_OF_NAMED = (r"(?:有没有|有无|是否(?:设|设有|设置了?|有)|有)(?:设|设立|设置)?(?:一个|个)?"
                      r"(?P<thing>[^，。？?；;吗呢]{2,20}?(?:处|科|室|所|站|中心|队|院|局|办公室|分局|支队|大队))(?:吗|呢)?[？?。]?$")
ALL_OF = r"全部|全都|都是|全是|完全|只有"
# Words asking about a change against the year before (the narrative's 比上年 statements).
CHANGE_WORDS = r"比上年|较上年|比去年|较去年|同比|与上年|和上年|上年相比|压减|增加了|减少了|增加多少|减少多少|增长|下降|" \
               r"变化|增减|多了|少了|比\d{4}年|较\d{4}年"
# A comparison of changes (谁压得多, 哪个减得多, 哪个涨得快): the stated changes are compared, not the
# figures; the direction the words ask (压/减/降: the larger decrease).
CHANGE_COMPARED = r"(?:增|减|涨|降|压)(?:得更?|了更|更)(?:多|少|快|狠|厉害)(?!少)"
# 哪一类增加得最多: a ranking of the changes the document states, not of the amounts
# 哪类在减少 / 哪些科目比上年增加了: rows chosen by the direction of their stated change
CHANGE_CHOSEN = r"哪(?:些|几|个|项|一?类|一?块)[^，。？?]*?(?:在|是|有)?(?:减少|下降|压减|降低|增加|增长|上升)了?(?:的)?(?:[？?]|$)"
CHANGE_RANKED = r"(?:增加|增长|上涨|减少|下降|降低|压减|涨|增|降|减)(?:得|了)?最(?:多|快|猛|大|狠)"
# Clause openers that narrow the previous part (其中 …) or only add a condition to it.
# The year's new money as people set it against the carry-over (本年新拨的, 今年新安排的, 当年拨款).
NEW_MONEY_WORDS = r"本年|今年|当年|新拨|新安排|新增拨款"
# A change asked of a year-end figure against the same year's start (年末比年初多了多少), not the year before.
AGAINST_YEAR_START = r"[比较](?:年初|期初)|(?:与|和|跟|同)(?:年初|期初)(?:相比|比)"
NARROW_WORDS = r"^(?:其中|这其中|这里面|里面|当中|此外|另外)|(?:那|这)一?部分(?:呢|是多少|有多少|多少)?[？?]?$|部分呢[？?]?$"
# Words that put a clause inside the economic classification of a department's basic expenditure.
ECONOMIC_SCOPE = r"经济分类|经济科目|基本支出|人员经费|公用经费|商品和服务支出|工资福利支出|对个人和家庭的补助|机关运行经费"
# The rows asked of a figure's make-up (哪三项, 哪几项, 哪些): items, not the figure itself.
ITEMS_ASKED = (r"哪[一二两三四五六七八九十几\d]*[项个类款]|哪些|"
               r"(?:最多|最大|最高|最少|最小|最贵)的[一二两三四五六七八九十几\d]+[项个类款笔]|前[一二两三四五六七八九十\d]+[项个类款笔]")
CONDITION_ONLY = r"(?:也算|也包括|也计入|算在内|不算|不包括|除外|不含)"

# What the subject of a narrative's 比上年 statement says when it is about a figure.
STATEMENT_WORDS: dict[str, tuple[str, ...]] = {
    "general_public_budget": ("一般公共预算",), "income_total": ("收入总", "收支总", "收入预算"),
    "expenditure_total": ("支出总", "支出预算"), "basic_expenditure": ("基本支出",),
    "project_expenditure": ("项目支出", "专项业务经费", "专项业务费"), "unit_funds": ("单位资金",), "carryover_fiscal": ("财政拨款结转",),
    "carryover_total": ("年初结转", "上年结转和结余", "上年结转结余"),
    "carryover_nonfiscal": ("非财政拨款结转",), "operating_expenses": ("机关运行经费",),
    "carryover_year_end": ("年末结转", "年底结转", "结转下年"),
    "general_budget_expenditure": ("一般公共预算财政拨款支出",), "fiscal_expenditure": ("财政拨款支出",),
    "three_public.total": ("三公",), "three_public.overseas": ("出国",), "three_public.reception": ("接待",),
    "three_public.vehicle_purchase": ("用车购置", "车辆购置", "公车购置"),
    "three_public.vehicle_operation": ("用车运行", "车辆运行", "公车运行"),
    "three_public.vehicles": ("公务用车",), "procurement.total": ("政府采购",),
    # the funds of one kind are spent as they come in: 政府性基金预算支出 增加1496.50 is the change of the
    # 政府性基金 income where its stated amount is the graph's figure (``_agreeing`` keeps only those)
    "government_fund": ("政府性基金",), "state_capital": ("国有资本经营",),
}
# How many people, times or groups an expense paid for (公务接待了几次、多少人; 会议费…大概多少人参加):
# the counts the narrative prints with the expense's figure (bkg:StatedCount), not the staffing.
COUNTED_EXPENSES: list[tuple[str, str]] = [("接待", r"接待"), ("出国", r"出国|出境"), ("会议", r"会议"),
                                           ("培训", r"培训")]
# A count asked by the unit of what is counted (培训多少人, 办几次): an indicator's target in that unit.
UNIT_ASKED: list[tuple[str, str]] = [("人", r"多少人|几个人|几人|多少名|几名"), ("次", r"多少次|几次"),
                                     ("期", r"多少期|几期"), ("个", r"多少个|几个"), ("家", r"多少家|几家"),
                                     *((u, rf"多少{u}|几{u}") for u in ("篇", "户", "场", "份", "条", "套", "台", "批",
                                                                       "本", "册", "所", "座", "辆", "件"))]
# why a change is asked (为什么增加这么多, 原因是什么, 咋回事)
REASON_ASKED = r"为什么|为啥|原因|咋回事|怎么回事|因为什么|什么缘故|(?:多|少|增|减|涨|降|压)(?:在|到)了?哪"
# where an increase or a cut went (多出来的钱主要花在哪, 增加的部分用在什么地方, 减少的钱是哪块): the change's
# reason and parts as the document states them
USE_OF_CHANGE = (r"(?:多出来|多出|增加|新增|涨|多|增长|减少|少|减|压减|下降)(?:了|出来)?的(?:钱|部分|资金|经费|那部分|这部分|预算|那块|这块)"
                 r"[^，。？?]{0,6}(?:花在|用在|用于|用到|用来|用哪|干|做|去哪|哪去|是哪|在哪|主要是|体现在)")
# an average over the things just counted (平均每个项目多少, 平均每项多少钱, 平均下来一个多少)
AVERAGE_ASKED = r"平均(?:下来)?(?:每|一)(?:个|项|笔|家)|平均(?:每个)?(?:项目)?(?:多少|是多少|有多少)"
# the units a performance target counts in (≥3篇, 800个, 325人、户): a count asked in one of them of a
# named project (要发几篇稿子, 预计补助多少人) asks its targets
TARGET_UNITS = r"人次|户次|场次|个|篇|人|户|次|家|台|套|场|期|条|份|所|座|辆|名|批|本|册|件"
COUNT_ASKED = r"几次|多少次|几批|多少批|批次|人次|多少人|几个人|几人|团组|几个团|外宾|人数"
# An expense the narrative states a change of that is not a department-level figure (培训费, 会议费).
EXPENSE_WORD = r"[\u4e00-\u9fff]{2,3}费"
NOT_EXPENSE = r"经费|三公|公务|出国|运行费|购置费|接待费"
# What makes a statement about a narrower figure than the one its leading words name
# (一般公共预算拨款安排的会议费预算支出: 会议费 of the 一般公共预算, not the 一般公共预算 itself).
NARROWER_EXPENSE = r"[\u4e00-\u9fff]{2,3}费"
# The units inside one department (杭州市司法局系统里哪个单位…, 所属各单位谁最多): a ranking among them
# needs each unit's own figure, not the department's.
UNITS_WITHIN = r"系统(?:里|内|中|内部)|所属(?:各)?单位|下属(?:各)?单位|二级(?:预算)?单位|各(?:个)?单位|哪(?:个|家|一个|一家)(?:下属|所属)?单位(?!承担|负责|实施|执行|牵头)"
# A department's figure asked of its units, as people name them (``nlp.execute.units``): 本级, a
# count or 下属/下面 before a kind of unit (四个监狱, 两个下属中心), where the figure falls among them
# (分别落在哪几个单位), or any wording of ``UNITS_WITHIN``. Units named by their own names are found
# against the units the graph holds, not here.
# the government-budget economic classification named (政府预算支出经济分类 501 …, beside the
# departmental 30x one): its rows, never the 30x rows of the same names
GOVERNMENT_ECONOMIC = r"政府(?:预算)?(?:支出)?经济(?:分类|科目)|政府经济"
# The money of a department's budget units (下属单位预算最多的, 所属单位中收入最少的): their figures by unit.
UNIT_MONEY = r"预算|收入|支出|经费|钱|资金|盘子|规模"
# a share asked of each row just listed (各占多少, 分别占比多少), not of their whole
EACH_SHARE = r"各占|分别占|各自占|各自的?占比|分别的?占比"
# subjects asked by 科目 (花在哪两个科目, 哪些科目, 什么科目) rather than by a level: the most specific rows
WHICH_SUBJECTS = r"哪(?:[两二三四五六七八九十几些]|\d+)?个?(?:具体)?(?:功能|项级|经济)?(?:分类)?科目|什么科目"
# the subjects one spending column fills (项目支出都在哪个科目, 基本支出落在哪些功能科目): those rows
SUBJECTS_OF_COLUMN = (r"(?:基本支出|项目支出|人员经费|公用经费)[^，。？?]{0,6}(?:在|落在|分布在|列在|放在|花在|用在|走)(?:了)?"
                      r"哪(?:个|些|几个|几)?(?:功能|经济)?(?:分类)?科目|哪(?:个|些|几个)(?:功能|经济)?(?:分类)?科目(?:里|中|上)?有"
                      r"(?:基本支出|项目支出|人员经费|公用经费)|哪(?:些|几个|个)(?:是|属于|算|列)(?:基本支出|项目支出|人员经费|公用经费)")
UNITS_ASKED = (r"(?:局|厅|委|办|院)?本级|(?<![这那哪])(?:[两二三四五六七八九十]|\d+)(?:个|所|座)(?:下属|直属|所属)?的?"
               r"[\u4e00-\u9fff]{0,3}?(?:中心|监狱|戒毒所|医院|学校|站|队|单位)|(?:下属|下面|所属|直属|下辖)的?(?:各|[两二三四五六七八九十]个)?"
               r"[\u4e00-\u9fff]{0,3}?(?:中心|监狱|戒毒所|医院|学校|单位)|落在哪(?![几些一]?(?:个|项|类|款|科目))|哪(?:几|些)(?:个|家)?单位|"
               r"(?:在|是|属于|归)哪(?:一)?(?:个|家)单位(?!承担|负责|实施|执行|做|干)|"
               r"(?:各|每)(?:个|家)?(?:分局|分院|支队|大队|监狱|医院|学校)|" + UNITS_WITHIN)
# Figures a 决算 states that are no budget item of the graph (年末结转和结余: what is carried into the next
# year, not 上年结转结余 carried in): asked by name, answered from the narrative's statement about them,
# never by another figure.
STATED_ONLY_FIGURES: list[tuple[str, str]] = [
    ("年末结转和结余", r"(?:年底|年末|期末)的?结转(?:和|与|及)?结余|结转下年"),
    # a 决算's procurement awarded to small firms, stated only in its narrative (授予中小企业合同金额)
    # (the words up to the last 合同/采购 after it are the figure's: 中小企业拿到的采购合同 is not 政府采购)
    ("授予中小企业合同金额", r"(?:授予|给了?|签给|流向|落到)?中小企业(?!预留)(?:[^，。？?]{0,6}?(?:合同|采购|份额|拿到|占))+"),
    ("授予小微企业合同金额", r"(?:授予|给了?|签给|流向|落到)?小微企业(?!预留)(?:[^，。？?]{0,6}?(?:合同|采购|份额|拿到|占))*")]
# A share's base named by a bare word (占收入的比例, 占支出多少): the department's total of that side.
SHARE_BASE_WORDS: list[tuple[str, str]] = [("income_total", r"^(?:本年|全年|全部|部门|总)?收入(?:总数|总额|总量)?$"),
                                           # 占全部预算几成 / 占总预算 / 占整个盘子: the whole budget
                                           ("income_total", r"^(?:本年|全年|全部|部门|总|整个|整体|全局|全院|全厅|全委|全单位|全部门|单位)(?:的)?(?:预算|盘子|资金|钱)"
                                                            r"(?:总额|总数|规模)?$|^(?:预算)?(?:总额|总盘子)$"),
                                           ("expenditure_total", r"^(?:本年|全年|全部|部门|总)?支出(?:总数|总额|总量)?$")]
# A figure asked for what it is made of (上年结转结余由哪几部分组成): its parts in the ontology.
PARTS_OF = r"由哪几部分|由哪些部分|哪几部分|哪几块|哪几项组成|由哪几项|组成部分|构成|组成|包括哪些|包含哪些|分为哪|分成哪|细分|分哪"
# The economic classes a column of the basic-expenditure table is made of, where a table prints no
# such column (人员经费: 工资福利支出 and 对个人和家庭的补助; 公用经费: 商品和服务支出 and 资本性支出).
COLUMN_CLASSES: dict[str, tuple[str, ...]] = {"personnel": ("301", "303"), "public": ("302", "310")}

# ----------------------------------------------------------------------------------- audit
# What an audit question adds up against a printed total (…几个项目加起来和项目支出总额对得上吗,
# 支出按功能分类几类加起来等于总数吗): the parts named, each family with the figure its parts make up.
AUDIT_PARTS: list[tuple[str, str]] = [
    ("projects", r"项目(?!支出|绩效管理|资金口径)|绩效目标|项目支出[^，。,?？]{0,8}(?:明细|分项|各项)"),
    ("functional_classes", r"功能分类|按类|几类|[两二三四五六七八九十]大?类(?:支出|科目)|各类|分科目|各科目|科目"),
    ("three_public", r"三公"),
    ("procurement", r"政府采购|采购"),
    ("basic", r"人员经费[^，。,？?]{0,6}公用经费|公用经费[^，。,？?]{0,6}人员经费"),
]
# The words that ask for a sum against its total (an audit question without them lists the findings).
AUDIT_SUM = r"加起来|加总|相加|加在一起|之和|合计|总数|总额|总计|等于|一共|明细"
# A reason in the narrative that admits a slip of the document's own (西安急救中心对该功能科目使用错误，
# 实际应使用…): the statement answers a question asking for such a slip (ADMITTED_SLIP_ASKED).
ADMITTED_SLIP = r"使用错误|用错|错用|误用|错列|列错|记错|有误|应使用|应列|应为[^，。]{0,20}(?:科目|[（(][类款项][)）])"
# The classes of a table asked as a whole (四大类加起来, 各类相加, 类级): their sum against the table's total.
CLASSES_ASKED = r"[几两二三四五六七八九十]大?类|各(?:大)?类|大类|类级"
# Words asking whether two printed places agree (对得上吗, 是否一致, 加起来等于…吗, 够不够, 有没有出入,
# 到底是A还是B): an audit question, whatever figures, subjects or tables it names besides.
AGREEMENT_ASKED = (r"对得上|对不上|[核加合算][得不](?:上|对|拢)|对[得不](?:齐|拢)|能对上|对上吗|对不对得上|(?:是否|是不是)一致|一致吗|一致不|相符|有没有出入|有出入|"
                   r"核对|算[得的]?(?:对|准)(?:吗|不)|(?:加起来|相加|加在一起)[^，。,？?]{0,16}(?:吗|不|没)|等于[^，。,？?]{0,16}吗|够不够|够得上|够不上|到底是[^，。？?]{1,30}?还是")
# A follow-up that splits the count or sum just asked by a kind of money (财政拨款的几个、非财政的几个;
# 当年安排和上年结转各多少个): the dimension it splits by, when it names two kinds of it.
GROUP_WORDS: list[tuple[str, str]] = [
    ("funding", r"(?<!非)财政(?:拨款)?[^、，,和与及]{0,6}[、，,和与及].{0,4}非财政|单位资金[^、，,]{0,6}[、，,和与及].{0,6}财政"),
    ("category", r"(?:当年|新)[^、，,]{0,6}[、，,和与及].{0,6}结转|结转[^、，,]{0,6}[、，,和与及].{0,6}(?:当年|新)"),
]
# A question about a named project that asks for a target, not money (打算买几台无人机, 检查频次定的多少次,
# 在线率要求多少): the project's performance indicators answer it.
TARGET_ASK = r"[几多少]+[台个次套辆人名户家座条批期本册份场所]|要求|要达到|达到多少|定的|定了|目标值|上限|下限|[率度]|标准|怎么设|如何设|设[的了]|年度目标|总体目标|目标是(?:什么|啥)"
# (预算/经费/资金 ask money only near a question word: 专项资金 and 业务经费 end many projects' names)
MONEY_ASK = (r"多少钱|金额|规模|万元|花了|安排了|(?:预算|经费|资金)[^，。？?]{0,4}(?:多少|几|是否|够)|"
             r"(?:多少|几)[^，。？?]{0,3}(?:预算|经费|资金)|预算(?:数|额)")
# A count of parts the question states (项目10个, 共8个项目): checked against the graph's count.
STATED_PARTS_COUNT = rf"(?P<n>{_N})个(?!月|人)"


# The kind of funds a subject's rows are asked of (节能环保支出里的一般公共预算当年拨款分到哪几项):
# the document's table of that kind (一般公共预算支出表), key of kg.rdf.mapping.SCOPED_LABELS.
# (never the words negated: 非财政拨款 is the other funds)
AMOUNT_SCOPES = tuple((key, "(?<!非)" + re.escape(words)) for key, words in SCOPED_LABELS.items())

# How a question asks about changes: the words of a fall and of a rise (a fall asked where only the
# first stand), of a rate rather than an amount, and the verbs that make a rank one of changes.
FALL_WORDS = r"降|减|压|少|下滑|缩"
RISE_WORDS = r"涨|增|升|多|猛"
RATE_WORDS = r"幅|率|猛|快|倍|百分"
CHANGE_VERBS = r"涨|增|降|减|砍|压"
# a figure a question states to be checked (加起来是不是474.56): a number with decimals or of 3+ digits
# (with thousands separators as printed: 18,728.94)
STATED_FIGURE = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{3,})(?![\d.])(?!\s*年)"
# rows set aside from those asked (除了行政运行，钱最多的三个项级科目): the words between 除了 and the clause's end
SET_ASIDE = r"(?:除了?|除去|除开)(?P<what>[^，,。？?；;]{2,20}?)(?:以外|之外|外)?(?=[，,。？?；;]|$)" \
    r"|(?<=[，,。？?；;])(?P<what2>[^，,。？?；;]{2,12}?)(?:以外|之外)(?=[的]?[\u4e00-\u9fff])"  # 行政运行以外哪个最多
# a comparison with something left out (扣掉中央基建后, 剔除一次性因素的话): what is left out
EXCLUDING = rf"(?:{LEFT_OUT_WORDS}|扣掉|去掉|不算|刨去|刨除)(?P<what>[\u4e00-\u9fff]{{1,10}}?)(?:等?因素)?(?:后|以后|之后|的话)"
# a department's income as its summary table prints it: the whole, then each source (钱从哪几块来)
INCOME_BY_SOURCE = ("income_total", "general_public_budget", "upper_level_transfer", "government_fund",
                    "state_capital", "unit_funds", "carryover_total")
# the words a question leaves something out of a set with (除了…以外, 不含, 扣除)
LEFT_OUT_VERBS = r"除了?|除去|不算|不含|不包括|不包含|刨去|刨除|去掉|扣除"
# the part of a clause that names what is left out of a set (不含监狱、戒毒所, 除了法援中心以外, 扣除下属单位):
# units named inside it are no condition of their own and no name missing from the graph
LEFT_OUT_SPAN = rf"(?:{LEFT_OUT_VERBS})[^，。？！,?!)）]{{1,30}}"
# what a budget reports as held at the end of the year before (截至去年底, 上年末): the stock its next
# budget prints, not a figure of that year's own budget
STOCK_AT_YEAR_END = r"(?:截至|截止|到)[^，。？?]{0,6}(?:年底|年末)|(?:去年|上年|前年|\d{2,4}年)(?:底|末)"
# the worth of what a department holds asked (固定资产总值, 资产原值多少), not how many
ASSET_VALUE = r"(?:资产|房屋|构筑物|设备|车辆|家具|用具)[^，。？?]{0,4}(?:总值|价值|原值|净值|账面|总额|总量|金额|值多少)"
# a 决算's evaluations of its projects (部门评价, 重点评价): counted as it states them
EVALUATED = r"部门评价|重点评价|第三方评价|绩效评价"
# a clause that names the cars and nothing else (…和公车 after a department's units): the cars held
VEHICLES_HELD = r"(?:公务用车|公车|车辆|车)(?:呢|吗)?"
# the parts of one subject row's money asked (都花在哪几块, 用在哪些方面, 分别是哪个单位的): the items its
# 说明 states
STATED_PARTS_ASKED = PARTS_OF + r"|花在哪|用在哪|用于哪|哪些方面|哪几方面|哪个单位的|哪些单位|哪几(?:个|家)单位|分给|分到|分配给|干什么|做什么"
# a figure asked of each part named before (具体每项比去年少多少, 各项分别降了多少)
EACH_PART = r"每项|每一项|各项|分项|逐项|每个分项|各个分项"  # not 分别/各: they may distribute over departments
# the department's own office, as against its units (局本级, 机关本级, 本级自己)
OWN_OFFICE = r"(?:局|厅|委|办|院|机关|部门)?本级|机关本部"
# units under the department named as carrying projects out (下属中心承担的, 所属单位实施的)
OTHER_UNITS = (r"(?:下属|所属|直属|下面的?|[局厅委院]属)(?:的)?(?:事业单位|单位|中心|机构)(?:自己|自行)?(?:来)?(?:承担|实施|负责|做|办)"
               # 不是局机关自己实施的, 非本级承担的: every carrier but the department's own office
               r"|(?:不是|不由|并非|非)(?:由)?(?:[局厅委院办]?(?:机关|本级|本部)|[局厅委院]本身|部门本身)(?:自己|自行|直接)?(?:来)?"
               r"(?:承担|实施|负责|做|办|执行)")
# which units money goes to (局属几个中心各拿多少, 分给哪几个单位)
UNITS_GETTING = r"各拿|各得|分给|分到|几(?:个|家)(?:中心|单位)|哪(?:几)?(?:个|家)(?:中心|单位)|哪些(?:中心|单位)"
# which projects (是哪几个项目, 哪些项目)
WHICH_PROJECTS = r"哪(?:几|些)?个?项目"
# the department's own office named with the department (西安市安监局（局本级）, 财政局机关本部)
OWN_OFFICE_NAMED = r"[（(](?:局|厅|委|办|院|机关|部门)?本级[）)]|(?:局|厅|委|办|院)本级(?!预算|支出|收入)|机关本部"
# how many a rank should name, told on its own (…涨得最猛？说三个 / 列五个): the rank before it
HOW_MANY_TOLD = r"(?:说|列|举|挑|给|讲|列举)(?:出)?(?:前)?[一二两三四五六七八九十\d]{1,2}(?:个|项|名)(?:吧|就行|即可)?"
# whether a sum fits the budget (这些钱在本级预算里装得下吗, 超没超项目支出): the budget's totals beside it
FITS_WITHIN = r"装得下|装不下|放得下|容得下|超没超|够不够|够吗"

# What no budget or final-account disclosure prints: who won a purchase and the contract signed (they
# are in the procurement notices, not the budget). A part asking them is answered "not disclosed",
# never with the project's budget figures.
NOT_DISCLOSED = (r"中标|投标|招标结果|供应商|承包商|承建商|施工单位|(?<!采购)合同(?!制)(?:金额|价款|总价|额|价)?|签约|"
                 r"哪(?:家|个)(?:物业|服务|施工|建设)?(?:公司|企业)|什么(?:物业|服务)?公司")

# A count asked of a named project as what it is to reach (要补助多少个项目, 计划培训多少人, 惠及多少人):
# its performance targets, not a count of projects.
TARGET_COUNT = rf"(?:要|计划|预计|拟|将|需|打算|准备)[\u4e00-\u9fff]{{0,6}}?[几多少]+(?:{TARGET_UNITS})|惠及|受益|覆盖[几多少]|" \
    r"[\u4e00-\u9fff]{1,8}[率度](?:要求|目标|指标|要达到|须达到|达到)(?:是|为|定了?|定的)?(?:多少|几)|" \
    r"(?:接待|聘请|请|聘用|招聘|培训|服务|帮扶|救助|资助|补助|慰问|走访|受理|办理|调解)[了过]?(?:几|多少)(?:个|名|位|家|批)?" \
    r"[\u4e00-\u9fff]{0,6}?(?:群众|人员|律师|咨询师|专家|学员|对象|农户|志愿者|案件|机构|中介)"
# The items the parts before named, taken up again (这两项权重各几分, 这几个指标, 二者, 它们).
THOSE_JUST_NAMED = r"(?:这|那)(?:两|二|三|四|五|几)(?:项|个|条)|两者|二者|它们|这些指标"
# What an amount the question states is for (那120万是干嘛用的, 这6200万用在哪): the project of that amount.
USE_OF_AMOUNT = r"干嘛|干啥|干什么|做什么|用在(?:哪|什么)|用于(?:哪|什么)|(?:什么|啥)用|用途|是什么钱|是啥钱|花在哪|什么项目|哪个项目"
# The kinds of funds whose spending a table prints by subject (一般公共预算支出表, 政府性基金预算支出表 …).
FUNDS_BY_SUBJECT = ("general_public_budget", "government_fund", "state_capital")
# How much more one figure is than another, as a rate (烟台比湖州多百分之几, 高出几成, 多多少个百分点).
MORE_BY_RATE = (r"比[^，。？?]{1,12}?(?:多|高|大|少|低)(?:了|出)?(?:百分之几|百分之多少|多少个?百分点|几个百分点|几成|多少%|"
                r"多少百分比|百分比是多少)")
# The whole a share is asked within (在项目支出里占多大比例, 在公用经费（商品和服务支出）中占).
SHARE_WITHIN = r"(?:^|在|于)([^，。,?？占]{2,20}?)(?:里|中|当中|里面)(?:的)?(?:大概|大约)?占"
# A part asking only the money of the thing just named (25年总预算多少, 金额是多少): a project's amount after a project.
PROJECT_MONEY_ASKED = r"(?:(?:19|20)?\d{2}\s*年(?:度)?)?(?:的)?(?:总预算|预算|总金额|金额|总额|资金|经费|总投入|投入)(?:是|有|为|安排了?|一共|共)?" \
    r"(?:多少钱?|几多|多少万元?)[？?]?"
# Words that name the department's whole budget, never a project's (全年预算, 部门预算, 单位总收入).
WHOLE_BUDGET = r"部门|单位|全局|本级|全年|整体|收支|总收入|总支出|盘子"
# A target asked of the project just named (目标是审多少, 绩效目标要求多少, 任务是多少): its indicators.
TARGET_ASKED = r"(?:绩效)?(?:目标|指标|任务|要求)(?:是|定了?|定的|为|值)?[^，。？?]{0,4}(?:多少|几)|" + TARGET_COUNT


# The rows just asked taken together (两项合起来占, 二者合计占, 加起来占): their sum, not each one.
SUM_OF_THOSE = r"(?:两|二|三|这两|这几|几)(?:者|项|个|块|笔)?(?:合起来|合计|加起来|加在一起|一共|总共)|合起来|加起来|加在一起"


# A relation of aboutness (跟X有关的项目, 涉及X的): what X's name says, not who carries the projects out.
# a figure asked again as printed to the last digit (报表里精确到多少, 确切数是多少)
EXACT_FIGURE = r"精确|确切|准确|精准|具体数|小数点"
# a condition on all of a thing, not a part of it (全用其他资金安排的, 全部是财政拨款)
WHOLLY = r"全用|全部用|全都用|全是|全部是|全部来自|完全(?:用|是|靠)|只用|纯用"
# a breakdown asked by its classification (按政府预算经济分类分成哪几块, 按功能科目分): the rows, not a total
CLASSIFIED_BY = r"按(?:照)?(?:部门|政府)?(?:预算)?(?:支出)?(?:经济|功能)(?:分类|科目)" \
    r"|(?:经济|功能)(?:分类|科目)?(?:上|里|中)?的?(?:[两二三四五六七八九几]|各)(?:大)?类"  # 功能上三类各多少
# a bound on a self-evaluation score: 没拿到100分 / 低于95分 / 90分以上 / 拿了满分 / 没拿满分
SCORE_BOUND = (r"(?P<before>没有?(?:拿|得|达)?(?:到|满)|不满|未满|未达到?|低于|少于|不到|高于|超过|拿了?|得了?|是)?"
               r"(?:(?P<n>\d+(?:\.\d+)?)分(?P<after>以上|以下|以内)?|(?P<neg>没有?(?:拿|得)?|不是|未)?(?P<full>满分))")
# how many units carry out the projects listed (涉及几个单位, 几个实施单位)
UNITS_OF_PROJECTS = r"(?:几|多少)(?:个|家)(?:实施|承担|预算|下属)?单位|涉及(?:几|多少)(?:个|家)?单位"
ABOUT_WORDS = r"有关|相关|涉及|关于|方面"
# the unit of the project the part before named (这个单位还有什么项目)
THIS_UNIT = r"(?:这个|这家|该|此|同一个?)(?:单位|中心|站|所|队|支队|大队)"
# a topic said as a phrase (跟X有关, 与X相关): X, whatever cue words it holds
ABOUT_PHRASE = r"(?:跟|与|和|同)([\u4e00-\u9fff]{2,12}?)(?:有关|相关)"

# A question asking which of several departments (a place's, or several named) does something (谁安排了,
# 哪个单位有, 哪几家): each one's own project is looked for (``parse._best_of_each``)
WHO_OF_SEVERAL = r"谁|哪个单位|哪些单位|哪家|哪几家|哪几个单位|哪个部门|哪些部门|哪几个部门|各自"
