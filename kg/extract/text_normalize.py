"""Pure text helpers shared by every reader and parser: characters, numbers, names, 文号.

These are the only places where printed text becomes a value, so every quirk of the sources
(Kangxi radicals from PDF fonts, full-width digits, ``3.940``, ``1,008.30``, ``－5.00``) is
handled once, here.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# --- characters ---------------------------------------------------------------------------

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_SPACE_RE = re.compile(rf"(?<=[{_CJK}（）《》〈〉“”、，：；。【】〔〕])[ \u3000\t]+(?=[{_CJK}（）《》〈〉“”、，：；。【】〔〕])")


def _kangxi_table() -> dict[int, str]:
    """Map Kangxi radicals (U+2F00–U+2FDF) and CJK radical supplements (U+2E80–U+2EFF) to the
    ordinary ideographs. NFKC knows the Kangxi block; the supplement block needs a small table."""
    table: dict[int, str] = {}
    for cp in range(0x2F00, 0x2FE0):
        ch = chr(cp)
        norm = unicodedata.normalize("NFKC", ch)
        if norm != ch:
            table[cp] = norm
    supplement = {
        0x2E80: "丶", 0x2E81: "厂", 0x2E84: "乙", 0x2E85: "亻", 0x2E86: "冂", 0x2E87: "几",
        0x2E88: "刀", 0x2E89: "刂", 0x2E8A: "卜", 0x2E8B: "卩", 0x2E8C: "小", 0x2E8D: "小",
        0x2E8E: "兀", 0x2E8F: "尢", 0x2E90: "尢", 0x2E91: "尢", 0x2E92: "巳", 0x2E93: "幺",
        0x2E94: "彐", 0x2E95: "彐", 0x2E96: "忄", 0x2E97: "心", 0x2E98: "扌", 0x2E99: "攵",
        0x2E9B: "旡", 0x2E9C: "日", 0x2E9D: "月", 0x2E9E: "歹", 0x2E9F: "母", 0x2EA0: "民",
        0x2EA1: "氵", 0x2EA2: "水", 0x2EA3: "灬", 0x2EA4: "爪", 0x2EA5: "爫", 0x2EA6: "丬",
        0x2EA7: "牛", 0x2EA8: "犭", 0x2EA9: "王", 0x2EAA: "疋", 0x2EAB: "目", 0x2EAC: "示",
        0x2EAD: "礻", 0x2EAE: "竹", 0x2EAF: "糹", 0x2EB0: "纟", 0x2EB1: "罒", 0x2EB2: "罒",
        0x2EB3: "罒", 0x2EB4: "罒", 0x2EB5: "罒", 0x2EB6: "羊", 0x2EB7: "羊", 0x2EB8: "羊",
        0x2EB9: "老", 0x2EBA: "聿", 0x2EBB: "聿", 0x2EBC: "月", 0x2EBD: "臼", 0x2EBE: "艹",
        0x2EBF: "艹", 0x2EC0: "艹", 0x2EC1: "虎", 0x2EC2: "衤", 0x2EC3: "西", 0x2EC4: "西",
        0x2EC5: "见", 0x2EC6: "角", 0x2EC7: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECA: "足",
        0x2ECB: "车", 0x2ECC: "辶", 0x2ECD: "辶", 0x2ECE: "辶", 0x2ECF: "阝", 0x2ED0: "钅",
        0x2ED1: "长", 0x2ED2: "长", 0x2ED3: "长", 0x2ED4: "门", 0x2ED5: "阜", 0x2ED6: "阝",
        0x2ED7: "雨", 0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞",
        0x2EDD: "食", 0x2EDE: "食", 0x2EDF: "食", 0x2EE0: "饣", 0x2EE1: "首", 0x2EE2: "马",
        0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦",
        0x2EE9: "黄", 0x2EEA: "黾", 0x2EEB: "斉", 0x2EEC: "齐", 0x2EED: "歯", 0x2EEE: "齿",
        0x2EEF: "竜", 0x2EF0: "龙", 0x2EF1: "龜", 0x2EF2: "亀", 0x2EF3: "龟",
    }
    table.update(supplement)
    return table


_KANGXI = _kangxi_table()


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_WIDTH_FIGURE_MARK_RE = re.compile(r"(?<=\d)[．，](?=\d)")


_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\ufeff\u00ad]")
_WHITESPACE_RE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def normalize_chars(text: str) -> str:
    """Map Kangxi radicals to ordinary characters, full-width digits (and a full-width point or
    comma between two digits) to ASCII, and drop zero-width and control characters.

    Cached by text: a document asks about the same names and cells many times (every table
    repeats its subjects; the readers normalise a line more than once)."""
    text = text.translate(_KANGXI).translate(_FULL_WIDTH_DIGITS)
    text = _FULL_WIDTH_FIGURE_MARK_RE.sub(lambda m: "." if m.group(0) == "．" else ",", text)
    return _INVISIBLE_RE.sub("", text)


def remove_cjk_spaces(text: str) -> str:
    """Remove spaces between two CJK characters (PDF extraction puts them in at random)."""
    return _CJK_SPACE_RE.sub("", text)


def without_spaces(text: str | None) -> str:
    """A cell's text with every space and line break removed (a header or row label wrapped in its
    cell: 预算\n金额 → 预算金额); nothing else changed."""
    return re.sub(r"\s+", "", text or "")


def compact_name(text: str) -> str:
    """A name as records.md wants it: line breaks and stray spaces removed, quotes kept."""
    return _WHITESPACE_RE.sub("", normalize_chars(text))


_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                            "．": ".", "，": ",", "－": "-", "＋": "+", "％": "%",
                            "＞": ">", "＜": "<", "＝": "=", "≥": ">=", "≤": "<=",
                            "—": "-", "–": "-", "−": "-"})


# --- numbers --------------------------------------------------------------------------------

MONEY_RE = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def parse_money(token: str | None) -> Decimal | None:
    """Read one printed figure exactly: ``1,008.30`` ``3.940`` ``32.120000`` ``－5`` ``(5.00)``.

    Returns ``None`` for blanks and dashes; raises ``ValueError`` for anything that is not a
    number, so a caller never mistakes text for money.
    """
    if token is None:
        return None
    text = token.strip().translate(_FULLWIDTH).replace(" ", "")
    if text in ("", "-", "--", "—", "/", "－"):
        return None
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if not MONEY_RE.match(text):
        raise ValueError(f"not a figure: {token!r}")
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - MONEY_RE guards this
        raise ValueError(f"not a figure: {token!r}") from exc
    return -value if negative else value


def cell_money(cells: list[str], index: int) -> Decimal | None:
    """The figure printed in ``cells[index]``, or None where the row is shorter, the cell blank or
    not a figure (a heading, a note): how a table reader walks its rows without stopping at text."""
    if index >= len(cells):
        return None
    try:
        return parse_money(cells[index])
    except ValueError:
        return None


def is_money(token: str) -> bool:
    """True where ``token`` reads as a printed figure."""
    try:
        return parse_money(token) is not None
    except ValueError:
        return False


_PERCENTAGE_RE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%$")


def is_percentage(token: str) -> bool:
    """A printed percentage (``-60.86%``, ``1009.71%``): a ratio column's cell (增减%, 占比), never
    an amount and never part of a row's name."""
    return bool(_PERCENTAGE_RE.match(token.strip()))


