// Adds a graph built from new transcripts to an existing graph: entities and links that exist already
// gain the new mentions and evidence, new ones are added, and lexicon relations are completed.
import { addRelationEdges, type Evidence, type MissionGraph } from '@missiongraph/graph';

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
  // Relation edges between entities that met only in this merge (a new mission, its host country already there).
  addRelationEdges(base);
}
