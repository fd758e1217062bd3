// Generates data/lexicon/missions.json from the reference list of UN peacekeeping operations plus curated corrections.
// Run `pnpm exec tsx scripts/build-missions.ts [reference.csv]`; the curated tables below are the place to edit missions.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconEntry } from '../packages/extract/src/lexicon/schema.ts';
import type { EntityFacts } from '../packages/extract/src/types.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultCsv = path.join(repoRoot, 'data/reference/un-peacekeeping-operations.csv');
const outputFile = path.join(repoRoot, 'data/lexicon/missions.json');

const PKO = 'peacekeeping operation';
const SPM = 'special political mission';

/** Curated additions and corrections for one mission; anything not given comes from the reference row. */
interface MissionSpec {
  acronym: string;
  fullName?: string;
  /** Extra unambiguous names (the acronym and full name are added automatically). */
  aliases?: string[];
  ambiguousAliases?: string[];
  /** Full names that are also generic descriptions ("United Nations Mission in Haiti") go in ambiguousAliases. */
  fullNameIsAmbiguous?: boolean;
  hostCountry?: string;
  hostCountries?: string[];
  hostPlace?: string;
  startYear?: number;
  endYear?: number;
  predecessor?: string;
  successor?: string;
  successors?: string[];
  kind?: string;
  /** For missions without an acronym: the label and slug come from this name. */
  label?: string;
  id?: string;
}

/** Reference rows that combine several missions: the combined acronym becomes an ambiguous alias of its parts. */
export const COMBINED_ROWS: Record<string, string[]> = {
  UNOSOM: ['UNOSOM I', 'UNOSOM II'],
  UNEF: ['UNEF I', 'UNEF II'],
  UNAVEM: ['UNAVEM I', 'UNAVEM II', 'UNAVEM III'],
};

/** Reference rows left out of the lexicon, with the reason. */
export const DROPPED_ROWS: Record<string, string> = {
  UNFOR: '"United Nations Force" is no operation of its own (no dates); the name is a generic phrase',
  UNCPSG: 'duplicate of UNPSG (the same Civilian Police Support Group); kept as an alias of UNPSG',
};

/** Reference rows that are kept but are not peacekeeping operations; their facts.kind says what they are. */
export const NON_PKO_ROWS: Record<string, string> = {
  UNOHCI: 'humanitarian coordination office',
  UNGCI: 'guards contingent',
  UNSCOB: 'General Assembly observation committee',
  IPTF: 'police task force',
  MICAH: 'civilian support mission',
  UNSMA: SPM,
};

const m = (acronym: string, spec: Omit<MissionSpec, 'acronym'> = {}): MissionSpec => ({ acronym, ...spec });

