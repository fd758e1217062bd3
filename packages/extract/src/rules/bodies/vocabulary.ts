// Head nouns of the bodies a country, mission or organisation names after itself: armed and defence forces,
// a mission's divisions and sections, programmes and commissions ("Kenya Defence Forces", "UNMISS Human Rights Division").

/** Heads of a country's forces, longest first when matched: "Kenya Defence Forces", "Ghana Armed Forces". */
export const FORCE_HEADS = [
  'Defence Forces',
  'Defense Forces',
  'Defence Force',
  'Defense Force',
  'Armed Forces',
  'Security Forces',
  'Special Forces',
  'National Army',
  'National Police',
  'National Guard',
  'Republican Guard',
  'Presidential Guard',
  'Coast Guard',
  'Police Service',
  'Police Force',
  'Air Force',
  'Navy',
  'Army',
  'Gendarmerie',
  'Police',
] as const;

/** Heads of a named body's unit or organ: "UNMISS Human Rights Division", "AU High-Level Implementation Panel". */
export const UNIT_HEADS = [
  'Division',
  'Section',
  'Unit',
  'Office',
  'Branch',
  'Component',
  'Team',
  'Group',
  'Cell',
  'Centre',
  'Center',
  'Service',
  'Programme',
  'Program',
  'Panel',
  'Commission',
  'Committee',
  'Council',
  'Mechanism',
  'Task Force',
  'Board',
  'Fund',
  'Secretariat',
  'Department',
  'Directorate',
  'Ministry',
  'Authority',
  'Agency',
  'Brigade',
  'Battalion',
  'Institute',
  'Network',
  'Coalition',
] as const;

/** Small words that may sit between a body's capitalised words: "Truth and Reconciliation", "Protection of Civilians". */
export const BODY_CONNECTORS = ['and', 'of', 'for', 'on', 'the', '&'] as const;

/** Words of a role title, which make "UNMISS Head of Office" a person's title, not a body. Lower case. */
export const ROLE_MODIFIERS = new Set(['head', 'heads', 'chief', 'director', 'deputy', 'special', 'representative', 'officer', 'commander', 'coordinator', 'spokesperson', 'spokesman', 'spokeswoman', 'adviser', 'advisor', 'minister', 'president', 'secretary', 'envoy', 'chair', 'member', 'members', 'staff', 'former', 'acting']);

/** Heads of a numbered military unit: "10th Mountain Division", "1st Battalion", "Third Army". */
export const MILITARY_UNIT_HEADS = ['Division', 'Brigade', 'Battalion', 'Regiment', 'Corps', 'Army', 'Fleet', 'Squadron', 'Wing', 'Infantry', 'Company', 'Commando', 'Marines'] as const;

/** Ordinals written out that open a numbered unit's name. */
export const UNIT_ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'] as const;
