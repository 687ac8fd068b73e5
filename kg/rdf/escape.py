"""The ONE place where a value becomes SPARQL text, for the whole project.

User text never goes into a query string directly: every value a query needs (a department's
IRI, a year, an amount, a keyword) is rendered by these functions as a literal or an IRI — by
the question service's query builder (``nlp.sparql``) and by the web app's data functions
(``web.data``). Strings are escaped per the SPARQL 1.1 grammar (STRING_LITERAL_LONG is never used; every
character that could end or alter the literal is escaped), IRIs are checked against the IRIREF
production and rejected if they hold anything outside it, numbers are re-printed from ``Decimal``/
``int``. ``tests/test_nlp_units.py`` feeds them hostile input.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_ESCAPES = {"\\": "\\\\", '"': '\\"', "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}
# IRIREF: no whitespace, no <>"{}|^`\ and no control characters.
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class UnsafeValue(ValueError):
    """A value that cannot be put into a query safely."""


def literal(value: str) -> str:
    """A SPARQL string literal holding exactly ``value``."""
    if not isinstance(value, str):
        raise UnsafeValue(f"not a string: {type(value).__name__}")
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04X}" if ord(ch) < 0x20 else "\uFFFD")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def iri(value: str) -> str:
    """``<value>`` after checking it is a well-formed absolute IRI."""
    if not isinstance(value, str) or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) \
            or _IRI_BAD.search(value):
        raise UnsafeValue(f"not an IRI: {value!r}"[:120])
    return f"<{value}>"


def integer(value: int) -> str:
    """An xsd:integer literal from an ``int`` (bool refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise UnsafeValue("not an integer")
    return str(value)


def decimal(value: Decimal | int | str) -> str:
    """An xsd:decimal literal from an exact number."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise UnsafeValue("not a number") from exc
    if not number.is_finite():
        raise UnsafeValue("not a finite number")
    text = format(number, "f")
    if "." not in text:
        text += ".0"
    return f'"{text}"^^<http://www.w3.org/2001/XMLSchema#decimal>'


def term(value) -> str:
    """Any bindable value: IRIs are given as ``("iri", text)``; ints, Decimals and strings."""
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "iri":
        return iri(value[1])
    if isinstance(value, bool):
        raise UnsafeValue("booleans are not bound")
    if isinstance(value, int):
        return integer(value)
    if isinstance(value, Decimal):
        return decimal(value)
    return literal(value)


def values_block(variable: str, values: list) -> str:
    """``VALUES ?variable { … }`` with each value rendered by ``term``; an empty list yields
    ``UNDEF`` (no restriction)."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", variable):
        raise UnsafeValue("bad variable name")
    body = " ".join(term(v) for v in values) if values else "UNDEF"
    return f"VALUES ?{variable} {{ {body} }}"
