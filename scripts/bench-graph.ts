// Graph benchmark: build, metrics, communities, layout and every export on generated corpora of
// 1k nodes / 10k edges and 10k / 100k, with our GEXF writer timed beside graphology-gexf's own.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  analyzeGraph,
  buildGraph,
  toGraphJson,
  writeEdgesCsv,
  writeEvidenceJsonl,
  writeGexf,
  writeGraphml,
  writeNodesCsv,
  type MissionGraph,
} from '../packages/graph/src/index.ts';
import { seededRandom } from '../packages/graph/src/random.ts';

type DocumentExtraction = Parameters<typeof buildGraph>[0][number];

// graphology-gexf is a dependency of packages/graph, resolved from there.
const requireFromGraph = createRequire(new URL('../packages/graph/package.json', import.meta.url));
type Formatted = { label?: string; weight?: number; kind?: string; viz?: Record<string, unknown>; attributes?: Record<string, unknown> };
const gexf = requireFromGraph('graphology-gexf') as {
  write(graph: MissionGraph, options: { version: '1.3'; formatNode?: (key: string, attributes: Record<string, unknown>) => Formatted; formatEdge?: (key: string, attributes: Record<string, unknown>) => Formatted }): string;
};

/** The least graphology-gexf needs to write our graph at all: arrays and objects as JSON text (its list writer throws on objects). */
function baselineFormatter(edge: boolean) {
  return (_key: string, attributes: Record<string, unknown>): Formatted => {
    const output: Formatted = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'label') output.label = value as string;
      else if (edge && name === 'weight') output.weight = value as number;
      else if (edge && name === 'kind') output.kind = value as string;
      else if (!edge && ['x', 'y', 'size', 'color'].includes(name)) (output.viz ??= {})[name] = value;
      else (output.attributes ??= {})[name] = value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
    }
    return output;
  };
}

const TYPES = ['mission', 'country', 'place', 'organization', 'person', 'concept'] as const;

/**
 * A deterministic corpus with `nodes` entities and `pairs` distinct co-mention pairs: clusters of 50
 * entities, popular entities favoured (rank ∝ u²), one co-mentioned pair per sentence, 200 sentences a document.
 */
export function syntheticCorpus(nodes: number, pairs: number, seed = 42): DocumentExtraction[] {
  const random = seededRandom(seed);
  const id = (index: number): string => `${TYPES[index % TYPES.length]}:entity-${index}`;
  const seen = new Set<string>();
  const documents: DocumentExtraction[] = [];
  let current: DocumentExtraction | undefined;
  let entities = new Map<string, DocumentExtraction['entities'][number]>();
  const flush = (): void => {
    if (!current) return;
    current.entities = [...entities.values()];
    current.document.sentenceCount = current.sentences.length;
    documents.push(current);
    current = undefined;
    entities = new Map();
  };
  while (seen.size < pairs) {
    const a = Math.floor(nodes * random() ** 2);
    const b = random() < 0.8 ? Math.min(nodes - 1, Math.floor(a / 50) * 50 + Math.floor(random() * 50)) : Math.floor(nodes * random() ** 2);
    if (a === b) continue;
    const [source, target] = [id(a), id(b)].sort() as [string, string];
    seen.add(`${source}|${target}`);
    current ??= {
      document: { id: `generated/doc-${String(documents.length).padStart(5, '0')}.txt`, format: 'transcript', sentenceCount: 0, characters: 0, speakers: ['A', 'B'] },
      sentences: [],
      entities: [],
      mentions: [],
      coMentions: [],
      warnings: [],
    };
    const index = current.sentences.length;
    const text = `In sentence ${index}, ${source} worked with ${target} on the protection of civilians.`;
    current.sentences.push({ index, text, speaker: index % 2 ? 'A' : 'B', time: `00:${String(index % 60).padStart(2, '0')}` });
    current.document.characters += text.length;
    for (const entity of [source, target]) {
      current.mentions.push({ entity, sentence: index, start: 0, end: entity.length, surface: entity });
      const known = entities.get(entity);
      if (known) known.mentions += 1;
      else entities.set(entity, { id: entity, label: entity.replace(/^[a-z]+:/, '').toUpperCase(), type: entity.split(':')[0] as (typeof TYPES)[number], aliases: [entity], mentions: 1 });
    }
    current.coMentions.push({ source, target, sentence: index });
    if (current.sentences.length >= 200) flush();
  }
  flush();
  return documents;
}

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

