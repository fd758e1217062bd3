// Resolves descriptive mission references ("the UN mission in South Sudan", "our mission in Mali",
// "the Mali and CAR missions") to the mission whose lexicon facts name that host country.
import type { CompiledLexicon } from '../lexicon/compile.ts';
import type { LexiconEntry } from '../lexicon/schema.ts';
import type { WorkingMention } from './mention.ts';

const MISSION_NOUN = String.raw`(?:mission|operation|force|presence)s?`;
const QUALIFIER = String.raw`(?:UN|U\.N\.|UN's|UN’s|United Nations(?:'|’)?s?|peacekeeping|peace|stabili[sz]ation|multidimensional|integrated|political|our|the)`;
// "... <qualifier> mission(s) [deployed] in [the]" right before the country.
const BEFORE_COUNTRY = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}])((?:${QUALIFIER}\s+)+${MISSION_NOUN}\s+(?:(?:deployed|based|serving|operating|stationed)\s+)?in\s+(?:the\s+)?)$`,
  'iu',
);
// "<country> [peacekeeping] mission(s)" right after the country, with a determiner before it.
const AFTER_COUNTRY = new RegExp(String.raw`^(\s+(?:(?:UN|peacekeeping|peace)\s+)?${MISSION_NOUN})(?![\p{L}\p{N}])`, 'u');
const DETERMINER_BEFORE = /(?:^|[^\p{L}\p{N}])(?:the|our|its|their|both|and)\s+$/iu;
const UN_KIND = /peacekeeping|political|united nations|\bUN\b|observ/i;
const COORDINATION = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:the\s+)?$/u;

/** The mission hosted by `countryId` at `year` (active then), else the most recent one before it; or none. */
export function missionForHost(lexicon: CompiledLexicon, countryId: string, year: number | undefined): LexiconEntry | undefined {
  const hosted = lexicon.missionsByHost.get(countryId);
  if (!hosted || hosted.length === 0) return undefined;
  // The phrases this rule reads name UN operations: prefer missions whose kind says so (not AU or EU operations).
  const unMissions = hosted.filter((entry) => typeof entry.facts?.kind !== 'string' || UN_KIND.test(entry.facts.kind));
  const missions = unMissions.length > 0 ? unMissions : hosted;
  const start = (entry: LexiconEntry): number => (typeof entry.facts?.startYear === 'number' ? entry.facts.startYear : 0);
  const end = (entry: LexiconEntry): number =>
    typeof entry.facts?.endYear === 'number' ? entry.facts.endYear : entry.facts?.status === 'closed' ? start(entry) : Infinity;
  const byRecency = [...missions].sort((a, b) => end(b) - end(a) || start(b) - start(a) || (a.id < b.id ? -1 : 1));
  if (year === undefined) return byRecency[0];
  const active = byRecency.filter((entry) => start(entry) <= year && year <= end(entry));
  // Among missions active at once (e.g. a handover year), the one that started last.
  if (active.length > 0) return [...active].sort((a, b) => start(b) - start(a) || (a.id < b.id ? -1 : 1))[0];
  return byRecency.find((entry) => start(entry) <= year) ?? byRecency[byRecency.length - 1];
}

/** How many UN missions (by kind) served in `countryId` during any of `years` (a year shared at a handover counts both). */
function activeMissions(lexicon: CompiledLexicon, countryId: string, years: readonly number[]): number {
  const hosted = (lexicon.missionsByHost.get(countryId) ?? []).filter((entry) => typeof entry.facts?.kind !== 'string' || UN_KIND.test(entry.facts.kind));
  return hosted.filter((entry) => {
    const start = typeof entry.facts?.startYear === 'number' ? entry.facts.startYear : -Infinity;
    const end = typeof entry.facts?.endYear === 'number' ? entry.facts.endYear : entry.facts?.status === 'closed' ? start : Infinity;
    return years.some((year) => start <= year && year <= end);
  }).length;
}

/** Every year written in a sentence (not after the document's year). */
function sentenceYears(text: string, documentYear: number | undefined): number[] {
  return [...text.matchAll(/(?<![\d.,])((?:19[4-9]|20[0-9])\d)(?![\d.,]\d|['’]?s\b)/g)]
    .map((match) => Number(match[1]))
    .filter((year) => documentYear === undefined || year <= documentYear);
}

/** The year a sentence speaks of: the latest year written in it (not after the document's), else the document's year. */
export function sentenceYear(text: string, documentYear: number | undefined): number | undefined {
  // Decades ("the 2010s", "the 90s") and numbers inside longer numbers are not years.
  const plausible = sentenceYears(text, documentYear);
  return plausible.length > 0 ? Math.max(...plausible) : documentYear;
}

/**
 * Replaces a country mention that sits inside a descriptive mission phrase ("the UN mission in Mali",
 * "our mission in Mali", "the Côte d'Ivoire mission") by a mention of the mission, spanning the phrase.
 * The phrase must pick out one mission: plural or coordinated phrases ("the Mali and CAR missions") and
 * years when two missions served the country leave the country mentions as they are.
 */
export function resolveDescriptiveMissions(
  text: string,
  mentions: readonly WorkingMention[],
  lexicon: CompiledLexicon,
  documentYear: number | undefined,
  namedMissions: ReadonlySet<string> = new Set(),
): WorkingMention[] {
  const countries = mentions.filter((mention) => lexicon.missionsByHost.has(mention.entity)).sort((a, b) => a.start - b.start);
  if (countries.length === 0 || lexicon.missionsByHost.size === 0) return [...mentions];
  // Group coordinated countries: "Mali and CAR", "the Central African Republic, Mali".
  const chains: WorkingMention[][] = [];
  for (const country of countries) {
    const chain = chains[chains.length - 1];
    const last = chain?.[chain.length - 1];
    if (chain && last && COORDINATION.test(text.slice(last.end, country.start))) chain.push(country);
    else chains.push([country]);
  }
  const year = sentenceYear(text, documentYear);
  const replaced = new Map<WorkingMention, WorkingMention[]>();
  for (const chain of chains) {
    const first = chain[0];
    const last = chain[chain.length - 1];
    // Coordinated countries ("the Mali and CAR missions") name several missions at once: they stay countries.
    if (!first || !last || chain.length > 1) continue;
    let spanStart: number | undefined;
    let spanEnd = last.end;
    const before = BEFORE_COUNTRY.exec(text.slice(Math.max(0, first.start - 120), first.start));
    if (before) spanStart = first.start - (before[1] ?? '').length;
    const after = AFTER_COUNTRY.exec(text.slice(last.end, last.end + 60));
    if (spanStart === undefined && after && DETERMINER_BEFORE.test(text.slice(Math.max(0, first.start - 20), first.start))) {
      spanStart = first.start;
      spanEnd = last.end + (after[1] ?? '').length;
    }
    if (spanStart === undefined) continue;
    // A plural ("operations in Mali", "the Mali missions") does not pick out one mission.
    if (/(?:mission|operation|force|presence)s\b/i.test(text.slice(spanStart, spanEnd))) continue;
    // Trim a leading determiner so the surface reads "UN mission in Mali".
    const leading = /^(?:the|our|its|their)\s+/i.exec(text.slice(spanStart, spanEnd));
    if (leading && spanStart + leading[0].length < first.start) spanStart += leading[0].length;
    for (const country of chain) {
      // A mission the document names by name, among those the country hosted, is the one it describes ("the UN
      // mission in Syria" in a text about UNSMIS, not UNDOF).
      const named = (lexicon.missionsByHost.get(country.entity) ?? []).filter(
        (entry) => namedMissions.has(entry.id) && (typeof entry.facts?.kind !== 'string' || UN_KIND.test(entry.facts.kind)),
      );
      if (named.length === 1 && named[0] !== undefined) {
        replaced.set(country, [{ entity: named[0].id, sentence: country.sentence, start: spanStart, end: spanEnd, surface: text.slice(spanStart, spanEnd), how: 'descriptive' }]);
        continue;
      }
      const mission = missionForHost(lexicon, country.entity, year);
      if (!mission) continue;
      // Years written in the sentence when two missions served there ("in 2017, 2018" in Haiti): ambiguous.
      const written = sentenceYears(text, documentYear);
      if (activeMissions(lexicon, country.entity, written.length > 0 ? written : year === undefined ? [] : [year]) > 1) continue;
      replaced.set(country, [
        { entity: mission.id, sentence: country.sentence, start: spanStart, end: spanEnd, surface: text.slice(spanStart, spanEnd), how: 'descriptive' },
      ]);
    }
  }
  if (replaced.size === 0) return [...mentions];
  const result: WorkingMention[] = [];
  for (const mention of mentions) result.push(...(replaced.get(mention) ?? [mention]));
  return result;
}
