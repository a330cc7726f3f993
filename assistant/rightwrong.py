"""What a correction says is right and what it calls wrong, clause by clause, as people type them:
"young carers, not parents", "ei X vaan Y", "X:n tilalle Y", "it's not X", "X ei oo mukana", "tiistaisin en
torstaisin", with conditions ("vaikka ei olis …") and remarks ("mä sekotin ne") told around the value.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant import edits, numberwords
from assistant.edits import LEAD_FILLER
from assistant.items import clauses
from assistant.place_for_place import same_preposition

if TYPE_CHECKING:
    from assistant.understand import Understanding


_SUBORDINATORS = {"jos", "vaikka", "kun", "koska", "jollei", "if", "though", "although", "unless", "om", "fast",
                  "även", "eftersom", "när"}
_IT_IS = {"it's", "it is", "it", "that's", "that is", "det är", "det e", "he e", "det", "se", "se on", "se ei", "ne",
          "they're", "they are"}
# a clause about the speaker or about what was just said, not a value: "vi skärpte det", "mä sekotin ne"
REMARK = re.compile(r"^(?:vi|we|mä|mää|minä|jag|i|me|sen|se|ne|dom|de|det|he|they|it|that|this|hän|sitä|niitä|"
                     r"you|du|sä|sinä|voit|kan du|please|vaiha|vaihda|muuta|korjaa|change|byt|ändra|"
                     r"eli|alltså)\b(?!\s+(?:on|ovat|är|e|is|are|was)\s+(?!(?:int|inte|not|ei)\b)\w)",
                     re.IGNORECASE)
# "fysioterapeutin tilalle tuli suuhygienisti", "suuhygienisti fysioterapeutin sijaan",
# "employers instead of Kela", "medborgarinstitutet i stället för församlingen"
REPLACEMENTS: list[tuple[re.Pattern[str], bool]] = [
    (re.compile(r"^(?:ei vaan\s+)?(.+?)\s+(?:tilalle|paikalle|paikalla)\s+(?:tuli\s+|on tullut\s+|tulee\s+|otettiin\s+|"
                r"pitäis\s+olla\s+|pitäisi\s+olla\s+|pitää\s+olla\s+|kuuluu\s+|on\s+)?(.+)$",
                re.IGNORECASE | re.DOTALL), False),
    # "Liperin sijaan Polvijärvi", "Pieksämäen sijasta Savonlinna": what was wrong first
    (re.compile(r"^(?:ja\s+\w+\s+vielä,?\s+)?(\S+?)(?::n|n)?\s+(?:sijaan|sijasta|asemesta)\s+(.+)$",
                re.IGNORECASE | re.DOTALL), False),
    (re.compile(r"^(.+?)\s+(.+?)(?::n|n)?\s+sijaan$", re.IGNORECASE | re.DOTALL), True),
    (re.compile(r"^(.+?)\s+(?:instead of|rather than|in place of|i stället för|istället för)\s+(.+)$",
                re.IGNORECASE | re.DOTALL), True),
]
_REASON = re.compile(r"\b(?:ei|eikä|inte|int|not|doesn't|don't|isn't|aren't|didn't)\b", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^(?:(?:sen|niiden|dess|deras|its|their)\s+tilalle\s+(?:tuli|on tullut|tulee)\s+|"
                         r"ainoastaan|vain|pelkästään|only|just|endast|bara|myös|lisäksi|also|även|också|"
                         r"vaan|utan|but|men|mutta|and|ja|och|the|hos oss är det|meillä on|we have|it's|it is|"
                         r"että|et|att|we also have|meillä on myös|vi har också|vi har även|"
                         r"det är|det e|he e|se on|se oli)\s+", re.IGNORECASE)
_TRAIL = re.compile(r"\s+(?:are|is|on|ovat|är|do|does|tekee|tekevät|gör)$", re.IGNORECASE)
# after a negation these make it a negated verb ("Alavus ei oo mukana"), not a contrast ("tiistaisin en torstaisin")
_NEG_VERBS = {"oo", "ole", "ollut", "olla", "mukana", "kuulu", "kuuluu", "kuuluvat", "tule", "tullut", "är", "var",
              "med", "längre", "ingår", "deltar", "tehdä", "toimi", "maksa", "konsultoi", "enää", "is", "are",
              "was", "involved", "part", "included"}
_VERBS = {"is", "are", "was", "were", "do", "does", "did", "has", "have", "can", "will", "it's", "they're", "we're",
          "should", "must"}
_REMOVED_NOISE = {"ole", "oo", "ollut", "olla", "enää", "mukana", "kuulu", "kuuluu", "kuuluvat", "siis", "really", "e",
                  "me", "int", "tässä",
                  "involved", "are", "is", "was", "were", "längre", "med", "är", "var", "they", "he", "ne", "se",
                  "de", "den", "det", "it", "any", "more", "anymore", "kaikki", "all", "alla", "sen", "niiden"}


NUMBER_WORDS = frozenset("""yksi kaksi kaks kolme neljä viisi viis kuusi kuus seitsemän seittemän kahdeksan kaheksan
yhdeksän yheksän kymmenen kymmene två tre fyra fem sex sju åtta nio tio elva tolv two three four five six seven
eight nine ten eleven twelve""".split())  # not "en", "ett", "one": articles too
# spoken Finnish number words and the written ones a card holds
NUMBER_SPELLINGS = {"kaks": "kaksi", "viis": "viisi", "kuus": "kuusi", "seittemän": "seitsemän",
                    "kaheksan": "kahdeksan", "yheksän": "yhdeksän", "kymmene": "kymmenen"}
# Finnish number words in their case forms ("kolmea", "neljänä", "viittä", "kahden"): stem → the word
_NUMBER_STEMS = (("kahdeksa", "kahdeksan"), ("yhdeksä", "yhdeksän"), ("seitsemä", "seitsemän"), ("kymmen", "kymmenen"),
                 ("kolm", "kolme"), ("nelj", "neljä"), ("viit", "viisi"), ("viid", "viisi"), ("kuut", "kuusi"),
                 ("kuud", "kuusi"), ("kaht", "kaksi"), ("kahd", "kaksi"))


def number_base(word: str) -> str | None:
    """The number word a Finnish case form is of ("kolmea" → "kolme"), or None."""
    w = word.lower()
    if w in NUMBER_WORDS:
        return NUMBER_SPELLINGS.get(w, w)
    for stem, base in _NUMBER_STEMS:
        if w.startswith(stem) and len(w) - len(stem) <= 4 and w.isalpha():
            return base
    return None


# "1 410", "12 500": thousands grouped with a space (also a no-break space) are one number
_NUM = (r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?|"
        + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")")
# "se on 40 prosenttia eikä 20", "58 familjer, inte 85": the first number is right, the second wrong
_NUM_NOT_NUM = re.compile(rf"(?<![\w-])(?P<right>(?:{_NUM}\s*[–-]\s*)?{_NUM}%?(?:\s+[\wåäö%-]+)?)\s*,?\s*"
                          rf"(?:eikä|ei|not|inte|int|och inte|and not)\s+(?:(?:under|over|above|below|alle|yli|"
                          rf"över|about|noin|ca|cirka)\s+)?(?P<wrong>{_NUM})(?![\w-])", re.IGNORECASE)
# "kahdeksan lasta, kuus oli vaan alussa", "within two weeks, three was last year's target"
_NUM_THEN_WAS = re.compile(rf"(?<![\w-])(?P<right>{_NUM}\s+[\wåäö%-]+)[^,.;]*[,;–—]\s*(?P<wrong>{_NUM})\s+"
                           r"(?:oli|olikin|was|var|were|olivat)\b", re.IGNORECASE)


# "rahotus ei tuu Kelalta vaan STEAlta", "the money doesn't come from X but from Y": a short wrong value
# negated inside a sentence, the right one after "vaan/utan/but"
_NOT_A_BUT_B = re.compile(r"^(?P<subj>[^,.;]{1,40}?)\s+(?:ei|inte|int|isn't|doesn't|don't|is not|does not)\s+"
                          r"(?P<verb>[\wåäö]+)\s+(?P<wrong>[^\s,.;]+(?:\s+[^\s,.;]+){0,2}?)\s*,?\s+"
                          r"(?:vaan|utan|but)\s+(?:(?:from|frå|från)\s+)?(?P<right>[^\s,.;]+(?:\s+[^\s,.;]+){0,2})\s*"
                          r"(?:[,.;!].*)?$", re.IGNORECASE | re.DOTALL)


# "se testi tehhään eikä kolmen kuukauden vaan puolen vuoden välein": the wrong value inside the sentence, the
# right one after "vaan" in as many words (the words after it are the sentence going on)
_NOR_A_BUT_B = re.compile(r"^(?P<subj>[^,.;]{3,60}?)\s+(?:eikä|och inte|and not)\s+(?P<wrong>[^\s,.;]+(?:\s+[^\s,.;]+)"
                          r"{0,2}?)\s+(?:vaan|vuan|utan|but)\s+(?P<right>[^\s,.;]+(?:\s+[^\s,.;]+){0,3})",
                          re.IGNORECASE)


def not_a_but_b(text: str) -> tuple[str, str] | None:
    m = _NOT_A_BUT_B.match(text.strip())
    if not m:
        nor = _NOR_A_BUT_B.match(text.strip())
        if nor is None:
            return None
        wrong = nor.group("wrong")
        return " ".join(nor.group("right").split()[:len(wrong.split())]), wrong
    wrong = re.sub(r"^(?:(?:from|från|the|oo|ole|on|är|e|is|enää|längre|anymore)\s+)+", "", m.group("wrong"),
                   flags=re.IGNORECASE)
    return m.group("right"), wrong


_UNIT_NUMBER = re.compile(rf"(?<![\w-])(?P<n>{_NUM})(?![\wåäö])\s*(?P<unit>%|[^\W\d_]{{2,}})", re.IGNORECASE)
_PERCENT = ("%", "prose", "perce", "proce")


def unit_of(word: str) -> str:
    """A unit compared by its start: "prosenttia", "percent" and "%" are one unit."""
    w = word.lower()
    return "%" if w.startswith(_PERCENT) else w[:4]


def unit_number(text: str) -> list[tuple[str, str]]:
    """The (number, unit) pairs a text says: "77 percent" → [("77", "%")]."""
    return [(m.group("n"), unit_of(m.group("unit"))) for m in _UNIT_NUMBER.finditer(text)
            if m.group("unit").lower() not in _NOT_UNITS]


_NOT_UNITS = {"ja", "and", "och", "tai", "or", "eller", "of", "to", "on", "is", "av", "är", "oli", "was", "vuotta"}


def number_swap(text: str) -> tuple[str, str, str] | None:
    """(right, wrong, the clause that says the right one) when a short message puts one number against
    another ("inom två dygn, inte tre" → ("två dygn", "tre", "inom två dygn")), else None."""
    for pattern in (_NUM_NOT_NUM, _NUM_THEN_WAS):
        m = pattern.search(text)
        if m and m.group("right").split()[0].lower() != m.group("wrong").lower():
            start = max(text.rfind(p, 0, m.start("right")) for p in ",.;:") + 1
            clause = _clean_new(text[start:m.end("right")])
            return m.group("right"), m.group("wrong"), clause or m.group("right")
    return numberwords.pair(text)  # words, case forms, shares and weekdays: "neljänä päivänä. ei kolmena"


def _split_clauses(text: str) -> list[str]:
    """Clauses at , ; . and "vaan/but/utan"; a relative clause stays with the one before it."""
    text = re.sub(r"^[^:,.]{1,25}:\s*", "", text.strip())  # "unohtui yksi: …", "till det om X: …"
    return clauses(re.sub(r"\s+[–—]\s+", ", ", text))  # "tolv, inte tio – vi lade till två": a dash ends one


def _clean_new(text: str) -> str:
    t = text.strip(" ,.;:")
    for _ in range(3):
        t2 = _LEAD_WORDS.sub("", t).strip()
        if t2 == t:
            break
        t = t2
    return _TRAIL.sub("", t).strip(" ,.;:")


def _clean_removed(text: str, negations: set[str]) -> str:
    text = re.sub(r"^\s*(?:ja|och|and)\s+", "", text, flags=re.IGNORECASE)  # "ja Muistiliiton tilalle …"
    # "not people who need a deposit, that usually goes through …": the remark after the comma is not the thing
    text = re.split(r",\s*(?:that|which|joka|jotka|mikä|mitkä|som|vilket)\b", text, maxsplit=1, flags=re.IGNORECASE)[0]
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.lower() not in negations
             and w.lower() not in _REMOVED_NOISE and not w.lower().endswith("n't")]
    return " ".join(words).strip()


def _number_for_number(clause: str, removed: list[str]) -> bool:
    """A clause with a number, said where a number is called wrong ("se oli 2016, ei 2018")."""
    return bool(re.search(r"\d", clause)) and any(re.fullmatch(r"\d+", r.strip()) for r in removed)


_SV_WORDS = {"int", "inte", "är", "e", "och", "på", "gång", "gånger", "det", "de", "vi", "som", "av", "för", "med",
             "till", "ska", "var", "va", "har", "nu", "bara"}


def _another_fix(nlu: Understanding, part: str) -> bool:
    """"ja rahottajiin vielä Kainuun liitto" after a value: a second fix, to another field."""
    m = re.match(r"(?:ja|and|och|sekä|plus)\s+(.+)$", part.strip(), re.IGNORECASE)
    return m is not None and nlu.names_field(m.group(1), window=3) is not None


def right_and_wrong(nlu: Understanding, text: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """What a correction says is right and what it says is wrong.

    "young carers, not parents" → ("young carers", ["parents"]); "ei X vaan Y" → ("Y", ["X"]);
    "X:n tilalle tuli Y" / "Y instead of X" / "Y i stället för X" → ("Y", ["X"]). Also the (right, wrong)
    pairs said side by side, so a wrong item can be swapped in place."""
    from assistant.phrases import _phrases, _remove, tokens

    negations = nlu.negations
    pairs: list[tuple[str, str]] = []
    t = text.strip().rstrip(".!")
    for pattern, new_first in REPLACEMENTS:
        m = pattern.match(t)
        if m:
            new, old = (m.group(1), m.group(2)) if new_first else (m.group(2), m.group(1))
            parts = re.split(r",\s+", new)  # "Y, mä sekotin ne, …": the value ends where a remark starts
            cut = next((i for i, part in enumerate(parts) if i and (REMARK.match(part) or _REASON.search(part)
                                                                    or _another_fix(nlu, part))),
                       len(parts))  # "Y, erkka ei osallistu palavereihin": a reason told after the value
            new = ", ".join(parts[:cut])
            pairs.append((_clean_new(new), _clean_removed(old, negations)))
            return _clean_new(new), [_clean_removed(old, negations)], pairs
    m = re.match(r"^(?:ei|inte|not)\s+(.+?)\s*[,.;]?\s+(?:vaan|utan|but)\s+(.+)$", t, re.IGNORECASE | re.DOTALL)
    if m:  # "ei X, sitä me ei tehdä. Vaan Y": X ends at its clause
        wrong = _clean_removed(re.split(r"[,.;]", m.group(1))[0], negations)
        right = _clean_new(m.group(2))
        said = re.match(rf"{_NUM}\b", right, re.IGNORECASE) or (
            number_base(right.split()[0]) if right.split() else None)
        old = re.search(rf"(?<![\w-]){_NUM}(?![\w-])", wrong, re.IGNORECASE) or next(
            (m for m in re.finditer(r"[^\W\d_]+", wrong) if number_base(m.group(0))), None)
        if said and old:  # "ei se oo kolme tuntia vaan kaksi, kolme oli liian pitkä": number for number
            right = re.split(r"[,.;]\s+", right, maxsplit=1)[0]
            pairs.append((right, old.group(0)))
        return right, [wrong], pairs
    positive: list[str] = []
    removed: list[str] = []
    multi = [p for p in _phrases(nlu.cues.negation) if len(p) > 1]
    for clause in _split_clauses(t):
        wrong_one = edits.false_subject(nlu, clause)
        if wrong_one:  # "Lieksa meni multa väärin"
            removed.append(wrong_one)
            continue
        toks = tokens(clause)
        swedish = bool(_SV_WORDS & set(toks))  # "en gång i månaden": an article, not the Finnish "en"
        neg = next((i for i, tok in enumerate(toks) if (tok in negations and not (tok == "en" and swedish))
                    or tok.endswith("n't")), None)
        if neg is None and not _remove(toks, multi)[1]:
            if _clean_new(clause):
                positive.append(_clean_new(clause))
            continue
        words = re.findall(r"[\w'’-]+", clause)
        after = {w.lower() for w in words[neg + 1:]} if neg is not None else set()
        if neg is not None and (neg and words[neg - 1].lower() in _SUBORDINATORS
                                or any(w.lower() in _SUBORDINATORS for w in words[:2])):
            # "… jos ei tullut", "vaikka ei olis X": a condition told with the value, not a removal
            if positive:
                positive[-1] = f"{positive[-1]}, {clause.strip(' ,.;')}"
            elif _clean_new(clause):
                positive.append(_clean_new(clause))
            continue
        lead = next((n for n in (2, 1) if neg is not None and neg > n and " ".join(toks[:n]) in _IT_IS), 0)
        verb = max((i for i in range(lead, neg or 0) if toks[i] in _VERBS), default=None)
        contrast = neg is not None and (
            words[neg].lower() in ("eikä", "enkä", "not") and (verb is None or neg - verb >= 3 and len(after) <= 2)
            or words[neg].lower() in ("en", "ei", "inte", "int") and len(after) <= 3 and not after & _NEG_VERBS)
        if neg and contrast:
            # "Tuesdays not Thursdays": the first is right, the second wrong
            # ("it's eight sessions not six": what follows "it's" is right)
            right, wrong = _clean_new(" ".join(words[lead:neg])), _clean_removed(" ".join(words[neg + 1:]),
                                                                             negations)
            positive.append(right)
            removed.append(wrong)
            pairs.append((right, wrong))
        elif neg and " ".join(toks[:neg]) in _IT_IS:
            # "it's not the Red Cross", "det är inte X", "se ei oo X": what follows is wrong
            gone = _clean_removed(" ".join(words[neg + 1:]), negations)
            if gone:
                removed.append(gone)
        elif neg:
            # "Alavus ei oo mukana vaan Kuortane", "museerna är inte med": the subject is what is wrong
            before, rest = " ".join(words[:neg]), " ".join(words[neg + 1:])
            tail = re.split(r"\s+(?:vaan|utan|but)\s+", rest, maxsplit=1)
            removed.append(_clean_removed(before, negations))
            if len(tail) == 2 and _clean_new(tail[1]):
                positive.append(_clean_new(tail[1]))
        else:
            gone = _clean_removed(clause, negations)
            if gone:
                removed.append(gone)
    if removed or len(positive) > 1:  # "…, det är Krits vi jobbar med", "mä sekotin ne": remarks, not content
        # ("se kysely oli 2023, ei 2022" says a number is right: that stays, whatever else the clause is)
        placed = same_preposition(positive, removed, REMARK)
        if placed:  # "vi träffas i Sundom bibliotek nu, int i Gamla Vasa": a place for a place
            positive, removed = [placed[0]], [placed[1]]
            pairs.append(placed)
        kept = [p for p in positive if p and (not REMARK.match(p) or _number_for_number(p, removed))]
        positive = kept if removed else (kept or positive[:1])
        positive = [p for i, p in enumerate(positive)  # "Krits; Krits vi jobbar med": said once
                    if not any(p.lower().startswith(q.lower()) for q in positive[:i] if q)]
    return "; ".join(p for p in positive if p), [r for r in removed if r], pairs


_LEFT = re.compile(r"^(?P<x>[^,.;]{2,50}?)\s+(?:har (?:inget|int(?:e)? (?:nåt|något)) me(?:d)? "
                   r"(?:det här|de här|oss|saken|"
                   r"detta|det|de) (?:att|o) göra|hoppade av|hoppa av|har hoppat av|blev (?:aldrig|int|inte) av|"
                   r"lades ner|dropped out|pulled out|left the project|never happened|never started|fell through|"
                   r"(?:is|are|was|were)(?:n't|nt| not) (?:really |actually )?part of (?:this|it|the \w+|our \w+)|"
                   r"jäi pois|jättäytyi pois|vetäytyi|vetäyty|ei kannata laittaa|ei kuulu enää|ei toteutunut|"
                   r"ei koskaan toteutunut|ei (?:oo|ole) (?:enää )?(?:ryhmää|toimintaa|ryhmiä)(?: enää)?|"
                   r"ei (?:tuu|tule) enää(?: mitään| rahaa)?|ei (?:oo|ole) enää (?:ketään |ketää )?mukana|"
                   r"ei (?:oo|ole) (?:vielä )?aloitettu|"
                   r"va(?:r)? me(?:d)? bara (?:på|i|under) (?:den |det )?först\w*|(?:e|är) int(?:e)? me(?:d)? "
                   r"(?:längre|mer)|betalar int(?:e)? (?:längre|mer)|"
                   r"(?:didn'?t|did not) (?:fund|pay for|support|join) us|(?:is|are)(?:n'?t|nt| not) us|"
                   r"(?:is|are) out|"
                   # "the social counsellor doesn't come anymore", "hän ei käy enää", "hon kommer int mer"
                   r"(?:does|do)(?:n'?t|nt| not) (?:come|join us|work with us|take part)(?: anymore| any more)|"
                   r"(?:is|are)(?:n'?t|nt| not) (?:coming|joining us|working with us)(?: anymore| any more)|"
                   r"no longer (?:comes|come|joins us|works with us|takes part)|"
                   r"ei (?:käy|tuu|tule|osallistu) enää|kommer int(?:e)? (?:längre|mer)|"
                   # "isät ei tuu ryhmään ollenkaan", "pappan kommer int alls", "the dads don't come at all"
                   r"ei (?:tuu|tule|käy|osallistu) (?:ryhmään|ryhmiin|kerhoon|mukaan|tänne|meille|toimintaan)"
                   r"(?: ollenkaan| lainkaan| ikinä)?(?=\s*$)|kommer int(?:e)? (?:alls|hit|till gruppen)(?=\s*$)|"
                   r"(?:does|do)(?:n'?t|nt| not) come(?: to the group| to it)? at all(?=\s*$)|"
                   # "huoltoasema ei oo enää", "caféet finns int längre", "the petrol station is gone": the clause ends
                   r"ei (?:oo|ole) enää(?=\s*$)|finns int(?:e)? (?:längre|mer|kvar)(?=\s*$)|"
                   r"(?:is|are) (?:gone|closed|no longer there|not there anymore)(?=\s*$)|"
                   # "klassföreståndarna kan du stryka", "psykologin voit poistaa", "the parish you can remove"
                   r"kan (?:du|ni) (?:stryka|ta bort|ta dem bort|ta den bort)|"
                   r"(?:voit|voitte|voi|saa|saat|saatte) (?:poistaa|ottaa pois|jättää pois|pyyhkiä)|"
                   r"you can (?:remove|delete|drop|take out|cross out))(?![\wåäö])",
                   re.IGNORECASE)
# "we dont do it in helsingfors anymore", "vi finns int i nykarleby": the place named after "in"/"i"
_NOT_THERE = re.compile(r"\b(?:we|vi)\s+(?:don'?t|dont|do not|no longer|finns int(?:e)?|e int|är inte|jobbar int(?:e)?)"
                        r"\s+(?:do it |run it |work |operate |have it |längre )?(?:in|i)\s+"
                        r"(?P<x>[\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?)|"
                        # "we dont work with under 18s at all", "vi tar int emot dom under 18": a group said not ours
                        r"^(?:(?:but|and|so|men|och|å)\s+)?(?:we|vi)\s+(?:don'?t|dont|do not|never|no longer)\s+"
                        r"(?:work with|take|see|accept|take on)\s+(?P<en>[^,.;]{2,40}?)(?:\s+(?:at all|anymore|"
                        r"any more|either))?\s*$|^(?:(?:men|och|å)\s+)?vi\s+(?:jobbar|arbetar|tar)\s+"
                        r"(?:int(?:e)?|aldrig)\s+(?:med|emot)\s+(?P<sv>[^,.;]{2,40}?)(?:\s+(?:alls|längre|heller))?\s*$",
                        re.IGNORECASE)


# "a-klinikan kans sopimus loppu keväällä", "the social insurance institution funding ended", "stea hylkäs
# meiän hakemuksen", "välfärdsområdet ha dragit sig ur", "laukaassa we stopped": who or where is gone, said
# before a verb of ending, withdrawing or refusing
_GONE = re.compile(
    r"\s(?:(?:yhteistyö|sopimus|rahoitus|rahotus|avustus|tuki|rahat|samarbetet|avtalet|finansieringen|bidraget|"
    r"stödet|funding|grant|contract|cooperation|partnership|agreement|support|money)\s+(?:loppu|loppui|päättyi|"
    r"päätty|on loppunut|on päättynyt|tog slut|upphörde|har upphört|slutade|ended|stopped|ran out|finished|"
    r"expired|was cut|was cancelled)|(?:lopetti|lopettivat|on lopettanut|lopetettiin|lakkautettiin|(?:har |ha )?"
    r"slutat|slutade|(?:we |they )?stopped|quit)(?=\s*$|\s+(?:toimin\w*|yhteistyön|mukana\w*|kokonaan|viime|"
    r"vuonna|jo|sen|keväällä|syksyllä|kesällä|talvella|\d{4}|i\s|för|sen|helt|redan|last|in\s|there|altogether|"
    r"already|anymore|working with us)\b)|hylkäs|hylkäsi|"
    r"hylkäsivät|ei myöntäny|ei myöntänyt|"
    r"ei (?:rahota|rahoita|maksa) enää|(?:har |ha |hade )?dragit sig ur|drog sig ur|drar sig ur|"
    r"la ner|lade ner|har lagt ner|avslog|sa nej|(?:finansierar|betalar|stöder) "
    r"int(?:e)? (?:längre|mer)|stämmer int(?:e)? längre|gäller int(?:e)? längre|(?:is|are|was|were)(?:n'?t|nt| not)"
    r" (?:involved|true|with us)(?: anymore| any more| now)?|(?:is|are) no longer (?:involved|with us|true|part of it)|"
    r"withdrew|backed out|turned (?:us|it) down|rejected (?:us|our|the)|(?:haettiin|haettii|haimme|ansökte|sökte|"
    r"applied)\b.{0,40}\b(?:mut|mutta|men|but) (?:ei saatu|ei tullu|ei tullut|fick (?:vi )?int(?:e)?|got nothing|"
    r"didn'?t get)|ei (?:oo|ole) (?:ollu|ollut) (?:yhtään|ketään|mitään|toimintaa|ryhmää|ryhmiä))"
    r"(?![\wåäö])", re.IGNORECASE)
_GONE_LEAD = re.compile(r"^(?:(?:tosin|mut|mutta|men|but|fast|however|also|sitten|sit|nyt|now|nu|ja|och|and|"
                        r"that one about|the one about|the bit about|the part about|se|the|det där om|den där|"
                        r"toi|tuo)\s+)+", re.IGNORECASE)
_GONE_TAIL = re.compile(r"(?:\s+(?:kanssa|kans|med|me|with|we|they|vi|de|dom|me|ne))+$|\s+(?:yhteistyö|sopimus|"
                        r"rahoitus|rahotus|avustus|tuki|samarbetet|avtalet|finansieringen|bidraget|stödet|funding|"
                        r"grant|contract|cooperation|partnership|agreement|support)$", re.IGNORECASE)


# a clause that ends in "because" before the verb of ending: the ending is the reason told
_BECAUSE_END = re.compile(r"(?<![\wåäö])(?:ku|kun|koska|because|since|as|när|eftersom|då)$", re.IGNORECASE)


def _gone(clause: str) -> str | None:
    m = _GONE.search(" " + clause)
    if not m or m.start() == 0:
        return None
    x = clause[:m.start()].strip()
    lead = LEAD_FILLER.match(x)
    x = _GONE_LEAD.sub("", x[lead.end():] if lead else x).strip()
    for _ in range(2):
        x = _GONE_TAIL.sub("", x).strip()
    if _BECAUSE_END.search(x):
        return None  # "ne lopetti ruokajakelun ku rahat loppu": the money ran out, why they stopped
    if not x or len(x.split()) > 5 or x.lower() in _PRONOUNS or _GENERIC.fullmatch(x) or re.search(
            r"\b(?:on|ovat|oli|is|are|was|är|e|var)\b", x, re.IGNORECASE):  # "16 on nyt ku kaks": a statement
        return None  # "even the project funding ended": the project is not on the card
    return x


_GENERIC = re.compile(r"(?:(?:even|also|myös|jopa|även|till och med)\s+)?"
                      r"(?:the |our |this |se |tää |meidän |vår |vårt )?(?:project|projekti|projektin|hanke|hankkeen|"
                      r"projektet|projektets|toiminta|toiminnan|"
                      r"verksamheten|service|palvelu|palvelun|tjänsten|it|this|tää|tämä|det|den)", re.IGNORECASE)


_LEFT_LEAD = re.compile(r"^(?:nej vänta|vänta|sorry|sori|oho|ay|ai|oops|wait|eli|joten|so|så|the|that|se|sen|ne|ton|"
                        r"tuon|den|det)(?:\s+|$)", re.IGNORECASE)


def left_out(text: str) -> str | None:
    """Who a clause says has left ("seurakuntaa ei kannata laittaa toimijoihin" → "seurakuntaa")."""
    for clause in re.split(r"\s*[,.;:]\s+|\s+[–—-]\s+", text.strip()):  # "I must correct something – the …"
        m = _LEFT.match(clause)
        if m:
            lead = LEAD_FILLER.match(m.group("x"))
            x = m.group("x")[lead.end():] if lead else m.group("x")
            for _ in range(2):  # "ay the social counsellor", "wait, the …"
                x = _LEFT_LEAD.sub("", x.strip())
            if re.search(r"\b(?:ska|skall|kan|kunde|vill|att|färre|fler|will|would|should|may|voi|saa)$", x,
                         re.IGNORECASE):
                continue  # "för att färre ska hoppa av" is a goal, not someone who left
            if _BECAUSE_END.search(x):
                continue  # "ne lopetti ruokajakelun ku rahat loppu": why, not who left
            return None if x.lower() in _PRONOUNS else x or None  # "ne vetäyty": who, the clause before says
        there = _NOT_THERE.search(clause)
        if there:
            x = there.group("x") or there.group("en") or there.group("sv")
            return re.sub(r"\s+(?:anymore|any|längre|heller|mer|now|nu)$", "", x, flags=re.IGNORECASE)
    return None


def gone_from(text: str) -> str | None:
    """Who or where a clause says has ended, withdrawn or refused (``_GONE``): read only when no other
    correction reader found anything, so "the tablets come from X, not the library. The library is not
    involved" stays one replacement."""
    for clause in re.split(r"\s*[,.;:]\s+", text.strip()):
        gone = _gone(clause)
        if gone:
            return gone
    return None


