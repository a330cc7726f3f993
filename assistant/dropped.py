"""Something on the card dropped in passing, inside an answer to another question: "STEA rahottaa suurimman
osan ja vähän kunnat. ja Keusote ei oo enää mukana", "å Kokkola e int me längre", "we dont meet in the staff
canteen anymore, it was too noisy, now we use the library room", "no grandpas, its only for dads".

People answer the question and, in the same breath, say that something the card holds is no longer so,
mostly without a correction word and naming it otherwise (another case, the other language, an
abbreviation). A clause that opens with a denial or says something stopped, and names one card item of
another field by a word of its own (a shared stem of five letters or more, or an alias), drops that item; a
"nykyään / now / det är" clause after it says what is there instead. What was said before the denial is the
answer; what follows it is its reason, unless a whole sentence reads surely as the answer asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant import aliases
from assistant import dropped_words as dw
from assistant.hedged import SENTENCES
from assistant.interview_types import FieldStatus
from assistant.items import card_items, dedupe
from assistant.schema import LIST_FIELDS
from assistant.substitute import substitute
from assistant.textproc import EVERYDAY, stems

if TYPE_CHECKING:
    from assistant.dialogue import Dialogue


@dataclass
class Drop:
    field: str
    item: str
    instead: str
    clause: str = ""
    at: int = 0


def _named_at(clause: str, item: str, lang: str) -> list[int]:
    """Word indexes of the clause that name the item: shared stems and aliases (generic words aside); the
    words after "vaan", "utan", "but" say what is right, not what is denied."""
    denied = dw.RATHER.sub("", clause)
    card = stems(item, lang)
    as_written = {w.lower() for w in re.findall(r"[\wåäöÅÄÖ-]{4,}", item)}  # "Fyren": a name the stemmer cuts short
    out = []
    for k, word in enumerate(denied.split()):
        if word.strip(".,;:!?").lower() in dw.DEICTIC:
            continue
        plain = word.strip(".,;:!?").lower()
        if plain in EVERYDAY:
            continue
        if word[:1].isupper() and stems(word, lang) and not plain.startswith(dw.GENERIC) and (
                plain in as_written or len(plain) >= 7 and any(dw.same(plain, w) for w in as_written)):
            out.append(k)  # a name as written: "Fyren"; "Havsbandsstiftelsen" for "Stiftelsen Havsbandet"
        for s in stems(word, lang):
            if not s.isdigit() and not s.startswith(dw.GENERIC) and any(dw.same(s, c) for c in card):
                out.append(k)
    shared = aliases.groups(denied) & aliases.groups(item)
    if shared:
        out.extend(a for g, a, _ in aliases.spans(denied) if g in shared)
    return sorted(set(out))


def _naming(clause: str, item: str, lang: str, at: int, fld: str) -> list[int]:
    """The words that name the item, where they may: anywhere when the clause says the item's standing
    changed ("Keusote ei oo enää mukana"; "not involved" only of a partner or a funder), otherwise right
    after the denial ("not Rotary")."""
    named = _named_at(clause, item, lang)
    changed = dw.TEMPORAL.search(clause) or dw.STOPPED.search(clause) \
        or fld in _PARTNERS and dw.CHANGED.search(clause)
    if not changed:
        named = [k for k in named if at < k <= at + dw.NEAR]
    return named


_PARTNERS = ("actors", "funders")


def _strength(clause: str, item: str, lang: str, at: int, fld: str) -> tuple[int, int]:
    named = _naming(clause, item, lang, at, fld)
    words = clause.split()  # of two items, the one named by a name ("Fyren", not "håller"), then longer words
    return len(named), sum(100 * words[k][:1].isupper() + len(words[k]) for k in named if k < len(words))




def _target(d: Dialogue, clause: str, at: int) -> tuple[str, str] | None:
    """(field, item) the clause names, the one best; None when none or two fields tie."""
    st = d.state
    found: list[tuple[int, int, str, str]] = []
    for fld in d.flow.card:
        if fld in dw.NOT_TARGETS or fld == st.pending_field:
            continue
        for item in card_items(getattr(st.draft, fld, None)):
            n, length = _strength(clause, item, st.lang, at, fld)
            if n:
                found.append((n, length, fld, item))
    if not found:
        return None
    found.sort(key=lambda x: (-x[0], -x[1]))
    if any(n == found[0][0] and fld != found[0][2] for n, _, fld, _ in found[1:]):
        return None  # as many words of another field: which one is meant is a guess
    return found[0][2], found[0][3]


def _instead(fld: str, rest: list[str]) -> str:
    """What is there now, said in a clause after the denial ("now …" before "it was …"); "" when none."""
    for marker in (dw.NOW, dw.IT_IS):
        for clause in rest:
            bare = dw.LEAD.sub("", clause)
            if marker is dw.NOW and dw.IT_IS.match(bare):
                continue  # "it is Kone Foundation now": a name, read in the second pass
            m = marker.search(bare)
            said_whole = fld not in LIST_FIELDS or len(bare.split()) >= 4  # "the men's shed guys do it now"
            if m and fld not in dw.NAMED and marker is dw.NOW and said_whole:  # "min tjänst betalas nu av …":
                return bare.strip(" .,;")  # what is done now, said whole
            if m:  # "its the library basement now": the marker said last
                said = bare[m.end():].strip(" .,;") or dw.IT_IS.sub("", bare[:m.start()].strip(" .,;"))
                return _as_value(fld, dw.NOW_LAST.sub("", said))
    return ""


def _as_value(fld: str, new: str) -> str:
    if fld in dw.NAMED:
        new = dw.NAME_END.sub("", dw.SINCE.sub("", new)).strip(" .,;")
        new = re.sub(r"^(?:the|de|dom)\s+", "", new, flags=re.IGNORECASE)
        named = len(new.split()) <= 6 and not dw.VERB.search(new) and not dw.PRONOUN.search(new)
        return new if named else ""  # "we find the students ourselves": who does it, not a name
    if fld in LIST_FIELDS:
        return ""  # "no grandpas, its only for dads": said of the group, not a new item
    return new


def read(d: Dialogue, text: str) -> tuple[list[Drop], str] | None:
    """The items the message drops and the answer left, or None when it drops nothing."""
    st = d.state
    closing = st.phase == "confirm"  # at the numbered summary: nothing is asked, all of it is the correction
    if not (closing or st.phase == "collect" and st.asking == "question" and st.pending_field
            and st.pending_field not in dw.SHORT_ANSWERS) \
            or len(text.split()) > 80 or "\n" in text.strip() or dw.CORRECTING.search(text):
        return None  # a list typed line by line is the answer
    head, colon, rest = text.partition(":")
    if closing and colon and len(head.split()) <= 6 and dw.denial(head, st.lang) is None:
        text = rest  # "muuten ok mut siitä rahotuksesta: ESR loppu …": what the fix is about, then the fix
    said = [s for s in SENTENCES.split(text.strip()) if s]
    drops: list[Drop] = []
    after: list[list[str]] = []  # per drop: the clauses told after it, where what is there now may be said
    answer: list[str] = []
    tail = False  # after a denial: its reason and what is there now
    for sentence in said:
        parts = dw.clauses(sentence)
        hit: tuple[int, tuple[str, str], str, int] | None = None
        skip = dw.MAY.search(sentence) or dw.CONTRAST.search(sentence)
        for j, part in enumerate([] if skip else parts):
            at = dw.denial(part, st.lang)
            if at is None:
                continue
            if j and dw.BARE_NOT.match(part) or dw.right_first(part, at):
                break  # "the partner is the city of Vaasa, not Mustasaari", "Imatra not Lappeenranta": the right
                # one said first
            target = _target(d, part, at)
            if target is not None:
                hit = (j, target, part, at)
                break
        if hit is None:
            if tail and not _reads_as_answer(d, sentence):
                after[-1].extend(parts)  # "… anymore. it's the library in Karhula now"
                continue
            answer.append(sentence)
            continue
        j, (fld, item), part, at = hit
        if j:  # the answer said first in the same sentence: "… parkeringsplats, å Kokkola e int me längre"
            answer.append(", ".join(parts[:j]))
        drops.append(Drop(fld, item, "", part, at))
        after.append(parts[j + 1:])
        tail = True
    if not drops:
        return None
    for drop, told in zip(drops, after, strict=True):
        drop.instead = _instead(drop.field, told)
    said_first = " ".join(a for a in answer if a.strip(" .,;"))
    if closing and len(stems(said_first, st.lang)) >= 3:
        return None  # more said at the summary than the denial: the closing readers decide
    return drops, "" if closing else said_first


def _reads_as_answer(d: Dialogue, sentence: str) -> bool:
    guess = d.offline.classifier.predict([sentence])[0]
    return guess.field == d.state.pending_field and guess.p >= dw.ANSWER_P


def apply(d: Dialogue, drops: list[Drop], answer: str) -> list[str]:
    """Drop the items (with what is there now in their place), store the answer, and say both."""
    st = d.state
    pending = st.pending_field
    done: list[str] = []
    for drop in drops:
        current = getattr(st.draft, drop.field)
        swapped_in = _doer_in(drop, st.lang)
        if drop.field in LIST_FIELDS and swapped_in:  # "Safe Haven dont do the training anymore, the councils
            out = [swapped_in if i == drop.item else i for i in current or []]  # team do it now": in its place
            d.set(drop.field, dedupe(out), FieldStatus.confirmed, replace=True)
        elif drop.field in LIST_FIELDS:
            others = [i for i in current or [] if i != drop.item]
            new = [] if not drop.instead or _restates(drop.instead, others, st.lang) else [drop.instead]
            rest = _other_parts(drop, st.lang)
            new = ([", ".join(rest)] if rest else []) + new
            out = [x for i in current or [] for x in (new if i == drop.item else [i])]
            d.set(drop.field, dedupe(out), FieldStatus.confirmed, replace=True)
        else:
            swapped = substitute(current, drop.field, drop.instead, [_wrong_said(drop, st.lang)], st.lang) \
                if _a_name(drop.instead) else None  # "it is Kone Foundation now": the name, in its place
            new_s = drop.instead[:1].upper() + drop.instead[1:] if drop.instead else ""
            if new_s and not new_s.endswith((".", "!", "?")):
                new_s += "."
            kept = [new_s if s == drop.item else s for s in card_items(current)]
            d.set(drop.field, swapped or " ".join(s for s in kept if s) or None, FieldStatus.confirmed, replace=True)
        st.status[drop.field] = FieldStatus.confirmed
        if drop.field not in done:
            done.append(drop.field)
    parts = [d.t("iv.corrected", label=d.label(f)) for f in done]
    if st.phase == "confirm":
        st.phase = "collect"  # the summary is shown again with the change
    if answer and pending and len(stems(answer, st.lang)) >= 2:
        d._store_answer(pending, answer)
        parts.insert(0, d.t("iv.thanks"))
    return d.after_update(parts)


def _parts(item: str) -> list[str]:
    """An item's parts at commas and "and", a relative clause kept with what it tells of."""
    out: list[str] = []
    for part in (p.strip() for p in dw.PART.split(item) if p and p.strip()):
        if out and dw.RELATIVE.match(part):
            out[-1] += ", " + part
        else:
            out.append(part)
    return out


