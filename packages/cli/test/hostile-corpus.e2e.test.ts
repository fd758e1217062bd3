// Promise (issue 6): one real build over a corpus of hostile files mixed with two good transcripts finishes in bounded
// time, skips each bad file with one line naming it and the reason, loses nothing, and writes outputs outside readers accept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MultiUndirectedGraph } from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGraph, readManifest, REPO_ROOT, runCli, startCli, tempDir, type CliResult, type GraphJson } from './helpers.ts';
import { FORBIDDEN_IN_OUTPUT, INVISIBLE_IN_NAMES, parseRfc4180, stringsOf, writeHostileCorpus, type HostileCorpus } from './hostile-corpus.ts';

/** Generous bound that proves no hang, not a speed target (the build takes about 20 s on two shared cores). */
const BUILD_BOUND_MS = 5 * 60_000;
/** Generous bound on the build's peak resident memory with a 100 MB document (about 2.7 GB measured). */
const MEMORY_BOUND_BYTES = 4 * 1024 ** 3;
const CHECK_GEXF = path.resolve(REPO_ROOT, '..', 'shared/tools/check-gexf');
const OUTPUTS = ['edges.csv', 'evidence.jsonl', 'graph.gexf', 'graph.graphml', 'graph.json', 'manifest.json', 'nodes.csv'];
/** The default formats and GraphML, which is written when asked for. */
const WITH_GRAPHML = 'json,gexf,graphml,csv,evidence';

interface Summary {
  documents: number;
  skipped: { id: string; reason: string }[];
  peakRssBytes: number;
}

interface EvidenceItem {
  document: string;
  sentence: number;
  text: string;
}

/** Runs the command in the background and kills it if it outlives the bound, so a hang fails the test instead of CI. */
async function runBounded(args: string[], cwd: string): Promise<CliResult & { elapsedMs: number; timedOut: boolean }> {
  const started = Date.now();
  const build = startCli(args, { cwd });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    build.child.kill('SIGKILL');
  }, BUILD_BOUND_MS);
  const status = await build.exited;
  clearTimeout(timer);
  return { status, ...build.output(), elapsedMs: Date.now() - started, timedOut };
}

function evidenceOf(edge: GraphJson['edges'][number]): EvidenceItem[] {
  return (edge.attributes['evidence'] as EvidenceItem[] | undefined) ?? [];
}

/** A name as a reader sees it: invisible characters dropped, compatibility forms and case folded. */
function visibleForm(name: string): string {
  return name.replace(new RegExp(INVISIBLE_IN_NAMES.source, 'g'), '').normalize('NFKC').toLowerCase();
}

