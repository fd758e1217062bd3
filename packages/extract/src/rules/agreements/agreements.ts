// Agreements beyond "resolution NNNN (YYYY)": "the Charter", old short-numbered resolutions, status-of-forces
// agreements, dated ceasefires, laws and directives by subject or number, and short or dated forms of agreements
// the document already names, which join that agreement instead of becoming a second one.
import type { SentenceRecord } from '../../types.ts';
import type { RuleCandidate, RuleContext } from '../context.ts';
import { alternatives, CAP_WORD, containsAny, escapePattern, isHeadline, makeCandidate, mentionsOver } from '../text.ts';
import { AGREEMENT_HEADS, DATED_AGREEMENT_HEADS, GENERIC_AGREEMENT_WORDS, LAW_HEADS, MONTHS, OTHER_RESOLUTION_BODIES, STATUS_AGREEMENTS, UN_CHARTER_CONTEXT } from './vocabulary.ts';


const CHARTER_ID_LABEL = 'Charter of the United Nations';

/** "the Charter", capitalised and not the head of another charter ("the Charter of Paris"). */
const THE_CHARTER = /(?<![\p{L}])the\s+(Charter)(?![\p{L}'’-])(?!\s+(?:of|for|on)\s+(?:the\s+)?\p{Lu})/gu;

/** The UN Charter as "the Charter" in a document about the UN: its Security Council, General Assembly, a mission. */
export function proposeCharter(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const aboutTheUn = [...context.entities.values()].some((entity) => entity.type === 'mission' || (UN_CHARTER_CONTEXT as readonly string[]).includes(entity.id));
  if (!aboutTheUn) return [];
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    THE_CHARTER.lastIndex = 0;
    for (let match = THE_CHARTER.exec(sentence.text); match !== null; match = THE_CHARTER.exec(sentence.text)) {
      const start = match.index + match[0].length - 'Charter'.length;
      candidates.push(
        makeCandidate(
          { sentence: sentence.index, start, end: start + 'Charter'.length, text: sentence.text, type: 'agreement', label: CHARTER_ID_LABEL, generator: 'agreements', reason: 'un-charter: "the Charter" in a text about the UN', confidence: 'likely' },
          context,
        ),
      );
    }
  }
  return candidates;
}

/** A resolution numbered with one or two digits: "Resolution 39", "UNSC Resolution 47", "resolution 47 (1948)". */
const SHORT_RESOLUTION = /(?<![\p{L}\p{N}/])((?:(?:UN|U\.N\.|United\s+Nations)\s+)?(?:Security\s+Council|UNSC)\s+)?([Rr])esolution\s+(?:[Nn]o\.?\s*)?(\d{1,2})(?![\p{N}/]|[.,]\d)(\s*\((?:19|20)\d\d\))?/gu;

export function proposeShortResolutions(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    SHORT_RESOLUTION.lastIndex = 0;
    for (let match = SHORT_RESOLUTION.exec(text); match !== null; match = SHORT_RESOLUTION.exec(text)) {
      const byCouncil = match[1] !== undefined;
      // A lower-case "resolution 12" needs the Council or its year to be a citation.
      if (!byCouncil && match[2] === 'r' && match[4] === undefined) continue;
      if (!byCouncil && OTHER_RESOLUTION_BODIES.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
      const number = String(Number(match[3]));
      const end = match.index + match[0].length;
      candidates.push(
        makeCandidate(
          { sentence: sentence.index, start: match.index, end, text, type: 'agreement', label: `Resolution ${number}`, entity: `agreement:resolution-${number}`, generator: 'agreements', reason: 'short-resolution: "Resolution NN"', confidence: 'certain', supersedes: true },
          context,
        ),
      );
    }
  }
  return candidates;
}

/** Status-of-forces and status-of-mission agreements, written out or as SOFA / SOMA: one entity each. */
export function proposeStatusAgreements(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    for (const { pattern, label } of STATUS_AGREEMENTS) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
        candidates.push(
          makeCandidate(
            { sentence: sentence.index, start: match.index, end: match.index + match[0].length, text: sentence.text, type: 'agreement', label, generator: 'agreements', reason: `status-agreement: "${label}"`, confidence: 'certain' },
            context,
          ),
        );
      }
    }
  }
  return candidates;
}

