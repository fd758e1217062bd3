// Compiles lexicon surface forms into one RegExp (a trie of alternatives, longest match first) and scans
// sentences with it. Matching runs on a folded copy of the text, so offsets are those of the original.
import { foldText, matchKey } from '../text/fold.ts';

/** What a surface form means when it matches. */
export type SurfaceKind = 'alias' | 'ambiguous' | 'demonym';

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
 * Turns a surface form into regex atoms (one per character or separator). Capitalisation rules:
 * exact words (acronyms) match as written; otherwise a word's first letter may be either case, except
 * that a one-word form written with a capital needs its capital (proper names: "Chad", "Turkey"), and
 * ambiguous forms keep their case apart from the first letter of the first word.
 */
export function surfaceAtoms(text: string, kind: SurfaceKind): string[] {
  const folded = foldText(text.normalize('NFC')).trim().replace(/\s+/g, ' ');
  const words = folded.split(/[ -]/);
  const singleCapitalised = words.length === 1 && /^\p{Lu}/u.test(folded);
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
    const caseFree =
      atWordStart && lower !== upper && !isExactWord(word) && !singleCapitalised && (kind !== 'ambiguous' || wordIndex === 0);
    atoms.push(caseFree ? `[${escapeChar(upper)}${escapeChar(lower)}]` : escapeChar(ch));
    atWordStart = false;
  }
  return atoms;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

/**
 * Letters and digits for word boundaries, as a class body without the `u` flag: V8 runs a large alternation
 * many times faster without `u`, and every alias is in the Basic Multilingual Plane.
 */
export const WORD_CLASS = 'A-Za-z0-9\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF\\u2C00-\\uD7FF\\uF900-\\uFFEF';
const WORD_AFTER = `(?![${WORD_CLASS}])`;

function trieToPattern(node: TrieNode): string {
  const branches: string[] = [];
  const keys = [...node.children.keys()].sort();
  for (const key of keys) {
    const child = node.children.get(key);
    if (child) branches.push(key + trieToPattern(child));
  }
  if (node.terminal) branches.push(WORD_AFTER);
  if (branches.length === 1) return branches[0] ?? '';
  return `(?:${branches.join('|')})`;
}

/** The compiled recogniser: scan() finds non-overlapping, leftmost-longest lexicon matches. */
export class LexiconMatcher {
  private readonly pattern: RegExp | undefined;
  private readonly forms = new Map<string, SurfaceForm[]>();
  private readonly checks = new Map<SurfaceForm, RegExp>();

  constructor(forms: readonly SurfaceForm[]) {
    const root: TrieNode = { children: new Map(), terminal: false };
    for (const form of forms) {
      const atoms = surfaceAtoms(form.text, form.kind);
      if (atoms.length === 0) continue;
      let node = root;
      for (const atom of atoms) {
        let child = node.children.get(atom);
        if (!child) {
          child = { children: new Map(), terminal: false };
          node.children.set(atom, child);
        }
        node = child;
      }
      node.terminal = true;
      const key = matchKey(form.text);
      const list = this.forms.get(key) ?? [];
      list.push(form);
      this.forms.set(key, list);
      this.checks.set(form, new RegExp(`^${atoms.join('')}$`));
    }
    this.pattern = root.children.size > 0 ? new RegExp(`(?<![${WORD_CLASS}])${trieToPattern(root)}`, 'g') : undefined;
  }

  /** Every lexicon match in `text`, in order, never overlapping. */
  scan(text: string): LexiconHit[] {
    const hits: LexiconHit[] = [];
    if (!this.pattern) return hits;
    const folded = foldText(text);
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start) {
        pattern.lastIndex += 1;
        continue;
      }
      const candidates = (this.forms.get(matchKey(match[0])) ?? []).filter(
        (form, _index, all) => all.length === 1 || (this.checks.get(form)?.test(match[0]) ?? false),
      );
      const first = candidates[0];
      if (!first) continue;
      // An unambiguous alias beats a demonym beats an ambiguous form written the same way.
      const kind: SurfaceKind = candidates.some((form) => form.kind === 'alias') ? 'alias' : candidates.some((form) => form.kind === 'demonym') ? 'demonym' : 'ambiguous';
      const entityIds = [...new Set(candidates.filter((form) => form.kind === kind).map((form) => form.entityId))].sort();
      hits.push({ start, end, surface: text.slice(start, end), kind, entityIds });
    }
    return hits;
  }
}
