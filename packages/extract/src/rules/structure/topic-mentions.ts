// The document's topics: candidate phrases outside entity mentions, scored by termhood and specificity; the
// best are `topic` mentions wherever they are written, or mentions of the lexicon concept they name.
import { findAgain } from '../../pipeline/find-again.ts';
import type { DocumentContext } from '../../pipeline/types.ts';
import { type DocumentState, coveredSpans } from '../../pipeline/state.ts';
import { slugify } from '../../text/slug.ts';
import { collectPhrases, phrasePattern, topicKey } from '../../topics/candidates.ts';
import { PhraseCounter } from '../../topics/phrase-counter.ts';
import { lexiconTopicKeys } from '../../topics/concepts.ts';
import { FormFinder } from '../../topics/forms.ts';
import { type ScoredPhrase, scorePhrases, topicBudget } from '../../topics/score.ts';
import { type SentenceRecord } from '../../types.ts';

/** The id of the topic a phrase key names: `topic:` and the key's slug, the same in every document and corpus. */
export function topicId(key: string): string {
  return `topic:${slugify(key)}`;
}

/** topicKey and topicId of the phrases found again, once per process for each way a phrase is written. */
const keysOfWritten = new Map<string, { key: string; id: string }>();

function keyOfWritten(written: string): { key: string; id: string } {
  let known = keysOfWritten.get(written);
  if (known === undefined) {
    const key = topicKey(written);
    known = { key, id: topicId(key) };
    if (keysOfWritten.size < 50_000) keysOfWritten.set(written, known);
  }
  return known;
}

/**
 * Marks the document's topics (scorePhrases) wherever one of their written forms occurs outside entity
 * mentions, so topics get sentence evidence and co-mentions. A topic whose key is a lexicon entry's form
 * is a mention of that entry instead (the concept merge).
 */
export function addTopicMentions(state: DocumentContext, topics: readonly ScoredPhrase[]): void {
  if (topics.length === 0) return;
  const conceptKeys = lexiconTopicKeys(state.lexicon);
  const byKey = new Map(topics.map((topic) => [topic.key, topic]));
  // What each written form found names, decided once per form: its topic, and the entity it is a mention of.
  const named = new Map<string, { topic: ScoredPhrase; key: string; entity: string; concept: boolean } | undefined>();
  const nameOf = (written: string) => {
    if (named.has(written)) return named.get(written);
    const { key, id } = keyOfWritten(written);
    const topic = byKey.get(key);
    const concept = topic === undefined ? undefined : conceptKeys.get(key);
    const entity = concept ?? id;
    const name = topic === undefined || entity === 'topic:' ? undefined : { topic, key, entity, concept: concept !== undefined };
    named.set(written, name);
    return name;
  };
  findAgain(state, 'topic-mentions', new FormFinder(topicFormsInOrder(topics)), (match, sentence) => {
    const name = nameOf(match[0]);
    if (name === undefined) return undefined;
    const { topic, key, entity } = name;
    const start = match.index;
    const end = start + match[0].length;
    if (name.concept) {
      return { entity, sentence, start, end, surface: match[0], how: 'lexicon', rule: 'topic-concept', reason: `the phrase "${key}" is the lexicon's ${entity}` };
    }
    state.labels.set(entity, topic.label);
    state.types.set(entity, 'topic');
    return { entity, sentence, start, end, surface: match[0], how: 'lexicon', rule: 'topic', reason: `one of the document's topics (score ${topic.score})` };
  });
}

/**
 * The written forms of the topics (lower case) in the order of the alternation that finds them, longest form
 * first, each singular-or-plural pattern once. The alternation is grouped by first letter
 * ("a(?:rmed groups?|tax)|c(?:…)"), the groups in the order their letters first appear, then the forms that
 * open on anything but a letter: FormFinder tries them in this order, and so finds what that regex finds.
 */
function topicFormsInOrder(topics: readonly ScoredPhrase[]): string[] {
  const forms = [...new Set(topics.flatMap((topic) => topic.surfaces.map((surface) => surface.toLowerCase())))];
  forms.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const groups = new Map<string, string[]>();
  const ungrouped: string[] = [];
  // "protection of civilian mandate" and "… mandates" are one pattern.
  const patterns = new Set<string>();
  for (const form of forms) {
    const body = phrasePattern(form);
    if (patterns.has(body)) continue;
    patterns.add(body);
    const first = body[0]!;
    if (!/^\p{L}/u.test(body)) ungrouped.push(form);
    else if (groups.has(first)) groups.get(first)!.push(form);
    else groups.set(first, [form]);
  }
  return [...[...groups.values()].flat(), ...ungrouped];
}

/** Distinct phrases a document's tally holds at most (a huge file's later new phrases are not counted; memory stays bounded). */
export const MAX_DISTINCT_PHRASES = 200_000;
/** Characters of a document its topics are chosen from: the first sentences up to this many (a 100 MB file's topics are those of its first megabyte; they are then found in all of it). */
export const MAX_TOPIC_CHARACTERS = 1_000_000;
/** Written forms kept per phrase. */
const MAX_SURFACES = 8;

/** The document's topics: its candidate phrases (entity mentions masked) scored, the best kept. */
export function documentTopics(sentences: readonly SentenceRecord[], state: DocumentState): ScoredPhrase[] {
  const counter = new PhraseCounter(MAX_DISTINCT_PHRASES, MAX_SURFACES);
  let characters = 0;
  for (const sentence of sentences) {
    if (characters >= MAX_TOPIC_CHARACTERS) break;
    characters += sentence.text.length;
    collectPhrases(sentence.text, coveredSpans(state, sentence.index), counter);
  }
  return scorePhrases(counter, topicBudget(sentences.length));
}
