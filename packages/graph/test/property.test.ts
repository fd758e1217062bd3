// Property tests: any strings (full Unicode, lone surrogates, controls) as ids, labels and
// attribute values give well-formed GEXF and GraphML, GEXF that reads back, and CSV that round-trips.
import fc from 'fast-check';
import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { fromGraphJson, readGexf, toGraphJson, writeEdgesCsv, writeGexf, writeGraphml, writeNodesCsv } from '../src/index.ts';
import { parseCsv, xmlError } from './helpers.ts';

/** Strings from every corner: ASCII with controls, full Unicode, and arbitrary UTF-16 code units (lone surrogates). */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
);
const anyValue = fc.oneof(anyString, fc.double(), fc.integer(), fc.boolean(), fc.array(anyString, { maxLength: 3 }), fc.dictionary(anyString, anyString, { maxKeys: 3 }));

const graphs = fc
  .record({
    nodes: fc.uniqueArray(anyString, { minLength: 1, maxLength: 6 }),
    labels: fc.array(anyString, { minLength: 6, maxLength: 6 }),
    values: fc.array(anyValue, { minLength: 6, maxLength: 6 }),
    names: fc.array(anyString.filter((name) => !['__proto__', 'constructor', 'prototype'].includes(name)), { minLength: 2, maxLength: 2 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), anyValue), { maxLength: 8 }),
    description: anyString,
  })
  .map(({ nodes, labels, values, names, edges, description }) => {
    const graph = new MultiUndirectedGraph({ allowSelfLoops: true });
    graph.setAttribute('description', description);
    nodes.forEach((node, index) => graph.addNode(node, { label: labels[index]!, [names[0]!]: values[index], color: '#336699', x: index, y: -index }));
    edges.forEach(([a, b, value]) => graph.addEdge(nodes[a % nodes.length]!, nodes[b % nodes.length]!, { weight: 1, [names[1]!]: value }));
    return graph;
  });

const wellFormedText = (text: string): string => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('writers on any strings', () => {
  it('write well-formed GEXF and GraphML, and GEXF that readGexf accepts', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const gexf = writeGexf(graph);
        expect(xmlError(gexf)).toBeUndefined();
        expect(xmlError(writeGraphml(graph))).toBeUndefined();
        const back = readGexf(gexf);
        expect([back.order, back.size]).toEqual([graph.order, graph.size]);
      }),
      { numRuns: 200, seed: 20240611 },
    );
  });

  it('write CSV that parses back to the same fields (lone surrogates as U+FFFD)', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const rows = parseCsv(writeNodesCsv(graph));
        expect(rows).toHaveLength(graph.order + 1);
        const labelColumn = rows[0]!.indexOf('label');
        graph.nodes().forEach((node, index) => {
          expect(rows[index + 1]![0]).toBe(wellFormedText(node));
          expect(rows[index + 1]![labelColumn]).toBe(wellFormedText(graph.getNodeAttribute(node, 'label') as string));
        });
        expect(parseCsv(writeEdgesCsv(graph))).toHaveLength(graph.size + 1);
      }),
      { numRuns: 200, seed: 20240612 },
    );
  });

  it('write graph.json that reads back to the same bytes', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const text = toGraphJson(graph);
        expect(toGraphJson(fromGraphJson(text))).toBe(text);
      }),
      { numRuns: 100, seed: 20240613 },
    );
  });
});
