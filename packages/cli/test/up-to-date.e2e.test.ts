// Promise: a rebuild whose inputs, versions and options are those of the outputs already in the folder rewrites
// nothing and says so, still reporting its warnings; any change, a missing or damaged output, or --force rebuilds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutputs, runCli, tempDir, TOPICS, transcript, writeFiles, type CliResult } from './helpers.ts';

interface UpToDateSummary {
  upToDate: boolean;
  documents: number;
  nodes: number;
  cacheHits: number;
  extracted: number;
  warnings: number;
  outputs: string[];
}

const summary = (result: CliResult): UpToDateSummary => JSON.parse(result.stdout) as UpToDateSummary;

/** Modification times of the output files, to see whether a build rewrote them. */
function outputTimes(out: string): Map<string, number> {
  return new Map(
    fs
      .readdirSync(out)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => [name, fs.statSync(path.join(out, name)).mtimeMs]),
  );
}

function builtCorpus(): { corpus: string; out: string; build: (...extra: string[]) => CliResult } {
  const corpus = tempDir();
  writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo), 'b.txt': transcript(TOPICS.car) });
  const out = path.join(tempDir(), 'graph');
  const build = (...extra: string[]): CliResult => runCli(['build', corpus, '--out', out, '-w', '1', '--json', '-q', ...extra]);
  const first = build();
  expect(first.status).toBe(0);
  expect(summary(first).upToDate).toBe(false);
  return { corpus, out, build };
}

describe('missiongraph build when nothing changed', () => {
  it('rewrites nothing, says the folder is up to date, and reports the figures of the build that wrote it', () => {
    const { out, build } = builtCorpus();
    const before = readOutputs(out);
    const times = outputTimes(out);
    const manifest = JSON.parse(before.get('manifest.json')!.toString()) as { counts: { nodes: number } };

    const again = build();
    expect(again.status).toBe(0);
    expect(summary(again)).toMatchObject({ upToDate: true, documents: 2, cacheHits: 2, extracted: 0, nodes: manifest.counts.nodes });
    expect([...summary(again).outputs].sort()).toEqual([...before.keys()]);
    expect(outputTimes(out)).toEqual(times);
    expect(readOutputs(out)).toEqual(before);


    const help = runCli(['build', '--help']);
    expect(help.stdout).toMatch(/--force .*even when the outputs are up to date/);
  });

  it('prints the up-to-date line for people, not a build line', () => {
    const { corpus, out } = builtCorpus();
    const result = runCli(['build', corpus, '--out', out, '-w', '1']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^missiongraph: .* is up to date \(no input, version or option changed\); nothing rewritten/);
    expect(result.stderr).toBe('');
  });

  it('a file touched but not changed is read again, and the outputs are still found up to date', () => {
    const { corpus, out, build } = builtCorpus();
    const times = outputTimes(out);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(corpus, 'a.txt'), later, later);
    const touched = build();
    expect(summary(touched)).toMatchObject({ upToDate: true, documents: 2 });
    expect(outputTimes(out)).toEqual(times);
    // The file index now has the new stamp: the next build knows without reading anything.
    expect(summary(build())).toMatchObject({ upToDate: true, cacheHits: 2 });
  });

  it('rebuilds when a document changes, one is added or removed, an option changes, or --force is given', () => {
    const { corpus, build } = builtCorpus();
    writeFiles(corpus, { 'b.txt': transcript(TOPICS.mali) });
    expect(summary(build())).toMatchObject({ upToDate: false, extracted: 1 });
    writeFiles(corpus, { 'c.txt': transcript(TOPICS.sudan) });
    expect(summary(build())).toMatchObject({ upToDate: false, documents: 3 });
    fs.rmSync(path.join(corpus, 'c.txt'));
    expect(summary(build())).toMatchObject({ upToDate: false, documents: 2 });
    expect(summary(build())).toMatchObject({ upToDate: true });
    expect(summary(build('--no-topics'))).toMatchObject({ upToDate: false });
    expect(summary(build('--no-topics'))).toMatchObject({ upToDate: true });
    expect(summary(build('--no-topics', '--max-file-size', '1MB'))).toMatchObject({ upToDate: false });
    expect(summary(build('--no-topics', '--max-file-size', '1MB', '--force'))).toMatchObject({ upToDate: false, extracted: 2 });
  });

  it('rebuilds a missing, truncated or foreign output folder, writing the same bytes as before', () => {
    const { out, build } = builtCorpus();
    const before = readOutputs(out);
    fs.rmSync(path.join(out, 'graph.gexf'));
    expect(summary(build())).toMatchObject({ upToDate: false });
    expect(readOutputs(out)).toEqual(before);

    fs.truncateSync(path.join(out, 'evidence.jsonl'), 10);
    expect(summary(build())).toMatchObject({ upToDate: false });
    expect(readOutputs(out)).toEqual(before);

    const manifestFile = path.join(out, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { tool: { version: string }; versions: { output: string } };
    manifest.tool.version = '0.0.0-older';
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    expect(summary(build())).toMatchObject({ upToDate: false });
    expect(readOutputs(out)).toEqual(before);

    // Outputs written by other graph or CLI code (another `versions.output`) are rewritten by this code.
    const current = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as typeof manifest;
    expect(current.versions.output).toMatch(/^[0-9a-f]{12}$/);
    current.versions.output = '000000000000';
    fs.writeFileSync(manifestFile, JSON.stringify(current, null, 2) + '\n');
    expect(summary(build())).toMatchObject({ upToDate: false });
    expect(readOutputs(out)).toEqual(before);

    fs.writeFileSync(manifestFile, 'not json');
    expect(summary(build())).toMatchObject({ upToDate: false });
    expect(readOutputs(out)).toEqual(before);
  });

  it('reports the warnings of its documents again, as the build that wrote the outputs did', () => {
    const corpus = tempDir();
    const latin = `${TOPICS.car.speaker} 00:10\n\nLa MINUSCA en République centrafricaine a renforcé ses patrouilles.\n`;
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo), 'fr.txt': Buffer.from(latin, 'latin1') });
    const out = path.join(tempDir(), 'graph');
    const build = (): CliResult => runCli(['build', corpus, '--out', out, '-w', '1', '--json', '-q']);
    const first = build();
    expect(first.stderr).toMatch(/warning: .*fr\.txt: .*(Latin-1|Windows-1252)/);
    const again = build();
    expect(summary(again)).toMatchObject({ upToDate: true, warnings: summary(first).warnings });
    expect(again.stderr).toBe(first.stderr.split('\n').filter((line) => line.includes('warning')).join('\n') + '\n');
  });
});

