"""How a clause says that something is no longer so ("Keusote ei oo enää mukana", "å Kokkola e int me
längre", "we dont meet in X anymore", "no grandpas"), and the shapes that only look like it: a contrast with
what is right said first ("Imatra not Lappeenranta"), a widening ("ei pelkästään"), what is merely not
required ("ei välttämättä kirjasto"), a purpose ("jotta perheet eivät ole yksin"). Words and shapes only; the
card is read by ``dropped``.
"""

from __future__ import annotations

import re

from assistant.hedged import NEG, OFF, RELATIVE_NEG

# "no grandpas", "nothing like that": an English "no" opening a clause denies what follows
NO = re.compile(r"^(?:and\s+|but\s+|plus\s+|also\s+)?(?:no|nothing|none)(?![\wåäö'])", re.IGNORECASE)
STOPPED = re.compile(r"(?<![\wåäö])(?:lopetti|lopettivat|lopetettiin|lopetimme|loppu|loppui|päättyi|muutettiin\s+pois|"
                     r"muutimme\s+pois|muutti\s+pois|jäi\s+pois|jäivät\s+pois|slutade|slutat|lades\s+ner|"
                     r"flyttade\s+ut|flyttade\s+bort|drog\s+sig\s+ur|dragit\s+sig\s+ur|har\s+dragit\s+sig|vetäytyi|"
                     r"stopped|quit|moved\s+out|dropped\s+out|pulled\s+out|(?:has\s+|have\s+)?left\s+(?:at|in|last|this|"
                     r"after|before|us|the\s+project|when))(?![\wåäö])",
                     re.IGNORECASE)
# "ei pelkästään X vaan myös Y", "inte bara", "not only": a widening, read by ``not_only``
ONLY = re.compile(r"(?<![\wåäö])(?:pelkästään|pelkkä|pelkät|vain|vaan\s+myös|ainoastaan|only|just|bara|endast|enbart)"
                  r"(?![\wåäö])", re.IGNORECASE)
# what is there now: "nykyään ollaan X", "now we use X", "nu e de X"; said weaker: "it was the Lions club"
NOW = re.compile(r"(?<![\wåäö])(?:nykyään|nykyisin|now|nowadays|nu|numera|instead|i\s+stället)(?![\wåäö])\s*",
                 re.IGNORECASE)
NOW_LAST = re.compile(r"\s+(?:nykyään|nykyisin|now|nowadays|nu|numera)\s*$", re.IGNORECASE)
IT_IS = re.compile(r"^(?:det\s+är|de\s+e|det\s+e|he\s+e|it\s+was|it\s+is|it'?s|se\s+on|se\s+oli)(?![\wåäö])\s*",
                   re.IGNORECASE)
CLAUSE = re.compile(r"\s*[,;:–—]\s+|\s+(?=(?:ja|och|å|and|mutta|men|but|plus|sekä)\s)", re.IGNORECASE)
LEAD = re.compile(r"^(?:ja|och|å|and|mutta|men|but|plus|sekä|so|så|sit|sitten)\s+", re.IGNORECASE)
# a name said, not the clause around it: cut at "who", "som", "joka" and what the name did
NAME_END = re.compile(r"\s+(?:who|which|that|som|joka|jotka|mikä|gave|gives|pays|paid|antoi|antaa|maksaa|ger|gav|"
                      r"betalar|betalade)\b.*$", re.IGNORECASE)
NAMED = ("actors", "funders", "regions")
SINCE = re.compile(r"\s+(?:sedan|since|alkaen|lähtien|from|this\s+year|i\s+år|tänä\s+vuonna)\b.*$", re.IGNORECASE)
NOT_TARGETS = ("stage", "name", "contact", "summary", "basic_idea", "organisation", "implementations", "problem")
# answers that restate the card or are one value: a denial in them is of the answer itself ("Ei kotiutusta kadulle")
# and the need, told as a history of what stopped ("Kotihoito lopetti käynnit kun …")
SHORT_ANSWERS = ("summary", "basic_idea", "name", "stage", "contact", "organisation", "problem")
ANSWER_P = 0.6  # a sentence after the denial reads this surely as the asked field: the answer, not a reason
PREFIX = 5  # shared letters that make two words one ("palvelutaloissa", "palvelutalojen")
# words too common in these descriptions to name one item
GENERIC = tuple("asiak ryhm ihmis työnte henkil vuod vuos viikk kerra kerto paik toimin grupp klient männi perso "
                "tid gång veck verksam group peopl person staff client time week year place servic palvel tjänst "
                "varsinai virallis offici ordinar tavalli vanlig normaal partner kumppan samarbet worker vår våre höst "
                "kevä syks kesä talv spring autumn summer winter sommar vinter "
                # the fields' own names: "se ei oo tavote" speaks of the field, not of an item
                "tavot tavoit goal mål kohderyh target toimij aktör actor ydin ytime kärna core ympärist miljö "
                "environ edellyt förutsät condition mittar mätning measur".split())