def format_money(value: Decimal | None) -> str | None:
    """records.md money: exactly two decimals, no separators (``32.120000`` -> ``32.12``). A figure
    with more places that are not zeros (北京's six-decimal 万元, an exact 元→万元 conversion) is
    rounded half up here; its every digit stays in ``exact_money``, which the record keeps too."""
    if value is None:
        return None
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"


def exact_money(value: Decimal | None) -> str | None:
    """The figure with every digit it has (``44169.357532``), two decimals at least; the same
    as ``format_money`` where the figure has no more than two places that are not zeros."""
    if value is None:
        return None
    if value.quantize(Decimal("0.01")) == value:
        return format_money(value)
    return format(value, "f")  # as printed: 223.799250 keeps its last zero


def needs_exact(value: Decimal | None) -> bool:
    """True where two decimals would lose digits of ``value`` (the record then keeps them)."""
    return value is not None and value.quantize(Decimal("0.01")) != value


# --- targets and 文号 -------------------------------------------------------------------------

def normalize_target(text: str | None) -> str | None:
    """An indicator target as records.md wants it: ``＞=160 个`` -> ``>=160个``."""
    if text is None:
        return None
    text = compact_name(text).translate(_FULLWIDTH)
    text = text.replace("＞", ">").replace("＜", "<")
    return text or None


_NUMBER_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]", "［": "[", "］": "]",
                                  "（": "(", "）": ")", "(": "(", ")": ")"})


# a 文号's year in any bracket: 〔2023〕 = 【2023】 = （2023） = [2023] (a year in round brackets
# with 年 after it, 部令第29号（2023年）, is a different thing and keeps its brackets)
_YEAR_IN_BRACKETS = re.compile(r"[\[(](\d{4})[\])]")


def policy_key(title: str | None, number: str | None) -> str:
    """Identity of a policy document: the normalised 文号 where printed, else the bare title.
    Glyphs are folded (NFKC: full-width letters, digits and brackets) and every bracket style of
    the year is one, so （2023）1号 and 〔2023〕1号 are one document."""
    if number:
        folded = unicodedata.normalize("NFKC", re.sub(r"\s+", "", number)).translate(_NUMBER_BRACKETS)
        return "no:" + _YEAR_IN_BRACKETS.sub(r"[\1]", folded)
    return "title:" + bare_policy_title(title)


def bare_policy_title(title: str | None) -> str:
    """A title without its 《》〈〉 marks and spaces, glyphs folded: what two mentions compare on."""
    bare = re.sub(r"[《》〈〉\s]", "", unicodedata.normalize("NFKC", title or ""))
    return bare.translate(_NUMBER_BRACKETS)


def merged_policy_keys(documents) -> dict[str, str]:
    """title-only key -> the numbered key of the same title, among ``documents`` (the mentions of
    one budget): a title cited without its 文号 is the numbered document cited elsewhere."""
    numbered: dict[str, set[str]] = {}
    for doc in documents:
        if doc.number and doc.title:
            numbered.setdefault(bare_policy_title(doc.title), set()).add(policy_key(None, doc.number))
    out = {}
    for doc in documents:
        if not doc.number and doc.title:
            keys = numbered.get(bare_policy_title(doc.title), set())
            if len(keys) == 1:  # two numbers under one title: which one is meant is unknown
                out[policy_key(doc.title, None)] = next(iter(keys))
    return out
