// The working shape of a mention inside the extractor, before entities and co-mentions are assembled.
// Offsets are into the sentence text; `how` records which rule found it (for tests and debugging).

export type MentionRule = 'lexicon' | 'ambiguous' | 'descriptive' | 'ner' | 'surname' | 'rule';

export interface WorkingMention {
  entity: string;
  sentence: number;
  start: number;
  end: number;
  surface: string;
  how: MentionRule;
  /** The rule inside the component that made the mention, and what it saw (for explainDocument). */
  rule?: string;
  reason?: string;
}

/** True when [start, end) overlaps any span in `spans`. */
export function overlapsAny(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  for (const span of spans) if (span.start < end && start < span.end) return true;
  return false;
}

/** A per-character map of `spans` over a text of `length` characters: 1 where a span covers. */
export function coverageMask(spans: readonly { start: number; end: number }[], length: number): Uint8Array {
  const mask = new Uint8Array(length);
  for (const span of spans) mask.fill(1, Math.max(0, span.start), Math.min(length, span.end));
  return mask;
}

/** True when any character of [start, end) is covered in `mask`. */
export function maskOverlaps(mask: Uint8Array, start: number, end: number): boolean {
  for (let index = Math.max(0, start); index < end && index < mask.length; index += 1) if (mask[index] === 1) return true;
  return false;
}
