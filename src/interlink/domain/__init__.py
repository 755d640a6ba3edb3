"""The model: record kinds, value types, codes and validation. Pure: no I/O."""

from interlink.domain import codes, model
from interlink.domain.provenance import Provenance, ProvenanceIn
from interlink.domain.registry import BY_NAME, BY_PLURAL, KINDS, RecordKind

__all__ = [
    "BY_NAME",
    "BY_PLURAL",
    "KINDS",
    "Provenance",
    "ProvenanceIn",
    "RecordKind",
    "codes",
    "model",
]
