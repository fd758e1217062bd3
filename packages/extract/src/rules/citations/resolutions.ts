// Security Council resolutions cited by number ("resolution 2284 (2016)", "UNSCR 1325", lists), and the bare
// number of a resolution the document has cited ("Before 1325, ...").
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState, addMention, coveredSpans } from '../../pipeline/state.ts';
import { overlapsAny } from '../../recognize/mention.ts';

export const RESOLUTION_YEAR = String.raw`(?:\s*\((?:19|20)\d{2}\))?`;

/** One resolution: "Security Council resolution 2284 (2016)", "Resolution No. 2719", "UNSCR 1325", "S/RES/2692 (2023)", "SC res. 1312" (not "GA res."). */
export const RESOLUTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}/])(?:(?:(?:(?:UN|U\.N\.|United Nations)\s+)?(?:Security Council|UNSC)\s+)?[Rr]esolution\s+(?:(?:[Nn]o\.|[Nn]umber)\s*)?|(?<!\b(?:GA|General Assembly)\s)(?:(?:UN|U\.N\.)\s*)?(?:SC\s+)?[Rr]es\.\s*(?:[Nn]o\.\s*)?|(?:UNSCR|SCR)\s*|S\/RES\/)(\d{3,4})${RESOLUTION_YEAR}(?![\p{L}\p{N}])`,
  'gu',
);

/** Several resolutions after one plural word: "resolutions 1325 (2000), 1820 and 1888" (each number is one). */
export const RESOLUTION_LIST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:Security Council|UNSC)\s+)?(?:[Rr]esolutions|UNSCRs)\s+\d{3,4}${RESOLUTION_YEAR}(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)\d{3,4}${RESOLUTION_YEAR})+(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * Security Council resolutions cited by number ("Security Council resolution 2284 (2016)", "resolution
 * 2098", "UNSCR 1325", "resolutions 2719 and 2720") are agreements, `agreement:resolution-<number>`; the
 * Security Council named inside is nested.
 */
export function recogniseResolutions(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const sentence of state.sentences) {
    if (!/esolutions?\s+(?:(?:[Nn]o\.|[Nn]umber)\s*)?\d|[Rr]es\.\s*(?:[Nn]o\.\s*)?\d|SCRs?\s*\d|S\/RES\/\d/.test(sentence.text)) continue;
    const found: { start: number; end: number; number: string }[] = [];
    RESOLUTION_LIST.lastIndex = 0;
    for (let match = RESOLUTION_LIST.exec(sentence.text); match !== null; match = RESOLUTION_LIST.exec(sentence.text)) {
      const numbers = [...match[0].matchAll(/(?<!\()\b\d{3,4}\b(?!\))/gu)];
      numbers.forEach((number, i) => {
        const start = i === 0 ? match.index : match.index + (number.index ?? 0);
        found.push({ start, end: match.index + (number.index ?? 0) + number[0].length, number: number[0] });
      });
    }
    RESOLUTION.lastIndex = 0;
    for (let match = RESOLUTION.exec(sentence.text); match !== null; match = RESOLUTION.exec(sentence.text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!found.some((other) => other.start < end && start < other.end)) found.push({ start, end, number: match[1] ?? '' });
    }
    for (const { start, end, number } of found) {
      const id = `agreement:resolution-${number}`;
      const list = (state.mentions.get(sentence.index) ?? []).filter((mention) => mention.end <= start || mention.start >= end);
      state.mentions.set(sentence.index, list);
      if (!lexicon.get(id)) {
        state.labels.set(id, `Resolution ${number}`);
        state.types.set(id, 'agreement');
      }
      addMention(state, { entity: id, sentence: sentence.index, start, end, surface: sentence.text.slice(start, end), how: 'lexicon', rule: 'resolution-by-number', reason: `resolution ${number} cited by number` });
    }
  }
}

/**
 * A resolution the document has cited by number is also named by the number alone ("resolution 1325 (2000) …
 * Before 1325, nobody asked"), as the field speaks of 1325 and 2719. Numbers that read as years (1900–2039),
 * amounts ("$1325", "1325 troops") and numbers inside other names stay what they are.
 */
export function recogniseBareResolutionNumbers(state: DocumentState): void {
  const numbers = new Set<string>();
  for (const list of state.mentions.values()) {
    for (const mention of list) {
      const number = /^agreement:resolution-(\d{4})$/.exec(mention.entity)?.[1];
      if (number !== undefined && (Number(number) < 1900 || Number(number) > 2039)) numbers.add(number);
    }
  }
  if (numbers.size === 0) return;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}$€£.,/#-])(?<!\\b(?:[Pp]ages?|[Pp]p?\\.|[Nn]o\\.|[Pp]aragraph|[Pp]ara\\.?|[Aa]rticle|[Ss]ection|[Rr]oom|[Ff]light|[Rr]oute)\\s+)(${[...numbers].join('|')})(?=$|[,;:!?)”"’]|\\.(?!\\d)|['’]s\\b|\\s+(?:was|is|has|had|and|or|of|in|on|says|said|calls|called|requires|remains|which|that|to|for|itself|[—–-])(?![\\p{L}]))`,
    'gu',
  );
  for (const sentence of state.sentences) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (overlapsAny(coveredSpans(state, sentence.index), start, end)) continue;
      addMention(state, { entity: `agreement:resolution-${match[0]}`, sentence: sentence.index, start, end, surface: match[0], how: 'lexicon', rule: 'resolution-bare-number', reason: `bare number of resolution ${match[0]}, cited before` });
    }
  }
}
