// Dynamic GEXF: spells from the documents' dates on every dated entity and link, held against the GEXF 1.3
// schema and networkx (check-gexf), read back by networkx, graphology-gexf and our own reader.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { parse as graphologyParse } from 'graphology-gexf';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '@missiongraph/extract';
import { analyzeGraph, buildGraph, graphTimelineSpells, readGexf, writeGexf, writeGraphml } from '../src/index.ts';
import { loadCorpus, testDir } from './helpers.ts';
import { DEBIAN_PYTHON, networkxRead } from './outside-readers.ts';

const CHECK_GEXF = path.resolve(testDir, '../../../../shared/tools/check-gexf');
const tempDir = mkdtempSync(path.join(tmpdir(), 'missiongraph-dynamic-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

function withDate(extraction: DocumentExtraction, date: string | undefined): DocumentExtraction {
  const copy = structuredClone(extraction);
  if (date === undefined) delete copy.document.date;
  else copy.document.date = date;
  return copy;
}

const [interview, article] = loadCorpus() as [DocumentExtraction, DocumentExtraction];
const graph = buildGraph([withDate(interview, '2017-05-22'), withDate(article, '2023-08-31')]);
analyzeGraph(graph, { seed: 1 });
const spells = graphTimelineSpells(graph);

/** Our spells as [start, end] pairs per element, as networkx keeps them. */
const pairs = (dates: string[] | undefined): [string, string][] | undefined => dates?.map((date) => [date, date]);

describe('dynamic GEXF', () => {
  it('dates every entity and co-mention link by its documents, and none without spells', () => {
    expect(spells.nodes.size).toBe(graph.order);
    expect(spells.nodes.get('country:caf')).toEqual(['2017-05-22', '2023-08-31']);
    graph.forEachEdge((edge, attributes) => {
      if (attributes.kind === 'co-mention') expect(spells.edges.get(edge), edge).toEqual([...new Set(attributes.evidence!.map((item) => (item.document === interview.document.id ? '2017-05-22' : '2023-08-31')))].sort());
      else expect(spells.edges.has(edge)).toBe(false);
    });
  });

  it.each(['1.2', '1.3'] as const)('GEXF %s: our reader and networkx read the spells back; graphology-gexf reads the same graph', (version) => {
    const text = writeGexf(graph, { version, spells });
    expect(text).toContain(`mode="dynamic" timeformat="date"`);
    const ours = readGexf(text);
    expect(ours.getAttribute('mode')).toBe('dynamic');
    expect(ours.getAttribute('timeformat')).toBe('date');
    graph.forEachNode((node) => {
      const read = ours.getNodeAttribute(node, 'spells') as { start: string; end: string }[] | undefined;
      expect(read?.map((spell) => [spell.start, spell.end]), node).toEqual(pairs(spells.nodes.get(node)));
    });
    graph.forEachEdge((edge) => {
      const read = ours.getEdgeAttribute(edge, 'spells') as { start: string; end: string }[] | undefined;
      expect(read?.map((spell) => [spell.start, spell.end]), edge).toEqual(pairs(spells.edges.get(edge)));
    });
    const networkx = networkxRead(DEBIAN_PYTHON, text, 'gexf', version === '1.3' ? '1.3' : '1.2draft');
    for (const [node, data] of Object.entries(networkx.nodes)) expect(data.spells, node).toEqual(pairs(spells.nodes.get(node)));
    for (const edge of networkx.edges) expect(edge.data.spells, String(edge.data.id)).toEqual(pairs(spells.edges.get(String(edge.data.id))));
    // graphology-gexf 0.13 has no dynamics: it reads the same nodes, links and attributes and leaves the spells out.
    const theirs = graphologyParse(Graph, text, { addMissingNodes: true, allowUndeclaredAttributes: true });
    expect(theirs.order).toBe(graph.order);
    expect(theirs.size).toBe(graph.size);
    expect(theirs.getNodeAttribute('mission:minusca', 'label')).toBe(graph.getNodeAttribute('mission:minusca', 'label'));
  });

  it('GEXF 1.3 dynamic passes the official schema and networkx (check-gexf)', () => {
    expect(existsSync(CHECK_GEXF), `${CHECK_GEXF} is missing: the tests need the project's shared folder beside the clone (../shared)`).toBe(true);
    const gexfFile = path.join(tempDir, 'dynamic.gexf');
    const graphmlFile = path.join(tempDir, 'dynamic.graphml');
    writeFileSync(gexfFile, writeGexf(graph, { version: '1.3', spells }));
    writeFileSync(graphmlFile, writeGraphml(graph));
    const run = spawnSync(CHECK_GEXF, [gexfFile, graphmlFile], { encoding: 'utf8' });
    expect(run.status, `check-gexf refused the dynamic file:\n${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('GEXF 1.3 schema: ok');
  });

  it('writes the static file unchanged without spells', () => {
    expect(writeGexf(graph)).not.toContain('spell');
    expect(writeGexf(graph)).not.toContain('mode="dynamic"');
  });
});
