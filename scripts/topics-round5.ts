// Prints the topics and concepts the extraction gives each text of an eval round (data/eval/round unless a folder is
// named), for a blind annotator to judge against the key topics they listed first without seeing this output (ROUNDS.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLexicon, extractDocument } from '../packages/extract/src/index.ts';

const round = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../data/eval/round');
const lexicon = defaultLexicon();
for (const name of fs.readdirSync(round).filter((file) => !file.endsWith('.json')).sort()) {
  const extraction = extractDocument({ id: name, text: fs.readFileSync(path.join(round, name), 'utf8') }, { lexicon, topics: true });
  const phrases = extraction.entities.filter((entity) => entity.type === 'topic' || entity.type === 'concept');
  console.log(`${name}`);
  for (const entity of phrases) console.log(`  ${entity.type === 'topic' ? 'topic  ' : 'concept'}  ${entity.label}`);
}
