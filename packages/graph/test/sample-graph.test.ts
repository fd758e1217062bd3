// The sample graph (data/transcripts) as users build it: no co-mention edge rests only on an export header
// (Otter's SUMMARY KEYWORDS or SPEAKERS lines), and no person is linked to anything by their own speaker label.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLexicon, extractDocument, readDocument } from '@missiongraph/extract';
import { buildGraph, type Evidence } from '../src/index.ts';
import { testDir } from './helpers.ts';

const transcripts = path.resolve(testDir, '../../../data/transcripts');

describe('sample graph', () => {
  const files = readdirSync(transcripts).filter((name) => name.endsWith('.txt')).sort();
  const texts = files.map((name) => ({ id: name, text: readFileSync(path.join(transcripts, name), 'utf8') }));
  const graph = buildGraph(texts.map((doc) => extractDocument(doc)), { lexicon: defaultLexicon() });
  const coMentions = graph.filterEdges((_edge, attributes) => attributes.kind === 'co-mention');

  it('has co-mention edges to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(coMentions.length).toBeGreaterThan(20);
  });

  it('no co-mention edge whose evidence is an export header line', () => {
    const headerLines = new Set<string>();
    for (const doc of texts) {
      const lines = doc.text.split('\n').map((line) => line.trim());
      lines.forEach((line, index) => {
        if (/^(?:SUMMARY KEYWORDS|SPEAKERS)$/.test(line)) {
          const next = lines.slice(index + 1).find((candidate) => candidate.length > 0);
          if (next) headerLines.add(next);
        }
      });
    }
    expect(headerLines.size).toBeGreaterThanOrEqual(2);
    for (const edge of coMentions) {
      const evidence = graph.getEdgeAttribute(edge, 'evidence') as Evidence[];
      expect(evidence.filter((item) => headerLines.has(item.text) || [...headerLines].some((line) => line.includes(item.text))), edge).toEqual([]);
    }
  });

  it('a person is linked only by sentences that name them, never by their own speaker label', () => {
    const speakers = new Set(texts.flatMap((doc) => readDocument(doc).speakers));
    expect(speakers.size).toBeGreaterThanOrEqual(2);
    for (const edge of coMentions) {
      for (const end of graph.extremities(edge)) {
        if (graph.getNodeAttribute(end, 'type') !== 'person') continue;
        const aliases = graph.getNodeAttribute(end, 'aliases');
        for (const item of graph.getEdgeAttribute(edge, 'evidence') as Evidence[]) {
          expect(aliases.some((alias) => item.text.includes(alias)), `${edge}: "${item.text}" does not name ${end}`).toBe(true);
        }
      }
    }
  });
});
