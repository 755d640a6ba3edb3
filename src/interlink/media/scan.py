"""Scanning a seized device's export: hashes of every file, matched against the hash sets.

Only hashes and counts leave this module: a file's content is read inside a worker
process, hashed and dropped. What the case keeps per file is its path (relative to the
scanned directory), its hashes and its best match. The scan never stops for one file: an
unreadable or empty file is counted with its reason; a file too large to decode, or not an
image, is still matched by its cryptographic hashes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from interlink import records
from interlink.access import audit
from interlink.access.roles import Action, Actor, Capability
from interlink.domain import model
from interlink.domain.codes import ActivityCategory, CasePriority, HandlingCode
from interlink.domain.provenance import ProvenanceIn
from interlink.exchange import outlet
from interlink.media.categories import SEVERITY, Scale, is_material
from interlink.media.hashes import FileHashes, configure_decoder, hash_file
from interlink.media.hashsets import require
from interlink.media.known import known_pdq
from interlink.media.series import apply_priority
from interlink.node import Node
from interlink.records.errors import Invalid
from interlink.records.service import locked_for
from interlink.store import media as store
from interlink.store import records as record_store
from interlink.store.db import reading, transaction

log = logging.getLogger("interlink.media")

VIDEO_SUFFIXES = frozenset(
    {".mp4", ".m4v", ".mov", ".avi", ".wmv", ".mkv", ".webm", ".flv", ".mpg", ".mpeg"}
    | {".3gp", ".ts", ".vob", ".asf"}
)
CHUNKSIZE = 16


@dataclass(frozen=True)
class Match:
    path: str
    match: str  # exact | perceptual
    distance: int | None
    set_id: str
    set_name: str
    series: str | None
    category: str | None
    scale: str
    baseline: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "match": self.match,
            "distance": self.distance,
            "series": self.series,
            "category": self.category,
            "scale": self.scale,
            "set": self.set_name,
        }


@dataclass
class ScanResult:
    scan_id: str
    case_id: str
    case_reference: str
    files_scanned: int = 0
    unreadable: int = 0
    unreadable_reasons: Counter[str] = field(default_factory=Counter)
    not_decoded: Counter[str] = field(default_factory=Counter)
    matches: list[Match] = field(default_factory=list)
    baseline: int = 0
    unmatched: int = 0
    other: int = 0
    safeguarding: list[str] = field(default_factory=list)

    @property
    def by_series(self) -> Counter[str]:
        return Counter(m.series or "(none)" for m in self.matches)

    @property
    def by_category(self) -> Counter[str]:
        return Counter(f"{m.category or '(none)'} ({m.scale})" for m in self.matches)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scan_id": self.scan_id,
            "case": {"id": self.case_id, "reference": self.case_reference},
            "files_scanned": self.files_scanned,
            "unreadable": self.unreadable,
            "unreadable_reasons": dict(sorted(self.unreadable_reasons.items())),
            "not_decoded": dict(sorted(self.not_decoded.items())),
            "matches": [m.to_dict() for m in self.matches],
            "baseline": self.baseline,
            "unmatched": self.unmatched,
            "other": self.other,
            "by_series": dict(sorted(self.by_series.items())),
            "by_category": dict(sorted(self.by_category.items())),
            "safeguarding": self.safeguarding,
        }


def walk(root: Path) -> Iterator[tuple[Path, str]]:
    """Every entry under ``root`` that is not a directory, in a stable order; links are not
    followed (they are reported), so a scan stays inside the export it was given."""
    for directory, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(directory) / name
            yield path, path.relative_to(root).as_posix()
        for name in dirs:
            if (Path(directory) / name).is_symlink():
                path = Path(directory) / name
                yield path, path.relative_to(root).as_posix()


def _hash_one(item: tuple[Path, str], decode_side: int, max_image_bytes: int) -> FileHashes:
    path, shown = item
    if path.is_symlink():
        return FileHashes(shown, reason="link not followed")
    if not path.is_file():
        return FileHashes(shown, reason="not a regular file")
    return hash_file(path, shown, decode_side, max_image_bytes)


def _context() -> multiprocessing.context.BaseContext:
    """Forked workers where the system has fork: they start in milliseconds with the modules
    already loaded, where a spawned worker imports Interlink again (about a second of CPU
    each, 3 ms an image over a scan of 1,000). ProcessPoolExecutor forks all its workers
    before it starts its own thread, and the workers only hash files: they touch no database
    connection, lock or logger of the parent."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _init_worker() -> None:
    configure_decoder()
    logging.getLogger("PIL").setLevel(logging.WARNING)


