"""Stage 1: normalise a question so that the later stages see one spelling of everything.

Full-width letters and digits become half-width, traditional characters simplified (OpenCC t2s),
brackets and quotes one form (``fold``: the same function folds the graph's names, so matching
compares like with like); amounts (一千万, 2.5亿) become exact ``Decimal`` 万元 and years (2025年, 25年,
今年/去年 relative to the latest fiscal year in the graph) become ints.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from nlp.numbers import Amount, chinese_to_decimal, find_amounts, find_percents

MAX_QUESTION_CHARS = 500  # longer input is refused by the pipeline, not processed

_BRACKETS = str.maketrans({"【": "[", "】": "]", "〔": "[", "〕": "]", "［": "[", "］": "]",
                           "（": "(", "）": ")", "“": '"', "”": '"', "＂": '"', "‘": "'", "’": "'",
                           "〈": "<", "〉": ">", "﹤": "<", "﹥": ">", "≥": ">=", "≤": "<=",
                           "—": "-", "－": "-", "～": "~", "\u3000": " "})
_YEAR4 = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_YEAR2 = re.compile(r"(?<![\d.])(\d{2})\s*年(?!代)")
_YEAR_CN = re.compile(r"([二〇零一三四五六七八九]{4})年")
_RELATIVE = {"今年": 0, "本年度": 0, "当年": 0, "去年": -1, "上一年": -1, "前年": -2, "明年": 1,
             # 上年预算是多少 / 上年的三公经费: the budget's own word for the year before — not 上年结转 (the
             # carry-over), nor 上年末/上年底 (a date of holdings)
             r"(?<![比较与同跟和])上年(?!度?结转|结余|末|底|初|同期|执行|决算|实户|资金余额|余额)": -1}
RELATIVE_YEAR = "|".join(_RELATIVE)  # a year named relative to the document's own (今年, 去年 …)


@lru_cache(maxsize=1)
def _t2s():
    """The OpenCC converter, built once (it loads its dictionaries)."""
    import opencc  # opencc-python-reimplemented (declared in pyproject)

    try:
        return opencc.OpenCC("t2s")
    except Exception:  # the C++ binding spells it t2s.json
        return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Traditional → simplified characters (identity where OpenCC is missing)."""
    conv = _t2s()
    return conv.convert(text) if conv else text


def fold(text: str) -> str:
    """The matching key of a name or question: NFKC (full → half width), simplified, one kind of
    bracket and quote, no whitespace, letters lower-cased."""
    text = unicodedata.normalize("NFKC", text or "")
    text = to_simplified(text).translate(_BRACKETS)
    return re.sub(r"\s+", "", text).lower()


@dataclass
class NormalizedQuestion:
    """Plain data out of stage 1: the raw and folded text, and the numbers understood in it."""

    raw: str
    text: str
    years: list[int] = field(default_factory=list)
    relative_year: bool = False
    amounts: list[Amount] = field(default_factory=list)
    percents: list[Decimal] = field(default_factory=list)


_NOT_A_FISCAL_YEAR_RE = re.compile(r'[\[(]\d{4}[\])]\s*\d+号|"[^"]{1,60}"|《[^》]{1,80}》')


# a 文号 as ``fold`` leaves it (every bracket one kind): 粤财工[2024]156号, 环办监测函[2021]218号. Where its
# issuer's abbreviation begins is not marked in running text (按粤财工…), so a 文号 is its year and number with
# the Chinese characters before them, and two 文号 are one where those agree and the issuers share their end
_DOCUMENT_NUMBER_RE = re.compile(r"([\u4e00-\u9fff]{1,12})(\[(?:19|20)\d{2}\]\d+号)")


def document_numbers(text: str) -> list[tuple[str, str]]:
    """The 文号 a question names, as (characters before, [year]number号), folded so that a printed
    【2024】 and a typed 〔2024〕 or [2024] compare equal."""
    return list(dict.fromkeys(_DOCUMENT_NUMBER_RE.findall(fold(text))))


def cites_number(text: str, number: tuple[str, str]) -> str | None:
    """The 文号 ``number`` (from ``document_numbers``) as ``text`` prints it, or None: the same year and
    number, with an issuer whose last two characters (all, if shorter) end the question's characters."""
    before, core = number
    for m in _DOCUMENT_NUMBER_RE.finditer(fold(text)):
        if m.group(2) != core:
            continue
        issuer = m.group(1)
        for size in range(len(issuer), 0, -1):  # the issuer is some end of the characters before
            if before.endswith(issuer[-size:]) and (size >= 2 or size == len(issuer)):
                return issuer[-size:] + core
    return None


def fiscal_year_text(text: str) -> str:
    """``text`` without the spans whose years are not the fiscal year asked about: a 文号
    (【2024】126号) and a quoted name or title (“2023年结余资金”, 《2024年…方案》), which name a
    project or a document whatever year the question is about."""
    return _NOT_A_FISCAL_YEAR_RE.sub("", text)


def find_years(text: str, latest_year: int | None) -> tuple[list[int], bool]:
    """Fiscal years named in ``text``: 2025年, 25年, 二〇二五年, and 今年/去年/前年/明年 relative to
    ``latest_year`` (the latest fiscal year in the graph). Returns the years and whether any was
    relative."""
    years: list[int] = []
    for m in _YEAR4.finditer(text):
        years.append(int(m.group(1)))
    for m in _YEAR2.finditer(text):
        years.append(2000 + int(m.group(1)))
    for m in _YEAR_CN.finditer(text):
        digits = "".join(str(int(chinese_to_decimal(ch) or 0)) for ch in m.group(1))
        years.append(int(digits))
    relative = False
    if latest_year:
        # a comparison, not the year asked; money left from the year before (上年留下来的钱), a carry-over of this year's
        text = re.sub(r"[比较与同跟和]去年|去年同期|(?:上年|去年|往年)(?=(?:留|剩|存)(?:下来|下)?的)", "", text)
        for word, delta in _RELATIVE.items():
            if re.search(word, text):
                years.append(latest_year + delta)
                relative = True
    seen: list[int] = []
    for y in years:
        if 1990 <= y <= 2100 and y not in seen:
            seen.append(y)
    return seen, relative