def clauses(sentence: str) -> list[str]:
    return [c.strip() for c in CLAUSE.split(sentence) if c and c.strip()]



# the item's own standing changes: "ei oo enää mukana", "e int me längre", "FPA betalar int", "anymore"
# ("anymore" is of anything on the card; "not involved", "doesn't pay" only of a partner or a funder)
TEMPORAL = re.compile(r"(?<![\wåäö])(?:enää|längre|anymore|any\s+more|no\s+longer|inte\s+mer|int\s+mer|"
                      r"mera(?=\s*$|\s*[.,;!]))(?![\wåäö])",
                      re.IGNORECASE)
CHANGED = re.compile(r"(?<![\wåäö])(?:enää|längre|anymore|any\s+more|no\s+longer|inte\s+mer|int\s+mer|mukana|"
                     r"(?:meiän|meidän|meijän)\s+(?:kaa|kans|kanssa)|with\s+us|med\s+oss|"
                     r"mera(?=\s*$|\s*[.,;!])|"
                     r"involved|part\s+of|(?:int|inte)\s+(?:\S+\s+)?(?:me|med)(?=\s*$|\s+(?:längre|alls|heller|mera))|"
                     r"(?:betalar|ger|maksa|maksaa|rahoita|rahoittaa|antaa|pays?|funds?|gives?)\s+(?:int|inte|ei|not)|"
                     r"(?:ei|int|inte|not|doesn'?t|don'?t|isn'?t|aren'?t|isnt|arent)\s+(?:maksa|rahoita|anna|betalar|ger|pay|"
                     r"fund|give|sending|send|referring|refer))(?![\wåäö])", re.IGNORECASE)
# "noone comes from X anymore", "kukaan ei käy enää": a denial with nobody, said with "anymore"
NOBODY = re.compile(r"^(?:noone|no\s+one|nobody|kukaan|ingen|ingen\s+av)(?![\wåäö])", re.IGNORECASE)
RATHER = re.compile(r"\s(?:vaan|vaa|utan|but|rather|instead)\s.*$", re.IGNORECASE)
# "ei sitä runkoa voi lyhentää, eikä yksilötapaamisia jättää pois": what may not change, not what went
MAY = re.compile(r"(?<![\wåäö])(?:voi|voida|voisi|saa|saisi|can|cannot|could|may|kan|kunde|får|fick\s+inte)(?![\wåäö])",
                 re.IGNORECASE)
# a contrast or a correction said as such ("ei X vaan Y", "not X but Y", "X on virhe"): read elsewhere
CONTRAST = re.compile(r"(?<![\wåäö])(?:vaan|vaa|utan|but|rather|instead|tilalle|sijaan|stället|sondern)(?![\wåäö])",
                      re.IGNORECASE)
# "ingen ska skrivas ut" denies an amount, not an item
NEG = re.compile(NEG.pattern.replace("inga|ingen|inget|", ""), re.IGNORECASE)
NEED = re.compile(r"(?<![\wåäö])(?:tarvi|tarvii|tarvitse|välttämättä|behöver|behövs|nödvändigtvis|necessarily|need|"
                  r"needs|needed|have\s+to|has\s+to)(?![\wåäö])", re.IGNORECASE)
# said as a correction or a command ("oho, …", "förlåt, det var inte X", "ska bort", "pls remove her"): the
# correction readers take the whole message
CORRECTING = re.compile(r"(?<![\wåäö])(?:virhe|väärin|väärä|wrong|mistake|fel|felaktig|korjaus|korjaan|korjaa|"
                        r"korjaisitko|rättelse|rätta|correction|correct|oho|hups|eikun|eiku|förlåt|oops|tarkoitin|"
                        r"menade|meant|poista|poistakaa|jätä|jättäkää|lämna|vaihda|vaiha|vaihtakaa|replace|ta\s+bort|"
                        r"ska\s+bort|kan\s+bort|stryk|remove|delete|drop|take\s+out|pois(?=\s*[,.!;]|\s*$))"
                        r"(?![\wåäö])", re.IGNORECASE)
# "Heinola ei kuulu tähän": words that point, and name nothing on the card
DEICTIC = frozenset("tähän tänne tässä täällä tästä siihen sinne siinä siellä siitä tuohon tuonne tuossa here there "
                    "this that these those hit dit här där härifrån".split())
BARE_NOT = re.compile(r"^(?:(?:ja|och|å|and)\s+)?(?:ei|eikä|int|inte|not|no|never)\s", re.IGNORECASE)
NEAR = 3  # words after the denial that say what is denied: "not Rotary", "there isnt any form"


