"""Charts of a table as PNG or SVG bytes (matplotlib, Agg: no display, no fonts fetched).

The same figure for the dashboard and a public release. Output is deterministic for the
same table (no dates in the metadata, fixed SVG ids), so the same data gives the same files.

Drawing takes a good part of a second, so charts are kept in a small in-memory cache keyed
by everything drawn — title (indicator and period), dimensions, the table's rows and the
note: the rows are the figures of that indicator for those filters at that moment, so a key
stands for (indicator, filters, data version) and a cached chart is never stale. A role that
sees other figures has other rows, hence another key.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from interlink.reporting.tables import TOTAL

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
_METADATA = {
    "png": {"Software": "Interlink"},
    "svg": {"Date": None, "Creator": "Interlink"},
}


def _pyplot() -> Any:
    """matplotlib on the Agg backend, imported on first use (it takes seconds to load, and
    a node that never draws a chart should not start slower for it)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _label(value: str) -> str:
    return value.replace("_", " ")


def chart(
    title: str,
    dims: Sequence[str],
    labels: Sequence[str],
    rows: Sequence[tuple[tuple[str, ...], int | None]],
    fmt: str,
    note: str = "",
) -> bytes:
    """A bar chart of a one-way table, or stacked bars of a two-way one (first dimension
    along the axis). Suppressed cells (None) are left out; ``note`` says so."""
    if fmt not in FORMATS:
        raise ValueError(f"format: use one of {', '.join(FORMATS)}")
    return _drawn(title, tuple(dims), tuple(labels), tuple(rows), fmt, note)


CACHED_CHARTS = 256  # a chart is 20-60 kB: at most about 15 MB


@lru_cache(maxsize=CACHED_CHARTS)
def _drawn(
    title: str,
    dims: tuple[str, ...],
    labels: tuple[str, ...],
    rows: tuple[tuple[tuple[str, ...], int | None], ...],
    fmt: str,
    note: str,
) -> bytes:
    plt = _pyplot()
    inner = [(k, v) for k, v in rows if TOTAL not in k]
    with plt.rc_context({"svg.hashsalt": "interlink", "svg.fonttype": "path"}):
        fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
        try:
            if len(dims) <= 1:
                cats = [k[0] if k else TOTAL for k, _ in inner]
                ax.bar(range(len(cats)), [v or 0 for _, v in inner], color="#33658a")
                ax.set_xticks(range(len(cats)), [_label(c) for c in cats], rotation=45, ha="right")
            else:
                firsts = list(dict.fromkeys(k[0] for k, _ in inner))
                seconds = list(dict.fromkeys(k[1] for k, _ in inner))
                bottom = [0] * len(firsts)
                palette = plt.get_cmap("tab20")
                for j, second in enumerate(seconds):
                    heights = [
                        next((v or 0 for k, v in inner if k[0] == f and k[1] == second), 0)
                        for f in firsts
                    ]
                    if any(heights):
                        ax.bar(
                            range(len(firsts)),
                            heights,
                            bottom=bottom,
                            label=_label(second),
                            color=palette(j % 20),
                        )
                    bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
                ax.set_xticks(
                    range(len(firsts)), [_label(f) for f in firsts], rotation=45, ha="right"
                )
                if ax.get_legend_handles_labels()[0]:
                    ax.legend(
                        title=labels[1], fontsize="small", loc="upper left", bbox_to_anchor=(1, 1)
                    )
            ax.set_title(title, fontsize="medium")
            ax.set_xlabel(labels[0] if labels else "")
            ax.set_ylabel("count")
            if note:
                fig.text(0.01, 0.01, note, fontsize="x-small")
            fig.tight_layout()
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, metadata=_METADATA[fmt])
        finally:
            plt.close(fig)
    return buffer.getvalue()
