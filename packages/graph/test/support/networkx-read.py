# Reads a GEXF or GraphML file with networkx and prints what it read as JSON, for the tests to compare with readGexf
# and readGraphml: python3 networkx-read.py FILE [gexf VERSION | graphml]. Non-finite numbers become "INF", "-INF", "NaN".
import json
import math
import sys

import networkx as nx
from networkx.readwrite import gexf as G

path, kind = sys.argv[1], sys.argv[2]
if kind == "gexf":
    version = sys.argv[3]
    # networkx before 3.6 knows GEXF 1.1/1.2 only; newer networkx registers exactly this entry for 1.3.
    G.GEXF.versions.setdefault("1.3", {"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"})
    graph = nx.read_gexf(path, version=version)
else:
    graph = nx.read_graphml(path)


def plain(value):
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


edges = []
if graph.is_multigraph():
    for source, target, key, data in graph.edges(keys=True, data=True):
        edges.append({"source": source, "target": target, "key": str(key), "data": plain(data)})
else:
    for source, target, data in graph.edges(data=True):
        edges.append({"source": source, "target": target, "data": plain(data)})
print(json.dumps({
    "networkx": nx.__version__,
    "directed": graph.is_directed(),
    "graph": plain(dict(graph.graph)),
    "nodes": {str(node): plain(data) for node, data in graph.nodes(data=True)},
    "edges": edges,
}))
