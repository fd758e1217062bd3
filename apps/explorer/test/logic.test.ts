// The explorer's pure logic in Node, without a browser: graph checks, filters, URL state, search
// ranking, text decoding and the merge of dropped transcripts into a graph.
import { MultiUndirectedGraph } from 'graphology';
import { defaultLexicon, extractDocument } from '@missiongraph/extract';
import { buildGraph, toGraphJson, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from '@missiongraph/graph';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeVisibility, emptyFilters, type FilterState } from '../src/filters.ts';
import { graphFromSerialised, graphToSerialised, InputError } from '../src/graph-model.ts';
import { decodeText } from '../src/io.ts';
import { mergeGraphInto, type BuiltGraph } from '../src/merge.ts';
import { SearchIndex } from '../src/search.ts';
import { readViewState, viewStateToSearch } from '../src/url-state.ts';

const evidence = (document: string, sentence: number, speaker?: string) => ({ document, sentence, text: `s${sentence}`, ...(speaker ? { speaker } : {}) });

/** Four entities: MONUSCO—DRC (3 sentences, two speakers), MONUSCO—UN (1), UN—Guterres (1), and a host-country relation. */
const smallGraph = {
  nodes: [
    { key: 'mission:monusco', attributes: { label: 'MONUSCO', type: 'mission', aliases: ['MONUSCO'], mentions: 4, x: 0, y: 0, size: 5 } },
    { key: 'country:cod', attributes: { label: 'Democratic Republic of the Congo', type: 'country', aliases: ['DR Congo'], mentions: 3, x: 1, y: 0, size: 4 } },
    { key: 'organization:united-nations', attributes: { label: 'United Nations', type: 'organization', aliases: ['UN'], mentions: 2, x: 0, y: 1, size: 3 } },
    { key: 'person:antonio-guterres', attributes: { label: 'António Guterres', type: 'person', aliases: ['Guterres'], mentions: 1, x: 1, y: 1, size: 2 } },
  ],
  edges: [
    { key: 'co:country:cod|mission:monusco', source: 'country:cod', target: 'mission:monusco', attributes: { kind: 'co-mention', weight: 3, evidence: [evidence('a.txt', 1, 'Ann'), evidence('a.txt', 2, 'Bob'), evidence('b.txt', 1, 'Ann')] } },
    { key: 'co:mission:monusco|organization:united-nations', source: 'mission:monusco', target: 'organization:united-nations', attributes: { kind: 'co-mention', weight: 1, evidence: [evidence('b.txt', 4, 'Bob')] } },
    { key: 'co:organization:united-nations|person:antonio-guterres', source: 'organization:united-nations', target: 'person:antonio-guterres', attributes: { kind: 'co-mention', weight: 1, evidence: [evidence('a.txt', 7, 'Ann')] } },
    { key: 'rel:host-country:mission:monusco|country:cod', source: 'mission:monusco', target: 'country:cod', attributes: { kind: 'host-country', weight: 0, from: 'mission:monusco', to: 'country:cod' } },
  ],
};

describe('graph checks', () => {
  it('keeps the graph as given and drops forbidden fact keys', () => {
    const withProto = JSON.parse(JSON.stringify(smallGraph)) as typeof smallGraph;
    (withProto.nodes[0]!.attributes as Record<string, unknown>).facts = JSON.parse('{"__proto__": {"polluted": true}, "startYear": 2010}');
    const { graph } = graphFromSerialised(withProto, 'small.json');
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    expect(graph.getNodeAttribute('mission:monusco', 'facts')).toEqual({ startYear: 2010 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const again = graphFromSerialised(graphToSerialised(graph), 'again.json').graph;
    expect(again.export()).toEqual(graph.export());
  });

  it.each([
    [{ nodes: 'x' }, 'bad.json: not a graph JSON file ("nodes" must be an array)'],
    [{ nodes: [{ key: 'a' }], edges: [{ source: 'a', target: 'b' }] }, 'bad.json: edge 0 links to a missing node "b"'],
    [{ nodes: [{}] }, 'bad.json: node 0 has no key'],
    [{ nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ key: 'e', source: 'a', target: 'b' }, { key: 'e', source: 'b', target: 'a' }] }, 'bad.json: edge "e" appears twice'],
  ])('refuses %j with one line naming the file', (value, message) => {
    expect(() => graphFromSerialised(value, 'bad.json')).toThrow(new InputError(message));
  });

  it('reads the evidence of a graph.json that keeps each sentence once (evidenceSentences) like inline evidence', () => {
    const lexicon = defaultLexicon();
    const built = buildGraph(
      [extractDocument({ id: 'brief.txt', text: 'MONUSCO and the Security Council met in Kinshasa. MONUSCO reported to the Security Council.' }, { lexicon })],
      { lexicon },
    );
    const shared = JSON.parse(toGraphJson(built)) as { attributes: Record<string, unknown> };
    expect(Object.keys(shared.attributes.evidenceSentences as object).length).toBeGreaterThan(0);
    const fromTable = graphFromSerialised(shared, 'graph.json').graph;
    const fromInline = graphFromSerialised(JSON.parse(JSON.stringify(built.export())), 'inline.json').graph;
    expect(fromTable.size).toBeGreaterThan(0);
    fromInline.forEachEdge((edge, attributes) => {
      expect(fromTable.getEdgeAttribute(edge, 'evidence'), edge).toEqual(attributes.evidence);
      if (attributes.kind === 'co-mention') expect(attributes.evidence.length, edge).toBe(attributes.weight);
    });
  });

  it('places entities without a position and says so', () => {
    const { graph, notes } = graphFromSerialised({ nodes: [{ key: 'a', attributes: { x: Number.NaN } }, { key: 'b' }], edges: [] }, 'p.json');
    expect(Number.isFinite(graph.getNodeAttribute('a', 'x'))).toBe(true);
    expect(notes).toEqual(['p.json: 2 entities had no position; they were placed on a spiral (run the layout)']);
  });
});