def _other_parts(drop: Drop, lang: str) -> list[str]:
    """The parts of a many-part item the clause does not name ("Two librarians and the van, …, and red cross
    volunteers": only the volunteers go); an organisation and its unit ("Keski-Uudenmaan hyvinvointialue,
    perheneuvola") go together."""
    parts = _parts(drop.item)
    unit = len(parts) == 2 and "," in drop.item and parts[1][:1].islower() and len(parts[1].split()) <= 3
    if len(parts) < 2 or unit:
        return []
    named = [p for p in parts if _naming(drop.clause, p, lang, drop.at, drop.field)]
    return [p for p in parts if p not in named] if named and len(named) < len(parts) else []


def _a_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 4 and words[0][:1].isupper() and not dw.VERB.search(text) and not dw.PRONOUN.search(text)


def _wrong_said(drop: Drop, lang: str) -> str:
    """The words of the denial that name the item, as said ("Cultural Foundation")."""
    named = _naming(drop.clause, drop.item, lang, drop.at, drop.field)
    words = drop.clause.split()
    return " ".join(words[min(named):max(named) + 1]).strip(".,;:!?") if named else ""


def _restates(new: str, items: list[str], lang: str) -> bool:
    """"så de e välfärdsområdet å stiftelsen": only what the field's other items name already."""
    words = [s for s in stems(new, lang) if len(s) >= 4]
    return bool(words) and all(any(w[:4] == c[:4] for i in items for c in stems(i, lang)) for w in words)


