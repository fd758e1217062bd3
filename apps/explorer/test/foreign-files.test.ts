// Files the explorer did not write, opened as they are (in Node, without a browser): GraphML, GEXF with
// direction, translucent colours and attributes of its own, ids graphology trips over; re-export adds nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readGexf } from '@missiongraph/graph';
import { describe, expect, it } from 'vitest';
import { graphFromGexf, graphToGexf } from '../src/gexf.ts';
import { graphFromSerialised, graphToSerialised } from '../src/graph-model.ts';
import { classifyFile } from '../src/io.ts';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../packages/graph/test/fixtures/${name}`, import.meta.url)), 'utf8');
const everything = { nodes: { has: () => true }, edges: { has: () => true } } as never;

describe('foreign graph files in the explorer', () => {
  it('opens GraphML (Gephi\'s shape): labels, positions, colours and Modularity Class as the community', () => {
    expect(classifyFile('airports.graphml')).toBe('gexf');
    const { graph, notes } = graphFromGexf(fixture('gephi-undirected.graphml'), 'gephi.graphml');
    expect(notes).toEqual([]);
    expect(graph.getNodeAttributes('0')).toMatchObject({ label: 'MINUSCA', x: -12.5, y: 40.25, size: 10, color: '#1f5fbf', community: 0, fileAttributes: { 'Modularity Class': 0 } });
  });

  it('keeps direction as from/to (drawn as arrows, see arrows.test.ts); lists what the reader repaired', () => {
    const { graph, notes } = graphFromGexf(fixture('tolerated-1.3.gexf'), 'tolerated.gexf');
    expect(graph.order).toBe(4);
    const edge = graph.findEdge((_key, attributes) => attributes.to === 'unmiss')!;
    expect(graph.getEdgeAttributes(edge)).toMatchObject({ from: 'oma', to: 'unmiss' });
    expect(notes.join('\n')).not.toMatch(/without arrows/);
    graph.forEachEdge((_key, attributes, source, target) => expect([attributes.from, attributes.to]).toEqual([source, target]));
    expect(notes.join('\n')).toMatch(/nodes nested in other nodes/);
  });

  it('keeps translucent colours, a category as the type, and the file\'s attributes; re-export invents none of our fields', () => {
    const { graph } = graphFromGexf(fixture('graphology-1.3.gexf'), 'lite.gexf');
    expect(graph.getNodeAttributes('lebanon')).toMatchObject({ color: 'rgba(42,157,143,0.502)', type: 'country', fileAttributes: { category: 'country', 'Modularity Class': 0 } });
    const back = readGexf(graphToGexf(graph, everything));
    expect(back.getNodeAttributes('undof')).toEqual({ label: 'UNDOF', type: 'mission', category: 'mission', 'Modularity Class': 1, community: 1, color: '#ff8800', size: expect.any(Number) as number, x: expect.any(Number) as number, y: expect.any(Number) as number });
    expect(back.getNodeAttribute('lebanon', 'color')).toBe('rgba(42,157,143,0.502)');
  });

  it('holds nodes named toString and hasOwnProperty joined by a link (defect 28)', () => {
    const report = graphFromSerialised(
      { nodes: [{ key: 'toString', attributes: { label: 'a' } }, { key: 'hasOwnProperty', attributes: { label: 'b' } }], edges: [{ source: 'toString', target: 'hasOwnProperty', attributes: { weight: 2 } }] },
      'odd.json',
    );
    expect(report.graph.order).toBe(2);
    expect(report.graph.size).toBe(1);
    expect(report.graph.neighbors('toString_')).toEqual(['hasOwnProperty_']);
    expect(report.notes.join()).toMatch(/"toString" as "toString_"/);
    expect((graphToSerialised(report.graph) as { edges: unknown[] }).edges).toHaveLength(1);
    const gexf = graphFromGexf('<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="toString"/><node id="valueOf"/></nodes><edges><edge source="toString" target="valueOf"/></edges></graph></gexf>', 'odd.gexf');
    expect(gexf.graph.size).toBe(1);
  });
});
