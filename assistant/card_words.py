"""How a phrase someone calls wrong is found in the card's items: shared stems, the longest shared spelling,
a word in another case ("Kelalta" for "Kelan"), numbers spelled or written, and what is left of an item when
the wrong part goes. Used by ``corrections``; pure functions over strings."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from assistant import aliases
from assistant.items import clauses, split_items
from assistant.rightwrong import NUMBER_WORDS
from assistant.textproc import stems


def _inflected_match(current: Any, wrong: str, right: str) -> tuple[re.Pattern[str], str] | None:
    """"Kelalta" said for the card's "Kelan": the card's word, and the right one in its case ("STEAlta" →
    "STEAn"). Only for one word against one word, sharing all but a case ending."""
    if " " in wrong.strip():
        return _inflected_phrase(current, wrong, right)
    if " " in right.strip() or len(wrong) < 4:
        return None
    text = " ".join(current) if isinstance(current, list) else str(current or "")
    for word in dict.fromkeys(re.findall(r"[\wåäöÅÄÖ-]+", text)):
        head = _compound_head(word, wrong)
        if head:  # "kuraattori" said, the card's "Koulukuraattori": the compound keeps its head
            return re.compile(r"(?<![\wåäö])" + re.escape(word) + r"(?![\wåäö])"), head + right.lower()
        stem = _common(word.lower(), wrong.lower())
        if len(stem) < 3 or len(stem) < len(wrong) - 4 or len(stem) < len(word) - 4 or word.lower() == wrong.lower():
            continue
        said_end, card_end = wrong[len(stem):], word[len(stem):]
        same_case = said_end and right.lower().endswith(said_end.lower()) and not right.lower().endswith(
            card_end.lower())  # "aamupäivisin" for the card's "iltaisin" (said "iltasin"): already in its case
        new = right[:-len(said_end)] + card_end if same_case else right  # another case said: the word as said
        return re.compile(r"(?<![\wåäö])" + re.escape(word) + r"(?![\wåäö])"), new
    return None


# Finnish case endings a phrase said in its base form takes on the card ("kokoushuone" → "kokoushuoneessa")
_FI_ENDING = re.compile(r"(?:[aeiouyäö])?(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|na|nä|n)")


def _inflected_phrase(current: Any, wrong: str, right: str) -> tuple[re.Pattern[str], str] | None:
    """"ei kirjaston kokoushuone vaan nuorisotalon yläkerran olohuone" on a card that says "kirjaston
    kokoushuoneessa": the card's words, all as said but the last, which the card writes in a case; the right
    phrase's last word takes the same ending ("nuorisotalon yläkerran olohuoneessa"). Two or three words."""
    said = wrong.split()
    if not 2 <= len(said) <= 3 or len(said[-1]) < 4:
        return None
    text = " ".join(current) if isinstance(current, list) else str(current or "")
    head = r"\s+".join(re.escape(w) for w in said[:-1])
    for m in re.finditer(rf"(?<![\wåäö]){head}\s+({re.escape(said[-1])}([\wåäö]*))(?![\wåäö-])", text,
                         re.IGNORECASE):
        ending = m.group(2)
        if not ending or not _FI_ENDING.fullmatch(ending.lower()):
            continue
        words = right.split()
        last = words[-1]
        vowel = ending[0].lower() in "aeiouyäö" and len(ending) > 1 and not ending.lower().startswith(("a", "ä"))
        if vowel and last[-1:].lower() != ending[0].lower():
            continue  # "huone" + "essa" lengthens the vowel the word ends with; another word would not
        new = " ".join([*words[:-1], last + ending.lower()])
        return re.compile(r"(?<![\wåäö])" + re.escape(m.group(0)) + r"(?![\wåäö])"), new
    return None


def _compound_head(word: str, tail: str) -> str:
    """"Koulu" of "Koulukuraattori" for "kuraattori", "skol" of "skolkurator": a compound ending in the word
    said (of at least six letters, after at least three of its own); "" otherwise."""
    low, t = word.lower(), tail.lower()
    if len(t) >= 6 and t.isalpha() and len(low) >= len(t) + 3 and low.endswith(t):
        return word[:-len(t)]
    return ""


def _compound_tail(item_stems: list[str], stem: str) -> bool:
    """A stem said ("kuraat") found as the last part of a compound in the item ("koulukuraat")."""
    return len(stem) >= 6 and any(len(w) >= len(stem) + 3 and stem[:6] in w[3:] for w in item_stems)


