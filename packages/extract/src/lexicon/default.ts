// defaultLexicon: the curated lexicon in data/lexicon/*.json, compiled once and shared.
// Static JSON imports keep this module free of file-system access, so it runs in Node and in the browser.
import agreements from '../../../../data/lexicon/agreements.json' with { type: 'json' };
import concepts from '../../../../data/lexicon/concepts.json' with { type: 'json' };
import countries from '../../../../data/lexicon/countries.json' with { type: 'json' };
import events from '../../../../data/lexicon/events.json' with { type: 'json' };
import gazetteer from '../../../../data/lexicon/gazetteer.json' with { type: 'json' };
import missions from '../../../../data/lexicon/missions.json' with { type: 'json' };
import organizations from '../../../../data/lexicon/organizations.json' with { type: 'json' };
import people from '../../../../data/lexicon/people.json' with { type: 'json' };
import places from '../../../../data/lexicon/places.json' with { type: 'json' };
import { type CompiledLexicon, compileLexicon, lexiconEntries, type LexiconEntries } from './compile.ts';
import type { LexiconEntry } from './schema.ts';

/** Every lexicon file, in a fixed order; compileLexicon validates them, so their inferred JSON types need no trust. */
const LEXICON_FILES: readonly (readonly unknown[])[] = [missions, countries, places, organizations, people, concepts, agreements, events, gazetteer];

let compiled: CompiledLexicon | undefined;
let entriesOnly: LexiconEntries | undefined;

/** The default lexicon (all data/lexicon/*.json, the generated gazetteer.json included), compiled on first use and memoised. */
export function defaultLexicon(): CompiledLexicon {
  compiled ??= compileLexicon(LEXICON_FILES.flat() as readonly LexiconEntry[]);
  return compiled;
}

/** The default lexicon's version and entries by id, without compiling its recogniser (the same version as defaultLexicon's). */
export function defaultLexiconEntries(): LexiconEntries {
  entriesOnly ??= compiled ?? lexiconEntries(LEXICON_FILES.flat() as readonly LexiconEntry[]);
  return entriesOnly;
}