export interface GraphBenchRow {
  graph: string;
  stage: string;
  ms: number;
  detail: string;
}

const mb = (text: string): number => Buffer.byteLength(text) / 1e6;

export function runGraphBench(sizes: readonly (readonly [number, number])[] = [[1_000, 10_000], [10_000, 100_000]]): GraphBenchRow[] {
  const rows: GraphBenchRow[] = [];
  for (const [nodeCount, pairCount] of sizes) {
    const name = `${nodeCount / 1000}k/${pairCount / 1000}k`;
    const corpus = syntheticCorpus(nodeCount, pairCount);
    const pipelineStart = performance.now();
    const [graph, buildMs] = time(() => buildGraph(corpus));
    rows.push({ graph: name, stage: 'build', ms: buildMs, detail: `${graph.order} nodes, ${graph.size} edges, ${corpus.length} documents` });
    const [report] = time(() => analyzeGraph(graph, { seed: 1 }));
    rows.push({ graph: name, stage: 'metrics', ms: report.timings.metrics, detail: `betweenness from ${report.betweennessSources} of ${graph.order} sources` });
    rows.push({ graph: name, stage: 'communities', ms: report.timings.communities, detail: `${report.communities} communities, modularity ${report.modularity.toFixed(3)}` });
    rows.push({
      graph: name,
      stage: 'layout: ForceAtlas2',
      ms: report.timings.forceAtlas2,
      detail: `${report.layoutIterations} iterations (${report.layoutConverged ? 'converged' : 'cap'}), ${((report.layoutIterations * 1000) / report.timings.forceAtlas2).toFixed(1)} it/s`,
    });
    rows.push({ graph: name, stage: 'layout: noverlap + sizes', ms: report.timings.layout - report.timings.forceAtlas2, detail: '' });
    const writers = { 'graph.json': toGraphJson, 'graph.gexf': writeGexf, 'graph.graphml': writeGraphml, 'nodes.csv': writeNodesCsv, 'edges.csv': writeEdgesCsv, 'evidence.jsonl': writeEvidenceJsonl };
    let gexfMs = 0;
    for (const [file, write] of Object.entries(writers)) {
      const [text, ms] = time(() => write(graph));
      if (file === 'graph.gexf') gexfMs = ms;
      rows.push({ graph: name, stage: `export ${file}`, ms, detail: `${mb(text).toFixed(1)} MB, ${(mb(text) / (ms / 1000)).toFixed(1)} MB/s` });
    }
    const pipelineMs = performance.now() - pipelineStart;
    // Baseline: graphology-gexf's own writer on the same graph (it writes raw control characters and hex colours).
    const [baseline, baselineMs] = time(() => gexf.write(graph, { version: '1.3', formatNode: baselineFormatter(false), formatEdge: baselineFormatter(true) }));
    rows.push({ graph: name, stage: 'baseline graphology-gexf write', ms: baselineMs, detail: `${mb(baseline).toFixed(1)} MB, ${(mb(baseline) / (baselineMs / 1000)).toFixed(1)} MB/s` });
    rows.push({ graph: name, stage: 'GEXF writer / graphology-gexf', ms: gexfMs, detail: `time ratio ${(gexfMs / baselineMs).toFixed(2)} (target < 1.10)` });
    rows.push({ graph: name, stage: 'whole pipeline', ms: pipelineMs, detail: 'build + analysis + all exports (target < 30 s at 10k/100k)' });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = runGraphBench();
  for (const row of rows) console.log(`${row.graph.padEnd(9)} ${row.stage.padEnd(32)} ${(row.ms / 1000).toFixed(2).padStart(8)} s  ${row.detail}`);
}
