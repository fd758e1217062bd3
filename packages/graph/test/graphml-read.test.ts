// readGraphml: our fixtures in the shapes networkx and Gephi write, compared with networkx's reading of the same
// files; our own GraphML read back; broken and hostile files refused with one line, what was dropped listed.
import { describe, expect, it } from 'vitest';
import { readGraphml, readGraphmlWithWarnings, writeGraphml } from '../src/index.ts';
import { networkxRead } from './outside-readers.ts';
import { analysedSample, readFixture } from './helpers.ts';

describe('readGraphml', () => {
  it('reads networkx\'s GraphML (directed, parallel edges, typed keys, defaults) as networkx does', () => {
    const text = readFixture('networkx-directed.graphml');
    const { graph, warnings } = readGraphmlWithWarnings(text);
    expect(warnings).toEqual([]);
    const theirs = networkxRead('/usr/bin/python3', text, 'graphml');
    expect(graph.type).toBe('directed');
    expect([graph.order, graph.size]).toEqual([Object.keys(theirs.nodes).length, theirs.edges.length]);
    for (const [id, data] of Object.entries(theirs.nodes)) for (const [name, value] of Object.entries(data)) expect(graph.getNodeAttribute(id, name), `${id}.${name}`).toEqual(value);
    for (const edge of theirs.edges) {
      expect([graph.source(edge.key!), graph.target(edge.key!)]).toEqual([edge.source, edge.target]);
      expect(graph.getEdgeAttributes(edge.key!)).toEqual(edge.data);
    }
    // GraphML defaults apply to nodes without the value (networkx keeps them in graph["node_default"] only).
    expect(graph.getNodeAttribute('UNMISS', 'category')).toBe('mission');
    expect(theirs.graph.node_default).toEqual({ category: 'mission' });
  });

  it('reads Gephi\'s GraphML (r/g/b become one colour; x, y, size as numbers) as networkx does', () => {
    const text = readFixture('gephi-undirected.graphml');
    const graph = readGraphml(text);
    const theirs = networkxRead('/usr/bin/python3', text, 'graphml');
    expect(graph.type).toBe('undirected');
    expect([graph.order, graph.size]).toEqual([2, 1]);
    for (const [id, data] of Object.entries(theirs.nodes)) {
      const { r, g, b, ...rest } = data as Record<string, number>;
      expect(graph.getNodeAttributes(id)).toEqual({ ...rest, color: `#${[r, g, b].map((channel) => channel!.toString(16).padStart(2, '0')).join('')}` });
    }
    expect(graph.getEdgeAttributes('0')).toEqual({ weight: 3, 'Edge Label': 'hosts' });
  });

  it('reads our own GraphML back to the same graph (JSON attributes parsed)', () => {
    const graph = analysedSample();
    const back = readGraphml(writeGraphml(graph));
    expect(back.nodes()).toEqual(graph.nodes());
    graph.forEachNode((node, attributes) => expect(back.getNodeAttributes(node), node).toEqual({ ...attributes }));
    graph.forEachEdge((edge, attributes) => {
      const { weight, ...rest } = attributes;
      expect(back.getEdgeAttributes(edge), edge).toEqual(weight === 0 ? rest : { ...attributes });
    });
  });

  it('refuses what is not GraphML with one line, and lists what it could not read', () => {
    const rows: [string, RegExp][] = [
      ['<gexf xmlns="http://gexf.net/1.3"><graph/></gexf>', /this is a GEXF file, not GraphML/],
      ['<graphml><graph>', /truncated/],
      ['<!DOCTYPE x [<!ENTITY a "b">]><graphml/>', /DOCTYPE/],
      ['plain text', /not XML/],
    ];
    for (const [text, message] of rows) expect(() => readGraphml(text)).toThrow(message);
    const { graph, warnings } = readGraphmlWithWarnings(
      '<graphml><key id="k" for="node" attr.name="x" attr.type="string"/><graph edgedefault="undirected"><node id="toString"><data key="k">left</data></node><node id="b"/><edge source="toString" target="ghost"/><hyperedge/></graph></graphml>',
    );
    expect(graph.nodes()).toEqual(['toString_', 'b', 'ghost']);
    expect(graph.getNodeAttributes('toString_')).toEqual({ 'x (attribute)': 'left', originalId: 'toString' });
    expect(warnings).toHaveLength(4);
  });
});