const MONTH = alternatives(MONTHS);
const FULL_DATE = `(?:\\d{1,2}\\s+(?:${MONTH})\\s+\\d{4}|(?:${MONTH})\\s+\\d{1,2},?\\s+\\d{4})`;
const DATE = `(?:${FULL_DATE}|(?:${MONTH})\\s+\\d{4}|(?:19|20)\\d\\d)`;
/** A head in either capitalisation of each word's first letter: "Ceasefire Agreement" or "ceasefire agreement". */
const firstLetterEither = (head: string): string => escapePattern(head).replace(/(^|\s|-)(\p{L})/gu, (_, before: string, letter: string) => `${before}[${letter.toUpperCase()}${letter.toLowerCase()}]`);
const HEADS = [...DATED_AGREEMENT_HEADS].sort((a, b) => b.length - a.length).map(firstLetterEither).join('|');
const DATE_THEN_HEAD = new RegExp(`(?<![\\p{L}\\p{N}])(${DATE})\\s+(${HEADS})(?![\\p{L}'’-])(?!\\s+\\p{Lu})`, 'gu');
const HEAD_OF_DATE = new RegExp(`(?<![\\p{L}'’-])(${HEADS})\\s+of\\s+(${DATE})(?![\\p{L}\\p{N}])`, 'gu');
/** Both patterns need a head (in some capitalisation) and a four-digit year: sentences without either are skipped. */
const hasDatedHead = containsAny(DATED_AGREEMENT_HEADS, { ignoreCase: true });
const hasYear = (text: string): boolean => /\d{4}/u.test(text);

/** True when every word of a head is capitalised as a name's ("Ceasefire Agreement", "Cessation of Hostilities Agreement"). */
function capitalisedHead(head: string): boolean {
  return head.split(/\s+/).every((word) => /^(?:of|the)$/u.test(word) || /^\p{Lu}/u.test(word));
}

const canonicalHead = (head: string): string =>
  head
    .split(/\s+/)
    .map((word) => (/^(?:of|the)$/iu.test(word) ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase()))
    .join(' ')
    .replace(/^Cease-fire/u, 'Ceasefire');

/**
 * Ceasefires and peace agreements named by their date: "the 23 October 2020 Ceasefire Agreement", "the Peace
 * Agreement of 5 May 2006", and in lower case only with a full date ("the 27 July 2023 ceasefire agreement";
 * "the 2018 peace deal" is a description). Forms of one head and one year are one agreement.
 */
export function proposeDatedAgreements(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const found: { sentence: number; start: number; end: number; text: string; head: string; date: string; year: string }[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    if (isHeadline(text) || !hasYear(text) || !hasDatedHead(text)) continue;
    for (const [pattern, dateGroup, headGroup] of [
      [DATE_THEN_HEAD, 1, 2],
      [HEAD_OF_DATE, 2, 1],
    ] as const) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const date = match[dateGroup] ?? '';
        const head = match[headGroup] ?? '';
        const fullDate = new RegExp(`^${FULL_DATE}$`, 'u').test(date);
        if (!capitalisedHead(head) && !(fullDate && /agreement|accord|truce|ceasefire|cease-fire/iu.test(head))) continue;
        // A date's month must be capitalised as written ("may 2006" is no date).
        if (!/^(?:\d|\p{Lu})/u.test(date)) continue;
        const year = /\d{4}/u.exec(date)?.[0] ?? '';
        found.push({ sentence: sentence.index, start: match.index, end: match.index + match[0].length, text, head: canonicalHead(head), date, year });
      }
    }
  }
  // One entity per head and year, labelled by its most precise date.
  const labels = new Map<string, string>();
  for (const item of found) {
    const key = `${item.head}\u0000${item.year}`;
    const current = labels.get(key);
    if (current === undefined || item.date.length > current.length) labels.set(key, item.date);
  }
  return found.map((item) => {
    // The dated form of an agreement the lexicon already reads there is that agreement ("the October 2020 Ceasefire Agreement").
    const known = mentionsOver(context, item.sentence, item.start, item.end).find((mention) => !mention.guessed && mention.type === 'agreement');
    return makeCandidate(
      {
        sentence: item.sentence,
        start: item.start,
        end: item.end,
        text: item.text,
        type: 'agreement',
        label: `${item.head} of ${labels.get(`${item.head}\u0000${item.year}`) ?? item.date}`,
        ...(known ? { entity: known.entity } : {}),
        generator: 'agreements',
        reason: `dated-agreement: "<date> ${item.head}"`,
        confidence: 'likely',
        supersedes: true,
      },
      context,
    );
  });
}

/** The short form of an agreement's label: its words up to the first head, when that drops something and is no generic phrase. */
export function shortFormOf(label: string): string | undefined {
  const words = label.replace(/\s*\([^)]*\)\s*$/u, '').split(/\s+/);
  const headIndex = words.findIndex((word) => (AGREEMENT_HEADS as readonly string[]).includes(word));
  if (headIndex < 1 || headIndex === words.length - 1) return undefined;
  const short = words.slice(0, headIndex + 1);
  if (short.every((word) => GENERIC_AGREEMENT_WORDS.has(word.toLowerCase()))) return undefined;
  return short.join(' ');
}

