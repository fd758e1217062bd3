// Finds a document's topic forms in its sentences with the matches of one case-insensitive, word-bounded regex
// of them all (singular or plural, longest first), without compiling such a regex for every document.
import type { PatternMatch } from '../pipeline/find-again.ts';
import { WORD_CLASS } from '../text/patterns.ts';

/*
 * FormFinder returns the matches of the regex `(?<![WORD_CLASS])(?:FORM₁|FORM₂|…)(?![WORD_CLASS])` with the `g`
 * and `i` flags (no `u`), each form written as phrasePattern writes it (its spaces `\s+`, its last word singular
 * or plural): same starts, same texts, same order. V8 compiles such a regex anew for each document's topics, at a
 * cost above that of running it; the finder reads the forms as they are.
 */

/** A form's element that stands for `\s+`; the others are characters, each as compareUnit keeps it. */
const WHITE_SPACE = -1;

interface ParsedForm {
  /** The form up to its last word's ending: characters (compareUnit) and WHITE_SPACE. */
  stem: readonly number[];
  /** The endings tried after the stem, in the order the regex tries them ("s" before ""). */
  endings: readonly (readonly number[])[];
}

/**
 * The code unit a regex with the `i` flag and without `u` compares a character by (ECMAScript's Canonicalize):
 * its upper case when that is one code unit, except that a character beyond ASCII never becomes an ASCII one.
 */
function compareUnit(unit: number): number {
  if (unit < 128) return unit >= 97 && unit <= 122 ? unit - 32 : unit;
  let known = compareUnits[unit]!;
  if (known === 0) {
    const upper = String.fromCharCode(unit).toUpperCase();
    known = upper.length === 1 && upper.charCodeAt(0) >= 128 ? upper.charCodeAt(0) : unit;
    compareUnits[unit] = known;
  }
  return known;
}

/** compareUnit of each code unit beyond ASCII, filled on first sight (0: not yet known). */
const compareUnits = new Uint16Array(0x10000);

/** What a code unit is to the regex: a bit for "known", one for WORD_CLASS (with the `i` flag), one for `\s`. */
const KNOWN = 1;
const WORD = 2;
const SPACE = 4;
const unitKinds = new Uint8Array(0x10000);
const WORD_UNIT = new RegExp(`[${WORD_CLASS}]`, 'i');

function kindOf(unit: number): number {
  let kind = unitKinds[unit]!;
  if (kind === 0) {
    const character = String.fromCharCode(unit);
    kind = KNOWN | (WORD_UNIT.test(character) ? WORD : 0) | (/\s/.test(character) ? SPACE : 0);
    unitKinds[unit] = kind;
  }
  return kind;
}

function unitsOf(text: string): number[] {
  const units: number[] = [];
  for (let index = 0; index < text.length; index += 1) units.push(text.charCodeAt(index) === 32 ? WHITE_SPACE : compareUnit(text.charCodeAt(index)));
  return units;
}

/** A lower-case form read the way phrasePattern writes it: "armed group" is `armed\s+group` then `s` or nothing. */
function parseForm(form: string): ParsedForm {
  if (/[^aeiou]y$/.test(form)) return { stem: unitsOf(form.slice(0, -1)), endings: [unitsOf('y'), unitsOf('ies')] };
  if (/ss$/.test(form)) return { stem: unitsOf(form), endings: [unitsOf('es'), []] };
  if (/s$/.test(form)) return { stem: unitsOf(form.slice(0, -1)), endings: [unitsOf('s'), []] };
  return { stem: unitsOf(form), endings: [unitsOf('s'), []] };
}

/** Where the form, started at `index` and from its element `from`, ends (followed by no word character), or -1. */
function matchFrom(form: ParsedForm, from: number, text: string, index: number): number {
  const stem = form.stem;
  let at = index;
  for (let element = from; element < stem.length; element += 1) {
    const wanted = stem[element]!;
    if (wanted === WHITE_SPACE) {
      let stop = at;
      while (stop < text.length && (kindOf(text.charCodeAt(stop)) & SPACE) !== 0) stop += 1;
      // `\s+` is greedy: the longest run first, then shorter ones.
      for (; stop > at; stop -= 1) {
        const end = matchFrom(form, element + 1, text, stop);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (at >= text.length || compareUnit(text.charCodeAt(at)) !== wanted) return -1;
    at += 1;
  }
  for (const ending of form.endings) {
    let end = at;
    let matched = true;
    for (const wanted of ending) {
      if (end >= text.length || compareUnit(text.charCodeAt(end)) !== wanted) {
        matched = false;
        break;
      }
      end += 1;
    }
    if (matched && (end >= text.length || (kindOf(text.charCodeAt(end)) & WORD) === 0)) return end;
  }
  return -1;
}

/**
 * A finder for `forms` (lower case, in the order the alternation tries them; equal ones once) used like a global
 * regex: set lastIndex, call exec until it returns null.
 */
export class FormFinder {
  lastIndex = 0;
  /** The forms by their first element's compare unit, each list in the forms' order. */
  private readonly byFirst = new Map<number, ParsedForm[]>();
  /** Every form in order, when one opens on white space and may start anywhere. */
  private readonly everywhere: ParsedForm[] | undefined;

  constructor(forms: readonly string[]) {
    const parsed = forms.map(parseForm).filter((form) => form.stem.length > 0 || form.endings.every((ending) => ending.length > 0));
    const opensOnSpace = parsed.some((form) => (form.stem[0] ?? form.endings[0]![0]) === WHITE_SPACE);
    this.everywhere = opensOnSpace ? parsed : undefined;
    for (const form of parsed) {
      // A form whose stem is empty ("y" or "ies") may open on the first unit of any of its endings.
      const firsts = new Set(form.stem.length > 0 ? [form.stem[0]!] : form.endings.map((ending) => ending[0]!));
      for (const first of firsts) {
        const list = this.byFirst.get(first);
        if (list === undefined) this.byFirst.set(first, [form]);
        else list.push(form);
      }
    }
  }

  exec(text: string): PatternMatch | null {
    const length = text.length;
    for (let index = this.lastIndex; index < length; index += 1) {
      if (index > 0 && (kindOf(text.charCodeAt(index - 1)) & WORD) !== 0) continue;
      const candidates = this.everywhere ?? this.byFirst.get(compareUnit(text.charCodeAt(index)));
      if (candidates === undefined) continue;
      for (const form of candidates) {
        const end = matchFrom(form, 0, text, index);
        if (end < 0) continue;
        this.lastIndex = end;
        return { 0: text.slice(index, end), index };
      }
    }
    this.lastIndex = 0;
    return null;
  }
}
