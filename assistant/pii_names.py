"""Names of private persons written next to a health or social detail ("Liisa Virtasella on todettu
diabetes", "Johan Lundgrens … sover i bilen"): the part of the personal-data guard that reads people, apart
from the codes, numbers and addresses in ``pii.py``. Staff named with their title are not flagged."""

from __future__ import annotations

import bisect
import re

from assistant.pii_words import FIRST_NAMES, HEALTH_STEMS, HEALTH_TERMS, ROLE_PARTS, TITLE_PARTS, alternation

_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")


def health_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    """The condition words as one pattern (a function so that cross-validation can leave some out)."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(s[:-1]) + r"(?![^\W\d_])" if s.endswith("!") else re.escape(s)
        for s in sorted(stems, key=len, reverse=True)) + ")", re.IGNORECASE)


def stems_by3(stems: tuple[str, ...]) -> dict[str, list[str]]:
    """Stems by their first three letters, for the cheap check; multi-word stems by their first word."""
    out: dict[str, list[str]] = {}
    for stem in stems:
        first = stem.split()[0].rstrip("!")
        out.setdefault(first[:3], []).append(first)
    return out


_HEALTH = health_pattern(HEALTH_STEMS + HEALTH_TERMS)
_STEMS_BY3 = stems_by3(HEALTH_STEMS + HEALTH_TERMS)


def _may_mention_health(text: str) -> bool:
    """A cheap word-prefix check before the full condition-word pattern runs."""
    for word in re.findall(r"[^\W\d_][\w-]*", text.lower()):
        stems = _STEMS_BY3.get(word[:3])
        if stems and any(word.startswith(s) for s in stems):
            return True
    return False


_FI_CASE = re.compile(r"(?:lla|llä|lle|lta|ltä|ssa|ssä|sta|stä|lle|na|nä|ksi|n|a|ä)$")
NAME_WINDOW = 15  # words between the name and the condition word, within one sentence
# A sentence ends at . ! ? before a capital letter (so "p. 044 …" and "esim. masennus" do not end one).
# An initial's full stop ("T. Salo") ends none.
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<![\wåäöÅÄÖ][A-ZÅÄÖ])(?<=[A-ZÅÄÖ])\.(?=\s[A-ZÅÄÖ][a-zåäö])|"
                       r"[.!?]+(?!\s+[A-ZÅÄÖ\"”(]|\s*$))+(?:[.!?]+|\n|$)")


_SURNAME = re.compile(r"(?:nen|s(?:en|elle|ella|ellä|elta|eltä|esta|estä|een|ena|enä)|sson|ström|berg|lund|"
                      r"qvist|kvist|gren|dahl|holm|stedt|blad)$")
_ROLE = re.compile(alternation(ROLE_PARTS))
# A name typed in lowercase counts only as a known first name + a word shaped like a surname ("liisa mäkelä").
_LOWER_SURNAME = re.compile(r"(?:nen|s(?:en|elle|ella|ellä|elta|eltä|een)|l[äa](?:n|lle|llä|lla|lta|ltä)?|sson|"
                            r"ström|berg|lund|qvist|kvist|gren|dahl|holm)$")


def _lowercase_name(word: str, nxt: str) -> bool:
    return word.islower() and nxt.islower() and len(word) > 3 and word in FIRST_NAMES \
        and (bool(_LOWER_SURNAME.search(nxt)) or len(nxt) == 1 and nxt not in "aiåeoyä")  # not "make a …"


# Words after a name that make it the name of a street, a building, a foundation or a prize.
_NAMED = frozenset("""katu kadun kadulla kadulle tie tien tiellä kuja säätiö säätiön säätiöltä rahasto oy ab ry sr
talo talon sairaala sairaalan koulu koulun lukio palkinto palkinnon instituutti gatan gata vägen väg stiftelse
stiftelsen fond fonden sjukhus sjukhuset skola skolan priset pris street road avenue lane foundation trust fund
hospital school wing centre center institute prize award college university opas opasta oppaan kirja kirjaa
kirjan teos bok boken book guide menetelmä metodi roman romanen romaner romaani romaanin romaanit novel novels
dikter runot""".split())


def _named_after(words: list[re.Match[str]], end: int) -> bool:
    """The name is followed (maybe after more names: "Signe ja Ane Gyllenbergin säätiö") by such a word."""
    for j in range(end + 1, min(len(words), end + 5)):
        w = words[j].group(0)
        if w.lower() in _NAMED:
            return True
        if not (w[:1].isupper() or w.lower() in ("ja", "och", "and")):
            return False
    return False


# Between a name and the detail: the detail is about a group the person speaks of ("Pirjo kertoi, että yhä
# useampi asiakkaista on …", "Anna says many of our clients have …"), not about the person.
_OTHERS = frozenset("""moni monella monet useampi useat asiakkaista asiakkaat asiakkailla heidän many most
several clients customers residents families people flera många flesta klienterna kunderna""".split())
# only with a group after them: "osa asiakkaista", "some of our clients"; not "some pain", "on osa arkea"
_SOME = frozenset("osa some".split())


def _others_at(words: list[re.Match[str]], j: int) -> bool:
    """Word ``j`` speaks of a group of people, not of one person."""
    w = words[j].group(0).lower()
    if w in _SOME:
        nxt = words[j + 1].group(0).lower() if j + 1 < len(words) else ""
        return nxt == "of" or (nxt in _OTHERS and nxt not in ("most", "many"))
    return w in _OTHERS


def _about_others(words: list[re.Match[str]], end: int, h: int) -> bool:
    return h > end and any(_others_at(words, j) for j in range(end + 1, h))


def _title(word: str) -> bool:
    """A staff title, or a compound ending in one ("ylilääkäri"); "dr" only as a whole
    word, so that "Tindra" (stem "tindr") is not a doctor."""
    low = word.lower().rstrip(".")
    stem = _FI_CASE.sub("", low)
    return any(w.endswith(t) if len(t) > 2 else w == t for t in TITLE_PARTS for w in (low, stem))


def _role_word(sentence: str, at: int) -> bool:
    """The condition word at ``at`` is part of a job or service compound ("kuntoutusohjaaja")."""
    word = _WORD.match(sentence, at)
    return bool(word and _ROLE.search(word.group(0).lower(), 3))


# first parts of double names that alone are words ("Maj-Britt"; "maj" is May in Swedish)
_DOUBLE_HEADS = frozenset("maj".split())


def _first_name(word: str) -> bool:
    if not word[:1].isupper() or word.isupper():
        return False
    low = word.lower().rstrip("'’")
    if "-" in low:  # "Per-Anders", "Marja-Liisan": a double name, not "Etelä-Karjala"
        head, _, tail = low.partition("-")
        return low in FIRST_NAMES or ((head in FIRST_NAMES or head in _DOUBLE_HEADS) and _first_name(tail.capitalize()))
    if low in FIRST_NAMES:
        return True
    stem = _FI_CASE.sub("", low)
    # "Ahmedilta", "Ahmedille": a name ending in a consonant takes an -i- before the case ending
    return stem in FIRST_NAMES or (stem + "a") in FIRST_NAMES or (stem + "i") in FIRST_NAMES \
        or (stem.endswith("i") and stem[:-1] in FIRST_NAMES) or _graded(stem) in FIRST_NAMES


_GRADE = re.compile(r"([^kpt])([kpt])([aeiouyäö])$")


def _graded(stem: str) -> str:
    """The name behind a Finnish case form with consonant gradation: "Jukalta" (stem "juka") is Jukka's,
    "Matille" Matti's, "Heikiltä" Heikki's; "" where the stem has no single k, p or t before its last vowel."""
    m = _GRADE.search(stem)
    return stem[:m.start(2)] + m.group(2) * 2 + m.group(3) if m and len(stem) >= 4 else ""


def names_with_health(text: str) -> list[tuple[int, int, str]]:
    """Spans of private persons' names written next to a health or social detail."""
    if not _may_mention_health(text) or not _HEALTH.search(text):
        return []
    out: list[tuple[int, int, str]] = []
    sents = list(_SENTENCE.finditer(text))
    healthy = [any(not _role_word(s.group(0), h.start()) for h in _HEALTH.finditer(s.group(0))) for s in sents]
    for k, sent in enumerate(sents):
        s_text, base = sent.group(0), sent.start()
        words = list(_WORD.finditer(s_text))
        starts = [w.start() for w in words]
        health = [bisect.bisect_right(starts, h.start()) - 1 for h in _HEALTH.finditer(s_text)
                  if not _role_word(s_text, h.start())]  # word indexes
        # the detail in the sentence just before or after ("… placerad enligt LVU. Det gäller Emelie Strand.")
        beside = (k and healthy[k - 1]) or (k + 1 < len(sents) and healthy[k + 1])
        if not health and not beside:
            continue
        i = 0
        while i < len(words):
            w = words[i].group(0)
            nxt = words[i + 1].group(0) if i + 1 < len(words) else ""
            surname_shape = w[:1].isupper() and not w.isupper() and nxt[:1].isupper() and bool(_SURNAME.search(nxt))
            surname_first = w[:1].isupper() and not w.isupper() and bool(_SURNAME.search(w)) and _first_name(nxt)
            known = _first_name(w) or _lowercase_name(w, nxt) or surname_first  # not only name-shaped
            initial = len(w) == 1 and w.isupper() and s_text[words[i].end():words[i].end() + 2] == ". " \
                and nxt[:1].isupper() and not nxt.isupper() and i + 1 < len(words)
            if _lowercase_name(w, nxt) or surname_first or initial:  # "liisa mäkelä", "tommi r.", "Niemisen
                end = i + 1  # Jussi", "T. Salo"
            elif not (_first_name(w) or surname_shape):
                i += 1
                continue
            else:
                end = i
            after = words[i + 1].group(0) if i + 1 < len(words) else ""
            if end == i and after[:1].isupper() and not after.isupper() \
                    and s_text[words[i].end():words[i + 1].start()].strip() == "":
                end = i + 1  # first name + surname
            span = (base + words[i].start(), base + words[end].end())
            if (i and _title(words[i - 1].group(0))) or _named_after(words, end):
                i = end + 1  # "sosiaaliohjaaja Pekka Virtanen" is staff; "Minna Canthin katu" a street
                continue
            near = any(abs(h - i) <= NAME_WINDOW and h not in (i, end) and not _about_others(words, end, h)
                       for h in health)
            if near or (not health and end > i and known):
                out.append((span[0], span[1], text[span[0]:span[1]]))
            i = end + 1
    return out
