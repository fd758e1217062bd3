// Adds a graph built from new transcripts to an existing graph: entities and links that exist already
// gain the new mentions and evidence, new ones are added, every link's strength is worked out again over
// the whole corpus with the graph package's associationStrength, and lexicon relations are completed.
import { addRelationEdges, associationStrength, type Evidence, type GraphAttributes, type MissionGraph } from '@missiongraph/graph';

export type BuiltGraph = MissionGraph;

function count(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.length;
  return 0;
}

/** Every document id the graph names (evidence, first and last documents). */
export function documentsOf(graph: BuiltGraph): Set<string> {
  const documents = new Set<string>();
  graph.forEachNode((_node, attributes) => {
    if (typeof attributes.firstDocument === 'string') documents.add(attributes.firstDocument);
    if (typeof attributes.lastDocument === 'string') documents.add(attributes.lastDocument);
  });
  graph.forEachEdge((_edge, attributes) => {
    for (const sentence of attributes.evidence ?? []) documents.add(sentence.document);
  });
  return documents;
}

/** Relative tolerance when checking a recovered count against a link's strength. */
const TOLERANCE = 1e-6;

/**
 * How many sentences name each entity, read back from the links' strengths. graph.json keeps weight and
 * strength = weight · total / (s(a) · s(b)), so each link gives the product s(a) · s(b); along a component's
 * links every count follows from one of them, which an odd cycle fixes and, failing that, the counts being
 * whole numbers no larger than the mentions do. Entities without co-mention links count their mentions.
 */
export function sentencesPerEntity(graph: BuiltGraph): Map<string, number> {
  const total = Math.max(1, count(graph.getAttribute('sentences')));
  const products = new Map<string, { other: string; product: number }[]>();
  graph.forEachEdge((_edge, link, source, target) => {
    if (link.kind !== 'co-mention' || !(link.weight > 0) || !(typeof link.strength === 'number' && link.strength > 0)) return;
    const product = (link.weight * total) / link.strength;
    for (const [from, to] of [
      [source, target],
      [target, source],
    ] as const) {
      const list = products.get(from);
      if (list) list.push({ other: to, product });
      else products.set(from, [{ other: to, product }]);
    }
  });
  const counts = new Map<string, number>();
  const mentions = (node: string) => Math.max(1, count(graph.getNodeAttribute(node, 'mentions')));
  graph.forEachNode((root) => {
    if (counts.has(root)) return;
    if (!products.has(root)) {
      counts.set(root, mentions(root));
      return;
    }
    // log s(v) = offset(v) + sign(v) · log s(root), over a breadth-first walk of the component.
    const offset = new Map<string, number>([[root, 0]]);
    const sign = new Map<string, number>([[root, 1]]);
    const queue = [root];
    let rootLog: number | undefined;
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head]!;
      for (const { other, product } of products.get(node) ?? []) {
        const logProduct = Math.log(product);
        if (!offset.has(other)) {
          offset.set(other, logProduct - offset.get(node)!);
          sign.set(other, -sign.get(node)!);
          queue.push(other);
        } else if (sign.get(other) === sign.get(node) && rootLog === undefined) {
          rootLog = (logProduct - offset.get(node)! - offset.get(other)!) / (2 * sign.get(node)!);
        }
      }
    }
    const countsFor = (logRoot: number) => queue.map((node) => Math.exp(offset.get(node)! + sign.get(node)! * logRoot));
    const whole = (values: number[]) =>
      values.every((value, position) => Math.abs(value - Math.round(value)) <= TOLERANCE * value && Math.round(value) >= 1 && Math.round(value) <= mentions(queue[position]!));
    let chosen: number[] | undefined;
    if (rootLog !== undefined) chosen = countsFor(rootLog);
    else {
      for (let candidate = mentions(root); candidate >= 1 && !chosen; candidate -= 1) {
        const values = countsFor(Math.log(candidate));
        if (whole(values)) chosen = values;
      }
      chosen ??= countsFor(Math.log(mentions(root)));
    }
    queue.forEach((node, position) => counts.set(node, Math.max(1, Math.round(chosen[position]!))));
  });
  return counts;
}

/** Merges `addition` into `base` (mutates base); strengths come out as a build of both corpora gives them. */
export function mergeGraphInto(base: BuiltGraph, addition: BuiltGraph): void {
  const sentenceCounts = sentencesPerEntity(base);
  for (const [node, sentences] of sentencesPerEntity(addition)) sentenceCounts.set(node, (sentenceCounts.get(node) ?? 0) + sentences);
  const sentences = count(base.getAttribute('sentences')) + count(addition.getAttribute('sentences'));
  // The timeline's per-document dates and tallies: the added documents' join the base's.
  const mergedRecord = (name: 'documentDates' | 'documentTallies'): Record<string, unknown> | undefined => {
    const ours: unknown = base.getAttribute(name);
    const theirs: unknown = addition.getAttribute(name);
    if (typeof ours !== 'object' && typeof theirs !== 'object') return undefined;
    return Object.fromEntries([...Object.entries((ours ?? {}) as object), ...Object.entries((theirs ?? {}) as object)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  };
  const dates = mergedRecord('documentDates');
  if (dates !== undefined) base.setAttribute('documentDates', dates as GraphAttributes['documentDates']);
  const tallies = mergedRecord('documentTallies');
  if (tallies !== undefined) base.setAttribute('documentTallies', tallies as GraphAttributes['documentTallies']);
  base.mergeAttributes({
    creator: 'missiongraph',
    documents: count(base.getAttribute('documents')) + count(addition.getAttribute('documents')),
    sentences,
  });

  addition.forEachNode((key, added) => {
    if (!base.hasNode(key)) {
      base.addNode(key, { ...added });
      return;
    }
    const existing = base.getNodeAttributes(key);
    base.mergeNodeAttributes(key, {
      aliases: [...new Set([...(existing.aliases ?? []), ...added.aliases])].sort(),
      mentions: count(existing.mentions) + added.mentions,
      documents: count(existing.documents) + added.documents,
      lastDocument: added.lastDocument,
      ...(existing.facts || !added.facts ? {} : { facts: added.facts }),
    });
  });

  addition.forEachEdge((key, added, source, target) => {
    if (added.kind !== 'co-mention') {
      if (!base.hasEdge(key)) base.addEdgeWithKey(key, source, target, { ...added });
      return;
    }
    if (!base.hasEdge(key)) {
      base.addEdgeWithKey(key, source, target, { ...added, evidence: [...(added.evidence ?? [])] });
      return;
    }
    const existing = base.getEdgeAttributes(key);
    const evidence: Evidence[] = [...(existing.evidence ?? []), ...(added.evidence ?? [])];
    base.mergeEdgeAttributes(key, {
      weight: count(existing.weight) + added.weight,
      documents: count(existing.documents) + count(added.documents),
      evidence,
    });
  });
  // The base rate changed for every link, not only for those the new documents touch.
  base.forEachEdge((key, link, source, target) => {
    if (link.kind !== 'co-mention') return;
    base.setEdgeAttribute(key, 'strength', associationStrength(link.weight, sentenceCounts.get(source) ?? 1, sentenceCounts.get(target) ?? 1, sentences));
  });
  // Relation edges between entities that met only in this merge (a new mission, its host country already there).
  addRelationEdges(base);
}
