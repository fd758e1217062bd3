// What a rule generator may know about a document besides its sentences: the mentions found so far and the
// entities they name, and two lexicon look-ups. Small and read-only, so generators stay pure functions.
import type { CompiledLexicon } from '../lexicon/compile.ts';
import type { Candidate } from '../pipeline/candidate.ts';
import { matchKey } from '../text/fold.ts';
import type { EntityFacts, EntityType, SentenceRecord } from '../types.ts';

/** A mention already found in a sentence. `guessed` marks the name finder's guesses, which a rule may retype. */
export interface KnownMention {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
  surface: string;
  guessed: boolean;
}

/** An entity the document already names. */
export interface KnownEntity {
  id: string;
  label: string;
  type: EntityType;
  /** The label and the lexicon's unambiguous aliases: every full form the entity is known by. */
  names: readonly string[];
}

export interface RuleContext {
  /** Mentions found so far, by sentence index, in text order. */
  readonly mentions: ReadonlyMap<number, readonly KnownMention[]>;
  /** Entities named so far, by id. */
  readonly entities: ReadonlyMap<string, KnownEntity>;
  /** The lexicon entry a surface form names unambiguously (any capitalisation, diacritics folded), if one. */
  lexiconIdOf(surface: string): string | undefined;
  /** True for a nationality or adjective the lexicon lists ("Kenyan", "Malian"). */
  isDemonym(word: string): boolean;
}

/**
 * A candidate as a rule proposes it: with `supersedes`, a well-formed longer name beats the known names nested in
 * it ("Kenya Defence Forces" over "Kenya"); `facts` go onto a new entity ({ kind: 'media' }).
 */
export interface RuleCandidate extends Candidate {
  supersedes?: boolean;
  facts?: EntityFacts;
}

/** A rule generator: a named pure function of the sentences and the context. */
export interface RuleGenerator {
  name: string;
  propose(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[];
}

/** The mention lists a context is built from: what extract's document state holds. */
export interface MentionSource {
  entity: string;
  start: number;
  end: number;
  surface: string;
  how: string;
}

/** Builds a context from the mentions found so far, the labels and types of new entities, and the lexicon. */
export function buildRuleContext(
  mentions: ReadonlyMap<number, readonly MentionSource[]>,
  labels: ReadonlyMap<string, string>,
  types: ReadonlyMap<string, EntityType>,
  lexicon: CompiledLexicon,
): RuleContext {
  const entities = new Map<string, KnownEntity>();
  const known = new Map<number, KnownMention[]>();
  for (const [sentence, list] of mentions) {
    const converted: KnownMention[] = [];
    for (const mention of list) {
      const entry = lexicon.get(mention.entity);
      const type = entry?.type ?? types.get(mention.entity) ?? 'person';
      const label = entry?.label ?? labels.get(mention.entity) ?? mention.surface;
      if (!entities.has(mention.entity)) entities.set(mention.entity, { id: mention.entity, label, type, names: entry ? [entry.label, ...entry.aliases] : [label] });
      converted.push({ start: mention.start, end: mention.end, entity: mention.entity, type, surface: mention.surface, guessed: mention.how === 'ner' && entry === undefined });
    }
    known.set(sentence, converted.sort((a, b) => a.start - b.start || b.end - a.end));
  }
  return {
    mentions: known,
    entities,
    lexiconIdOf(surface) {
      const key = matchKey(surface);
      const named = (lexicon.surfaceKeys.get(key) ?? []).filter((id) => {
        const entry = lexicon.get(id);
        return entry !== undefined && [entry.label, ...entry.aliases].some((form) => matchKey(form) === key);
      });
      return named.length === 1 ? named[0] : undefined;
    },
    isDemonym(word) {
      return lexicon.demonymKeys.has(matchKey(word));
    },
  };
}
