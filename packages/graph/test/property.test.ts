// Property tests: any strings (full Unicode, lone surrogates, controls) as ids, labels and
// attribute values give well-formed GEXF and GraphML, GEXF that reads back, and CSV that round-trips.
import fc from 'fast-check';
import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { fromGraphJson, readGexf, toGraphJson, writeEdgesCsv, writeGexf, writeGraphml, writeNodesCsv } from '../src/index.ts';
import { parseXmlStrict, type XmlNode } from '../src/xml-tree.ts';
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

/** A string as a CSV cell: well-formed, controls other than tab/LF/CR as U+FFFD, a `'` in front of formula-like text. */
const csvText = (text: string): string => {
  const clean = wellFormedText(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd');
  return /^'*[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
};

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

  it('keep JSON values (lists of any strings) exact in GEXF and GraphML, however they are quoted', () => {
    const lists = fc.array(fc.array(anyString, { maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(lists, (values) => {
        const graph = new MultiUndirectedGraph();
        values.forEach((list, index) => graph.addNode(`n${index}`, { aliases: list }));
        const back = readGexf(writeGexf(graph));
        // JSON escapes controls and lone surrogates, so only U+FFFE and U+FFFF (not XML characters) change, to U+FFFD.
        const xmlSafe = (text: string): string => text.replace(/[\ufffe\uffff]/g, '\ufffd');
        values.forEach((list, index) => expect(back.getNodeAttribute(`n${index}`, 'aliases')).toEqual(list.map(xmlSafe)));
        // GraphML: every <data> text, read by a strict XML parser, is the JSON of the list.
        const texts: string[] = [];
        const collect = (node: XmlNode): void => {
          if (node.nodeName === 'data') texts.push(node.textContent ?? '');
          for (let child = 0; child < node.childNodes.length; child += 1) collect(node.childNodes[child]!);
        };
        collect(parseXmlStrict(writeGraphml(graph)).documentElement!);
        expect(texts).toEqual(values.map((list) => xmlSafe(JSON.stringify(list))));
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it('write CSV that parses back to the same fields (lone surrogates as U+FFFD)', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const rows = parseCsv(writeNodesCsv(graph));
        expect(rows).toHaveLength(graph.order + 1);
        const labelColumn = rows[0]!.indexOf('label');
        graph.nodes().forEach((node, index) => {
          expect(rows[index + 1]![0]).toBe(csvText(node));
          expect(rows[index + 1]![labelColumn]).toBe(csvText(graph.getNodeAttribute(node, 'label') as string));
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