def _counterpart(said: str, value: str, lang: str, wrong: str) -> str:
    """The one content word of a right-hand sentence that the card's value does not have ("its the
    pharmacist who calls" against "A nurse calls …" gives "pharmacist"), written like the wrong one (a name
    for a name); "" when none or several."""
    from assistant.why import content_words

    card = stems(value, lang)
    fresh = [w for w in re.findall(r"[\wåäöÅÄÖ]+", said) if w.lower() in content_words(said)
             and not any(len(_common(s, c)) >= max(4, 0.75 * len(s)) for s in stems(w, lang) for c in card)]
    if len(fresh) != 1 or fresh[0][:1].isupper() != wrong[:1].isupper():
        return ""
    return fresh[0]


def _number_like(word: str) -> bool:
    word = word.strip("£$€")  # "£3.80", "3,80€": an amount
    return word.isdigit() or bool(re.fullmatch(r"\d+[.,]\d+", word)) or word.lower() in NUMBER_WORDS  # "5,50"


def _shared(item: str, phrase: str, lang: str) -> int:
    """Content stems two texts share (numbers and generic words aside)."""
    from assistant.why import content_words

    a = {s[:5] for w in content_words(_plain(phrase)) for s in stems(w, lang)}
    b = {s[:5] for w in content_words(_plain(item)) for s in stems(w, lang)}
    return len(a & b) + len(aliases.groups(phrase) & aliases.groups(item) - _spelled_groups(item, phrase)) \
        + len(_codes(phrase) & _codes(item))


_CODE = re.compile(r"(?<![\w-])(?:[A-ZÅÄÖ]{2,}(?:-?\d+)?|[A-Za-z]+-\d+)(?![\w-])")


def _codes(text: str) -> set[str]:
    """Names of scales, forms and programmes written as codes ("WHO-5", "GAS", "PHQ-9"), which the content
    words (letters only, not capitals alone) leave out."""
    return {m.group(0).lower() for m in _CODE.finditer(text)}


def _written_alike(item: str, phrase: str) -> int:
    """Content words of the phrase whose first five letters the item writes ("tulkkausta" stems to "tulkau"
    but is written like "Tulkkaus"): for when the stems miss a consonant gradation."""
    from assistant.why import content_words

    item_words = content_words(item)
    b = {w[:5] for w in item_words}
    # or the tail of a compound: "enkäten" for "Nöjdhetsenkät", "kyselyä" for "Asiakastyytyväisyyskysely"
    return sum(1 for w in set(content_words(phrase)) if len(w) >= 5 and (
        w[:5] in b or any(len(i) > len(w[:5]) + 3 and w[:5] in i[3:] for i in item_words)))


def _closeness(item: str, phrase: str, lang: str) -> float:
    """How closely an item spells the phrase's words: the longest shared stem prefix per word, or the word as
    the last part of a compound ("biblioteket" in "Hangö stadsbibliotek"), a letter short of spelled out."""
    item_stems = stems(item, lang)
    total = 0.0
    for s in stems(phrase, lang):
        total += max((len(_common(s, w)) for w in item_stems), default=0) or (
            len(s) - 1 if _compound_tail(item_stems, s) else 0)
    return total + 4 * len(aliases.groups(phrase) & aliases.groups(item) - _spelled_groups(item, phrase))


def _spelled_groups(item: str, phrase: str) -> frozenset[str]:
    """Groups both name in the same word ("Kela" and "Kelan"): stems already count those."""
    said, card = aliases.tokens(phrase), " ".join(aliases.tokens(item))
    return frozenset(g for g, a, b in aliases.spans(phrase) if all(w[:4] in card for w in said[a:b]))


def _rest(phrase: str) -> str:
    """The phrase without the words that name an alias group ("the church people" → "the people")."""
    cover = aliases.covered(phrase)
    return " ".join(w for k, w in enumerate(aliases.tokens(phrase)) if k not in cover)


