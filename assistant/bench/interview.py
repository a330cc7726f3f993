"""`parastelu bench interview`: the realistic interviews (``evals/interview/real``) through the engine,
scored as ``shared/research/measuring.md`` defines, per language, dev and held-out apart; then turn
latency (short answers, a 12-sentence story never seen before) on cold sentence embeddings."""

from __future__ import annotations

import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bench.realcases import load
from assistant.bench.simulate_real import Run, run_case
from assistant.bench.understanding import (
    Placement,
    answer_kept,
    card_text,
    correction_passed,
    coverage,
    keys,
    precision_recall,
    supported,
)
from assistant.classify import FieldClassifier
from assistant.flow import load_prompts
from assistant.interview import Interview
from assistant.items import sentences
from assistant.services import build_services
from assistant.sessions import SessionStore
from assistant.settings import Settings
from assistant.vcache import VectorCache

STORY_12 = ("Meidän kunnassa moni yläkoululainen jää kotiin eikä tule kouluun viikkoihin. Olen ollut "
            "koulukuraattorina kymmenen vuotta. Huomasimme, että poissaolot kasautuvat jo seitsemännellä "
            "luokalla. Kuraattori soittaa kotiin heti kolmannen poissaolopäivän jälkeen. Sen jälkeen pidetään "
            "tapaaminen, jossa on nuori, huoltaja ja opettaja. Nuorelle tehdään oma paluusuunnitelma. "
            "Mukana ovat koulu, nuorisotoimi ja perheneuvola. Aloitimme kokeilun syksyllä kahdessa koulussa. "
            "Tavoitteena on, että nuori palaa kouluun kuukauden sisällä. Seuraamme poissaoloja Wilmasta. "
            "Tarvitaan aikaa kuraattorille ja rehtorin tuki. Kutsumme mallia nimellä Takaisin kouluun.")


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p)) if values else float("nan")


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "  - "


class Tally:
    """Figures for one group of runs (a language and a split)."""

    def __init__(self) -> None:
        self.place = Placement()
        self.sup = self.items = 0
        self.rec = self.keys = 0.0
        self.kept = self.answers = self.kept_everyday = self.everyday = 0
        self.corr_ok = self.corr = self.close_ok = self.close = self.corr_anywhere = 0
        self.stage_ok = self.cases = 0
        self.turns: list[int] = []
        self.offer_right = self.offers = self.should_offer = self.offered_when_should = 0
        self.top3 = 0

    def add(self, run: Run) -> None:
        case, draft = run.case, run.final.draft
        self.cases += 1
        self.place.add(run.placement)
        sup, n, rec, keys = precision_recall(draft, run.said)
        self.sup += sup
        self.items += n
        self.rec += rec
        self.keys += keys
        for fld, text, everyday in run.said.answers:
            ok = draft.stage == case.truth.stage if fld == "stage" else answer_kept(draft, fld, text)
            self.answers += 1
            self.kept += ok
            if everyday:
                self.everyday += 1
                self.kept_everyday += ok
        for c in case.corrections:
            self.corr += 1
            self.corr_ok += correction_passed(draft, c.field, c.new, c.removed)
            self.corr_anywhere += correction_passed_anywhere(draft, c.new, c.removed)
        for fld, then, contest in run.closing_fields:
            self.close += 1
            self.close_ok += closing_passed(case, draft, fld, then, contest)
        self.stage_ok += case.truth.stage is not None and draft.stage == case.truth.stage
        self.turns.append(run.turns)
        self.offers += len(run.offers)
        self.offer_right += sum(1 for o in run.offers if o in case.bank.same)
        if case.bank.same:
            self.should_offer += 1
            self.offered_when_should += any(o in case.bank.same for o in run.offers)
            self.top3 += bool(run.top3 & set(case.bank.same))

    def row(self, name: str) -> str:
        p = self.place
        return (f"{name:<14}{self.cases:>4} {_ratio(p.correct, p.n):>6} {_ratio(p.misfiled, p.n):>6} "
                f"{_ratio(p.duplicated, p.n):>6} {_ratio(p.lost, p.n):>6} {_ratio(self.sup, self.items):>6} "
                f"{_ratio(self.rec, self.keys):>6} {_ratio(self.kept, self.answers):>6} "
                f"{_ratio(self.kept_everyday, self.everyday):>6} "
                f"{_ratio(self.corr_ok + self.close_ok, self.corr + self.close):>6} "
                f"{_ratio(self.corr_anywhere, self.corr):>6} "
                f"{_ratio(self.stage_ok, self.cases):>6} {np.mean(self.turns) if self.turns else 0:>6.1f} "
                f"{_ratio(self.offer_right, self.offers):>6} {_ratio(self.offered_when_should, self.should_offer):>6} "
                f"{_ratio(self.top3, self.should_offer):>6}")


