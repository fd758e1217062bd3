// Topics: candidate phrases per document and the corpus-level termhood ranking; ranked topics can be
// added to a lexicon so a second pass finds them with evidence.
import { describe, expect, it } from 'vitest';
import { extractDocument, rankTopics, topicLexicon } from '../src/index.ts';
import { testLexicon } from './helpers.ts';

const corpus = [
  'Armed groups attacked the camp. The armed groups fled. Early warning systems failed in MONUSCO areas.',
  'Armed groups control the mines. Local armed groups recruit children. Community alert networks help.',
  'The community alert networks worked. Armed groups withdrew. Community alert networks were praised.',
].map((text, index) => extractDocument({ id: `doc${index}.txt`, text }, { lexicon: testLexicon, topics: true, useNer: false }));

describe('topics', () => {
  it('collects candidate phrases without entity mentions or stopwords', () => {
    const phrases = corpus[0]?.topicCandidates?.map((candidate) => candidate.phrase) ?? [];
    expect(phrases).toContain('armed group');
    expect(phrases).not.toContain('monusco');
    expect(phrases).not.toContain('the');
    expect(corpus[0]?.topicCandidates?.find((candidate) => candidate.phrase === 'armed group')?.count).toBe(2);
  });

  it('ranks recurring multi-word terms first and counts documents', () => {
    const topics = rankTopics(corpus, { max: 3 });
    // "armed", "groups", "community" only ever appear inside longer terms: their C-value is 0, so they are left out.
    expect(topics.map((topic) => topic.id)).toEqual(['topic:armed-group', 'topic:community-alert-network']);
    // Ids use the singular key; labels the form most often written.
    expect(topics[0]).toMatchObject({ label: 'armed groups', documents: 3, count: 5 });
  });

  it('is deterministic and leaves out phrases that name entities', () => {
    expect(JSON.stringify(rankTopics(corpus))).toBe(JSON.stringify(rankTopics([...corpus])));
    expect(rankTopics(corpus).some((topic) => topic.label === 'monusco')).toBe(false);
  });

  it('marks a document\'s recurring phrases as topic mentions with evidence and co-mentions', () => {
    const result = corpus[1];
    const topic = result?.entities.find((entity) => entity.id === 'topic:armed-group');
    expect(topic).toMatchObject({ type: 'topic', label: 'armed groups', mentions: 2, aliases: ['Armed groups', 'armed groups'] });
    const withoutTopics = extractDocument({ id: 'x', text: 'Armed groups attacked MONUSCO. Armed groups fled.' }, { lexicon: testLexicon, useNer: false });
    expect(withoutTopics.entities.map((entity) => entity.type)).toEqual(['mission']);
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