_PRONOUNS = {"ne", "he", "se", "hän", "siellä", "täällä", "där", "här", "there", "here", "they", "it", "she", "de",
             "dom", "den", "det", "han", "hon", "them", "ni", "sen", "tämän", "tän", "tuon", "ton", "this", "that"}


BARE_Y_NOT_X = re.compile(r"^(?P<y>[\wåäö-]+(?:\s+[\wåäö-]+)?)\s+(?:not|inte|int|eikä)\s+"
                          r"(?P<x>[\wåäö-]+(?:\s+[\wåäö-]+)?)$",
                          re.IGNORECASE)
# "its Kirkcaldy Womens Centre not Womens Network": a longer name said right, after "it's", then the wrong one
_IT_IS_Y_NOT_X = re.compile(r"^(?:it'?s|it\s+is|it\s+should\s+be|det\s+är|de\s+e|det\s+e|se\s+on|se\s+o)\s+"
                            r"(?P<y>[\wåäö'’-]+(?:\s+[\wåäö'’-]+){1,3})\s+(?:not|inte|int|eikä)\s+"
                            r"(?P<x>[\wåäö'’-]+(?:\s+[\wåäö'’-]+){0,2})$", re.IGNORECASE)
# a verb before the "not" negates the verb, it does not set two values against each other: "They have not
# joined yet", "vi har inte börjat", "we do not"
_AUX = {"have", "has", "had", "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would",
        "should", "har", "hade", "är", "e", "var", "kan", "ska", "skall", "vill", "får", "fick", "gör", "gjorde"}
