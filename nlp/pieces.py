"""Pieces of a question word found in names: the one definition of how a word people type is
matched, piece by piece, against the names and texts the graph prints (土壤污染 in 土壤环境污染防治,
特困供养金 in 特困人员救助供养金). Read by the parser (a fuzzy project lacking a specific word the
question types is not that project) and by the project, topic and document answers."""
from __future__ import annotations

import re
from typing import Callable

# Words too general to tell projects apart (a question's 监测/建设/费用 names no particular one).
# Words that name no topic; a run of them (直接围绕, 扶持…产业) missing from every project name vetoes
# nothing: the question's aim (扶持, 支持, 围绕) and the field's kind (产业, 行业) qualify the topic word
# beside them (生命健康, 无偿献血), which alone decides.
GENERIC_TOPIC = re.compile(r"^(?:监测|建设|费用|资金|经费|项目|工作|运行|维护|服务|管理|保障|专项|支出|活动|能力|"
                            r"安排|用于|多少|哪些|方面|相关|有关|开展|实施|环境|生态|治理|防治|生态环境|经费项目|"
                            r"专项经费|专项资金|业务|业务经费|补助|其他|事务|发展|单位|部门|费|"
                            r"扶持|支持|促进|推动|鼓励|围绕|直接|针对|专门|用来|产业|行业|领域)+$")


def within(w: str, text: str) -> bool:
    """``w`` in ``text``, also with one character between two of its own (柴油车 in 柴油货车), or a
    few between two words of two characters or more (特困供养金 in 特困人员救助供养金: a name said short).
    Plain string search: topic and indicator answers test each piece of a word against hundreds of
    names, and a regular expression per split cost seconds a question to compile."""
    if w in text:
        return True
    for i in range(1, len(w)):
        gaps = ((1, 1),) if len(w) >= 3 else ()
        if len(w) >= 4 and 2 <= i <= len(w) - 2:
            gaps += ((2, 4),)
        if gaps and _split_within(w[:i], w[i:], text, gaps):
            return True
    return False


def _split_within(head: str, tail: str, text: str, gaps: tuple[tuple[int, int], ...]) -> bool:
    """``head``, then a run of CJK characters of a length ``gaps`` allows, then ``tail``, in ``text``."""
    at = text.find(head)
    while at >= 0:
        after = at + len(head)
        for low, high in gaps:
            for n in range(low, high + 1):
                gap = text[after:after + n]
                if len(gap) == n and all("\u4e00" <= ch <= "\u9fff" for ch in gap) \
                        and text.startswith(tail, after + n):
                    return True
        at = text.find(head, at + 1)
    return False


def pieces(word: str, texts: list[str]) -> tuple[list[str], list[str]]:
    """The longest pieces (2+ characters) of a question word that stand in some project text, and
    the pieces of it found in none (土壤污染 → found 污染, missing 土壤)."""
    return pieces_where(word, lambda piece: any(within(piece, t) for t in texts))


def pieces_where(word: str, stands: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """``pieces`` with the test of a piece given: ``stands(piece)`` says whether some text holds it
    (``within``). A caller holding many texts answers that through an index of them
    (``nlp.topic_index``) instead of trying every text."""
    found: list[str] = []
    covered = [False] * len(word)
    for size in range(len(word), 1, -1):
        for i in range(0, len(word) - size + 1):
            piece = word[i:i + size]
            if all(covered[i:i + size]):
                continue
            if stands(piece):
                found.append(piece)
                for j in range(i, i + size):
                    covered[j] = True
    missing, run = [], ""
    for ch, c in zip(word, covered):
        if c:
            if len(run) >= 2:
                missing.append(run)
            run = ""
        else:
            run += ch
    if len(run) >= 2:
        missing.append(run)
    return found, missing


# The first two characters of a typed word that name nothing particular (其他…, 相关…, 全年…).
_GENERIC_HEAD = re.compile(r"^(?:其他|相关|有关|全年|今年|明年|去年|本年|当年|全部|所有|各项|各类|主要|一般|日常|专项|部门|单位)$")


def head_named_nowhere(word: str, catalog) -> bool:
    """Whether a typed word naming a place or facility begins with a name no name of the graph holds
    (横琴口岸: no project, unit, place or department of the graph is named 横琴). The thing asked is
    then not in the graph: a project only like it (港珠澳大桥珠海公路口岸运营管理费, a 口岸's) must not answer
    for it, nor projects matching the word's other pieces."""
    head = word[:2]
    return bool(_NAMED_PLACE.match(word)) and not _GENERIC_HEAD.match(head) and not GENERIC_TOPIC.match(head) \
        and not catalog.mentions_name(head)


# A word that is a proper name before a kind of place or facility (横琴口岸, 洋山港, 某某街道): the name is
# what it is about, the kind only says what sort of thing it names.
_NAMED_PLACE = re.compile(r"^[\u4e00-\u9fff]{2}(?:口岸|港口?|码头|机场|车站|大桥|新区|园区|开发区|街道|社区|镇|乡|村|水库|湖|江|河)")