def _common(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _without(item: str, removed: list[str], lang: str, unit_goes: bool = False) -> list[str]:
    """An item named wrong goes; when it is a whole answer kept as one item ("Oikeusaputoimisto,
    kirjastot ja Martat, jotka …"), only its parts named wrong go. ``unit_goes`` (nothing said in its place):
    an organisation goes with its unit ("St Mary's Parish, pastoral care team")."""
    if not any(_overlaps(item, r, lang) for r in removed):
        return [item]
    parts = split_items(item)
    if len(parts) < 2:
        parts = _clauses(item)
    if len(parts) < 2:
        return []
    kept = [p for p in parts if not any(_overlaps(p, r, lang) for r in removed)]
    if unit_goes and len(parts) == 2 and kept == parts[1:] and len(parts[1].split()) <= 4 \
            and item.split(",", 1)[-1].strip()[:1].islower():
        return []
    return [] if len(kept) == len(parts) else kept  # "OKM" names "Opetus- ja kulttuuriministeriö" only whole


def _clauses(text: str) -> list[str]:
    """"A budget for mentor fees, social worker time, and families" → its parts (at commas and "and")."""
    return clauses(text.strip().rstrip("."), r"\s*,\s*(?:and\s+|ja\s+|och\s+)?|\s+(?:ja|och|and)\s+")


_BACK = re.compile(r"^\s*(?:siellä|sinne|sieltä|siel|there|där|dit|därifrån)\b", re.IGNORECASE)


def _clause_without(sentence: str, removed: list[str], lang: str) -> str:
    if any(r.strip().rstrip(".").lower() == sentence.strip().rstrip(".").lower() for r in removed):
        return ""  # the whole sentence is what goes (it moved elsewhere): not its last clause left over
    kept: list[str] = []
    gone = False
    for p in _clauses(sentence):
        # "… leirikeskus Vuotsossa, siellä on isompi tila": a clause that points back at a removed one goes with it
        gone = any(_overlaps(p, r, lang) for r in removed) or gone and bool(_BACK.match(p))
        if not gone:
            kept.append(p)
    if not kept:
        return ""
    text = ", ".join(kept)
    return text[0].upper() + text[1:] + "."


def _overlaps(item: str, removed: str, lang: str, whole: bool = False) -> bool:
    """An item goes when it shares at least half of the removed phrase's content words (compared by their
    first four letters of the stem, so "museerna" finds "museer" and "fysioterapeutin" "fysioterapeutti")."""
    if _initials(removed, item):  # "SFV" for "Svenska folkskolans vänner"
        return True
    if re.fullmatch(r"[A-ZÅÄÖ]{2,6}", removed.strip()) and re.search(  # "MLL" for the card's "MLL:n …" (its
            rf"(?<![\wåäöÅÄÖ]){re.escape(removed.strip())}(?![a-zåäöA-ZÅÄÖ])", item):  # stem is too short to compare)
        return True
    plain_item, plain_removed = _plain(item), _plain(removed)
    if (plain_item, plain_removed) != (item, removed):  # "the cafe thing" finds "a café of the client's choice"
        return _overlaps(plain_item, plain_removed, lang, whole)
    if re.search(r"[åäö]", item, re.IGNORECASE) and not re.search(r"[åäö]", removed, re.IGNORECASE):
        folded = _fold(item)  # "leppavirta" typed without the dots finds "Leppävirta"
        if folded != item and _overlaps(folded, removed, lang, whole):
            return True
    named = aliases.groups(removed)  # "the parishes" finds "Helsingin seurakuntayhtymä"
    spelled_alike = _spelled_groups(item, removed) if named else frozenset()
    found = named & aliases.groups(item) - spelled_alike  # not "föräldragruppen" for "Föräldrarnas"
    if whole:  # each word of the phrase spelled out in the item: "föräldragruppen" is not "föräldrarnas"
        item_stems = stems(item, lang)
        digits = re.findall(r"\d+", removed)
        phrase = [s for s in stems(removed, lang) if len(s) >= 3 and not s.isdigit()]

        def spelled(words_: list[str]) -> bool:
            return all(any(len(_common(s, w)) >= max(3, 0.75 * len(s)) for w in item_stems)
                       or _compound_tail(item_stems, s) for s in words_)
        if found and found == named - spelled_alike and set(digits) <= set(re.findall(r"\d+", item)):
            rest = [s for s in stems(_rest(removed), lang) if len(s) >= 3 and not s.isdigit()]
            if spelled(rest):  # "Malax" for "Maalahti", "MLL" for "Mannerheimin Lastensuojeluliitto"
                return True
        return bool(phrase or digits) and set(digits) <= set(re.findall(r"\d+", item)) and spelled(phrase)
    r = {s[:4] for s in stems(removed, lang) if len(s) >= 3} | set(re.findall(r"\d+", removed))
    i = {s[:4] for s in stems(item, lang) if len(s) >= 3} | set(re.findall(r"\d+", item))  # "70", "19"
    if bool(r) and len(r & i) * 2 >= len(r):
        return True
    said = [s for s in stems(removed, lang) if len(s) >= 3]
    if said and len(said) <= 2 and all(s[:4] in i or _compound_tail(stems(item, lang), s) for s in said) \
            and any(s[:4] not in i for s in said):
        return True  # "kuraattori" is the card's "Koulukuraattori"
    if not found:
        return False
    r = {s[:4] for s in stems(_rest(removed), lang) if len(s) >= 3} | {"§" + g for g in named}
    return len(r & (i | {"§" + g for g in found})) * 2 >= len(r)


_SMALL = frozenset("i och o ja and of the for för af av ry rf oy ab sr de la".split())
_NOT_ACRONYMS = frozenset("och men and not mut nyt tää ett the but for sen dom vad när kyl tms".split())


def _plain(text: str) -> str:
    """Accents dropped, the Nordic letters kept: "café" → "cafe", "Tiitiäinen" stays."""
    kept = {"å": "\0", "ä": "\1", "ö": "\2", "Å": "\3", "Ä": "\4", "Ö": "\5"}
    marked = "".join(kept.get(c, c) for c in text)
    bare = "".join(c for c in unicodedata.normalize("NFKD", marked) if not unicodedata.combining(c))
    back: dict[str, str | int | None] = {v: k for k, v in kept.items()}
    return bare.translate(str.maketrans(back)) if bare != marked else text


def _fold(text: str) -> str:
    return text.translate(str.maketrans("åäöÅÄÖ", "aaoAAO"))


def _acronym(word: str) -> str | None:
    """The word as an abbreviation in capitals: "SFV", or "sfv"/"kamk" typed in lower case (3–5 letters, at
    most one vowel, not a word such as "och"); None for "ok", "ja", "men"."""
    w = word.strip()
    if re.fullmatch(r"[A-ZÅÄÖ]{2,5}", w):
        return w
    if re.fullmatch(r"[a-zåäö]{3,5}", w) and sum(c in "aeiouyåäö" for c in w) <= 1 and w not in _NOT_ACRONYMS:
        return w.upper()
    return None


# A university of applied sciences is "<place>AMK" in Finnish ("KAMK", "tamkin"), whatever language the card
# names it in
_UAS = re.compile(r"ammattikorkeakoulu|university of applied sciences|yrkeshögskola", re.IGNORECASE)
_UAS_ABBR = re.compile(r"([a-zåäö]{1,2})amk(?:in|iin|ista|issa|ista|illa|ilta|ille|ia|)$", re.IGNORECASE)


def _initials(phrase: str, item: str) -> bool:
    """An abbreviation spelled by the first letters of the item's words in a row (with or without "och",
    "of", "ry"…); a Finnish UAS abbreviation ("kamk") for a card's "Kajaani University of Applied Sciences"."""
    uas = _UAS_ABBR.fullmatch(phrase.strip())
    if uas and _UAS.search(item):
        head = uas.group(1).lower()  # the place's first letters: "Seinäjoki …" for "seamk"
        return re.sub(_UAS, "", item).strip(" -").lower().startswith(head)
    joined = re.fullmatch(r"([a-zåäö]{2,})\s*&\s*([a-zåäö]{2,})", phrase.strip(), re.IGNORECASE)
    if joined:  # "soc&kom" for "Svenska social- och kommunalhögskolan": each part starts a word, in order
        low = item.lower()
        a = re.search(rf"(?<![\wåäö]){joined.group(1).lower()}", low)
        return bool(a and re.search(rf"(?<![\wåäö]){joined.group(2).lower()}", low[a.end():]))
    abbr = _acronym(phrase)
    if abbr is None:
        return False
    words = re.findall(r"[\wåäöÅÄÖ]+", item)
    firsts = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _SMALL).upper()
    return abbr in firsts or abbr == content


