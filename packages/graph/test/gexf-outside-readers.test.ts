// Our fixtures in the shapes Gephi, Gephi Lite, graphology and networkx write, read by readGexf and by those
// readers (graphology-gexf; networkx through python3), compared; and our own GEXF read back by them (1.2 and 1.3).
import Graph from 'graphology';
import { parse as graphologyParse, write as graphologyWrite } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { readGexf, readGexfWithWarnings, writeGexf } from '../src/index.ts';
import { parseColor } from '../src/color.ts';
import { analysedSample, readFixture } from './helpers.ts';
import { DEBIAN_PYTHON, networkxRead, type NetworkxReading } from './outside-readers.ts';

const graphologyRead = (text: string): Graph => graphologyParse(Graph, text, { addMissingNodes: true, allowUndeclaredAttributes: true });

/** Numbers as networkx-read.py prints them. */
const plain = (value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? (Number.isNaN(value) ? 'NaN' : value > 0 ? 'INF' : '-INF') : Array.isArray(value) ? value.map(plain) : value;

/** Compares our reading with networkx's: counts, direction, labels, positions, sizes, colours and every attribute networkx kept. */
function expectSameAsNetworkx(ours: Graph, theirs: NetworkxReading): void {
  expect(ours.order).toBe(Object.keys(theirs.nodes).length);
  expect(ours.size).toBe(theirs.edges.length);
  expect(ours.type).toBe(theirs.directed ? 'directed' : 'undirected');
  for (const [id, data] of Object.entries(theirs.nodes)) {
    const attributes = ours.getNodeAttributes(id);
    const { viz, label, ...rest } = data;
    expect(attributes.label, id).toBe(label);
    if (viz?.position) expect([attributes.x, attributes.y], id).toEqual([viz.position.x, viz.position.y]);
    else expect(attributes.x, id).toBeUndefined();
    if (viz?.size !== undefined) expect(attributes.size, id).toBe(viz.size);
    if (viz?.color) expect({ a: 1, ...parseColor(attributes.color as string) }, id).toEqual({ a: 1, ...viz.color });
    for (const [name, value] of Object.entries(rest)) {
      const mine = attributes[name];
      // networkx keeps time slices as [value, start, end] triples and spells as pairs; we keep objects with names.
      const comparable = Array.isArray(mine) && mine.every((item) => item && typeof item === 'object' && !Array.isArray(item))
        ? mine.map((item: Record<string, unknown>) => ('value' in item ? [item.value, item.start, item.end] : [item.start, item.end]))
        : mine;
      expect(plain(comparable), `${id}.${name}`).toEqual(value);
    }
  }
  for (const edge of theirs.edges) {
    const key = String(edge.data.id);
    expect(ours.extremities(key).sort(), key).toEqual([edge.source, edge.target].sort());
    if (theirs.directed) expect([ours.source(key), ours.target(key)]).toEqual([edge.source, edge.target]);
    const { id: _id, ...rest } = edge.data;
    for (const [name, value] of Object.entries(rest)) expect(plain(ours.getEdgeAttribute(key, name)), `${key}.${name}`).toEqual(value);
  }
}

/** Compares our reading with graphology-gexf's (what Gephi Lite uses): counts, direction, labels, positions, colours, attributes. */
function expectSameAsGraphology(ours: Graph, theirs: Graph, skip: ReadonlySet<string> = new Set()): void {
  expect(ours.order).toBe(theirs.order);
  expect(ours.size).toBe(theirs.size);
  expect(ours.nodes().sort()).toEqual(theirs.nodes().sort());
  theirs.forEachNode((node, attributes) => {
    for (const [name, value] of Object.entries(attributes)) {
      if (skip.has(name)) continue;
      if (name === 'color') expect(parseColor(ours.getNodeAttribute(node, 'color') as string), node).toEqual(parseColor(value as string));
      else expect(ours.getNodeAttribute(node, name), `${node}.${name}`).toEqual(value);
    }
  });
  theirs.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    const mine = ours.hasEdge(edge) ? edge : ours.findEdge((_key, _attributes, s, t) => s === source && t === target);
    expect(ours.extremities(mine!), edge).toEqual([source, target]);
    expect(mine, `${source}→${target}`).toBeDefined();
    expect(ours.isUndirected(mine!), edge).toBe(undirected);
    for (const [name, value] of Object.entries(attributes)) expect(ours.getEdgeAttribute(mine!, name), `${edge}.${name}`).toEqual(value);
  });
}

