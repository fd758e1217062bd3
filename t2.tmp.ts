import { readFileSync } from 'node:fs';
import { extractDocument } from './packages/extract/src/index.ts';
for (const f of ['gcr2p-expert-voices-ep41-lacroix-transcript.txt','un-news-2017-05-22-lacroix-interview.txt']) {
  const t0 = performance.now();
  const x = extractDocument({ id: f, text: readFileSync('data/transcripts/' + f, 'utf8') }, { topics: true });
  console.log(f, (performance.now()-t0).toFixed(0)+'ms', x.document, x.warnings);
  for (const e of x.entities) console.log(' ', e.id, '|', e.label, '|', e.type, e.mentions, JSON.stringify(e.aliases));
  console.log(' comentions', x.coMentions.length, 'topics', x.topicCandidates?.slice(0,15).map(t=>t.phrase+':'+t.count).join(', '));
}
