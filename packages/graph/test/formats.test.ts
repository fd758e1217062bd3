// Every export against committed golden files, round trips (GEXF, graph.json), and the outside
// readers of check-gexf (xmllint, the GEXF 1.3 schema, networkx, igraph) on normal and hostile graphs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '@missiongraph/extract';
import {
  analyzeGraph,
  buildGraph,
  fromGraphJson,
  readGexf,
  toGraphJson,
  writeEdgesCsv,
  writeEvidenceJsonl,
  writeGexf,
  writeGraphml,
  writeNodesCsv,
} from '../src/index.ts';
import type { MissionGraph } from '../src/index.ts';
import { analysedSample, expectGolden, parseCsv, testDir, xmlError } from './helpers.ts';

/** The project's outside readers, beside the clone (../shared): a path relative to the project, never an absolute one. */
const CHECK_GEXF = path.resolve(testDir, '../../../../shared/tools/check-gexf');
const tempDir = mkdtempSync(path.join(tmpdir(), 'missiongraph-graph-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const writers = {
  'graph.json': toGraphJson,
  'graph.gexf': writeGexf,
  'graph.graphml': writeGraphml,
  'nodes.csv': writeNodesCsv,
  'edges.csv': writeEdgesCsv,
  'evidence.jsonl': writeEvidenceJsonl,
} as const;

/** A corpus whose labels, aliases, sentences, speakers and ids are made to break writers. */
function hostileCorpus(): DocumentExtraction[] {
  let controls = '';
  for (let code = 0; code < 32; code += 1) controls += String.fromCharCode(code);
  const labels = [`&<>"'`, '<script>alert(1)</script>', `${controls}\u007f\ufffe\uffff`, 'lone \ud800 high', 'lone \udc00 low', 'emoji 👩🏽‍🚀 🇨🇩', ' tabs\t\tand  spaces ', ']]>', '\u202e\u200b'];
  const id = (index: number): string => `person:${index}-${labels[index]}`;
  return [
    {
      document: { id: 'hostile <&> "doc".txt', format: 'transcript', sentenceCount: 1, characters: 100, speakers: [controls] },
      sentences: [{ index: 0, text: labels.join(' | '), speaker: `${controls}<b>`, time: '\ud800' }],
      entities: labels.map((label, index) => ({ id: id(index), label, type: 'person', aliases: [label, `${label},|"`], mentions: 1, facts: { note: label } })),
      mentions: labels.map((label, index) => ({ entity: id(index), sentence: 0, start: 0, end: 1, surface: label })),
      coMentions: labels.slice(1).map((_label, index) => ({ source: id(0), target: id(index + 1), sentence: 0 })),
      warnings: [],
    },
  ];
}

function checkGexf(name: string, gexf: string, graphml: string): string {
  expect(existsSync(CHECK_GEXF), `${CHECK_GEXF} is missing: the tests need the project's shared folder beside the clone (../shared)`).toBe(true);
  const gexfFile = path.join(tempDir, `${name}.gexf`);
  const graphmlFile = path.join(tempDir, `${name}.graphml`);
  writeFileSync(gexfFile, gexf);
  writeFileSync(graphmlFile, graphml);
  const run = spawnSync(CHECK_GEXF, [gexfFile, graphmlFile], { encoding: 'utf8' });
  expect(run.status, `check-gexf refused ${name}:\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

describe('exports', () => {
  const graph = analysedSample();

  it.each(Object.keys(writers) as (keyof typeof writers)[])('%s matches its golden file', (name) => {
    expectGolden(name, writers[name](graph));
  });

  it('writes the same bytes for a graph built and analysed twice', () => {
    const again = analysedSample();
    for (const write of Object.values(writers)) expect(write(again)).toBe(write(graph));
  });

  it.each(['1.2', '1.3'] as const)('GEXF %s reads back to the same attributes, weights, colours and positions', (version) => {
    const back = readGexf(writeGexf(graph, { version }));
    expect(back.nodes()).toEqual(graph.nodes());
    graph.forEachNode((node, attributes) => expect(back.getNodeAttributes(node), node).toEqual({ ...attributes }));
    expect(back.edges()).toEqual(graph.edges());
    graph.forEachEdge((edge, attributes, source, target) => {
      // Relation edges (weight 0) are written without a weight, which Gephi would otherwise drop them for.
      const { weight, ...rest } = attributes;
      expect(back.getEdgeAttributes(edge), edge).toEqual(weight === 0 ? rest : { ...attributes });
      expect(back.extremities(edge)).toEqual([source, target]);
    });
    expect(writeGexf(back, { version })).toBe(writeGexf(graph, { version }));
  });

  it('relation edges: weight left out, kind both as the edge kind and as an attribute, direction as source → target and from/to', () => {
    const gexf = writeGexf(graph);
    const line = gexf.split('\n').findIndex((text) => text.includes('id="rel:host-country:mission:monusco|country:cod"'));
    const edge = gexf.split('\n').slice(line, line + 6).join('\n');
    expect(edge).toMatch(/^ *<edge id="rel:host-country:mission:monusco\|country:cod" source="mission:monusco" target="country:cod" kind="host-country" label="host-country">/);
    expect(edge).not.toContain('weight');
    expect(edge).toContain('<attvalue for="kind" value="host-country"/>');
    expect(edge).toContain('<attvalue for="from" value="mission:monusco"/>');
    expect(writeGraphml(graph)).not.toMatch(/<edge id="rel:[^"]*"[^>]*>\n(?: *<data key="e\d+">[^<]*<\/data>\n)*? *<data key="e\d+">0<\/data>/);
  });

  it('evidenceLimit keeps the first N sentences per edge in GEXF and GraphML; without it, all', () => {
    const edge = graph.findEdge((_edge, attributes) => (attributes.evidence?.length ?? 0) >= 2)!;
    const all = graph.getEdgeAttribute(edge, 'evidence')!;
    expect(readGexf(writeGexf(graph)).getEdgeAttribute(edge, 'evidence')).toEqual(all);
    expect(readGexf(writeGexf(graph, { evidenceLimit: 1 })).getEdgeAttribute(edge, 'evidence')).toEqual(all.slice(0, 1));
    const graphml = writeGraphml(graph, { evidenceLimit: 1 });
    expect(graphml.split(all[1]!.text.slice(0, 40).replace(/&/g, '&amp;')).length).toBeLessThan(writeGraphml(graph).split(all[1]!.text.slice(0, 40).replace(/&/g, '&amp;')).length);
  });

  it('graph.json reads back to the same graph and the same bytes', () => {
    const text = toGraphJson(graph);
    const back = fromGraphJson(text);
    expect(back.type).toBe('undirected');
    expect(back.multi).toBe(true);
    expect(toGraphJson(back)).toBe(text);
  });

  it('graph.json keeps each evidence sentence once, and reading it gives every edge its evidence back', () => {
    const text = toGraphJson(graph);
    const shared = 'The Security Council and the African Union back MINUSCA; so does MONUSCO\'s leadership.';
    const citing = graph.filterEdges((_edge, attributes) => (attributes.evidence ?? []).some((item) => item.text === shared));
    expect(citing.length).toBeGreaterThan(1);
    expect(text.split(shared).length - 1).toBe(1);
    const back = fromGraphJson(text);
    expect(back.getAttributes()).toEqual(graph.getAttributes());
    graph.forEachEdge((edge, attributes) => expect(back.getEdgeAttributes(edge), edge).toEqual({ ...attributes }));
  });

  it('graph.json carries evidence inline when it cannot be shared, and still round-trips', () => {
    const rows: [string, (copy: MissionGraph) => void][] = [
      ['an evidence item with a field of its own', (copy) => copy.updateEdgeAttribute(copy.edges()[0]!, 'evidence', (items) => [{ ...items![0]!, note: 'x' } as never])],
      ['one sentence with two texts', (copy) => copy.updateEdgeAttribute(copy.edges()[0]!, 'evidence', (items) => [{ ...items![0]!, text: 'changed' }])],
    ];
    for (const [name, change] of rows) {
      const copy = graph.copy() as MissionGraph;
      copy.forEachEdge((edge, attributes) => copy.setEdgeAttribute(edge, 'evidence', attributes.evidence?.map((item) => ({ ...item }))));
      change(copy);
      const text = toGraphJson(copy);
      expect(text, name).not.toContain('"evidenceSentences"');
      const back = fromGraphJson(text);
      copy.forEachEdge((edge, attributes) => expect(back.getEdgeAttributes(edge), `${name}: ${edge}`).toEqual({ ...attributes }));
      expect(toGraphJson(back), name).toBe(text);
    }
  });

  it('fromGraphJson refuses evidence that cites a sentence the table does not hold', () => {
    const good = JSON.parse(toGraphJson(graph)) as { attributes: Record<string, unknown>; edges: { attributes: { evidence?: string[] } }[] };
    const cited = structuredClone(good);
    cited.edges[0]!.attributes.evidence = ['9:99'];
    expect(() => fromGraphJson(JSON.stringify(cited))).toThrow(/^graph\/fromGraphJson: edge "[^"]+" cites evidence sentence "9:99", which is not in "evidenceSentences"$/);
    const damaged = structuredClone(good);
    (damaged.attributes.evidenceSentences as Record<string, unknown>)['0:0'] = { document: 'a.txt', sentence: -1, text: 'x' };
    expect(() => fromGraphJson(JSON.stringify(damaged))).toThrow(/^graph\/fromGraphJson: evidence sentence "0:0" must be/);
  });

  it('fromGraphJson refuses broken files with one clear error', () => {
    const good = JSON.parse(toGraphJson(graph)) as { nodes: unknown[]; edges: { source: string }[] };
    const rows: [string, string, RegExp][] = [
      ['not JSON', '{"nodes": [', /not JSON/],
      ['no nodes', '{}', /"nodes" must be an array/],
      ['duplicate node', JSON.stringify({ nodes: [{ key: 'a' }, { key: 'a' }], edges: [] }), /node "a" appears twice/],
      ['edge to a missing node', JSON.stringify({ ...good, edges: [{ ...good.edges[0], source: 'ghost' }] }), /starts at missing node "ghost"/],
      ['__proto__ attribute', '{"nodes":[{"key":"a","attributes":{"__proto__":{"x":1}}}],"edges":[]}', /attribute name "__proto__" is not allowed/],
      ['x that is not a number', JSON.stringify({ nodes: [{ key: 'a', attributes: { x: 'left' } }] }), /node "a": attribute "x" must be a number/],
      ['unknown type', JSON.stringify({ options: { type: 'hyper' }, nodes: [] }), /unknown graph type "hyper"/],
    ];
    for (const [name, text, message] of rows) {
      expect(() => fromGraphJson(text), name).toThrow(message);
      expect(() => fromGraphJson(text), name).toThrow(/^graph\/fromGraphJson: /);
    }
  });

  it('CSV files are RFC 4180: CRLF rows of equal width, quoted fields read back', () => {
    for (const text of [writeNodesCsv(graph), writeEdgesCsv(graph)]) {
      expect(text.endsWith('\r\n')).toBe(true);
      const rows = parseCsv(text);
      expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    }
    const nodes = parseCsv(writeNodesCsv(graph));
    const header = nodes[0]!;
    const monusco = nodes.find((row) => row[0] === 'mission:monusco')!;
    expect(monusco[header.indexOf('aliases')]).toBe("MONUSCO|MONUSCO's");
    expect(JSON.parse(monusco[header.indexOf('facts')]!)).toEqual(graph.getNodeAttribute('mission:monusco', 'facts'));
    // evidence.jsonl: one line per evidence sentence, naming the edges it supports; every piece of evidence once.
    const evidenceLines = writeEvidenceJsonl(graph).trimEnd().split('\n').map((line) => JSON.parse(line) as { document: string; sentence: number; text: string; edges: string[] });
    const total = graph.reduceEdges((sum, _edge, attributes) => sum + (attributes.evidence?.length ?? 0), 0);
    expect(evidenceLines.reduce((sum, line) => sum + line.edges.length, 0)).toBe(total);
    expect(new Set(evidenceLines.map((line) => `${line.document}\u0000${line.sentence}`)).size).toBe(evidenceLines.length);
    const pieces = new Set(evidenceLines.flatMap((line) => line.edges.map((edge) => `${edge}\u0000${line.document}\u0000${line.sentence}\u0000${line.text}`)));
    graph.forEachEdge((edge, attributes) => {
      for (const item of attributes.evidence ?? []) expect(pieces.has(`${edge}\u0000${item.document}\u0000${item.sentence}\u0000${item.text}`)).toBe(true);
    });
  });
});

describe('outside readers (check-gexf)', () => {
  it('accept the sample graph', () => {
    const graph = analysedSample();
    const report = checkGexf('sample', writeGexf(graph, { version: '1.3' }), writeGraphml(graph));
    expect(report).toContain(`networkx: ok (MultiGraph, ${graph.order} nodes, ${graph.size} edges, ${graph.order} nodes with viz`);
    expect(report).toContain(`igraph GraphML: ok (${graph.order} nodes, ${graph.size} edges`);
  });

  it('accept a graph of hostile labels, and our reader gets every well-formed string back', () => {
    const graph = buildGraph(hostileCorpus());
    graph.setAttribute('description' as never, '\u0001<desc>&' as never);
    analyzeGraph(graph);
    const gexf = writeGexf(graph, { version: '1.3' });
    expect(xmlError(gexf)).toBeUndefined();
    expect(xmlError(writeGraphml(graph))).toBeUndefined();
    const report = checkGexf('hostile', gexf, writeGraphml(graph));
    expect(report).toContain(`${graph.order} nodes, ${graph.size} edges`);
    const back = readGexf(gexf);
    expect(back.getNodeAttribute(graph.nodes()[0]!, 'label')).toBe(`&<>"'`);
    expect(back.findNode((_node, attributes) => attributes.label === ' tabs\t\tand  spaces ')).toBeDefined();
    expect(back.findNode((_node, attributes) => attributes.label === 'emoji 👩🏽‍🚀 🇨🇩')).toBeDefined();
    expect(back.findNode((_node, attributes) => attributes.label === 'lone \ufffd high')).toBeDefined();
  });
});

describe('XML exports within libxml2 limits (issue 16, defect 6)', () => {
  it('a 5 MB one-line sentence: no attribute or text node over 10 MB, and xmllint reads both files without --huge', () => {
    const sentence = `MONUSCO and UNMISS ${'met again '.repeat(1_200_000)}.`;
    const corpus: DocumentExtraction[] = [
      {
        document: { id: 'one-line.txt', format: 'transcript', sentenceCount: 1, characters: sentence.length, speakers: [] },
        sentences: [{ index: 0, text: sentence }],
        entities: ['monusco', 'unmiss', 'minusca'].map((slug) => ({ id: `mission:${slug}`, label: slug.toUpperCase(), type: 'mission', aliases: [slug.toUpperCase()], mentions: 1 })),
        mentions: [],
        coMentions: [
          { source: 'mission:monusco', target: 'mission:unmiss', sentence: 0 },
          { source: 'mission:monusco', target: 'mission:minusca', sentence: 0 },
        ],
        warnings: [],
      },
    ];
    const graph = buildGraph(corpus);
    for (const [name, text] of [
      ['huge.gexf', writeGexf(graph, { version: '1.3' })],
      ['huge.graphml', writeGraphml(graph)],
    ] as const) {
      const file = path.join(tempDir, name);
      writeFileSync(file, text);
      const run = spawnSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8' });
      if (run.error) throw new Error(`xmllint is missing (apt-get install -y libxml2-utils, or scripts/ensure-tools.sh --test): ${run.error.message}`);
      expect(run.status, `${name}: ${run.stderr.slice(0, 300)}`).toBe(0);
      expect(text).toContain('"truncated":true');
    }
    const back = readGexf(writeGexf(graph)).getEdgeAttribute('co:mission:monusco|mission:unmiss', 'evidence') as { text: string; truncated?: boolean }[];
    expect(back[0]!.truncated).toBe(true);
    expect(back[0]!.text.length).toBeLessThan(1_000_001);
  });
});