def _spelled(item: str, phrases: list[str]) -> bool:
    """The item writes one of the phrases as said, as whole words."""
    return any(re.search(rf"(?<![\wåäö]){re.escape(p)}(?![\wåäö])", item, re.IGNORECASE) for p in phrases if p)


def _prefixed(item: str, phrases: list[str]) -> bool:
    """Each word of a phrase starts a word of the item, in order ("nuorisopsykiatrian poli" for "Nuorisopsykiatrian
    poliklinikka"): the phrase said short."""
    words = [w.lower() for w in re.findall(r"[\wåäö-]+", item)]
    for p in phrases:
        said = [w.lower() for w in re.findall(r"[\wåäö-]+", p)]
        at = 0
        for w in said:
            at = next((k + 1 for k in range(at, len(words)) if len(w) >= 3 and words[k].startswith(w)), -1)
            if at < 0:
                break
        if said and at > 0:
            return True
    return False


def reason_clauses(text: str, removed: list[str], lang: str,
                   on_card: Callable[[str], bool]) -> tuple[str, list[str]]:
    """The right value without the clauses after it that only explain what it replaces ("ei vaan
    nuorisotalon yläkerrassa, kirjastosta jouduttiin lähtemään"): a later clause naming what is called wrong
    goes; with nothing called wrong, a later clause naming a card word the right value does not is what the
    correction replaces (its word becomes the removed one)."""
    parts = [p for p in re.split(r"\s*;\s+|,\s+|\.\s+", text.strip()) if p]
    if len(parts) < 2:
        return text, removed
    numbered = bool(re.search(r"\d", parts[0]))  # "126 oikeudenkäyntiä, katsoin väärän vuoden": numbers swap
    first, kept, found = parts[0], [parts[0]], list(removed)
    from assistant.why import content_words

    for clause in parts[1:]:
        if any(_overlaps(clause, r, lang) for r in removed):
            continue  # "Turku tulee vasta ens vuonna mukaan" after "ei Turussa vielä"
        named = [w for w in content_words(clause) if not _shared(first, w, lang) and on_card(w)]
        if not removed and not found and len(named) == 1 and not numbered:
            found = named  # "lukiolaisille on omat juttunsa": the card's "lukiolaiset" is what goes
            continue
        kept.append(clause)
    return (text if len(kept) == len(parts) else "; ".join(kept)), found



