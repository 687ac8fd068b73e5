"""Stage 2: segment with jieba, its user dictionary generated from the graph's catalogue.

Each pipeline owns a private ``jieba.Tokenizer`` (not the global one), so two stores in one process
never mix dictionaries; every catalogue name and alias is added as one word (tag ``nz``), so the
spaCy tokenizer that shares this segmenter yields them as single tokens. Names holding
punctuation (文号, quoted titles) are split by jieba anyway: the linker also scans the raw string.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.posseg

from nlp.catalog import Catalog
from nlp.normalize import fold

jieba.setLogLevel(logging.WARNING)

# Domain words every budget disclosure uses; they are vocabulary of the genre, not of a corpus.
DOMAIN_WORDS = ["三公经费", "公务用车运行费", "公务用车购置费", "公务接待费", "因公出国(境)费",
                "机关运行经费", "政府采购", "基本支出", "项目支出", "财政拨款", "一般公共预算",
                "政府性基金", "上年结转", "结转结余", "单位资金", "绩效目标", "数量指标", "质量指标",
                "时效指标", "成本指标", "效益指标", "满意度指标", "经济分类", "功能分类", "负责人",
                "承担单位", "内设机构", "编制数", "实有人数", "收支总预算", "物业费", "制冷费"]


@lru_cache(maxsize=1)
def _base_dictionary() -> tuple[dict, int, dict]:
    """jieba's own dictionary (word frequencies, their total, POS tags), loaded once per process:
    every pipeline copies it and adds its graph's names, instead of reloading it from disk."""
    base = jieba.Tokenizer()
    base.initialize()
    pos = jieba.posseg.POSTokenizer(base)
    return base.FREQ, base.total, pos.word_tag_tab


@dataclass
class Token:
    """One word of the question with its jieba part-of-speech tag and character offsets."""

    text: str
    tag: str
    start: int
    end: int


class Segmenter:
    """Stage ``segment``: folded question text → tokens (with POS tags)."""

    name = "segment"

    def __init__(self, catalog: Catalog) -> None:
        freq, total, tags = _base_dictionary()
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.FREQ, self.tokenizer.total = dict(freq), total  # a private copy to extend
        self.tokenizer.initialized = True
        self.pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        self.pos.tokenizer, self.pos.word_tag_tab = self.tokenizer, dict(tags)
        for word in DOMAIN_WORDS:
            self.tokenizer.add_word(fold(word), freq=20000, tag="n")
        for key in catalog.by_key:
            if 2 <= len(key) <= 40:
                self.tokenizer.add_word(key, freq=50000, tag="nz")

    def __call__(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        offset = 0
        for pair in self.pos.cut(text):
            start = text.find(pair.word, offset)
            if start < 0:
                start = offset
            end = start + len(pair.word)
            tokens.append(Token(pair.word, pair.flag, start, end))
            offset = end
        return tokens

    def cut(self, text: str, *args, **kwargs):
        """jieba's interface, so spaCy's Chinese tokenizer can use this segmenter."""
        return self.tokenizer.cut(text, *args, **kwargs)
