// Promise: --watch rebuilds when inputs change; diff says what a regeneration changed; inspect shows an entity's facts,
// neighbours and evidence; help, version and usage errors answer in plain words.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BIN, readGraph, readManifest, REPO_ROOT, runCli, startCli, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';

describe('missiongraph build --watch', () => {
  it('rebuilds after a file is added, and keeps the last good graph when a rebuild fails', async () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const out = path.join(tempDir(), 'graph');
    // --strict so that an empty file makes the rebuild fail rather than skip.
    const watcher = startCli(['build', corpus, '--out', out, '-w', '1', '--watch', '--strict']);
    try {
      await watcher.waitFor(/watching for changes/);
      expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a.txt']);
      writeFiles(corpus, { 'b.txt': transcript(TOPICS.lebanon) });
      await watcher.waitFor(/built [\s\S]*built /);
      expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a.txt', 'b.txt']);
      expect(readGraph(out).nodes.map((node) => node.key)).toContain('mission:unifil');
      expect(watcher.output().stderr).toMatch(/change\(s\) \(.*b\.txt\); rebuilding/);
      const good = fs.readFileSync(path.join(out, 'graph.json'));
      writeFiles(corpus, { 'c.txt': '' });
      await watcher.waitFor(/rebuild failed: 1 input\(s\) skipped and --strict is set; no output written; the last good graph is kept/);
      expect(fs.readFileSync(path.join(out, 'graph.json')).equals(good)).toBe(true);
      expect(watcher.child.exitCode).toBeNull();
    } finally {
      watcher.child.kill('SIGINT');
      await watcher.exited;
    }
  });
});

describe('missiongraph diff', () => {
  it('lists new nodes and edges, weight changes, as text and as JSON', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const before = path.join(tempDir(), 'before');
    const after = path.join(tempDir(), 'after');
    expect(runCli(['build', corpus, '--out', before, '-w', '1', '-q']).status).toBe(0);
    writeFiles(corpus, { 'b.txt': transcript(TOPICS.lebanon), 'c.txt': transcript(TOPICS.congo, 2) });
    expect(runCli(['build', corpus, '--out', after, '-w', '1', '-q']).status).toBe(0);

    const text = runCli(['diff', before, after]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^nodes {2}\d+ → \d+ {2}\(\+\d+ −0\)/);
    expect(text.stdout).toMatch(/new nodes \(\d+\)\n(.*\n)*\s+\+ UNIFIL \(mission, mission:unifil\)/);
    expect(text.stdout).toMatch(/biggest weight changes \(\d+\)\n(\s+.*\n)*\s+Democratic Republic of the Congo — MONUSCO: 3 → 5 \(\+2\)/);

    const json = JSON.parse(runCli(['diff', before, after, '--json']).stdout) as {
      nodes: { added: { id: string }[]; removed: unknown[] };
      edges: { added: { source: string; target: string }[] };
      weightChanges: { delta: number }[];
    };
    expect(json.nodes.added.map((node) => node.id)).toContain('mission:unifil');
    expect(json.nodes.removed).toEqual([]);
    expect(json.edges.added.some((edge) => edge.source === 'mission:unifil' || edge.target === 'mission:unifil')).toBe(true);
    expect(json.weightChanges.every((change) => change.delta > 0)).toBe(true);

    const same = runCli(['diff', after, after]);
    expect(same.stdout).toMatch(/no change/);
    const reversed = JSON.parse(runCli(['diff', after, before, '--json']).stdout) as { nodes: { removed: { id: string }[] } };
    expect(reversed.nodes.removed.map((node) => node.id)).toContain('mission:unifil');
  });

  it('says how to get a graph when a folder has none', () => {
    const empty = tempDir();
    const result = runCli(['diff', empty, empty]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`missiongraph: ${path.join(empty, 'graph.json')} not found; build it first with: missiongraph build <inputs> --out ${empty}\n`);
  });
});

