"""The PDQ hashes of the active sets, as a scan matches against them — cached on disk.

Building the multi-index of millions of hashes from the database costs seconds to minutes
(reading every row, sorting twelve chunk columns); a scan of ten files should not pay that.
So the index and, per hash, which set entry it is (set, series, category, scale) are kept as
numpy files under ``data_dir/media-index/pdq-<version>/`` and memory-mapped by later scans.

The version is a digest of the hash sets' rows (id, status, entry count, import and
withdrawal times): an import, a replacement, a withdrawal or hashes added by the Secretariat
change it, so a stale cache is never read; older versions are removed when a new one is
written. The files hold hashes and set metadata only, like the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from interlink.media.index import PdqIndex, to_words
from interlink.store import media as store

log = logging.getLogger("interlink.media")

FORMAT = "1"  # changes when the files' layout changes
READ_BATCH = 100_000
Label = tuple[str, str, bool, str | None, str | None, str]  # set id and name, baseline, ...


@dataclass(frozen=True)
class KnownPdq:
    """An index of the active sets' PDQ hashes and, per row, its set entry's label."""

    index: PdqIndex
    labels: npt.NDArray[np.int32]  # row -> position in ``names``
    names: list[Label]

    def entry(self, row: int) -> store.KnownHash:
        set_id, set_name, baseline, series, category, scale = self.names[int(self.labels[row])]
        value = self.index.words[row].astype(">u8").tobytes().hex()
        return store.KnownHash(value, set_id, set_name, baseline, series, category, scale)


def version(conn: Any) -> str:
    """A digest of what decides the active PDQ hashes: every set's identity and state."""
    rows = [
        [s.id, s.status, s.entries, s.imported_at.isoformat(), str(s.withdrawn_at)]
        for s in sorted(store.list_sets(conn), key=lambda s: s.id)
    ]
    text = json.dumps([FORMAT, rows], default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def build(conn: Any) -> KnownPdq:
    """Read every PDQ hash of the active sets from the database and index them."""
    names: dict[Label, int] = {}
    words: list[npt.NDArray[np.uint64]] = []
    labels: list[int] = []
    entries = store.pdq_entries(conn)
    while batch := list(islice(entries, READ_BATCH)):
        words.append(to_words([k.value for k in batch]))
        for k in batch:
            label = (str(k.set_id), k.set_name, bool(k.baseline), k.series, k.category, k.scale)
            labels.append(names.setdefault(label, len(names)))
    stacked = np.concatenate(words) if words else np.zeros((0, 4), np.uint64)
    return KnownPdq(PdqIndex(stacked), np.array(labels, dtype=np.int32), list(names))


def _save(known: KnownPdq, target: Path) -> None:
    """Write into a temporary directory, then rename: readers see a whole cache or none."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".pdq-", dir=target.parent))
    try:
        words, postings, offsets = known.index.parts()
        np.save(work / "words.npy", words)
        np.save(work / "postings.npy", postings)
        np.save(work / "offsets.npy", offsets)
        np.save(work / "labels.npy", known.labels)
        (work / "labels.json").write_text(json.dumps(known.names))
        os.replace(work, target)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        if not (target / "labels.json").is_file():
            raise
    for old in target.parent.glob("pdq-*"):
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    for stale in target.parent.glob(".pdq-*"):  # left by a writer that died; an hour is ample
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)


def _load(directory: Path) -> KnownPdq:
    def array(name: str) -> Any:
        return np.load(directory / f"{name}.npy", mmap_mode="r", allow_pickle=False)

    names = [
        (str(a), str(b), bool(c), d, e, str(f))
        for a, b, c, d, e, f in json.loads((directory / "labels.json").read_text())
    ]
    index = PdqIndex.from_parts(array("words"), array("postings"), array("offsets"))
    return KnownPdq(index, array("labels"), names)


def known_pdq(conn: Any, cache_dir: Path | None) -> KnownPdq:
    """The active sets' PDQ hashes: from the cache of this version, else built (and cached).

    A cache that cannot be read or written is only a slower scan: the index is then built
    in memory, and the reason is logged (no path, no hash).
    """
    if cache_dir is None:
        return build(conn)
    target = cache_dir / f"pdq-{version(conn)}"
    if (target / "labels.json").is_file():
        try:
            return _load(target)
        except (OSError, ValueError) as exc:
            log.warning("media: PDQ index cache unreadable (%s), rebuilding", type(exc).__name__)
            shutil.rmtree(target, ignore_errors=True)
    known = build(conn)
    try:
        _save(known, target)
    except OSError as exc:
        log.warning("media: PDQ index cache not written (%s)", type(exc).__name__)
    return known
