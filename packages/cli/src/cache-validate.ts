// The deep check of what a cache entry says an extraction is, and the bounded read of an entry's file: a cached
// extraction is only used when every field has the shape the graph builder relies on; anything else is rebuilt.
import fs from 'node:fs';
import { ENTITY_TYPES, type DocumentExtraction } from '@missiongraph/extract';

/** The largest cache entry read: past this a file is not an entry we wrote (V8 cannot hold its text as one string). */
export const MAX_CACHE_ENTRY_BYTES = 512 * 1024 * 1024;

const DOCUMENT_FORMATS: readonly string[] = ['text', 'markdown', 'transcript', 'vtt', 'srt'];
const DATE_SOURCES: readonly string[] = ['header', 'dateline', 'first-page', 'note', 'name', 'mtime'];
/** Names that would reach an object's prototype or shadow its methods if used as keys of plain objects. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any extraction we write (facts hold arrays of strings at most): a guard against crafted nesting. */
const MAX_DEPTH = 8;

/** Why a value is not a usable extraction, or the extraction itself. */
export type CacheValidation = DocumentExtraction | string;

type Checked = Record<string, unknown>;

const isRecord = (value: unknown): value is Checked => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const optional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);

/** The first own key named `__proto__` (JSON.parse makes it an own property), at any depth; or too deep a nesting. */
function unsafeNesting(value: unknown, depth = 0): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_DEPTH) return 'nested too deeply';
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = unsafeNesting(item, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return 'a "__proto__" key';
    const problem = unsafeNesting((value as Checked)[key], depth + 1);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function checkDocument(document: unknown, documentId: string | undefined): string | undefined {
  if (!isRecord(document)) return 'no document record';
  if (typeof document['id'] !== 'string' || (documentId !== undefined && document['id'] !== documentId)) return 'entry for another document';
  if (!DOCUMENT_FORMATS.includes(document['format'] as string)) return 'unknown document format';
  if (!isCount(document['sentenceCount']) || !isCount(document['characters'])) return 'bad document counts';
  if (!isStringArray(document['speakers'])) return 'bad speakers';
  if (!optional(document['title'], (title) => typeof title === 'string')) return 'bad title';
  if (!optional(document['date'], (date) => typeof date === 'string')) return 'bad date';
  if (!optional(document['dateSource'], (source) => DATE_SOURCES.includes(source as string))) return 'bad date source';
  if (!optional(document['keywords'], isStringArray) || !optional(document['symbol'], (symbol) => typeof symbol === 'string')) return 'bad keywords or symbol';
  return undefined;
}

function checkSentence(sentence: unknown): boolean {
  return (
    isRecord(sentence) &&
    isCount(sentence['index']) &&
    typeof sentence['text'] === 'string' &&
    optional(sentence['speaker'], (speaker) => typeof speaker === 'string') &&
    optional(sentence['time'], (time) => typeof time === 'string') &&
    optional(sentence['seconds'], (seconds) => typeof seconds === 'number' && Number.isFinite(seconds)) &&
    optional(sentence['list'], (list) => typeof list === 'boolean')
  );
}

const isFactValue = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || isStringArray(value);

/** An entity id is `type:slug`; `__proto__`, `constructor` and friends are not ids, whatever their type. */
export function isSafeEntityId(id: unknown): id is string {
  return typeof id === 'string' && /^[a-z]+:\S/.test(id) && !UNSAFE_KEYS.has(id) && !UNSAFE_KEYS.has(id.slice(id.indexOf(':') + 1));
}

function checkEntity(entity: unknown): string | undefined {
  if (!isRecord(entity)) return 'an entity that is not an object';
  if (!isSafeEntityId(entity['id'])) return `an unsafe or malformed entity id (${JSON.stringify(String(entity['id'])).slice(0, 60)})`;
  if (typeof entity['label'] !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(entity['type'] as string)) return 'an entity without label or known type';
  if (!isStringArray(entity['aliases']) || !isCount(entity['mentions'])) return 'an entity with bad aliases or mention count';
  if (!optional(entity['speakerSentences'], isCount)) return 'an entity with a bad speaker count';
  const facts = entity['facts'];
  if (facts !== undefined && (!isRecord(facts) || !Object.entries(facts).every(([key, value]) => !UNSAFE_KEYS.has(key) && (value === undefined || isFactValue(value))))) {
    return 'an entity with bad facts';
  }
  return undefined;
}

/**
 * Checks a value read back from a cache entry, all the way down: every sentence, entity, mention and co-mention has
 * the fields and types the graph builder uses, mentions and co-mentions name entities of the document, and no id or
 * key can reach an object prototype. Returns the extraction, or the reason it cannot be used (then it is rebuilt).
 */
export function validateCachedExtraction(value: unknown, documentId?: string): CacheValidation {
  if (!isRecord(value)) return 'not an object';
  const nesting = unsafeNesting(value);
  if (nesting !== undefined) return `unexpected shape (${nesting})`;
  const documentProblem = checkDocument(value['document'], documentId);
  if (documentProblem !== undefined) return documentProblem === 'entry for another document' ? documentProblem : `unexpected shape (${documentProblem})`;
  const { sentences, entities, mentions, coMentions, warnings, topicCandidates } = value;
  if (!Array.isArray(sentences) || !Array.isArray(entities) || !Array.isArray(mentions) || !Array.isArray(coMentions)) {
    return 'unexpected shape (missing sentences, entities, mentions or co-mentions)';
  }
  if (!isStringArray(warnings)) return 'unexpected shape (bad warnings)';
  if (!sentences.every(checkSentence)) return 'unexpected shape (a bad sentence)';
  const ids = new Set<string>();
  for (const entity of entities) {
    const problem = checkEntity(entity);
    if (problem !== undefined) return `unexpected shape (${problem})`;
    ids.add((entity as Checked)['id'] as string);
  }
  for (const mention of mentions) {
    if (!isRecord(mention) || typeof mention['entity'] !== 'string' || !ids.has(mention['entity'])) return 'unexpected shape (a mention of no entity)';
    if (!isCount(mention['sentence']) || !isCount(mention['start']) || !isCount(mention['end']) || (mention['start'] as number) > (mention['end'] as number)) {
      return 'unexpected shape (a mention with bad offsets)';
    }
    if (typeof mention['surface'] !== 'string') return 'unexpected shape (a mention without its text)';
  }
  for (const coMention of coMentions) {
    if (!isRecord(coMention) || !ids.has(coMention['source'] as string) || !ids.has(coMention['target'] as string)) return 'unexpected shape (a co-mention of no entity)';
    if (!isCount(coMention['sentence']) || !optional(coMention['list'], (list) => typeof list === 'boolean')) return 'unexpected shape (a bad co-mention)';
  }
  if (
    topicCandidates !== undefined &&
    !(
      Array.isArray(topicCandidates) &&
      topicCandidates.every(
        (topic) => isRecord(topic) && typeof topic['phrase'] === 'string' && isCount(topic['count']) && optional(topic['label'], (label) => typeof label === 'string'),
      )
    )
  ) {
    return 'unexpected shape (bad topic candidates)';
  }
  return value as unknown as DocumentExtraction;
}

export type CacheFileRead = { status: 'read'; bytes: Buffer } | { status: 'missing' } | { status: 'refused'; reason: string };

/**
 * Reads a cache entry's file, refusing what an entry we wrote never is: a link (to /dev/zero, say), a FIFO or device,
 * or a file over `limit` bytes. Reads at most `limit` + 1 bytes whatever the file claims, and never waits on a FIFO.
 */
export function readCacheFile(file: string, limit: number = MAX_CACHE_ENTRY_BYTES): CacheFileRead {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'missing' };
    if (code === 'ELOOP') return { status: 'refused', reason: 'a symbolic link, not an entry' };
    return { status: 'refused', reason: `unreadable (${code ?? String(error)})` };
  }
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) return { status: 'refused', reason: 'not a regular file' };
    if (stat.size > limit) return { status: 'refused', reason: `larger than ${limit} bytes` };
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= limit) {
      const chunk = Buffer.allocUnsafe(Math.min(limit + 1 - total, Math.max(64 * 1024, stat.size + 1)));
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    if (total > limit) return { status: 'refused', reason: `larger than ${limit} bytes` };
    return { status: 'read', bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { status: 'refused', reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    fs.closeSync(descriptor);
  }
}
