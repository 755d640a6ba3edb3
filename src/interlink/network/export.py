"""A graph as files other tools read: GraphML (Gephi, yEd, networkx) and CSV lists of
entities and links (i2 Analyst's Notebook's and Gephi's spreadsheet imports).

Both come from the same ``graph.Graph`` the reader was shown, so an export never holds a
record the chart did not.
"""

from __future__ import annotations

import csv
import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from interlink.network.graph import Graph

NODE_COLUMNS = ("Id", "Label", "Type", "Record", "Countries", "Date", "Categories", "Role")
EDGE_COLUMNS = ("Source", "Target", "Type", "Link record", "Date")
_NODE_KEYS = (
    ("label", "Label"),
    ("kind", "Type"),
    ("record", "Record"),
    ("countries", "Countries"),
    ("date", "Date"),
    ("categories", "Categories"),
    ("role", "Role"),
)
_EDGE_KEYS = (("kind", "Type"), ("record", "LinkRecord"), ("date", "Date"))


def graphml(graph: Graph) -> str:
    """GraphML 1.0, undirected, attributes as strings (every importer reads those)."""
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key, name in _NODE_KEYS:
        out.write(
            f'  <key id="n_{key}" for="node" attr.name={quoteattr(name)} attr.type="string"/>\n'
        )
    for key, name in _EDGE_KEYS:
        out.write(
            f'  <key id="e_{key}" for="edge" attr.name={quoteattr(name)} attr.type="string"/>\n'
        )
    out.write('  <graph id="interlink" edgedefault="undirected">\n')
    for node in sorted(graph.nodes.values(), key=lambda n: n.id):
        values = _node_values(node.as_dict())
        out.write(f"    <node id={quoteattr(node.id)}>\n")
        for key, _ in _NODE_KEYS:
            if values[key]:
                out.write(f'      <data key="n_{key}">{escape(values[key])}</data>\n')
        out.write("    </node>\n")
    for i, edge in enumerate(sorted(graph.edges.values(), key=lambda e: e.key)):
        ends = f"source={quoteattr(edge.source)} target={quoteattr(edge.target)}"
        out.write(f'    <edge id="e{i}" {ends}>\n')
        for key, value in (("kind", edge.kind), ("record", edge.record), ("date", edge.date)):
            if value:
                out.write(f'      <data key="e_{key}">{escape(value)}</data>\n')
        out.write("    </edge>\n")
    out.write("  </graph>\n</graphml>\n")
    return out.getvalue()


def _node_values(data: dict[str, object]) -> dict[str, str]:
    def text(value: object) -> str:
        if isinstance(value, list):
            return ";".join(str(v) for v in value)
        if isinstance(value, bool):
            return "yes" if value else "no"
        return "" if value is None else str(value)

    return {key: text(data.get(key)) for key, _ in _NODE_KEYS}


def entities_csv(graph: Graph) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(NODE_COLUMNS)
    for node in sorted(graph.nodes.values(), key=lambda n: n.id):
        v = _node_values(node.as_dict())
        writer.writerow([node.id, *(v[key] for key, _ in _NODE_KEYS)])
    return out.getvalue()


def links_csv(graph: Graph) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EDGE_COLUMNS)
    for e in sorted(graph.edges.values(), key=lambda e: e.key):
        writer.writerow([e.source, e.target, e.kind, e.record or "", e.date or ""])
    return out.getvalue()


def csv_zip(graph: Graph) -> bytes:
    """entities.csv and links.csv in one ZIP file (UTF-8 with BOM, which Excel and
    Analyst's Notebook read as Unicode)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("entities.csv", "\ufeff" + entities_csv(graph))
        z.writestr("links.csv", "\ufeff" + links_csv(graph))
    return buffer.getvalue()


_COLOURS = {
    "person": "#1f5fa8",
    "organization": "#8a4b08",
    "document": "#5b5b5b",
    "marriage": "#a8326e",
    "crossing": "#2e7d32",
    "incident": "#b71c1c",
}


def svg(graph: Graph, positions: dict[str, tuple[float, float]] | None = None) -> str:
    """The chart as SVG: nodes where the reader laid them out (``positions``, from the page)
    or, without them, where a seeded spring layout puts them."""
    if not positions or set(positions) < set(graph.nodes):
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(graph.nodes)
        g.add_edges_from((e.source, e.target) for e in graph.edges.values())
        laid = nx.spring_layout(g, seed=7) if g.number_of_nodes() else {}
        positions = {n: (float(x) * 400, float(y) * 400) for n, (x, y) in laid.items()}
    xs = [positions[n][0] for n in graph.nodes] or [0.0]
    ys = [positions[n][1] for n in graph.nodes] or [0.0]
    pad = 60.0
    left, top = min(xs) - pad, min(ys) - pad
    width, height = max(xs) - left + pad, max(ys) - top + pad
    out = io.StringIO()
    out.write(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} {width:.1f} '
        f'{height:.1f}" width="{width:.0f}" height="{height:.0f}" font-family="sans-serif" '
        'font-size="10">\n'
    )
    for e in sorted(graph.edges.values(), key=lambda e: e.key):
        (x1, y1), (x2, y2) = positions[e.source], positions[e.target]
        out.write(
            f'  <line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999">'
            f"<title>{escape(e.kind)}</title></line>\n"
        )
    for node in sorted(graph.nodes.values(), key=lambda n: n.id):
        x, y = positions[node.id]
        colour = _COLOURS.get(node.kind, "#6a1b9a")
        out.write(
            f'  <g><title>{escape(node.kind)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="9" '
            f'fill="{colour}"/><text x="{x:.1f}" y="{y + 20:.1f}" text-anchor="middle">'
            f"{escape(node.label)}</text></g>\n"
        )
    out.write("</svg>\n")
    return out.getvalue()
