// The topics acceptance figures on the podcast seed: its SUMMARY KEYWORDS line (a peer's answer) is removed,
// the seed built as a one-document corpus, and the keywords matched against the graph's nodes by content words.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLexicon, extractDocument } from '../packages/extract/src/index.ts';
import { buildGraph } from '../packages/graph/src/index.ts';
import { STOPWORDS } from '../packages/extract/src/topics/stopwords.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PODCAST_SEED = path.join(here, '../../shared/seeds/gcr2p-expert-voices-ep41-lacroix-transcript.txt');

/** The seed's text without its keyword block, and the keywords it listed. */
export function seedWithoutKeywords(text: string): { text: string; keywords: string[] } {
  const match = /SUMMARY KEYWORDS\s*\n\s*\n?([^\n]+)\n/.exec(text);
  if (match === null) throw new Error('topics-seed: the seed has no SUMMARY KEYWORDS line');
  const keywords = match[1]!.replace(/\.\s*$/, '').split(/\s*,\s*/);
  return { text: text.replace(match[0], ''), keywords };
}

/** Lower-case content words, each singular ("UN peace operations" → un, peace, operation). */
export function contentWords(phrase: string): Set<string> {
  const words = phrase.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((word) => word.length > 0 && !STOPWORDS.has(word) && !['of', 'the', 'and', 'to', 'in', 'for'].includes(word));
  return new Set(words.map((word) => word.replace(/(?:ies)$/, 'y').replace(/([^s])s$/, '$1')));
}

/** A keyword is a node when one's content words hold the other's and the smaller holds more than half the larger. */
export function sameContent(keyword: ReadonlySet<string>, node: ReadonlySet<string>): boolean {
  const [small, large] = keyword.size <= node.size ? [keyword, node] : [node, keyword];
  for (const word of small) if (!large.has(word)) return false;
  return small.size * 2 > large.size;
}

export interface SeedFigures {
  keywords: { keyword: string; node: string | undefined }[];
  matched: number;
  topicNodes: string[];
  singleWordTopics: number;
}

export function seedFigures(): SeedFigures {
  const { text, keywords } = seedWithoutKeywords(fs.readFileSync(PODCAST_SEED, 'utf8'));
  const extraction = extractDocument({ id: path.basename(PODCAST_SEED), text }, { lexicon: defaultLexicon(), topics: true });
  const graph = buildGraph([extraction], { lexicon: defaultLexicon() });
  const nodes: { label: string; type: string; words: Set<string>[] }[] = [];
  graph.forEachNode((_key, attributes) => nodes.push({ label: attributes.label, type: attributes.type, words: [attributes.label, ...attributes.aliases].map(contentWords) }));
  const found = keywords.map((keyword) => {
    const words = contentWords(keyword);
    return { keyword, node: nodes.find((node) => node.words.some((form) => sameContent(words, form)))?.label };
  });
  const topicNodes = nodes.filter((node) => node.type === 'topic').map((node) => node.label);
  return { keywords: found, matched: found.filter((item) => item.node !== undefined).length, topicNodes, singleWordTopics: topicNodes.filter((label) => !/\s/.test(label.trim())).length };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const figures = seedFigures();
  for (const { keyword, node } of figures.keywords) console.log(`${node === undefined ? '  -' : '  +'} ${keyword}${node === undefined ? '' : `  → ${node}`}`);
  console.log(`keywords that are nodes: ${figures.matched} of ${figures.keywords.length}`);
  console.log(`topic nodes: ${figures.topicNodes.length}, single words: ${figures.singleWordTopics} (${((100 * figures.singleWordTopics) / Math.max(1, figures.topicNodes.length)).toFixed(0)}%)`);
  console.log(figures.topicNodes.join(' | '));
}
