"""What nodes send each other: the envelope, the body and the kinds of message.

This module is the contract between the transport (signing, encryption, outbox, inbox,
receipts) and the areas that use it (the Secretariat's international database, notices,
statistical reports, media hash sharing). It holds types only: no I/O.

A node is named by its node id: a national node by its country code (ISO 3166-1 alpha-2,
"UA"), the General Secretariat by ``SECRETARIAT``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from interlink.domain.codes import HandlingCode

SECRETARIAT = "GS"  # the node id of the General Secretariat
# ``Body.data["dissemination"]`` of an UPDATE whose records carry the owner's rules: the
# Secretariat then replaces the rules it keeps (an update without it keeps them).
RULES_CARRIED = "carried"


class Kind(StrEnum):
    """Kinds of message. Values are exchanged between nodes: never rename one."""

    MESSAGE = "message"  # free text (bilateral or multilateral by its recipients)
    REQUEST = "request"  # asks the recipient for something; answered by a REPLY
    REPLY = "reply"  # in_reply_to names the request
    REPORT = "report"  # records submitted to the Secretariat's international database
    UPDATE = "update"  # a new version of reported or shared records
    WITHDRAWAL = "withdrawal"  # reported or shared records that must be removed everywhere
    HIT = "hit"  # the Secretariat tells an owner that its record matches another country's
    NOTICE = "notice"  # the Secretariat's warning or request to locate, to every node
    NOTICE_CANCELLATION = "notice_cancellation"
    STATISTICS = "statistics"  # a national node's periodic statistical report (no personal data)
    HASHES = "hashes"  # new child-exploitation hashes and series updates (never media)
    RECEIPT = "receipt"  # acknowledgement: received or read


class Dissemination(BaseModel):
    """The owner's rules for a reported record: who may learn of a hit, who may see details."""

    model_config = ConfigDict(extra="forbid")

    hit_countries: list[str] | None = Field(
        None, description="Countries that may learn of a hit; None: every country."
    )
    detail_countries: list[str] = Field(
        default_factory=list, description="Countries that may see the record's details."
    )


class SharedRecord(BaseModel):
    """A record carried in a message: its facts, provenance and the owner's reference."""

    model_config = ConfigDict(extra="forbid")

    owner: str = Field(description="Node id of the record's owner.")
    record_id: UUID = Field(description="The record's id at its owner.")
    kind: str = Field(description="Record kind (person, organization, document, …).")
    facts: dict[str, Any]
    handling_code: HandlingCode
    handling_text: str | None = None
    reliability: str | None = None
    assessment: str | None = None
    version: int = 1
    dissemination: Dissemination = Field(default_factory=Dissemination)


class Attachment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    media_type: str
    sha256: str
    content_b64: str


class Body(BaseModel):
    """What the envelope carries; encrypted for each recipient."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    records: list[SharedRecord] = Field(default_factory=list)
    data: dict[str, Any] = Field(
        default_factory=dict, description="Structured content of a kind (hit, notice, figures)."
    )
    attachments: list[Attachment] = Field(default_factory=list)


class Envelope(BaseModel):
    """Signed, and readable by every hop; holds no personal data (that is in the body)."""

    model_config = ConfigDict(extra="forbid")

    id: UUID
    sender: str
    recipients: list[str] = Field(min_length=1)
    created: datetime
    kind: Kind
    handling_code: HandlingCode = HandlingCode.H0
    restrictions: str | None = None
    in_reply_to: UUID | None = None
    subject: str | None = None


class Draft(BaseModel):
    """What an area asks the transport to send; the transport gives it an id and a time."""

    model_config = ConfigDict(extra="forbid")

    kind: Kind
    recipients: list[str] = Field(min_length=1)
    body: Body = Field(default_factory=Body)
    handling_code: HandlingCode = HandlingCode.H0
    restrictions: str | None = None
    in_reply_to: UUID | None = None
    subject: str | None = None


class Message(BaseModel):
    """A message as its receiver holds it after the signature and checks passed."""

    model_config = ConfigDict(extra="forbid")

    envelope: Envelope
    body: Body


# -- structured data of transport kinds (issue 6, added by the transport) ----------------


class RecordRef(BaseModel):
    """A record named by its owner and its id at the owner."""

    model_config = ConfigDict(extra="forbid")

    owner: str
    record_id: UUID


class WithdrawalData(BaseModel):
    """``Body.data`` of a WITHDRAWAL: the records to remove everywhere, and why."""

    model_config = ConfigDict(extra="forbid")

    records: list[RecordRef] = Field(min_length=1)
    reason: str


class ReceiptData(BaseModel):
    """``Body.data`` of a RECEIPT: which message, received or read, when. One receipt
    acknowledges every message of a delivered batch: ``of`` and the ``also`` ids."""

    model_config = ConfigDict(extra="forbid")

    of: UUID
    also: list[UUID] = Field(default_factory=list, max_length=10_000)
    status: str = Field(pattern="^(received|read)$")
    at: datetime
