"""Imports started from the browser: an uploaded file, a column mapping, a background run.

The upload is stored under ``DATA_DIR/web-imports/<job>/`` (readable by the node's account
only), at most ``MAX_UPLOAD_BYTES``. The user maps the file's columns to the import's
columns (``transfer.rows.COLUMNS``); when the mapping changes anything, the rows are
rewritten as JSON Lines with the import's column names, each on the line where it started
in the uploaded file, so that the report and the reject file name the user's own lines.
Then ``transfer.importer.import_file`` runs as the signed-in user (their rights, their
audit entry) in a thread of the server process.

Why a thread and not a synchronous request: a file near the size limit takes longer than a
browser or a proxy waits for an answer; the page polls instead (htmx, every second). Why
not a job queue: the node has none, and the import is one transaction anyway. The state
of a job is a small JSON file beside the upload (written atomically), so any worker of the
server answers the polls, and a server restarted mid-import shows the job as interrupted
(its transaction was rolled back: nothing was written). One web import runs at a time per
server process; the upload and its rewritten copy are deleted when the run ends, the job's
directory (with the reject file) ``JOB_TTL`` after its last change.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from interlink.access import audit
from interlink.access.roles import Actor
from interlink.node import Node
from interlink.records.errors import RecordError
from interlink.store.db import transaction
from interlink.transfer.importer import IMPORT_KINDS, file_sha256, import_file
from interlink.transfer.readers import FileFormatError, detect_format, iter_rows, read_header
from interlink.transfer.rows import COLUMNS, check_header
from interlink.web.i18n import _

log = logging.getLogger("interlink.web")

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
JOB_TTL = 60 * 60  # seconds after the last change
ALLOWED_SUFFIXES = (".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json", ".xlsx", ".xlsm")
IGNORE = ""
MAX_LISTED = 200  # row errors shown on the page (the reject file has all)
_RUNNING = threading.BoundedSemaphore(1)


class UploadTooLarge(Exception):
    pass


@dataclass
class Job:
    id: str
    user_id: str
    kind: str
    file_name: str
    suffix: str
    header: list[str]
    state: str = "mapping"  # mapping, running, done, failed
    pid: int = 0
    upload_sha256: str = ""
    skip_invalid: bool = False
    mapping: dict[str, str] = field(default_factory=dict)
    total_rows: int | None = None
    rows_read: int = 0
    imported: int = 0
    rejected: int = 0
    written: bool = False
    import_job_id: str = ""
    errors: list[dict[str, Any]] = field(default_factory=list)
    message: str = ""
    has_rejects: bool = False
    updated: float = 0.0

    @property
    def percent(self) -> int | None:
        if not self.total_rows:
            return None
        return min(100, self.rows_read * 100 // self.total_rows)


def jobs_dir(node: Node) -> Path:
    return node.settings.data_dir / "web-imports"


def _dir(node: Node, job_id: str) -> Path:
    return jobs_dir(node) / job_id


def upload_path(node: Node, job: Job) -> Path:
    return _dir(node, job.id) / f"upload{job.suffix}"


def mapped_path(node: Node, job: Job) -> Path:
    return _dir(node, job.id) / "mapped.jsonl"


def rejects_path(node: Node, job: Job) -> Path:
    return _dir(node, job.id) / "rejects.csv"


def save(node: Node, job: Job) -> None:
    job.updated = time.time()
    target = _dir(node, job.id) / "status.json"
    tmp = target.with_name(f".status.{threading.get_ident()}.tmp")
    tmp.write_text(json.dumps(asdict(job)), encoding="utf-8")
    os.replace(tmp, target)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def load(node: Node, job_id: str, user_id: str | None) -> Job | None:
    """The job, if it exists and is the user's own; otherwise None (the page is not found)."""
    try:
        job_id = uuid.UUID(job_id).hex
    except ValueError:
        return None
    try:
        data = json.loads((_dir(node, job_id) / "status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    job = Job(**data)
    if job.user_id != user_id:
        return None
    if job.state == "running" and not _alive(job.pid):
        job.state = "failed"
        job.message = _("The server stopped during the import: nothing was written.")
    return job


def prune(node: Node, now: float | None = None) -> None:
    """Remove the directories of jobs unchanged for ``JOB_TTL`` (uploads, reject files)."""
    root = jobs_dir(node)
    if not root.is_dir():
        return
    limit = (now or time.time()) - JOB_TTL
    for entry in root.iterdir():
        status = entry / "status.json"
        try:
            changed = (status if status.exists() else entry).stat().st_mtime
        except OSError:
            continue
        if changed < limit:
            try:
                running = json.loads(status.read_text()).get("state") == "running"
            except (OSError, ValueError):
                running = False
            if not running:
                shutil.rmtree(entry, ignore_errors=True)


def create(node: Node, user_id: str, kind: str, file_name: str, stream: BinaryIO) -> Job:
    """Store an upload (at most ``MAX_UPLOAD_BYTES``) and read its header.

    Raises ``UploadTooLarge``, or ``FileFormatError`` when the file cannot be read; the
    stored file is removed then.
    """
    prune(node)
    suffix = Path(file_name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise FileFormatError(_("The file must be CSV, JSON Lines or XLSX (.csv, .jsonl, .xlsx)."))
    job = Job(
        id=uuid.uuid4().hex,
        user_id=user_id,
        kind=kind,
        file_name=Path(file_name).name[:200],
        suffix=suffix,
        header=[],
    )
    folder = _dir(node, job.id)
    folder.mkdir(parents=True, mode=0o700)
    path = upload_path(node, job)
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("wb") as out:
            os.chmod(path, 0o600)
            while chunk := stream.read(1 << 20):
                size += len(chunk)
                if size > MAX_UPLOAD_BYTES:
                    raise UploadTooLarge
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise FileFormatError("the file is empty")
        job.header = read_header(path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    job.upload_sha256 = digest.hexdigest()
    save(node, job)
    return job


# Common headings of other systems' exports, for the first suggestion only.
SYNONYMS = {
    "ref": "id",
    "reference": "id",
    "external_id": "id",
    "identifier": "id",
    "name": "full_name",
    "given_name": "first_name",
    "given_names": "first_name",
    "forename": "first_name",
    "surname": "last_name",
    "family_name": "last_name",
    "patronymic": "middle_name",
    "born": "date_of_birth",
    "dob": "date_of_birth",
    "birth_date": "date_of_birth",
    "birthdate": "date_of_birth",
    "sex": "gender",
    "citizenship": "nationality",
    "passport": "document_number",
    "passport_number": "document_number",
    "telephone": "phone",
    "mobile": "phone",
    "e_mail": "email",
}


def suggested(kind: str, header: Iterable[str]) -> dict[str, str]:
    """A first mapping: the import's column of the same name, a usual synonym, or the
    closest name; otherwise the column is ignored. The user checks it before the run."""
    known = list(COLUMNS[kind])
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for name in header:
        simple = name.replace(" ", "_").replace("-", "_")
        free = [k for k in known if k not in taken]
        if simple in free:
            mapping[name] = simple
        elif SYNONYMS.get(simple) in free:
            mapping[name] = SYNONYMS[simple]
        else:
            close = difflib.get_close_matches(simple, free, 1, 0.8)
            mapping[name] = close[0] if close else IGNORE
        if mapping[name]:
            taken.add(mapping[name])
    return mapping


def check_mapping(kind: str, mapping: dict[str, str]) -> dict[str, str]:
    """Problems with a mapping, by file column (an empty key: the mapping as a whole)."""
    problems: dict[str, str] = {}
    known = COLUMNS[kind]
    seen: dict[str, str] = {}
    for source, target in mapping.items():
        if target == IGNORE:
            continue
        if target not in known:
            problems[source] = _("not a column of this import")
        elif target in seen:
            problems[source] = _(
                "'%(column)s' is chosen for '%(other)s' already", column=target, other=seen[target]
            )
        else:
            seen[target] = source
    if not problems:
        try:
            check_header(kind, list(seen))
        except FileFormatError as exc:
            problems[IGNORE] = exc.message.split(" (the ")[0]
    return problems


def _identity(job: Job) -> bool:
    return all(job.mapping.get(h) == h for h in job.header)


def rewrite(node: Node, job: Job) -> Path:
    """The file the importer reads: the upload itself, or its rows renamed as JSON Lines.

    Each row is written on the line where it started in the upload (blank lines between,
    which JSON Lines skips), so errors and the reject file name the user's lines.
    """
    source = upload_path(node, job)
    if _identity(job):
        return source
    target = mapped_path(node, job)
    wanted = [t for t in job.mapping.values() if t != IGNORE]
    rows = 0
    with target.open("w", encoding="utf-8") as out:
        os.chmod(target, 0o600)
        line = 1
        for row in iter_rows(source, detect_format(source)):
            renamed = dict.fromkeys(wanted, "")
            for name, value in row.values.items():
                target_name = job.mapping.get(name, name)  # a key the header lacked: as is
                if target_name != IGNORE:
                    renamed[target_name] = value
            if row.line > line:
                out.write("\n" * (row.line - line))
                line = row.line
            out.write(json.dumps(renamed, ensure_ascii=False) + "\n")
            line += 1
            rows += 1
    job.total_rows = rows
    return target


def start(node: Node, actor: Actor, job: Job) -> bool:
    """Run the import in a thread; False when another web import is running here."""
    if not _RUNNING.acquire(blocking=False):
        return False
    job.state, job.pid, job.message = "running", os.getpid(), ""
    save(node, job)
    thread = threading.Thread(
        target=_run, args=(node, actor, job), name=f"web-import-{job.id[:8]}", daemon=True
    )
    thread.start()
    return True


def _run(node: Node, actor: Actor, job: Job) -> None:
    try:
        _import(node, actor, job)
    except FileFormatError as exc:
        job.state, job.message = "failed", str(exc)
    except RecordError as exc:
        job.state, job.message = "failed", exc.message
    except Exception as exc:
        import logging

        incident = uuid.uuid4().hex[:12]
        logging.getLogger("interlink.web").error(
            "incident %s in web import", incident, exc_info=exc
        )
        job.state = "failed"
        job.message = _(
            "Tell your administrator this incident number: %(incident)s", incident=incident
        )
    finally:
        for path in (upload_path(node, job), mapped_path(node, job)):
            path.unlink(missing_ok=True)
        save(node, job)
        _RUNNING.release()


def _import(node: Node, actor: Actor, job: Job) -> None:
    path = rewrite(node, job)
    save(node, job)

    def progress(rows_read: int) -> None:
        job.rows_read = rows_read
        save(node, job)

    rejects = rejects_path(node, job) if job.skip_invalid else None
    report = import_file(
        node,
        actor,
        job.kind,
        path,
        skip_invalid=job.skip_invalid,
        rejects_path=rejects,
        progress=progress,
    )
    if rejects is not None and rejects.exists():
        os.chmod(rejects, 0o600)
    job.rows_read, job.imported, job.rejected = report.rows_read, report.imported, report.rejected
    job.written, job.import_job_id = report.written, report.job_id
    job.has_rejects = rejects is not None and report.rejected > 0 and rejects.exists()
    own_name = {target: source for source, target in job.mapping.items() if target}
    job.errors = [
        {
            "line": err.line,
            "problems": [f"{own_name.get(e.field, e.field)}: {e.message}" for e in err.errors],
        }
        for err in report.errors[:MAX_LISTED]
    ]
    job.state = "done"
    if path != upload_path(node, job):
        # The importer's entry holds the hash of the file it read; this one ties it to the
        # upload and the mapping (column names only, never values).
        with transaction(node.engine) as conn:
            audit.write(
                conn,
                node.audit_key,
                actor,
                "import_mapping",
                record_kind=IMPORT_KINDS[job.kind],
                details={
                    "via": "web",
                    "job": report.job_id,
                    "upload_sha256": job.upload_sha256,
                    "mapped_sha256": file_sha256(path),
                    "columns": {k: v for k, v in job.mapping.items() if k != v},
                },
            )


def kinds() -> list[str]:
    return list(IMPORT_KINDS)


def discard(node: Node, job: Job) -> None:
    """Remove a job that is not running (the upload, the reject file)."""
    if job.state != "running":
        with contextlib.suppress(OSError):
            shutil.rmtree(_dir(node, job.id))
