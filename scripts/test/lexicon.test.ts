// Checks the curated lexicon in data/lexicon/: shape, id scheme, alias collisions, fact references and known facts.
// Reads the real JSON files (and the reference CSV when present) so a bad edit to the data fails here with its entry.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from '../../packages/extract/src/lexicon/schema.ts';
import { ENTITY_TYPES, type EntityType } from '../../packages/extract/src/types.ts';
import { FILE_TYPES } from '../lexicon-check.ts';
import { buildMissions, COMBINED_ROWS, DROPPED_ROWS, NON_PKO_ROWS, parseCsv } from '../build-missions.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lexiconDir = path.join(repoRoot, 'data/lexicon');
/** The reference list ships with the repository (a copy of ../shared/reference with its defects noted). */
const referenceCsv = path.join(repoRoot, 'data/reference/un-peacekeeping-operations.csv');


/** Facts that hold ids of other entries, with the type the referenced entry must have ('same' = the entry's own type). */
const REFERENCE_FACTS: Record<string, EntityType | 'same' | 'country-or-place'> = {
  hostCountry: 'country',
  hostCountries: 'country',
  hostPlace: 'place',
  predecessor: 'same',
  successor: 'same',
  successors: 'same',
  country: 'country-or-place',
  capital: 'place',
  parent: 'same',
  headquarters: 'place',
  organizer: 'organization',
  host: 'country-or-place',
  location: 'place',
  mission: 'mission',
  office: 'organization',
  organization: 'organization',
  topic: 'concept',
};

/** Same folding as the extractor's match keys: diacritics, quotes, case, hyphens and spaces. */
function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .toLowerCase()
    .replace(/[\s\-\u2010\u2011]+/g, ' ')
    .trim();
}

const lexiconFiles = readdirSync(lexiconDir).filter((name) => name.endsWith('.json')).sort();
const rawFiles = new Map(lexiconFiles.map((name) => [name, readFileSync(path.join(lexiconDir, name), 'utf8')]));
const byFile = new Map<string, LexiconEntry[]>();
for (const [name, text] of rawFiles) byFile.set(name, JSON.parse(text) as LexiconEntry[]);
const allEntries = [...byFile.values()].flat();
const byId = new Map(allEntries.map((entry) => [entry.id, entry]));
const entriesOf = (file: string): LexiconEntry[] => byFile.get(file) ?? [];
const missions = (): LexiconEntry[] => entriesOf('missions.json');
const unambiguousForms = (entry: LexiconEntry): string[] => [entry.label, ...entry.aliases];

describe('lexicon files', () => {
  it('has every expected file and no unexpected one', () => {
    expect(lexiconFiles).toEqual(Object.keys(FILE_TYPES).sort());
  });

  it.each(Object.keys(FILE_TYPES))('%s is a non-empty array, sorted by id and stably formatted', (file) => {
    const text = rawFiles.get(file);
    expect(text, `${file} missing`).toBeDefined();
    const entries = JSON.parse(text ?? '[]') as unknown;
    expect(Array.isArray(entries)).toBe(true);
    const list = entries as LexiconEntry[];
    expect(list.length).toBeGreaterThan(0);
    const ids = list.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(text).toBe(`${JSON.stringify(list, null, 2)}\n`);
  });
});

