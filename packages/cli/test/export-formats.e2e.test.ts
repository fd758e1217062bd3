// Promise: `--formats cytoscape,neo4j,gml` writes the exports for other tools beside graph.json, and `--gexf-version`
// chooses graph.gexf's version (1.2draft by default, which networkx 2.x reads; 1.3 on request), with the versions in its meta.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromGraphJson, readGexf } from '@missiongraph/graph';
import { readGraph, readOutputs, REPO_ROOT, runCli, tempDir } from './helpers.ts';

/** The project's outside readers (xmllint, the GEXF 1.3 schema, networkx), beside the clone. */
const CHECK_GEXF = path.resolve(REPO_ROOT, '../shared/tools/check-gexf');

describe('missiongraph build: exports for other tools', () => {
  it('writes graph.cyjs, the Neo4j files and graph.gml when asked, and GEXF 1.3 with --gexf-version 1.3', () => {
    const out = path.join(tempDir(), 'graph');
    const result = runCli(['build', 'data/transcripts', '--out', out, '--workers', '1', '-q', '--formats', 'json,gexf,cytoscape,neo4j,gml', '--gexf-version', '1.3']);
    expect(result.status, result.stderr).toBe(0);
    expect([...readOutputs(out).keys()]).toEqual(['graph.cyjs', 'graph.gexf', 'graph.gml', 'graph.json', 'manifest.json', 'neo4j-import.cypher', 'neo4j-nodes.csv', 'neo4j-relationships.csv']);
    const graph = readGraph(out);
    const cytoscape = JSON.parse(fs.readFileSync(path.join(out, 'graph.cyjs'), 'utf8')) as { elements: { nodes: unknown[]; edges: unknown[] } };
    expect([cytoscape.elements.nodes.length, cytoscape.elements.edges.length]).toEqual([graph.nodes.length, graph.edges.length]);
    expect(fs.readFileSync(path.join(out, 'neo4j-nodes.csv'), 'utf8').split('\n')).toHaveLength(graph.nodes.length + 2);
    const gexf = fs.readFileSync(path.join(out, 'graph.gexf'), 'utf8');
    expect(gexf).toContain('xmlns="http://gexf.net/1.3"');
    expect(readGexf(gexf).getAttribute('creator')).toMatch(/^missiongraph \d+\.\d+\.\d+/);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).options.gexfVersion).toBe('1.3');
  });

  it('writes GEXF 1.2draft by default and refuses an unknown version with one line', () => {
    const out = path.join(tempDir(), 'graph');
    expect(runCli(['build', 'data/transcripts', '--out', out, '--workers', '1', '-q', '--formats', 'gexf']).status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'graph.gexf'), 'utf8')).toContain('xmlns="http://www.gexf.net/1.2draft"');
    const wrong = runCli(['build', 'data/transcripts', '--out', out, '--gexf-version', '2.0']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toBe('missiongraph: --gexf-version: "2.0" is not one of 1.2, 1.3\n');
  });

  it('writes a dynamic GEXF with --gexf-dynamic: spells from the documents\' dates, which the schema and networkx accept', () => {
    const out = path.join(tempDir(), 'graph');
    const result = runCli(['build', 'data/transcripts', '--out', out, '--workers', '1', '-q', '--formats', 'json,gexf', '--gexf-version', '1.3', '--gexf-dynamic']);
    expect(result.status, result.stderr).toBe(0);
    const gexfFile = path.join(out, 'graph.gexf');
    const gexf = readGexf(fs.readFileSync(gexfFile, 'utf8'));
    expect(gexf.getAttribute('mode')).toBe('dynamic');
    const graph = fromGraphJson(fs.readFileSync(path.join(out, 'graph.json'), 'utf8'));
    const dates = Object.values(graph.getAttribute('documentDates') as Record<string, { date: string }>).map((entry) => entry.date).sort();
    expect(dates).toEqual(['2017-05-22', '2025-03-11']);
    // Every entity is dated by the documents that name it; every co-mention link by its evidence, even beyond the 3 sentences the file carries.
    const tallies = graph.getAttribute('documentTallies') as Record<string, { entities: Record<string, unknown> }>;
    const documentDates = graph.getAttribute('documentDates') as Record<string, { date: string }>;
    graph.forEachNode((node) => {
      const expected = Object.keys(tallies).filter((document) => Object.hasOwn(tallies[document]!.entities, node)).map((document) => documentDates[document]!.date).sort();
      const spells = (gexf.getNodeAttribute(node, 'spells') as { start: string }[]).map((spell) => spell.start);
      expect(spells, node).toEqual(expected);
    });
    graph.forEachEdge((edge, attributes) => {
      if (attributes.kind !== 'co-mention') return;
      const expected = [...new Set((attributes.evidence as { document: string }[]).map((item) => documentDates[item.document]!.date))].sort();
      expect((gexf.getEdgeAttribute(edge, 'spells') as { start: string }[]).map((spell) => spell.start), edge).toEqual(expected);
    });
    expect(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).options.gexfDynamic).toBe(true);
    const check = spawnSync(CHECK_GEXF, [gexfFile], { encoding: 'utf8' });
    expect(check.status, `check-gexf refused the dynamic file:\n${check.stdout}\n${check.stderr}`).toBe(0);
    expect(check.stdout).toContain('GEXF 1.3 schema: ok');
  });
});
