// Helpers for the rule-family tests: extraction with the real lexicon and name finder, reduced to the
// "surface → entity" pairs and the entities (with type and facts) a user would see.
import { extractDocument, type DocumentExtraction, type EntityRecord } from '../../src/index.ts';

export function extractText(text: string, id = 'doc.txt'): DocumentExtraction {
  return extractDocument({ id, text });
}

/** Every mention as "surface → entity id", in document order. */
export function mentionPairs(text: string, id = 'doc.txt'): string[] {
  return extractText(text, id).mentions.map((mention) => `${mention.surface} → ${mention.entity}`);
}

/** The entity a text names under an id, if any. */
export function entityNamed(text: string, entityId: string): EntityRecord | undefined {
  return extractText(text).entities.find((entity) => entity.id === entityId);
}
