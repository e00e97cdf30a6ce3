"""The NetworkX side of the export benchmark: the same graph kg exported, written by NetworkX.

Reads kg's CSV lists (nodes.csv, edges.csv) into a networkx.MultiDiGraph with the same node and edge
attributes kg's GraphML carries, typed as kg types them, then times `networkx.write_graphml` alone
(building the graph is not counted), in wall-clock and CPU seconds. NetworkX picks its lxml writer when lxml is installed, as it is
in the benchmark's venv. Prints one line: seconds, peak RSS before and after writing, file size.

usage: bench_networkx_graphml.py DIR OUT.graphml
"""
import csv
import os
import resource
import sys
import time

import networkx as nx


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


d, out = sys.argv[1], sys.argv[2]
csv.field_size_limit(1 << 20)
started = time.perf_counter()
g = nx.MultiDiGraph()
with open(os.path.join(d, "nodes.csv"), newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        attrs = {
            "label": r["Label"],
            "type": r["Type"],
            "iri": r["Id"],
            "mentions": int(r["Mentions"]),
            "documents": int(r["Documents"]),
        }
        if r["FirstSeen"]:
            attrs["first_seen"], attrs["last_seen"] = r["FirstSeen"], r["LastSeen"]
        if r["Aliases"]:
            attrs["aliases"] = r["Aliases"]
        g.add_node(r["Id"], **attrs)
with open(os.path.join(d, "edges.csv"), newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        attrs = {
            "label": r["Label"],
            "weight": float(r["Weight"]),
            "relation": r["Relation"],
            "evidence": r["Evidence"],
            "reciprocal": r["Reciprocal"] == "true",
        }
        if r["FirstDate"]:
            attrs["first_date"], attrs["last_date"] = r["FirstDate"], r["LastDate"]
        g.add_edge(r["Source"], r["Target"], key=r["Id"], **attrs)
built = time.perf_counter() - started
before = peak_mib()
started, cpu = time.perf_counter(), time.process_time()
nx.write_graphml(g, out)
wrote, cpu = time.perf_counter() - started, time.process_time() - cpu
print(
    f"networkx {nx.__version__} write_graphml: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges "
    f"in {wrote:.1f} s wall, {cpu:.1f} s CPU (graph built from the CSV lists in {built:.1f} s); peak RSS {before:.0f} MiB "
    f"before writing, {peak_mib():.0f} MiB after; {os.path.getsize(out) / 2**20:.0f} MiB written"
)
