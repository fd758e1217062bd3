import { readFileSync } from 'node:fs';
import { extractDocument, defaultLexicon } from './packages/extract/src/index.ts';
const texts = ['gcr2p-expert-voices-ep41-lacroix-transcript.txt','un-news-2017-05-22-lacroix-interview.txt'].map(f => readFileSync('data/transcripts/' + f, 'utf8'));
defaultLexicon();
const useNer = process.argv[2] === 'ner';
const t0 = performance.now(); let chars = 0;
for (let i = 0; i < (useNer ? 5 : 40); i++) for (const t of texts) { extractDocument({ id: 'x' + i, text: t }, { useNer }); chars += t.length; }
console.log('useNer', useNer, (chars / 1e6 / ((performance.now() - t0) / 1000)).toFixed(2), 'MB/s');
