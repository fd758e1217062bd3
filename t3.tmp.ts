import { readFileSync } from 'node:fs';
import { extractDocument, defaultLexicon } from './packages/extract/src/index.ts';
const texts = ['gcr2p-expert-voices-ep41-lacroix-transcript.txt','un-news-2017-05-22-lacroix-interview.txt'].map(f => readFileSync('data/transcripts/' + f, 'utf8'));
defaultLexicon();
for (const useNer of [false, true]) {
  extractDocument({ id: 'w', text: texts[0]! }, { useNer });
  const t0 = performance.now(); let chars = 0;
  for (let i = 0; i < 20; i++) for (const t of texts) { extractDocument({ id: 'x' + i, text: t }, { useNer }); chars += t.length; }
  const s = (performance.now() - t0) / 1000;
  console.log('useNer', useNer, (chars / 1e6 / s).toFixed(2), 'MB/s');
}
