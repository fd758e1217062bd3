// The transcript worker: runs extraction on dropped transcripts, builds their graph, merges it into the
// current one and recomputes metrics and communities, placing only new entities, all off the page's main thread.
import { MultiUndirectedGraph } from 'graphology';
import { applyDocumentDate, defaultLexicon, extractDocument } from '@missiongraph/extract';
import { analyzeGraph, analyzeGraphWithLayoutElsewhere, buildGraph, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from '@missiongraph/graph';
import { documentsOf, mergeGraphInto, type BuiltGraph } from './merge.ts';
import { placeNewNodes } from './placement.ts';
import type { NewDocument, RebuildReply, RebuildRequest } from './rebuild-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(message: RebuildReply): void {
  scope.postMessage(message);
}

function baseGraph(serialised: unknown): BuiltGraph {
  const graph: BuiltGraph = new MultiUndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
  if (serialised) graph.import(serialised as Parameters<BuiltGraph['import']>[0]);
  return graph;
}

/** Positions of the entities already laid out, which the map keeps. */
function positionsOf(graph: BuiltGraph): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node, attributes) => {
    if (typeof attributes.x === 'number' && typeof attributes.y === 'number') positions.set(node, { x: attributes.x, y: attributes.y });
  });
  return positions;
}

/**
 * Metrics and communities over the whole graph; positions only for new entities (near their neighbours) when
 * there was a map already, so nothing the user has seen moves. A first graph gets a full layout.
 */
async function analyzeKeepingPositions(graph: BuiltGraph, previous: Map<string, { x: number; y: number }>): Promise<void> {
  if (previous.size === 0) {
    analyzeGraph(graph, { seed: 1 });
    return;
  }
  await analyzeGraphWithLayoutElsewhere(graph, { seed: 1 }, (network) => Promise.resolve(placeNewNodes(network, previous)));
  // analyzeGraph's overlap removal may nudge anything; the entities already shown go back exactly where they were.
  for (const [node, position] of previous) if (graph.hasNode(node)) graph.mergeNodeAttributes(node, position);
}

async function addDocuments(requestId: number, serialised: unknown, documents: NewDocument[]): Promise<void> {
  const warnings: string[] = [];
  const graph = baseGraph(serialised);
  const previous = positionsOf(graph);
  const known = documentsOf(graph);
  const fresh = documents.filter((document) => {
    if (!known.has(document.id)) return true;
    warnings.push(`${document.id}: a document with this name is already in the graph; it was not added again`);
    return false;
  });
  const lexicon = defaultLexicon();
  const total = fresh.length + 2;
  const extractions = fresh.map((document, position) => {
    reply({ type: 'progress', requestId, done: position, total, step: `Reading ${document.id} (${position + 1} of ${fresh.length})…` });
    const extraction = extractDocument({ id: document.id, text: document.text }, { lexicon });
    // Dated as the CLI dates it: the text (a PDF's first page first), then the file name; then the file's time.
    applyDocumentDate(extraction, document, 'content', Number.NaN);
    if (extraction.document.date === undefined && document.lastModified !== undefined) applyDocumentDate(extraction, {}, 'mtime', document.lastModified);
    for (const warning of extraction.warnings) warnings.push(`${document.id}: ${warning}`);
    return extraction;
  });
  reply({ type: 'progress', requestId, done: fresh.length, total, step: 'Linking entities…' });
  if (extractions.length > 0) mergeGraphInto(graph, buildGraph(extractions, { lexicon }));
  reply({ type: 'progress', requestId, done: fresh.length + 1, total, step: 'Laying out the graph…' });
  if (extractions.length > 0) await analyzeKeepingPositions(graph, previous);
  reply({ type: 'done', requestId, graph: graph.export(), warnings });
}

function lexiconNames(requestId: number, ids: string[]): void {
  const lexicon = defaultLexicon();
  const names: [string, string[]][] = [];
  for (const id of ids) {
    const entry = lexicon.get(id);
    if (entry) names.push([id, [...entry.aliases]]);
  }
  reply({ type: 'names', requestId, names });
}

function failed(requestId: number, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  reply({ type: 'error', requestId, message: `explorer/transcripts: ${message}` });
}

scope.addEventListener('message', (event: MessageEvent<RebuildRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'add') {
      addDocuments(request.requestId, request.graph, request.documents).catch((error: unknown) => failed(request.requestId, error));
    } else lexiconNames(request.requestId, request.ids);
  } catch (error) {
    failed(request.requestId, error);
  }
});
