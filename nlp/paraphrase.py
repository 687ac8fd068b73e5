"""Subject and project names as people say them: the word-level equivalences of the language of
budgets, and the matching of a question's words against the graph's subject and project names
through them.

The tables print 公共交通运营补助, 办公楼租金, 信息化运维, 人大立法; people ask for 公交运营补贴,
办公楼房租, 信息化运维费, 人大立法的钱. The linker (``nlp.link``) finds printed strings; this module
is the one place that says which other strings name the same thing, by rules of the language, never
by a list of phrases:

- **equivalent words** (``EQUIVALENT_WORDS``): a word people say where the documents print another
  (补贴 for 补助, 房租 for 租金, 离退休 for 离休/退休 …). Both the question and the names are read in
  the printed word (``canonical``), so either wording matches either.
- **name tails** (``NAME_TAILS``): the money word a name ends in is added, dropped or swapped in
  speech (经费 ≈ 资金 ≈ 费用, and 费: 信息化运维费 of 信息化运维, 人大立法的钱 of 人大立法). A name is
  matched by its stem; a tail the question adds after the stem belongs to the match.
- **two short names said as one** (``ParaphraseIndex.find``): names of a two-character stem (离休费, 退休费)
  said together before one money word (离休退休费, 离退休的钱) name both.
- **short forms of compounds** (``short_forms``): a compound of two two-character words is said by
  the first character of each (公共交通 → 公交, 环境保护 → 环保); where the two words end in the same
  character it is kept once after them (离休退休 → 离退休). Derived from the graph's own names,
  never listed.

``ParaphraseIndex`` holds the names of one kind (subjects, projects) under every form those rules
give, and ``find`` returns the stretches of a question that name them so; the linker keeps a
stretch only where no printed name covers it as long (an exact name always wins) and links all the
entities of the form found, as it does for a name several budgets print (the question service then
narrows them by department or asks back).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A word people say → the word the documents print for it. Each is a rule of the genre's language, used
# for every name (read in both directions: a name printing the spoken word matches the printed one too).
EQUIVALENT_WORDS: tuple[tuple[str, str], ...] = (
    ("补贴", "补助"),      # a subsidy: 补贴 in speech, 补助 in the classification (公共交通运营补助)
    ("房租", "租金"),      # rent of premises: 房租 in speech, 租金 / 租赁费 printed (办公楼租金)
    ("租赁费", "租金"),
    ("运维", "运行维护"),  # 运维 is how 运行维护 is said (信息化运维 / 信息系统运行维护)
    ("环保", "环境保护"),  # the field's common short name (节能环保, 环境保护管理事务)
    ("生态环境", "环境保护"),  # the field renamed in 2018 (环境保护局 → 生态环境局): either name is said for it
    ("离退休", "离休退休"),  # 离退休 names both 离休 and 退休 (离退休人员, 离休费/退休费)
)
# The money words a name may end in, longest first: people add, drop or swap them (经费 ≈ 资金 ≈ 费用 ≈ 费),
# and say 的钱 for any of them.
NAME_TAILS: tuple[str, ...] = ("专项经费", "专项资金", "经费", "资金", "费用", "支出", "的钱", "费")
_TAIL = re.compile("(?:" + "|".join(NAME_TAILS) + ")$")
# A character after a name's stem that carries its word on (安全生产|业务费), not one that ends it (的, 是, 多少, 和 …).
_WORD_GOES_ON = re.compile(r"[\u4e00-\u9fff](?<![的是有和及与为在共一总多几呢吗啊呀去今明上本比占])")
# The shortest stem a name is matched by: two characters name nothing in particular (运行, 补助).
MIN_STEM = 4
# Stems that name no particular subject or project, however they are said.
_GENERIC_STEM = re.compile(r"^(?:其他|一般|日常|行政|事业|运行|管理|业务|专项|项目|工作|补助|服务|保障|维护|建设|"
                           r"支出|机构|单位|部门|事务|经费)+$")


def canonical(text: str) -> tuple[str, list[int]]:
    """``text`` with every spoken word of ``EQUIVALENT_WORDS`` replaced by the printed one, and for each
    character of the result the position in ``text`` of the character it comes from (a replaced word's
    characters all map to the word's span: its first character, and its end for the last)."""
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        for said, printed in _EQUIVALENTS_BY_LENGTH:
            if text.startswith(said, i):
                out.append(printed)
                where += [i] * (len(printed) - 1) + [i + len(said) - 1]
                i += len(said)
                break
        else:
            out.append(text[i])
            where.append(i)
            i += 1
    return "".join(out), where


_EQUIVALENTS_BY_LENGTH = sorted(EQUIVALENT_WORDS, key=lambda p: -len(p[0]))
_SAID = re.compile("|".join(re.escape(said) for said, _ in _EQUIVALENTS_BY_LENGTH))
_PRINTED = dict(EQUIVALENT_WORDS)


def canonical_text(text: str) -> str:
    """``canonical(text)[0]`` without the positions, in one pass of a compiled pattern: what indexing
    every name of a large graph needs (the same leftmost-longest replacement as ``canonical``)."""
    return _SAID.sub(lambda m: _PRINTED[m.group(0)], text)


def stem(name: str) -> str:
    """A name without the money word it ends in (信息化运维费 → 信息化运维, 人大立法经费 → 人大立法); a
    name that is only such a word stays whole."""
    cut = _TAIL.sub("", name)
    return cut if len(cut) >= 2 else name


def short_forms(word: str) -> list[str]:
    """The short forms of ``word`` people derive from its compounds: each stretch of two two-character
    words said by the first character of each (公共交通运营补助 → 公交运营补助, 环境保护 → 环保), the
    shared last character kept once where both words end in it (离休退休 → 离退休). A form is kept only
    where it leaves at least two characters of the word unchanged or is the whole word's short form (a
    two-character form names the word only before a money word: ``ParaphraseIndex.find``)."""
    out: list[str] = []
    for i in range(len(word) - 3):
        a, b, c, d = word[i:i + 4]
        if len({a, b, c, d}) < 4 and b != d:
            continue  # 事事, 资资: no two words
        short = a + c + (b if b == d else "")
        form = word[:i] + short + word[i + 4:]
        if len(word) == 4 or len(form) - len(short) >= 2:
            out.append(form)
    return list(dict.fromkeys(out))


def forms(name: str) -> list[str]:
    """Every form a name is said in, each read in the printed words (``canonical``): its stem, and the
    stem's short forms."""
    base = canonical_text(stem(name))
    return list(dict.fromkeys([base, *short_forms(base)]))


@dataclass(frozen=True)
class Found:
    """A stretch ``[start, end)`` of the question naming ``names`` (printed names) by ``form``."""

    start: int
    end: int
    form: str
    names: tuple[str, ...]


class ParaphraseIndex:
    """The names of one kind of entity under every form they are said in, indexed by a form's first
    two characters (a question is read once, each position looked up, not each name tried).

    A form begins with its name's stem read in the printed words (``canonical_text``): with its first two
    characters, or — a short form of the stem's first compound (公共交通… → 公交…) — with its first and third.
    The names are filed under those two keys when the index is made (one pattern pass per name); a name's
    forms are made the first time a question holds one of its keys, so the first question on a graph of
    100,000 project names does not derive every name's forms."""

    def __init__(self, names: list[str]) -> None:
        self.by_head: dict[str, dict[str, set[str]]] = {}
        # forms of names said without the money word they print (安全生产 of 安全生产经费), and of no name printing none
        self.cut: set[str] = set()
        self.short: dict[str, set[str]] = {}  # names of a two-character stem (离休费 → 离休), by that stem
        self._pending: dict[str, list[tuple[str, str, str]]] = {}  # a form's head → (name, stem, whole) not yet read
        self._read: set[str] = set()  # the heads whose names' forms are made
        for name in dict.fromkeys(names):
            if len(name) < 2:
                continue
            base = canonical_text(stem(name))
            if len(base) == 2 and base != name and not _GENERIC_STEM.match(base):
                self.short.setdefault(base, set()).add(name)
            entry = (name, base, canonical_text(name))
            for head in {base[:2], base[0] + base[2:3]}:
                if len(head) == 2:
                    self._pending.setdefault(head, []).append(entry)

    def _forms_at(self, head: str) -> dict[str, set[str]]:
        """The forms beginning with ``head`` and the names said by each: the names filed under that head
        read now (once). Every name one of whose forms begins with ``head`` is filed under it, so whether a
        form is said only without its money word (``cut``) is known of all its names."""
        if head not in self._read:
            self._read.add(head)
            cut: set[str] = set()
            uncut: set[str] = set()
            for name, base, whole in self._pending.pop(head, ()):
                for form in forms(name):
                    if len(form) < 2 or form[:2] != head or _GENERIC_STEM.match(form):
                        continue
                    if len(form) < MIN_STEM and not (len(name) == 4 and form in short_forms(name)):
                        continue  # a short stem names nothing in particular; a four-character compound's short form does
                    self.by_head.setdefault(head, {}).setdefault(form, set()).add(name)
                    (cut if base != whole else uncut).add(form)
            self.cut |= cut - uncut
        return self.by_head.get(head, {})

    def find(self, text: str) -> list[Found]:
        """The stretches of ``text`` that name an indexed name by one of its forms, a money word the
        question adds after the form included; longest first, none overlapping a longer one."""
        said, where = canonical(text)
        found: list[Found] = []
        for i in range(len(said) - 1):
            for form, names in self._forms_at(said[i:i + 2]).items():
                if not said.startswith(form, i):
                    continue
                end = i + len(form)
                tail = next((t for t in NAME_TAILS if said.startswith(t, end)), "")
                if form in self.cut and not tail and end < len(said) and _WORD_GOES_ON.match(said[end]):
                    continue  # 安全生产业务费: the words go on into another name, not 安全生产经费 said short
                if len(form) < MIN_STEM and not tail:
                    continue  # 科技 names 科学技术 only as money (科技支出, 科技经费), not inside 科技创新
                start, stop = where[i], where[end + len(tail) - 1] + 1
                found.append(Found(start, stop, form, tuple(sorted(names))))
            first, second = said[i:i + 2], said[i + 2:i + 4]
            tail = next((t for t in NAME_TAILS if said.startswith(t, i + 4)), "")
            if first != second and first in self.short and second in self.short and tail:
                found.append(Found(where[i], where[i + 3 + len(tail)] + 1, first + second,
                                   tuple(sorted(self.short[first] | self.short[second]))))
        out: list[Found] = []
        for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
            if any(o.start < f.end and f.start < o.end for o in out):
                if not any((o.start, o.end) == (f.start, f.end) for o in out):
                    continue
            out.append(f)
        return sorted(out, key=lambda f: (f.start, -len(f.form)))
