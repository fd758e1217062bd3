// Promise: `missiongraph build` turns a folder of transcripts into the documented output files, the same bytes every
// time, and a rebuild costs what is new: unchanged documents come from the cache, edits and removals show up.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraph, readManifest, readOutputs, REPO_ROOT, runCli, summaryOf, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';

/** What a build writes by default (GraphML, Cytoscape, Neo4j and GML are asked for by name). */
const OUTPUT_FILES = ['edges.csv', 'evidence.jsonl', 'graph.gexf', 'graph.json', 'manifest.json', 'nodes.csv'];

describe('missiongraph build', () => {
  it('builds the sample transcripts into every output file, with a manifest of inputs and a summary', () => {
    const out = path.join(tempDir(), 'graph');
    const result = runCli(['build', 'data/transcripts', '--out', out, '--workers', '1']);
    // Not a terminal (and CI=true): plain log lines instead of a bar.
    // A slow build may also print a progress line every few seconds; then the analysis phase is announced, and nothing
    // else goes to stderr.
    expect(result.stderr.replace(/^missiongraph: \d+\/\d+ files, .*\n/gm, '')).toMatch(/^missiongraph: reading 2 files \(38\.6 KB\)\nmissiongraph: analysing the graph \(\d+ entities, \d+ links\)\n$/u);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/documents\s+2 /);
    expect(result.stdout).toMatch(/entities\s+\d+ \(.*mission \d+/);
    expect([...readOutputs(out).keys()]).toEqual(OUTPUT_FILES);
    const manifest = readManifest(out);
    const ids = fs.readdirSync(path.join(REPO_ROOT, 'data/transcripts')).sort();
    expect(manifest.inputs.map((input) => input.id)).toEqual(ids);
    for (const input of manifest.inputs) {
      expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(input.bytes).toBe(fs.statSync(path.join(REPO_ROOT, 'data/transcripts', input.id)).size);
    }
    const graph = readGraph(out);
    expect(graph.nodes.map((node) => node.key)).toContain('mission:monusco');
    expect(manifest.counts).toMatchObject({ documents: 2, nodes: graph.nodes.length, edges: graph.edges.length });
    expect(manifest.counts.sentences).toBe(manifest.inputs.reduce((sum, input) => sum + input.sentences, 0));
    expect(manifest.counts.sentences).toBeGreaterThan(100);
    expect(result.stdout).toContain(`sentences  ${manifest.counts.sentences}\n`);
    for (const output of manifest.outputs) {
      expect(createHash('sha256').update(fs.readFileSync(path.join(out, output.name))).digest('hex')).toBe(output.sha256);
    }
    // Every evidence line is one sentence with the edges it supports; each of those edges has it in graph.json, and
    // every piece of evidence in graph.json has its line.
    const evidenceLines = fs.readFileSync(path.join(out, 'evidence.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { edges: string[]; document: string; sentence: number; text: string });
    expect(evidenceLines.reduce((sum, line) => sum + line.edges.length, 0)).toBe(manifest.counts.evidence);
    const edgeEvidence = new Map(graph.edges.map((edge) => [edge.key, (edge.attributes['evidence'] ?? []) as { document: string; sentence: number; text: string }[]]));
    for (const line of evidenceLines) {
      for (const edge of line.edges) expect(edgeEvidence.get(edge)).toContainEqual(expect.objectContaining({ document: line.document, sentence: line.sentence, text: line.text }));
    }
    const rawGraphJson = fs.readFileSync(path.join(out, 'graph.json'), 'utf8');
    const sentencesByText = new Map<string, Set<string>>();
    for (const line of evidenceLines) sentencesByText.set(line.text, (sentencesByText.get(line.text) ?? new Set()).add(`${line.document}#${line.sentence}`));
    expect(sentencesByText.size).toBeLessThanOrEqual(evidenceLines.length);
    for (const [text, sentences] of sentencesByText) expect(rawGraphJson.split(JSON.stringify(text)).length - 1, text).toBe(sentences.size);
  });

  it('writes byte-identical outputs for the same inputs: twice cold, warm from cache, and with 1 or 2 workers', () => {
    const corpus = tempDir();
    writeFiles(corpus, {
      'a.txt': transcript(TOPICS.congo),
      'b/c.txt': transcript(TOPICS.car),
      'b/d.md': `# Briefing\n\n${transcript(TOPICS.sudan)}`,
    });
    const first = path.join(tempDir(), 'one');
    const second = path.join(tempDir(), 'two');
    expect(runCli(['build', corpus, '--out', first, '--workers', '1', '-q']).status).toBe(0);
    expect(runCli(['build', corpus, '--out', second, '--workers', '2', '-q']).status).toBe(0);
    const reference = readOutputs(first);
    expect(readOutputs(second)).toEqual(reference);
    expect(runCli(['build', corpus, '--out', first, '--workers', '2', '-q']).status).toBe(0);
    expect(readOutputs(first)).toEqual(reference);
  });

  it('re-reads only what changed: a new file, an edited file; a removed file leaves the graph; a corrupt entry is rebuilt', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo), 'b.txt': transcript(TOPICS.car), 'c.txt': transcript(TOPICS.sudan) });
    const out = path.join(tempDir(), 'graph');
    const build = (...extra: string[]) => runCli(['build', corpus, '--out', out, '--workers', '1', '--json', '-q', ...extra]);

    expect(summaryOf(build())).toMatchObject({ documents: 3, cacheHits: 0, extracted: 3 });
    expect(summaryOf(build())).toMatchObject({ documents: 3, cacheHits: 3, extracted: 0 });

    writeFiles(corpus, { 'd.txt': transcript(TOPICS.lebanon) });
    expect(summaryOf(build())).toMatchObject({ documents: 4, cacheHits: 3, extracted: 1 });
    expect(readGraph(out).nodes.map((node) => node.key)).toContain('mission:unifil');

    writeFiles(corpus, { 'b.txt': transcript(TOPICS.mali) });
    expect(summaryOf(build())).toMatchObject({ documents: 4, cacheHits: 3, extracted: 1 });
    const afterEdit = readGraph(out).nodes.map((node) => node.key);
    expect(afterEdit).toContain('mission:minusma');
    expect(afterEdit).not.toContain('mission:minusca');

    fs.rmSync(path.join(corpus, 'd.txt'));
    expect(summaryOf(build())).toMatchObject({ documents: 3, cacheHits: 3, extracted: 0 });
    expect(readGraph(out).nodes.map((node) => node.key)).not.toContain('mission:unifil');
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a.txt', 'b.txt', 'c.txt']);

    // The entries of removed and replaced versions were dropped: the store holds the three documents' entries.
    const index = JSON.parse(fs.readFileSync(path.join(out, '.cache', 'extractions.index.json'), 'utf8')) as { entries: Record<string, [number, number, string]> };
    expect(Object.values(index.entries).map((entry) => entry[2]).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
    const before = readOutputs(out);
    // A store overwritten with garbage, and no graph state to start from: the damage is found, nothing is trusted,
    // every document is extracted again, and the graph is the same.
    fs.writeFileSync(path.join(out, '.cache', 'extractions.pack'), 'garbage\n{"not":"an entry"}');
    fs.rmSync(path.join(out, '.cache', 'graph-state.json'));
    fs.rmSync(path.join(out, 'graph.gexf'));
    const rebuilt = build('--fresh');
    expect(summaryOf(rebuilt)).toMatchObject({ documents: 3, cacheHits: 0, extracted: 3 });
    expect(rebuilt.stderr).toMatch(/warning: extraction cache .*(index beyond the end of the store|damaged record)/);
    const after = readOutputs(out);
    for (const name of ['evidence.jsonl', 'edges.csv']) expect(after.get(name), name).toEqual(before.get(name));
  });

  it('uses a --cache folder elsewhere and --force re-extracts everything', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const out = path.join(tempDir(), 'graph');
    const cache = path.join(tempDir(), 'cache');
    expect(summaryOf(runCli(['build', corpus, '--out', out, '--cache', cache, '-w', '1', '--json', '-q'])).extracted).toBe(1);
    expect(fs.existsSync(path.join(out, '.cache'))).toBe(false);
    expect(fs.readdirSync(cache).length).toBeGreaterThan(0);
    expect(summaryOf(runCli(['build', corpus, '--out', out, '--cache', cache, '-w', '1', '--json', '-q'])).cacheHits).toBe(1);
    expect(summaryOf(runCli(['build', corpus, '--out', out, '--cache', cache, '-w', '1', '--json', '-q', '--force'])).extracted).toBe(1);
  });
});
