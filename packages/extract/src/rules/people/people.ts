// People the name finder misses: a full name after a role title or affiliation ("Head of UNMISS Nicholas
// Haysom", "US Secretary of State Antony Blinken"), names in capitals (turn labels, titles in capitals), names
// alone in a table cell, and a later "Ambassador Surname" or bare surname joined to the full name given before.
import { isEnglishWord, lexicalTags } from '../../recognize/ner.ts';
import { NEVER_NAMES, ORGANIZATION_HEADS, PLACE_HEADS, ROLE_WORDS } from '../../vocabulary.ts';
import type { SentenceRecord } from '../../types.ts';
import type { RuleCandidate, RuleContext } from '../context.ts';
import { alternatives, makeCandidate, mentionsOver, titleCase } from '../text.ts';
import { LEADER_BODIES, NAME_PARTICLES, NOT_NAME_LABELS, PORTFOLIOS, ROLE_TITLES, SURNAME_HONORIFICS } from './vocabulary.ts';


/** A name word ("Haysom", "Thomas-Greenfield"), or an Arabic surname with its lower-case article ("al-Sudani"). */
const NAME_WORD = "(?:(?:al|el|ad|as|ash|at|az)-)?\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'’]*(?:-\\p{Lu}?[\\p{L}\\p{M}'’]+)*";
const UPPER_NAME_WORD = "\\p{Lu}{2,}(?:['’-]\\p{Lu}+)*";
const PARTICLE = `(?:${alternatives(NAME_PARTICLES)})`;
/** Two or three name words, particles allowed between them, not followed by another capitalised word. */
const FULL_NAME = `(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){1,2})(?![\\p{L}\\p{M}'’-])(?!\\s+\\p{Lu})`;
const UPPER_FULL_NAME = `(${UPPER_NAME_WORD}(?:\\s+${UPPER_NAME_WORD}){1,2})(?![\\p{L}\\p{M}'’-])(?!\\s+\\p{Lu}{2})`;

