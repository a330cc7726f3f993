"""The dialogue policy: (interview state, what the message is) → what to do; and what to ask next.

Pure and deterministic (Rasa-forms style): no I/O, no embedding, no mutation. The engine
(``interview.py``) carries the action out. Keeping it here means "the answer to the pending question goes
to that field", "an intent counts only when the message is nothing but the intent" and "a reply to a
reuse offer is never stored into a field" are each one readable rule with a test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Literal

from assistant.card_words import _overlaps, by_initials
from assistant.flow import Flow
from assistant.interview_types import FieldStatus, InterviewState
from assistant.not_only import not_only
from assistant.number_fix import card_number_fix
from assistant.phrases import contains
from assistant.restate import last_said, without_lead
from assistant.slot_swap import Swap, calls_wrong, card_of
from assistant.slot_swap import read as read_slots
from assistant.understand import (
    LONG_MESSAGE,
    Correction,
    Understanding,
    Utterance,
    cut_leading,
    starts_with,
    tokens,
)
from assistant.wrong_value import range_swap

ActionKind = Literal[
    "empty", "lang", "greeting", "clarify", "offtopic", "search", "mask",
    "reuse", "narrow_core", "skip_core_narrowing",
    "confirm_value", "reject_value", "replace_value", "add_value", "keep_unsure",
    "skip", "reask", "correct", "confirm_or_correct", "answer", "story",
    "accept", "reopen", "set", "add", "which", "swap",
]


MAX_ASKS = 4
_INTENT_ACTIONS: dict[str, ActionKind] = {"empty": "empty", "lang": "lang", "mask": "mask", "greeting": "greeting",
                                          "clarify": "clarify", "search": "search", "question": "offtopic"}


@dataclass
class Action:
    kind: ActionKind
    field: str | None = None
    text: str = ""
    lang: str | None = None
    choice: str | None = None
    correction: Correction | None = None
    swaps: list[Swap] = dc_field(default_factory=list)  # "swap": values of a kind replaced (``slot_swap``)


@dataclass
class Ask:
    """The next thing the assistant asks: a field question, a confirmation of an inferred value, or the
    closing summary."""

    kind: Literal["question", "confirm", "summary"]
    field: str | None = None


def field_status(state: InterviewState, fld: str) -> FieldStatus:
    value = getattr(state.draft, fld, None)
    status = state.status.get(fld)
    if status in (FieldStatus.partial, FieldStatus.confirmed) and not value:
        return FieldStatus.missing
    return status or (FieldStatus.partial if value else FieldStatus.missing)


def next_ask(state: InterviewState, flow: Flow) -> Ask:
    """First field in order that is missing (a question) or inferred but unsure (a confirmation). A field
    asked MAX_ASKS times already is left as it is: the person can still fix it on the card."""
    for fld in flow.order:
        if state.asked.count(fld) >= MAX_ASKS:
            continue
        status = field_status(state, fld)
        if status == FieldStatus.missing:
            return Ask("question", fld)
        if status == FieldStatus.partial and fld in state.unsure:
            return Ask("confirm", fld)
    return Ask("summary")


def complete(state: InterviewState, flow: Flow) -> bool:
    """Every required field is filled or skipped."""
    return all(field_status(state, f) != FieldStatus.missing for f in flow.required)


def decide(state: InterviewState, u: Utterance, nlu: Understanding, flow: Flow) -> Action:
    """What to do with one message, given where the interview is."""
    if u.intent in _INTENT_ACTIONS:  # nothing but an intent: the same in every phase
        return Action(_INTENT_ACTIONS[u.intent], lang=u.lang, text=u.text)
    real_correction = u.correction is not None and (u.correction.field or not u.correction.weak
                                                     or on_card(state, u.correction.removed))
    if u.correction is not None and u.correction.answer and not real_correction and not on_card(
            state, u.correction.removed, other_words=True):  # "o inkoo ska bort" for the card's "Ingå"
        u = Utterance(text=u.text, intent=u.intent)  # the later sentence only looked like a correction: an answer
    if u.correction is not None and u.correction.weak and u.correction.move_to and state.phase == "collect" \
            and state.pending_field == "adaptable" and state.asking == "question":
        # what may change names other fields' things as its content ("tapaamisten paikat ja yhteistyökumppanit
        # voivat olla erilaisia"): an answer, never a hint to move a card item
        u = Utterance(text=u.text, intent=u.intent)
    if state.phase == "reuse_offer":
        # "nej vänta, målgruppen är …" before choosing; a weak one after other sentences ("Headspace e ju … . Så
        # nej, vi skriver vårt eget") is the reply
        if real_correction and u.correction is not None and not (u.correction.weak and u.correction.answer) \
                and nlu.reuse_choice(u.text) is None:
            return Action("correct", correction=u.correction, text=u.text)
        return _reuse(u, nlu)
    if state.phase == "narrow_core" and real_correction and u.correction.field != "core" and not (  # type: ignore[union-attr]
            u.correction.weak and u.correction.move_to):  # type: ignore[union-attr]  # "X ei saa jättää pois" answers it
        return Action("correct", correction=u.correction, text=u.text)  # the core question stays open
    if state.phase == "narrow_core":
        if u.intent == "skip":
            return Action("skip_core_narrowing")
        return Action("narrow_core", field="core", text=u.text)
    if u.intent is None and state.phase == "collect" and (not real_correction or (
            u.correction is not None and u.correction.then is None and not u.correction.command
            and not on_card(state, u.correction.removed) and calls_wrong(u.text, card_of(state)))):
        # "tarkennus edelliseen: jako on tiistaisin eikä torstaisin. sit tavotteista, et …" read as about the goals
        swapped = slot_swap(state, u, nlu)
        if swapped is not None:
            return swapped
    if state.phase in ("confirm", "done"):
        decided = closing(u, nlu, state)
        if u.intent is None and (decided.kind == "which" or decided.kind == "correct" and not real_correction):
            # "aukiolo on 16-19 sori", "ei lauantaisin vaan sunnuntaisin" (the card says "Saturday") at the summary
            return slot_swap(state, u, nlu) or decided
        return decided
    if u.correction is not None and u.correction.command:  # "poista …", "lisää toimijoihin …"
        return Action("correct", correction=u.correction, text=u.text)
    pending = state.pending_field
    confirming = bool(pending) and state.asking == "confirm"
    if u.correction is not None and confirming and u.correction.field in (None, pending) and not (
            u.correction.additive and u.correction.field is None):  # "unohdin: myös X" adds where X fits
        # "Ei, X" to "did I get this right?" replaces the quoted value, unless what it calls wrong is
        # written in another field: the engine decides that against the card
        fallback = _confirming(pending, Utterance(text=u.text, intent=u.intent), nlu)  # type: ignore[arg-type]
        return Action("confirm_or_correct", field=pending, text=fallback.text, correction=u.correction,
                      choice=fallback.kind)
    if u.correction is not None:
        return Action("correct", correction=u.correction, text=u.text)
    also = not_only(nlu, u.text)
    if also and on_card(state, [also[0]]):  # "inte bara hemvårdens klienter, också …": X is on the card
        return Action("correct", correction=Correction(field=None, text=also[1], additive=True), text=u.text)
    if pending and confirming:
        return _confirming(pending, u, nlu)
    if pending:
        if u.intent == "skip":
            return Action("skip", field=pending)
        if u.intent == "no":
            return Action("skip", field=pending)
        if u.intent == "yes":
            return Action("reask", field=pending)
        n = len(_sentences(u.text))
        story = n >= flow.thresholds.story_min_sentences or (state.content_turns == 0 and n >= 2) or (
            state.content_turns == 0 and len(u.text.split()) > LONG_MESSAGE)  # a first story without full stops
        return Action("story" if story else "answer", field=pending, text=u.text)
    if u.intent in ("skip", "yes", "no"):
        return Action("reask")
    return Action("story", text=u.text)


def slot_swap(state: InterviewState, u: Utterance, nlu: Understanding) -> Action | None:
    """A weekday, year or opening time said again differently (``slot_swap.read``)."""
    found = read_slots(state, u, nlu)
    return Action("swap", field=state.pending_field, text=found[0], swaps=found[1]) if found else None


def on_card(state: InterviewState, phrases: list[str], other_words: bool = False) -> bool:
    """A weak correction ("13 prosentista eikä 14") is one only when what it calls wrong is written on the card."""
    values = [v for v in state.draft.model_dump().values() if v and isinstance(v, (str, list))]
    card = " ".join(" ".join(v) if isinstance(v, list) else str(v) for v in values).lower()
    if any(len(p) >= 2 and re.search(rf"(?<![\wåäö]){re.escape(p.lower())}", card) or by_initials(p, values)
           for p in phrases):
        return True
    if not other_words:
        return False
    # "inkoo ska bort" for the card's "Ingå", "kangasalla" for "Kangasala": the place or name in other words,
    # every word of it (a list item, or a sentence of a text field)
    items = [i for v in values for i in (v if isinstance(v, list) else _sentences(str(v)))]
    return any(len(p) >= 3 and _overlaps(i, p, state.lang, whole=True) for p in phrases for i in items)


def _reuse(u: Utterance, nlu: Understanding) -> Action:
    """The answer to "adopt, join, or continue your own?": a choice, never field content."""
    choice = nlu.reuse_choice(u.text)
    if choice is None:
        choice = "adopt" if u.intent == "yes" else "own"
    return Action("reuse", choice=choice, text=u.text)


def _confirming(fld: str, u: Utterance, nlu: Understanding) -> Action:
    """The reply to "Did I get this right for X: …?"."""
    if u.intent == "yes":
        return Action("confirm_value", field=fld)
    if u.intent == "no":
        return Action("reject_value", field=fld)
    if u.intent == "skip":
        return Action("keep_unsure", field=fld)
    text = u.text
    lead = starts_with(text, nlu.cues.no)
    if lead and len(lead) <= 2:  # "Ei, vaan yksinäiset miehet" / "No, it is for young carers"
        rest = re.sub(r"^(?:vaan|utan|but|it is|it's)\s+", "", cut_leading(text, lead), flags=re.IGNORECASE)
        return Action("replace_value", field=fld, text=rest) if rest else Action("reject_value", field=fld)
    lead = starts_with(text, nlu.cues.yes)
    if lead:  # "kyllä, ja lisäksi …"
        rest = cut_leading(text, lead)
        return Action("add_value", field=fld, text=rest) if _has_words(rest) else Action("confirm_value", field=fld)
    return Action("replace_value", field=fld, text=text)


_NUMBER = re.compile(r"(?:^|\b(?:kohta|kohdat|kohdassa|numero|nro|point|item|number|punkt|nummer)\s*)(\d{1,2})\b",
                     re.IGNORECASE)


_ONE_VALUE = ("name", "organisation", "contact", "stage")


def closing(u: Utterance, nlu: Understanding, state: InterviewState) -> Action:
    """The reply to the numbered closing summary. A bare "kyllä" accepts; "ok, mutta nimi on väärä" opens
    the name; "vaihe: vakiintunut" sets it; "tavoitteista puuttuu: …" adds to it."""
    if u.intent == "yes":
        return Action("accept")
    text = u.text
    toks = tokens(text)
    cut = _after_but(text, toks, nlu)
    rest = cut if cut is not None else text
    if u.correction is not None:
        c = u.correction
        if c.field in _ONE_VALUE and not c.move_to:  # "nimi on väärä, se on Kotipesä": the value said is the value
            return Action("add" if c.additive else "set", field=c.field, text=c.text, correction=c)
        return Action("correct", correction=c, text=u.text)  # as midway: in place, moves, pairs, where it is
    fld = nlu.names_field(rest)
    if fld is None:
        m = _NUMBER.search(rest)
        if m and 1 <= int(m.group(1)) <= len(state.summary_fields):
            fld = state.summary_fields[int(m.group(1)) - 1]
    called = _CALLED.search(rest) if fld in (None, "name") else None
    if called and (fld or contested_field(text, nlu)) == "name":  # "only the name, number 12, the elders
        return Action("set", field="name", text=called.group("name").strip(" '\"“”"))  # themselves call it X"
    if fld is None:
        missing = _missing_part(rest, nlu) or _added_part(rest, nlu)
        if missing:  # "nästan, men Pedersöre fattas": add it where it fits, or ask which item
            return Action("correct", text=text, correction=Correction(field=None, text=missing, additive=True,
                                                                      command=True))
        card = {f: getattr(state.draft, f) for f in state.summary_fields if f not in ("stage", "name")}
        if card_number_fix(text, card) or range_swap(text, card):  # "Bra annars, men 50 euro e fel, he e 60
            # euro": where 50 is written; "niin siis 8–20-vuotiaat": the card's one other age range
            return Action("correct", text=text, correction=Correction(field=None, text=text))
        return contest_of(text, nlu) or Action("which", text=text)
    value = _value_part(rest)
    contested = value is None or _only_contest(value, nlu) or _contest_then_not(value, nlu)
    if contested:
        return Action("reopen", field=fld, text=text)
    assert value is not None
    additive = _has(rest, nlu.cues.addition_words)
    value = _strip_contest(value, nlu)
    value = last_said(nlu, value, fld)
    if fld == "name":  # "nimi on väärä, se on Kotipesä"
        value = without_lead(value)
    return Action("add" if additive else "set", field=fld, text=value)




def _named_along(text: str, nlu: Understanding, limit: int | None = None) -> Iterator[str]:
    """The fields a message names, read along it three words at a time (the first ``limit`` words)."""
    toks = tokens(text)
    for start in range(0, max(len(toks), 1) if limit is None else min(len(toks), limit), 3):
        fld = nlu.names_field(" ".join(toks[start:]), window=5)
        if fld:
            yield fld


def fields_named(text: str, nlu: Understanding) -> set[str]:
    """Every field a message names somewhere ("… ei mikään ydinjuttu, kuuluu enemmän siihen mitä voi muokata")."""
    return set(_named_along(text, nlu))


def contested_field(text: str, nlu: Understanding) -> str | None:
    """The field a closing contest names after its opening words ("looks fine except the stage, …", "Looks
    brilliant, only the stage – …", "One thing: please use the Finnish name, …"): the first field name in the
    message's first dozen words."""
    return next(_named_along(text, nlu, limit=12), None)


def contest_of(text: str, nlu: Understanding) -> Action | None:
    """A contest that names its field but was not read as a value for it: the stage said right is set ("the
    stage is wrong, we're not a pilot, this is established"); any other field is opened again and asked,
    instead of "which item is wrong?" for a message that said which."""
    fld = contested_field(text, nlu)
    if fld is None or contains(text, nlu.cues.removal_commands) or contains(text, nlu.cues.removal_after):
        return None  # "… please take it out of the goals": a removal, not a field to answer again
    if fld == "stage":
        right, _wrong = nlu.clauses(text)
        if right:
            return Action("set", field="stage", text=right)
    return Action("reopen", field=fld)


def _after_but(text: str, toks: list[str], nlu: Understanding) -> str | None:
    """"ok, mutta nimi on väärä" → "nimi on väärä" (only when a but-word comes early)."""
    buts = {t for ps in nlu.cues.but_words.values() for p in ps for t in tokens(p) if len(tokens(p)) == 1}
    for i, tok in enumerate(toks[:5]):
        if tok in buts:
            m = list(re.finditer(r"[0-9A-Za-zÅÄÖåäöÉéÜüÆæØø]+(?:['’-][0-9A-Za-zÅÄÖåäö]+)*", text))
            return text[m[i].end():].lstrip(" ,.:;-").strip() if i < len(m) else None
    return None


# what people call the model: "they call it X", "it's called X", "kutsuvat sitä nimellä X", "de kallar det X"
_CALLED = re.compile(r"\b(?:call(?:s|ed)?\s+it|it'?s\s+called|is\s+called|kutsu\w*\s+(?:sitä|tätä)\s+nimellä|"
                     r"kallar\s+(?:det|den)|heter|nimeltään)\s+(?P<name>[^,.;!?]{2,60})", re.IGNORECASE)
_MISSING = re.compile(r"\b(?:puuttuu|puuttu|fattas|saknas|is missing|are missing|missing|unohtui)\b", re.IGNORECASE)
_MISSING_FILLER = re.compile(r"^(?:(?:det|he|se|siitä|että|et|att|that|the|vielä|myös|också|även|also|ju|kyllä)\b\W*)+",
                             re.IGNORECASE)


_SOMETHING = {"jotain", "jotakin", "jokin", "joku", "jotai", "yksi", "asia", "juttu", "kohta", "something", "thing",
              "one", "item", "stuff", "nåt", "något", "någonting", "sak", "punkt", "grej"}


def _missing_part(text: str, nlu: Understanding) -> str | None:
    """"men Pedersöre fattas, vi åker dit också" → "Pedersöre"; "det fattas att det är gratis" → "det är
    gratis"; only a contest word and nothing else ("joku puuttuu") → None."""
    for clause in re.split(r"\s*[,;.]\s+", text.strip().rstrip(".!")):
        m = _MISSING.search(clause)
        if not m:
            continue
        before, after = clause[:m.start()].strip(), clause[m.end():].strip()
        part = _MISSING_FILLER.sub("", after if len(after.split()) > len(before.split()) else before).strip()
        words = [t for t in tokens(part) if t not in nlu.fillers and len(t) > 2 and t not in _SOMETHING]
        return part if words and not _only_contest(part, nlu) else None
    return None


_ADDED_LEAD = re.compile(r"^(?:(?:oh|ah|och|and|ja|no|ai\s+niin|ainiin|oj)\b[\s,]*)*(?:(?:i\s+)?forgot(?:\s+to\s+say)?|"
                         r"unohdin(?:\s+sanoa)?|unohtui|glömde(?:\s+(?:att\s+)?säga)?|jag\s+glömde(?:\s+säga)?|"
                         r"also|myös|lisäksi|också|även|dessutom)?[\s,:]*(?:that|että|et|att)?\s*(?:we\s+also|"
                         r"me\s+myös|vi\s+också|also|myös|också|även)?\s*", re.IGNORECASE)
_ADDED_TAIL = re.compile(r"(?:,\s*(?:he|det|de|se|it|that|jag|i|mä)\s+(?:glömde|forgot|unohtui|unohdin)\b.*|"
                         r",\s*(?:not only|inte bara|ei vain|ei pelkästään)\b.*|\s+(?:too|as well|myös|kans|också)"
                         r"[.!]?)$", re.IGNORECASE | re.DOTALL)


def _added_part(text: str, nlu: Understanding) -> str | None:
    """"också att faddrarna får handledning av HR, he glömde ja", "students from Gradia too, not only the uni":
    something to add, said with an adding word but without a field; where it goes is the engine's call."""
    if not _has(text, nlu.cues.addition_words) and not re.search(r"\b(?:forgot|unohdin|unohtui|glömde)\b", text,
                                                                  re.IGNORECASE):
        return None
    part = _ADDED_TAIL.sub("", _ADDED_LEAD.sub("", text.strip(), count=1)).strip(" ,.;:!")
    words = [t for t in tokens(part) if t not in nlu.fillers and len(t) > 2 and t not in _SOMETHING]
    return part if len(words) >= 2 and not _only_contest(part, nlu) else None


def _value_part(text: str) -> str | None:
    m = re.match(r"^[^:]{1,60}:\s*(.+)$", text.strip(), re.DOTALL)
    if m:
        return m.group(1).strip()
    m = re.match(r"^(?:the\s+|our\s+)?[\wåäöÅÄÖ -]{1,40}?\s(?:on|ovat|onkin|pitäisi olla|should be|is|are|är|e|"
                 r"ska vara|puuttuu|missing|saknas|lisäksi|also)\s*[,:]?\s+(?:että\s+|att\s+|that\s+)?(.+)$",
                 text.strip(), re.IGNORECASE | re.DOTALL)
    return m.group(1).strip() if m else None


def _only_contest(value: str, nlu: Understanding) -> bool:
    words = [t for t in tokens(value) if t not in nlu.fillers]
    contest = {t for ps in nlu.cues.contest_words.values() for p in ps for t in tokens(p)}
    return all(w in contest or w in ("ei", "inte", "not", "is", "on", "är", "yksi", "one", "en", "ett")
               for w in words)


def _contest_then_not(value: str, nlu: Understanding) -> bool:
    """"väärin. Ei pelkästään yli 50-vuotiaat": what is wrong, not what is right: the field opens."""
    toks = tokens(value)
    contest = {t for ps in nlu.cues.contest_words.values() for p in ps for t in tokens(p)}
    return len(toks) > 1 and toks[0] in contest and toks[1] in ("ei", "inte", "int", "not")


def _strip_contest(value: str, nlu: Understanding) -> str:
    """"fel: vi är redan etablerade" keeps "vi är redan etablerade"."""
    m = re.match(r"^(?:\w+\s+){0,2}?(?:väärä|väärin|fel|wrong|incorrect)\s*[:,-]\s*(.+)$", value, re.IGNORECASE)
    return m.group(1).strip() if m else value


def _has(text: str, by_lang: dict[str, list[str]]) -> bool:
    toks = tokens(text)
    for ps in by_lang.values():
        for p in ps:
            pt = tokens(p)
            if any(toks[i:i + len(pt)] == pt for i in range(len(toks) - len(pt) + 1)):
                return True
    return False


def _has_words(text: str) -> bool:
    return sum(1 for t in tokens(text) if len(t) > 2) >= 1


def _sentences(text: str) -> list[str]:
    from assistant.items import sentences

    return sentences(text)
