// Promise: a rebuild starts from the previous build and reads only what changed; after documents are added, edited
// and removed its graph equals a cold build's (positions and community ids aside); --fresh gives the cold bytes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraph, readOutputs, REPO_ROOT, runCli, tempDir, TOPICS, transcript, writeFiles, type CliResult, type GraphJson } from './helpers.ts';

interface WarmSummary {
  documents: number;
  cacheHits: number;
  extracted: number;
  changes?: {
    documents: { added: number; changed: number; removed: number };
    nodes: { added: number; removed: number };
    edges: { added: number; removed: number };
    layout?: { median: number; max: number; diameter: number; nodes: number };
  };
}

const summary = (result: CliResult): WarmSummary => {
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as WarmSummary;
};

/** The graph without what a warm build may draw differently: positions and community ids. */
function withoutMap(graph: GraphJson): GraphJson {
  return {
    nodes: graph.nodes.map(({ key, attributes }) => {
      const { x: _x, y: _y, community: _community, ...rest } = attributes;
      return { key, attributes: rest };
    }),
    edges: graph.edges,
  };
}

/** The default formats and GraphML, which is written when asked for. */
const WITH_GRAPHML = 'json,gexf,graphml,csv,evidence';
const seed = (name: string): string => fs.readFileSync(path.join(REPO_ROOT, 'data/transcripts', name), 'utf8');

function coldBuildOf(corpus: string): string {
  const out = path.join(tempDir(), 'cold');
  expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q']).status).toBe(0);
  return out;
}

/** Byte offset and length of a document's record in the packed store, from its index. */
function recordOf(cacheDir: string, id: string): [number, number] {
  const index = JSON.parse(fs.readFileSync(path.join(cacheDir, 'extractions.index.json'), 'utf8')) as { entries: Record<string, [number, number, string]> };
  const entry = Object.values(index.entries).find((candidate) => candidate[2] === id);
  expect(entry, id).toBeDefined();
  return [entry![0], entry![1]];
}