# words that only lead into what follows ("oh and", "nä vänta", "ja sit"), never a value
_LEAD_ONLY = {"oh", "ah", "and", "ja", "och", "o", "å", "ok", "okay", "no", "nä", "nää", "nej", "ei", "so", "well",
               "wait", "vänta", "odota", "hetkinen", "sit", "sitten", "sen", "then", "also", "myös", "också", "ai",
               "niin", "joo", "jo", "juu", "hmm", "sorry", "sori", "förlåt", "oho", "oops", "oj"}
_SUBJECTS = _PRONOUNS | {"we", "i", "you", "he", "vi", "jag", "du", "me", "mä", "mie", "sä", "ne", "te"}


def named_y_not_x(said: str) -> tuple[str, str] | None:
    """(right, wrong) of "its Kirkcaldy Womens Centre not Womens Network": a name said right after "it's"."""
    named = _IT_IS_Y_NOT_X.match(said)
    if named is None or named.group("y").split()[0].lower() in _LEAD_ONLY | _AUX | {"not", "inte", "int", "ei"} \
            or named.group("y").split()[-1].lower() in _AUX:
        return None
    return named.group("y"), named.group("x")


def bare_y_not_x(said: str) -> tuple[str, str] | None:
    """(right, wrong) of "wednesdays not tuesdays", "its Kirkcaldy Womens Centre not Womens Network": two values
    set against each other, not a negated verb."""
    named = named_y_not_x(said)
    if named is not None:
        return named
    m = BARE_Y_NOT_X.match(said)
    if m is None:
        return None
    y = m.group("y").lower().split()
    if all(w.strip(",.!") in _LEAD_ONLY for w in y):  # "oh and not parents", "nä vänta, inte Kronoby": no Y
        return None
    return None if y[0] in _SUBJECTS or y[-1] in _AUX else (m.group("y"), m.group("x"))