describe('missiongraph inspect', () => {
  const corpus = tempDir();
  writeFiles(corpus, {
    'congo.txt': transcript(TOPICS.congo),
    'ivoire.txt':
      "António Guterres 00:05\nTroops from Côte d'Ivoire worked with MONUSCO and the Security Council.\n\n" +
      'Jane Holl Lute 00:40\nThank you. The General Assembly agreed.\n',
  });
  const out = path.join(tempDir(), 'graph');

  it('finds an entity whatever the case and accents, and prints facts, neighbours and evidence with speaker and time', () => {
    expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q']).status).toBe(0);
    const result = runCli(['inspect', 'monusco', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^MONUSCO {2}\(mission, mission:monusco\)/);
    expect(result.stdout).toMatch(/mentions\s+\d+ in 2 document\(s\)/);
    expect(result.stdout).toMatch(/neighbours by weight \(\d+\)\n\s+\d+ {2}.+ \(/);
    expect(result.stdout).toMatch(/congo\.txt #\d+ · Jean-Pierre Lacroix @ 00:10 · with /);
    expect(result.stdout).toContain('“MONUSCO is working with the authorities of the Democratic Republic of the Congo');

    const folded = runCli(['inspect', 'COTE D’IVOIRE', '--out', out, '--json']);
    expect(folded.status).toBe(0);
    const report = JSON.parse(folded.stdout) as { id: string; evidence: { document: string; speaker?: string; time?: string }[] };
    expect(report.id).toBe('country:civ');
    expect(report.evidence[0]).toMatchObject({ document: 'ivoire.txt', speaker: 'António Guterres', time: '00:05' });
  });

  it('suggests near names when nothing matches', () => {
    const result = runCli(['inspect', 'MONUS', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`missiongraph: no entity named "MONUS" in ${out}; did you mean mission:monusco?\n`);
    // A typing slip is no part of any name: the names one or two edits away are offered instead.
    expect(runCli(['inspect', 'MONUSKO', '--out', out]).stderr).toBe(`missiongraph: no entity named "MONUSKO" in ${out}; did you mean mission:monusco?\n`);
    expect(runCli(['inspect', 'Guteres', '--out', out]).stderr).toMatch(/did you mean person:antonio-guterres\?/);
    expect(runCli(['inspect', 'xyzzy', '--out', out]).stderr).toBe(`missiongraph: no entity named "xyzzy" in ${out}\n`);
  });
});

describe('help and usage', () => {
  it.each([
    [['--help'], 0, /Usage:\n {2}missiongraph build/],
    [['build', '--help'], 0, /Examples:\n {2}missiongraph build data\/transcripts --out data\/graph/],
    [['diff', '--help'], 0, /missiongraph diff OLD_DIR NEW_DIR/],
    [['inspect', '--help'], 0, /missiongraph inspect NAME --out DIR/],
    [['--version'], 0, /^missiongraph \d+\.\d+\.\d+\n$/],
  ] as const)('%j prints help (exit %i)', (args, status, output) => {
    const result = runCli([...args]);
    expect(result.status).toBe(status);
    expect(result.stdout).toMatch(output);
  });

  it.each([
    [['frobnicate'], 'missiongraph: unknown command "frobnicate" (commands: build, diff, inspect, explain; see missiongraph --help)\n'],
    [['build', 'data/transcripts'], 'missiongraph: build: --out DIR is required (where the graph files go)\n'],
    [['build', 'data/transcripts', '--out', 'x', '--workers', '0'], 'missiongraph: --workers: expected a whole number ≥ 1, got "0"\n'],
    [['build', 'data/transcripts', '--out', 'x', '--max-file-size', 'lots'], 'missiongraph: --max-file-size: cannot read "lots" (use e.g. 50MB, 500KB or a number of bytes)\n'],
  ] as const)('%j is a usage error with one line', (args, message) => {
    const result = runCli([...args]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(message);
  });

  it('an unknown flag names itself', () => {
    const result = runCli(['build', 'data/transcripts', '--out', 'x', '--colour']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^missiongraph: Unknown option '--colour'/);
    expect(fs.existsSync('x')).toBe(false);
  });
});

describe('progress display', () => {
  it('draws a bar with files, MB, rate and ETA on a terminal (run under script(1) for a pseudo-terminal)', (context) => {
    if (spawnSync('script', ['--version']).status !== 0) context.skip('script(1) from util-linux is not installed');
    const out = path.join(tempDir(), 'graph');
    const command = [process.execPath, CLI_BIN, 'build', 'data/transcripts', '--out', out, '-w', '1'].map((part) => `'${part}'`).join(' ');
    const env = { ...process.env };
    delete env['CI'];
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/missiongraph \[[█░]+\] 2\/2 files \| 38\.6 KB\/38\.6 KB \| [\d.]+ KB\/s \| ETA 0s/);
    expect(result.stdout).not.toContain('missiongraph: reading');
  });

  it('writes plain lines instead when the output is not a terminal', () => {
    const result = runCli(['build', 'data/transcripts', '--out', path.join(tempDir(), 'graph'), '-w', '1']);
    // A slow build may also print a progress line every few seconds; then the analysis phase is announced, and nothing
    // else goes to stderr.
    expect(result.stderr.replace(/^missiongraph: \d+\/\d+ files, .*\n/gm, '')).toMatch(/^missiongraph: reading 2 files \(38\.6 KB\)\nmissiongraph: analysing the graph \(\d+ entities, \d+ links\)\n$/u);
    expect(result.stderr).not.toMatch(/\u001b\[/);
  });
});
