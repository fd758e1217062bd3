// Topics: key phrases normalised (case, plural, "signs of early warning"), filtered against general English,
// merged with the lexicon's concepts, and ranked across a corpus; ids are the same in every document.
import { describe, expect, it } from 'vitest';
import { extractDocument, rankTopics, topicLexicon } from '../src/index.ts';
import { MAX_DISTINCT_PHRASES } from '../src/rules/structure/topic-mentions.ts';
import { topicKey } from '../src/topics/candidates.ts';
import { PhraseCounter, keyWordCount, keyWordId } from '../src/topics/phrase-counter.ts';
import { wordSpecificity, phraseSpecificity } from '../src/topics/background.ts';
import { passesBackground } from '../src/topics/score.ts';
import { testLexicon } from './helpers.ts';

const withTopics = (id: string, text: string) => extractDocument({ id, text }, { lexicon: testLexicon, topics: true, useNer: false });
const topicsOf = (text: string) =>
  withTopics('doc.txt', text)
    .entities.filter((entity) => entity.type === 'topic')
    .map((entity) => entity.id);

const corpus = [
  'Armed groups attacked the camp. The armed groups fled. Early warning systems failed in MONUSCO areas. Early warning systems were rebuilt.',
  'Armed groups control the mines. Local armed groups recruit children. Community alert networks help.',
  'The community alert networks worked. Armed groups withdrew. Community alert networks were praised. The armed groups came back.',
].map((text, index) => withTopics(`doc${index}.txt`, text));

describe('topics', () => {
  it('keys a phrase the same whatever its case, number and word order', () => {
    const rows: [string, string][] = [
      ['Armed groups', 'armed group'],
      ['atrocities', 'atrocity'],
      ['crises', 'crisis'],
      ['process', 'process'],
      ['early warning signs', 'early warning sign'],
      ['signs of early warning', 'early warning sign'],
      ['Protection of the civilians', 'civilian protection'],
      ['civilian protection', 'civilian protection'],
    ];
    for (const [phrase, key] of rows) expect([phrase, topicKey(phrase)]).toEqual([phrase, key]);
  });

  it('makes "signs of early warning" and "early warning signs" one topic with one id and a lower-case label', () => {
    const result = withTopics(
      'doc.txt',
      'Early warning signs were missed. The mission studied the signs of early warning in each village. Nobody acted on early warning signs.',
    );
    const topic = result.entities.find((entity) => entity.id === 'topic:early-warning-sign');
    expect(topic).toMatchObject({ type: 'topic', label: 'early warning signs', mentions: 3 });
    expect(topic?.aliases).toEqual(['Early warning signs', 'early warning signs', 'signs of early warning']);
  });

  it('leaves out words every speaker uses and keeps phrases specific to the field', () => {
    // Background specificity: 6 minus the word's Zipf frequency in spoken English.
    expect(wordSpecificity('work')).toBeLessThan(0.5);
    expect(wordSpecificity('role')).toBeLessThan(2);
    expect(wordSpecificity('peacekeeping')).toBeGreaterThan(4);
    expect(passesBackground(1, 9, wordSpecificity('role'))).toBe(false);
    expect(passesBackground(1, 3, wordSpecificity('peacekeeping'))).toBe(true);
    expect(passesBackground(2, 1, phraseSpecificity(['transnational', 'criminal', 'activity']))).toBe(true);
    expect(passesBackground(2, 1, phraseSpecificity(['good', 'work']))).toBe(false);
    const topics = topicsOf(
      'Our role is work. The role of the country is work in terms of work. In terms of the role, the country works. ' +
        'Peacekeeping mandates changed. The peacekeeping mandates grew. Terms of work are roles.',
    );
    expect(topics).toContain('topic:peacekeeping-mandate');
    for (const generic of ['topic:role', 'topic:term', 'topic:work', 'topic:country', 'topic:work-term']) expect(topics).not.toContain(generic);
  });

  it('makes a phrase that is a lexicon concept a mention of that concept, never a topic of its own', () => {
    const result = withTopics('doc.txt', 'Civilian protection came first. MONUSCO put civilian protection at the centre. Civilian protection failed in Beni.');
    expect(result.entities.some((entity) => entity.id === 'topic:civilian-protection')).toBe(false);
    const concept = result.entities.find((entity) => entity.id === 'concept:protection-of-civilians');
    expect(concept).toMatchObject({ type: 'concept', label: 'protection of civilians', mentions: 3 });
    expect(result.coMentions).toContainEqual({ source: 'concept:protection-of-civilians', target: 'mission:monusco', sentence: 1 });
  });

  it('gives a phrase the same id in every document and is deterministic', () => {
    const ids = corpus.map((extraction) => extraction.entities.filter((entity) => entity.type === 'topic').map((entity) => entity.id));
    expect(ids.every((list) => list.includes('topic:armed-group'))).toBe(true);
    expect(JSON.stringify(corpus[1])).toBe(JSON.stringify(withTopics('doc1.txt', 'Armed groups control the mines. Local armed groups recruit children. Community alert networks help.')));
    // Phrases naming entities (MONUSCO) are never topics; topics are off unless asked for.
    expect(ids.flat().some((id) => id.includes('monusco'))).toBe(false);
    const withoutTopics = extractDocument({ id: 'x', text: 'Armed groups attacked MONUSCO. Armed groups fled.' }, { lexicon: testLexicon, useNer: false });
    expect(withoutTopics.entities.map((entity) => entity.type)).toEqual(['mission']);
  });

  it('ranks the corpus topics by termhood and the documents using them', () => {
    const topics = rankTopics(corpus, { max: 3 });
    expect(topics[0]).toMatchObject({ id: 'topic:armed-group', label: 'armed groups', documents: 3 });
    expect(topics.map((topic) => topic.id)).toContain('topic:community-alert-network');
    expect(JSON.stringify(rankTopics(corpus))).toBe(JSON.stringify(rankTopics([...corpus])));
  });

  it('finds ranked topics as topic mentions with co-mentions in a second pass', () => {
    const lexicon = topicLexicon(testLexicon, rankTopics(corpus, { max: 2 }));
    const result = extractDocument({ id: 'doc0.txt', text: 'Armed groups attacked MONUSCO.' }, { lexicon, useNer: false });
    expect(result.entities.map((entity) => [entity.id, entity.type])).toEqual([
      ['mission:monusco', 'mission'],
      ['topic:armed-group', 'topic'],
    ]);
    expect(result.coMentions).toEqual([{ source: 'mission:monusco', target: 'topic:armed-group', sentence: 0 }]);
  });
});

describe('topic word tables', () => {
  it('finds the same topics after a process has read so many distinct words that its word tables start again', () => {
    const text =
      'Early warning signs were missed. The mission studied the signs of early warning in each village. Nobody acted on early warning signs. Armed groups attacked the camp; the armed groups fled.';
    const before = withTopics('before.txt', text);
    // 450,000 distinct made-up words numbered (more than the key word table keeps); the next document's counter starts the tables again.
    for (let index = 0; index < 450_000; index += 1) keyWordId(`q${index.toString(36)}`);
    new PhraseCounter(MAX_DISTINCT_PHRASES, 8);
    // The table started again (it now holds fewer words than were numbered).
    expect(keyWordCount()).toBeLessThan(450_000);
    const after = withTopics('after.txt', text);
    expect(after.entities.filter((entity) => entity.type === 'topic')).toEqual(before.entities.filter((entity) => entity.type === 'topic'));
    expect(after.entities.some((entity) => entity.id === 'topic:early-warning-sign')).toBe(true);
  });
});
