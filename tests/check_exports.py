"""Reads kg's exports with the programs people open them with, and checks what they rely on.

NetworkX (read_graphml, read_gexf), python-igraph (Graph.Read_GraphML) and pandas (the CSV lists)
must all see the same graph: the node count the store reports, one edge per row of edges.csv,
weights summing to the number of supporting statements the store counts, labels, types, colours
and, in GEXF, spells that match each edge's first and last dates. With `comention`, the exports
are of the co-mention network: undirected, weights summing to the pairs of entities named in one
sentence, which the store counts too.

usage: check_exports.py DIR EXPECTED_NODES EXPECTED_STATEMENTS [comention]
"""
import datetime
import math
import os
import sys

import igraph
import networkx as nx
import pandas as pd

TYPES = {"Person", "Organization", "Place", "Concept", "OtherEntity"}


def number(text):
    """A count as `kg query --format tsv` prints it: a bare number or a typed literal."""
    return int(text.strip().split("^^")[0].strip('"'))


d, expected_nodes, expected_statements = sys.argv[1], number(sys.argv[2]), number(sys.argv[3])
comention = sys.argv[4:] == ["comention"]
directed = not comention
if comention:
    TYPES = {"Person", "Organization", "Place"}
path = lambda name: os.path.join(d, name)


def is_day(text):
    datetime.date.fromisoformat(text)
    return True


# pandas: the CSV lists are the reference for the other readers.
nodes = pd.read_csv(path("nodes.csv"), keep_default_na=False)
edges = pd.read_csv(path("edges.csv"), keep_default_na=False)
assert list(nodes.columns[:3]) == ["Id", "Label", "Type"], list(nodes.columns)
assert list(edges.columns[:6]) == ["Source", "Target", "Type", "Id", "Label", "Weight"], list(edges.columns)
assert len(nodes) == expected_nodes, (len(nodes), expected_nodes)
assert nodes["Id"].is_unique and edges["Id"].is_unique
assert set(nodes["Type"]) <= TYPES, set(nodes["Type"])
assert set(edges["Source"]) | set(edges["Target"]) <= set(nodes["Id"])
assert (edges["Type"] == ("Directed" if directed else "Undirected")).all()
if comention:
    assert (edges["Label"] == "co-mentioned in sentence").all(), set(edges["Label"])
assert edges["Weight"].dtype == float and (edges["Weight"] >= 1).all()
assert edges["Weight"].sum() == expected_statements, (edges["Weight"].sum(), expected_statements)
dated = edges[edges["FirstDate"] != ""]
assert len(dated) > 0, "no dated edges"
assert (pd.to_datetime(dated["FirstDate"]) <= pd.to_datetime(dated["LastDate"])).all()
assert {"Kim Jong Un", "Vladimir Putin"} <= set(nodes["Label"]), sorted(nodes["Label"])[:40]
by_id = {e.Id: e for e in edges.itertuples()}
label_of = dict(zip(nodes["Id"], nodes["Label"]))

# NetworkX, GraphML.
g = nx.read_graphml(path("graph.graphml"))
assert g.is_directed() == directed
assert g.number_of_nodes() == len(nodes) and g.number_of_edges() == len(edges)
for n, data in g.nodes(data=True):
    assert data["label"] == label_of[n], (n, data)
    assert data["type"] in TYPES, data
    assert all(isinstance(data[c], int) and 0 <= data[c] <= 255 for c in "rgb"), data
    assert isinstance(data["size"], float) and isinstance(data["mentions"], int), data
    for key in ("first_seen", "last_seen"):
        assert key not in data or is_day(data[key]), data
weights = 0.0
for u, v, data in g.edges(data=True):
    assert isinstance(data["weight"], float) and data["weight"] >= 1.0, data
    assert data["label"] and data["evidence"], data
    assert isinstance(data["reciprocal"], bool), data
    weights += data["weight"]
assert weights == expected_statements, (weights, expected_statements)
u = nx.read_graphml(path("undirected.graphml"))
assert not u.is_directed() and u.number_of_nodes() == len(nodes)

# python-igraph, GraphML.
ig = igraph.Graph.Read_GraphML(path("graph.graphml"))
assert ig.is_directed() == directed
assert ig.vcount() == len(nodes) and ig.ecount() == len(edges), (ig.vcount(), ig.ecount())
assert sorted(ig.vs["label"]) == sorted(nodes["Label"])
assert math.isclose(sum(ig.es["weight"]), expected_statements)
assert sorted(ig.es["label"]) == sorted(edges["Label"])
assert set(ig.vs["type"]) <= TYPES

# NetworkX, GEXF: the same graph, with spells.
x = nx.read_gexf(path("graph.gexf"))
assert x.is_directed() == directed and x.graph["mode"] == "dynamic"
assert x.number_of_nodes() == len(nodes) and x.number_of_edges() == len(edges)
for n, data in x.nodes(data=True):
    assert data["label"] == label_of[n] and data["type"] in TYPES, data
    assert set(data["viz"]["color"]) >= {"r", "g", "b"}, data
spelled = 0
for _, _, data in x.edges(data=True):
    row = by_id[data["id"]]
    assert data["weight"] == row.Weight and data["label"] == row.Label, (data, row)
    spells = data.get("spells", [])
    if row.FirstDate:
        assert spells and min(s for s, _ in spells) == row.FirstDate, (spells, row)
        assert max(e for _, e in spells) == row.LastDate, (spells, row)
        assert all(is_day(s) and is_day(e) and s <= e for s, e in spells), spells
        spelled += 1
    else:
        assert not spells, data
assert spelled == len(dated), (spelled, len(dated))

print(
    f"{'co-mention' if comention else 'relation'} exports ok: {len(nodes)} nodes, {len(edges)} edges, {expected_statements} {'sentence pairs' if comention else 'statements'}, "
    f"{spelled} edges with spells; read by NetworkX, igraph and pandas"
)