def by_initials(word: str, values: list[Any]) -> str | None:
    """"SFV" said for the card's "Svenska folkskolans vänner": the one item whose initials the word spells,
    when the word itself is not on the card."""
    items = [str(i) for v in values for i in (v if isinstance(v, list) else [v]) if i]
    first = word.split()[0] if word.split() else word  # "SFV gav bara …": the abbreviation it starts with
    if first != word and (re.fullmatch(r"[A-ZÅÄÖ]{2,5}", first) or _UAS_ABBR.fullmatch(first)):
        word = first
    if (_acronym(word) is None and not _UAS_ABBR.fullmatch(word.strip())) or any(_spelled(i, [word.strip()])
                                                                              for i in items):
        return None
    found = [i for i in items if _initials(word, i)]
    return found[0] if len(found) == 1 else None


_PART_LEAD = re.compile(r"^(?:ja|sekä|mutta|and|but|och|men)\s+", re.IGNORECASE)


def _in_part(sentence: str, value: str, removed: list[str], lang: str) -> str:
    """The sentence with only its comma-part that says the removed words replaced by ``value`` ("Koulussa on
    oma pöytä, ja viidesluokkalaiset toimii ruokalaisäntinä" → "…, ja kuudesluokkalaiset on ruokalaisäntinä."):
    the rest of what the person said stays. The whole sentence when no single part says them."""
    parts = re.split(r"(?<=\w),\s+", sentence.strip().rstrip("."))
    said = [i for i, p in enumerate(parts) if any(_overlaps(p, r, lang) for r in removed)] if removed else []
    if not said:  # found by what it shares with the new value ("… ruokalaisäntinä" for "vitoset")
        said = [i for i, p in enumerate(parts) if _shared(p, value, lang)]
    if len(parts) < 2 or len(said) != 1:
        return value
    part = parts[said[0]]
    lead = _PART_LEAD.match(part)
    new = value.strip().rstrip(".")
    new = (lead.group(0) + new[:1].lower() + new[1:]) if lead else new[:1].lower() + new[1:] if said[0] else new
    parts[said[0]] = new
    return ", ".join(parts) + "."


def _named_already(value: str, items: list[str]) -> bool:
    """A short value ("for mums", "vain äidit") that only names a group an item already names ("mothers of
    babies …")."""
    words = [w for w in re.findall(r"[\wåäö-]+", value.lower()) if w not in _ONLY_WORDS]
    if not words or len(words) > 2:
        return False
    said = aliases.groups(" ".join(words))
    return bool(said) and any(said & aliases.groups(i) for i in items)


_ONLY_WORDS = frozenset("for only just vain pelkästään pelkät ainoastaan bara enbart för till the".split())

