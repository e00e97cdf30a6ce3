"""Reads kg's GraphML with NetworkX, as a user would, and checks what a user relies on."""
import sys

import networkx as nx

path, expected_nodes = sys.argv[1], int(sys.argv[2].strip().split("^^")[0].strip('"'))
g = nx.read_graphml(path)
assert g.is_directed(), "kg exports directed graphs by default"
assert g.number_of_nodes() == expected_nodes, (g.number_of_nodes(), expected_nodes)
assert g.number_of_edges() > 0, "no edges"
labels = {d["label"] for _, d in g.nodes(data=True)}
assert all(isinstance(label, str) and label for label in labels), "a node without a label"
for _, _, d in g.edges(data=True):
    assert isinstance(d["weight"], float) and d["weight"] >= 1.0, d
    assert d["label"], d
for _, d in g.nodes(data=True):
    assert d["type"] in {"Person", "Organization", "Place", "Concept", "OtherEntity"}, d
    assert all(isinstance(d[c], int) and 0 <= d[c] <= 255 for c in "rgb"), d
assert {"Kim Jong Un", "Vladimir Putin"} <= labels, sorted(labels)[:50]
print(f"graphml ok: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