describe('fixtures in the shapes other tools write, read like those tools read them', () => {
  it('GEXF 1.1, directed (Gephi 0.8): as networkx 2.8 and graphology-gexf read it', () => {
    const text = readFixture('gephi-1.1-directed.gexf');
    const { graph, warnings } = readGexfWithWarnings(text);
    expect(warnings).toEqual([]);
    expectSameAsNetworkx(graph, networkxRead(DEBIAN_PYTHON, text, 'gexf', '1.1draft'));
    expectSameAsGraphology(graph, graphologyRead(text));
    expect(graph.getAttributes()).toEqual({ creator: 'Gephi 0.8', description: 'Peace operations and their host countries', lastModifiedDate: '2011-05-02' });
  });

  it('GEXF 1.2 dynamic (networkx): time slices, spells, start/end, INF/-INF/NaN kept, as networkx reads them', () => {
    const text = readFixture('networkx-1.2-dynamic.gexf');
    const { graph, warnings } = readGexfWithWarnings(text);
    expect(warnings).toEqual([]);
    expectSameAsNetworkx(graph, networkxRead(DEBIAN_PYTHON, text, 'gexf', '1.2draft'));
    expect(graph.getNodeAttribute('MINUSMA', 'troops')).toEqual([
      { value: 11000, start: 2013, end: 2016 },
      { value: 13000, start: 2016, end: 2023 },
    ]);
    expect(graph.getNodeAttribute('Mali', 'spells')).toEqual([{ start: 2013, end: 2015 }, { start: 2018, end: 2023 }]);
    expect(graph.getAttribute('mode')).toBe('dynamic');
  });

  it('GEXF 1.2 mixed (Gephi 0.9): directed and undirected edges kept, as graphology-gexf reads them', () => {
    const text = readFixture('gephi-1.2.gexf');
    const graph = readGexf(text);
    expect(graph.type).toBe('mixed');
    const theirs = graphologyRead(text);
    // graphology names an attribute by its id unless the id is a number; Gephi and we name it by its title.
    theirs.forEachNode((node, attributes) => {
      if ('modularity_class' in attributes) theirs.setNodeAttribute(node, 'Modularity Class', theirs.getNodeAttribute(node, 'modularity_class')).removeNodeAttribute(node, 'modularity_class');
    });
    expectSameAsGraphology(graph, theirs, new Set(['Years']));
    // graphology reads listint items as numbers too; only the 1.2 `a|b` form differs in nothing but type.
    expect(graph.getNodeAttribute('0', 'Years')).toEqual([2010, 2024]);
  });

  it('GEXF 1.3 (graphology / Gephi Lite): #rgb and #rrggbbaa colours, liststring, partial viz, as graphology-gexf reads them', () => {
    const text = readFixture('graphology-1.3.gexf');
    const { graph, warnings } = readGexfWithWarnings(text);
    expect(warnings).toEqual([]);
    expectSameAsGraphology(graph, graphologyRead(text));
    expect(graph.getNodeAttribute('lebanon', 'color')).toBe('rgba(42,157,143,0.502)');
    expect(graph.getNodeAttribute('undof', 'color')).toBe('#ff8800');
    expect(graph.getNodeAttribute('unifil', 'aliases')).toEqual(['UNIFIL', 'the Force, in Naqoura']);
    expect(graph.hasNodeAttribute('undof', 'x')).toBe(false);
  });

  it('what Gephi Lite opens and we used to refuse: nested nodes, "null", undeclared attributes, loose attvalues, shapes, id clashes, missing nodes; each listed', () => {
    const text = readFixture('tolerated-1.3.gexf');
    const { graph, warnings } = readGexfWithWarnings(text);
    const theirs = graphologyRead(text);
    expect(graph.order).toBe(theirs.order);
    expect(graph.size).toBe(theirs.size);
    expect(graph.nodes().sort()).toEqual(theirs.nodes().sort());
    expect(graph.type).toBe('directed');
    expect(graph.getNodeAttributes('dpo')).toEqual({ label: 'Department of Peace Operations', shape: 'square', status: 'null' });
    expect(graph.getNodeAttributes('oroli')).toEqual({ label: 'Office of Rule of Law', pid: 'dpo', status: 'active' });
    expect(graph.getNodeAttributes('oma')).toEqual({ label: 'Office of Military Affairs', pid: 'dpo', budget: 1.5e6, region: 'global' });
    expect(graph.getNodeAttributes('unmiss')).toEqual({});
    // The edge without an id does not take "e0", which another edge is named.
    expect(graph.extremities('e0')).toEqual(['dpo', 'oma']);
    expect(graph.edges().sort()).toEqual(['e0', 'e0_', 'e2']);
    expect(graph.getAttributes()).toEqual({ creator: 'Gephi 0.10.1', keywords: 'peacekeeping, hierarchy', lastModifiedDate: '2025-06-30' });
    const report = warnings.join('\n');
    for (const expected of [
      /"null" or empty double values read as missing \(node "dpo", attribute "budget"\)/,
      /attvalue elements outside <attvalues> were read as if inside \(node "oroli"\)/,
      /node attribute "region" is not declared; kept as text \(node "oma"\)/,
      /2 nodes nested in other nodes were read as nodes of the graph, with their parent in "pid"/,
      /edges to nodes the file does not have: the nodes were added \(as Gephi does\) \(edge #3 → "unmiss"\)/,
    ]) expect(report).toMatch(expected);
    expect(warnings).toHaveLength(5);
  });

  it('refuses nothing of what the defects listed: partial viz, bad colours, INF positions and NaN weights are listed instead', () => {
    const text = `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph><nodes>
<node id="a"><viz:position x="1" y="2"/><viz:color r="300" g="0" b="0"/></node><node id="b"><viz:position x="INF" y="2"/></node><node id="c"/>
</nodes><edges><edge id="e" source="a" target="b" weight="NaN"/></edges></graph></gexf>`;
    const { graph, warnings } = readGexfWithWarnings(text);
    expect(graph.getNodeAttributes('a')).toEqual({ x: 1, y: 2 });
    expect(graph.getNodeAttributes('b')).toEqual({});
    expect(graph.getEdgeAttributes('e')).toEqual({});
    expect(warnings).toHaveLength(3);
  });
});

describe('our GEXF, read by the tools people use', () => {
  const graph = analysedSample();
  const relationEdges = graph.filterEdges((_edge, attributes) => attributes.kind !== 'co-mention');

  it('has relation edges to test with', () => expect(relationEdges.length).toBeGreaterThan(0));

  it('GEXF 1.2 (the default) opens in Debian\'s networkx 2.8 with every edge, weight > 0 or none, and kind as an attribute', () => {
    const text = writeGexf(graph);
    expect(text).toContain('xmlns="http://www.gexf.net/1.2draft"');
    const theirs = networkxRead(DEBIAN_PYTHON, text, 'gexf', '1.2draft');
    expect(theirs.networkx).toMatch(/^2\.8/);
    expect([Object.keys(theirs.nodes).length, theirs.edges.length]).toEqual([graph.order, graph.size]);
    for (const edge of theirs.edges) {
      const ours = graph.getEdgeAttributes(String(edge.data.id));
      expect(edge.data.kind).toBe(ours.kind);
      // No weight is 1 for Gephi; a weight of 0 would make Gephi drop the edge.
      if (edge.data.weight !== undefined) expect(edge.data.weight).toBeGreaterThan(0);
      else expect(ours.kind).not.toBe('co-mention');
    }
    expect(theirs.nodes['mission:monusco']!.aliases).toBe("MONUSCO|MONUSCO's");
  });

  it('GEXF 1.3 opens in networkx 3 with the same counts and kinds', () => {
    const theirs = networkxRead('python3', writeGexf(graph, { version: '1.3' }), 'gexf', '1.3');
    expect(Number(theirs.networkx.split('.')[0])).toBeGreaterThanOrEqual(3);
    expect([Object.keys(theirs.nodes).length, theirs.edges.length]).toEqual([graph.order, graph.size]);
    expect(theirs.edges.filter((edge) => edge.data.kind !== 'co-mention')).toHaveLength(relationEdges.length);
  });

  it.each(['1.2', '1.3'] as const)('a Gephi Lite round trip (graphology-gexf parse, then write) of GEXF %s reopens here with nothing lost', (version) => {
    const text = writeGexf(graph, { version });
    const resaved = graphologyWrite(graphologyParse(Graph, text, { addMissingNodes: true, allowUndeclaredAttributes: true }), { version });
    const { graph: back, warnings } = readGexfWithWarnings(resaved);
    expect(warnings).toEqual([]);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    let aliases = 0;
    let facts = 0;
    let evidence = 0;
    graph.forEachNode((node, attributes) => {
      const mine = back.getNodeAttributes(node);
      expect(mine.aliases, node).toEqual(attributes.aliases);
      expect(mine.facts, node).toEqual(attributes.facts);
      expect(mine.type, node).toBe(attributes.type);
      expect(parseColor(String(mine.color)), node).toEqual(parseColor(String(attributes.color)));
      expect([mine.x, mine.y], node).toEqual([attributes.x, attributes.y]);
      if (attributes.aliases.length > 0) aliases += 1;
      if (attributes.facts) facts += 1;
    });
    graph.forEachEdge((edge, attributes) => {
      const mine = back.getEdgeAttributes(edge);
      expect(mine.kind, edge).toBe(attributes.kind);
      expect(mine.evidence, edge).toEqual(attributes.evidence);
      if (attributes.evidence) evidence += 1;
    });
    expect([aliases, facts, evidence].every((count) => count > 0)).toBe(true);
  });

  it('writes creator, description with the tool and extractor versions, and lastmodifieddate in the meta', () => {
    const text = writeGexf(graph, { toolVersion: 'missiongraph 0.1.0', extractorVersion: '@missiongraph/extract 0.1.0', lastModifiedDate: '2026-12-01' });
    const meta = readGexf(text).getAttributes();
    expect(meta.creator).toBe('missiongraph 0.1.0');
    expect(meta.description).toMatch(/^Entities co-mentioned in \d+ documents, \d+ sentences; made by missiongraph 0\.1\.0, extractor @missiongraph\/extract 0\.1\.0\./);
    expect(meta.lastModifiedDate).toBe('2026-12-01');
  });
});
