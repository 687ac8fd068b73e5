"""Request parameters, read and checked in one place: a bad value is a 400 naming the parameter.

Why here and not in each view: every view that takes an IRI (``iri=``, ``department=``), a year
or a piece of text reads it through these functions, so a hostile value is refused the same way
everywhere — JSON for the API and the ``.json``/``.csv``/``.ttl`` variants, the HTML error page
for pages (``views_pages.query_failed``) — and never reaches a data function, where it used to
raise deep inside query building and end as an unhandled 500.
"""
from __future__ import annotations

import re

from flask import request

from kg.store.guard import ABSOLUTE_IRI, IRI_FORBIDDEN
from web.executor import QueryError

MAX_IRI = 2048  # longer than any IRI the graph mints
MAX_NAME = 200  # a department name or a search text
YEAR = re.compile(r"^\d{4}$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadParameter(QueryError):
    """A request parameter that cannot be used: 400 with the parameter's name and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(400, "bad-parameter", f"参数 {name} 无效：{reason}")
        self.parameter = name


def _raw(name: str) -> str | None:
    value = request.args.get(name)
    if value is None or not value.strip():
        return None
    return value.strip()


def check_iri(name: str, value: str) -> str:
    """``value`` if it is an absolute IRI a query can hold, else :class:`BadParameter`."""
    if len(value) > MAX_IRI:
        raise BadParameter(name, f"IRI 过长（超过 {MAX_IRI} 个字符）(IRI too long)")
    if not ABSOLUTE_IRI.match(value) or IRI_FORBIDDEN.search(value):
        raise BadParameter(name, "不是合法的 IRI (not an absolute IRI, or it holds < > \" { } | ^ ` \\ "
                                 "spaces or control characters)")
    return value


def iri_param(name: str = "iri") -> str | None:
    """An IRI parameter (``iri=``), or None where absent."""
    value = _raw(name)
    return None if value is None else check_iri(name, value)


def text_param(name: str, max_length: int = MAX_NAME) -> str | None:
    """Free text (a name to match), without control characters, at most ``max_length`` long."""
    value = _raw(name)
    if value is None:
        return None
    if len(value) > max_length:
        raise BadParameter(name, f"过长（超过 {max_length} 个字符）(longer than {max_length} characters)")
    if CONTROL.search(value):
        raise BadParameter(name, "含控制字符 (holds control characters)")
    return value


def department_param(name: str = "department") -> str | None:
    """A department: its IRI (``http(s)://…``, checked as one) or a part of its name."""
    value = _raw(name)
    if value is None:
        return None
    if value.lower().startswith(("http://", "https://")):  # as the data functions tell them apart
        return check_iri(name, value)
    return text_param(name)


def year_param(name: str = "year") -> str | None:
    """A four-digit year."""
    value = _raw(name)
    if value is None:
        return None
    if not YEAR.match(value):
        raise BadParameter(name, "应为四位数年份，如 2025 (expected a four-digit year)")
    return value


def int_param(name: str, default: int, low: int, high: int) -> int:
    """An integer clamped to ``[low, high]``; absent or not a number: ``default``."""
    try:
        return max(low, min(int(request.args.get(name, default)), high))
    except (TypeError, ValueError):
        return default
