// buildGraph on handmade extraction fixtures: node and edge attributes, evidence, association
// strength, lexicon relation edges that stay apart from co-mention weights (and adding them again later), topics.
import type { DocumentExtraction } from '@missiongraph/extract';
import { describe, expect, it } from 'vitest';
import { addRelationEdges, buildGraph, GraphBuilder, LIST_CO_MENTION_WEIGHT, toGraphJson } from '../src/index.ts';
import { fixtureLexicon, loadCorpus } from './helpers.ts';

describe('buildGraph', () => {
  const graph = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });

  it('aggregates entities over documents', () => {
    const rows: [string, string, unknown][] = [
      ['mission:monusco', 'label', 'MONUSCO'],
      ['mission:monusco', 'type', 'mission'],
      ['mission:monusco', 'aliases', ['MONUSCO', "MONUSCO's"]],
      ['mission:monusco', 'mentions', 4],
      ['mission:monusco', 'documents', 2],
      ['mission:monusco', 'firstDocument', 'interviews/lacroix.txt'],
      ['mission:monusco', 'lastDocument', 'articles/minusca.md'],
      ['organization:african-union', 'firstDocument', 'articles/minusca.md'],
      ['mission:monuc', 'facts', { endYear: 2010, hostCountry: 'country:cod', startYear: 1999, status: 'closed', successor: 'mission:monusco' }],
      ['country:cod', 'facts', { iso3: 'COD' }],
    ];
    for (const [node, name, expected] of rows) expect(graph.getNodeAttribute(node, name as never), `${node}.${name}`).toEqual(expected);
    expect(graph.nodes()).toEqual([...graph.nodes()].sort());
    expect(graph.order).toBe(9);
  });

  it('counts co-mentions once per sentence, with evidence in corpus order', () => {
    const edge = graph.getEdgeAttributes('co:mission:minusca|organization:security-council');
    expect(edge.kind).toBe('co-mention');
    expect(edge.weight).toBe(2);
    expect(edge.documents).toBe(2);
    expect(edge.evidence).toEqual([
      {
        document: 'interviews/lacroix.txt',
        sentence: 5,
        text: 'Jean-Pierre Lacroix briefed the Security Council on MINUSCA and the Central African Republic.',
        speaker: 'Interviewer',
        time: '02:10',
      },
      { document: 'articles/minusca.md', sentence: 1, text: "The Security Council and the African Union back MINUSCA; so does MONUSCO's leadership." },
    ]);
  });

  it('gives association strength as observed over expected co-mentions', () => {
    // 9 sentences in the corpus; MONUC is named in 1, protection of civilians in 1, together in 1: 1 / (1·1/9).
    expect(graph.getEdgeAttribute('co:concept:protection-of-civilians|mission:monuc', 'strength')).toBeCloseTo(9, 12);
    // MINUSCA in 3 sentences, the Security Council in 3, together in 2: 2 / (3·3/9) = 2.
    expect(graph.getEdgeAttribute('co:mission:minusca|organization:security-council', 'strength')).toBeCloseTo(2, 12);
  });

  it('adds lexicon relations as their own edges, once, and leaves co-mention weights alone', () => {
    const relations = graph.filterEdges((_edge, attributes) => attributes.kind !== 'co-mention');
    expect(relations).toEqual([
      'rel:host-country:mission:minusca|country:caf',
      'rel:host-country:mission:monuc|country:cod',
      'rel:host-country:mission:monusco|country:cod',
      'rel:succeeded-by:mission:monuc|mission:monusco',
    ]);
    const succession = graph.getEdgeAttributes('rel:succeeded-by:mission:monuc|mission:monusco');
    expect(succession).toMatchObject({ kind: 'succeeded-by', weight: 0, from: 'mission:monuc', to: 'mission:monusco' });
    expect(graph.getEdgeAttribute('co:mission:monuc|mission:monusco', 'weight')).toBe(1);
    const withoutLexicon = buildGraph(loadCorpus());
    expect(withoutLexicon.getEdgeAttribute('co:mission:monuc|mission:monusco', 'weight')).toBe(1);
  });

  it('skips relations whose other end is not in the graph', () => {
    const corpus = loadCorpus().slice(1);
    const small = buildGraph(corpus, { lexicon: fixtureLexicon() });
    expect(small.hasNode('country:cod')).toBe(false);
    expect(small.filterEdges((_edge, attributes) => attributes.kind === 'host-country')).toEqual(['rel:host-country:mission:minusca|country:caf']);
  });

  it('keeps only the listed topics, with their label and score', () => {
    const corpus = loadCorpus();
    const first = corpus[0]!;
    first.entities.push(
      { id: 'topic:mandate', label: 'mandate', type: 'topic', aliases: ['mandate'], mentions: 1 },
      { id: 'topic:army', label: 'army', type: 'topic', aliases: ['army'], mentions: 1 },
    );
    first.coMentions.push({ source: 'mission:monusco', target: 'topic:mandate', sentence: 2 }, { source: 'mission:monusco', target: 'topic:army', sentence: 0 });
    const withTopics = buildGraph(corpus, { topics: [{ id: 'topic:mandate', label: 'Mandate renewal', score: 3.5 }] });
    expect(withTopics.getNodeAttributes('topic:mandate')).toMatchObject({ label: 'Mandate renewal', score: 3.5, type: 'topic' });
    expect(withTopics.hasNode('topic:army')).toBe(false);
    expect(withTopics.hasEdge('co:mission:monusco|topic:army')).toBe(false);
    expect(buildGraph(corpus).hasNode('topic:army')).toBe(true);
  });

  it('builds an empty graph from no documents', () => {
    const empty = buildGraph([]);
    expect([empty.order, empty.size]).toEqual([0, 0]);
  });
});

