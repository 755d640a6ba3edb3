"""Statistics at every level and public figures safe from re-identification (issue 10).

The service surface: indicators declared once (``REGISTRY``), a unit's or the node's
figures (``report``), public figures and releases (``public``, ``publish``), the report to
the Secretariat (``send_report``) and the Secretariat's global figures (``global_figures``).
"""

from interlink.reporting.disclosure import DEFAULT_THRESHOLD, Rules
from interlink.reporting.exports import MEDIA_TYPES, export
from interlink.reporting.periods import ALL, Period, PeriodError, parse_period
from interlink.reporting.registry import REGISTRY, Dimension, Fact, Indicator, indicator
from interlink.reporting.release import Release, ReleasedTable
from interlink.reporting.secretariat import global_figures, keep_statistics, send_report
from interlink.reporting.service import (
    Report,
    Shown,
    figures,
    national_figures,
    period_of,
    public,
    publish,
    report,
    unit_codes,
)
from interlink.reporting.tables import TOTAL, Cube, Table

__all__ = [
    "ALL",
    "DEFAULT_THRESHOLD",
    "MEDIA_TYPES",
    "REGISTRY",
    "TOTAL",
    "Cube",
    "Dimension",
    "Fact",
    "Indicator",
    "Period",
    "PeriodError",
    "Release",
    "ReleasedTable",
    "Report",
    "Rules",
    "Shown",
    "Table",
    "export",
    "figures",
    "global_figures",
    "indicator",
    "keep_statistics",
    "national_figures",
    "parse_period",
    "period_of",
    "public",
    "publish",
    "report",
    "send_report",
    "unit_codes",
]
