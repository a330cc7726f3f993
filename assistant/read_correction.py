"""The correction readers in the order they are tried, for one sentence or a short message: edit commands, items
said to be in the wrong field, a value said again, a removal, a number swapped, then what follows a correction
word ("sori, kohderyhmä onkin …") or, with none, the shapes that are corrections only when what they call wrong
is on the card (weak). Moved out of ``understand`` so that each module stays readable; ``Understanding`` calls
``read`` for every try."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant import edits
from assistant.correction_patterns import (
    _ITEM_NUMBER,
    _NEGATED,
    _NO_LONGER,
    _NOT_INVOLVED,
    _REPLACING,
    _SHOULD_BE,
    _TRAILING_REMOVE,
    _X_IS_WRONG,
    _Y_NOT_X,
    _clean_right,
    after_field,
    field_at_end,
    first_sentence,
    topic_of,
)
from assistant.forgot import forgotten as forgotten_of
from assistant.items import sentences as _sentences
from assistant.missing_from import missing_from
from assistant.moves import fixed_or_free, move_hint, named_move
from assistant.phrases import _phrases, contains, cut_leading, starts_with, tokens
from assistant.restate import restated
from assistant.rightwrong import (
    REMARK,
    REPLACEMENTS,
    bare_y_not_x,
    left_out,
    named_y_not_x,
    not_a_but_b,
    number_swap,
    unit_number,
)
from assistant.wrong_value import dropped, numbers_restated, replaced_value

if TYPE_CHECKING:
    from assistant.understand import Correction, Understanding

# "det är inte X utan Y", "it's not X but Y", "se ei oo X vaan Y": the value said wrong, after a dummy subject
_IT_IS_NOT = re.compile(r"^(?:(?:det|de|it|that|this|se|tää|toi|ne|nää)\s+(?:(?:är|e|is|was|are)\s+)?|it's\s+|its\s+|"
                        r"that's\s+)(?P<neg>not|inte|int|ei|isn't)(?:\s+(?:oo|ole))?\s+", re.IGNORECASE)


# a field word that heads a list ("the venues and times, …", "tilat ja ajat …"): content, not a field named
_LISTED = re.compile(r"^\W*(?:the\s+|our\s+|ne\s+|de\s+|dom\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?:,|&|"
                     r"\b(?:and|ja|sekä|och|å|or|tai|eller)\b)", re.IGNORECASE)
# "one thing, …", "yks juttu, …": the fix follows
_ONE_THING = re.compile(r"^(?:just\s+)?(?:one\s+thing|another\s+thing|yks\s+juttu|yksi\s+juttu|yks\s+asia|"
                        r"en\s+sak|en\s+grej)\s*[,:–—-]\s*", re.IGNORECASE)
# which part the message is about, before what it says of it: "det där om pengarna – kommunen betalar …"
_ABOUT_LEAD = re.compile(r"^\W*(?:det\s+där\s+om|det\s+där\s+med|det\s+om|biten\s+om|the\s+bit\s+about|"
                         r"the\s+part\s+about|about|regarding|as\s+for|vad\s+gäller|mitä\s+tulee|siitä|niistä|"
                         r"noista|tosta|siitä\s+kohdasta)\s+[^–—:,.]{1,40}?\s*[–—:,]\s+", re.IGNORECASE)


def _answer_before(nlu: Understanding, text: str, wrong: str, right: str) -> str:
    """"valmentajilla pitää olla … koulutus. ja asuntoja on kakskytä eikä kolkytä": the sentence told before the
    one that fixes a number answers the question asked (a lead-in such as "oho, huomasin just …" does not)."""
    parts = _sentences(text)
    said = right.split()[0].lower() if right.split() else ""
    if len(parts) != 2 or any(w not in parts[1].lower() or w in parts[0].lower() for w in (wrong.lower(), said)):
        return ""  # "se on kolme vuorokautta … . kaks oli vaan kokeilussa": the first one fixes, the second says why
    first = parts[0]
    if len(first.split()) < 5 or starts_with(first, nlu.cues.correction_markers) or edits.LEAD_FILLER.match(first):
        return ""
    return first


def read(nlu: Understanding, text: str) -> Correction | None:
    """One reading of ``text`` as a correction, or None."""
    from assistant.understand import Correction

    cmd = edits.command(nlu, text)
    if cmd is not None:
        return cmd
    moved = named_move(nlu, text)
    if moved is not None:
        return moved
    hint = move_hint(nlu, text) or fixed_or_free(text)  # "toi kysely on kyl mittaamista eikä tavote",
    if hint is not None:  # "tulkkausta ei voi muokata": the card says which item
        return hint
    missing = missing_from(nlu, text)  # "Viitasaari puuttuu paikkakunnista, …", "X saknas bland orterna"
    if missing is not None:
        return missing
    again = restated(nlu, text)  # "nimi meni väärin, meillä se on Kylätupa"
    if again is not None:
        return again
    left = left_out(text) if len(_sentences(text)) <= 2 else None
    if left:  # "församlingen har inget med det här att göra längre", "the church people dropped out"
        return Correction(field=None, text="", removed=[left], weak=True, bare=True)
    swap = number_swap(text) if len(_sentences(text)) <= 2 else None
    if swap:  # "sorry the number is about 2000 not 1200": a number on the card is wrong (weak: if it is there)
        return Correction(field=None, text=swap[2], removed=[swap[1]], weak=True, pairs=[swap[:2]], bare=True,
                          answer=_answer_before(nlu, text, swap[1], swap[0]))
    filler = edits.LEAD_FILLER.match(text)
    marked = starts_with(text[filler.end():] if filler else text, nlu.cues.correction_markers)
    said_again = (numbers_restated(text) or replaced_value(text)) \
        if len(_sentences(text)) <= 2 and not marked else None  # with "sorry, actually …": read below
    if said_again:  # "600 is too low, it's more like 900", "X is not paying anymore, it is Y now" (weak)
        return Correction(field=None, text=said_again[0], removed=[said_again[1]], weak=True,
                          pairs=[said_again], bare=True)
    lead_filler = edits.LEAD_FILLER.match(text)
    if lead_filler and starts_with(text[lead_filler.end():], nlu.cues.correction_markers):
        text = text[lead_filler.end():]  # "ok jag glömde …", "ah förlåt, …"
    marker = starts_with(text, nlu.cues.correction_markers)
    body = text
    leads: list[list[str]] = []
    for _ in range(3):  # "oho, väärin meni: …", "sorry, actually …"
        lead = starts_with(body, nlu.cues.correction_markers)
        if not lead:
            break
        leads.append(lead)
        body = cut_leading(body, lead)
    weak_markers = _phrases(nlu.cues.weak_correction_markers)
    weak = bool(leads) and all(lead in weak_markers for lead in leads)
    added = any(lead in _phrases(nlu.cues.addition_markers) for lead in leads)  # "unohtu mainita X"
    removal = _TRAILING_REMOVE.search(body) if leads else None
    if added and removal is None:  # "unohtu mainita X", "oh and one thing for goals, we want …": what is added
        forgotten = forgotten_of(nlu, body)
        if forgotten is not None:
            return forgotten
    if removal is not None:  # "unohdin toimijoista: X lopetettiin, eli sen voi ottaa pois": X goes
        before = body[:removal.start()]
        named = nlu.names_field(before) or edits._field_anywhere(nlu, before)
        if named:
            before = edits._strip_field_words(nlu, before, named)
        topic = topic_of((_sentences(before) or [before])[-1], nlu.fillers)
        if topic:
            return Correction(field=named, text="", removed=[topic], weak=True, bare=True)
    no_lead = starts_with(body, nlu.cues.no)
    said = body
    if no_lead and marker is None and len(no_lead) <= 2:  # "ei, kohderyhmä on …" / "nej, målgruppen är …"
        body = cut_leading(body, no_lead)
    # a field named by a marker-less "ei, …" must be a real field word ("ei, kohderyhmä on …"), not an
    # everyday noun that starts an answer ("Ei, hyvinvointialueen opiskeluhuolto …")
    fld = nlu.names_field(body, strict=marker is None)
    if no_lead and marker is None and fld and _LISTED.match(body):
        fld = None  # "No, the venues and times, and the exercises …" to "what may be adapted?": a list, no field
    # "kohderyhmä onkin …": "olla" with -kin says "in fact" (not "muutakin", "also other")
    has_kin = re.search(r"\b(?:on|ovat|oli|olivat|olis|olisi|ois)(?:kin|ki|kii)\b", body.lower()[:60]) is not None \
        and fld is not None
    if marker is None and not has_kin and not (no_lead and fld):
        # "Det ska vara Närpes och Korsnäs, inte Kristinestad och Kaskö", "Ei ne oo pelkästään X, vaan Y":
        # a correction only if what it calls wrong is on the card (weak); else an answer
        replaced = any(p.match(said.strip().rstrip(".!")) for p, _ in REPLACEMENTS[:2])
        trailing = _TRAILING_REMOVE.search(said)  # "X is not really a partner, … please remove them"
        if trailing:
            said = said[:trailing.start()]
            last = _ABOUT_LEAD.sub("", (_sentences(said) or [said])[-1])  # "det där om pengarna – kommunen …"
            topic = topic_of(last, nlu.fillers)  # the sentence it follows
            if topic:  # "församlingens roll e så liten att den int behöver stå där, ta bort": what comes first,
                named = fld or edits._field_anywhere(nlu, said)  # from the field it names ("ei oo toimija")
                return Correction(field=named, text="", removed=[topic], weak=True, bare=True)
        first = re.split(r"[,.;]\s", said, maxsplit=1)[0]
        if (_NEGATED.match(said) or _SHOULD_BE.match(said) or _NOT_INVOLVED.search(first) or replaced
                or trailing) \
                and len(_sentences(said)) <= 2:
            new, removed = nlu.clauses(_SHOULD_BE.sub("", said))
            gone = _NO_LONGER.search(first) and _NEGATED.match(said)  # "not the university anymore, …"
            if removed and (new or _NOT_INVOLVED.search(first) or trailing or gone):
                if _NOT_INVOLVED.search(first) and not _REPLACING.search(new):
                    new = ""  # "MLL ei oo mukana enää, piiri lopetti tän toiminnan": why, not who instead
                return Correction(field=fld, text=new if new and not REMARK.match(new) else "", removed=removed,
                                  weak=True, pairs=nlu._pairs, bare=True)
        wrong = _X_IS_WRONG.match(said.strip())
        subject = re.split(r"\b(?:mut|mutta|but|men)\b", wrong.group("x"))[-1].strip() if wrong else ""
        if wrong and (not subject or _ITEM_NUMBER.match(subject) or nlu.names_field(subject)):
            wrong = None  # "kohta 3 on väärin", "nimi on väärä": the summary item or field, not a value
        if wrong:  # "150 on väärin, oikea luku on 120 perhettä", "sorry 410 is wrong, it was 380 people"
            right = _clean_right(wrong.group("rest") or "")
            return Correction(field=fld, text=right, removed=[subject], weak=True,
                              pairs=[(right, subject)] if right else [], bare=True)
        short = bare_y_not_x(said.strip().rstrip(".!"))
        first_clause = re.split(r"[,;.]\s", _ONE_THING.sub("", said.strip()), maxsplit=1)[0].strip()
        if short is None and first_clause != said.strip():
            short = named_y_not_x(first_clause)  # "its X not Y, the network is a different lot"
        if short:  # "wednesdays not tuesdays"
            return Correction(field=fld, text=short[0], removed=[short[1]], weak=True, pairs=[short], bare=True,
                              narrow=True)
        pair = not_a_but_b(said) if len(_sentences(said)) <= 2 else None
        if pair:  # "rahotus ei tuu Kelalta vaan STEAlta": a value on the card is wrong (weak: if it is there)
            return Correction(field=fld, text=pair[0], removed=[pair[1]], weak=True, pairs=[pair], bare=True)
        after = nlu.removed_after(said)  # "veteraanien lesket pois, ei niitä oo ollu moneen vuoteen"
        if after is not None:
            return after
        if _Y_NOT_X.match(first_sentence(said)) and len(_sentences(said)) <= 2:  # "58 familjer, inte 85"
            new, removed = nlu.clauses(first_sentence(said))
            if new and removed:
                return Correction(field=fld, text=new, removed=removed, weak=True, pairs=nlu._pairs, bare=True,
                                  narrow=True)
        dropped_one = dropped(said) if len(_sentences(said)) <= 2 else None
        if dropped_one:  # "not the families, they are not really part of it", "Kangasala no." (weak)
            return Correction(field=fld, text="", removed=[dropped_one], weak=True, bare=True)
        return nlu.removed_after(said)
    body = re.sub(r"^(?:sanoa|säga|to say|mainita)\s*,?\s*(?:että|et|att|that)?\s*", "", body, flags=re.IGNORECASE)
    body = _IT_IS_NOT.sub(lambda m: m.group("neg").replace("isn't", "not") + " ", body)  # "it's not X but Y"
    after = nlu.removed_after(body)  # "korjaus: perheneuvolan psykologi ei tarvi toimijoihin, …"
    if after is not None:
        return after
    if fld:
        body = after_field(body)
    else:
        fld, body = field_at_end(nlu, body)
    additive = contains(" ".join(tokens(body)[:4]), nlu.cues.addition_words)
    new, removed = nlu.clauses(body)
    if weak and not fld and not removed:
        head, *rest = re.split(r"[,;.]\s", body, maxsplit=1)  # "I mean 16 volunteers, three stopped in May"
        units = {u for _, u in unit_number(head)}
        if rest and units & {u for _, u in unit_number(rest[0])}:  # "kaks koulua tuli lisää, eli nyt kuus koulua"
            head = body
        if not additive and len(unit_number(head)) == 1 and len(re.findall(r"\d+", head)) <= 1 \
                and len(tokens(head)) <= 12:  # "sorry it is four afternoons now": the card's number, if any
            return Correction(field=None, text=head, weak=True, number=True)
        return None  # "Actually, mostly teachers." answers the question
    if weak and len(_sentences(body)) > 2:
        return None  # a story that starts with "sori" or "muuten", not a correction
    if weak and contains(body, nlu.cues.contest_words) and not removed:
        return None  # "ok muuten hyvä, mutta yhteyshenkilö puuttuu" contests the summary
    return Correction(field=fld, text=new, removed=removed, additive=additive and not removed,
                      weak=weak, pairs=nlu._pairs)
