// The graph of a period equals the graph built from that period's documents alone (every edge's weight and
// strength, every entity's mentions), documents without a date count only when asked, and spells follow dates.
import { describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '@missiongraph/extract';
import { buildGraph, GraphBuilder, TimelineIndex, type GraphBuilderState, timelineSpells, type MissionGraph, type Period, type TimelineEdge } from '../src/index.ts';
import { loadCorpus } from './helpers.ts';

function dated(extraction: DocumentExtraction, id: string, date: string | undefined, listSentences: readonly number[] = []): DocumentExtraction {
  const copy = structuredClone(extraction);
  copy.document.id = id;
  if (date === undefined) delete copy.document.date;
  else copy.document.date = date;
  for (const sentence of copy.sentences) if (listSentences.includes(sentence.index)) sentence.list = true;
  return copy;
}

const [interview, article] = loadCorpus() as [DocumentExtraction, DocumentExtraction];
const corpus = [
  dated(interview, 'a.txt', '2017-05-22'),
  dated(article, 'b.md', '2023-08-31'),
  dated(interview, 'c.txt', undefined, [0, 1, 2]),
];

function coMentionEdges(graph: MissionGraph): TimelineEdge[] {
  const edges: TimelineEdge[] = [];
  graph.forEachEdge((key, attributes, source, target) => {
    if (attributes.kind === 'co-mention') edges.push({ key, source, target, evidence: attributes.evidence ?? [] });
  });
  return edges;
}

function indexOf(graph: MissionGraph): TimelineIndex {
  return new TimelineIndex(graph.getAttribute('documentDates'), graph.getAttribute('documentTallies'), coMentionEdges(graph));
}

describe('the network of a period', () => {
  const whole = buildGraph(corpus);
  const index = indexOf(whole);

  it.each<[string, Period, string[]]>([
    ['2017 only', { from: '2017-01-01', to: '2017-12-31', undated: false }, ['a.txt']],
    ['2023 with the undated document', { from: '2023-01-01', to: '2023-12-31', undated: true }, ['b.md', 'c.txt']],
    ['everything', { from: '2000-01-01', to: '2030-01-01', undated: true }, ['a.txt', 'b.md', 'c.txt']],
    ['both dated documents', { from: '2017-05-22', to: '2023-08-31', undated: false }, ['a.txt', 'b.md']],
  ])('%s: weights, strengths and mentions are those of a build of its documents', (_name, period, documents) => {
    const network = index.network(period);
    expect([...network.documents].sort()).toEqual(documents);
    const alone = buildGraph(corpus.filter((extraction) => documents.includes(extraction.document.id)));
    const expected = new Map<string, { weight: number; strength: number }>();
    alone.forEachEdge((key, attributes) => {
      if (attributes.kind === 'co-mention') expected.set(key, { weight: attributes.weight, strength: attributes.strength! });
    });
    expect([...network.edges.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, entry] of expected) {
      expect(network.edges.get(key)!.weight, key).toBe(entry.weight);
      expect(network.edges.get(key)!.strength, key).toBeCloseTo(entry.strength, 12);
    }
    expect(network.sentences).toBe(alone.getAttribute('sentences'));
    alone.forEachNode((node, attributes) => expect(network.entities.get(node)?.mentions, node).toBe(attributes.mentions));
    expect(network.entities.size).toBe(alone.order);
  });

  it.each<[string, Period]>([
    ['2017 only', { from: '2017-01-01', to: '2017-12-31', undated: false }],
    ['2023 with the undated document', { from: '2023-01-01', to: '2023-12-31', undated: true }],
    ['a year without documents', { from: '2019-01-01', to: '2019-12-31', undated: false }],
  ])('%s: the packed recount a slider reads gives every edge the weight and strength of a build of its documents', (_name, period) => {
    const counts = index.recount(period);
    const alone = buildGraph(corpus.filter((extraction) => counts.documents.has(extraction.document.id)));
    expect(counts.sentences).toBe(counts.documents.size === 0 ? 0 : alone.getAttribute('sentences'));
    for (const edge of coMentionEdges(whole)) {
      const position = index.edgePosition(edge.key)!;
      const built = alone.hasEdge(edge.key) ? alone.getEdgeAttributes(edge.key) : undefined;
      expect(counts.edgeWeights[position], edge.key).toBe(built?.weight ?? 0);
      if (built) expect(counts.edgeStrengths[position], edge.key).toBeCloseTo(built.strength!, 12);
    }
    expect(index.edgePosition('co:not|an-edge')).toBeUndefined();
  });

  it('orders documents by date, undated last, and counts mentions per date', () => {
    expect(index.documents).toEqual(['a.txt', 'b.md', 'c.txt']);
    expect(index.distinctDates).toEqual(['2017-05-22', '2023-08-31']);
    expect(index.datedCount).toBe(2);
    const entity = 'mission:monusco';
    const perDocument = (id: string): number => buildGraph(corpus.filter((extraction) => extraction.document.id === id)).getNodeAttribute(entity, 'mentions');
    expect(index.mentionsOverTime(entity)).toEqual([
      { date: '2017-05-22', mentions: perDocument('a.txt'), documents: 1 },
      { date: '2023-08-31', mentions: perDocument('b.md'), documents: 1 },
      { date: null, mentions: perDocument('c.txt'), documents: 1 },
    ]);
  });

  it('gives an empty network for a period without documents', () => {
    const network = index.network({ from: '2019-01-01', to: '2019-12-31', undated: false });
    expect(network.documents.size).toBe(0);
    expect(network.edges.size).toBe(0);
    expect(network.entities.size).toBe(0);
  });

  it('keeps the per-document tallies through a builder state and a removal', () => {
    const builder = new GraphBuilder();
    for (const extraction of corpus) builder.add(extraction);
    const restored = GraphBuilder.fromState(JSON.parse(JSON.stringify(builder.exportState())) as GraphBuilderState);
    restored.remove(corpus[1]!);
    const expected = buildGraph([corpus[0]!, corpus[2]!]).getAttribute('documentTallies');
    expect(restored.finish().getAttribute('documentTallies')).toEqual(expected);
    expect(Object.keys(expected!)).toEqual(['a.txt', 'c.txt']);
  });
});

describe('timeline spells', () => {
  it('date every entity and co-mention edge by the dated documents that name it; undated-only elements get none', () => {
    const graph = buildGraph([dated(interview, 'a.txt', '2017-05-22'), dated(article, 'b.md', undefined)]);
    const spells = timelineSpells(graph.getAttribute('documentDates'), graph.getAttribute('documentTallies'), coMentionEdges(graph));
    graph.forEachNode((node) => {
      const inInterview = interview.entities.some((entity) => entity.id === node);
      expect(spells.nodes.get(node), node).toEqual(inInterview ? ['2017-05-22'] : undefined);
    });
    graph.forEachEdge((edge, attributes) => {
      if (attributes.kind !== 'co-mention') return;
      const inInterview = attributes.evidence!.some((item) => item.document === 'a.txt');
      expect(spells.edges.get(edge), edge).toEqual(inInterview ? ['2017-05-22'] : undefined);
    });
  });
});
