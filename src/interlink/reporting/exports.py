"""One table as a file: CSV, XLSX (openpyxl) or its chart as PNG or SVG."""

from __future__ import annotations

import io

from interlink.reporting.charts import FORMATS as CHART_FORMATS
from interlink.reporting.charts import chart
from interlink.reporting.release import ReleasedTable

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    **CHART_FORMATS,
}


def export(table: ReleasedTable, fmt: str, title: str, note: str = "") -> bytes:
    """The table (or its chart) in ``fmt``: csv, xlsx, png or svg."""
    if fmt == "csv":
        return table.csv_text().encode("utf-8")
    if fmt == "xlsx":
        return _xlsx(table)
    if fmt in CHART_FORMATS:
        return chart(title, table.dims, table.labels, table.rows, fmt, note)
    raise ValueError(f"format: use one of {', '.join(MEDIA_TYPES)}")


def _xlsx(table: ReleasedTable) -> bytes:
    from openpyxl import Workbook  # here, not at the top: every command would pay for it

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = table.name[:31]
    sheet.append([*table.dims, "count", "flag"])
    for key, count in table.rows:
        sheet.append([*key, count, "suppressed" if count is None else ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
