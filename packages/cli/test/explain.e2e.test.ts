// Promise: `missiongraph explain FILE` says why each mention exists (component, rule) and why each losing candidate
// lost, as text held by a golden file and as JSON; the same mentions as build; bad input is one line naming the file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLexicon, extractDocument } from '@missiongraph/extract';
import { runCli, tempDir, writeFiles } from './helpers.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'explain', 'bamako-briefing.txt');
const GOLDEN = path.join(import.meta.dirname, 'fixtures', 'explain', 'bamako-briefing.explain.txt');

interface ExplainJson {
  document: { id: string };
  components: { name: string; stage: string }[];
  mentions: { sentence: number; start: number; end: number; surface: string; entity: string; component: string; rule: string; reason: string; lost: { candidate: { surface: string }; by: string }[] }[];
  rejected: { candidate: { surface: string; entity: string }; by: string; reason: string }[];
  explainedAway: { surface: string; component: string }[];
}

describe('missiongraph explain', () => {
  it('prints the fixture explanation exactly as held in the golden file', () => {
    const result = runCli(['explain', FIXTURE]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // To accept a deliberate change: node packages/cli/bin/missiongraph.js explain <fixture> > <golden>
    expect(result.stdout).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('marks topics by default, with their score, and leaves them out with --no-topics', () => {
    const withTopics = runCli(['explain', FIXTURE]).stdout;
    expect(withTopics).toMatch(/ → topic:[a-z-]+ \(topic "[^"]+"\)\n\s+by topic-mentions \(propose\), rule topic: one of the document's topics \(score [\d.]+\)/u);
    const without = runCli(['explain', '--no-topics', FIXTURE]).stdout;
    expect(without).not.toContain('topic-mentions');
    expect(without).not.toMatch(/→ topic:/u);
  });

  it('names the component and rule of each kind of decision, and why the losers lost', () => {
    const { stdout } = runCli(['explain', FIXTURE]);
    expect(stdout).toContain('"MINUSMA" → mission:minusma (mission "MINUSMA")\n      by lexicon (propose), rule alias');
    expect(stdout).toMatch(/"Wane" → person:el-ghassim-wane .*\n\s+by found-surnames \(link\)/u);
    expect(stdout).toMatch(/"Mission" → mission:minusma .*\n\s+by definite-short-names \(link\)/u);
    expect(stdout).toMatch(/"2690" → agreement:resolution-2690 .*\n\s+by resolution-numbers \(link\), rule resolution-bare-number/u);
    expect(stdout).toMatch(/"UN News" as organization:un-news .*rejected by dateline-credits: vetoed/u);
    expect(stdout).toMatch(/"Malian" by lexicon: a demonym/u);
  });

  it('gives the same mentions as extraction (topics on, as by default), with a reason for each, as JSON', () => {
    const result = runCli(['explain', '--json', FIXTURE]);
    expect(result.status).toBe(0);
    const explanation = JSON.parse(result.stdout) as ExplainJson;
    const extraction = extractDocument({ id: 'bamako-briefing.txt', text: fs.readFileSync(FIXTURE, 'utf8') }, { lexicon: defaultLexicon(), topics: true });
    expect(explanation.mentions.map(({ sentence, start, end, surface, entity }) => ({ entity, sentence, start, end, surface }))).toEqual(extraction.mentions);
    for (const mention of explanation.mentions) {
      expect(explanation.components.map((component) => component.name)).toContain(mention.component);
      expect(mention.reason.length).toBeGreaterThan(0);
    }
    // A loss is listed under the mention kept over its words (here the topic "Sahel Programme"), or with those where nothing was kept.
    const losses = [...explanation.rejected, ...explanation.mentions.flatMap((mention) => mention.lost)];
    expect(losses.map((lost) => [lost.candidate.surface, lost.by])).toContainEqual(['the Sahel', 'places-inside-longer-names']);
  });

  it('answers a missing file, a folder and extra arguments with one line', () => {
    const folder = tempDir();
    writeFiles(folder, { 'a.txt': 'MONUSCO.' });
    for (const [args, message] of [
      [['explain', path.join(folder, 'missing.txt')], /^missiongraph: explain: cannot read .*missing\.txt: no such file\n$/u],
      [['explain', folder], /^missiongraph: explain: cannot read .*: a folder, not a file\n$/u],
      [['explain', path.join(folder, 'a.txt'), 'b.txt'], /^missiongraph: explain: give exactly one FILE/u],
    ] as const) {
      const result = runCli([...args]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it('is listed in missiongraph --help and has its own --help', () => {
    expect(runCli(['--help']).stdout).toContain('missiongraph explain FILE [--json] [--no-topics]');
    expect(runCli(['explain', '--help']).stdout).toMatch(/^missiongraph explain FILE/u);
  });
});
