import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { defaultLexicon, readDocument } from './packages/extract/src/index.ts';
import { candidateRuns } from './packages/extract/src/recognize/ner.ts';
const texts = ['gcr2p-expert-voices-ep41-lacroix-transcript.txt','un-news-2017-05-22-lacroix-interview.txt'].map(f => readFileSync('data/transcripts/' + f, 'utf8'));
const lex = defaultLexicon();
let runs = 0, chars = 0, total = 0; const samples: string[] = [];
for (const t of texts) for (const s of readDocument({id:'a', text:t}).sentences) {
  total += s.text.length;
  const covered = lex.matcher.scan(s.text);
  const r = candidateRuns(s.text, covered);
  runs += r.length; for (const x of r) samples.push(s.text.slice(x.start, x.end));
}
console.log('runs', runs, 'of total chars', total); console.log(samples.join(' | '));
// cost of compromise per small call
const w = 'met Mahamat Saleh Annadif, the head of the mission';
let t0 = performance.now(); for (let i = 0; i < 300; i++) nlp(w + i).json({offset:true}); console.log('json only ms/call', ((performance.now()-t0)/300).toFixed(3));
t0 = performance.now(); for (let i = 0; i < 300; i++) { const d = nlp(w + i); d.json({offset:true}); d.people().json({offset:true}); d.places().json({offset:true}); d.organizations().json({offset:true}); } console.log('all ms/call', ((performance.now()-t0)/300).toFixed(3));
