"""The mutable side of the lexical catalog (``lexical.Catalog``): buffers shared by the immutable snapshots
it publishes, so one new or changed record costs its own terms and vector, not a rebuild."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

from assistant.lexical import Bm25, Catalog, Postings, _inverted, _values, doc_tokens
from assistant.schema import ModelDescription


# -- building and changing snapshots ----------------------------------------------------------------------
class Builder:
    """The mutable side of the catalog: buffers shared by the snapshots it publishes. Not thread-safe: the
    keeper calls it under its lock."""

    MERGE_MIN = 2000  # merge the BM25 base once the delta or dead documents pass this many …
    MERGE_SHARE = 0.05  # … and this share of all documents

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.vec_buf = np.zeros((0, dim), dtype=np.float32)
        self.len_buf = np.zeros(0, dtype=np.float32)
        self.vocab: dict[str, int] = {}
        self.doc_terms: list[tuple[np.ndarray, np.ndarray]] = []  # per docnum: term ids, term frequencies
        self.snapshot: Catalog | None = None
        self.delta_docs = 0

    # buffers ------------------------------------------------------------------------------------------
    def _room(self, rows: int, docs: int) -> None:
        if rows > len(self.vec_buf):
            grown = np.zeros((max(rows, len(self.vec_buf) + max(1024, len(self.vec_buf) // 8)), self.dim),
                             dtype=np.float32)
            if self.snapshot is not None:
                n = len(self.snapshot.models)
                grown[:n] = self.vec_buf[:n]
            self.vec_buf = grown
        if docs > len(self.len_buf):
            grown_len = np.zeros(max(docs, len(self.len_buf) + max(1024, len(self.len_buf) // 8)), dtype=np.float32)
            grown_len[: len(self.len_buf)] = self.len_buf
            self.len_buf = grown_len

    def _index_doc(self, m: ModelDescription) -> tuple[np.ndarray, np.ndarray, int]:
        tokens = doc_tokens(m)
        counts = Counter(tokens)
        vocab = self.vocab
        ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in counts), dtype=np.int32, count=len(counts))
        tfs = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        return ids, tfs, len(tokens)

    # a whole catalog ----------------------------------------------------------------------------------------
    def full(self, pages: Iterable[tuple[list[ModelDescription], np.ndarray]], revision: int,
             size_hint: int = 0) -> Catalog:
        """Build from every record (pages of models with their vectors; only one page is held at a time)."""
        self.snapshot = None
        self.vec_buf = np.zeros((size_hint + max(1024, size_hint // 8), self.dim), dtype=np.float32)
        self.len_buf = np.zeros(len(self.vec_buf), dtype=np.float32)
        self.vocab, self.doc_terms = {}, []
        models: list[ModelDescription] = []
        positions: dict[str, int] = {}
        for page_models, page_vectors in pages:
            for m, v in zip(page_models, page_vectors, strict=True):
                pos = positions.get(m.id)
                if pos is None:  # paging is by offset: a record moved by a concurrent write may come twice
                    pos = positions[m.id] = len(models)
                    models.append(m)
                    self._room(pos + 1, pos + 1)
                    self.doc_terms.append((np.zeros(0, np.int32), np.zeros(0, np.float32)))
                models[pos] = m
                self.vec_buf[pos] = v
                ids, tfs, length = self._index_doc(m)
                self.doc_terms[pos] = (ids, tfs)
                self.len_buf[pos] = length
        return self._publish_merged(models, positions, revision)

    def _publish_merged(self, models: list[ModelDescription], positions: dict[str, int], revision: int) -> Catalog:
        """A snapshot whose BM25 base holds every document, numbered like the rows (docnum == row)."""
        n = len(models)
        df = np.bincount(np.concatenate([t for t, _ in self.doc_terms]) if self.doc_terms else
                         np.zeros(0, np.int64), minlength=len(self.vocab)).astype(np.int32)
        bm = Bm25(self.vocab, Postings.build(self.doc_terms, len(self.vocab)), {}, self.len_buf[:n],
                  np.arange(n, dtype=np.int64), df, n, float(self.len_buf[:n].sum()), identity=True)
        self.delta_docs = 0
        snap = Catalog(models, revision, self.vec_buf[:n], positions,
                       np.asarray([m.stage.value if m.stage else "" for m in models], dtype=object),
                       np.asarray([m.language or "" for m in models], dtype=object),
                       _inverted(models, "regions"), _inverted(models, "themes"), bm,
                       np.arange(n, dtype=np.int64))
        self.snapshot = snap
        return snap

    def merge(self) -> Catalog:
        """Fold the delta and drop dead documents: renumber documents like the rows and rebuild the base."""
        snap = self.snapshot
        assert snap is not None and snap.bm25 is not None
        n = len(snap.models)
        order = snap.slot_doc[:n]
        self.doc_terms = [self.doc_terms[d] for d in order]
        lens = self.len_buf[order].copy()
        self.len_buf = np.zeros(max(len(self.len_buf), n + 1024), dtype=np.float32)
        self.len_buf[:n] = lens
        fresh = self._publish_merged(snap.models, snap.positions, snap.revision)
        fresh.store, fresh.keeper = snap.store, snap.keeper
        self.snapshot = fresh
        return fresh

    def needs_merge(self) -> bool:
        snap = self.snapshot
        if snap is None or snap.bm25 is None:
            return False
        total = len(snap.bm25.doc_len)
        stale = self.delta_docs + (total - snap.bm25.n_live)
        return stale >= max(self.MERGE_MIN, self.MERGE_SHARE * total)

    # a few records ----------------------------------------------------------------------------------------
    def apply(self, upserts: dict[str, tuple[ModelDescription, np.ndarray]], deletes: Iterable[str],
              revision: int) -> Catalog:
        """A new snapshot with ``upserts`` written and ``deletes`` removed; cost grows with the change,
        plus a copy of the per-row bookkeeping arrays (a few ms at 100k rows)."""
        snap = self.snapshot
        assert snap is not None and snap.bm25 is not None
        old = snap.bm25
        models = list(snap.models)
        positions = dict(snap.positions)
        n = len(models)
        new_ids = [mid for mid in upserts if mid not in positions]
        rows = n + len(new_ids)
        docs = len(old.doc_len) + len(upserts)
        self._room(rows, docs)
        stage = np.concatenate([snap.stage, np.full(len(new_ids), "", dtype=object)])
        language = np.concatenate([snap.language, np.full(len(new_ids), "", dtype=object)])
        slot_doc = np.concatenate([snap.slot_doc, np.zeros(len(new_ids), dtype=np.int64)])
        doc_slot = np.concatenate([old.doc_slot, np.full(len(upserts), -1, dtype=np.int64)])
        df = old.df.copy()
        n_live, total_len = old.n_live, old.total_len
        regions = _Inverted(snap.by_region)
        themes = _Inverted(snap.by_theme)

        def kill(doc: int) -> None:
            nonlocal n_live, total_len
            if doc_slot[doc] < 0:
                return
            doc_slot[doc] = -1
            df[self.doc_terms[doc][0]] -= 1
            n_live -= 1
            total_len -= float(self.len_buf[doc])

        for mid in deletes:
            pos = positions.pop(mid, None)
            if pos is None:
                continue
            gone = models[pos]
            kill(int(slot_doc[pos]))
            regions.remove(pos, _values(gone, "regions"))
            themes.remove(pos, _values(gone, "themes"))
            last = n - 1
            if pos != last:  # the last row moves into the hole
                moved = models[last]
                models[pos] = moved
                positions[moved.id] = pos
                self.vec_buf[pos] = self.vec_buf[last]
                stage[pos], language[pos] = stage[last], language[last]
                slot_doc[pos] = slot_doc[last]
                if doc_slot[slot_doc[pos]] >= 0:
                    doc_slot[slot_doc[pos]] = pos
                for inv, attr in ((regions, "regions"), (themes, "themes")):
                    inv.remove(last, _values(moved, attr))
                    inv.add(pos, _values(moved, attr))
            models.pop()
            n -= 1
        rows = n + len(new_ids)
        stage, language, slot_doc = stage[:rows], language[:rows], slot_doc[:rows]

        added: dict[int, tuple[list[int], list[float]]] = {}
        doc = len(old.doc_len)
        for mid, (m, vector) in upserts.items():
            pos = positions.get(mid)
            if pos is None:
                pos = positions[mid] = n
                models.append(m)
                n += 1
            else:
                before = models[pos]
                kill(int(slot_doc[pos]))
                regions.remove(pos, _values(before, "regions"))
                themes.remove(pos, _values(before, "themes"))
                models[pos] = m
            self.vec_buf[pos] = vector
            stage[pos] = m.stage.value if m.stage else ""
            language[pos] = m.language or ""
            regions.add(pos, _values(m, "regions"))
            themes.add(pos, _values(m, "themes"))
            ids, tfs, length = self._index_doc(m)
            if doc < len(self.doc_terms):
                self.doc_terms[doc] = (ids, tfs)
            else:
                self.doc_terms.append((ids, tfs))
            self.len_buf[doc] = length
            doc_slot[doc] = pos
            slot_doc[pos] = doc
            if len(df) < len(self.vocab):
                df = np.concatenate([df, np.zeros(len(self.vocab) - len(df), dtype=np.int32)])
            df[ids] += 1
            n_live += 1
            total_len += length
            for tid, tf in zip(ids.tolist(), tfs.tolist(), strict=True):
                entry = added.setdefault(tid, ([], []))
                entry[0].append(doc)
                entry[1].append(tf)
            doc += 1
        del self.doc_terms[doc:]  # leftovers of an earlier apply that failed half-way (never published)
        delta = dict(old.delta)
        for tid, (dlist, flist) in added.items():
            new_docs = np.asarray(dlist, dtype=np.int32)
            new_tfs = np.asarray(flist, dtype=np.float32)
            if tid in delta:
                prev_docs, prev_tfs = delta[tid]
                new_docs, new_tfs = np.concatenate([prev_docs, new_docs]), np.concatenate([prev_tfs, new_tfs])
            delta[tid] = (new_docs, new_tfs)
        self.delta_docs += len(upserts)
        if len(df) < len(self.vocab):
            df = np.concatenate([df, np.zeros(len(self.vocab) - len(df), dtype=np.int32)])
        bm = Bm25(self.vocab, old.base, delta, self.len_buf[:doc], doc_slot[:doc], df, n_live, total_len)
        fresh = Catalog(models, revision, self.vec_buf[:n], positions, stage, language, regions.freeze(),
                        themes.freeze(), bm, slot_doc, snap.store, snap.keeper)
        self.snapshot = fresh
        return fresh


class _Inverted:
    """Copy-on-write edits of a value → rows index: only the values touched are copied."""

    def __init__(self, base: dict[str, np.ndarray]) -> None:
        self.base = base
        self.touched: dict[str, set[int]] = {}

    def _rows(self, value: str) -> set[int]:
        if value not in self.touched:
            self.touched[value] = set(self.base.get(value, np.zeros(0, np.int64)).tolist())
        return self.touched[value]

    def add(self, pos: int, values: Iterable[str]) -> None:
        for v in values:
            self._rows(v).add(pos)

    def remove(self, pos: int, values: Iterable[str]) -> None:
        for v in values:
            self._rows(v).discard(pos)

    def freeze(self) -> dict[str, np.ndarray]:
        out = dict(self.base)
        for value, rows in self.touched.items():
            if rows:
                out[value] = np.asarray(sorted(rows), dtype=np.int64)
            else:
                out.pop(value, None)
        return out
