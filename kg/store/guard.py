"""What a caller's SPARQL may ask of a store, checked before any parser sees the text.

Two dangers are refused here, in one place used by the web endpoint and by ``budgetkg sparql``:

- **Outbound requests.** ``SERVICE`` (federated query) and ``LOAD`` (update) make the store fetch
  a URL the caller names: oxigraph and rdflib both do it, so a public endpoint would become a
  server-side request forgery. They are refused unless the target IRI is on the operator's
  allow-list. (rdflib's other fetch, ``FROM``/``USING`` loading remote graphs, is switched off in
  ``kg.store.memory``; oxigraph never fetches for them.)
- **Server pragmas.** Virtuoso's ``DEFINE get:soft`` fetches ``FROM`` graphs over the network;
  ``DEFINE`` is no SPARQL keyword, so it is refused outright.
- **Nesting.** Parsers recurse on ``{``/``(``/``[``: a few thousand levels overflow the native
  stack (pyoxigraph crashes the process with a segmentation fault). Depth is counted lexically.

Why a lexer, not a regular expression over the text: the words may sit inside strings, IRIs,
comments, variable or prefixed names (``?service``, ``ex:load``, ``"SERVICE"``) where they are
harmless, and a refusal there would break honest queries; the lexer follows SPARQL's terminals so it
sees a keyword exactly where a parser would. Keywords are case-insensitive (compared with
``str.upper`` as pyparsing does, so ``ſervice`` is caught too), and the text is scanned twice:
as written (oxigraph reads ``\\u`` escapes only inside strings and IRIs) and with every ``\\u``/
``\\U`` escape decoded first (the SPARQL specification's rule, which rdflib follows). A keyword
found by either reading is refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

DEFAULT_MAX_DEPTH = 64  # the project's own queries nest at most ~8 deep; parsers crash in the thousands
REMOTE_KEYWORDS = ("SERVICE", "LOAD")


class QueryRefused(ValueError):
    """A query the guard will not pass on; ``kind`` is a short machine-readable reason."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class QueryPolicy:
    """What callers may ask: ``allowed_endpoints`` are the exact absolute IRIs ``SERVICE`` and
    ``LOAD`` may name (none by default); ``max_depth`` bounds nesting of ``{ ( [``."""

    allowed_endpoints: frozenset[str] = field(default_factory=frozenset)
    max_depth: int = DEFAULT_MAX_DEPTH

    def __post_init__(self) -> None:
        if self.max_depth < 1:
            raise ValueError(f"max_depth must be at least 1, not {self.max_depth}")
        object.__setattr__(self, "allowed_endpoints", frozenset(self.allowed_endpoints))
        for iri in self.allowed_endpoints:
            if not ABSOLUTE_IRI.match(iri) or IRI_FORBIDDEN.search(iri):
                raise ValueError(f"allowed endpoint is not an absolute IRI: {iri!r}")


# ------------------------------------------------------------------ SPARQL terminals (SPARQL 1.1 §19.8)
_PN_CHARS_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
                  "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + "\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = (f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})"
             f"(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?")
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"

TOKEN_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("space", re.compile(r"\s+")),
    ("comment", re.compile(r"#[^\r\n]*")),
    # long strings first; an unterminated string ends at the end of its line (short) or of the text
    ("string", re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)|' r"'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)", re.S)),
    ("string", re.compile(r'"(?:[^"\\\r\n]|\\.)*"?|' r"'(?:[^'\\\r\n]|\\.)*'?")),
    ("iri", re.compile(r"<(?:[^<>\"{}|^`\\\x00-\x20]|" + _UCHAR + r")*>")),
    ("var", re.compile(f"[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*")),
    ("bnode", re.compile(f"_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?")),
    ("pname", re.compile(f"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?")),
    ("number", re.compile(r"[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?")),
    ("word", re.compile(r"\w+")),  # keywords; Unicode-wide so a case-folding parser's keyword is seen
]
LANG_TAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
OPENERS, CLOSERS = "{([", "})]"
ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
IRI_FORBIDDEN = re.compile(r"[<>\"{}|^`\\\x00-\x20]")
_ESCAPE = re.compile(_UCHAR)


@dataclass(frozen=True)
class Token:
    kind: str  # space/comment are never yielded; string, iri, var, bnode, pname, number, word, lang, punct
    text: str
    at: int