const TITLE = new RegExp(`(?<![\\p{L}'’-])(?:${alternatives([...ROLE_TITLES, ...LEADER_BODIES])})(?![\\p{L}'’-])`, 'gu');
const TITLE_UPPER = new RegExp(`(?<![\\p{L}'’-])(?:${alternatives(ROLE_TITLES.map((title) => title.toUpperCase()))})(?![\\p{L}'’-])`, 'gu');
const PORTFOLIO_AFTER = new RegExp(`^\\s+(?:of|for)\\s+(?:${alternatives(PORTFOLIOS)})(?![\\p{L}'’-])`, 'u');
/** A capitalised word other than "The" right before a title: "Interim " before "Government of". */
const MODIFIED_BODY = /(?<![\p{L}\p{M}'’-])(?!The\s)\p{Lu}[\p{L}\p{M}'’-]*\s+$/u;
const OF_AFTER = /^\s+(?:of|for)\s+(?:the\s+)?/u;
const NAME_AFTER = new RegExp(`^\\s+${FULL_NAME}`, 'u');
const UPPER_NAME_AFTER = new RegExp(`^\\s+${UPPER_FULL_NAME}`, 'u');

/** True when a capitalised word may be part of a person's name: no head noun, title, month or nationality. */
function mayBeNameWord(word: string, context: RuleContext): boolean {
  const lower = word.toLowerCase();
  if (ORGANIZATION_HEADS.has(lower) || PLACE_HEADS.has(lower) || NEVER_NAMES.has(lower) || ROLE_WORDS.has(lower)) return false;
  return !context.isDemonym(word);
}

/** True when two or three words read as a person's full name: every word may be a name's, the first is no English word. */
function readsAsFullName(name: string, context: RuleContext): boolean {
  const words = name.split(/\s+/).filter((word) => !(NAME_PARTICLES as readonly string[]).includes(word));
  if (words.length < 2 || !words.every((word) => mayBeNameWord(word, context))) return false;
  if (context.lexiconIdOf(name) !== undefined && !context.lexiconIdOf(name)?.startsWith('person:')) return false;
  return !isEnglishWord((words[0] ?? '').toLowerCase());
}

/** The end of a title's complement: "of UNMISS", "of State", "for Somalia" (a known name), or the title's own end. */
function complementEnd(text: string, sentence: number, end: number, context: RuleContext): number {
  const portfolio = PORTFOLIO_AFTER.exec(text.slice(end));
  if (portfolio) return end + portfolio[0].length;
  const of = OF_AFTER.exec(text.slice(end));
  if (!of) return end;
  const at = end + of[0].length;
  const known = (context.mentions.get(sentence) ?? []).find((mention) => mention.start === at && mention.type !== 'person');
  return known ? known.end : end;
}

function personLabel(name: string): string {
  return name === name.toUpperCase() ? titleCase(name) : name;
}

/** Full names right after a role title, with its complement ("Head of UNMISS Nicholas Haysom"), as written or in capitals. */
export function proposeTitledPeople(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    for (const [titles, nameAfter] of [
      [TITLE, NAME_AFTER],
      [TITLE_UPPER, UPPER_NAME_AFTER],
    ] as const) {
      titles.lastIndex = 0;
      // Titles in capitals need two capitals in a row somewhere in the sentence.
      if (titles === TITLE_UPPER && !/\p{Lu}\p{Lu}/u.test(text)) continue;
      for (let match = titles.exec(text); match !== null; match = titles.exec(text)) {
        // A capitalised modifier before "Government of" makes a body's name ("the Interim Government of National
        // Concord"): what follows is its complement, not a leader.
        if ((LEADER_BODIES as readonly string[]).includes(match[0]) && MODIFIED_BODY.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
        const after = complementEnd(text, sentence.index, match.index + match[0].length, context);
        const name = nameAfter.exec(text.slice(after));
        if (!name?.[1]) continue;
        const written = name[1].replace(/['’]s$/u, '');
        const start = after + name[0].length - name[1].length;
        const end = start + written.length;
        if (!readsAsFullName(personLabel(written), context)) continue;
        // A known name that is no person there is not retyped.
        const inside = mentionsOver(context, sentence.index, start, end);
        if (inside.some((mention) => !mention.guessed && mention.type !== 'person')) continue;
        // The full name wins over a surname form inside it ("Mohammed" joined to another person), and over a guess that
        // took the title with the name ("Président Mohamed Bazoum").
        const nestedSurname = inside.some((mention) => !mention.guessed && mention.start >= start && mention.end <= end && mention.end - mention.start < end - start);
        const guessWithTitle = mentionsOver(context, sentence.index, match.index, end).some((mention) => mention.guessed && mention.start <= match.index && mention.end === end);
        candidates.push(
          makeCandidate(
            {
              sentence: sentence.index,
              start,
              end,
              text,
              type: 'person',
              label: personLabel(written),
              generator: 'people',
              reason: `titled-name: "${match[0]} <First Last>"`,
              confidence: 'likely',
              // "the Government of Salva Kiir" guessed as one body is the leader's name (the veto turns the body down).
              supersedes: (LEADER_BODIES as readonly string[]).includes(match[0]) || nestedSurname || guessWithTitle,
            },
            context,
          ),
        );
      }
    }
  }
  return candidates;
}

/** A name in capitals that opens a line and labels what follows: "NICHOLAS HAYSOM: Thank you." */
const UPPER_LABEL = new RegExp(`^${UPPER_FULL_NAME}\\s*:`, 'u');

export function proposeCapitalLabels(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const match = UPPER_LABEL.exec(sentence.text);
    if (!match?.[1]) continue;
    const words = match[1].split(/\s+/);
    if (words.some((word) => NOT_NAME_LABELS.has(word.toLowerCase()) || context.lexiconIdOf(word) !== undefined)) continue;
    const label = titleCase(match[1]);
    if (!readsAsFullName(label, context)) continue;
    candidates.push(
      makeCandidate(
        { sentence: sentence.index, start: 0, end: match[1].length, text: sentence.text, type: 'person', label, generator: 'people', reason: 'capital-label: "FIRST LAST:"', confidence: 'likely' },
        context,
      ),
    );
  }
  return candidates;
}

const FIRST_NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName'];

/** A table cell (between pipes) or a credit part (between backslashes) that holds only a full name with a known first name. */
export function proposeCellNames(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  const cellName = new RegExp(`^\\s*${FULL_NAME}\\s*$`, 'u');
  for (const sentence of sentences) {
    const text = sentence.text;
    if (!text.includes('|') && !text.includes('\\')) continue;
    let offset = 0;
    for (const cell of text.split(/[|\\]/u)) {
      const cellStart = offset;
      offset += cell.length + 1;
      const match = cellName.exec(cell);
      if (!match?.[1]) continue;
      const name = match[1];
      const first = name.split(/\s+/)[0] ?? '';
      if (!FIRST_NAME_TAGS.some((tag) => lexicalTags(first).has(tag)) || !readsAsFullName(name, context)) continue;
      const start = cellStart + cell.indexOf(name);
      const end = start + name.length;
      if (mentionsOver(context, sentence.index, start, end).some((mention) => !mention.guessed)) continue;
      candidates.push(
        makeCandidate({ sentence: sentence.index, start, end, text, type: 'person', label: name, generator: 'people', reason: 'cell-name: a table cell or credit part that is a full name', confidence: 'likely' }, context),
      );
    }
  }
  return candidates;
}

const HONORIFIC = `(?:${alternatives(SURNAME_HONORIFICS)})\\.?`;

/**
 * Surnames of the document's people: "Ambassador Thomas-Greenfield" and "Mr. Haysom" join the person named in full
 * before (certain); a bare surname joins a person the rules found (the name finder joins its own).
 */
export function proposeSurnames(sentences: readonly SentenceRecord[], context: RuleContext, found: readonly RuleCandidate[]): RuleCandidate[] {
  const people = new Map<string, string>();
  const ruleFound = new Set<string>();
  const add = (label: string, id: string, fromRules: boolean): void => {
    const surname = label.split(/\s+/).pop() ?? '';
    if (surname.length < 3 || isEnglishWord(surname.toLowerCase()) || context.lexiconIdOf(surname) !== undefined) return;
    const owner = people.get(surname);
    people.set(surname, owner === undefined || owner === id ? id : '');
    if (fromRules) ruleFound.add(surname);
  };
  for (const entity of context.entities.values()) if (entity.type === 'person' && entity.label.includes(' ')) add(entity.label, entity.id, false);
  for (const candidate of found) if (candidate.type === 'person') add(candidate.label, candidate.entity, true);
  const surnames = [...people].filter(([, id]) => id !== '');
  if (surnames.length === 0) return [];
  const owners = new Map(surnames);
  const pattern = new RegExp(`(?<![\\p{L}'’-])(${HONORIFIC}\\s+)?(${alternatives(surnames.map(([surname]) => surname))})(?![\\p{L}\\p{M}'’-])`, 'gu');
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const surname = match[2] ?? '';
      const entity = owners.get(surname);
      if (entity === undefined) continue;
      const start = match.index + (match[1]?.length ?? 0);
      const end = start + surname.length;
      const before = sentence.text.slice(Math.max(0, start - 30), start);
      const after = sentence.text.slice(end, end + 3);
      // The surname of a longer name ("Nicholas Haysom") is that name's; another capitalised word next to it makes another name.
      if (match[1] === undefined && (/\p{Lu}[\p{L}'’-]*\s+$/u.test(before) || /^\s+\p{Lu}/u.test(after))) continue;
      if (match[1] === undefined && !ruleFound.has(surname)) continue;
      candidates.push(
        makeCandidate(
          {
            sentence: sentence.index,
            start,
            end,
            text: sentence.text,
            type: 'person',
            label: surname,
            entity,
            generator: 'people',
            reason: match[1] === undefined ? 'surname: a person the rules named in full' : `honorific-surname: "${match[1].trim()} <Surname>"`,
            confidence: match[1] === undefined ? 'likely' : 'certain',
          },
          context,
        ),
      );
    }
  }
  return candidates;
}

/** All people rules. */
export function proposePeople(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const found = [...proposeTitledPeople(sentences, context), ...proposeCapitalLabels(sentences, context), ...proposeCellNames(sentences, context)];
  return [...found, ...proposeSurnames(sentences, context, found)];
}
