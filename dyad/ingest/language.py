"""Which language a text is in: offline, cheap, no model.

Texts mostly in a non-Latin script are named by their script (Hangul is Korean, kana is
Japanese, Cyrillic with і/ї/є/ґ is Ukrainian, ...). Latin-script texts are named by
votes: each function word (articles, prepositions, auxiliaries: a third or more of running
text) votes for the languages that use it, a word shared by k languages giving each 1/k;
other lower-case words vote by a letter few languages use (ł, ı, ã, ß) or, more weakly,
by a typical ending (-ción, -ung, -ului). The winner must lead clearly, else the language
is unknown and the document is treated as English.

dyad codes English news only; a document read as another language is stored with its
language and a ``NOT_ENGLISH`` failure, and is not coded.
"""

from __future__ import annotations

import re
from collections import Counter

from dyad.errors import NOT_ENGLISH  # noqa: F401 - the failure code, re-exported here

STAGE = "language"

SAMPLE_CHARS = 6000
"""Only the start of a text is read: enough words, and the cost stays flat."""

MIN_LETTERS = 20
"""Fewer letters than this: too little to tell, the language is unknown."""

SCRIPT_SHARE = 0.5
"""Share of letters in one non-Latin script above which the script names the language."""

MIN_HITS = 3.0
"""Function-word votes needed before a Latin-script text is given a language."""

MIN_MARGIN = 0.2
"""How far (as a share of its score) the winner must lead the runner-up; else unknown."""

# --- scripts ---------------------------------------------------------------------------