def tokens(text: str) -> Iterator[Token]:
    """SPARQL tokens of ``text`` without whitespace and comments. Never fails: a character no rule
    matches is a one-character ``punct`` token, so the scan goes on where a parser would stop."""
    pos, n, previous = 0, len(text), ""
    while pos < n:
        if text[pos] == "@" and previous == "string":  # a language tag, only right after a literal
            m = LANG_TAG.match(text, pos)
            if m:
                yield Token("lang", m.group(), pos)
                pos, previous = m.end(), "lang"
                continue
        for kind, rule in TOKEN_RULES:
            m = rule.match(text, pos)
            if m and m.end() > pos:
                if kind not in ("space", "comment"):
                    yield Token(kind, m.group(), pos)
                    previous = kind
                pos = m.end()
                break
        else:
            yield Token("punct", text[pos], pos)
            previous = "punct"
            pos += 1


def decode_escapes(text: str) -> str:
    """Every ``\\uXXXX``/``\\UXXXXXXXX`` replaced by its character (SPARQL 1.1 §19.2)."""
    def one(m: re.Match[str]) -> str:
        code = int(m.group()[2:], 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _ESCAPE.sub(one, text)


def _is_keyword(tok: Token, word: str) -> bool:
    return tok.kind == "word" and (tok.text.upper() == word or tok.text.casefold() == word.casefold())


def _scan(text: str, policy: QueryPolicy) -> None:
    depth = deepest = 0
    prefixes: dict[str, str] = {}
    toks = list(tokens(text))
    for i, tok in enumerate(toks):
        if tok.kind == "punct":
            if tok.text in OPENERS:
                depth += 1
                if depth > policy.max_depth:
                    raise QueryRefused("query-too-deep",
                                       f"查询嵌套过深：超过 {policy.max_depth} 层括号 "
                                       f"(nesting deeper than {policy.max_depth} levels of {{ ( [)")
                deepest = max(deepest, depth)
            elif tok.text in CLOSERS:
                depth = max(0, depth - 1)
            continue
        if _is_keyword(tok, "PREFIX") and i + 2 < len(toks) and toks[i + 1].kind == "pname" \
                and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text] = _iri_value(toks[i + 2].text)
        if _is_keyword(tok, "DEFINE"):
            raise QueryRefused("remote-request-refused",
                               "不接受 DEFINE 指令 (server pragmas such as Virtuoso's get:soft, which "
                               "fetches FROM graphs over the network, are refused)")
        for word in REMOTE_KEYWORDS:
            if _is_keyword(tok, word):
                target = _target(toks, i + 1, prefixes)
                if target is None or target not in policy.allowed_endpoints:
                    named = f" {target}" if target else ""
                    raise QueryRefused(
                        "remote-request-refused",
                        f"不允许 {word}{named}：本服务不代为访问其他地址 "
                        f"({word} makes the server fetch a URL; refused unless the operator "
                        f"allow-lists the endpoint)")


def _iri_value(token_text: str) -> str:
    return decode_escapes(token_text[1:-1])


def _target(toks: list[Token], j: int, prefixes: dict[str, str]) -> str | None:
    """The absolute IRI a ``SERVICE``/``LOAD`` names (after ``SILENT``), else None (a variable, a
    relative IRI, an unknown prefix: never allowed)."""
    if j < len(toks) and _is_keyword(toks[j], "SILENT"):
        j += 1
    if j >= len(toks):
        return None
    tok = toks[j]
    if tok.kind == "iri":
        iri = _iri_value(tok.text)
    elif tok.kind == "pname":
        ns, _, local = tok.text.partition(":")
        if ns + ":" not in prefixes or "\\" in local or "%" in local:
            return None
        iri = prefixes[ns + ":"] + local
    else:
        return None
    return iri if ABSOLUTE_IRI.match(iri) else None


def check_query(text: str, policy: QueryPolicy | None = None) -> None:
    """Raise :class:`QueryRefused` when ``text`` (a query or an update) names a remote endpoint that
    is not allowed or nests deeper than allowed; return quietly otherwise."""
    policy = policy or QueryPolicy()
    _scan(text, policy)
    decoded = decode_escapes(text)
    if decoded != text:
        _scan(decoded, policy)


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``{ ( [`` in ``text`` outside strings, IRIs and comments."""
    depth = deepest = 0
    for tok in tokens(text):
        if tok.kind == "punct" and tok.text in OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif tok.kind == "punct" and tok.text in CLOSERS:
            depth = max(0, depth - 1)
    return deepest


__all__ = ["DEFAULT_MAX_DEPTH", "QueryPolicy", "QueryRefused", "check_query", "decode_escapes",
           "nesting_depth", "tokens"]
