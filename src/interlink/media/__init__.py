"""Child sexual exploitation material, handled as hashes only (issue 8).

No image or video is ever stored, displayed, copied, thumbnailed, transmitted or logged:
a scan reads each file in a worker process and keeps its hashes; only hashes and counts
leave this package. The front ends call only what is exported here.
"""

from interlink.media import sharing  # registers the HASHES handler with the exchange
from interlink.media.categories import Scale, to_scale
from interlink.media.hashes import FileHashes, hamming, hash_file, normalize_hex, pdq_hex
from interlink.media.hashsets import ImportReport, get_set, import_set, list_sets, withdraw
from interlink.media.index import PdqIndex, linear_search
from interlink.media.parse import EntryError, Parsed, parse_csv, parse_file, parse_vics
from interlink.media.scan import Match, ScanResult, scan
from interlink.media.series import (
    SeriesView,
    apply_priority,
    get_series,
    list_series,
    safeguarding_reasons,
    update_series,
)
from interlink.media.sharing import HashesData, share
from interlink.media.views import case_scans, recent_scans, scan_detail

__all__ = [
    "EntryError",
    "FileHashes",
    "HashesData",
    "ImportReport",
    "Match",
    "Parsed",
    "PdqIndex",
    "Scale",
    "ScanResult",
    "SeriesView",
    "apply_priority",
    "case_scans",
    "get_series",
    "get_set",
    "hamming",
    "hash_file",
    "import_set",
    "linear_search",
    "list_series",
    "list_sets",
    "normalize_hex",
    "parse_csv",
    "parse_file",
    "parse_vics",
    "pdq_hex",
    "recent_scans",
    "safeguarding_reasons",
    "scan",
    "scan_detail",
    "share",
    "sharing",
    "to_scale",
    "update_series",
    "withdraw",
]
