"""The dialogue policy: (interview state, what the message is) → what to do; and what to ask next.

Pure and deterministic (Rasa-forms style): no I/O, no embedding, no mutation. The engine
(``interview.py``) carries the action out. Keeping it here means "the answer to the pending question goes
to that field", "an intent counts only when the message is nothing but the intent" and "a reply to a
reuse offer is never stored into a field" are each one readable rule with a test.
"""

from __future__ import annotations

import re

from assistant.actions import Action, ActionKind, Ask
from assistant.card_words import _overlaps, by_initials
from assistant.flow import Flow
from assistant.interview_types import FieldStatus, InterviewState
from assistant.not_only import not_only
from assistant.slot_swap import calls_wrong, card_of
from assistant.slot_swap import read as read_slots
from assistant.summary_reply import closing, contest_of, fields_named
from assistant.understand import (
    LONG_MESSAGE,
    Correction,
    Understanding,
    Utterance,
    cut_leading,
    starts_with,
    tokens,
)

__all__ = ["Action", "ActionKind", "Ask", "closing", "contest_of", "decide", "field_status", "fields_named",
           "next_ask", "on_card"]

MAX_ASKS = 4
_INTENT_ACTIONS: dict[str, ActionKind] = {"empty": "empty", "lang": "lang", "mask": "mask", "greeting": "greeting",
                                          "clarify": "clarify", "search": "search", "question": "offtopic"}


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


# "X voi jättää pois jos …", "X can be dropped if …": what may be left out, and when; to "what may be adapted?" an
# answer
_MAY_IF = re.compile(r"(?=.*\b(?:voi|voidaan|saa|can|could|may|kan|får)\b)(?=.*\b(?:jos|mikäli|tarvittaessa|if|"
                     r"om|ifall|vid\s+behov)\b)", re.IGNORECASE | re.DOTALL)


def decide(state: InterviewState, u: Utterance, nlu: Understanding, flow: Flow) -> Action:
    """What to do with one message, given where the interview is."""
    if u.intent in _INTENT_ACTIONS:  # nothing but an intent: the same in every phase
        return Action(_INTENT_ACTIONS[u.intent], lang=u.lang, text=u.text)
    real_correction = u.correction is not None and (u.correction.field or not u.correction.weak
                                                     or on_card(state, u.correction.removed))
    if u.correction is not None and u.correction.answer and not real_correction and not on_card(
            state, u.correction.removed, other_words=True):  # "o inkoo ska bort" for the card's "Ingå"
        u = Utterance(text=u.text, intent=u.intent)  # the later sentence only looked like a correction: an answer
    c0 = u.correction
    if c0 is not None and c0.weak and (c0.move_to or c0.removed and not c0.text and not c0.field
                                       and _MAY_IF.search(u.text)) and state.phase == "collect" \
            and state.pending_field == "adaptable" and state.asking == "question" and not _asks_move(c0, nlu):
        # what may change names other fields' things as its content ("tapaamisten paikat ja yhteistyökumppanit
        # voivat olla erilaisia", "jonotusnumerot voi jättää pois jos paikkakunta on pieni"): an answer, never a
        # hint to move or remove a card item, unless the message says so
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
    # "over 70s" for the card's "over 70": a number said in the plural
    phrases = phrases + [p for p in (re.sub(r"(?<![\w-])(\d+)'?s(?![\w-])", r"\1", q) for q in phrases)
                         if p not in phrases]
    if any(len(p) >= 2 and re.search(rf"(?<![\wåäö]){re.escape(p.lower())}", card) or by_initials(p, values)
           for p in phrases):
        return True
    if any(_in_digits(p, card) for p in phrases):  # "kakskytä eikä kolkytä" for the card's "30"
        return True
    if not other_words:
        return False
    # "inkoo ska bort" for the card's "Ingå", "kangasalla" for "Kangasala": the place or name in other words,
    # every word of it (a list item, or a sentence of a text field)
    items = [i for v in values for i in (v if isinstance(v, list) else _sentences(str(v)))]
    return any(len(p) >= 3 and _overlaps(i, p, state.lang, whole=True) for p in phrases for i in items)


def _in_digits(phrase: str, card: str) -> bool:
    """A number said in words ("kolkytä", "three hundred") that the card writes in digits."""
    from assistant import numberwords

    if not phrase or any(ch.isdigit() for ch in phrase):
        return False
    v = numberwords.read(phrase)
    if v is None or v.kind != "n" or v.value != int(v.value) or v.value < 2:
        return False
    return re.search(rf"(?<![\d.,]){int(v.value)}(?![\d.,]\d)", card) is not None


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


def _has_words(text: str) -> bool:
    return sum(1 for t in tokens(text) if len(t) > 2) >= 1


def _sentences(text: str) -> list[str]:
    from assistant.items import sentences

    return sentences(text)


def _asks_move(c: Correction, nlu: Understanding) -> bool:
    """"sätt det bland det som kan anpassas", "videokäynnit … ei mikään ydinjuttu": the message asks for a
    move or names the field the item leaves, so it is not the content of the adaptable parts."""
    from assistant.moves import MOVE_IT

    return bool(MOVE_IT.search(c.text)) or (bool(c.field) and c.field in fields_named(c.text, nlu))
