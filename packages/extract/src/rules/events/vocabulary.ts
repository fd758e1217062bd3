// Word lists the event rules read: head nouns of named wars, crises and disasters, the ordinals and small
// qualifiers that may precede them, and the capitalised words that open a sentence rather than a name.

/** Capitalised heads that end a named event: "the Second Congo War", "the Suez Crisis", "the Arab Spring". */
export const CAPITALISED_EVENT_HEADS = [
  'War',
  'Wars',
  'Civil War',
  'Crisis',
  'Revolution',
  'Uprising',
  'Rebellion',
  'Insurgency',
  'Intifada',
  'Spring',
  'Genocide',
  'Massacre',
  'Coup',
  'Earthquake',
  'Epidemic',
  'Outbreak',
  'Famine',
  'Floods',
  'Tsunami',
] as const;

/** Lower-case heads that make a named event when a year or a named place qualifies them: "the 2010 Haiti earthquake". */
export const DATED_EVENT_HEADS = [
  'civil war',
  'war',
  'epidemic',
  'outbreak',
  'earthquake',
  'coup',
  'coup attempt',
  "coup d'état",
  'coup d’état',
  'crisis',
  'famine',
  'floods',
  'tsunami',
  'genocide',
  'massacre',
  'massacres',
  'uprising',
  'bombing',
  'attack',
  'raid',
  'siege',
  'ambush',
] as const;

/** Of the lower-case heads, those a named place alone (no year) makes a named event: "the Haiti earthquake". */
export const PLACE_NAMED_EVENT_HEADS = ['epidemic', 'earthquake', 'coup', 'tsunami', 'famine', 'genocide', 'bombing', 'massacre', 'massacres', 'crisis', 'attack', 'raid', 'siege', 'ambush'] as const;

/**
 * Of those, the heads any capitalised name makes a named event, known place or not: a massacre, genocide or
 * attack is named after the village or people it struck ("the El Mozote massacre", "the Banjska attack").
 */
export const ANY_NAME_EVENT_HEADS = ['massacre', 'massacres', 'genocide', 'attack', 'raid', 'siege', 'ambush'] as const;

/** Lower-case qualifiers allowed between a year and a head: "the 2014 Ebola epidemic", "the 2011 post-electoral crisis". */
export const EVENT_QUALIFIERS = [
  'ebola',
  'cholera',
  'measles',
  'covid-19',
  'mpox',
  'post-electoral',
  'post-election',
  'constitutional',
  'financial',
  'refugee',
  'hostage',
] as const;

/** Ordinals that open a numbered war: "the Second Congo War", "the First Liberian Civil War". */
export const EVENT_ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth'] as const;

/** Complements a war's head may take: "War of Independence", "War of Attrition". */
export const WAR_COMPLEMENTS = ['Independence', 'Attrition', 'Liberation', 'Secession'] as const;

/** Capitalised words that open a sentence or a clause, never the first word of an event's name. */
export const NOT_EVENT_WORDS = new Set(
  `a an the after before during since following until when while in on at by from of for with without against amid
  since this that these those his her its their our my your as if unlike like ending end start beginning post pre
  what why how who where which yes no and but or so then there here we they he she it i you said says
  last next early late this every each`.split(/\s+/).filter(Boolean),
);
