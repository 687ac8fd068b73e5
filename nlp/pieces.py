"""Pieces of a question word found in names: the one definition of how a word people type is
matched, piece by piece, against the names and texts the graph prints (土壤污染 in 土壤环境污染防治,
特困供养金 in 特困人员救助供养金). Read by the parser (a fuzzy project lacking a specific word the
question types is not that project) and by the project, topic and document answers."""
from __future__ import annotations

import re

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
    few between two words of two characters or more (特困供养金 in 特困人员救助供养金: a name said short)."""
    if w in text:
        return True
    if len(w) >= 3 and any(re.search(re.escape(w[:i]) + r"[\u4e00-\u9fff]" + re.escape(w[i:]), text)
                           for i in range(1, len(w))):
        return True
    return len(w) >= 4 and any(re.search(re.escape(w[:i]) + r"[\u4e00-\u9fff]{2,4}" + re.escape(w[i:]), text)
                               for i in range(2, len(w) - 1))


def pieces(word: str, texts: list[str]) -> tuple[list[str], list[str]]:
    """The longest pieces (2+ characters) of a question word that stand in some project text, and
    the pieces of it found in none (土壤污染 → found 污染, missing 土壤)."""
    found: list[str] = []
    covered = [False] * len(word)
    for size in range(len(word), 1, -1):
        for i in range(0, len(word) - size + 1):
            piece = word[i:i + size]
            if all(covered[i:i + size]):
                continue
            if any(within(piece, t) for t in texts):
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
