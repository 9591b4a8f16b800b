"""Terms of an agreement read from its sentences: duration, renewal, provisions, value.

A sentence belongs to an agreement when it mentions it, or when it mentions none and the
agreement was the last one mentioned in the previous ``ANAPHORA_SENTENCES`` sentences
("It is valid for twenty years.").

- duration (``term_years``): "valid for twenty years", "for a period of 10 years",
  "remains in force for 25 years", "concluded for 20 years", "signed the pact for five
  years" (right after a mention), "a 10-year agreement" (a year quantity just before the
  head); months are converted (18 months -> 1.5);
- renewal: "renewed automatically for successive five-year periods" -> automatic, 5 years;
  "every year" / "every five years" give the period too; "tacitly renewable" is automatic;
  "automatic renewal" -> automatic, no period; "can be extended by mutual consent" ->
  not automatic (with its period when said); renewal periods are never read as the term;
- provisions: the phrase patterns of ``data/provisions.yaml``, unless the phrase is denied
  ("contains no mutual defence clause", "does not provide for joint exercises", "stops
  short of a mutual defence commitment", "a mutual defence clause was left out");
- value: a money quantity after the mention and after "worth", "valued at", "for",
  "totalling", "costing" or "of" (at most ``VALUE_WINDOW`` characters on), or just
  before its head ("a $5 billion deal"). USD is preferred; another currency is kept
  as written (there are no exchange rates offline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from dyad.agreements.lexicon import Lexicon
from dyad.agreements.mention_record import AgreementMention
from dyad.model import Quantity, Renewal
from dyad.nlp.parsed import Sentence
from dyad.quantities import parse_number

VALUE_WINDOW = 70
# a number in digits or words ("25", "twenty-five"); any other word is no number ("it by")
_WORD_NUMBERS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 r"fifteen|eighteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 r"ninety-nine|hundred)")
_NUM = r"(?P<num>\d+(?:\.\d+)?|" + _WORD_NUMBERS + r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
_UNIT = r"[- ]?(?P<unit>years?|months?|decades?)\b"
_DURATION = re.compile(
    r"\b(?:valid|in force|in effect|last(?:s|ing)?|run(?:s|ning)?|remains? in force|"
    r"(?:concluded|signed|agreed|entered into) for|"
    r"(?:a|the|initial) (?:period|term|duration) of|term of|duration of|period of|span of)"
    r"\s+(?:for\s+)?(?:a\s+(?:period|term)\s+of\s+)?(?:an?\s+initial\s+)?" + _NUM + r"\s*" + _UNIT,
    re.IGNORECASE)
_AUTO = re.compile(
    r"\b(?:(?:automatically|tacitly)\s+(?:be\s+)?(?:renewed|extended|prolonged|renews?|extends?)|"
    r"(?:renewed|extended|prolonged|renews?|extends?)\s+(?:itself\s+)?(?:automatically|tacitly)|"
    r"tacitly\s+renewable|"
    r"automatic(?:ally)?\s+(?:renewal|extension|rollover)|rolls?\s+over(?:\s+automatically)?|"
    r"(?:renews?|extends?)\s+itself|"
    # "is extended for five-year periods unless either party gives notice"
    r"(?:is|are|be|being)\s+(?:renewed|extended|prolonged)(?=[^.;]{0,60}\bunless\b))\b"
    r"(?P<rest>[^.;]{0,80})", re.IGNORECASE)
_OPTIONAL = re.compile(
    r"\b(?:(?:can|could|may|might)\s+be\s+(?:renewed|extended|prolonged)|"
    r"(?:renewable|extendable|extendible)|option\s+to\s+(?:renew|extend)|"
    r"(?:renewed|extended)\s+by\s+mutual\s+(?:consent|agreement))\b(?P<rest>[^.;]{0,80})",
    re.IGNORECASE)
_PERIOD = re.compile(r"(?:for\s+)?(?:(?:successive|further|additional|another|consecutive|"
                     r"subsequent)\s+)?(?:periods?\s+of\s+)?" + _NUM + r"\s*" + _UNIT, re.IGNORECASE)
# "a 10-year term", "its 25-year duration"
_TERM_NOUN = re.compile(r"\b(?:a|an|its|the|their|initial)\s+" + _NUM + r"[- ](?P<unit>year|month|decade)s?"
                        r"\s+(?:initial\s+)?(?:term|duration|lifespan|validity|mandate)\b", re.IGNORECASE)
# "renewable for another decade": one period without a number
_ONE_PERIOD = re.compile(r"\s*(?:for|by)\s+(?:another|a|one|a\s+further|an\s+additional)\s+"
                         r"(?P<unit>year|decade)\b", re.IGNORECASE)
_FOR_AFTER = re.compile(r"\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?(?:an?\s+initial\s+)?" + _NUM
                        + r"\s*" + _UNIT, re.IGNORECASE)
_EVERY = re.compile(r"\s*(?:for\s+)?(?:each|every)\s+(?:(?P<num>\d+(?:\.\d+)?|[a-z]+)\s+)?"
                    r"(?P<unit>years?|months?|decades?)\b", re.IGNORECASE)
_VALUE_CUE = re.compile(r"\b(?:worth|valued\s+at|value\s+of|for|totall?ing|costing|of|at)\s+"
                        r"(?:(?:about|around|some|nearly|almost|up\s+to|more\s+than|over|"
                        r"roughly|approximately|an\s+estimated)\s+)?$", re.IGNORECASE)
# A denial just before a provision phrase, with at most three words between and no clause
# boundary: "no", "not" (but "not only"), "without", "nor", "lacks", "stops short of".
_DENIAL_BEFORE = re.compile(
    r"\b(?:no|not(?!\s+only\b)|never|without|nor|neither|lacks?|lacking|omits?|omitting|"
    r"excludes?|excluding|(?:stops?|stopped|stopping|falls?|fell|falling)\s+short\s+of|"
    r"rather\s+than|instead\s+of)\b(?P<gap>(?:\s+[\w'-]+){0,3}?)\s*$", re.IGNORECASE)
_CLAUSE_WORD = re.compile(r"\b(?:and|but|or|while|which|that|who|although|though)\b", re.IGNORECASE)
# A denial just after it: "a mutual defence clause is not included", "... was dropped"
_DENIAL_AFTER = re.compile(
    r"^[\w\s-]{0,25}?\b(?:is|was|are|were|has\s+been|had\s+been)\s+(?:(?:not|never)\s+"
    r"(?:included|contained|part\s+of|in\s+(?:it|the)\b)|absent|missing|excluded|omitted|dropped|left\s+out|removed|struck\s+out)", re.IGNORECASE)
DENIAL_WINDOW = 45


def provision_denied(chunk: str, start: int, end: int) -> bool:
    """Whether the provision phrase at ``chunk[start:end]`` is said to be absent."""
    before = re.split(r"[,;:()]", chunk[max(0, start - DENIAL_WINDOW):start])[-1]
    m = _DENIAL_BEFORE.search(before)
    if m is not None and not _CLAUSE_WORD.search(m.group("gap")):
        return True
    after = re.split(r"[,;:()]", chunk[end:end + DENIAL_WINDOW])[0]
    return _DENIAL_AFTER.search(after) is not None


def _affirmed(pattern: re.Pattern[str], chunk: str) -> bool:
    return any(not provision_denied(chunk, m.start(), m.end()) for m in pattern.finditer(chunk))


@dataclass
class Terms:
    term_years: float | None = None
    renewal: Renewal | None = None
    provisions: list[str] = field(default_factory=list)
    value: Quantity | None = None
    sentences: list[int] = field(default_factory=list)  # where the terms were read


# Where a renewal clause's words end: "renewed itself every five years until Moscow
# declined to extend it" (the refusal is a stage of its own)
_CLAUSE_END = re.compile(r"[,;]|\b(?:until|till|but|before|after|when|although|though|unless)\b",
                         re.IGNORECASE)


def term_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Renewal clauses of a sentence, up to the next clause: their "renewed"/"extended" is
    a term, not a stage."""
    chunk = text[start:end]
    spans = []
    for m in (m for p in (_AUTO, _OPTIONAL) for m in p.finditer(chunk)):
        stop = _CLAUSE_END.search(chunk, m.start("rest"), m.end())
        spans.append((start + m.start(), start + (stop.start() if stop else m.end())))
    return spans