describe('GraphBuilder', () => {
  it('takes documents one at a time and needs none of them afterwards', () => {
    const whole = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
    const builder = new GraphBuilder({ lexicon: fixtureLexicon() });
    for (const extraction of loadCorpus()) {
      builder.add(extraction);
      // The caller may drop or reuse the extraction once added: wreck it and the graph must not change.
      for (const sentence of extraction.sentences) sentence.text = 'overwritten';
      for (const entity of extraction.entities) entity.aliases.length = 0;
      extraction.coMentions.length = 0;
    }
    expect(toGraphJson(builder.finish())).toBe(toGraphJson(whole));
    expect(() => builder.add(loadCorpus()[0]!)).toThrow(/add\(\) after finish\(\)/);
  });

  it('shares one evidence object per sentence between the edges it supports', () => {
    const graph = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
    const bySentence = new Map<string, Set<object>>();
    graph.forEachEdge((_edge, attributes) => {
      for (const item of attributes.evidence ?? []) {
        const key = `${item.document}#${item.sentence}`;
        bySentence.set(key, (bySentence.get(key) ?? new Set()).add(item));
      }
    });
    expect([...bySentence.values()].every((objects) => objects.size === 1)).toBe(true);
  });
});

describe('addRelationEdges', () => {
  const isRelation = (_edge: string, attributes: { kind: string }) => attributes.kind !== 'co-mention';

  it('puts back the relation edges a build makes, in the same order', () => {
    const whole = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
    const stripped = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
    for (const edge of stripped.filterEdges(isRelation)) stripped.dropEdge(edge);
    expect(stripped.filterEdges(isRelation)).toEqual([]);
    addRelationEdges(stripped);
    expect(toGraphJson(stripped)).toBe(toGraphJson(whole));
  });

  it('adds only the missing ones and leaves those already there alone, so it can run again', () => {
    const graph = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
    const kept = 'rel:host-country:mission:monusco|country:cod';
    for (const edge of graph.filterEdges(isRelation)) if (edge !== kept) graph.dropEdge(edge);
    graph.setEdgeAttribute(kept, 'label', 'kept as it was');
    addRelationEdges(graph);
    addRelationEdges(graph);
    expect(graph.filterEdges(isRelation)).toEqual([
      kept,
      'rel:host-country:mission:minusca|country:caf',
      'rel:host-country:mission:monuc|country:cod',
      'rel:succeeded-by:mission:monuc|mission:monusco',
    ]);
    expect(graph.getEdgeAttribute(kept, 'label')).toBe('kept as it was');
  });
});

describe('co-mentions from list sentences', () => {
  const document = (id: string, list: boolean): DocumentExtraction => ({
    document: { id, format: 'text', sentenceCount: 4, characters: 100, speakers: [], date: '2024-03-05', dateSource: 'dateline' },
    sentences: [
      { index: 0, text: 'MONUSCO in the Congo, UNMISS in South Sudan, MINUSCA in Bangui, UNIFIL in Lebanon.', ...(list ? { list: true } : {}) },
      { index: 1, text: 'MONUSCO and UNMISS shared helicopters.' },
    ],
    entities: [
      { id: 'mission:monusco', label: 'MONUSCO', type: 'mission', aliases: ['MONUSCO'], mentions: 2 },
      { id: 'mission:unmiss', label: 'UNMISS', type: 'mission', aliases: ['UNMISS'], mentions: 2 },
    ],
    mentions: [
      { entity: 'mission:monusco', sentence: 0, start: 0, end: 7, surface: 'MONUSCO' },
      { entity: 'mission:unmiss', sentence: 0, start: 22, end: 28, surface: 'UNMISS' },
      { entity: 'mission:monusco', sentence: 1, start: 0, end: 7, surface: 'MONUSCO' },
      { entity: 'mission:unmiss', sentence: 1, start: 12, end: 18, surface: 'UNMISS' },
    ],
    coMentions: [
      { source: 'mission:monusco', target: 'mission:unmiss', sentence: 0, ...(list ? { list: true } : {}) },
      { source: 'mission:monusco', target: 'mission:unmiss', sentence: 1 },
    ],
    warnings: [],
  });

  it('weigh LIST_CO_MENTION_WEIGHT in weight and association strength, and come after sentence evidence', () => {
    const listed = buildGraph([document('a.txt', true)]).getEdgeAttributes('co:mission:monusco|mission:unmiss');
    const stated = buildGraph([document('a.txt', false)]).getEdgeAttributes('co:mission:monusco|mission:unmiss');
    expect(LIST_CO_MENTION_WEIGHT).toBe(0.25);
    expect(stated.weight).toBe(2);
    expect(listed.weight).toBe(1.25);
    expect(listed.strength! / stated.strength!).toBeCloseTo(1.25 / 2, 10);
    expect(listed.evidence!.map((item) => item.sentence)).toEqual([1, 0]);
    expect(stated.evidence!.map((item) => item.sentence)).toEqual([0, 1]);
  });

  it('graph.json lists each dated document with its date and where it was read', () => {
    const graph = buildGraph([document('b.txt', false), { ...document('a.txt', false), document: { ...document('a.txt', false).document, date: '2023-08-31', dateSource: 'first-page' } }]);
    expect(graph.getAttribute('documentDates')).toEqual({ 'a.txt': { date: '2023-08-31', source: 'first-page' }, 'b.txt': { date: '2024-03-05', source: 'dateline' } });
    expect(Object.keys(JSON.parse(toGraphJson(graph)).attributes.documentDates)).toEqual(['a.txt', 'b.txt']);
  });
});