# (first, last code point, script); Latin includes its accented supplements.
_RANGES = (
    (0x0041, 0x024F, "latin"), (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"), (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"), (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0xFB50, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0B80, 0x0BFF, "tamil"),
    (0x0E00, 0x0E7F, "thai"), (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"), (0x3130, 0x318F, "hangul"), (0xAC00, 0xD7AF, "hangul"),
    (0x3040, 0x30FF, "kana"), (0x31F0, 0x31FF, "kana"),
    (0x4E00, 0x9FFF, "han"), (0x3400, 0x4DBF, "han"), (0xF900, 0xFAFF, "han"),
)
_SCRIPT_LANGUAGE = {
    "greek": "el", "armenian": "hy", "hebrew": "he", "devanagari": "hi", "bengali": "bn",
    "tamil": "ta", "thai": "th", "georgian": "ka", "hangul": "ko", "kana": "ja", "han": "zh",
}
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_PERSIAN = frozenset("پچژگکی")  # letters Arabic does not use
_URDU = frozenset("ٹڈڑںےھ")
_DENSE = ("han", "kana", "hangul")
KANA_SHARE = 0.05
"""Share of kana among CJK letters that makes a text Japanese (Japanese mixes in kanji)."""


def _script(ch: str) -> str | None:
    code = ord(ch)
    if code < 0x80:  # most characters of most inputs
        return "latin" if ch.isalpha() else None
    for first, last, name in _RANGES:
        if first <= code <= last:
            return name if ch.isalpha() or name in ("kana", "han", "thai") else None
    return "other" if ch.isalpha() else None


# --- function words --------------------------------------------------------------------

_FUNCTION_WORDS = {
    "en": "the of and to in is that for it was on with as by at from his her has have had be "
          "are were this which an or not but said its their will would been who after they "
          "he she than about into over also more could should there these those",
    "de": "der die das und ist nicht mit von den dem des ein eine einen einem einer zu auf "
          "für sich auch im als wird wurde werden hat haben sind nach bei aus noch über "
          "oder aber dass sie er es wie nur vor zum zur um diese dieser dieses seine ihre",
    "fr": "le la les de des du et est un une en dans que qui pour pas sur au aux par avec "
          "ce cette il elle ils sont ont été mais plus ne se son sa ses leur selon entre l "
          "d qu lors après aussi",
    "es": "el la los las de del y en que es un una por con para se no su sus al lo como "
          "más pero fue ha han sobre entre este esta según también ya muy cuando donde "
          "sido tras dijo",
    "it": "il la lo gli le di del della dei delle e è che un una per con non sono ha hanno "
          "al alla nel nella da dal si come più ma anche questo questa stato stata sul "
          "sulla tra dopo ancora l dell all nell su i",
    "pt": "o a os as de do da dos das e em no na nos nas que um uma para com não por pelo "
          "pela se é foi são ao à mais mas como seu sua também entre já ainda sobre disse "
          "após há",
    "nl": "de het een en van in is dat op te met voor niet zijn die aan er ook als bij door "
          "om naar maar heeft hebben werd wordt worden nog over uit dit deze tot zal zou "
          "geen wel",
    "sv": "och att det som en ett är av för på med till den har inte om de var vid från "
          "ska kan sig men så efter också under hade eller skulle enligt mot detta",
    "pl": "i w z na się nie do że to jest o od po przez jak a dla ale co jego już oraz "
          "tak był była było są będzie także który która które przed przy tym ze za",
    "tr": "ve bir bu da de ile için olarak olan çok daha gibi ama her ne sonra kadar değil "
          "var yok şu o ki mi ise göre ancak tarafından veya arasında yeni büyük iki ilk kez",
    "id": "yang dan di ke dari ini itu dengan untuk pada tidak dalam akan adalah juga oleh "
          "sebagai telah atau ada mereka kami kata bahwa karena saat sudah lebih antara "
          "setelah para terhadap lagi ingin bisa harus tersebut kepada secara namun sejak "
          "masih",
    "ro": "și în de la cu pe a al ale care este că din un o nu pentru mai să se sunt fost "
          "au fi lui ei acest această după prin despre între dar sau",
}
# Letters only some Latin-script languages use; a word holding one votes for them.
_LETTERS = {
    "ß": "de", "ä": "de sv", "ö": "de sv tr", "ü": "de tr", "å": "sv",
    "ñ": "es", "¿": "es", "¡": "es", "ã": "pt", "õ": "pt", "ç": "fr pt tr",
    "ê": "fr pt", "ô": "fr pt", "è": "fr it", "ù": "fr it", "œ": "fr", "î": "fr ro",
    "â": "fr pt ro", "ò": "it", "ì": "it", "á": "es pt", "í": "es pt", "ú": "es pt",
    "ó": "es pt pl", "é": "fr es pt it",
    "ł": "pl", "ą": "pl", "ę": "pl", "ś": "pl", "ż": "pl", "ź": "pl", "ć": "pl", "ń": "pl",
    "ı": "tr", "ğ": "tr", "ş": "tr", "ă": "ro", "ș": "ro", "ț": "ro", "ţ": "ro",
}
# Common word endings; a word with no function-word or letter vote gives a part vote to
# the languages of its longest listed ending.
_ENDINGS = {
    "en": "ing ed ly ness ment ship",
    "de": "ung ungen lich keit heit schaft isch chen",
    "fr": "eux euse aient ait ement tion tions ées",
    "es": "ción ciones dad idad mente ado ada ados adas aron ieron",
    "it": "zione zioni ità ato ata ati ate mente anno ranno",
    "pt": "ção ções dade mente ado ada ados adas aram eram",
    "nl": "heid lijk lijke ij ijk aa oo ee",
    "sv": "erna arna het lig ade",
    "pl": "ów ych ego ami ość owy owa owe ski ska ej nej ony ymi ach",
    "tr": "lar ler leri ları nın nin dır dir dı di yor iyor den dan",
    "id": "kan nya an",
    "ro": "ului ilor ul ție ții ări ea",
}
ENDING_VOTE = 0.5
"""Weight of an ending's vote: endings are weaker evidence than whole function words."""

LANGUAGES: tuple[str, ...] = tuple(sorted({*_FUNCTION_WORDS, *_SCRIPT_LANGUAGE.values(),
                                           "ru", "uk", "ar", "fa", "ur"}))
"""Every language code ``detect_language`` can return (ISO 639-1)."""


def _split(table: dict[str, str]) -> dict[str, dict[str, float]]:
    """key -> {language: vote}; a key listed for k languages gives each 1/k."""
    owners: dict[str, list[str]] = {}
    for lang, keys in table.items():
        for key in set(keys.split()):
            owners.setdefault(key, []).append(lang)
    return {k: {lang: 1 / len(langs) for lang in langs} for k, langs in owners.items()}


_WORD_VOTES = _split(_FUNCTION_WORDS)
_LETTER_VOTES = {ch: {lang: 1 / len(langs.split()) for lang in langs.split()}
                 for ch, langs in _LETTERS.items()}
_ENDING_VOTES = _split(_ENDINGS)
_ENDING_LENGTHS = sorted({len(e) for e in _ENDING_VOTES}, reverse=True)
_WORD = re.compile(r"[^\W\d_]+|[¿¡]")


def detect_language(text: str) -> tuple[str | None, float]:
    """The ISO 639-1 code of ``text``'s language and a confidence in [0, 1]: the share of
    letters in the script for script-named languages, else the winner's lead over the
    runner-up as a share of its votes.

    ``(None, 0.0)`` when there is too little text, or when no language clearly wins:
    callers treat unknown as English, so a short headline is never rejected.
    """
    sample = text[:SAMPLE_CHARS]
    scripts = Counter(s for ch in sample if (s := _script(ch)) is not None)
    letters = sum(scripts.values())
    # a CJK character carries about a word: count it as three letters toward the minimum
    if letters + 2 * sum(scripts[s] for s in _DENSE) < MIN_LETTERS:
        return None, 0.0
    script, count = max(scripts.items(), key=lambda kv: kv[1])
    share = count / letters
    if script != "latin" and share > SCRIPT_SHARE:
        return _by_script(script, sample, scripts), round(share, 3)
    if script == "kana" or (script == "han" and scripts["kana"]):
        cjk = scripts["han"] + scripts["kana"]
        if cjk / letters > SCRIPT_SHARE:
            return _by_script("han", sample, scripts), round(cjk / letters, 3)
    return _by_function_words(sample)


def _by_script(script: str, sample: str, scripts: Counter) -> str | None:
    if script == "cyrillic":
        return "uk" if any(ch in _UKRAINIAN for ch in sample) else "ru"
    if script == "arabic":
        if sum(ch in _URDU for ch in sample) >= 3:
            return "ur"
        return "fa" if sum(ch in _PERSIAN for ch in sample) >= 3 else "ar"
    if script in ("han", "kana"):
        cjk = scripts["han"] + scripts["kana"]
        return "ja" if scripts["kana"] / cjk >= KANA_SHARE else "zh"
    return _SCRIPT_LANGUAGE.get(script)


def _word_votes(token: str) -> dict[str, float]:
    """A word's votes: as a function word, else by its rare letters, else by its ending.
    Capitalised words vote only as function words: names (Erdoğan, Łódź) say nothing
    about the language of the sentence around them."""
    word = token.lower()
    if votes := _WORD_VOTES.get(word):
        return votes
    if not token[0].islower():
        return {}
    letters = [_LETTER_VOTES[ch] for ch in word if ch in _LETTER_VOTES]
    if letters:  # the letter fewest languages share says the most (first one on a tie)
        return min(letters, key=len)
    for n in _ENDING_LENGTHS:
        if len(word) > n + 1 and (votes := _ENDING_VOTES.get(word[-n:])):
            return {lang: vote * ENDING_VOTE for lang, vote in votes.items()}
    return {}


def _by_function_words(sample: str) -> tuple[str | None, float]:
    scores: Counter[str] = Counter()
    for token in _WORD.findall(sample):
        for lang, vote in _word_votes(token).items():
            scores[lang] += vote
    total = sum(scores.values())
    if total < MIN_HITS:
        return None, 0.0
    (lang, best), *rest = scores.most_common(2)
    second = rest[0][1] if rest else 0.0
    confidence = round((best - second) / best, 3)
    if confidence < MIN_MARGIN:
        return None, confidence
    return lang, confidence


def is_english(language: str | None) -> bool:
    """Whether a document with this language is coded: English, or not known."""
    return language in (None, "en")
