// A generated graph.json of any size, shaped like missiongraph's output (types, communities laid out as
// clusters, sizes from weighted degree, evidence on every co-mention link), for benchmarks and tests.
import { TYPE_COLORS } from '@missiongraph/graph';

const TYPES = ['mission', 'country', 'place', 'organization', 'person', 'concept'] as const;

/** mulberry32: a small seeded generator so the same arguments always give the same graph. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticGraphOptions {
  nodes: number;
  edges: number;
  seed?: number;
}

/** graph.json (graphology export of an undirected multi graph) with the given numbers of nodes and edges. */
export function syntheticGraphJson({ nodes, edges, seed = 7 }: SyntheticGraphOptions): unknown {
  const random = seededRandom(seed);
  const communities = Math.max(1, Math.round(Math.sqrt(nodes) / 2));
  const centres = Array.from({ length: communities }, (_, index) => {
    const angle = (index / communities) * Math.PI * 2;
    const radius = 200 + 800 * random();
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  const nodeList = Array.from({ length: nodes }, (_, index) => {
    const type = TYPES[index % TYPES.length] ?? 'concept';
    const community = Math.floor(random() * communities);
    const centre = centres[community] ?? { x: 0, y: 0 };
    const spread = 40 + 120 * random();
    return {
      key: `${type}:entity-${index}`,
      attributes: {
        label: `${type[0]?.toUpperCase()}${type.slice(1)} ${index}`,
        type,
        aliases: [`${type} ${index}`],
        mentions: 1 + Math.floor(random() * 20),
        documents: 1 + Math.floor(random() * 5),
        firstDocument: `doc-${index % 50}.txt`,
        lastDocument: `doc-${(index + 7) % 50}.txt`,
        facts: {},
        x: centre.x + spread * (random() - 0.5) * 2,
        y: centre.y + spread * (random() - 0.5) * 2,
        size: 2,
        color: TYPE_COLORS[type] ?? '#999999',
        community,
        weightedDegree: 0,
      },
    };
  });
  const seen = new Set<string>();
  const edgeList: unknown[] = [];
  const weighted = new Float64Array(nodes);
  let attempts = 0;
  while (edgeList.length < edges && attempts < edges * 20) {
    attempts += 1;
    const a = Math.floor(random() * nodes);
    // Most links stay inside a node's neighbourhood of keys, like co-mentions within a topic.
    const b = random() < 0.8 ? (a + 1 + Math.floor(random() * 60)) % nodes : Math.floor(random() * nodes);
    if (a === b) continue;
    const keyA = nodeList[a]?.key ?? '';
    const keyB = nodeList[b]?.key ?? '';
    const [source, target] = keyA < keyB ? [keyA, keyB] : [keyB, keyA];
    const key = `co:${source}|${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const weight = 1 + Math.floor(random() ** 3 * 12);
    weighted[a] = (weighted[a] ?? 0) + weight;
    weighted[b] = (weighted[b] ?? 0) + weight;
    const document = `doc-${Math.floor(random() * 50)}.txt`;
    edgeList.push({
      key,
      source,
      target,
      attributes: {
        kind: 'co-mention',
        weight,
        documents: 1,
        strength: Number((random() * 3).toFixed(4)),
        evidence: [{ document, sentence: Math.floor(random() * 400), text: `Sentence naming ${source} and ${target}.`, speaker: 'Analyst' }],
      },
    });
  }
  // Dates for the timeline: 45 of the 50 documents dated over 2013–2023, five without a date; tallies from the evidence.
  const documentDates: Record<string, { date: string; source: string }> = {};
  for (let index = 0; index < 45; index += 1) {
    const day = new Date(Date.UTC(2013, 0, 1) + Math.round((index * 3650) / 44) * 86_400_000);
    documentDates[`doc-${index}.txt`] = { date: day.toISOString().slice(0, 10), source: 'name' };
  }
  const tallies = new Map<string, Map<string, number>>();
  for (const edge of edgeList as { source: string; target: string; attributes: { evidence: { document: string }[] } }[]) {
    const document = edge.attributes.evidence[0]!.document;
    let entities = tallies.get(document);
    if (!entities) tallies.set(document, (entities = new Map()));
    for (const end of [edge.source, edge.target]) entities.set(end, (entities.get(end) ?? 0) + 1);
  }
  const documentTallies = Object.fromEntries(
    Array.from({ length: 50 }, (_, index) => `doc-${index}.txt`).map((document) => [
      document,
      { sentences: 400, entities: Object.fromEntries([...(tallies.get(document) ?? new Map<string, number>())].sort().map(([entity, named]) => [entity, [named, named]])) },
    ]),
  );
  nodeList.forEach((node, index) => {
    const degree = weighted[index] ?? 0;
    node.attributes.weightedDegree = degree;
    node.attributes.size = Number((2 + 1.5 * Math.sqrt(degree)).toFixed(3));
  });
  return {
    attributes: { creator: 'missiongraph-bench', documents: 50, sentences: 20_000, documentDates, documentTallies },
    options: { type: 'undirected', multi: true, allowSelfLoops: false },
    nodes: nodeList,
    edges: edgeList,
  };
}