def hash_tree(
    root: Path,
    *,
    workers: int,
    decode_side: int,
    max_image_bytes: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[FileHashes]:
    """Hashes of every file under ``root``, in worker processes when ``workers`` > 0."""
    items = list(walk(root))
    job = partial(_hash_one, decode_side=decode_side, max_image_bytes=max_image_bytes)
    results: list[FileHashes] = []
    if progress:
        progress(0, len(items))
    if workers <= 0 or len(items) < 2 * CHUNKSIZE:
        _init_worker()
        for item in items:
            results.append(job(item))
            if progress:
                progress(len(results), len(items))
        return results
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker) as pool:
        for hashed in pool.map(job, items, chunksize=CHUNKSIZE):
            results.append(hashed)
            if progress and len(results) % CHUNKSIZE == 0:
                progress(len(results), len(items))
    if progress:
        progress(len(results), len(items))
    return results


def _rank(m: Match) -> tuple[int, int, int, int]:
    scale = Scale(m.scale) if m.scale in Scale._value2member_map_ else Scale.UNKNOWN
    material = 0 if (is_material(m.scale) and not m.baseline) else 1
    return (material, 0 if m.match == "exact" else 1, SEVERITY.index(scale), m.distance or 0)


class Matcher:
    """Every active set's hashes: exact ones asked of the database, PDQ in memory."""

    def __init__(
        self, conn: Any, max_distance: int, min_quality: int, cache_dir: Path | None = None
    ) -> None:
        self.conn = conn
        self.max_distance = max_distance
        self.min_quality = min_quality
        self.known = known_pdq(conn, cache_dir)

    def best(self, files: list[FileHashes]) -> dict[str, Match]:
        """The best match of each file that has one, by its path."""
        found: dict[str, list[Match]] = {}
        hashed = [f for f in files if f.reason is None]
        for kind in ("md5", "sha1", "sha256"):
            values = [getattr(f, kind) for f in hashed]
            known = store.lookup_exact(self.conn, kind, values)
            for f in hashed:
                for k in known.get(getattr(f, kind), []):
                    found.setdefault(f.path, []).append(
                        Match(
                            f.path,
                            "exact",
                            None,
                            k.set_id,
                            k.set_name,
                            k.series,
                            k.category,
                            k.scale,
                            k.baseline,
                        )
                    )
        for f in hashed:
            if f.path in found or f.pdq is None or (f.quality or 0) < self.min_quality:
                continue
            for row, distance in self.known.index.search(f.pdq, self.max_distance):
                k = self.known.entry(row)
                found.setdefault(f.path, []).append(
                    Match(
                        f.path,
                        "perceptual",
                        distance,
                        k.set_id,
                        k.set_name,
                        k.series,
                        k.category,
                        k.scale,
                        k.baseline,
                    )
                )
        return {path: min(matches, key=_rank) for path, matches in found.items()}


def _case(node: Node, actor: Actor, reference: str) -> tuple[str, bool]:
    """The case's id, created (through records, audited) when the reference is new."""
    ref = reference.strip()
    if not ref or len(ref) > 200:
        raise Invalid("case: give the case reference (1 to 200 characters)", field="case")
    with reading(node.engine) as conn:
        found = record_store.ids_for_external_refs(conn, "case", [ref]).get(ref)
    if found is not None:
        # A scan records into the case and may raise its priority: it needs the right to
        # change the case, checked before any file is read (404 / 403 as for an update).
        with transaction(node.engine) as conn:
            locked_for(conn, actor, Action.UPDATE, found, "case")
        records.read(node, actor, found, kind="case", purpose="media scan")
        return found, False
    facts = model.Case(
        reference=ref,
        title=f"Seized material {ref}",
        priority=CasePriority.HIGH,
        child_involved=True,
        categories=[ActivityCategory.CHILD_SEXUAL_EXPLOITATION],
    )
    # H2: a case of seized exploitation material stays within the owning unit unless the
    # owner decides otherwise (its hashes are shared, never the case).
    provenance = ProvenanceIn(handling_code=HandlingCode.H2)
    created = records.create(node, actor, facts, provenance, external_ref=ref)
    return created.id, True