describe('one build over the hostile corpus of issue 6 (generated at run time, with a 100 MB file)', () => {
  let root: string;
  let corpus: HostileCorpus;
  let result: Awaited<ReturnType<typeof runBounded>>;
  let out: string;
  let graph: GraphJson;
  let clean: GraphJson;

  beforeAll(async () => {
    root = tempDir('mg-hostile-');
    corpus = writeHostileCorpus(path.join(root, 'corpus'));
    const cleanOut = path.join(root, 'clean graph');
    const reference = runCli(['build', ...corpus.good.map((id) => path.join('corpus', id)), '--out', cleanOut, '--formats', WITH_GRAPHML, '-q'], { cwd: root });
    expect(reference.status, reference.stderr).toBe(0);
    clean = readGraph(cleanOut);
    out = path.join(root, 'graph out');
    // GEXF 1.3, which check-gexf's schema is (the default 1.2draft is held against networkx 2.8 in packages/graph).
    result = await runBounded(['build', 'corpus', '--out', out, '--max-file-size', '200MB', '--gexf-version', '1.3', '--formats', WITH_GRAPHML, '--json', '-q'], root);
    if (result.status === 2 || result.status === 0) graph = readGraph(out);
  }, BUILD_BOUND_MS + 120_000);

  it('finishes without hanging (well inside 5 minutes) and exits 2: built, with skipped inputs', () => {
    expect(result.timedOut, `killed after ${BUILD_BOUND_MS} ms`).toBe(false);
    expect(result.status, result.stderr).toBe(2);
    expect(result.elapsedMs).toBeLessThan(BUILD_BOUND_MS);
    expect(OUTPUTS.filter((name) => !fs.existsSync(path.join(out, name)))).toEqual([]);
  });

  it('lists each skipped file on one stderr line naming the file and the reason; every other line is a one-line warning naming a file', () => {
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    const skipLines = lines.filter((line) => line.startsWith('missiongraph: skipped '));
    expect(skipLines).toHaveLength(corpus.skipped.length);
    for (const skip of corpus.skipped) {
      const prefix = `missiongraph: skipped corpus/${skip.id}: `;
      const matching = skipLines.filter((line) => line.startsWith(prefix));
      expect(matching, `${skip.what} (${skip.id})`).toHaveLength(1);
      expect(matching[0]!.slice(prefix.length), `${skip.what} (${skip.id})`).toMatch(skip.reason);
    }
    const ids = new Set([...corpus.readable.map((file) => file.id), ...corpus.good, corpus.huge.id]);
    for (const line of lines.filter((line) => !line.startsWith('missiongraph: skipped '))) {
      const warning = /^missiongraph: warning: corpus\/(.+?): /.exec(line);
      expect(warning, `unexpected stderr line: ${line}`).not.toBeNull();
      expect(ids.has(warning![1]!), `warning names an unknown file: ${line}`).toBe(true);
    }
    expect(lines).toContain('missiongraph: warning: corpus/encodings/latin-1.txt: not UTF-8; read as Latin-1 (Windows-1252)');
    expect(lines.some((line) => /^missiongraph: warning: corpus\/surrogates\/utf-8 ED A0 80\.txt: \d+ invalid UTF-8 byte\(s\) replaced/.test(line))).toBe(true);
    const manifest = readManifest(out);
    const expectedSkips = corpus.skipped.map((skip) => skip.id).sort();
    expect(manifest.skipped.map((skip) => skip.id)).toEqual(expectedSkips);
    expect((JSON.parse(result.stdout) as Summary).skipped.map((skip) => skip.id).sort()).toEqual(expectedSkips);
  });

  it('reads every other hostile file, in the encoding the manifest records, and finds the entity only that file names', () => {
    const inputs = new Map(readManifest(out).inputs.map((input) => [input.id, input]));
    const keys = new Set(graph.nodes.map((node) => node.key));
    const problems: string[] = [];
    for (const file of corpus.readable) {
      const input = inputs.get(file.id);
      if (!input) problems.push(`${file.what}: ${file.id} is not among the inputs`);
      else if (input.encoding !== file.encoding) problems.push(`${file.what}: read as ${input.encoding}, not ${file.encoding}`);
      if (!keys.has(file.marker)) problems.push(`${file.what}: ${file.marker} is missing from graph.json`);
    }
    expect(problems).toEqual([]);
    expect(inputs.size).toBe(corpus.readable.length + corpus.good.length + 1);
  });

  it('builds a 100 MB file when --max-file-size allows it: the names on its first and last lines are found, within bounded memory', () => {
    const input = readManifest(out).inputs.find((entry) => entry.id === corpus.huge.id);
    expect(input?.bytes).toBe(corpus.huge.bytes);
    const keys = graph.nodes.map((node) => node.key);
    expect(keys).toContain(corpus.huge.firstMarker);
    expect(keys).toContain(corpus.huge.lastMarker);
    expect((JSON.parse(result.stdout) as Summary).peakRssBytes).toBeLessThan(MEMORY_BOUND_BYTES);
  });

  it('keeps every entity and every evidence sentence of the two good transcripts', () => {
    const keys = new Set(graph.nodes.map((node) => node.key));
    expect([...keys]).toEqual(expect.arrayContaining(['mission:monusco', 'mission:minusma', 'country:mli', 'person:jean-pierre-lacroix', 'organization:security-council']));
    expect(clean.edges.length).toBeGreaterThan(100); // the comparison below is not vacuous
    expect(clean.nodes.map((node) => node.key).filter((key) => !keys.has(key))).toEqual([]);
    const edges = new Map(graph.edges.map((edge) => [edge.key, edge]));
    const lost: string[] = [];
    for (const edge of clean.edges) {
      const kept = edges.get(edge.key);
      if (!kept) {
        lost.push(`edge ${edge.key}`);
        continue;
      }
      const sentences = new Set(evidenceOf(kept).map((item) => `${item.document}#${item.sentence}#${item.text}`));
      for (const item of evidenceOf(edge)) {
        if (!sentences.has(`good/${item.document}#${item.sentence}#${item.text}`)) lost.push(`${edge.key}: ${item.document} sentence ${item.sentence}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('writes GEXF and GraphML that check-gexf accepts (xmllint, GEXF 1.3 schema, networkx, igraph)', () => {
    expect(fs.existsSync(CHECK_GEXF), `${CHECK_GEXF} is missing: the tests need the project's shared folder beside the clone (../shared)`).toBe(true);
    const check = spawnSync(CHECK_GEXF, [path.join(out, 'graph.gexf'), path.join(out, 'graph.graphml')], { encoding: 'utf8', timeout: 120_000 });
    expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
    expect(check.stdout).toContain(`networkx: ok (MultiGraph, ${graph.nodes.length} nodes, ${graph.edges.length} edges`);
    expect(check.stdout).toContain(`igraph GraphML: ok (${graph.nodes.length} nodes, ${graph.edges.length} edges`);
  });

  it('writes nodes.csv and edges.csv as RFC 4180 (CRLF records of one width), one record per node and edge of graph.json', () => {
    for (const [name, rows] of [
      ['nodes.csv', graph.nodes.map((node) => node.key)],
      ['edges.csv', graph.edges.map((edge) => edge.key)],
    ] as const) {
      const records = parseRfc4180(fs.readFileSync(path.join(out, name), 'utf8'));
      expect(new Set(records.map((record) => record.length)), name).toEqual(new Set([records[0]!.length]));
      expect(records[0]![0], name).toBe('id');
      expect(records.slice(1).map((record) => record[0]), name).toEqual(rows);
    }
  });

  it('writes evidence.jsonl as one JSON object per line, one line per evidence sentence, naming every edge it supports', () => {
    const lines = fs.readFileSync(path.join(out, 'evidence.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const items = lines.map((line) => JSON.parse(line) as EvidenceItem & { edges: string[] });
    expect(items.every((item) => Array.isArray(item.edges) && item.edges.every((edge) => typeof edge === 'string') && typeof item.text === 'string' && Number.isInteger(item.sentence))).toBe(true);
    expect(items.reduce((sum, item) => sum + item.edges.length, 0)).toBe(graph.edges.reduce((sum, edge) => sum + evidenceOf(edge).length, 0));
  });

  it('writes graph.json that graphology imports as the same graph', () => {
    const imported = MultiUndirectedGraph.from(JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as never);
    expect([imported.order, imported.size]).toEqual([graph.nodes.length, graph.edges.length]);
    expect(imported.getNodeAttribute('mission:monusco', 'label')).toBe('MONUSCO');
  });

  it('puts no raw control character or unpaired surrogate in any output, not even behind a JSON escape, and writes valid UTF-8', () => {
    const problems: string[] = [];
    for (const name of OUTPUTS) {
      const bytes = fs.readFileSync(path.join(out, name));
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        problems.push(`${name}: not valid UTF-8`);
        continue;
      }
      const raw = FORBIDDEN_IN_OUTPUT.exec(text);
      if (raw) problems.push(`${name}: raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${raw.index}`);
      const values = name.endsWith('.json') ? [JSON.parse(text) as unknown] : name.endsWith('.jsonl') ? text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown) : [];
      const escaped = values.flatMap((value) => stringsOf(value)).find((value) => FORBIDDEN_IN_OUTPUT.test(value));
      if (escaped !== undefined) problems.push(`${name}: a JSON string holds a control character or lone surrogate: ${JSON.stringify(escaped)}`);
    }
    expect(problems).toEqual([]);
  });

  it('drops zero-width and bidi characters while reading: "MONU\\u200BSCO" and "\\u202EMONUSCO" are MONUSCO, with no separate or invisible-duplicate node', () => {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const node of graph.nodes) {
      const names = [node.key, String(node.attributes['label']), ...((node.attributes['aliases'] as string[] | undefined) ?? [])];
      for (const name of names) if (INVISIBLE_IN_NAMES.test(name)) problems.push(`${node.key}: invisible character in ${JSON.stringify(name)}`);
      const visible = `${String(node.attributes['type'])}:${visibleForm(String(node.attributes['label']))}`;
      const other = seen.get(visible);
      if (other !== undefined) problems.push(`${node.key} and ${other} look the same (${visible})`);
      seen.set(visible, node.key);
    }
    for (const edge of graph.edges) {
      for (const item of evidenceOf(edge)) if (INVISIBLE_IN_NAMES.test(item.text)) problems.push(`${edge.key}: invisible character in evidence`);
    }
    expect(problems).toEqual([]);
    const keys = graph.nodes.map((node) => node.key);
    expect(keys).toEqual(expect.arrayContaining(corpus.hiddenOnly));
    const documentsOf = (json: GraphJson, key: string): number => Number(json.nodes.find((node) => node.key === key)?.attributes['documents'] ?? 0);
    // The invisible file adds one document to MONUSCO and to Jean-Pierre Lacroix, whose names it hides.
    expect(documentsOf(graph, 'mission:monusco')).toBe(documentsOf(clean, 'mission:monusco') + 1);
    expect(documentsOf(graph, 'person:jean-pierre-lacroix')).toBe(documentsOf(clean, 'person:jean-pierre-lacroix') + 1);
    const goma = graph.edges.find((edge) => edge.key === 'co:mission:monusco|place:goma');
    expect(evidenceOf(goma!).map((item) => item.text)).toContain('MONUSCO met the authorities in Goma.');
  });
});

describe('hostile file names', () => {
  // Known failure (reported to the lead): the skip line prints the file name raw, so a newline splits it and an
  // escape sequence reaches the terminal.
  it('a skipped file whose name holds a newline or a terminal escape still gets one line, with no control character', () => {
    const root = tempDir('mg-hostile-names-');
    const corpusDir = path.join(root, 'corpus');
    fs.mkdirSync(corpusDir);
    fs.writeFileSync(path.join(corpusDir, 'ok.txt'), 'MONUSCO worked with the authorities in Mali.\n');
    fs.writeFileSync(path.join(corpusDir, 'line\nbreak.txt'), '');
    fs.writeFileSync(path.join(corpusDir, '\u001b[31mred.txt'), '');
    const built = runCli(['build', 'corpus', '--out', path.join(root, 'graph'), '-q'], { cwd: root });
    expect(built.status).toBe(2);
    const lines = built.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => /^missiongraph: skipped corpus\/.*: empty file$/.test(line))).toBe(true);
    expect(lines.some((line) => /line.break\.txt/.test(line))).toBe(true);
    expect(lines.some((line) => /red\.txt/.test(line))).toBe(true);
    expect(built.stderr).not.toMatch(/\u001b/);
  });
});