def correction_passed_anywhere(draft: Any, new: list[str], removed: list[str]) -> bool:
    """The corrected words are on the card and the rejected ones are not, in whatever field they were."""
    from assistant.bench.realcases import SCORED_FIELDS

    whole = " \n ".join(card_text(draft, f) for f in SCORED_FIELDS)
    fake = type("Card", (), {"all": whole})()
    return correction_passed(fake, "all", new, removed)


HEADER = (f"{'group':<14}{'n':>4} {'place':>6} {'misf':>6} {'dupl':>6} {'lost':>6} {'prec':>6} "
          f"{'recall':>6} {'kept':>6} {'kept-e':>6} {'corr':>6} {'corr*':>6} {'stage':>6} {'turns':>6} "
          f"{'off-p':>6} {'off-r':>6} {'top3':>6}")
LEGEND = ("place/misf/dupl/lost: story sentences after the opening turn; prec: card items supported by what was "
          "said for that field; recall: truth content words in the right field; kept: answers still in the asked "
          "field (kept-e: with everyday words); corr: corrections and closing contests passed in the case's field "
          "(corr*: corrections, wherever the card held the words); off-p/off-r: "
          "reuse offers naming a same model / cases with a same model that got one; top3: same model in top-3")


def run(settings: Settings, cases_dir: Path, verbose: bool = False, only: str | None = None,
        cv: int = 0) -> int:
    cases = load(cases_dir)
    if only:
        cases = [c for c in cases if only in c.id or c.split == only]
    if not cases:
        print(f"no cases in {cases_dir}")
        return 2
    with tempfile.TemporaryDirectory(prefix="parastelu-bench-iv-") as tmp:
        svc = _services(settings, Path(tmp))
        sessions = SessionStore(Path(tmp) / "sessions.db")

        def make(lang: str) -> Interview:
            return Interview.start(lang=lang, services=svc, sessions=sessions, llm=False)

        groups: dict[str, Tally] = defaultdict(Tally)
        runs: list[Run] = []
        folds = _folds(svc, cases, cv) if cv else {}
        for case in cases:
            try:
                if case.id in folds:  # the classifier that never saw this case
                    _extractor_for(svc).classifier = folds[case.id]
                r = run_case(case, make)
            except Exception as exc:  # a crash is a failed case, reported, never hidden
                print(f"{case.id}: CRASH {type(exc).__name__}: {exc}")
                continue
            runs.append(r)
            for key in (f"{case.lang}/{case.split}", f"all/{case.split}"):
                groups[key].add(r)
            if verbose:
                _explain(r)
        if folds:
            _extractor_for(svc).classifier = FieldClassifier(svc.embedder, load_prompts())
            print(f"dev cases scored with {cv}-fold cross-validated sentence classifiers (trained without them)")
        print(HEADER)
        for split in ("dev", "heldout"):
            for lang in ("fi", "sv", "en", "all"):
                key = f"{lang}/{split}"
                if key in groups:
                    print(groups[key].row(key))
        print(LEGEND)
        if verbose:
            print("\n".join(corrections_report(runs)))
        _latency(svc, runs, Path(tmp), settings)
    return 0


def _services(settings: Settings, tmp: Path) -> Any:
    """An isolated bank with the seed models (vectors from the shared cache)."""
    from assistant.ingest import ingest

    local = settings.model_copy(update={"data_dir": tmp / "data", "chroma_url": None,
                                        "vector_cache_dir": settings.cache_dir})
    svc = build_services(local)
    if svc.store.count() == 0:
        ingest([Path(__file__).resolve().parents[2] / "knowledge" / "models"], svc.store, on_error=print)
    return svc


def _explain(r: Run) -> None:
    print(f"\n== {r.case.id} ({r.case.split}) turns {r.turns} offers {r.offers}")
    for verdict, label, where in r.placement_detail:
        if verdict != "correct":
            print(f"   {verdict:<10} {label:<22} -> {where}")
    d = r.final.draft
    for fld, value in d.model_dump(exclude_none=True).items():
        if value not in ([], None, ""):
            print(f"   [{fld}] {str(value)[:160]}")