describe('missiongraph build --formats', () => {
  it('leaves files of the same names that no build of ours wrote', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const out = tempDir();
    writeFiles(out, { 'nodes.csv': 'my own table\n', 'graph.gexf': '<gexf/>\n' });
    expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q', '--formats', 'json']).status).toBe(0);
    expect([...readOutputs(out).keys()]).toEqual(['graph.gexf', 'graph.json', 'manifest.json', 'nodes.csv']);
    expect(fs.readFileSync(path.join(out, 'nodes.csv'), 'utf8')).toBe('my own table\n');
  });

  it('writes only the formats named, removes those an earlier build wrote, and counts them in what is up to date', () => {
    const { corpus, out, build } = builtCorpus();
    const everything = readOutputs(out);
    const some = build('--formats', 'csv,json');
    expect(some.status).toBe(0);
    expect(summary(some).upToDate).toBe(false);
    const written = readOutputs(out);
    expect([...written.keys()]).toEqual(['edges.csv', 'graph.json', 'manifest.json', 'nodes.csv']);
    for (const name of ['edges.csv', 'graph.json', 'nodes.csv']) expect(written.get(name)).toEqual(everything.get(name));
    const manifest = JSON.parse(written.get('manifest.json')!.toString()) as { options: { formats: string[] }; outputs: { name: string }[] };
    expect(manifest.options.formats).toEqual(['json', 'csv']);
    expect(manifest.outputs.map((output) => output.name)).toEqual(['graph.json', 'nodes.csv', 'edges.csv']);

    expect(summary(build('--formats', 'json,csv'))).toMatchObject({ upToDate: true });
    expect(summary(build())).toMatchObject({ upToDate: false });
    expect(readOutputs(out)).toEqual(everything);

    // Only files the last build wrote, unchanged since, are removed: a GEXF the user saved over ours stays.
    fs.writeFileSync(path.join(out, 'graph.gexf'), '<gexf>laid out in Gephi</gexf>\n');
    expect(summary(build('--formats', 'json'))).toMatchObject({ upToDate: false });
    expect([...readOutputs(out).keys()]).toEqual(['graph.gexf', 'graph.json', 'manifest.json']);
    expect(fs.readFileSync(path.join(out, 'graph.gexf'), 'utf8')).toBe('<gexf>laid out in Gephi</gexf>\n');
    expect(summary(build())).toMatchObject({ upToDate: false });
    expect(readOutputs(out)).toEqual(everything);

    const wrong = runCli(['build', corpus, '--out', out, '--formats', 'json,pdf']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('missiongraph: --formats: unknown format "pdf" (choose from json, gexf, graphml, csv, evidence, cytoscape, neo4j, gml)\n');
    expect(readOutputs(out)).toEqual(everything);
  });
});