/** Corrections and additions for the missions in the reference list. */
const REFERENCE_OVERRIDES: MissionSpec[] = [
  m('DOMREP', { fullName: 'Mission of the Representative of the Secretary-General in the Dominican Republic', hostCountry: 'country:dom' }),
  m('IPTF', { aliases: ['International Police Task Force'], hostCountry: 'country:bih' }),
  m('MICAH', { aliases: ['Mission civile internationale d\'appui en Haïti'], hostCountry: 'country:hti', predecessor: 'mission:miponuh' }),
  m('MINUCI', { hostCountry: 'country:civ', successor: 'mission:unoci', fullNameIsAmbiguous: true }),
  m('MINUGUA', { hostCountry: 'country:gtm' }),
  m('MINUJUSTH', {
    aliases: ['Mission des Nations Unies pour l\'appui à la justice en Haïti'],
    hostCountry: 'country:hti',
    predecessor: 'mission:minustah',
    successor: 'mission:binuh',
  }),
  m('MINURCA', { hostCountry: 'country:caf', successor: 'mission:bonuca', fullNameIsAmbiguous: true }),
  m('MINURCAT', {
    aliases: ['Mission des Nations Unies en République centrafricaine et au Tchad'],
    hostCountry: 'country:tcd',
    hostCountries: ['country:caf', 'country:tcd'],
  }),
  m('MINURSO', {
    aliases: [
      'United Nations Mission for the Referendum in the Western Sahara',
      'Mission des Nations Unies pour l\'organisation d\'un référendum au Sahara occidental',
    ],
    hostPlace: 'place:western-sahara',
  }),
  m('MINUSCA', {
    aliases: [
      'United Nations Multidimensional Integrated Stabilisation Mission in the Central African Republic',
      'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en Centrafrique',
    ],
    hostCountry: 'country:caf',
    predecessor: 'mission:misca',
  }),
  m('MINUSMA', {
    aliases: [
      'United Nations Multidimensional Integrated Stabilisation Mission in Mali',
      'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali',
    ],
    hostCountry: 'country:mli',
    endYear: 2023,
    predecessor: 'mission:afisma',
  }),
  m('MINUSTAH', {
    aliases: ['United Nations Stabilisation Mission in Haiti', 'Mission des Nations Unies pour la stabilisation en Haïti'],
    hostCountry: 'country:hti',
    predecessor: 'mission:mif',
    successor: 'mission:minujusth',
  }),
  m('MIPONUH', {
    aliases: ['Mission de police civile des Nations Unies en Haïti'],
    hostCountry: 'country:hti',
    predecessor: 'mission:untmih',
    successor: 'mission:micah',
  }),
  m('MONUA', { aliases: ['Mission d\'observation des Nations Unies en Angola'], hostCountry: 'country:ago', predecessor: 'mission:unavem-iii' }),
  m('MONUC', {
    aliases: ['Mission de l\'Organisation des Nations Unies en République démocratique du Congo'],
    hostCountry: 'country:cod',
    successor: 'mission:monusco',
  }),
  m('MONUSCO', {
    aliases: [
      'United Nations Organization Stabilisation Mission in the Democratic Republic of the Congo',
      'United Nations Organization Stabilization Mission in the Democratic Republic of Congo',
      'United Nations Organization Stabilization Mission in the DR Congo',
      'United Nations Organization Stabilization Mission in the DRC',
      'Mission de l\'Organisation des Nations Unies pour la stabilisation en République démocratique du Congo',
    ],
    hostCountry: 'country:cod',
    predecessor: 'mission:monuc',
  }),
  m('ONUB', { aliases: ['Opération des Nations Unies au Burundi'], hostCountry: 'country:bdi', predecessor: 'mission:amib', successor: 'mission:binub' }),
  m('ONUC', {
    fullName: 'United Nations Operation in the Congo',
    aliases: ['Opération des Nations Unies au Congo'],
    hostCountry: 'country:cod',
  }),
  m('ONUCA', { hostPlace: 'place:central-america', hostCountries: ['country:cri', 'country:gtm', 'country:hnd', 'country:nic', 'country:slv'] }),
  m('ONUMOZ', { hostCountry: 'country:moz' }),
  m('ONUSAL', { hostCountry: 'country:slv' }),
  m('UNAMIC', { hostCountry: 'country:khm', successor: 'mission:untac' }),
  m('UNAMID', {
    aliases: [
      'African Union/United Nations Hybrid Operation in Darfur',
      'AU-UN Hybrid Operation in Darfur',
      'AU/UN Hybrid Operation in Darfur',
      'Hybrid Operation in Darfur',
      'MINUAD',
    ],
    hostCountry: 'country:sdn',
    hostPlace: 'place:darfur',
    predecessor: 'mission:amis',
    successor: 'mission:unitams',
  }),
  m('UNAMIR', { hostCountry: 'country:rwa' }),
  m('UNAMSIL', { hostCountry: 'country:sle', predecessor: 'mission:unomsil', successor: 'mission:uniosil' }),
  m('UNASOG', { hostCountry: 'country:tcd', hostCountries: ['country:lby', 'country:tcd'], hostPlace: 'place:aouzou-strip' }),
  m('UNAVEM I', { aliases: ['UNAVEM 1'], hostCountry: 'country:ago', successor: 'mission:unavem-ii' }),
  m('UNAVEM II', { aliases: ['UNAVEM 2'], hostCountry: 'country:ago', predecessor: 'mission:unavem-i', successor: 'mission:unavem-iii' }),
  m('UNAVEM III', { aliases: ['UNAVEM 3'], hostCountry: 'country:ago', predecessor: 'mission:unavem-ii', successor: 'mission:monua' }),
  m('UNCRO', { aliases: ['United Nations Confidence Restoration Operation'], hostCountry: 'country:hrv', predecessor: 'mission:unprofor', successor: 'mission:untaes' }),
  m('UNDOF', { hostCountry: 'country:syr', hostPlace: 'place:golan-heights' }),
  m('UNEF I', { aliases: ['UNEF 1', 'First United Nations Emergency Force'], hostCountry: 'country:egy', hostPlace: 'place:sinai' }),
  m('UNEF II', { aliases: ['UNEF 2', 'Second United Nations Emergency Force'], hostCountry: 'country:egy', hostPlace: 'place:sinai' }),
  m('UNFICYP', { aliases: ['United Nations Force in Cyprus'], hostCountry: 'country:cyp' }),
  m('UNGCI', { hostCountry: 'country:irq' }),
  m('UNGOMAP', { hostCountries: ['country:afg', 'country:pak'] }),
  m('UNIFIL', { hostCountry: 'country:lbn', aliases: ['FINUL'] }),
  m('UNIIMOG', { hostCountries: ['country:irn', 'country:irq'] }),
  m('UNIKOM', { hostCountries: ['country:irq', 'country:kwt'] }),
  m('UNIPOM', { hostCountries: ['country:ind', 'country:pak'] }),
  m('UNISFA', {
    aliases: ['United Nations Interim Security Force for Abyei'],
    hostCountry: 'country:sdn',
    hostCountries: ['country:sdn', 'country:ssd'],
    hostPlace: 'place:abyei',
  }),
  m('UNMEE', { hostCountries: ['country:eri', 'country:eth'] }),
  m('UNMIBH', { hostCountry: 'country:bih', predecessor: 'mission:unprofor' }),
  m('UNMIH', { hostCountry: 'country:hti', successor: 'mission:unsmih', fullNameIsAmbiguous: true }),
  m('UNMIK', { hostPlace: 'place:kosovo' }),
  m('UNMIL', { hostCountry: 'country:lbr', predecessor: 'mission:ecomil' }),
  m('UNMIS', {
    ambiguousAliases: ['United Nations Mission in Sudan'],
    fullNameIsAmbiguous: true,
    hostCountry: 'country:sdn',
    successor: 'mission:unmiss',
  }),
  m('UNMISET', { hostCountry: 'country:tls', predecessor: 'mission:untaet', successor: 'mission:unotil' }),
  m('UNMISS', { aliases: ['United Nations Mission in South Sudan'], hostCountry: 'country:ssd', predecessor: 'mission:unmis' }),
  m('UNMIT', { hostCountry: 'country:tls', predecessor: 'mission:unotil' }),
  m('UNMOGIP', { hostCountries: ['country:ind', 'country:pak'], hostPlace: 'place:kashmir' }),
  m('UNMOP', { hostCountry: 'country:hrv' }),
  m('UNMOT', { hostCountry: 'country:tjk' }),
  m('UNOCI', { aliases: ['ONUCI', 'Opération des Nations Unies en Côte d\'Ivoire'], hostCountry: 'country:civ', predecessor: 'mission:minuci' }),
  m('UNOGIL', { hostCountry: 'country:lbn' }),
  m('UNOHCI', { hostCountry: 'country:irq', startYear: 1997, endYear: 2003 }),
  m('UNOMIG', { hostCountry: 'country:geo', hostPlace: 'place:abkhazia' }),
  m('UNOMIL', { hostCountry: 'country:lbr' }),
  m('UNOMSIL', { hostCountry: 'country:sle', successor: 'mission:unamsil' }),
  m('UNOMUR', { hostCountry: 'country:uga', hostCountries: ['country:rwa', 'country:uga'] }),
  m('UNOSOM I', { aliases: ['UNOSOM 1'], hostCountry: 'country:som', successor: 'mission:unosom-ii' }),
  m('UNOSOM II', { aliases: ['UNOSOM 2'], hostCountry: 'country:som', predecessor: 'mission:unosom-i' }),
  m('UNPF', { aliases: ['United Nations Peace Forces Headquarters'], hostPlace: 'place:yugoslavia', hostCountries: ['country:bih', 'country:hrv', 'country:mkd'] }),
  m('UNPREDEP', { hostCountry: 'country:mkd', predecessor: 'mission:unprofor' }),
  m('UNPROFOR', {
    hostPlace: 'place:yugoslavia',
    hostCountries: ['country:bih', 'country:hrv', 'country:mkd'],
    successors: ['mission:uncro', 'mission:unmibh', 'mission:unpredep'],
  }),
  m('UNPSG', { aliases: ['UNCPSG', 'UN Civilian Police Support Group'], hostCountry: 'country:hrv', predecessor: 'mission:untaes' }),
  m('UNSCOB', { hostCountry: 'country:grc', startYear: 1947 }),
  m('UNSF', { hostPlace: 'place:west-new-guinea' }),
  m('UNSMA', { hostCountry: 'country:afg', successor: 'mission:unama' }),
  m('UNSMIH', { hostCountry: 'country:hti', predecessor: 'mission:unmih', successor: 'mission:untmih' }),
  m('UNSMIS', { hostCountry: 'country:syr' }),
  m('UNTAC', { hostCountry: 'country:khm', predecessor: 'mission:unamic' }),
  m('UNTAES', {
    aliases: ['United Nations Transitional Administration for Eastern Slavonia'],
    hostCountry: 'country:hrv',
    predecessor: 'mission:uncro',
    successor: 'mission:unpsg',
  }),
  m('UNTAET', { hostCountry: 'country:tls', predecessor: 'mission:unamet', successor: 'mission:unmiset' }),
  m('UNTSO', { hostPlace: 'place:middle-east', hostCountries: ['country:egy', 'country:isr', 'country:jor', 'country:lbn', 'country:syr'] }),
  m('UNYOM', { hostCountry: 'country:yem' }),
];