describe('filters', () => {
  const { graph } = graphFromSerialised(smallGraph, 'small.json');
  const filters = (change: Partial<FilterState>): FilterState => ({ ...emptyFilters(), ...change });
  const cases: [string, FilterState, string[], number][] = [
    ['nothing filtered', filters({}), ['country:cod', 'mission:monusco', 'organization:united-nations', 'person:antonio-guterres'], 4],
    ['countries hidden', filters({ hiddenTypes: new Set(['country']) }), ['mission:monusco', 'organization:united-nations', 'person:antonio-guterres'], 2],
    ['links of weight 2 or more, unlinked shown', filters({ minEdgeWeight: 2, hideIsolated: false }), ['country:cod', 'mission:monusco', 'organization:united-nations', 'person:antonio-guterres'], 2],
    ['at least 2 links', filters({ minDegree: 2 }), ['country:cod', 'mission:monusco', 'organization:united-nations'], 3],
    ['document b.txt', filters({ documents: new Set(['b.txt']) }), ['country:cod', 'mission:monusco', 'organization:united-nations'], 3],
    ['speaker Bob', filters({ speakers: new Set(['Bob']) }), ['country:cod', 'mission:monusco', 'organization:united-nations'], 3],
    // Bob names all three, but none of his co-mentions reaches 2: only the lexicon relation stays.
    ['speaker Bob, weight 2, unlinked shown', filters({ speakers: new Set(['Bob']), minEdgeWeight: 2, hideIsolated: false }), ['country:cod', 'mission:monusco', 'organization:united-nations'], 1],
    ['speaker Bob, weight 2, at least 1 link', filters({ speakers: new Set(['Bob']), minEdgeWeight: 2, minDegree: 1 }), ['country:cod', 'mission:monusco'], 1],
  ];
  it.each(cases)('%s', (_name, state, nodes, edges) => {
    const visibility = computeVisibility(graph, state);
    expect([...visibility.nodes].sort()).toEqual(nodes);
    expect(visibility.edges.size).toBe(edges);
  });

  it.each([
    ['links of weight 2 or more', filters({ minEdgeWeight: 2 })],
    ['speaker Bob, weight 2', filters({ speakers: new Set(['Bob']), minEdgeWeight: 2 })],
  ])('%s: entities left without links are hidden by default', (_name, state) => {
    const shown = computeVisibility(graph, { ...state, hideIsolated: false });
    const hidden = computeVisibility(graph, state);
    const linked = new Set([...hidden.edges].flatMap((edge) => graph.extremities(edge)));
    expect([...hidden.nodes].filter((node) => !linked.has(node))).toEqual([]);
    expect(hidden.nodes.size).toBeLessThan(shown.nodes.size);
    expect([...hidden.edges].sort()).toEqual([...shown.edges].sort());
  });

  it('counts link weight over the chosen documents and speakers only', () => {
    const visibility = computeVisibility(graph, filters({ speakers: new Set(['Ann']) }));
    expect(visibility.edgeWeights.get('co:country:cod|mission:monusco')).toBe(2);
  });
});