describe('incremental rebuilds', () => {
  it('updates the previous graph for added, edited and removed documents, reading only those, and ends where a cold build does', () => {
    const corpus = tempDir();
    writeFiles(corpus, {
      'a.txt': transcript(TOPICS.congo, 4),
      'b.txt': transcript(TOPICS.car, 4),
      'c.txt': transcript(TOPICS.sudan, 4),
      'd.txt': seed('un-news-2017-05-22-lacroix-interview.txt'),
    });
    const out = path.join(tempDir(), 'graph');
    const cache = path.join(out, '.cache');
    const build = (...extra: string[]): CliResult => runCli(['build', corpus, '--out', out, '-w', '1', '--json', '-q', ...extra]);
    expect(summary(build()).changes).toBeUndefined(); // cold: nothing to compare with

    // a.txt's entry is damaged in the store: a build that does not need it must not read it (no warning), one that does must notice.
    const [offset, length] = recordOf(cache, 'a.txt');
    const pack = fs.readFileSync(path.join(cache, 'extractions.pack'));
    pack[offset + length - 5] = pack[offset + length - 5] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(path.join(cache, 'extractions.pack'), pack);

    const before = readGraph(out);
    writeFiles(corpus, { 'e.txt': transcript(TOPICS.lebanon, 4) });
    const added = build();
    expect(summary(added)).toMatchObject({ documents: 5, extracted: 1, cacheHits: 4 });
    expect(summary(added).changes).toMatchObject({ documents: { added: 1, changed: 0, removed: 0 } });
    expect(summary(added).changes!.nodes.added).toBeGreaterThan(0);
    expect(added.stderr).not.toMatch(/warning/);
    // The map stays where it was: positions of the entities already there barely move; their communities keep their ids.
    const after = readGraph(out);
    const position = new Map(before.nodes.map((node) => [node.key, node.attributes]));
    const moved = after.nodes.filter((node) => position.has(node.key));
    expect(moved.length).toBe(before.nodes.length);
    expect(summary(added).changes!.layout!.median).toBeLessThan(0.02);
    const sameCommunity = moved.filter((node) => node.attributes['community'] === position.get(node.key)!['community']).length;
    expect(sameCommunity / moved.length).toBeGreaterThan(0.8);

    writeFiles(corpus, { 'b.txt': transcript(TOPICS.mali, 4) });
    const edited = build();
    expect(summary(edited)).toMatchObject({ documents: 5, extracted: 1 });
    expect(summary(edited).changes).toMatchObject({ documents: { added: 0, changed: 1, removed: 0 } });
    expect(edited.stderr).not.toMatch(/warning/);

    const beforeRemoval = new Set(readGraph(out).nodes.map((node) => node.key));
    fs.rmSync(path.join(corpus, 'c.txt'));
    const removed = build();
    expect(summary(removed)).toMatchObject({ documents: 4, extracted: 0 });
    const left = readGraph(out).nodes.map((node) => node.key);
    expect(left).not.toContain('mission:unmiss');
    expect(summary(removed).changes).toMatchObject({ documents: { added: 0, changed: 0, removed: 1 }, nodes: { added: 0, removed: beforeRemoval.size - left.length } });
    expect(removed.stderr).not.toMatch(/warning/);

    const cold = coldBuildOf(corpus);
    expect(withoutMap(readGraph(out))).toEqual(withoutMap(readGraph(cold)));
    const warmFiles = readOutputs(out);
    const coldFiles = readOutputs(cold);
    for (const name of ['evidence.jsonl', 'edges.csv']) expect(warmFiles.get(name), name).toEqual(coldFiles.get(name));
    // --fresh: the cold result, byte for byte, in every file.
    expect(summary(build('--fresh')).extracted).toBe(0);
    expect(readOutputs(out)).toEqual(coldFiles);

    // Removing a.txt needs its damaged entry to take it out: the build says so and starts cold, with the right graph.
    fs.rmSync(path.join(corpus, 'a.txt'));
    const fallback = build();
    expect(fallback.stderr).toMatch(/warning: the cache entry of a\.txt is damaged \(checksum mismatch\), so the previous graph cannot be updated; built from the cache instead/);
    expect(withoutMap(readGraph(out))).toEqual(withoutMap(readGraph(coldBuildOf(corpus))));

    // A damaged graph state is never trusted.
    const statePath = path.join(cache, 'graph-state.json');
    fs.writeFileSync(statePath, fs.readFileSync(statePath, 'utf8').replace('"sentenceCount":', '"sentenceCount":1'));
    writeFiles(corpus, { 'f.txt': transcript(TOPICS.congo, 2) });
    const distrusted = build();
    expect(distrusted.stderr).toMatch(/warning: graph state in .* ignored \(checksum mismatch\); built from the cache/);
    expect(summary(distrusted).changes).toBeUndefined();
    expect(withoutMap(readGraph(out))).toEqual(withoutMap(readGraph(coldBuildOf(corpus))));
  }, 600_000);

  it('keeps the first N evidence sentences per edge in GEXF and GraphML (--gexf-evidence), and all of them in graph.json', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo, 6), 'b.txt': transcript(TOPICS.congo, 5) });
    const out = path.join(tempDir(), 'graph');
    /** Per edge of graph.gexf or graph.graphml: its evidenceCount and how many evidence sentences it carries. */
    const evidenceCounts = (name: string): { count: number; kept: number }[] => {
      const text = fs.readFileSync(path.join(out, name), 'utf8');
      const keyOf = (attribute: string): string => new RegExp(`<key id="([^"]+)" for="edge" attr.name="${attribute}"`).exec(text)?.[1] ?? 'missing';
      const [countField, evidenceField] = name.endsWith('.gexf')
        ? [/<attvalue for="evidenceCount" value="(\d+)"/, /<attvalue for="(?:json:)?evidence" value=([^\n]*)\/>/]
        : [new RegExp(`<data key="${keyOf('evidenceCount')}">(\\d+)<`), new RegExp(`<data key="${keyOf('evidence')}">([^\\n]*)</data>`)];
      return text
        .split('<edge ')
        .slice(1)
        .filter((block) => countField.test(block))
        .map((block) => ({ count: Number(countField.exec(block)![1]), kept: (evidenceField.exec(block)?.[1] ?? '').split(/"document":|&quot;document&quot;:/).length - 1 }));
    };
    expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q', '--formats', WITH_GRAPHML]).status).toBe(0);
    const full = readGraph(out);
    const most = Math.max(...full.edges.map((edge) => ((edge.attributes['evidence'] as unknown[] | undefined) ?? []).length));
    expect(most).toBeGreaterThan(3);
    for (const name of ['graph.gexf', 'graph.graphml']) {
      const edges = evidenceCounts(name);
      expect(edges.length, name).toBe(full.edges.filter((edge) => edge.attributes['evidence'] !== undefined).length);
      expect(Math.max(...edges.map((edge) => edge.count)), name).toBe(most);
      expect(edges.every((edge) => edge.kept === Math.min(3, edge.count)), name).toBe(true);
    }
    expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q', '--formats', WITH_GRAPHML, '--gexf-evidence', 'all']).status).toBe(0);
    for (const name of ['graph.gexf', 'graph.graphml']) expect(evidenceCounts(name).every((edge) => edge.kept === edge.count), name).toBe(true);
    expect(runCli(['build', corpus, '--out', out, '-w', '2', '-q', '--formats', WITH_GRAPHML, '--gexf-evidence', '1']).status).toBe(0);
    for (const name of ['graph.gexf', 'graph.graphml']) expect(evidenceCounts(name).every((edge) => edge.kept === 1), name).toBe(true);
    const bad = runCli(['build', corpus, '--out', out, '--gexf-evidence', 'some']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--gexf-evidence: expected a number of sentences or "all", got "some"/);
  }, 300_000);

  it('gives the same bytes from the same previous build and inputs, with one worker or two (a rebuild is deterministic)', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo, 3), 'b.txt': transcript(TOPICS.car, 3), 'c.txt': seed('un-news-2017-05-22-lacroix-interview.txt') });
    const first = path.join(tempDir(), 'graph');
    expect(runCli(['build', corpus, '--out', first, '-w', '2', '-q']).status).toBe(0);
    // The same previous build (outputs, store and state) in a second folder.
    const second = path.join(tempDir(), 'graph');
    fs.cpSync(first, second, { recursive: true });
    writeFiles(corpus, { 'd.txt': transcript(TOPICS.lebanon, 3) });
    fs.rmSync(path.join(corpus, 'b.txt'));
    const one = runCli(['build', corpus, '--out', first, '-w', '1', '--json', '-q']);
    const two = runCli(['build', corpus, '--out', second, '-w', '2', '--json', '-q']);
    for (const result of [one, two]) expect(summary(result).changes).toMatchObject({ documents: { added: 1, changed: 0, removed: 1 } });
    expect(readOutputs(second)).toEqual(readOutputs(first));
  }, 300_000);
});