/** Peacekeeping operations missing from the reference list. */
const MISSING_PKOS: MissionSpec[] = [
  m('UNTAG', { fullName: 'United Nations Transition Assistance Group', hostCountry: 'country:nam', startYear: 1989, endYear: 1990, kind: PKO }),
  m('UNTMIH', {
    fullName: 'United Nations Transition Mission in Haiti',
    hostCountry: 'country:hti',
    startYear: 1997,
    endYear: 1997,
    predecessor: 'mission:unsmih',
    successor: 'mission:miponuh',
    kind: PKO,
  }),
  m('UNAMET', {
    fullName: 'United Nations Mission in East Timor',
    hostCountry: 'country:tls',
    startYear: 1999,
    endYear: 1999,
    successor: 'mission:untaet',
    kind: PKO,
  }),
];

/** Special political missions that recur in peace-operations news. */
const POLITICAL_MISSIONS: MissionSpec[] = [
  m('UNAMA', { fullName: 'United Nations Assistance Mission in Afghanistan', hostCountry: 'country:afg', startYear: 2002, predecessor: 'mission:unsma' }),
  m('UNAMI', { fullName: 'United Nations Assistance Mission for Iraq', aliases: ['United Nations Assistance Mission in Iraq'], hostCountry: 'country:irq', startYear: 2003, endYear: 2025 }),
  m('UNSMIL', { fullName: 'United Nations Support Mission in Libya', hostCountry: 'country:lby', startYear: 2011 }),
  m('BINUH', {
    fullName: 'United Nations Integrated Office in Haiti',
    aliases: ['Bureau intégré des Nations Unies en Haïti'],
    hostCountry: 'country:hti',
    startYear: 2019,
    predecessor: 'mission:minujusth',
  }),
  m('UNSOM', { fullName: 'United Nations Assistance Mission in Somalia', hostCountry: 'country:som', startYear: 2013, endYear: 2024, predecessor: 'mission:unpos', successor: 'mission:untmis' }),
  m('UNTMIS', { fullName: 'United Nations Transitional Assistance Mission in Somalia', hostCountry: 'country:som', startYear: 2024, predecessor: 'mission:unsom' }),
  m('UNMHA', {
    fullName: 'United Nations Mission to Support the Hodeidah Agreement',
    aliases: ['United Nations Mission to support the Hudaydah Agreement'],
    hostCountry: 'country:yem',
    hostPlace: 'place:hodeidah',
    startYear: 2019,
  }),
  m('UNITAMS', {
    fullName: 'United Nations Integrated Transition Assistance Mission in Sudan',
    hostCountry: 'country:sdn',
    startYear: 2020,
    endYear: 2024,
    predecessor: 'mission:unamid',
  }),
  m('UNOWAS', {
    fullName: 'United Nations Office for West Africa and the Sahel',
    aliases: ['UNOWA', 'United Nations Office for West Africa'],
    hostCountry: 'country:sen',
    hostPlace: 'place:west-africa',
    startYear: 2002,
  }),
  m('UNOCA', { fullName: 'United Nations Regional Office for Central Africa', hostCountry: 'country:gab', hostPlace: 'place:central-africa', startYear: 2011 }),
  m('UNRCCA', {
    fullName: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
    hostCountry: 'country:tkm',
    hostPlace: 'place:central-asia',
    startYear: 2007,
  }),
  m('UNSCOL', { fullName: 'Office of the United Nations Special Coordinator for Lebanon', hostCountry: 'country:lbn', startYear: 2007 }),
  m('UNSCO', {
    fullName: 'Office of the United Nations Special Coordinator for the Middle East Peace Process',
    hostPlace: 'place:middle-east',
    startYear: 1994,
  }),
  m('UNMC', {
    fullName: 'United Nations Mission in Colombia',
    hostCountry: 'country:col',
    startYear: 2016,
    endYear: 2017,
    successor: 'mission:unvmc',
  }),
  m('UNVMC', {
    fullName: 'United Nations Verification Mission in Colombia',
    hostCountry: 'country:col',
    startYear: 2017,
    predecessor: 'mission:unmc',
  }),
  m('UNMEER', {
    fullName: 'United Nations Mission for Ebola Emergency Response',
    kind: 'emergency health mission',
    hostCountry: 'country:gha',
    startYear: 2014,
    endYear: 2015,
  }),
  m('BONUCA', {
    fullName: 'United Nations Peacebuilding Support Office in the Central African Republic',
    hostCountry: 'country:caf',
    startYear: 2000,
    endYear: 2009,
    predecessor: 'mission:minurca',
    successor: 'mission:binuca',
  }),
  m('BINUCA', {
    fullName: 'United Nations Integrated Peacebuilding Office in the Central African Republic',
    hostCountry: 'country:caf',
    startYear: 2010,
    endYear: 2014,
    predecessor: 'mission:bonuca',
    successor: 'mission:minusca',
  }),
  m('BINUB', { fullName: 'United Nations Integrated Office in Burundi', hostCountry: 'country:bdi', startYear: 2007, endYear: 2010, predecessor: 'mission:onub', successor: 'mission:bnub' }),
  m('BNUB', { fullName: 'United Nations Office in Burundi', hostCountry: 'country:bdi', startYear: 2011, endYear: 2014, predecessor: 'mission:binub' }),
  m('UNIOSIL', { fullName: 'United Nations Integrated Office in Sierra Leone', hostCountry: 'country:sle', startYear: 2006, endYear: 2008, predecessor: 'mission:unamsil', successor: 'mission:unipsil' }),
  m('UNIPSIL', { fullName: 'United Nations Integrated Peacebuilding Office in Sierra Leone', hostCountry: 'country:sle', startYear: 2008, endYear: 2014, predecessor: 'mission:uniosil' }),
  m('UNOGBIS', { fullName: 'United Nations Peacebuilding Support Office in Guinea-Bissau', hostCountry: 'country:gnb', startYear: 1999, endYear: 2009, successor: 'mission:uniogbis' }),
  m('UNIOGBIS', { fullName: 'United Nations Integrated Peacebuilding Office in Guinea-Bissau', hostCountry: 'country:gnb', startYear: 2010, endYear: 2020, predecessor: 'mission:unogbis' }),
  m('UNMIN', { fullName: 'United Nations Mission in Nepal', hostCountry: 'country:npl', startYear: 2007, endYear: 2011 }),
  m('UNOTIL', { fullName: 'United Nations Office in Timor-Leste', hostCountry: 'country:tls', startYear: 2005, endYear: 2006, predecessor: 'mission:unmiset', successor: 'mission:unmit' }),
  m('UNOAU', { fullName: 'United Nations Office to the African Union', hostCountry: 'country:eth', startYear: 2010, kind: 'liaison office' }),
  m('UNSOA', { fullName: 'United Nations Support Office for AMISOM', hostCountry: 'country:som', startYear: 2009, endYear: 2015, successor: 'mission:unsos', kind: 'support office' }),
  m('UNSOS', { fullName: 'United Nations Support Office in Somalia', hostCountry: 'country:som', startYear: 2015, predecessor: 'mission:unsoa', kind: 'support office' }),
  m('OSESGY', {
    fullName: 'Office of the Special Envoy of the Secretary-General for Yemen',
    aliases: ['Office of the UN Special Envoy for Yemen'],
    hostCountry: 'country:yem',
    startYear: 2011,
  }),
];

