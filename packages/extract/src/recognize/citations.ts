// Authors named in academic citations: "(Fortna 2008; Doyle and Sambanis 2006)", "Diehl (1994) argued",
// "Fortna, V. P. (2008) Does Peacekeeping Work?" — people a careful reader annotates, whom no title or verb marks.
import { STOPWORDS } from '../topics/stopwords.ts';
import { NEVER_NAMES, ROLE_WORDS } from '../vocabulary.ts';

/** An author's name as cited: one to three capitalised words with lower-case letters (never an acronym). */
const NAME_WORD = String.raw`(?:(?:van|von|de|der|den|da|di|du|le|la|al)\s+)?\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*`;
const YEAR = String.raw`(?:19|20)\d\d[a-z]?`;
const AUTHORS = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,2}(?:(?:,\s*|,?\s+and\s+|\s*&\s*)${NAME_WORD}(?:\s+${NAME_WORD}){0,2})*`;

/** "(Fortna 2008; Doyle and Sambanis 2006, 45)": one item of a parenthetical citation. */
const PARENTHETICAL_ITEM = new RegExp(String.raw`^\s*(?:e\.g\.,?\s+|see\s+(?:also\s+)?|cf\.\s+)?(${AUTHORS})(?:\s+et\s+al\.)?,?\s+${YEAR}(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?\s*$`, 'u');
/** "Diehl (1994)", "Lise Morjé Howard (2019)", "Doyle and Sambanis (2006)": a narrative citation. */
const NARRATIVE = new RegExp(String.raw`(${AUTHORS})(?:\s+et\s+al\.)?\s+\(${YEAR}(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?\)`, 'gu');
/** "Bigirimana, Claudine (2014)", "Hakizimana, Jean-Bosco (2021)": a reference-list entry with the author's given name in full. */
const REFERENCE_FULL_NAME = new RegExp(
  String.raw`^\s*(?:(?:References|Bibliography|Works\s+cited|Sources)(?:\s*\([^)]{0,30}\))?\s+)?(${NAME_WORD}),\s+(\p{Lu}[\p{Ll}\p{M}'’]+(?:[- ]\p{Lu}[\p{Ll}\p{M}'’]+)?)(?:\s+(?:and|&)\s+[^()]{3,60})?\s*\(${YEAR}\)`,
  'u',
);

/** A reference-list entry's author written surname first with the given name in full: its span and the name in reading order. */
export interface ReferenceFullName {
  start: number;
  end: number;
  surname: string;
  name: string;
}

export function referenceFullName(text: string): ReferenceFullName | undefined {
  const match = REFERENCE_FULL_NAME.exec(text);
  const surname = match?.[1];
  const given = match?.[2];
  if (!match || surname === undefined || given === undefined) return undefined;
  const start = match.index + match[0].indexOf(`${surname},`);
  const end = match.index + match[0].indexOf(given, start - match.index + surname.length) + given.length;
  return { start, end, surname, name: `${given} ${surname}` };
}

/** "Fortna, V. P. (2008)", "Doyle, M. W. and Sambanis, N. (2006)": the start of a reference-list entry. */
const REFERENCE_AUTHOR = String.raw`(${NAME_WORD}),\s+(?:\p{Lu}\.\s*-?\s*){1,3}`;
const REFERENCE = new RegExp(String.raw`^\s*${REFERENCE_AUTHOR}(?:(?:,\s*|,?\s+(?:and|&)\s+)${REFERENCE_AUTHOR})*\(${YEAR}\)`, 'u');

/**
 * "[5] Virginia Page Fortna, Does Peacekeeping Work? (2008), pp. 173–178.": a footnote or endnote that starts
 * with its number, an author's full name and a comma, then a title and a parenthesised year. Group 1 is the
 * name, group 2 the title.
 */
const NOTE_REFERENCE = new RegExp(String.raw`^\s*(?:\[\d{1,3}\]|\d{1,3}\.|\^\d{1,3})\s+(${NAME_WORD}(?:\s+(?:\p{Lu}\.\s*)?${NAME_WORD}){1,3}),\s+([^()]{3,200}?)\s*\([^()]{0,60}?${YEAR}\)`, 'u');

/** A cited author found in a sentence: the name's span. */
export interface CitedAuthor {
  start: number;
  end: number;
  name: string;
}

/** Leading words that open a sentence or clause rather than a name ("As Diehl (1994)", "In Autesserre (2014)"). */
function trimLeading(name: string): { offset: number; name: string } {
  let offset = 0;
  let rest = name;
  for (;;) {
    const first = /^(\S+)\s+/u.exec(rest);
    const word = first?.[1]?.toLowerCase() ?? '';
    if (!first || !(STOPWORDS.has(word) || NEVER_NAMES.has(word) || ROLE_WORDS.has(word))) break;
    offset += first[0].length;
    rest = rest.slice(first[0].length);
  }
  return { offset, name: rest };
}

/** True when every word of a name may be a person's (not a month, a title, a stopword). */
function isAuthorName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length > 0 && words.every((word) => !NEVER_NAMES.has(word.toLowerCase()) && !ROLE_WORDS.has(word.toLowerCase()) && !STOPWORDS.has(word.toLowerCase()));
}

/** Splits a list of authors ("Hultman, Kathman and Shannon") into names with their offsets. */
function splitAuthors(list: string, base: number): CitedAuthor[] {
  const authors: CitedAuthor[] = [];
  const separator = /,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/gu;
  let from = 0;
  const push = (to: number): void => {
    const raw = list.slice(from, to);
    const { offset, name } = trimLeading(raw.trim());
    const lead = raw.length - raw.trimStart().length + offset;
    if (name.length > 0 && isAuthorName(name)) authors.push({ start: base + from + lead, end: base + from + lead + name.length, name });
  };
  for (let match = separator.exec(list); match !== null; match = separator.exec(list)) {
    push(match.index);
    from = match.index + match[0].length;
  }
  push(list.length);
  return authors;
}

/** A note's author: first and last names that may be a person's; middle names may be words ("Virginia Page Fortna"). */
function isNoteAuthor(name: string): boolean {
  const words = name.split(/\s+/);
  return isAuthorName(words[0] ?? '') && isAuthorName(words[words.length - 1] ?? '');
}

/** The title of the work a note reference cites ("Orphan of the Cold War"): names inside it are nested. */
export function citedTitles(text: string): { start: number; end: number }[] {
  const titles: { start: number; end: number }[] = [];
  const note = NOTE_REFERENCE.exec(text);
  if (note?.[1] && note[2] && isNoteAuthor(note[1])) {
    const start = note[0].indexOf(note[2], note[0].indexOf(note[1]) + note[1].length) + note.index;
    titles.push({ start, end: start + note[2].length });
  }
  // "the overview in The Blue Helmets (1996)": a capitalised article inside a sentence, then a year, is a title.
  for (const match of text.matchAll(TITLE_WITH_YEAR)) titles.push({ start: match.index, end: match.index + match[0].length });
  return titles;
}

const TITLE_WITH_YEAR = new RegExp(String.raw`(?<=\S\s+)The\s+\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+(?:(?:of|the|and|in|on|for|a)\s+)?\p{Lu}[\p{L}\p{M}'’\-]*){0,6}(?=\s+\(${YEAR}\))`, 'gu');

/** Every cited author of a sentence, in order. */
export function citedAuthors(text: string): CitedAuthor[] {
  const found: CitedAuthor[] = [];
  if (!/\(|,\s+\p{Lu}\./u.test(text) || !/(?:19|20)\d\d/.test(text)) return found;
  const note = NOTE_REFERENCE.exec(text);
  if (note?.[1] && isNoteAuthor(note[1])) {
    const start = note.index + note[0].indexOf(note[1]);
    found.push({ start, end: start + note[1].length, name: note[1] });
  }
  const reference = REFERENCE.exec(text);
  if (reference) {
    const authors = new RegExp(REFERENCE_AUTHOR, 'gu');
    for (let match = authors.exec(text); match !== null && match.index < reference[0].length; match = authors.exec(text)) {
      const name = match[1] ?? '';
      if (isAuthorName(name)) found.push({ start: match.index, end: match.index + name.length, name });
    }
  }
  const groups = /\(([^()]{3,300})\)/gu;
  for (let group = groups.exec(text); group !== null; group = groups.exec(text)) {
    if (!/\p{Lu}[^()]*\s(?:19|20)\d\d/u.test(group[1] ?? '')) continue;
    let offset = group.index + 1;
    for (const item of (group[1] ?? '').split(';')) {
      const match = PARENTHETICAL_ITEM.exec(item);
      if (match?.[1] !== undefined) found.push(...splitAuthors(match[1], offset + item.indexOf(match[1])));
      offset += item.length + 1;
    }
  }
  // The narrative form is looked for only before a parenthesised year, on the words just before it.
  const years = /\s\((?:19|20)\d\d[a-z]?(?:\s*[,:][^)]{0,20})?\)/gu;
  for (let year = years.exec(text); year !== null; year = years.exec(text)) {
    const window = Math.max(0, year.index - 160);
    const from = window === 0 ? 0 : text.indexOf(' ', window) + 1;
    NARRATIVE.lastIndex = 0;
    const slice = text.slice(from, year.index + year[0].length);
    for (let match = NARRATIVE.exec(slice); match !== null; match = NARRATIVE.exec(slice)) {
      if (match[1] === undefined || from + match.index + match[0].length !== year.index + year[0].length) continue;
      // "in The Blue Helmets (1996)": a capitalised article inside a sentence starts a title, not an author.
      if (/^The\s/u.test(match[1]) && from + match.index > 0) continue;
      found.push(...splitAuthors(match[1], from + match.index));
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((author, index) => !found.slice(0, index).some((other) => other.start < author.end && author.start < other.end));
}
