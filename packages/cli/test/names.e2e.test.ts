// Promise: what a file's name or place holds never leaks into the graph: a glob over the output folder does not read
// the outputs back, a Latin-1 file name is read, and a right-to-left override in a name reaches no output raw.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, readOutputs, runCli, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';

describe('names and places of inputs', { timeout: 300_000 }, () => {
  it("a glob that covers the output folder ('in/**' --out in/graph) does not read the outputs back as transcripts", () => {
    const cwd = tempDir();
    writeFiles(cwd, { 'in/a.txt': transcript(TOPICS.congo), 'in/b.md': transcript(TOPICS.mali) });
    const first = runCli(['build', 'in/**', '--out', 'in/graph', '-w', '1', '--json', '-q'], { cwd });
    expect(first.status).toBe(0);
    // Outputs with transcript extensions, as a user might add beside them: still not inputs.
    writeFiles(cwd, { 'in/graph/notes.txt': transcript(TOPICS.lebanon) });
    const second = runCli(['build', 'in/**', '--out', 'in/graph', '-w', '1', '--json', '-q'], { cwd });
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ documents: 2, upToDate: true });
    expect(readManifest(path.join(cwd, 'in/graph')).inputs.map((input) => input.id)).toEqual(['a.txt', 'b.md']);
  });

  it('reads a file whose name is Latin-1 bytes, with a warning, instead of skipping it as missing', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(corpus, 'r')), Buffer.from([0xe9]), Buffer.from('union.txt')]), transcript(TOPICS.car));
    const out = path.join(tempDir(), 'graph');
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q']);
    expect(result.stderr).toMatch(/warning: .*réunion\.txt: the file name is not UTF-8; it is shown read as Latin-1/);
    expect(result.stderr).not.toMatch(/skipped/);
    expect(result.status).toBe(0);
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a.txt', 'réunion.txt']);
    expect(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')).toContain('mission:minusca');
  });

  it('a U+202E (right-to-left override) in a file name reaches none of the six outputs or the manifest raw', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'report\u202Etxt.md': transcript(TOPICS.congo), 'plain.txt': transcript(TOPICS.lebanon) });
    const out = path.join(tempDir(), 'graph');
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q', '--formats', 'json,gexf,graphml,csv,evidence']);
    expect(result.status).toBe(0);
    const outputs = readOutputs(out);
    expect([...outputs.keys()]).toEqual(['edges.csv', 'evidence.jsonl', 'graph.gexf', 'graph.graphml', 'graph.json', 'manifest.json', 'nodes.csv']);
    for (const [name, bytes] of outputs) {
      expect(bytes.includes(Buffer.from('\u202E', 'utf8')), name).toBe(false);
    }
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['plain.txt', 'report\\u{202E}txt.md']);
    expect(outputs.get('evidence.jsonl')!.toString()).toContain('report\\\\u{202E}txt.md');
  });
});
