import { readFileSync } from 'node:fs';
import { defaultLexicon, readDocument } from './packages/extract/src/index.ts';
const text = ['gcr2p-expert-voices-ep41-lacroix-transcript.txt','un-news-2017-05-22-lacroix-interview.txt'].map(f => readFileSync('data/transcripts/' + f, 'utf8')).join('\n\n');
const big = Array.from({length: 40}, () => text).join('\n\n');
const lex = defaultLexicon();
const sents = readDocument({id:'a', text: big}).sentences.map(s=>s.text);
const mb = big.length/1e6;
const src = (lex.matcher as any).pattern.source as string;
const variants: Record<string, RegExp> = {
  orig: new RegExp(src, 'gu'),
  noLookbehind: new RegExp(src.replace('(?<![\\p{L}\\p{N}])',''), 'gu'),
  noU: new RegExp(src.replaceAll('\\p{L}\\p{N}','A-Za-z0-9\\u00C0-\\uFFFF'), 'g'),
  noUnoLB: new RegExp(src.replace('(?<![\\p{L}\\p{N}])','').replaceAll('\\p{L}\\p{N}','A-Za-z0-9\\u00C0-\\uFFFF'), 'g'),
};
for (const [name, re] of Object.entries(variants)) {
  const t0 = performance.now(); let n = 0;
  for (const s of sents) { re.lastIndex = 0; while (re.exec(s)) n++; }
  console.log(name, (mb/((performance.now()-t0)/1000)).toFixed(1), 'MB/s', n);
}