describe('URL state', () => {
  it('round-trips selection, colours and filters, and ignores nonsense', () => {
    const search = '?node=mission%3Amonusco&colour=community&hide=country&hide=place&minWeight=3&minDegree=2&doc=a+b.txt&speaker=Ann';
    const state = readViewState(search);
    expect(state.selection).toEqual({ kind: 'node', key: 'mission:monusco' });
    expect(viewStateToSearch(state)).toBe(search);
    const nonsense = readViewState('?minWeight=-4&minDegree=abc&colour=rainbow');
    expect(viewStateToSearch(nonsense)).toBe('');
  });

  it('keeps the camera rounded so links stay short, and reads back the same camera', () => {
    const state = readViewState('?node=mission%3Amonusco');
    expect(state.camera).toBeNull();
    state.camera = { x: 0.512345678, y: -0.0000123456, ratio: 0.35294117647, angle: 0 };
    const search = viewStateToSearch(state);
    expect(search).toBe('?node=mission%3Amonusco&x=0.51235&y=-0.00001&ratio=0.3529');
    const again = readViewState(search);
    expect(again.camera).toEqual({ x: 0.51235, y: -0.00001, ratio: 0.3529, angle: 0 });
    expect(viewStateToSearch(again)).toBe(search);
    // A deep zoom keeps more decimals of x and y, a wide view fewer; the angle is written only when turned.
    expect(viewStateToSearch({ ...again, selection: null, camera: { x: 0.5, y: 0.25, ratio: 0.0213456, angle: 0 } })).toBe('?x=0.5&y=0.25&ratio=0.02135');
    expect(viewStateToSearch({ ...again, selection: null, camera: { x: 0.123456, y: 0.5, ratio: 12.3456, angle: -Math.PI / 2 } })).toBe(
      '?x=0.123&y=0.5&ratio=12.35&angle=4.7124',
    );
  });

  it.each([
    '?x=abc&y=0.5&ratio=1',
    '?x=0.5&y=0.5',
    '?x=0.5&y=0.5&ratio=0',
    '?x=0.5&y=0.5&ratio=-1',
    '?x=0.5&y=0.5&ratio=1e9',
    '?x=0.5&y=0.5&ratio=0.001',
    '?x=Infinity&y=0.5&ratio=1',
    '?x=0x10&y=0.5&ratio=1',
    '?x=&y=0.5&ratio=1',
    '?x=1e400&y=0.5&ratio=1',
    '?x=5000&y=0.5&ratio=1',
  ])('ignores the camera of %s', (search) => {
    expect(readViewState(search).camera).toBeNull();
    expect(viewStateToSearch(readViewState(search))).toBe('');
  });

  it('ignores a bad angle but keeps the rest of the camera', () => {
    expect(readViewState('?x=0.4&y=0.6&ratio=2&angle=NaN').camera).toEqual({ x: 0.4, y: 0.6, ratio: 2, angle: 0 });
  });
});

describe('search', () => {
  const { graph } = graphFromSerialised(smallGraph, 'small.json');
  const index = new SearchIndex(graph, new Map([['country:cod', ['DRC', 'Democratic Republic of the Congo']]]));
  it.each([
    ['DRC', 'country:cod'],
    ['drc', 'country:cod'],
    ['antonio', 'person:antonio-guterres'],
    ['Guterres', 'person:antonio-guterres'],
    ['congo', 'country:cod'],
    ['monu', 'mission:monusco'],
    ['UN', 'organization:united-nations'],
  ])('"%s" finds %s first', (query, key) => {
    expect(index.search(query)[0]?.key).toBe(key);
  });
  it('finds nothing for an unknown name', () => {
    expect(index.search('UNFICYP')).toEqual([]);
  });
});

describe('decoding dropped text', () => {
  const utf16le = (text: string) => new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer);
  it.each([
    ['UTF-8', new TextEncoder().encode('Côte d’Ivoire'), 'Côte d’Ivoire'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('MONUSCO')]), 'MONUSCO'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...utf16le('MINUSCA')]), 'MINUSCA'],
    ['UTF-16LE without BOM', utf16le('UNIFIL in Lebanon'), 'UNIFIL in Lebanon'],
    ['Windows-1252', new Uint8Array([0x43, 0xf4, 0x74, 0x65]), 'Côte'],
  ])('%s', (_name, bytes, text) => {
    expect(decodeText(bytes, 'x.txt')).toBe(text);
  });
  it('refuses binary data', () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 7, 0, 0]), 'x.txt')).toThrow('x.txt: looks like a binary file, not text');
  });
});

/** The seed transcripts (data/transcripts), in name order, as a build reads them. */
function seedDocuments(): { id: string; text: string }[] {
  const folder = path.join(import.meta.dirname, '../../../data/transcripts');
  return readdirSync(folder)
    .filter((name) => /\.(txt|md|vtt|srt)$/i.test(name))
    .sort()
    .map((name) => ({ id: name, text: readFileSync(path.join(folder, name), 'utf8') }));
}