def _years(m: re.Match[str]) -> float | None:
    n = parse_number(m.group("num"))
    if n is None or n <= 0:
        return None
    unit = m.group("unit").lower()
    return n / 12 if unit.startswith("month") else n * 10 if unit.startswith("decade") else n


def read_terms(text: str, sent: Sentence, mentions: Sequence[AgreementMention],
               quantities: Sequence[Any], lexicon: Lexicon, terms: Terms) -> None:
    """Add what ``sent`` says about one agreement to ``terms`` (first reading wins)."""
    s, e = sent.start, sent.end
    chunk = text[s:e]
    renewal_spans: list[tuple[int, int]] = []
    found_any = False
    for pattern, automatic in ((_AUTO, True), (_OPTIONAL, False)):
        m = pattern.search(chunk)
        if m is None:
            continue
        rest = re.sub(r"^\s*(?:itself\s+)?(?:automatically|tacitly)\b", "", m.group("rest"))
        period = _PERIOD.search(rest)
        years = _years(period) if period and period.start() <= 30 else None
        every = _EVERY.match(rest)
        if years is None and every:  # "renewed automatically every year"
            years = _years(every) if every.group("num") else 1.0
        one = _ONE_PERIOD.match(rest)
        if years is None and one:  # "renewable for another decade"
            years = 10.0 if one.group("unit").lower() == "decade" else 1.0
        if terms.renewal is None:
            terms.renewal = Renewal(automatic=automatic, term_years=years)
        renewal_spans.append((m.start(), m.end()))
        found_any = True
    if terms.term_years is None:
        for m in _DURATION.finditer(chunk):
            if any(a <= m.start() < b for a, b in renewal_spans):
                continue
            years = _years(m)
            if years is not None:
                terms.term_years = years
                found_any = True
                break
    if terms.term_years is None:  # "which has a 10-year term"
        for m in _TERM_NOUN.finditer(chunk):
            if not any(a <= m.start() < b for a, b in renewal_spans) and _years(m) is not None:
                terms.term_years = _years(m)
                found_any = True
                break
    if terms.term_years is None:  # "signed the pact for five years": right after a mention
        for m in (m for m in mentions if m.sent == sent.i):
            after = _FOR_AFTER.match(text, m.end)
            years = _years(after) if after else None
            if years is not None:
                terms.term_years = years
                found_any = True
                break
    if terms.term_years is None:  # "a 10-year agreement": a year quantity before the head
        own = [m for m in mentions if m.sent == sent.i]
        for q in quantities:
            if q.unit == "year" and q.start is not None and "-year" in q.text \
                    and any(m.start <= q.start and q.end <= m.head_start for m in own):
                terms.term_years = q.value
                found_any = True
                break
    for name, patterns in lexicon.provisions:
        if name not in terms.provisions and any(_affirmed(p, chunk) for p in patterns):
            terms.provisions.append(name)
            found_any = True
    if terms.value is None:
        terms.value = _value(text, sent, mentions, quantities)
        found_any = found_any or terms.value is not None
    if found_any and sent.i not in terms.sentences:
        terms.sentences.append(sent.i)


def _value(text: str, sent: Sentence, mentions: Sequence[AgreementMention],
           quantities: Sequence[Any]) -> Quantity | None:
    money = [q for q in quantities if q.start is not None and sent.start <= q.start
             and q.end <= sent.end and re.fullmatch(r"[A-Z]{3}", q.unit)]
    found = []
    for m in (m for m in mentions if m.sent == sent.i):
        for q in money:
            if m.start <= q.start and q.end <= m.head_start:
                found.append(q)  # "a $5 billion deal"
            elif q.start >= m.end and q.start - m.end <= VALUE_WINDOW \
                    and _VALUE_CUE.search(text[m.end:q.start]) \
                    and not re.search(r"[;]", text[m.end:q.start]):
                found.append(q)
    if not found:
        return None
    usd = [q for q in found if q.unit == "USD"]
    return (usd or found)[0]