def scan(
    node: Node,
    actor: Actor,
    directory: Path,
    case_reference: str,
    *,
    max_distance: int | None = None,
    min_quality: int | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ScanResult:
    """Scan ``directory`` for the case ``case_reference`` and record what it holds."""
    require(actor, Capability.MEDIA_SCAN, "scan media")
    settings = node.settings
    distance = settings.media_max_distance if max_distance is None else max_distance
    quality = settings.media_min_quality if min_quality is None else min_quality
    if not 0 <= distance <= 256:
        raise Invalid("max_distance: from 0 to 256", field="max_distance")
    if not 0 <= quality <= 100:
        raise Invalid("min_quality: from 0 to 100", field="min_quality")
    if not directory.is_dir():
        raise Invalid(f"directory: {directory} is not a directory", field="directory")
    case_id, _ = _case(node, actor, case_reference)
    started = datetime.now(UTC)
    files = hash_tree(
        directory,
        workers=settings.media_scan_workers if workers is None else workers,
        decode_side=settings.media_decode_side,
        max_image_bytes=settings.media_max_image_bytes,
        progress=progress,
    )
    result = ScanResult(str(uuid.uuid4()), case_id, case_reference.strip())
    with transaction(node.engine) as conn:
        cache = settings.data_dir / "media-index"
        best = Matcher(conn, distance, quality, cache).best(files)
        rows = [_tally(result, f, best.get(f.path)) for f in files]
        store.insert_scan(
            conn,
            {
                "id": result.scan_id,
                "case_id": case_id,
                "started_at": started,
                "finished_at": datetime.now(UTC),
                "scanned_by": actor.username,
                "files_scanned": result.files_scanned,
                "unreadable": result.unreadable,
                "matched": len(result.matches),
                "unmatched": result.unmatched,
                "max_distance": distance,
                "min_quality": quality,
            },
            rows,
        )
        own = outlet.node_id(node)
        for name in sorted({m.series for m in result.matches if m.series}):
            store.link_case(conn, name, own, case_id, started)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "media_scan",
            record_kind="case",
            record_id=case_id,
            details={
                "scan": result.scan_id,
                "files": result.files_scanned,
                "unreadable": result.unreadable,
                "matched": len(result.matches),
                "unmatched": result.unmatched,
            },
        )
    log.info(
        "media scan %s: %d files, %d matched, %d unmatched",
        result.scan_id,
        result.files_scanned,
        len(result.matches),
        result.unmatched,
    )
    result.safeguarding = apply_priority(node, actor, case_id)
    return result


def _tally(result: ScanResult, f: FileHashes, match: Match | None) -> dict[str, Any]:
    """Count one file in the result; its row for the scan's file table."""
    result.files_scanned += 1
    row: dict[str, Any] = {
        "path": f.path,
        "size": f.size,
        "md5": f.md5,
        "sha1": f.sha1,
        "sha256": f.sha256,
        "pdq": f.pdq,
        "quality": f.quality,
        "reason": f.reason or f.note,
        "set_id": None,
        "series": None,
        "category": None,
        "scale": None,
        "match": None,
        "distance": None,
    }
    if f.reason is not None:
        result.unreadable += 1
        result.unreadable_reasons[f.reason] += 1
        return {**row, "status": "unreadable"}
    if f.note:
        result.not_decoded[f.note] += 1
    if match is not None:
        row.update(
            set_id=match.set_id,
            series=match.series,
            category=match.category,
            scale=match.scale,
            match=match.match,
            distance=match.distance,
        )
        if is_material(match.scale) and not match.baseline:
            result.matches.append(match)
            return {**row, "status": "matched"}
        result.baseline += 1
        return {**row, "status": "baseline"}
    if f.image or Path(f.path).suffix.lower() in VIDEO_SUFFIXES:
        result.unmatched += 1
        return {**row, "status": "unmatched"}
    result.other += 1
    return {**row, "status": "other"}