def _latency(svc: Any, runs: list[Run], tmp: Path, settings: Settings) -> None:
    short = [ms for r in runs for ms in r.answer_ms]
    print(f"\nturns: short answers n={len(short)} p50 {_pct(short, 50):.0f} ms, p95 {_pct(short, 95):.0f} ms "
          f"(cached after the first run of a case)")
    svc.embedder.cache = VectorCache(tmp / "cold-cache")  # from here on every sentence is embedded cold
    sessions = SessionStore(tmp / "cold.db")
    story_ms: list[float] = []
    answer_ms: list[float] = []
    nonce = uuid.uuid4().hex[:6]
    for r in range(5):
        iv = Interview.start(services=svc, sessions=sessions, llm=False)
        story = " ".join(f"{s[:-1]} ({nonce}{r}{j})." for j, s in enumerate(sentences(STORY_12)))
        t0 = time.perf_counter()
        iv.turn(story)
        story_ms.append(1000 * (time.perf_counter() - t0))
        for text in (f"Yläkoulun oppilaat ja heidän huoltajansa ({nonce}{r})", "Ehkä kouluterveydenhoitaja myöhemmin",
                     f"Pilotti alkaa myöhemmin keväällä {nonce}{r}"):
            t0 = time.perf_counter()
            iv.turn(text)
            answer_ms.append(1000 * (time.perf_counter() - t0))
    print(f"cold: 12-sentence story p50 {_pct(story_ms, 50):.0f} ms, max {max(story_ms):.0f} ms; "
          f"short answers p50 {_pct(answer_ms, 50):.0f} ms, p95 {_pct(answer_ms, 95):.0f} ms "
          f"({settings.embed_threads} embedder thread)")


def closing_passed(case: Any, draft: Any, fld: str, then: str, contest: str) -> bool:
    """A contested field now holds what the person said it should: what they answered when asked again,
    or what they put in the contest itself ("paitsi organisaatio: …"); the stage and name as values."""
    if fld == "stage":
        return case.truth.stage is not None and draft.stage == case.truth.stage
    if fld == "name" and case.truth.name:
        return coverage(case.truth.name, card_text(draft, fld)) >= 0.5
    card = card_text(draft, fld)
    return coverage(then, card) >= 0.5 or (bool(keys(card)) and supported(card, [contest]))


def corrections_report(runs: list[Run]) -> list[str]:
    """Which corrections and closing contests failed, for --verbose."""
    out: list[str] = []
    for r in runs:
        for c in r.case.corrections:
            if not correction_passed(r.final.draft, c.field, c.new, c.removed):
                got = card_text(r.final.draft, c.field)[:120]
                out.append(f"{r.case.id}: correction {c.text!r} → {c.field} = {got!r}")
        for fld, then, contest in r.closing_fields:
            if not closing_passed(r.case, r.final.draft, fld, then, contest):
                out.append(f"{r.case.id}: closing {fld} {then!r} → {card_text(r.final.draft, fld)[:120]!r}")
        if r.case.truth.stage and r.final.draft.stage != r.case.truth.stage:
            out.append(f"{r.case.id}: stage {r.final.draft.stage} != {r.case.truth.stage} "
                       f"(answer {r.case.answers.get('stage', '')!r})")
    return out


def _extractor_for(svc: Any) -> Any:
    from assistant.interview import _offline

    return _offline(svc, load_prompts())


def _folds(svc: Any, cases: list[Any], k: int) -> dict[str, FieldClassifier]:
    """For each dev case, a classifier trained without its fold (shipped C, temperature, story-order weight
    and n-gram share)."""
    import json

    from assistant.classify import WEIGHTS
    from assistant.train.fields import fit

    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    dev = sorted(c.id for c in cases if c.split == "dev")
    out: dict[str, FieldClassifier] = {}
    for i in range(k):
        held = frozenset(dev[i::k])
        data = fit(svc.embedder, held, float(shipped["C"]), float(shipped["temperature"]),
                   float(shipped.get("transition_weight", 0.0)), float(shipped.get("char_blend", 0.0)))
        clf = FieldClassifier(svc.embedder, load_prompts(), data=data)
        out.update({cid: clf for cid in held})
    return out
