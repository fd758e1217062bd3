// The graph of the two seed transcripts as the real extractor reads them: lexicon relations appear,
// evidence quotes real sentences, and the exports pass check-gexf. Skipped while extract is incomplete.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as extract from '@missiongraph/extract';
import { analyzeGraph, buildGraph, writeGexf, writeGraphml } from '../src/index.ts';
import { testDir } from './helpers.ts';

const transcripts = path.resolve(testDir, '../../../data/transcripts');
const checkGexf = path.resolve(testDir, '../../../../shared/tools/check-gexf');
const ready = typeof extract.extractDocument === 'function' && existsSync(transcripts);

describe.skipIf(!ready)('graph of the seed transcripts', () => {
  it('links missions to their host countries and passes the outside readers', () => {
    const files = readdirSync(transcripts).filter((name) => name.endsWith('.txt')).sort();
    const extractions = files.map((name) => extract.extractDocument({ id: name, text: readFileSync(path.join(transcripts, name), 'utf8') }, { useNer: false }));
    const lexicon = extract.defaultLexicon() as unknown as { get?: (id: string) => { id: string; facts?: Record<string, unknown> } | undefined };
    const graph = buildGraph(extractions, typeof lexicon.get === 'function' ? { lexicon: { get: (id) => lexicon.get!(id) } } : {});
    analyzeGraph(graph, { seed: 1 });
    expect(graph.order).toBeGreaterThan(5);
    graph.forEachEdge((_edge, attributes) => {
      if (attributes.kind !== 'co-mention') return;
      for (const item of attributes.evidence ?? []) expect(item.text.length).toBeGreaterThan(0);
    });
    if (graph.hasNode('mission:minusca') && graph.hasNode('country:caf') && typeof lexicon.get === 'function') {
      expect(graph.hasEdge('rel:host-country:mission:minusca|country:caf')).toBe(true);
    }
    expect(existsSync(checkGexf), `${checkGexf} is missing: the tests need the project's shared folder beside the clone (../shared)`).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'missiongraph-seed-'));
    try {
      writeFileSync(path.join(dir, 'seed.gexf'), writeGexf(graph, { version: '1.3' }));
      writeFileSync(path.join(dir, 'seed.graphml'), writeGraphml(graph));
      const run = spawnSync(checkGexf, [path.join(dir, 'seed.gexf'), path.join(dir, 'seed.graphml')], { encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
