// Word lists the people rules read: role titles that introduce a name, the portfolios a title takes ("Secretary
// of State"), honorifics before a surname, and the particles that may sit inside a name.

/** Titles that, right before two or three capitalised words, make them a person's name. Longest first when matched. */
export const ROLE_TITLES = [
  'President',
  'Vice-President',
  'Vice President',
  'Prime Minister',
  'Deputy Prime Minister',
  'Foreign Minister',
  'Defence Minister',
  'Defense Minister',
  'Minister',
  'Secretary',
  'Secretary-General',
  'Deputy Secretary-General',
  'Under-Secretary-General',
  'Assistant Secretary-General',
  'Ambassador',
  'Envoy',
  'Special Envoy',
  'Special Representative',
  'Deputy Special Representative',
  'Representative',
  'Coordinator',
  'Resident Coordinator',
  'Humanitarian Coordinator',
  'Commissioner',
  'High Commissioner',
  'Police Commissioner',
  'Commander',
  'Force Commander',
  'Director',
  'Director-General',
  'Executive Director',
  'Chief',
  'Head',
  'Chair',
  'Chairperson',
  'Chairman',
  'Chairwoman',
  'Spokesperson',
  'Spokesman',
  'Spokeswoman',
  'Rapporteur',
  'Special Rapporteur',
  'Adviser',
  'Advisor',
  'Special Adviser',
  'Governor',
  'Senator',
  'Judge',
  'Prosecutor',
  'General',
  'Lieutenant General',
  'Lieutenant-General',
  'Major General',
  'Major-General',
  'Brigadier General',
  'Colonel',
  'Lieutenant Colonel',
] as const;

/** Bodies named after their leader, before the leader's full name: "the Government of Salva Kiir". */
export const LEADER_BODIES = ['Government of', 'Administration of', 'regime of', 'Cabinet of'] as const;

/** Portfolios and offices a title takes after "of" or "for": "Secretary of State", "Minister of Foreign Affairs". */
export const PORTFOLIOS = [
  'State',
  'Foreign Affairs',
  'Foreign Affairs and Cooperation',
  'Foreign Affairs and International Cooperation',
  'Defence',
  'Defense',
  'the Interior',
  'Interior',
  'Justice',
  'Finance',
  'Staff',
  'Mission',
  'Office',
  'Government',
  'Peacekeeping Operations',
  'Peace Operations',
  'Political Affairs',
  'Humanitarian Affairs',
  'Human Rights',
] as const;

/** Honorifics and titles before a surname that join it to the full name given earlier: "Ambassador Thomas-Greenfield". */
export const SURNAME_HONORIFICS = [
  'Mr',
  'Mrs',
  'Ms',
  'Mx',
  'Dr',
  'Prof',
  'Professor',
  'Ambassador',
  'President',
  'Minister',
  'General',
  'Colonel',
  'Judge',
  'Senator',
  'Envoy',
  'Commissioner',
  'Secretary',
  'Chair',
] as const;

/** Particles that may sit inside a person's name: "Mohamed ould Bah", "Peter van Walsum". */
export const NAME_PARTICLES = ['de', 'du', 'da', 'dos', 'van', 'von', 'der', 'den', 'ter', 'ould', 'mint', 'ag', 'bin', 'bint', 'ibn', 'ben', 'al', 'el', 'la', 'le'] as const;

/** Turn labels in capitals that are no names: "QUESTION:", "SUMMARY KEYWORDS:". Lower case. */
export const NOT_NAME_LABELS = new Set(['question', 'answer', 'summary', 'keywords', 'speakers', 'transcript', 'note', 'editor', 'chair', 'moderator', 'host', 'interviewer', 'narrator', 'spokesperson', 'spokesman', 'spokeswoman', 'press', 'briefing', 'correspondent', 'end', 'update', 'photo', 'source', 'caption']);