/**
 * Variant forms of an agreement the document names: its short form ("the Revitalized Agreement" after the
 * Revitalized Agreement on the Resolution of the Conflict in South Sudan), with or without a year ("the 2018
 * Revitalized Agreement"), join that agreement instead of becoming a second node.
 */
export function proposeAgreementVariants(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const forms = new Map<string, string>();
  for (const entity of context.entities.values()) {
    if (entity.type !== 'agreement') continue;
    for (const short of new Set(entity.names.map(shortFormOf))) {
      if (short === undefined || context.lexiconIdOf(short) !== undefined) continue;
      // A short form two named agreements share names neither.
      const owner = forms.get(short);
      forms.set(short, owner === undefined || owner === entity.id ? entity.id : '');
    }
  }
  const usable = [...forms].filter(([, id]) => id !== '');
  if (usable.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:(?:19|20)\\d\\d\\s+)?(${alternatives(usable.map(([form]) => form))})(?![\\p{L}'’-])(?!\\s+(?:on|of|for|in|to)\\s+(?:the\\s+)?\\p{Lu})(?!\\s+\\p{Lu})`, 'gu');
  const byForm = new Map(usable);
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const entity = byForm.get(match[1] ?? '');
      if (entity === undefined) continue;
      const start = match.index;
      const end = start + match[0].length;
      // A capitalised word right before starts another name ("the Juba Revitalized Agreement").
      const before = /(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(sentence.text.slice(Math.max(0, start - 30), start))?.[1];
      if (before !== undefined && !/^(?:The|A|An|This|That|Its|Their|Our|Under|In|On|By|With)$/u.test(before) && mentionsOver(context, sentence.index, start, end).length === 0) continue;
      candidates.push(
        makeCandidate(
          { sentence: sentence.index, start, end, text: sentence.text, type: 'agreement', label: match[1] ?? '', entity, generator: 'agreements', reason: 'agreement-variant: short or dated form of a named agreement', confidence: 'likely', supersedes: true },
          context,
        ),
      );
    }
  }
  return candidates;
}

const NAME_RUN = `${CAP_WORD}(?:\\s+(?:(?:of|and|the|for|in|on)\\s+)*${CAP_WORD})*`;
/** A law named by its subject: "the Law on the Propagation of Virtue and the Prevention of Vice", "the Organic Law on Elections". */
const LAW_ON = new RegExp(`(?<![\\p{L}'’-])((?:${CAP_WORD}\\s+){0,3}(?:${alternatives(LAW_HEADS)}))\\s+on\\s+(?:the\\s+)?${NAME_RUN}`, 'gu');
/** A numbered legal instrument: "Presidential Decision Directive 25", "Executive Order 13224". */
const NUMBERED_INSTRUMENT = new RegExp(`(?<![\\p{L}'’-])((?:${CAP_WORD}\\s+){1,3})(?:${alternatives(LAW_HEADS)})\\s+(?:No\\.\\s*)?\\d{1,5}(?![\\p{L}\\p{N}]|[.,]\\d)`, 'gu');
const hasLawHead = containsAny(LAW_HEADS);

/** Laws, decrees and directives named by their subject or number. */
export function proposeLegalInstruments(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    if (isHeadline(text) || !hasLawHead(text)) continue;
    for (const [pattern, reason] of [
      [LAW_ON, 'named-law: "<Law> on <Subject>"'],
      [NUMBERED_INSTRUMENT, 'numbered-instrument: "<Name> <Directive|Order|Decree> NN"'],
    ] as const) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        // Words that open a clause ("Under", "The") are no part of the name.
        const opener = /^(?:(?:The|A|An|Under|In|On|By|With|This|Its|Their|After|Before|Since|And)\s+)+/u.exec(match[0])?.[0].length ?? 0;
        const start = match.index + opener;
        const end = match.index + match[0].length;
        if (pattern === NUMBERED_INSTRUMENT && opener >= (match[1] ?? '').length) continue;
        // A known name that runs past the span keeps its place.
        if (mentionsOver(context, sentence.index, start, end).some((mention) => !mention.guessed && (mention.start < start || mention.end > end))) continue;
        const label = text.slice(start, end);
        candidates.push(makeCandidate({ sentence: sentence.index, start, end, text, type: 'agreement', label, generator: 'agreements', reason, confidence: 'likely', supersedes: true }, context));
      }
    }
  }
  return candidates;
}

/** All agreement rules. */
export function proposeAgreements(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  return [
    ...proposeCharter(sentences, context),
    ...proposeShortResolutions(sentences, context),
    ...proposeStatusAgreements(sentences, context),
    ...proposeDatedAgreements(sentences, context),
    ...proposeAgreementVariants(sentences, context),
    ...proposeLegalInstruments(sentences, context),
  ];
}
