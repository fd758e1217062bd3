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
/** The forms that open on one compare unit, by the unit after it: each list in the forms' order. */
interface FormsOpeningOn {
  /** The forms that may match when the next unit is this one (a form's own second unit, or any for those in `anyNext`). */
  byNext: Map<number, ParsedForm[]>;
  /** The forms whose second element is not a fixed unit (white space, an ending, nothing): they may match whatever follows. */
  anyNext: ParsedForm[] | undefined;
}

/** The second element of a form when it is one fixed unit, else undefined. */
function fixedSecond(form: ParsedForm): number | undefined {
  const second = form.stem[1];
  return form.stem.length >= 2 && second !== WHITE_SPACE ? second : undefined;
}

/** Indexes forms (in order) by their first unit and, where it is fixed, their second. */
function indexForms(forms: readonly ParsedForm[]): FormsOpeningOn {
  const anyNext = forms.filter((form) => fixedSecond(form) === undefined);
  const byNext = new Map<number, ParsedForm[]>();
  for (const next of new Set(forms.map(fixedSecond))) {
    if (next !== undefined) byNext.set(next, forms.filter((form) => fixedSecond(form) === next || fixedSecond(form) === undefined));
  }
  return { byNext, anyNext: anyNext.length > 0 ? anyNext : undefined };
}

/**
 * A finder for `forms` (lower case, in the order the alternation tries them; equal ones once) used like a global
 * regex: set lastIndex, call exec until it returns null.
 */
export class FormFinder {
  lastIndex = 0;
  /** The forms by their first element's compare unit: ASCII units by index, the others in a map. */
  private readonly byAsciiFirst: (FormsOpeningOn | undefined)[] = new Array<FormsOpeningOn | undefined>(128).fill(undefined);
  private readonly byOtherFirst = new Map<number, FormsOpeningOn>();
  /** Every form in order, when one opens on white space and may start anywhere. */
  private readonly everywhere: ParsedForm[] | undefined;

  constructor(forms: readonly string[]) {
    const parsed = forms.map(parseForm).filter((form) => form.stem.length > 0 || form.endings.every((ending) => ending.length > 0));
    const opensOnSpace = parsed.some((form) => (form.stem[0] ?? form.endings[0]![0]) === WHITE_SPACE);
    this.everywhere = opensOnSpace ? parsed : undefined;
    const byFirst = new Map<number, ParsedForm[]>();
    for (const form of parsed) {
      // A form whose stem is empty ("y" or "ies") may open on the first unit of any of its endings.
      const firsts = new Set(form.stem.length > 0 ? [form.stem[0]!] : form.endings.map((ending) => ending[0]!));
      for (const first of firsts) {
        const list = byFirst.get(first);
        if (list === undefined) byFirst.set(first, [form]);
        else list.push(form);
      }
    }
    for (const [first, list] of byFirst) {
      if (first >= 0 && first < 128) this.byAsciiFirst[first] = indexForms(list);
      else this.byOtherFirst.set(first, indexForms(list));
    }
  }

  exec(text: string): PatternMatch | null {
    const length = text.length;
    // Whether the unit before `index` is a word character: a form may open only where it is not.
    let afterWord = this.lastIndex > 0 && (kindOf(text.charCodeAt(this.lastIndex - 1)) & WORD) !== 0;
    for (let index = this.lastIndex; index < length; index += 1) {
      const unit = text.charCodeAt(index);
      const wasAfterWord = afterWord;
      afterWord = (kindOf(unit) & WORD) !== 0;
      if (wasAfterWord) continue;
      let candidates = this.everywhere;
      if (candidates === undefined) {
        const first = compareUnit(unit);
        const opening = first < 128 ? this.byAsciiFirst[first] : this.byOtherFirst.get(first);
        if (opening === undefined) continue;
        candidates = index + 1 < length ? (opening.byNext.get(compareUnit(text.charCodeAt(index + 1))) ?? opening.anyNext) : opening.anyNext;
        if (candidates === undefined) continue;
      }
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
