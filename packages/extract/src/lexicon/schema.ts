// The shape of a lexicon entry as stored in data/lexicon/*.json, and its validation.
// Validation runs when a lexicon is loaded, so a bad edit to the data fails with the entry it is in.
import type { EntityFacts, EntityType } from '../types.ts';

export interface LexiconEntry {
  /** `type:slug`; see data/lexicon/README.md for how slugs are made. */
  id: string;
  type: EntityType;
  /** Canonical display name. */
  label: string;
  /** Unambiguous surface forms (the label need not be repeated). */
  aliases: string[];
  /** Forms that name this entity only when the document also names it unambiguously. */
  ambiguousAliases?: string[];
  /** Adjectives and nationalities: never mentions. */
  demonyms?: string[];
  facts?: EntityFacts;
}