# Everyday words for the documents' own budget terms (the genre's vocabulary, fixed across
# corpora): rewritten to the term the graph uses, so one rule serves both wordings.
_VEHICLE_PART = {"购置": "购置", "运行维护": "运行维护", "运行": "运行维护", "运维": "运行维护", "维护": "运行维护"}
SYNONYMS = [(re.compile(r"开支"), "支出"), (re.compile(r"公车"), "公务用车"),
            (re.compile(r"(?<!公务)(?<!因公)接待费"), "公务接待费"),
            (re.compile(r"(?<!因公)出国(?:\(境\))?(?:经)?费(?:用)?"), "因公出国(境)费"),
            (re.compile(r"在编人员|在编人数|编制人数"), "编制数"),
            # 买公务车花多少, 新购车辆: the 公务用车购置费 (公车 is already 公务用车 above)
            (re.compile(r"(?:买|购买|新买|新购|采购)了?(?:公务用车|公务车)"), "公务用车购置"),
            # 用车的购置和运维各涨了多少: the head said once, before both parts (运维 is 运行维护)
            # (not 公务用车购置及运行费: the printed name of the two together)
            (re.compile(r"(?:公务)?用车的?(购置|运行维护|运行|运维|维护)(?:费)?([和与、])(购置|运行维护|运行|运维|维护)(?:费)?"),
             lambda m: f"公务用车{_VEHICLE_PART[m.group(1)]}费{m.group(2)}公务用车{_VEHICLE_PART[m.group(3)]}费"),
            # 买车和运行各多少: the two 公务用车 figures, the head said by neither
            (re.compile(r"(?:买车|购车)([和与、])(?:运行维护|运行|运维|养车)"), r"公务用车购置\1公务用车运行维护"),
            # 机构运行经费 (a 事业单位's word for its 机关运行经费 chapter)
            (re.compile(r"机构运行经费"), "机关运行经费"),
            # 年初和年末的结转结余: the noun both periods share, said for each (年初结转结余和年末结转结余)
            (re.compile(r"(年初|年末|年底)([和与及、])(年初|年末|年底)的?(结转(?:和|与|及)?结余)"), r"\1\4\2\3\4"),
            # 年初结转和结余多少，年末又是多少: the other period said bare, the same noun meant
            (re.compile(r"(年初|年末|年底)的?(结转(?:和|与|及)?结余)([^，,、；;？?。]{0,6}[，,、；;？?]\s*)(年初|年末|年底)"
                        r"(?!的?结转)(?!的?[比较])"), r"\1\2\3\4\2")]  # not 年初的比23年少了多少: a change


# The bare stems people enumerate figures by (人员、公用、项目各多少): each stands for its figure only in
# such an enumeration, never alone (项目 alone is a project).
ELLIPTICAL_STEMS = {"人员": "人员经费", "公用": "公用经费", "日常公用": "日常公用经费", "项目": "项目支出",
                    "基本": "基本支出"}
_ITEM = r"[\u4e00-\u9fff]{2,6}?"
_ELLIPTICAL_RE = re.compile(rf"(?:(?<=^)|(?<=[，,。？?；;：:里中局委厅院办年的]))((?:{_ITEM}[、和及与])+{_ITEM})"
                            r"(?=(?:[两二三四五六几](?:大)?(?:块|项|类|部分|个部分|方面))?(?:各|分别|都)(?:是|有|为|占)?(?:多少|几|多大))")


def _spell_out(m: re.Match) -> str:
    """The enumeration with its bare stems spelled out, where at least two of its items are stems
    (基本、项目、机动经费各多少 → 基本支出、项目支出、机动经费); otherwise as it stands."""
    items = re.split(r"([、和及与])", m.group(1))
    bare = sum(1 for item in items[::2] if item in ELLIPTICAL_STEMS)
    spelled = sum(1 for item in items[::2] if item in ELLIPTICAL_STEMS.values())
    if not bare or bare + spelled < 2:  # (基本和项目支出各多少: the head said once, on the last stem)
        return m.group(1)
    return "".join(ELLIPTICAL_STEMS.get(item, item) if i % 2 == 0 else item for i, item in enumerate(items))


def with_synonyms(text: str) -> str:
    """``text`` with everyday budget words replaced by the documents' terms, and an enumeration of
    bare stems (人员、公用、项目各多少) spelled out as the figures it names."""
    for rx, term in SYNONYMS:
        text = rx.sub(term, text)
    return _ELLIPTICAL_RE.sub(_spell_out, text)


class Normalizer:
    """Stage ``normalize``: raw question → ``NormalizedQuestion``."""

    name = "normalize"

    def __init__(self, latest_year: int | None = None) -> None:
        self.latest_year = latest_year

    def __call__(self, question: str) -> NormalizedQuestion:
        text = with_synonyms(fold(question))
        years, relative = find_years(fiscal_year_text(text), self.latest_year)
        return NormalizedQuestion(raw=question, text=text, years=years, relative_year=relative,
                                  amounts=find_amounts(text), percents=find_percents(text))