/** Operations of other organisations and states that peace-operations texts mention. */
const OTHER_OPERATIONS: MissionSpec[] = [
  m('AMIS', { fullName: 'African Union Mission in Sudan', kind: 'African Union operation', hostCountry: 'country:sdn', hostPlace: 'place:darfur', startYear: 2004, endYear: 2007, successor: 'mission:unamid' }),
  m('AMISOM', { fullName: 'African Union Mission in Somalia', kind: 'African Union operation', hostCountry: 'country:som', startYear: 2007, endYear: 2022, successor: 'mission:atmis' }),
  m('ATMIS', { fullName: 'African Union Transition Mission in Somalia', kind: 'African Union operation', hostCountry: 'country:som', startYear: 2022, endYear: 2024, predecessor: 'mission:amisom', successor: 'mission:aussom' }),
  m('AUSSOM', { fullName: 'African Union Support and Stabilization Mission in Somalia', aliases: ['African Union Support and Stabilisation Mission in Somalia'], kind: 'African Union operation', hostCountry: 'country:som', startYear: 2025, predecessor: 'mission:atmis' }),
  m('AFISMA', {
    fullName: 'African-led International Support Mission to Mali',
    aliases: ['African-led International Support Mission in Mali', 'MISMA', 'Mission internationale de soutien au Mali sous conduite africaine'],
    kind: 'African Union operation',
    hostCountry: 'country:mli',
    startYear: 2013,
    endYear: 2013,
    successor: 'mission:minusma',
  }),
  m('MISCA', {
    fullName: 'African-led International Support Mission to the Central African Republic',
    aliases: ['African-led International Support Mission in the Central African Republic', 'AFISM-CAR', 'Mission internationale de soutien à la Centrafrique sous conduite africaine'],
    kind: 'African Union operation',
    hostCountry: 'country:caf',
    startYear: 2013,
    endYear: 2014,
    predecessor: 'mission:micopax',
    successor: 'mission:minusca',
  }),
  m('MICOPAX', { fullName: 'Mission for the Consolidation of Peace in the Central African Republic', aliases: ['Mission de consolidation de la paix en Centrafrique'], kind: 'ECCAS operation', hostCountry: 'country:caf', startYear: 2008, endYear: 2013, successor: 'mission:misca' }),
  m('MSS', {
    label: 'Multinational Security Support Mission',
    fullName: 'Multinational Security Support Mission in Haiti',
    aliases: ['Multinational Security Support mission to Haiti', 'Kenya-led Multinational Security Support'],
    ambiguousAliases: ['MSS'],
    kind: 'multinational force',
    hostCountry: 'country:hti',
    startYear: 2023,
    endYear: 2025,
    successor: 'mission:gsf',
  }),
  m('GSF', {
    label: 'Gang Suppression Force',
    fullName: 'Gang Suppression Force in Haiti',
    ambiguousAliases: ['GSF'],
    kind: 'multinational force',
    hostCountry: 'country:hti',
    startYear: 2025,
    predecessor: 'mission:mss',
  }),
  m('MIF', {
    label: 'Multinational Interim Force',
    fullName: 'Multinational Interim Force in Haiti',
    ambiguousAliases: ['MIF', 'MIFH'],
    kind: 'multinational force',
    hostCountry: 'country:hti',
    startYear: 2004,
    endYear: 2004,
    successor: 'mission:minustah',
  }),
  m('UNITAF', { fullName: 'Unified Task Force', aliases: ['Operation Restore Hope'], kind: 'multinational force', hostCountry: 'country:som', startYear: 1992, endYear: 1993, predecessor: 'mission:unosom-i', successor: 'mission:unosom-ii' }),
  m('INTERFET', { fullName: 'International Force East Timor', aliases: ['International Force for East Timor'], kind: 'multinational force', hostCountry: 'country:tls', startYear: 1999, endYear: 2000, successor: 'mission:untaet' }),
  m('KFOR', { fullName: 'Kosovo Force', kind: 'NATO operation', hostPlace: 'place:kosovo', startYear: 1999 }),
  m('IFOR', { fullName: 'Implementation Force', kind: 'NATO operation', hostCountry: 'country:bih', startYear: 1995, endYear: 1996, successor: 'mission:sfor' }),
  m('SFOR', { fullName: 'Stabilisation Force', aliases: ['Stabilization Force in Bosnia and Herzegovina'], kind: 'NATO operation', hostCountry: 'country:bih', startYear: 1996, endYear: 2004, predecessor: 'mission:ifor', successor: 'mission:eufor-althea' }),
  m('ISAF', { fullName: 'International Security Assistance Force', kind: 'NATO operation', hostCountry: 'country:afg', startYear: 2001, endYear: 2014 }),
  m('RSM', {
    label: 'Resolute Support',
    id: 'mission:resolute-support',
    fullName: 'Resolute Support Mission',
    aliases: ['Operation Resolute Support', 'NATO Resolute Support Mission'],
    ambiguousAliases: ['RSM'],
    kind: 'NATO operation',
    hostCountry: 'country:afg',
    startYear: 2015,
    endYear: 2021,
  }),
  m('EUFOR ALTHEA', { label: 'EUFOR Althea', id: 'mission:eufor-althea', fullName: 'European Union Force in Bosnia and Herzegovina', aliases: ['Operation Althea', 'EUFOR BiH'], ambiguousAliases: ['EUFOR'], kind: 'European Union operation', hostCountry: 'country:bih', startYear: 2004, predecessor: 'mission:sfor' }),
  m('EUFOR RCA', { label: 'EUFOR RCA', id: 'mission:eufor-rca', fullName: 'European Union Force in the Central African Republic', ambiguousAliases: ['EUFOR'], kind: 'European Union operation', hostCountry: 'country:caf', startYear: 2014, endYear: 2015 }),
  m('EUFOR TCHAD/RCA', { label: 'EUFOR Tchad/RCA', id: 'mission:eufor-tchad-rca', fullName: 'European Union Force Chad/Central African Republic', aliases: ['EUFOR Chad/CAR'], ambiguousAliases: ['EUFOR'], kind: 'European Union operation', hostCountry: 'country:tcd', hostCountries: ['country:caf', 'country:tcd'], startYear: 2008, endYear: 2009, successor: 'mission:minurcat' }),
  m('EUFOR RD CONGO', { label: 'EUFOR RD Congo', id: 'mission:eufor-rd-congo', fullName: 'European Union Force RD Congo', ambiguousAliases: ['EUFOR'], kind: 'European Union operation', hostCountry: 'country:cod', startYear: 2006, endYear: 2006 }),
  m('EULEX', { fullName: 'European Union Rule of Law Mission in Kosovo', aliases: ['EULEX Kosovo'], kind: 'European Union operation', hostPlace: 'place:kosovo', startYear: 2008 }),
  m('EUTM MALI', { label: 'EUTM Mali', id: 'mission:eutm-mali', fullName: 'European Union Training Mission in Mali', kind: 'European Union operation', hostCountry: 'country:mli', startYear: 2013, endYear: 2024 }),
  m('EUTM SOMALIA', { label: 'EUTM Somalia', id: 'mission:eutm-somalia', fullName: 'European Union Training Mission in Somalia', kind: 'European Union operation', hostCountry: 'country:som', startYear: 2010 }),
  m('EUTM RCA', { label: 'EUTM RCA', id: 'mission:eutm-rca', fullName: 'European Union Training Mission in the Central African Republic', kind: 'European Union operation', hostCountry: 'country:caf', startYear: 2016 }),
  m('EUNAVFOR ATALANTA', { label: 'Operation Atalanta', id: 'mission:operation-atalanta', fullName: 'European Union Naval Force Somalia', aliases: ['EU NAVFOR Atalanta', 'EUNAVFOR Atalanta', 'EU NAVFOR Somalia'], kind: 'European Union operation', hostCountry: 'country:som', startYear: 2008 }),
  m('OPERATION SERVAL', { label: 'Operation Serval', id: 'mission:operation-serval', fullName: 'Operation Serval', aliases: ['Opération Serval'], kind: 'French military operation', hostCountry: 'country:mli', startYear: 2013, endYear: 2014, successor: 'mission:operation-barkhane' }),
  m('OPERATION BARKHANE', { label: 'Operation Barkhane', id: 'mission:operation-barkhane', fullName: 'Operation Barkhane', aliases: ['Opération Barkhane', 'Barkhane'], kind: 'French military operation', hostPlace: 'place:sahel', startYear: 2014, endYear: 2022, predecessor: 'mission:operation-serval' }),
  m('TAKUBA', { label: 'Task Force Takuba', id: 'mission:task-force-takuba', fullName: 'Task Force Takuba', aliases: ['Takuba Task Force'], kind: 'European special forces task force', hostCountry: 'country:mli', startYear: 2020, endYear: 2022 }),
  m('OPERATION LICORNE', { label: 'Operation Licorne', id: 'mission:operation-licorne', fullName: 'Operation Licorne', aliases: ['Opération Licorne'], kind: 'French military operation', hostCountry: 'country:civ', startYear: 2002, endYear: 2015 }),
  m('OPERATION SANGARIS', { label: 'Operation Sangaris', id: 'mission:operation-sangaris', fullName: 'Operation Sangaris', aliases: ['Opération Sangaris'], kind: 'French military operation', hostCountry: 'country:caf', startYear: 2013, endYear: 2016 }),
  m('FC-G5S', { label: 'G5 Sahel Joint Force', id: 'mission:g5-sahel-joint-force', fullName: 'Joint Force of the Group of Five for the Sahel', aliases: ['FC-G5S', 'G5 Sahel Joint Force', 'Force conjointe du G5 Sahel'], kind: 'regional force', hostPlace: 'place:sahel', startYear: 2017, endYear: 2023 }),
  m('MNJTF', { fullName: 'Multinational Joint Task Force', aliases: ['Multi-National Joint Task Force'], kind: 'regional force', hostPlace: 'place:lake-chad-basin', startYear: 2015 }),
  m('SAMIDRC', { fullName: 'Southern African Development Community Mission in the Democratic Republic of the Congo', aliases: ['SADC Mission in the Democratic Republic of the Congo', 'SADC Mission in the DRC'], kind: 'SADC operation', hostCountry: 'country:cod', startYear: 2023, endYear: 2025 }),
  m('SAMIM', { fullName: 'Southern African Development Community Mission in Mozambique', aliases: ['SADC Mission in Mozambique'], kind: 'SADC operation', hostCountry: 'country:moz', startYear: 2021, endYear: 2024 }),
  m('EACRF', { fullName: 'East African Community Regional Force', aliases: ['EAC Regional Force', 'EAC-RF'], kind: 'EAC operation', hostCountry: 'country:cod', startYear: 2022, endYear: 2023 }),
  m('ECOMOG', { fullName: 'Economic Community of West African States Monitoring Group', aliases: ['ECOWAS Monitoring Group', 'ECOWAS Ceasefire Monitoring Group'], kind: 'ECOWAS operation', hostCountries: ['country:gnb', 'country:lbr', 'country:sle'], startYear: 1990, endYear: 1999 }),
  m('ECOMICI', { fullName: "ECOWAS Mission in Côte d'Ivoire", aliases: ["ECOWAS Mission in Cote d'Ivoire"], kind: 'ECOWAS operation', hostCountry: 'country:civ', startYear: 2003, endYear: 2004, successor: 'mission:unoci' }),
  m('ECOMIL', { fullName: 'ECOWAS Mission in Liberia', kind: 'ECOWAS operation', hostCountry: 'country:lbr', startYear: 2003, endYear: 2003, successor: 'mission:unmil' }),
  m('AMIB', { fullName: 'African Union Mission in Burundi', aliases: ['African Mission in Burundi', 'AU Mission in Burundi'], kind: 'African Union operation', hostCountry: 'country:bdi', startYear: 2003, endYear: 2004, successor: 'mission:onub' }),
  m('MISAHEL', { fullName: 'African Union Mission for Mali and the Sahel', aliases: ['AU Mission for Mali and the Sahel'], kind: 'African Union political mission', hostPlace: 'place:sahel', startYear: 2013 }),
  m('UNPOS', { fullName: 'United Nations Political Office for Somalia', kind: SPM, hostCountry: 'country:som', startYear: 1995, endYear: 2013, successor: 'mission:unsom' }),
  m('UNOL', { fullName: 'United Nations Peacebuilding Support Office in Liberia', aliases: ['United Nations Peace-building Support Office in Liberia', 'UN Peace-building Support Office in Liberia'], kind: SPM, hostCountry: 'country:lbr', startYear: 1997, endYear: 2003 }),
  m('ARAB LEAGUE SYRIA', { label: 'Arab League Observer Mission to Syria', id: 'mission:arab-league-observer-mission-to-syria', fullName: 'League of Arab States Observer Mission to Syria', aliases: ['Arab League Observer Mission to Syria', 'Arab League Monitoring Mission'], ambiguousAliases: ['Arab League mission', 'Arab League observer mission'], kind: 'Arab League operation', hostCountry: 'country:syr', startYear: 2011, endYear: 2012 }),
  m('OPERATION TURQUOISE', { label: 'Operation Turquoise', id: 'mission:operation-turquoise', fullName: 'Operation Turquoise', aliases: ['Opération Turquoise'], kind: 'French-led multinational operation', hostCountry: 'country:rwa', startYear: 1994, endYear: 1994 }),
  m('OPERATION ARTEMIS', { label: 'Operation Artemis', id: 'mission:operation-artemis', fullName: 'Operation Artemis', aliases: ['Interim Emergency Multinational Force'], kind: 'European Union operation', hostCountry: 'country:cod', startYear: 2003, endYear: 2003 }),
  m('ECOMIB', { fullName: 'ECOWAS Mission in Guinea-Bissau', kind: 'ECOWAS operation', hostCountry: 'country:gnb', startYear: 2012, endYear: 2020 }),
  m('ECOMIG', { fullName: 'ECOWAS Mission in The Gambia', aliases: ['ECOWAS Mission in Gambia'], kind: 'ECOWAS operation', hostCountry: 'country:gmb', startYear: 2017 }),
  m('MFO', { label: 'Multinational Force and Observers', fullName: 'Multinational Force and Observers', ambiguousAliases: ['MFO'], kind: 'multinational force', hostCountry: 'country:egy', hostPlace: 'place:sinai', startYear: 1982 }),
  m('RAMSI', { fullName: 'Regional Assistance Mission to Solomon Islands', kind: 'multinational force', hostCountry: 'country:slb', startYear: 2003, endYear: 2017 }),
];