# who does it now, said as a clause: "the councils domestic abuse team do it now", "kuurojenpappi vetää nykyään"
_DOER = re.compile(r"^(?:the\s+|now\s+|nykyään\s+|nu\s+)?(?P<who>[^,.;]{2,50}?)\s+(?:do|does|run|runs|lead|leads|take|"
                   r"takes|handle|handles|vetää|vetävät|hoitaa|hoitavat|tekee|tekevät|pitää|pitävät|ohjaa|ohjaavat|"
                   r"gör|håller|leder|sköter|tar)\b", re.IGNORECASE)


def _doer_in(drop: Drop, lang: str) -> str:
    """The item with the one who stopped replaced by the one who does it now, when the item says more than
    who ("Champions are trained by a specialist from the Safe Haven Network in a one-day course"); "" else."""
    m = _DOER.match(drop.instead.strip()) if drop.instead else None
    said = _wrong_said(drop, lang)
    names = re.findall(r"[A-ZÅÄÖ][\wåäö-]*(?:\s+[A-ZÅÄÖ][\wåäö-]*)*", said)  # "Safe Haven" of "Safe Haven dont do …"
    wrong = max(names, key=len) if names else said
    if m is None or not wrong or len(drop.item.split()) < 6 or dw.PRONOUN.search(m.group("who")):
        return ""
    at = re.search(rf"(?i:{re.escape(wrong)})(?:\s+[A-ZÅÄÖ][\wåäö-]*)*", drop.item)  # "… Safe Haven Network"
    if at is None:
        return ""
    who = m.group("who").strip()
    if re.search(r"\bthe\s+$", drop.item[:at.start()], re.IGNORECASE):
        who = re.sub(r"^the\s+", "", who, flags=re.IGNORECASE)
    return drop.item[:at.start()] + who + drop.item[at.end():]
