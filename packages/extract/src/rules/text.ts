// Helpers the rule families share: the candidate builder (lexicon id or a new `type:slug`), capitalised-word
// patterns, headline detection and the look-up of mentions a span covers.
import type { Confidence } from '../pipeline/candidate.ts';
import { slugify } from '../text/slug.ts';
import type { EntityFacts, EntityType } from '../types.ts';
import type { KnownMention, RuleCandidate, RuleContext } from './context.ts';

/** A capitalised word (letters, inner apostrophes, dots and hyphens): "Okapi", "Thomas-Greenfield", "D'Ivoire". */
export const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
/** A word in capitals of two letters or more: "NICHOLAS", "UNMISS". */
export const UPPER_WORD = "\\p{Lu}[\\p{Lu}\\p{M}'’-]+";

/** `text` with RegExp syntax characters escaped, to match as written. */
export const escapePattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A RegExp alternation of `words` as written, longest first (so that "Civil War" is tried before "War"). */
export const alternatives = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escapePattern).join('|');

/**
 * A cheap test that a text contains one of `words` as written (or in any case, with `ignoreCase`). A pattern built around a head word ("War",
 * "Radio", "Forces") runs only on the sentences that pass it: most sentences have none, and the full pattern
 * would otherwise be tried at every capital of every sentence.
 */
export function containsAny(words: readonly string[], options: { ignoreCase?: boolean } = {}): (text: string) => boolean {
  const pattern = new RegExp(alternatives(words), options.ignoreCase === true ? 'iu' : 'u');
  return (text) => pattern.test(text);
}

export interface CandidateSpec {
  sentence: number;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** The canonical label of the entity; its lexicon entry is used when the lexicon names it. */
  label: string;
  generator: string;
  reason: string;
  confidence: Confidence;
  /** An entity to link to instead of the label's (a variant form of a known entity). */
  entity?: string;
  supersedes?: boolean;
  facts?: EntityFacts;
}

/** A candidate for a span: the lexicon's entity when the label names one, else `type:slug(label)`. */
export function makeCandidate(spec: CandidateSpec, context: RuleContext): RuleCandidate {
  const entity = spec.entity ?? context.lexiconIdOf(spec.label) ?? `${spec.type}:${slugify(spec.label)}`;
  const candidate: RuleCandidate = {
    sentence: spec.sentence,
    start: spec.start,
    end: spec.end,
    surface: spec.text.slice(spec.start, spec.end),
    type: spec.type,
    entity,
    label: spec.label,
    confidence: spec.confidence,
    generator: spec.generator,
    reason: spec.reason,
  };
  if (spec.supersedes === true) candidate.supersedes = true;
  if (spec.facts !== undefined) candidate.facts = spec.facts;
  return candidate;
}

/** A span's start moved past a leading article ("the Second Congo War" → "Second Congo War"). */
export function skipArticle(text: string, start: number): number {
  const article = /^(?:the|The|THE)\s+/u.exec(text.slice(start));
  return article ? start + article[0].length : start;
}

/** The mentions of a sentence that overlap [start, end). */
export function mentionsOver(context: RuleContext, sentence: number, start: number, end: number): KnownMention[] {
  return (context.mentions.get(sentence) ?? []).filter((mention) => mention.start < end && start < mention.end);
}

/** The mention that covers exactly [start, end), if any. */
export function mentionAt(context: RuleContext, sentence: number, start: number, end: number): KnownMention | undefined {
  return (context.mentions.get(sentence) ?? []).find((mention) => mention.start === start && mention.end === end);
}

const HEADLINE_SMALL_WORDS = new Set(['with', 'from', 'into', 'over', 'near', 'after', 'amid', 'than', 'that', 'this', 'their', 'about', 'upon', 'onto']);

/** A line without final punctuation whose content words are (nearly) all capitalised: a headline, whose capitals say nothing. */
export function isHeadline(text: string): boolean {
  if (/[.!?:;"”’)]\s*$/u.test(text)) return false;
  const words = (text.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? []).filter((word) => !HEADLINE_SMALL_WORDS.has(word.toLowerCase()));
  if (words.length < 5) return false;
  return words.filter((word) => /^\p{Lu}/u.test(word)).length / words.length >= 0.85;
}

/** Title case of a word written in capitals: "HAYSOM" → "Haysom", "THOMAS-GREENFIELD" → "Thomas-Greenfield". */
export function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’\s])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