def denial(clause: str, lang: str = "en") -> int | None:
    """Where the clause's denial stands (a word index), when it says something is not so or stopped: the
    denial early in it, not in a relative clause, not a widening; None otherwise."""
    bare = LEAD.sub("", clause.strip())
    if OFF.search(bare) or RELATIVE_NEG.search(bare) or widening(bare) or re.search(r"\d", bare):
        return None  # "ei sitä 15 kerran runkoa voi lyhentää": numbers are swapped elsewhere
    neg = NEG.search(bare) or (NO.match(bare) if lang == "en" else None) \
        or (NOBODY.match(bare) if CHANGED.search(bare) else None)
    if neg and SUBORDINATE.search(bare[:neg.start()]):
        return None  # "…, jotta perheet eivät ole yksin": a purpose, not a denial
    if neg and NEED.search(bare) and not CHANGED.search(bare):
        return None  # "ei välttämättä kirjasto", "behöver inte": what is not required, not what went
    if neg and len(bare[:neg.start()].split()) <= (4 if CHANGED.search(bare) else 3):
        return len(clause[:clause.index(bare) + neg.start()].split())
    stopped = STOPPED.search(clause)
    return len(clause[:stopped.start()].split()) if stopped else None


SUBORDINATE = re.compile(r"(?<![\wåäö])(?:jotta|että|et|jos|kun|ku|so\s+that|att|för\s+att|om|if|when|because|koska|"
                         r"eftersom)\s*$", re.IGNORECASE)
# what follows a denial when it is a verb ("ei oo", "isn't sending"), not the wrong one named ("eikä nuorisotalo")
VERBISH = re.compile(r"(?:oo|ole|ollu|ollut|olla|tuu|tule|tullu|tehä|tehdä|tee|käy|käydä|istu|aja|maksa|rahoita|anna|"
                     r"pidä|vedä|ohjaa|kuulu|toimi|enää|mukana|kokoonnu|tavata|sending|send|come|comes|coming|do|does|"
                     r"take|pay|pays|paying|give|gives|work|works|meet|go|run|runs|funding|längre|me|med|mer|heller|"
                     r"betalar|ger|gör|kommer|finns|håller|jobbar|alls)", re.IGNORECASE)
VERB = re.compile(r"(?<![\wåäö])(?:on|ovat|oli|olivat|oo|ole|is|are|was|were|e|är|va|var|ha|har|hade|has|have|"
                  r"had|do|does|did|meet|met|go|goes|take|takes|pays?|betalar|ger|gör|maksaa)(?![\wåäö])",
                  re.IGNORECASE)


PRONOUN = re.compile(r"(?<![\wåäö])(?:me|mä|mie|mää|ne|se|he|we|us|ourselves|they|it|i|you|vi|oss|dom|de|den|det|"
                     r"jag|man|hon|han|there|here|tää|toi|this|that)(?![\wåäö])", re.IGNORECASE)


_NOW = frozenset("now nu nykyään nykyisin nyt".split())


def right_first(clause: str, at: int) -> bool:
    """"Imatra not Lappeenranta", "vuokrattu halli eikä nuorisotalo": what is right said first, the wrong one
    named right after the denial, no verb between."""
    words = [w.strip(".,;:!?") for w in clause.split()]
    if at >= len(words) or not NEG.fullmatch(words[at]) or TEMPORAL.search(clause):
        return False  # "perhekeskuksesta muutettiin pois": what stopped, said first; "Lovisassa ei pidetä
        # ryhmää enää": where it stopped
    before = LEAD.sub("", " ".join(words[:at]) + " ").strip()
    after = words[at + 1] if at + 1 < len(words) else ""
    if at >= 2 and len(words) - at <= 4 and (words[at].lower() == "eikä" or words[at - 1].lower() in _NOW) \
            and not VERBISH.fullmatch(after):
        return True  # "leiri on Kisakalliossa eikä Kiljavalla", "its sunday mornings now not saturday": a
        # sentence says what is so, then the wrong one after it
    return bool(before) and not VERB.search(before) and not PRONOUN.search(before) \
        and not VERBISH.fullmatch(after)


def widening(clause: str) -> bool:
    """"ei pelkästään X", "not only X", "inte bara X": the only-word right after the denial."""
    neg = NEG.search(clause)
    return bool(neg and ONLY.search(" ".join(clause[neg.end():].split()[:3])))


def same(a: str, b: str) -> bool:
    """Two stems of one word: equal, sharing most of the shorter one, or one the other's compound tail; a short
    word is not the head of a long compound ("koulu" is not "kouluterveyskysely")."""
    if a == b:
        return len(a) >= 4
    n = min(len(a), len(b))
    if n < 7 and max(len(a), len(b)) > 1.6 * n:
        return False
    if n >= PREFIX and a[:PREFIX] == b[:PREFIX]:
        k = 0
        while k < n and a[k] == b[k]:
            k += 1
        return k >= min(n, max(PREFIX, int(0.8 * n)))
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 6 and long_.endswith(short)  # "opiskelijoiden" in "tradenomiopiskelijat"



PART = re.compile(r",\s*(?:(?:and|ja|och|å|sekä)\s+)?|\s+(?:and|ja|och|å|sekä)\s+", re.IGNORECASE)
RELATIVE = re.compile(r"^(?:jotka|joka|jossa|joissa|mikä|som|där|who|which|that|where)\b", re.IGNORECASE)
