import { readFileSync } from 'node:fs';
import { defaultLexicon, readDocument } from './packages/extract/src/index.ts';
const text = ['gcr2p-expert-voices-ep41-lacroix-transcript.txt','un-news-2017-05-22-lacroix-interview.txt'].map(f => readFileSync('data/transcripts/' + f, 'utf8')).join('\n\n');
const big = Array.from({length: 40}, () => text).join('\n\n');
const lex = defaultLexicon();
const sents = readDocument({id:'a', text: big}).sentences.map(s=>s.text);
const mb = big.length/1e6;
const src = (lex.matcher as any).pattern.source as string;
console.log('pattern length', src.length, 'entries', lex.entries.length);
for (const [name, re] of Object.entries({ gi: new RegExp(src, 'gi'), g: new RegExp(src, 'g'), joined: new RegExp(src, 'gi') })) {
  const t0 = performance.now(); let n = 0;
  if (name === 'joined') { const all = sents.join('\n'); re.lastIndex = 0; while (re.exec(all)) n++; }
  else for (const s of sents) { re.lastIndex = 0; while (re.exec(s)) n++; }
  console.log(name, (mb/((performance.now()-t0)/1000)).toFixed(1), 'MB/s', n);
}
const t0 = performance.now(); let n = 0; for (const s of sents) n += lex.matcher.scan(s).length; console.log('scan', (mb/((performance.now()-t0)/1000)).toFixed(1), n);
{ const t0 = performance.now(); let n = 0; for (const h of lex.matcher.scanAll(sents)) n += h.length; console.log('scanAll', (mb/((performance.now()-t0)/1000)).toFixed(1), n); }
{ const t0 = performance.now(); let n = 0; for (const h of lex.matcher.scanAll(sents)) n += h.length; console.log('scanAll', (mb/((performance.now()-t0)/1000)).toFixed(1), n); }
