// Promise: `--formats cytoscape,neo4j,gml` writes the exports for other tools beside graph.json, and `--gexf-version`
// chooses graph.gexf's version (1.2draft by default, which networkx 2.x reads; 1.3 on request), with the versions in its meta.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGexf } from '@missiongraph/graph';
import { readGraph, readOutputs, runCli, tempDir } from './helpers.ts';

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
});
