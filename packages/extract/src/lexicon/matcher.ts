// Compiles lexicon surface forms into a character trie and scans sentences with it (longest match first, at
// word starts); the cost is the text's, not the lexicon's. Matching runs on a folded copy of the text.
import { foldText, matchKey } from '../text/fold.ts';
import { WORD_CLASS } from '../text/patterns.ts';

/** What a surface form means when it matches. */
/** `short`: a country-bound name written without its country, resolved like an ambiguous alias (see compile.ts). */
export type SurfaceKind = 'alias' | 'ambiguous' | 'demonym' | 'short';

export interface SurfaceForm {
  entityId: string;
  text: string;
  kind: SurfaceKind;
}

/** One lexicon match in a sentence: the span and every form it may be. */
export interface LexiconHit {
  start: number;
  end: number;
  surface: string;
  kind: SurfaceKind;
  /** Entities named; several only for an ambiguous alias shared by entities (e.g. "Congo"). */
  entityIds: string[];
}

/** A word written with two or more capitals or a capital and a digit (UN, MONUSCO, R2P, PoC) matches exactly. */
function isExactWord(word: string): boolean {
  const capitals = word.replace(/[^\p{Lu}]/gu, '').length;
  return capitals >= 2 || (capitals >= 1 && /\d/.test(word));
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Generic head nouns that writers put in lower case after a proper name ("the Algiers agreement", "the
 * Luanda process", "the Belgrade-Pristina dialogue", "the Berlin ministerial", "the Multinational Security Support mission", "the Security council"): a capital of the
 * lexicon form may be dropped on these words, never on the first word.
 */
const LOWER_CASE_HEADS = new Set(
  'agreement agreements accord accords process dialogue negotiations ministerial conference summit talks declaration mission operation area region camp plan report initiative programme program treaty protocol charter pact roadmap framework strategy council assembly commission committee union court office force forces police army group front movement agency fund department ministry government mechanism panel tribunal secretariat'.split(' '),
);

/**
 * True when a capitalised word of a proper name may be written in lower case. Names of two words made of
 * ordinary words ("General Assembly", "UN Women", "South Sudan") need their capitals, or "a general assembly
 * of displaced families" and "UN women peacekeepers" would be those bodies; longer names with inner small
 * words ("Pact for the Future") are specific enough to be recognised in a transcript written in lower case.
 */
function capitalMayDrop(words: readonly string[], index: number): boolean {
  if (isDescriptiveForcesName(words)) return false;
  if (words.length >= 3 && words.some((word) => /^\p{Ll}/u.test(word))) return true;
  return index > 0 && LOWER_CASE_HEADS.has((words[index] ?? '').toLowerCase());
}

/**
 * A national force named "(National) Armed/Defence/Security/Police Force(s) of <Country>": written in lower case
 * ("the armed forces of Nigeria") it describes the country's forces, so it stays a mention of the country and the
 * name matches only with its capitals.
 */
const DESCRIPTIVE_FORCES = /^(?:the )?(?:national )?(?:armed|defen[cs]e|security|police) forces? of /iu;

export function isDescriptiveForcesName(words: readonly string[]): boolean {
  return DESCRIPTIVE_FORCES.test(`${words.join(' ')} `);
}

/**
 * Turns a surface form into regex atoms (one per character or separator). Capitalisation rules:
 * exact words (acronyms) match as written; a word written in lower case in the lexicon (concepts, "of")
 * may take a capital; a capitalised word of a proper name keeps its capital unless capitalMayDrop allows
 * it (concepts are common nouns: any case of their first letters); a one-word form written with a capital
 * needs its capital (proper names: "Chad", "Turkey"), and ambiguous forms keep their case apart from the
 * first letter of the first word.
 */
export function surfaceAtoms(text: string, kind: SurfaceKind, entityId = ''): string[] {
  const folded = foldText(text.normalize('NFC')).trim().replace(/\s+/g, ' ');
  const words = folded.split(/[ -]/);
  const singleCapitalised = words.length === 1 && /^\p{Lu}/u.test(folded);
  const commonNoun = entityId.startsWith('concept:') || entityId.startsWith('topic:');
  const atoms: string[] = [];
  let wordIndex = 0;
  let atWordStart = true;
  for (const ch of folded) {
    if (ch === ' ' || ch === '-') {
      atoms.push('[ -]');
      wordIndex += 1;
      atWordStart = true;
      continue;
    }
    const word = words[wordIndex] ?? '';
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const keepsCapital = ch === upper && !commonNoun && !capitalMayDrop(words, wordIndex);
    const caseFree =
      atWordStart &&
      lower !== upper &&
      !isExactWord(word) &&
      !singleCapitalised &&
      ((kind !== 'ambiguous' && kind !== 'short') || wordIndex === 0) &&
      (kind !== 'alias' || !keepsCapital);
    atoms.push(caseFree ? `[${escapeChar(upper)}${escapeChar(lower)}]` : escapeChar(ch));
    atWordStart = false;
  }
  return atoms;
}

interface TrieNode {
  /** Children by the trie code of their character (see TRIE_CODE). */
  children: Map<number, TrieNode>;
  terminal: boolean;
}

/**
 * The trie code of each UTF-16 code unit: its lower-case form when that is one code unit, and one code for
 * both separators (space and hyphen match each other). The trie is walked case-insensitively; the forms'
 * capitalisation rules are checked afterwards.
 */
const TRIE_CODE: Uint16Array = (() => {
  const table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code += 1) {
    const lower = String.fromCharCode(code).toLowerCase();
    table[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  table['-'.charCodeAt(0)] = ' '.charCodeAt(0);
  return table;
})();

const trieCodeAt = (text: string, index: number): number => TRIE_CODE[text.charCodeAt(index)] ?? 0;

/** 1 for each UTF-16 code unit of WORD_CLASS (letters and digits), 2 for "+": the boundary tests of the scan. */
const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  const pattern = new RegExp(`[${WORD_CLASS}]`);
  for (let code = 0; code < 65536; code += 1) if (pattern.test(String.fromCharCode(code))) table[code] = 1;
  table['+'.charCodeAt(0)] = 2;
  return table;
})();

/** True when the code unit at `index` is a letter or digit (a form may not start right after one). */
const isWordAt = (text: string, index: number): boolean => index >= 0 && index < text.length && CHAR_CLASS[text.charCodeAt(index)] === 1;
/** True when the code unit at `index` continues a token: a letter, digit or "+" (a form may not end right before one). */
const isTokenAt = (text: string, index: number): boolean => index >= 0 && index < text.length && (CHAR_CLASS[text.charCodeAt(index)] ?? 0) > 0;

/** A surface form as the matcher stores it: folded, trimmed, single-spaced. */
function normalisedForm(text: string): string {
  return foldText(text.normalize('NFC')).trim().replace(/\s+/g, ' ');
}

/** The capitalisation rule of a form as one anchored RegExp (see surfaceAtoms), with its all-capitals variant. */
function capitalisationCheck(form: SurfaceForm): RegExp {
  const folded = normalisedForm(form.text);
  const atoms = surfaceAtoms(form.text, form.kind, form.entityId);
  // Names also match written all in capitals (datelines, headlines: "JUBA, South Sudan"), if long enough
  // not to be mistaken for an acronym.
  const capitals = folded.replace(/[^\p{L}]/gu, '').length >= 4 && folded !== folded.toUpperCase() && form.kind === 'alias';
  const upper = capitals ? `|^${[...folded.toUpperCase()].map((ch) => (ch === ' ' || ch === '-' ? '[ -]' : escapeChar(ch))).join('')}$` : '';
  return new RegExp(`^${atoms.join('')}$${upper}`);
}

/**
 * The compiled recogniser: scan() finds non-overlapping, leftmost-longest lexicon matches. A case-insensitive
 * walk of the trie of every form finds the longest candidate at each word start (one map lookup per character,
 * whatever the lexicon's size); the capitalisation rules of the forms are then checked, falling back to
 * shorter forms at the same place. Each form's rule is compiled the first time a match needs it, so compiling
 * a large lexicon costs only the trie.
 */
export class LexiconMatcher {
  private readonly root: TrieNode = { children: new Map(), terminal: false };
  private readonly forms = new Map<string, SurfaceForm[]>();
  private readonly checks = new Map<SurfaceForm, RegExp>();

  constructor(forms: readonly SurfaceForm[]) {
    for (const form of forms) {
      const folded = normalisedForm(form.text);
      if (folded.length === 0) continue;
      let node = this.root;
      for (let index = 0; index < folded.length; index += 1) {
        const code = trieCodeAt(folded, index);
        let child = node.children.get(code);
        if (!child) {
          child = { children: new Map(), terminal: false };
          node.children.set(code, child);
        }
        node = child;
      }
      node.terminal = true;
      const key = matchKey(form.text);
      const list = this.forms.get(key);
      if (list) list.push(form);
      else this.forms.set(key, [form]);
    }
  }

  /** Whether `surface` (folded text) is written the way `form` allows. */
  private writtenAs(form: SurfaceForm, surface: string): boolean {
    let check = this.checks.get(form);
    if (!check) {
      check = capitalisationCheck(form);
      this.checks.set(form, check);
    }
    return check.test(surface);
  }

/** The first match at or after `from`: a start not right after a letter or digit, and the longest form there. */
  private nextMatch(folded: string, from: number): { start: number; end: number } | undefined {
    for (let start = from; start < folded.length; start += 1) {
      if (isWordAt(folded, start - 1) || !this.root.children.has(trieCodeAt(folded, start))) continue;
      const longest = this.endsAt(folded, start)[0];
      if (longest !== undefined) return { start, end: longest };
    }
    return undefined;
  }

  /**
   * The forms a matched span of folded text may be, given their capitalisation rules; in a document written
   * without capitals, also the forms `caseless` accepts, written all in lower case.
   */
  private formsFor(surface: string, caseless?: (form: SurfaceForm) => boolean): SurfaceForm[] {
    const key = surface.toLowerCase().replace(/[\s-]+/g, ' ');
    const lowerCase = caseless !== undefined && surface === surface.toLowerCase();
    return (this.forms.get(key) ?? []).filter((form) => this.writtenAs(form, surface) || (lowerCase && caseless(form)));
  }

  /** Ends of every form (any case) starting at `start` and ending at a word boundary, longest first. */
  private endsAt(folded: string, start: number): number[] {
    const ends: number[] = [];
    let node: TrieNode | undefined = this.root;
    for (let index = start; index < folded.length && node; index += 1) {
      node = node.children.get(trieCodeAt(folded, index));
      if (node?.terminal && !isTokenAt(folded, index + 1)) ends.push(index + 1);
    }
    return ends.reverse();
  }

  /** The start of a word inside [start, end) where a longer form than [start, end) begins, if any. */
  private longerMatchInside(folded: string, start: number, end: number): number | undefined {
    for (let index = start + 1; index < end; index += 1) {
      if (isWordAt(folded, index - 1) || !isWordAt(folded, index)) continue;
      const longest = this.endsAt(folded, index)[0];
      if (longest !== undefined && longest - index > end - start) return index;
    }
    return undefined;
  }

  /** Every lexicon match in `text`, in order, never overlapping. */
  scan(text: string, caseless?: (form: SurfaceForm) => boolean): LexiconHit[] {
    return this.scanAll([text], caseless)[0] ?? [];
  }

  /**
   * Scans many texts (the sentences of a document) in one pass over them joined by newlines, which no form
   * contains.
   * `caseless` (for documents written without capitals, such as automatic captions) says which forms may
   * also match written all in lower case ("unmiss", "south sudan").
   */
  scanAll(texts: readonly string[], caseless?: (form: SurfaceForm) => boolean): LexiconHit[][] {
    const results: LexiconHit[][] = texts.map(() => []);
    if (this.root.children.size === 0 || texts.length === 0) return results;
    const starts: number[] = [];
    let offset = 0;
    for (const text of texts) {
      starts.push(offset);
      offset += text.length + 1;
    }
    const folded = texts.map(foldText).join('\n');
    let textIndex = 0;
    let position = 0;
    for (let match = this.nextMatch(folded, position); match !== undefined; match = this.nextMatch(folded, position)) {
      const start = match.start;
      let end = match.end;
      position = end;
      let candidates = this.formsFor(folded.slice(start, end), caseless);
      if (candidates.length === 0) {
        // The longest form failed its capitalisation rule ("mali" is not "Mali"): try shorter ones here.
        for (const shorter of this.endsAt(folded, start)) {
          if (shorter >= end) continue;
          candidates = this.formsFor(folded.slice(start, shorter), caseless);
          if (candidates.length > 0) {
            end = shorter;
            break;
          }
        }
        position = candidates.length > 0 ? end : start + 1;
        if (candidates.length === 0) continue;
      }
      // A longer name that starts inside this match wins over it: "the Alliance" (a form of NATO) must not
      // hide "Alliance of Sahel States". Scanning resumes at that name's start.
      const laterStart = this.longerMatchInside(folded, start, end);
      if (laterStart !== undefined) {
        position = laterStart;
        continue;
      }
      while (textIndex + 1 < starts.length && (starts[textIndex + 1] ?? Infinity) <= start) textIndex += 1;
      const base = starts[textIndex] ?? 0;
      const text = texts[textIndex] ?? '';
      // An unambiguous alias beats a demonym beats an ambiguous form beats a short form written the same way.
      const kind: SurfaceKind = (['alias', 'demonym', 'ambiguous', 'short'] as const).find((wanted) => candidates.some((form) => form.kind === wanted)) ?? 'short';
      const entityIds = [...new Set(candidates.filter((form) => form.kind === kind).map((form) => form.entityId))].sort();
      results[textIndex]?.push({ start: start - base, end: end - base, surface: text.slice(start - base, end - base), kind, entityIds });
    }
    return results;
  }
}
