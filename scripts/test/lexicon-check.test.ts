// `pnpm lexicon:check` on the real lexicon (no problem) and on a lexicon folder we write with one mistake of each
// kind, so every check is seen to fire with a line naming the file and entry, and the command exits 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLexicon, loadCheckInput } from '../lexicon-check.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(repoRoot, 'scripts/lexicon-check.ts');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

function runCheck(dir?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, dir ? [script, dir] : [script], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const broken = mkdtempSync(path.join(tmpdir(), 'lexicon-check-'));
afterAll(() => rmSync(broken, { recursive: true, force: true }));

const entry = (id: string, label: string, aliases: string[] = [], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  type: id.slice(0, id.indexOf(':')),
  label,
  aliases,
  ...extra,
});
const write = (file: string, entries: unknown[]): void => writeFileSync(path.join(broken, file), `${JSON.stringify(entries, null, 2)}\n`);
write('countries.json', [entry('country:mli', 'Mali', ['Republic of Mali'], { facts: { iso3: 'MLI' } }), entry('country:xyz', 'Xyzland', [], { facts: { iso3: 'UTO' } })]);
write('people.json', [
  entry('person:jean-dupont', 'Jean Dupont', ['J. Dupont'], { facts: { country: 'country:fra' } }),
  entry('person:someone-else', 'Pierre Martin', []),
  entry('person:anna-berg', 'Anna Berg', ['Republic of Mali']),
]);
write('organizations.json', [entry('organization:falcon-brigade', 'Falcon Brigade', ['Falcon']), entry('organization:blue-group', 'Blue Group', [], { facts: { parent: 'organization:missing-parent' } })]);
write('events.json', [entry('person:jean-dupont', 'Jean Dupont', [])]);

describe('pnpm lexicon:check', () => {
  it('finds no problem in the committed lexicon', () => {
    const result = runCheck();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no problems');
  });

  it('reports one line per problem, naming the file and entry, and exits 1', () => {
    const result = runCheck(broken);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    const expected: RegExp[] = [
      /^people\.json person:jean-dupont: duplicate id, also in events\.json$/,
      /^events\.json person:jean-dupont: type "person" in a file of event entries$/,
      /^countries\.json country:xyz: country id must be the ISO 3166-1 alpha-3 code/,
      /^people\.json person:someone-else: id slug "someone-else" is not the slug of its label "Pierre Martin"/,
      /^people\.json person:anna-berg: "Republic of Mali" is also claimed by country:mli/,
      /^organizations\.json organization:falcon-brigade: "Falcon" is an English word \(\d+ in SUBTLEX-US\)/,
      /^people\.json person:jean-dupont: facts\.country points at country:fra, which does not exist$/,
      /^organizations\.json organization:blue-group: facts\.parent points at organization:missing-parent, which does not exist$/,
    ];
    for (const pattern of expected) expect(lines.some((line) => pattern.test(line)), `${pattern} in\n${result.stderr}`).toBe(true);
    expect(lines.at(-1)).toBe(`lexicon:check: ${lines.length - 1} problems`);
    expect(lines.length - 1).toBe(expected.length);
  });

  it('accepts an English word as an ambiguous alias, and an acronym that spells a word', () => {
    const { englishCounts } = loadCheckInput();
    const files = new Map([
      ['organizations.json', [entry('organization:falcon-brigade', 'Falcon Brigade', ['HOPE'], { ambiguousAliases: ['Falcon'] })]],
    ]) as unknown as Parameters<typeof checkLexicon>[0]['files'];
    expect(checkLexicon({ files, englishCounts })).toEqual([]);
  });

  it('fails with one line naming the file when a lexicon file is not JSON', () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'lexicon-check-bad-'));
    try {
      writeFileSync(path.join(bad, 'people.json'), '[{"id": ');
      const result = runCheck(bad);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^lexicon:check: people\.json: not valid JSON/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
