// Builds graph.json from the seed transcripts (data/transcripts) with the real extract and graph
// packages, the way `missiongraph build` does, so the end-to-end tests see a real graph.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLexicon, extractDocument } from '@missiongraph/extract';
import { analyzeGraph, buildGraph } from '@missiongraph/graph';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const seedDirectory = path.join(repositoryRoot, 'data/transcripts');

export function seedTexts(): { id: string; text: string }[] {
  return readdirSync(seedDirectory)
    .filter((name) => /\.(txt|md|vtt|srt)$/i.test(name))
    .sort()
    .map((name) => ({ id: name, text: readFileSync(path.join(seedDirectory, name), 'utf8') }));
}

/** Writes graph.json for the seed transcripts into `directory` and returns the file's path. */
export function writeSeedGraph(directory: string): string {
  const lexicon = defaultLexicon();
  // Topics on and capped, as `missiongraph build` does by default.
  const extractions = seedTexts().map((document) => extractDocument(document, { lexicon, topics: true }));
  const graph = buildGraph(extractions, { lexicon, maxTopics: 150 });
  analyzeGraph(graph, { seed: 1 });
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, 'graph.json');
  writeFileSync(file, JSON.stringify(graph.export()));
  return file;
}
