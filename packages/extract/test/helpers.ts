// Shared helpers for the extract tests: a compiled test lexicon and short ways to run extraction.
import { compileLexicon, extractDocument, type DocumentExtraction } from '../src/index.ts';
import { testEntries } from './fixtures/lexicon.ts';

export const testLexicon = compileLexicon(testEntries);

export function extract(text: string, useNer = false): DocumentExtraction {
  return extractDocument({ id: 'doc.txt', text }, { lexicon: testLexicon, useNer });
}

/** Sorted distinct entity ids a text mentions (entities with at least one mention). */
export function mentionedIds(text: string, useNer = false): string[] {
  return extract(text, useNer)
    .entities.filter((entity) => entity.mentions > 0)
    .map((entity) => entity.id)
    .sort();
}

export function mentionCount(text: string, id: string, useNer = false): number {
  return extract(text, useNer).entities.find((entity) => entity.id === id)?.mentions ?? 0;
}