/** Parses the reference CSV (quoted fields, doubled quotes), returning one record per row keyed by header. */
export function parseCsv(text: string, file: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      field = '';
      if (row.some((cell) => cell !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) throw new Error(`build-missions: ${file} is empty`);
  return body.map((cells, index) => {
    if (cells.length !== header.length) throw new Error(`build-missions: ${file} row ${index + 2} has ${cells.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((name, column) => [name, (cells[column] ?? '').trim()]));
  });
}

/** `UNOSOM II` → `mission:unosom-ii`. */
export function missionId(acronym: string): string {
  return `mission:${acronym.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

const yearOf = (date: string | undefined): number | undefined => (date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined);

/** "United Nations Mission in X" also written "UN Mission in X" and "U.N. Mission in X". */
function unAbbreviations(name: string): string[] {
  return name.startsWith('United Nations ') ? [name.replace(/^United Nations /, 'UN '), name.replace(/^United Nations /, 'U.N. ')] : [];
}

const uniqueSorted = (values: string[]): string[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function toEntry(spec: MissionSpec, reference: Record<string, string> | undefined, kind: string): LexiconEntry {
  const fullName = (spec.fullName ?? reference?.['mission_name'])?.replace(/\u2019/g, "'");
  if (!fullName) throw new Error(`build-missions: ${spec.acronym} has no full name`);
  const label = spec.label ?? spec.acronym;
  const acronymIsAlias = !spec.label && !spec.ambiguousAliases?.includes(spec.acronym);
  const names = [fullName, ...(spec.aliases ?? [])];
  const ambiguous = [...(spec.ambiguousAliases ?? [])];
  const aliases: string[] = acronymIsAlias ? [spec.acronym] : [];
  for (const name of names) {
    const forms = [name, ...unAbbreviations(name)];
    if (spec.fullNameIsAmbiguous && name === fullName) ambiguous.push(...forms);
    else aliases.push(...forms);
  }
  const startYear = spec.startYear ?? yearOf(reference?.['start_date']);
  const endYear = spec.endYear ?? yearOf(reference?.['end_date']);
  const facts: EntityFacts = { fullName, kind: spec.kind ?? NON_PKO_ROWS[spec.acronym] ?? kind };
  if (spec.hostCountry) facts.hostCountry = spec.hostCountry;
  if (spec.hostCountries) facts.hostCountries = [...spec.hostCountries].sort();
  if (spec.hostPlace) facts.hostPlace = spec.hostPlace;
  if (startYear !== undefined) facts.startYear = startYear;
  if (endYear !== undefined) facts.endYear = endYear;
  facts.status = endYear === undefined ? 'active' : 'closed';
  if (spec.predecessor) facts.predecessor = spec.predecessor;
  if (spec.successor) facts.successor = spec.successor;
  if (spec.successors) facts.successors = [...spec.successors].sort();
  const ambiguousSet = new Set(ambiguous);
  return {
    id: spec.id ?? missionId(spec.acronym),
    type: 'mission',
    label,
    aliases: uniqueSorted(aliases.filter((alias) => !ambiguousSet.has(alias))),
    ambiguousAliases: uniqueSorted(ambiguous),
    demonyms: [],
    facts,
  };
}

/** Builds every mission entry, sorted by id. */
export function buildMissions(csvText: string, csvFile: string): LexiconEntry[] {
  const rows = parseCsv(csvText, csvFile);
  const byAcronym = new Map(rows.map((row) => [row['mission_acronym'] ?? '', row]));
  const overrides = new Map(REFERENCE_OVERRIDES.map((spec) => [spec.acronym, spec]));
  for (const acronym of overrides.keys()) {
    if (!byAcronym.has(acronym)) throw new Error(`build-missions: override for ${acronym}, which is not in ${csvFile}`);
  }
  const combinedParts = new Map<string, string[]>();
  for (const [combined, parts] of Object.entries(COMBINED_ROWS)) {
    for (const part of parts) combinedParts.set(part, [...(combinedParts.get(part) ?? []), combined]);
  }
  const entries: LexiconEntry[] = [];
  for (const row of rows) {
    const acronym = row['mission_acronym'] ?? '';
    if (acronym in COMBINED_ROWS || acronym in DROPPED_ROWS) continue;
    const spec = overrides.get(acronym) ?? m(acronym);
    const withCombined = { ...spec, ambiguousAliases: [...(spec.ambiguousAliases ?? []), ...(combinedParts.get(acronym) ?? [])] };
    entries.push(toEntry(withCombined, row, PKO));
  }
  for (const spec of MISSING_PKOS) entries.push(toEntry(spec, undefined, PKO));
  for (const spec of POLITICAL_MISSIONS) entries.push(toEntry(spec, undefined, SPM));
  for (const spec of OTHER_OPERATIONS) entries.push(toEntry(spec, undefined, 'multinational force'));
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new Error(`build-missions: duplicate mission id ${entry.id}`);
    seen.add(entry.id);
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const csvFile = process.argv[2] ?? defaultCsv;
  const entries = buildMissions(readFileSync(csvFile, 'utf8'), csvFile);
  writeFileSync(outputFile, `${JSON.stringify(entries, null, 2)}\n`);
  console.log(`build-missions: wrote ${entries.length} missions to ${path.relative(repoRoot, outputFile)}`);
}
