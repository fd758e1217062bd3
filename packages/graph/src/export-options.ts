// Options shared by the XML exports (GEXF, GraphML): how much evidence an edge carries, and the caps that keep
// every attribute value and text node under libxml2's 10 MB limit so xmllint and other readers need no --huge.
import type { Attributes } from 'graphology-types';

export interface XmlExportOptions {
  /** Evidence sentences written per edge: the first N in corpus order (default: all). evidence.jsonl always has all of them. */
  evidenceLimit?: number;
}

/** libxml2 refuses a text node or attribute value over 10,000,000 bytes (XML_MAX_TEXT_LENGTH) without --huge; stay well under. */
export const MAX_XML_VALUE_BYTES = 8_000_000;
/** Longest evidence sentence text kept in an XML export (UTF-8 bytes); longer ones are cut and marked `truncated`. */
export const MAX_EVIDENCE_TEXT_BYTES = 1_000_000;

/** UTF-8 length of a string, counted without encoding it (surrogate pairs are 4 bytes, lone ones 3 as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      index += 1;
    } else bytes += 2;
  }
  return bytes;
}

/** Cuts text to at most `maxBytes` UTF-8 bytes, never inside a surrogate pair. */
function cutText(text: string, maxBytes: number): string {
  let bytes = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const pair = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    index += pair ? 2 : 1;
  }
  return text.slice(0, index);
}

/** Memo of shortened evidence items, so a sentence shared by many edges is cut once and stays one shared object. */
export type EvidenceCutMemo = WeakMap<object, object>;

/**
 * The evidence an XML export writes for one edge: the first `limit` items, each sentence text cut to
 * MAX_EVIDENCE_TEXT_BYTES (marked `truncated: true`), and no more items than keep the JSON under MAX_XML_VALUE_BYTES.
 * Items written unchanged stay the same objects (the writers' escape memo relies on it).
 */
export function evidenceForXml(value: unknown, limit: number | undefined, memo: EvidenceCutMemo): unknown {
  if (!Array.isArray(value)) return value;
  const wanted = limit === undefined || !(limit >= 0) ? value.length : Math.min(value.length, Math.floor(limit));
  const kept: unknown[] = [];
  let changed = false;
  let bytes = 2;
  for (let index = 0; index < wanted; index += 1) {
    let item: unknown = value[index];
    if (item !== null && typeof item === 'object' && typeof (item as { text?: unknown }).text === 'string') {
      const text = (item as { text: string }).text;
      if (text.length > MAX_EVIDENCE_TEXT_BYTES / 3 && utf8Length(text) > MAX_EVIDENCE_TEXT_BYTES) {
        let cut = memo.get(item);
        if (cut === undefined) {
          cut = { ...(item as object), text: `${cutText(text, MAX_EVIDENCE_TEXT_BYTES - 3)}…`, truncated: true };
          memo.set(item, cut);
        }
        item = cut;
        changed = true;
      }
    }
    // Escaping can grow JSON text (&quot; is 6 bytes for 1): count the worst case of the item's JSON.
    const size = utf8Length(JSON.stringify(item) ?? 'null') * 2 + 1;
    if (bytes + size > MAX_XML_VALUE_BYTES && kept.length > 0) break;
    bytes += size;
    kept.push(item);
  }
  return kept.length === value.length && !changed ? value : kept;
}

/** An edge's attributes as an XML export writes them (evidence limited); the same object when nothing changes. */
export function edgeAttributesForXml(attributes: Attributes, options: XmlExportOptions, memo: EvidenceCutMemo): Attributes {
  if (!('evidence' in attributes)) return attributes;
  const evidence = evidenceForXml(attributes.evidence, options.evidenceLimit, memo);
  return evidence === attributes.evidence ? attributes : { ...attributes, evidence };
}

/**
 * Whether an edge's weight can be written as a weight: Gephi's importer drops every edge of weight 0 ("Edge weight
 * is 0 … ignored"), so relation edges (weight 0 in our graphs) are written without one, which readers take as 1.
 */
export function writableWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value !== 0;
}