describe('entries', () => {
  it('have a valid id, type, label and alias lists', () => {
    const problems: string[] = [];
    for (const [file, entries] of byFile) {
      const fileType = FILE_TYPES[file];
      for (const entry of entries) {
        const where = `${file} ${entry.id}`;
        if (!ENTITY_TYPES.includes(entry.type)) problems.push(`${where}: unknown type ${entry.type}`);
        if (entry.type !== fileType) problems.push(`${where}: type ${entry.type} in a file of ${fileType}`);
        if (!new RegExp(`^${entry.type}:[a-z0-9]+(-[a-z0-9]+)*$`).test(entry.id)) problems.push(`${where}: id is not ${entry.type}:slug`);
        if (typeof entry.label !== 'string' || entry.label.trim() === '' || entry.label !== entry.label.trim()) problems.push(`${where}: bad label`);
        for (const field of ['aliases', 'ambiguousAliases', 'demonyms'] as const) {
          const values = entry[field];
          if (field === 'aliases' && !Array.isArray(values)) problems.push(`${where}: aliases missing`);
          if (values === undefined) continue;
          if (!Array.isArray(values)) problems.push(`${where}: ${field} is not an array`);
          else if (values.some((value) => typeof value !== 'string' || value.trim() === '' || value !== value.trim())) problems.push(`${where}: blank or padded ${field}`);
        }
        const ambiguousKeys = new Set((entry.ambiguousAliases ?? []).map(foldKey));
        if (ambiguousKeys.has(foldKey(entry.label))) problems.push(`${where}: label is also an ambiguous alias`);
        for (const alias of entry.aliases) if (ambiguousKeys.has(foldKey(alias))) problems.push(`${where}: "${alias}" is both alias and ambiguous alias`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('have unique ids across all files', () => {
    const seen = new Set<string>();
    const duplicates = allEntries.map((entry) => entry.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(duplicates).toEqual([]);
  });

  it('never share an unambiguous alias or label between two entries (case and diacritics folded)', () => {
    const owners = new Map<string, string>();
    const collisions: string[] = [];
    for (const entry of allEntries) {
      for (const key of new Set(unambiguousForms(entry).map(foldKey))) {
        const owner = owners.get(key);
        if (owner && owner !== entry.id) collisions.push(`"${key}": ${owner} and ${entry.id}`);
        else owners.set(key, entry.id);
      }
    }
    expect(collisions).toEqual([]);
  });

  it('never list a demonym that is also a name of any entry', () => {
    const names = new Map<string, string>();
    for (const entry of allEntries) for (const form of [...unambiguousForms(entry), ...(entry.ambiguousAliases ?? [])]) names.set(foldKey(form), entry.id);
    const clashes = allEntries.flatMap((entry) =>
      (entry.demonyms ?? []).filter((demonym) => names.has(foldKey(demonym))).map((demonym) => `${entry.id} demonym "${demonym}" names ${names.get(foldKey(demonym))}`),
    );
    expect(clashes).toEqual([]);
  });

  it('keep the domain words themselves out (they would link to everything)', () => {
    const domainWords = ['peacekeeping', 'peace operations', 'peacekeeping operations', 'peace operation', 'peacekeepers', 'peacebuilding', 'peace building', 'peace process'];
    const offenders = allEntries.filter((entry) => [...unambiguousForms(entry), ...(entry.ambiguousAliases ?? [])].some((form) => domainWords.includes(foldKey(form))));
    expect(offenders.map((entry) => entry.id)).toEqual([]);
  });

  it('point every id-valued fact at an existing entry of the right type', () => {
    const problems: string[] = [];
    for (const entry of allEntries) {
      for (const [fact, expected] of Object.entries(REFERENCE_FACTS)) {
        const value = entry.facts?.[fact];
        if (value === undefined) continue;
        const ids = Array.isArray(value) ? value : [value];
        for (const id of ids) {
          const target = typeof id === 'string' ? byId.get(id) : undefined;
          if (!target) {
            problems.push(`${entry.id}.${fact} → ${String(id)} does not exist`);
            continue;
          }
          const wanted = expected === 'same' ? [entry.type] : expected === 'country-or-place' ? ['country', 'place'] : [expected];
          if (!wanted.includes(target.type)) problems.push(`${entry.id}.${fact} → ${target.id} is a ${target.type}`);
          if (target.id === entry.id) problems.push(`${entry.id}.${fact} points at itself`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('missions', () => {
  it('have a kind, a start year and a status that agrees with the end year', () => {
    const problems: string[] = [];
    for (const mission of missions()) {
      const facts = mission.facts ?? {};
      if (typeof facts.kind !== 'string' || facts.kind === '') problems.push(`${mission.id}: no kind`);
      if (typeof facts.fullName !== 'string') problems.push(`${mission.id}: no fullName`);
      if (typeof facts.startYear !== 'number') problems.push(`${mission.id}: no startYear`);
      if (facts.status !== (facts.endYear === undefined ? 'active' : 'closed')) problems.push(`${mission.id}: status ${String(facts.status)} with endYear ${String(facts.endYear)}`);
      if (typeof facts.startYear === 'number' && typeof facts.endYear === 'number' && facts.endYear < facts.startYear) problems.push(`${mission.id}: ends before it starts`);
      if (!facts.hostCountry && !facts.hostCountries && !facts.hostPlace) problems.push(`${mission.id}: no host`);
    }
    expect(problems).toEqual([]);
  });

  it('name a successor whose predecessor, when set, names the mission back', () => {
    const problems: string[] = [];
    for (const mission of missions()) {
      const successor = mission.facts?.successor;
      if (typeof successor !== 'string') continue;
      const next = byId.get(successor);
      const back = next?.facts?.predecessor;
      if (typeof back === 'string' && back !== mission.id) {
        const nextKind = next?.facts?.kind;
        if (nextKind === mission.facts?.kind) problems.push(`${mission.id} → ${successor}, whose predecessor is ${back}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('include every operation of the reference list except documented combined and dropped rows', () => {
    const rows = parseCsv(readFileSync(referenceCsv, 'utf8'), referenceCsv);
    const acronyms = rows.map((row) => row['mission_acronym'] ?? '');
    expect(acronyms.length).toBeGreaterThan(70);
    const known = new Map<string, string>();
    for (const mission of missions()) for (const form of unambiguousForms(mission)) known.set(form, mission.id);
    const missing = acronyms.filter((acronym) => !(acronym in COMBINED_ROWS) && !(acronym in DROPPED_ROWS) && !known.has(acronym));
    expect(missing).toEqual([]);
    for (const acronym of Object.keys(NON_PKO_ROWS)) {
      const id = known.get(acronym);
      expect(id, acronym).toBeDefined();
      expect(byId.get(id ?? '')?.facts?.kind, acronym).not.toBe('peacekeeping operation');
    }
  });

  it('are exactly what scripts/build-missions.ts generates from the reference list', () => {
    const generated = buildMissions(readFileSync(referenceCsv, 'utf8'), referenceCsv);
    expect(`${JSON.stringify(generated, null, 2)}\n`).toBe(rawFiles.get('missions.json'));
  });

  it('turn combined reference rows into ambiguous aliases of every part, never a mission of their own', () => {
    for (const [combined, parts] of Object.entries(COMBINED_ROWS)) {
      expect(missions().some((mission) => unambiguousForms(mission).includes(combined)), combined).toBe(false);
      for (const part of parts) {
        const mission = missions().find((candidate) => candidate.label === part);
        expect(mission?.ambiguousAliases, part).toContain(combined);
      }
    }
  });

  const expectations: [string, Record<string, unknown>][] = [
    ['mission:minusma', { hostCountry: 'country:mli', startYear: 2013, endYear: 2023, status: 'closed', kind: 'peacekeeping operation' }],
    ['mission:monuc', { hostCountry: 'country:cod', startYear: 1999, endYear: 2010, successor: 'mission:monusco' }],
    ['mission:monusco', { hostCountry: 'country:cod', startYear: 2010, status: 'active', predecessor: 'mission:monuc' }],
    ['mission:minustah', { hostCountry: 'country:hti', startYear: 2004, endYear: 2017, status: 'closed', successor: 'mission:minujusth' }],
    ['mission:minujusth', { hostCountry: 'country:hti', startYear: 2017, endYear: 2019, predecessor: 'mission:minustah', successor: 'mission:binuh' }],
    ['mission:unifil', { hostCountry: 'country:lbn', startYear: 1978, status: 'active' }],
    ['mission:unisfa', { hostCountry: 'country:sdn', hostPlace: 'place:abyei', startYear: 2011, status: 'active' }],
    ['mission:unmis', { hostCountry: 'country:sdn', endYear: 2011, successor: 'mission:unmiss' }],
    ['mission:unmiss', { hostCountry: 'country:ssd', startYear: 2011, status: 'active', predecessor: 'mission:unmis' }],
    ['mission:minusca', { hostCountry: 'country:caf', startYear: 2014, status: 'active' }],
    ['mission:unamsil', { hostCountry: 'country:sle', predecessor: 'mission:unomsil' }],
    ['mission:untaes', { hostCountry: 'country:hrv', startYear: 1996, endYear: 1998 }],
    ['mission:untso', { startYear: 1948, status: 'active', hostPlace: 'place:middle-east' }],
    ['mission:unmik', { hostPlace: 'place:kosovo', startYear: 1999, status: 'active' }],
    ['mission:untag', { hostCountry: 'country:nam', startYear: 1989, endYear: 1990, kind: 'peacekeeping operation' }],
    ['mission:untmih', { hostCountry: 'country:hti', startYear: 1997, endYear: 1997, kind: 'peacekeeping operation' }],
    ['mission:unamet', { hostCountry: 'country:tls', startYear: 1999, endYear: 1999, successor: 'mission:untaet' }],
    ['mission:domrep', { fullName: 'Mission of the Representative of the Secretary-General in the Dominican Republic', hostCountry: 'country:dom' }],
    ['mission:unama', { hostCountry: 'country:afg', kind: 'special political mission', status: 'active' }],
    ['mission:amisom', { hostCountry: 'country:som', kind: 'African Union operation', successor: 'mission:atmis' }],
    ['mission:mss', { hostCountry: 'country:hti', kind: 'multinational force' }],
  ];
  it.each(expectations)('%s has the expected facts', (id, facts) => {
    const mission = byId.get(id);
    expect(mission, id).toBeDefined();
    expect(mission?.facts).toMatchObject(facts);
  });

  it.each([
    ['MONUSCO', 'mission:monusco'],
    ['United Nations Organization Stabilization Mission in the Democratic Republic of the Congo', 'mission:monusco'],
    ['UNMIK', 'mission:unmik'],
    ['ONUCI', 'mission:unoci'],
    ['MISMA', 'mission:afisma'],
    ['African Union-United Nations Hybrid Operation in Darfur', 'mission:unamid'],
    ['UNOSOM II', 'mission:unosom-ii'],
  ])('alias %s names %s', (alias, id) => {
    expect(unambiguousForms(byId.get(id) ?? ({ label: '', aliases: [] } as unknown as LexiconEntry))).toContain(alias);
  });
});

describe('countries', () => {
  const countries = (): LexiconEntry[] => entriesOf('countries.json');

  it('cover the 193 member states and the two observer states', () => {
    const members = countries().filter((country) => country.facts?.unMember === true);
    expect(members).toHaveLength(193);
    const observers = countries().filter((country) => country.facts?.unMember === false).map((country) => country.id);
    expect(observers.sort()).toEqual(['country:pse', 'country:vat']);
    expect(countries()).toHaveLength(195);
  });

  it('use the ISO code as id and carry region and demonyms', () => {
    const problems: string[] = [];
    for (const country of countries()) {
      const iso3 = country.facts?.iso3;
      if (typeof iso3 !== 'string' || !/^[A-Z]{3}$/.test(iso3) || country.id !== `country:${iso3.toLowerCase()}`) problems.push(`${country.id}: iso3 ${String(iso3)}`);
      if (typeof country.facts?.region !== 'string') problems.push(`${country.id}: no region`);
      if (country.id !== 'country:vat' && (country.demonyms ?? []).length === 0) problems.push(`${country.id}: no demonym`);
      const capital = country.facts?.capital;
      if (typeof capital === 'string' && byId.get(capital)?.facts?.country !== country.id) problems.push(`${country.id}: capital ${capital} does not name it back`);
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ['country:cod', 'Democratic Republic of the Congo', ['DRC', 'DR Congo', 'Congo-Kinshasa'], ['Congo'], 'Congolese'],
    ['country:cog', 'Republic of the Congo', ['Congo-Brazzaville'], ['Congo'], 'Congolese'],
    ['country:caf', 'Central African Republic', ['Centrafrique'], ['CAR'], 'Central African'],
    ['country:civ', "Côte d'Ivoire", ['Ivory Coast'], [], 'Ivorian'],
    ['country:tls', 'Timor-Leste', ['East Timor'], [], 'Timorese'],
    ['country:mmr', 'Myanmar', ['Burma'], [], 'Burmese'],
    ['country:swz', 'Eswatini', ['Swaziland'], [], 'Swazi'],
    ['country:gbr', 'United Kingdom', ['UK', 'U.K.', 'Britain', 'Great Britain'], [], 'British'],
    ['country:usa', 'United States', ['US', 'U.S.', 'USA', 'United States of America'], ['America'], 'American'],
    ['country:kor', 'South Korea', ['Republic of Korea'], ['Korea'], 'South Korean'],
    ['country:mli', 'Mali', ['Republic of Mali'], [], 'Malian'],
    ['country:hti', 'Haiti', [], [], 'Haitian'],
    ['country:ssd', 'South Sudan', [], [], 'South Sudanese'],
    ['country:fra', 'France', [], [], 'French'],
    ['country:vat', 'Holy See', ['Vatican'], [], undefined],
    ['country:pse', 'State of Palestine', ['Palestine'], [], 'Palestinian'],
  ])('%s is %s with its aliases, ambiguous forms and demonym', (id, label, aliases, ambiguous, demonym) => {
    const country = byId.get(id);
    expect(country?.label).toBe(label);
    for (const alias of aliases) expect(country?.aliases).toContain(alias);
    for (const form of ambiguous) expect(country?.ambiguousAliases).toContain(form);
    if (demonym) expect(country?.demonyms).toContain(demonym);
  });
});

describe('other kinds', () => {
  it.each([
    ['organization:united-nations', ['UN', 'U.N.', 'United Nations']],
    ['organization:security-council', ['UN Security Council', 'UNSC']],
    ['organization:general-assembly', ['UN General Assembly']],
    ['organization:african-union', ['AU']],
    ['organization:european-union', ['EU']],
    ['organization:department-of-peace-operations', ['DPO']],
    ['organization:department-of-peacekeeping-operations', ['DPKO']],
    ['concept:responsibility-to-protect', ['R2P', 'RtoP']],
    ['concept:protection-of-civilians', ['PoC']],
    ['concept:sexual-exploitation-and-abuse', ['SEA']],
    ['concept:disarmament-demobilization-and-reintegration', ['DDR']],
    ['concept:misinformation-and-disinformation', ['misinformation', 'disinformation']],
    ['place:abyei', []],
    ['place:darfur', []],
    ['place:kosovo', []],
    ['person:antonio-guterres', ['Antonio Guterres']],
    ['person:jean-pierre-lacroix', []],
    ['agreement:algiers-agreement', ['Agreement on Peace and Reconciliation in Mali']],
    ['agreement:pact-for-the-future', []],
    ['agreement:charter-of-the-united-nations', ['UN Charter']],
    ['concept:human-rights', ['human rights']],
    ['organization:un-news', ['UN News']],
    ['organization:liberians-united-for-reconciliation-and-democracy', ['LURD']],
    ['organization:forces-nouvelles', ['Forces Nouvelles']],
    ['organization:a3', ['A3+']],
    ['mission:ecomici', ['ECOMICI']],
    ['mission:unmeer', ['UNMEER']],
    ['event:crans-montana-conference-on-cyprus', ['Crans-Montana conference']],
    ['mission:ecomil', ['ECOMIL', 'ECOWAS Mission in Liberia']],
    ['mission:amib', ['AMIB', 'African Union Mission in Burundi']],
    ['mission:unpos', ['UNPOS']],
    ['mission:operation-turquoise', ['Operation Turquoise']],
    ['organization:united-liberation-movement-of-liberia-for-democracy', ['ULIMO']],
    ['organization:ulimo-k', ['ULIMO-K']],
    ['organization:armed-forces-revolutionary-council', ['AFRC']],
    ['organization:civil-defence-forces-sierra-leone', ['Kamajors']],
    ['organization:patriotic-movement-of-cote-d-ivoire', ['MPCI']],
    ['organization:republican-forces-of-cote-d-ivoire', ['FRCI']],
    ['organization:azande-ani-kpi-gbe', ['Azande Ani Kpi Gbe']],
    ['organization:congolese-national-police', ['Police nationale congolaise']],
    ['organization:south-sudan-national-police-service', ['SSNPS']],
    ['organization:national-police-of-timor-leste', ['PNTL']],
    ['organization:un-joint-human-rights-office', ['UNJHRO']],
    ['organization:commission-on-human-rights-in-south-sudan', ['Commission on Human Rights in South Sudan']],
    ['organization:truth-and-reconciliation-commission-of-sierra-leone', ['Truth and Reconciliation Commission of Sierra Leone']],
    ['organization:french-ministry-of-foreign-affairs', ["Quai d'Orsay"]],
    ['organization:p5', ['P5']],
    ['concept:human-rights-up-front', ['Human Rights up Front']],
    ['concept:un80-initiative', ['UN80']],
    ['agreement:agreement-on-the-cessation-of-hostilities-in-the-central-african-republic', []],
    ['agreement:resolution-2284', ['S/RES/2284']],
    ['agreement:resolution-2100', ['UNSCR 2100']],
  ])('%s exists with %j', (id, aliases) => {
    const entry = byId.get(id);
    expect(entry, id).toBeDefined();
    for (const alias of aliases) expect(entry?.aliases).toContain(alias);
  });

  it('leave out categories of states that are not concepts (troop-contributing countries)', () => {
    expect(byId.has('concept:troop-and-police-contributing-countries')).toBe(false);
  });

  it('chain the UN missions in Colombia: UNMC was succeeded by UNVMC', () => {
    expect(byId.get('mission:unmc')?.facts?.successor).toBe('mission:unvmc');
    expect(byId.get('mission:unvmc')?.facts?.predecessor).toBe('mission:unmc');
  });

  it('chain the missions that handed over to UN operations (ECOMIL → UNMIL, AMIB → ONUB, UNPOS → UNSOM)', () => {
    for (const [before, after] of [
      ['mission:ecomil', 'mission:unmil'],
      ['mission:amib', 'mission:onub'],
      ['mission:unpos', 'mission:unsom'],
    ] as const) {
      expect(byId.get(before)?.facts?.successor, before).toBe(after);
      expect(byId.get(after)?.facts?.predecessor, after).toBe(before);
    }
  });

  it('leave to the extractor the "Security Council resolution N" form, so the Council inside stays named', () => {
    const resolutions = entriesOf('agreements.json').filter((entry) => /^agreement:resolution-\d+$/.test(entry.id));
    expect(resolutions.length).toBeGreaterThan(20);
    const problems = resolutions.flatMap((entry) => {
      const number = entry.id.slice('agreement:resolution-'.length);
      const wrong: string[] = [];
      if (entry.label !== `Resolution ${number}`) wrong.push(`${entry.id}: label ${entry.label}`);
      if (entry.facts?.kind !== 'Security Council resolution') wrong.push(`${entry.id}: kind ${String(entry.facts?.kind)}`);
      for (const alias of entry.aliases) if (/security council/i.test(alias)) wrong.push(`${entry.id}: alias "${alias}"`);
      return wrong;
    });
    expect(problems).toEqual([]);
  });

  // A concept is not swallowed by a shorter one: each longer name exists as another entry's unambiguous form.
  it.each([
    ['human rights due diligence policy', 'concept:human-rights-due-diligence-policy'],
    ['human rights council', 'organization:human-rights-council'],
    ['international human rights law', 'concept:international-human-rights-law'],
    ['commission on human rights in south sudan', 'organization:commission-on-human-rights-in-south-sudan'],
    ['un joint human rights office', 'organization:un-joint-human-rights-office'],
  ])('name "%s" as %s, not as human rights', (form, id) => {
    const owners = allEntries.filter((entry) => unambiguousForms(entry).some((alias) => foldKey(alias) === form)).map((entry) => entry.id);
    expect(owners).toEqual([id]);
  });

  // Ordinary English (or generic) phrases are never unambiguous forms: in prose they mean something else.
  it.each([
    ['new forces', 'organization:forces-nouvelles'],
    ['quartet', 'organization:middle-east-quartet'],
    ['final agreement', 'agreement:final-peace-agreement-colombia'],
    ['model', 'organization:movement-for-democracy-in-liberia'],
    ['trc', 'organization:truth-and-reconciliation-commission-of-liberia'],
    ['cdf', 'organization:civil-defence-forces-sierra-leone'],
    ['civil defence forces', 'organization:civil-defence-forces-sierra-leone'],
    ['afl', 'organization:armed-forces-of-liberia'],
  ])('keep "%s" out of unambiguous forms (ambiguous for %s at most)', (form, id) => {
    const owners = allEntries.filter((entry) => unambiguousForms(entry).some((alias) => foldKey(alias) === form)).map((entry) => entry.id);
    expect(owners).toEqual([]);
    expect(byId.get(id), id).toBeDefined();
  });

  it('keep ambiguous short forms ambiguous', () => {
    expect(byId.get('organization:security-council')?.ambiguousAliases).toContain('the Council');
    const surnameOnly = entriesOf('people.json').filter((person) => person.aliases.some((alias) => !/\s/.test(alias)));
    expect(surnameOnly.map((person) => person.id)).toEqual([]);
  });

  it('keep DPKO and DPO apart, linked as predecessor and successor', () => {
    expect(byId.get('organization:department-of-peacekeeping-operations')?.facts).toMatchObject({ endYear: 2019, successor: 'organization:department-of-peace-operations' });
    expect(byId.get('organization:department-of-peace-operations')?.facts).toMatchObject({ startYear: 2019, predecessor: 'organization:department-of-peacekeeping-operations' });
  });

  it('give every capital city a country', () => {
    const capitals = entriesOf('places.json').filter((place) => place.facts?.kind === 'capital city');
    expect(capitals.length).toBeGreaterThan(150);
    expect(capitals.filter((place) => typeof place.facts?.country !== 'string').map((place) => place.id)).toEqual([]);
  });
});