describe('adding transcripts to a graph', () => {
  const lexicon = defaultLexicon();
  const build = (documents: { id: string; text: string }[]): BuiltGraph => buildGraph(documents.map((document) => extractDocument(document, { lexicon })), { lexicon });
  const first = { id: 'one.txt', text: 'MONUSCO works with the African Union in the Democratic Republic of the Congo.' };
  const second = { id: 'two.txt', text: 'MONUSCO and the African Union met again. MINURSO was not there.' };

  it('adds weights, evidence and entities as a build of both documents would', () => {
    const merged = build([first]);
    mergeGraphInto(merged, build([second]));
    const together = build([first, second]);
    expect(merged.nodes().sort()).toEqual(together.nodes().sort());
    expect(merged.edges().sort()).toEqual(together.edges().sort());
    together.forEachEdge((edge, attributes) => {
      expect(merged.getEdgeAttribute(edge, 'weight')).toBe(attributes.weight);
      expect(merged.getEdgeAttribute(edge, 'evidence')).toEqual(attributes.evidence);
    });
    together.forEachNode((node, attributes) => {
      expect(merged.getNodeAttribute(node, 'mentions')).toBe(attributes.mentions);
      expect(merged.getNodeAttribute(node, 'documents')).toBe(attributes.documents);
    });
    expect(merged.getAttribute('documents')).toBe(2);
  });

  /** Every co-mention link of `together` has the same strength in `merged` (to rounding), and no other link exists. */
  function expectStrengthsOfABuild(merged: BuiltGraph, together: BuiltGraph): void {
    expect(merged.edges().sort()).toEqual(together.edges().sort());
    let compared = 0;
    together.forEachEdge((edge, attributes) => {
      if (attributes.kind !== 'co-mention') return;
      const strength = merged.getEdgeAttribute(edge, 'strength') ?? Number.NaN;
      expect(Math.abs(strength - (attributes.strength ?? 0)), `${edge}: ${strength} vs ${attributes.strength}`).toBeLessThan(1e-9 * (attributes.strength ?? 1));
      compared += 1;
    });
    expect(compared).toBeGreaterThan(0);
  }

  it('gives every link the strength of a build of both documents (the DRC–MONUSCO case)', () => {
    const a = { id: 'a.txt', text: 'MONUSCO protects civilians in the Democratic Republic of the Congo. MONUSCO met the African Union.' };
    const b = { id: 'b.txt', text: 'In the Democratic Republic of the Congo, MONUSCO and the African Union spoke. Mali was calm.' };
    const merged = build([a]);
    mergeGraphInto(merged, build([b]));
    const together = build([a, b]);
    expectStrengthsOfABuild(merged, together);
    expect(merged.getEdgeAttribute('co:country:cod|mission:monusco', 'strength')).toBeCloseTo(together.getEdgeAttribute('co:country:cod|mission:monusco', 'strength') ?? 0, 12);
  });

  it('gives every link of the seed transcripts, split in two and merged, the strength of a build of all of them', () => {
    const seeds = seedDocuments();
    expect(seeds.length).toBeGreaterThanOrEqual(2);
    const half = Math.ceil(seeds.length / 2);
    const merged = build(seeds.slice(0, half));
    mergeGraphInto(merged, build(seeds.slice(half)));
    expectStrengthsOfABuild(merged, build(seeds));
  });

  it('links a new mission to its host country already in the graph', () => {
    const base: BuiltGraph = new MultiUndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    base.import(build([{ id: 'c.txt', text: 'Fighting continued in the Democratic Republic of the Congo and in Mali.' }]).export());
    mergeGraphInto(base, build([{ id: 'm.txt', text: 'MONUSCO issued a statement.' }]));
    expect(base.hasEdge('rel:host-country:mission:monusco|country:cod')).toBe(true);
  });

  it('completes relation links in the order a build lists them, and once however often merged', () => {
    const countries = { id: 'c.txt', text: 'Fighting went on in Sudan and in Somalia.' };
    const missions = { id: 'm.txt', text: 'AMIS handed over; AMISOM stayed.' };
    const isRelation = (_edge: string, attributes: EdgeAttributes) => attributes.kind !== 'co-mention';
    const base = build([countries]);
    mergeGraphInto(base, build([missions]));
    // AMIS's id is a prefix of AMISOM's: key order puts "amisom|" before "amis|".
    const expected = ['rel:host-country:mission:amisom|country:som', 'rel:host-country:mission:amis|country:sdn'];
    expect(base.filterEdges(isRelation)).toEqual(expected);
    expect(build([countries, missions]).filterEdges(isRelation)).toEqual(expected);
    mergeGraphInto(base, build([{ id: 'n.txt', text: 'AMIS worked in Sudan.' }]));
    expect(base.filterEdges(isRelation)).toEqual(expected);
  });
});
