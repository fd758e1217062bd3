// Adds a graph built from new transcripts to an existing graph: entities and links that exist already
// gain the new mentions and evidence, new ones are added, and lexicon relations are completed.
import type { MultiUndirectedGraph } from 'graphology';
import type { EdgeAttributes, Evidence, GraphAttributes, NodeAttributes } from '@missiongraph/graph';

export type BuiltGraph = MultiUndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

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

/**
 * Association strength as buildGraph defines it (observed co-mentions over those expected by chance),
 * with an entity's mentions standing in for the sentences that name it, which graph.json does not keep.
 */
function strength(base: BuiltGraph, weight: number, source: string, target: string, sentences: number): number {
  const expected =
    (Math.max(1, count(base.getNodeAttribute(source, 'mentions'))) * Math.max(1, count(base.getNodeAttribute(target, 'mentions')))) /
    Math.max(1, sentences);
  return weight / expected;
}

/** Merges `addition` into `base` (mutates base). */
export function mergeGraphInto(base: BuiltGraph, addition: BuiltGraph): void {
  const sentences = count(base.getAttribute('sentences')) + count(addition.getAttribute('sentences'));
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

  const touched = new Set<string>();
  addition.forEachEdge((key, added, source, target) => {
    if (added.kind !== 'co-mention') {
      if (!base.hasEdge(key)) base.addEdgeWithKey(key, source, target, { ...added });
      return;
    }
    touched.add(key);
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
  for (const key of touched) {
    const [source, target] = base.extremities(key);
    base.setEdgeAttribute(key, 'strength', strength(base, base.getEdgeAttribute(key, 'weight'), source, target, sentences));
  }
  addMissingRelations(base);
}

/** Relation edges (host country, succession) between entities that now both exist, like buildGraph makes. */
function addMissingRelations(graph: BuiltGraph): void {
  const relations: { kind: 'host-country' | 'succeeded-by'; from: string; to: string }[] = [];
  graph.forEachNode((id, attributes) => {
    const facts = attributes.facts;
    if (!facts) return;
    if (typeof facts.hostCountry === 'string') relations.push({ kind: 'host-country', from: id, to: facts.hostCountry });
    if (typeof facts.successor === 'string') relations.push({ kind: 'succeeded-by', from: id, to: facts.successor });
    if (typeof facts.predecessor === 'string') relations.push({ kind: 'succeeded-by', from: facts.predecessor, to: id });
  });
  relations.sort((a, b) => (a.kind + a.from + a.to < b.kind + b.from + b.to ? -1 : 1));
  for (const relation of relations) {
    const key = `rel:${relation.kind}:${relation.from}|${relation.to}`;
    if (relation.from === relation.to || graph.hasEdge(key)) continue;
    if (!graph.hasNode(relation.from) || !graph.hasNode(relation.to)) continue;
    graph.addEdgeWithKey(key, relation.from, relation.to, { kind: relation.kind, weight: 0, from: relation.from, to: relation.to, label: relation.kind });
  }
}
