"""Keep personal phone numbers out of the graph.

Why: responsible persons' names are public accountability and go in the graph, but the phone
numbers printed beside them (联系电话) are personal data. Every literal the mapping writes passes
through ``scrub`` so no field, present or future, can carry one in.
"""
from __future__ import annotations

import re

# A label such as 联系电话：0994-2345678 / 电话 13912345678 / 手机号码: … together with the number.
_LABELLED = re.compile(r"[（(]?\s*(?:联系电话|联系方式|办公电话|固定电话|移动电话|手机号码|手机|电话|Tel|TEL|tel)"
                       r"\s*[:：]?\s*[+\d][\d\-－—\s()（）]{5,}\d\s*[)）]?")
# Bare mobile numbers (11 digits starting 1[3-9]) and landlines with an area code (0xxx-xxxxxxx).
_MOBILE = re.compile(r"(?<![\d.])(?:\+?86[-\s]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\d.])")
_LANDLINE = re.compile(r"(?<![\d.])0\d{2,3}[-－—]\d{7,8}(?![\d.])")


def scrub(text: str) -> str:
    """``text`` without phone numbers (and their labels); everything else untouched."""
    if not text or not any(ch.isdigit() for ch in text):
        return text
    out = _LABELLED.sub("", text)
    out = _MOBILE.sub("", out)
    out = _LANDLINE.sub("", out)
    if out != text:
        out = re.sub(r"[ \t]{2,}", " ", out).strip(" ，,;；、")
    return out


def contains_phone(text: str) -> bool:
    return scrub(text) != text
