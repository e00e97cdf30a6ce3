"""Renders a kg GraphML export to a PNG, headless, with NetworkX and matplotlib: what docs/sample-graph.png is.

The layout is NetworkX's Kamada-Kawai layout relaxed by a seeded spring layout (reproducible);
colours and sizes are the ones kg wrote into the file (`r`/`g`/`b` by entity type, `size` by
mentions), so the picture shows what Gephi shows when it opens the same file. Entities without any
relation are left out (they would only ring the picture); each edge is labelled with its relation
when the graph is small enough to read.

usage: render_graph.py GRAPH.graphml OUT.png [TITLE]
(scripts/render_sample_graph.sh builds the sample store, exports it and calls this.)
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

path, out = sys.argv[1], sys.argv[2]
title = sys.argv[3] if len(sys.argv) > 3 else None

g = nx.read_graphml(path)
g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
if g.number_of_nodes() == 0:
    sys.exit(f"{path}: no edges to draw")



def layout(g):
    """Each connected component laid out on its own, the largest first, packed
    in rows, so that small pieces neither crowd the main one nor drift off the page."""
    comps = sorted(nx.weakly_connected_components(g), key=lambda c: (-len(c), sorted(c)))
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    width = 3.0 * len(comps[0]) ** 0.5
    for comp in comps:
        sub = g.subgraph(comp)
        side = max(1.6 * len(comp) ** 0.5, 2.6)
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        if len(comp) == 2:
            # A pair stands upright, so that the labels of neighbouring pairs do not collide.
            a, b = sorted(comp)
            pos[a], pos[b] = (x + side / 2, y - 0.15 * side), (x + side / 2, y - 0.85 * side)
            x += side + 0.6
            row_height = max(row_height, side)
            continue
        # Kamada-Kawai places nodes by their graph distance, which keeps hubs apart; a seeded
        # spring layout then relaxes it.
        p = nx.kamada_kawai_layout(sub.to_undirected(as_view=True), weight=None)
        p = nx.spring_layout(sub, pos=p, seed=42, iterations=50, weight=None, k=2.0 / len(comp) ** 0.5)
        p = nx.rescale_layout_dict(p, scale=side / 2)
        for n, (px, py) in p.items():
            pos[n] = (x + side / 2 + px, y - side / 2 + py)
        x += side + 0.6
        row_height = max(row_height, side)
    return pos


pos = layout(g)
colour = {n: (d["r"] / 255, d["g"] / 255, d["b"] / 255) for n, d in g.nodes(data=True)}
fig, ax = plt.subplots(figsize=(14, 10), dpi=110)
nx.draw_networkx_edges(
    g,
    pos,
    ax=ax,
    width=[0.8 + 0.8 * d["weight"] for _, _, d in g.edges(data=True)],
    edge_color="#999999",
    arrows=True,
    arrowsize=10,
    node_size=[d["size"] * 12 for _, d in g.nodes(data=True)],
    connectionstyle="arc3,rad=0.08",
)
nx.draw_networkx_nodes(
    g,
    pos,
    ax=ax,
    node_color=[colour[n] for n in g],
    node_size=[d["size"] * 12 for _, d in g.nodes(data=True)],
    edgecolors="white",
    linewidths=0.8,
)
nx.draw_networkx_labels(
    g, pos, ax=ax, labels={n: d["label"] for n, d in g.nodes(data=True)}, font_size=8
)
if g.number_of_edges() <= 120:
    nx.draw_networkx_edge_labels(
        g,
        pos,
        ax=ax,
        edge_labels={(u, v): d["label"] for u, v, d in g.edges(data=True)},
        font_size=6,
        font_color="#555555",
        bbox={"alpha": 0},
    )
seen = {}
for _, d in g.nodes(data=True):
    seen.setdefault(d["type"], (d["r"] / 255, d["g"] / 255, d["b"] / 255))
ax.legend(
    handles=[
        Line2D([], [], marker="o", linestyle="", markersize=9, color=c, label=t)
        for t, c in sorted(seen.items())
    ],
    loc="lower left",
    frameon=False,
)
if title:
    ax.set_title(title)
ax.set_axis_off()
fig.tight_layout()
# No timestamp in the PNG's metadata, so re-rendering the same graph gives the same file.
fig.savefig(out, metadata={"Software": None})
print(f"{out}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges drawn")
