// The shape every candidate generator of the recognition pipeline proposes: a span of one sentence with a
// type, the entity it would be (known or new), how sure the generator is, and why it proposed it.
import type { EntityType } from '../types.ts';

/** How sure a generator is of a span; the selection step compares these before length. */
export type Confidence = 'certain' | 'likely' | 'guess';

export interface Candidate {
  /** Index of the sentence (SentenceRecord.index). */
  sentence: number;
  /** Character offsets of the span in the sentence text, [start, end). */
  start: number;
  end: number;
  /** The text of the span as written. */
  surface: string;
  type: EntityType;
  /** A lexicon id when the span names a known entry; otherwise a new id `type:slug` built from `label`. */
  entity: string;
  /** The canonical label of a new entity (ignored for lexicon ids, which keep the lexicon's label). */
  label: string;
  confidence: Confidence;
  /** The generator that proposed the span, e.g. 'events', 'agreements', 'lexicon'. */
  generator: string;
  /** The rule within the generator and what it saw, in words: 'named-war: "<X> Civil War"'. */
  reason: string;
}

/** A candidate that the selection step or a veto turned down, with the reason it lost. */
export interface Rejection {
  candidate: Candidate;
  /** Who rejected it: 'settle' (overlap policy) or a veto's name. */
  by: string;
  reason: string;
}
