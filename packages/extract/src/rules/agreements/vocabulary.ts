// Word lists the agreement rules read: the heads of agreements' names, the heads of ceasefires named by a date,
// the bodies whose resolutions are not the Security Council's, and the words too generic to shorten a name to.

/** Nouns that head an agreement's name: a known agreement's short form ends at the first of them. */
export const AGREEMENT_HEADS = ['Agreement', 'Agreements', 'Accord', 'Accords', 'Treaty', 'Pact', 'Charter', 'Declaration', 'Protocol', 'Convention', 'Plan', 'Roadmap', 'Memorandum'] as const;

/** Heads of an agreement that a date names: "the 23 October 2020 Ceasefire Agreement", "the Peace Agreement of 5 May 2006". */
export const DATED_AGREEMENT_HEADS = [
  'Ceasefire Agreement',
  'Cease-fire Agreement',
  'Cease-Fire Agreement',
  'Cessation of Hostilities Agreement',
  'Agreement on the Cessation of Hostilities',
  'Armistice Agreement',
  'Peace Agreement',
  'Peace Accord',
  'Truce Agreement',
  'Humanitarian Truce',
  'Ceasefire',
  'Truce',
] as const;

/** Months, for dates that name an agreement. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Bodies whose numbered resolutions are not Security Council resolutions ("General Assembly resolution 46/182"). */
export const OTHER_RESOLUTION_BODIES = /(?:General\s+Assembly|Assembly|Human\s+Rights\s+Council|HRC|GA|ECOSOC|Board|Conference|Congress|Parliament|Senate|House)\s+$/u;

/** Words too generic to name an agreement on their own: "the Peace Agreement" shortens nothing. */
export const GENERIC_AGREEMENT_WORDS = new Set(['the', 'peace', 'ceasefire', 'cease-fire', 'comprehensive', 'final', 'general', 'framework', 'political', 'global', 'new', 'joint', 'interim', 'transitional', 'national', 'agreement', 'accord', 'treaty', 'declaration', 'plan', 'charter']);

/** Bodies whose presence makes "the Charter" the UN Charter. */
export const UN_CHARTER_CONTEXT = ['organization:united-nations', 'organization:security-council', 'organization:general-assembly', 'person:antonio-guterres'] as const;

/** Status agreements a mission signs with its host, by the forms they are written in. */
export const STATUS_AGREEMENTS = [
  { pattern: /(?<![\p{L}-])(?:[Ss]tatus[- ]of[- ][Ff]orces\s+[Aa]greement|SOFA)(?![\p{L}-])/gu, label: 'Status-of-Forces Agreement' },
  { pattern: /(?<![\p{L}-])(?:[Ss]tatus[- ]of[- ](?:the[- ])?[Mm]ission\s+[Aa]greement|SOMA)(?![\p{L}-])/gu, label: 'Status-of-Mission Agreement' },
] as const;

/** Heads of laws and other legal instruments named by their subject or number: "Law on …", "Presidential Decision Directive 25", "Executive Order 13224". */
export const LAW_HEADS = ['Law', 'Act', 'Decree', 'Ordinance', 'Directive', 'Order', 'Proclamation'] as const;
