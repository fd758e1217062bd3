// Prints the topics and concepts the extraction gives each round-5 text (data/eval/round5), for a blind annotator
// to judge against the key topics they listed first without seeing this output (ROUNDS.md, "Topics").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLexicon, extractDocument } from '../packages/extract/src/index.ts';

const round5 = path.join(path.dirname(fileURLToPath(import.meta.url)), '../data/eval/round5');
const lexicon = defaultLexicon();
for (const name of fs.readdirSync(round5).filter((file) => !file.endsWith('.json')).sort()) {
  const extraction = extractDocument({ id: name, text: fs.readFileSync(path.join(round5, name), 'utf8') }, { lexicon, topics: true });
  const phrases = extraction.entities.filter((entity) => entity.type === 'topic' || entity.type === 'concept');
  console.log(`${name}`);
  for (const entity of phrases) console.log(`  ${entity.type === 'topic' ? 'topic  ' : 'concept'}  ${entity.label}`);
}
