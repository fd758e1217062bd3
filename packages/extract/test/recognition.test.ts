// Recognition and resolution rules, one table row per rule: acronyms, possessives, diacritics, nesting,
// demonyms, ambiguous aliases, descriptive mission references, person joining and NER junk filters.
import { describe, expect, it } from 'vitest';
import { extract, mentionCount, mentionedIds } from './helpers.ts';

describe('lexicon recognition', () => {
  const rows: [rule: string, text: string, expected: string[]][] = [
    ['acronym matches as written', 'MONUSCO was deployed in 2010.', ['mission:monusco']],
    ['acronym does not match in lower case', 'The word monusco in lower case is not the mission.', []],
    ['possessive maps to the entity', "MONUSCO's mandate was renewed.", ['mission:monusco']],
    ['plural possessive maps to the entity', "We depend on Member States' contributions.", ['organization:member-states']],
    ['diacritics folded', "Troops left Cote d'Ivoire.", ['country:civ']],
    ['typographic apostrophe folded', 'Troops left Côte d’Ivoire.', ['country:civ']],
    ['diacritic-free spelling of an alias with diacritics', 'Turkiye hosted the talks.', ['country:tur']],
    ['lower-case initials of a multi-word name', 'The Algiers agreement and the pact for the future were cited.', ['agreement:algiers-agreement', 'agreement:pact-for-the-future']],
    ['lower-case concept and sentence-initial capital', 'Protection of civilians matters. So does protection of civilians.', ['concept:protection-of-civilians']],
    ['one-word proper name needs its capital', 'We had turkey for dinner.', []],
    ['nested name is not a second mention', 'The United Nations Multidimensional Integrated Stabilization Mission in Mali closed.', ['mission:minusma']],
    ['demonyms are never mentions', 'Malian troops met French and Congolese officers.', []],
    ['word inside a longer word is not a mention', 'The Malians and Haitians met.', []],
    ['ambiguous alias alone is dropped', 'CAR is unstable.', []],
    ['ambiguous alias with the unambiguous name in the document', 'The Central African Republic held elections. CAR is calmer.', ['country:caf']],
    ['ambiguous alias shared by two named entities is dropped', 'The DRC and the Republic of the Congo met. Congo was the topic.', ['country:cod', 'country:cog']],
    ['"the Council" without the Security Council named', 'The Council met on Monday.', []],
    ['"the Council" with the Security Council named', 'The Security Council met. The Council adopted it.', ['organization:security-council']],
    ['descriptive mission reference by host country', 'Our mission in Mali was closed.', ['mission:minusma']],
    ['descriptive reference prefers UN missions over AU operations', 'The UN peacekeeping operation in Mali ended.', ['mission:minusma']],
    ['descriptive reference with "peacekeeping operation in the"', 'The peacekeeping operation in the Central African Republic grew.', ['mission:minusca']],
    ['descriptive reference uses the year in the sentence', 'In 2018 the UN mission in Haiti was winding down.', ['mission:minujusth']],
    ['descriptive reference uses the active mission', 'In 2005 the UN mission in the DRC grew.', ['mission:monuc']],
    ['a decade is not a year: without a date the most recent mission', 'In the 2000s our mission in Haiti grew.', ['mission:binuh']],
    ['coordinated countries pick out no single mission: they stay countries', "He visited the UN's operations in the Central African Republic and Mali.", ['country:caf', 'country:mli']],
    ['a plural "missions" after countries stays countries', 'The Central African Republic was discussed. Then the Mali and CAR missions were created.', ['country:caf', 'country:mli']],
    ['a plural "operations in" stays a country', 'UN peacekeeping operations in Mali faced attacks.', ['country:mli']],
    ['a country mission with a determiner', 'We recalled the Mali mission and its closure.', ['mission:minusma']],
    ['a year when two missions served is ambiguous: the country stays', 'In 2017 the UN mission in Haiti was changing.', ['country:hti']],
    ['a country without a mission stays a country', 'The UN mission in France is a diplomatic office.', ['country:fra']],
    ['other operations in a country are not UN missions', 'French military operations in Mali ended.', ['country:mli']],
    ['the capital named in the sentence resolves an ambiguous alias', 'The DRC and the Republic of the Congo met. The representative of the Congo said Brazzaville agreed.', ['country:cod', 'country:cog', 'place:brazzaville']],
    ['an ambiguous acronym resolves to the one candidate whose host country the document names', 'Kenyan police arrived in Haiti. The MSS began patrols.', ['country:hti', 'mission:mss']],
    ['an ambiguous acronym shared by two groups resolves by the country the document names', 'Fighters of the UPC attacked a market in the Central African Republic.', ['country:caf', 'organization:union-for-peace-in-the-central-african-republic']],
    ['an ambiguous acronym with no anchor named stays out', 'Fighters of the UPC attacked a market.', []],
    ['an ambiguous acronym whose candidates are both anchored stays out', 'The DRC and the Central African Republic met. The UPC was discussed.', ['country:caf', 'country:cod']],
    ['a longer name starting inside a shorter match wins ("the Alliance" must not hide it)', 'Mali, Niger and Burkina Faso formed the Alliance of Sahel States.', ['country:mli', 'organization:alliance-of-sahel-states']],
    ["a surname resolves to the one lexicon person whose role the document names", "The Secretary-General's envoy reported back to Guterres.", ['person:antonio-guterres']],
    ['a surname alone, with no role named, stays out', 'The envoy reported back to Guterres.', []],
    ["a person's country is no anchor for a surname", 'The envoy flew to Portugal and reported back to Guterres.', ['country:prt']],
    ['a dateline in capitals', 'PORT-AU-PRINCE, Haiti — The mission left.', ['country:hti', 'place:port-au-prince']],
    ['a resolution cited by number is an agreement; the Council inside it is nested', 'Under Security Council resolution 2284 (2016) the mission closed.', ['agreement:resolution-2284']],
    ['a resolution without the Council', 'The Council renewed it under resolution 2098. The Security Council agreed.', ['agreement:resolution-2098', 'organization:security-council']],
    ['an ambiguous form at the end of a longer capitalised name is part of that name', 'The Security Council met. The Transitional Presidential Council named a minister.', ['organization:security-council']],
    ['an ambiguous form after a small capitalised word still counts', 'The Security Council met. In Council members\' view it was late.', ['organization:security-council']],
    ['a country-bound name without its demonym, in a text about that country', 'Gangs attacked a station in Haiti. The National Police sent reinforcements.', ['country:hti', 'organization:haitian-national-police']],
    ['a country-bound name without its "of <country>"', 'Victims testified in Mali before the Reconciliation Commission last week.', ['country:mli', 'organization:reconciliation-commission-of-mali']],
    ['a country-bound name without its "(<country>)"', 'Mali held talks. The National Accord was then signed.', ['agreement:national-accord-mali', 'country:mli']],
    ['a country-bound short name with its country not named stays out', 'The National Police sent reinforcements.', []],
    ['a country-bound short name inside a longer name is not it', 'Haiti asked for help. The Congolese National Police sent officers.', ['country:hti']],
    ['an ambiguous acronym resolves to the candidate whose country the text is about (named twice as often)', 'Fighters of the UPC attacked a market in the Central African Republic. The Central African Republic asked for help; some refugees reached the DRC.', ['country:caf', 'country:cod', 'organization:union-for-peace-in-the-central-african-republic']],
    ['an operation\'s short name after its full name', 'Operation Serval began in January. French troops of the Serval force then reached Timbuktu.', ['mission:operation-serval', 'place:timbuktu']],
    ['a meeting\'s short name after its full name', 'The Bonn Conference set a timetable. Since Bonn, little has moved.', ['event:bonn-conference']],
    ['a short name before the full name is not counted', 'Serval was a word first. Operation Serval came later.', ['mission:operation-serval']],
    ['a short name that is a lexicon place stays the place', 'The Bamako Accord was signed. Bamako celebrated.', ['agreement:bamako-accord', 'place:bamako']],
  ];
  it.each(rows)('%s', (_rule, text, expected) => {
    expect(mentionedIds(text)).toEqual(expected);
  });

  it('counts an ambiguous form after a small capitalised word but not inside a longer name', () => {
    expect(mentionCount('The Security Council met. In Council debates it was named. The Transitional Presidential Council met.', 'organization:security-council')).toBe(2);
  });

  it('counts every use of an operation\'s short name once the full name is written', () => {
    expect(mentionCount('Operation Serval began in January. Serval ended in 2014; Serval troops stayed.', 'mission:operation-serval')).toBe(3);
  });

  it('counts a name with and without diacritics as one node with both surfaces', () => {
    const result = extract("Côte d'Ivoire and Cote d'Ivoire are one country.");
    expect(result.entities).toEqual([{ id: 'country:civ', label: "Côte d'Ivoire", type: 'country', aliases: ["Cote d'Ivoire", "Côte d'Ivoire"], mentions: 2 }]);
  });

  it('resolves an ambiguous alias only after the document names the entity, wherever that is', () => {
    expect(mentionCount('CAR comes first. Later the Central African Republic is named.', 'country:caf')).toBe(2);
  });
});

describe('people', () => {
  const rows: [rule: string, text: string, id: string, mentions: number][] = [
    ['surname and Mr. Surname join the full name', 'Jean-Pierre Lacroix arrived. Mr. Lacroix spoke. Lacroix left.', 'person:jean-pierre-lacroix', 3],
    ['title joined by hyphen', 'Jean-Pierre Lacroix arrived. We welcome Under-Secretary-Lacroix here.', 'person:jean-pierre-lacroix', 2],
    ['title before a lexicon surname', 'Secretary-General Guterres said so.', 'person:antonio-guterres', 1],
    ['title stripped from a lexicon name', 'Secretary-General António Guterres said so.', 'person:antonio-guterres', 1],
    ['a bare surname alone is not guessed', 'Guterres said so.', 'person:antonio-guterres', 0],
  ];
  it.each(rows)('%s', (_rule, text, id, mentions) => {
    expect(mentionCount(text, id)).toBe(mentions);
  });

  it('finds people the lexicon does not know, without their titles, and joins their surnames', () => {
    const result = extract('Under-Secretary-General Jean-Pierre Lacroix and Mahamat Saleh Annadif, the head of the mission, met. Annadif spoke first.', true);
    const person = result.entities.find((entity) => entity.id === 'person:mahamat-saleh-annadif');
    expect(person).toMatchObject({ label: 'Mahamat Saleh Annadif', type: 'person', mentions: 2, aliases: ['Annadif', 'Mahamat Saleh Annadif'] });
  });

  it('makes transcript speakers people and joins them with their mentions', () => {
    const result = extract('Jane Doe 00:01\n\nWelcome. I am Jane Doe, and Ms. Doe is me.\n\nJohn Roe 00:09\n\nThanks, Doe.\n', true);
    expect(result.entities.find((entity) => entity.id === 'person:jane-doe')).toMatchObject({ type: 'person', mentions: 3, speakerSentences: 2 });
    expect(result.entities.find((entity) => entity.id === 'person:john-roe')).toMatchObject({ type: 'person', mentions: 0, speakerSentences: 1, aliases: ['John Roe'] });
  });
});

describe('names the lexicon does not know (NER) are filtered for junk', () => {
  const rows: [rule: string, text: string][] = [
    ['role titles are not people', 'The Under-Secretary-General and the Special Coordinator met the Research Director.'],
    ['headline capitals are not names', 'SECURITY COUNCIL MEETS ON PEACEKEEPING REFORM today.'],
    ['verb fragments are not organisations', 'The Security Council met. Then Says Council members agreed.'],
    ['months and days are not names', 'We met in January and again on Monday in March.'],
    ['single capitalised sentence-initial words are not names', 'Excellent. Absolutely. Welcome everyone.'],
    ['numbered and abstract nouns after "in" are not places', 'Action in Chapter VII and in Annex 3 was taken in Administration.'],
    ['languages and institutional nouns are not places', 'She spoke in English at Headquarters.'],
    ['demonyms before other words are not countries', 'The Malian troops and French soldiers left Mali.'],
  ];
  it.each(rows)('%s', (_rule, text) => {
    const result = extract(text, true);
    const unknown = result.entities.filter((entity) => !['country:mli', 'organization:security-council'].includes(entity.id));
    expect(unknown.map((entity) => entity.id)).toEqual([]);
  });

  it('keeps a demonym that begins an organisation name, without a country mention', () => {
    const result = extract('The Malian Armed Forces took over the camp.', true);
    expect(result.entities.map((entity) => entity.id)).toEqual(['organization:malian-armed-forces']);
  });

  const nameRows: [rule: string, text: string, expected: string[]][] = [
    ['places listed beside a known place', 'Signatories were killed in Cauca, Nariño and Antioquia.', ['place:antioquia', 'place:cauca', 'place:narino']],
    ['a head noun after a place makes one name (the place inside is nested)', 'They visited the Timbuktu Super Camp.', ['place:timbuktu-super-camp']],
    ['an agreement named after a place', 'The Bamako Declaration was signed.', ['agreement:bamako-declaration']],
    ['"and" inside an organisation name', 'The Truth and Reconciliation Commission met.', ['organization:truth-and-reconciliation-commission']],
    ['"and" between two people', 'It was signed by President Juan Manuel Santos and Rodrigo Londoño.', ['person:juan-manuel-santos', 'person:rodrigo-londono']],
    ['a name caption in capitals', 'JOSEPH TOKPAH, former combatant: I laid down my gun. Tokpah now runs a workshop.', ['person:joseph-tokpah']],
    ['a photo credit names a person', 'Photo: MINUSMA/Sylvain Liechti', ['mission:minusma', 'person:sylvain-liechti']],
    ['an apposition with a role names a person', 'Farid Zarif, the mission’s last head, said so.', ['person:farid-zarif']],
    ['a title-case headline proposes no names from its capitals', 'Peacekeepers Caught in Crossfire as Fighting Spreads Near Bamako\n\nThe convoy was hit.', ['place:bamako']],
    ['a sentence of capitalised names is no headline: it still yields names', 'Colonel Zoran Petrovic met Major Ana Silva in Bamako.', ['person:ana-silva', 'person:zoran-petrovic', 'place:bamako']],
    ['a military title introduces a person whose first name the tagger does not know', 'The Force Commander, Lieutenant General Aroldo Lázaro, urged restraint. General Lázaro met the press.', ['person:aroldo-lazaro']],
    ['a first name written with diacritics is known like its plain spelling', 'Sérgio Vieira de Mello, the Transitional Administrator, spoke.', ['person:sergio-vieira-de-mello']],
    ['a name caption in capitals with a capitalised role', 'ADAMA KONE, former Minister of Defence:\nWe waited for years.', ['person:adama-kone']],
    ['abbreviated military ranks introduce a person', 'Lt. Col. Ndivhuwo Mabaya spoke. Maj. Gen. Kwame Boateng arrived.', ['person:kwame-boateng', 'person:ndivhuwo-mabaya']],
    ['a demonym of several words belongs to the organisation it begins', 'He spoke for the South Sudanese National Defence Force.', ['organization:south-sudanese-national-defence-force']],
    ['an honorific introduces a person whose names the tagger does not know', 'Ms. Ngozi Adeyemi chaired the meeting.', ['person:ngozi-adeyemi']],
    ['a double surname after a title', 'María Ángela Holguín Cuéllar was appointed. Ms. Holguín is a negotiator.', ['person:maria-angela-holguin-cuellar']],
    ['part of a longer name is the same person', 'Carlos Ruiz Massieu leads the mission. Ruiz Massieu has also pushed for it.', ['person:carlos-ruiz-massieu']],
    ['a government described by its leader is not a name', 'The Government of President Touadera agreed.', []],
    ['a role and a comma before a name set off by commas introduce a person', 'The head of the office, Alou Traoré Kané, met the press.', ['person:alou-traore-kane']],
    ['a list of domains after a role is no person, nor a list of places', 'She was Director for Africa, Regional Partnerships, Gender Affairs and Youth at the agency.', ['place:africa']],
    ['an organisation head inside a run, followed by its complement, makes an organisation', 'The Interim Government of National Concord took office.', ['organization:interim-government-of-national-concord']],
    ['a monitoring mechanism is an organisation', 'The Joint Ceasefire Verification Mechanism reported violations.', ['organization:joint-ceasefire-verification-mechanism']],
    ['a body named after an agreement is an organisation', 'The Ceasefire Agreement Monitoring Commission met in Juba.', ['organization:ceasefire-agreement-monitoring-commission', 'place:juba']],
    ['the full name after the title in "Government of President X Y" is a person', 'The Government of President Amadou Bello Sanogo agreed.', ['person:amadou-bello-sanogo']],
    ['"on" after a head noun continues the name', 'The Committee on Enforced Disappearances wrote to the Protocol on Non-Aggression signatories.', ['agreement:protocol-on-non-aggression', 'organization:committee-on-enforced-disappearances']],
    ['"on" after a non-head word ends the name', 'Talks with Jean-Pierre Lacroix on Timbuktu continued.', ['person:jean-pierre-lacroix', 'place:timbuktu']],
    ['a capitalised run before a lower-case "militia" is an armed group', 'Villagers fled raids by the Kata Mbolo Ndege militia in the north.', ['organization:kata-mbolo-ndege']],
    ['a capitalised run before a lower-case "conference" is a named meeting', 'Hopes rose at the Lucerne Hills conference in spring.', ['event:lucerne-hills-conference']],
    ['a known place before a lower-case "conference" stays the place', 'Hopes rose at the Bamako conference in spring.', ['place:bamako']],
  ];
  it.each(nameRows)('%s', (_rule, text, expected) => {
    const ids = extract(text, true).entities.map((entity) => entity.id).sort();
    expect(ids).toEqual(expected);
  });

  it('finds a place after a locative preposition and an organisation by its head noun', () => {
    const ids = extract('The convoy arrived in Timbuktu before the Ministry of Foreign Affairs met in Bamako.', true).entities.map((entity) => entity.id);
    expect(ids).toEqual(expect.arrayContaining(['place:timbuktu', 'organization:ministry-of-foreign-affairs', 'place:bamako']));
  });
});

describe('co-mentions', () => {
  it('links every pair of distinct entities in a sentence, source before target, with the sentence as evidence', () => {
    const result = extract('MONUSCO and MINUSCA briefed the Security Council. MONUSCO briefed again.');
    expect(result.coMentions).toEqual([
      { source: 'mission:minusca', target: 'mission:monusco', sentence: 0 },
      { source: 'mission:minusca', target: 'organization:security-council', sentence: 0 },
      { source: 'mission:monusco', target: 'organization:security-council', sentence: 0 },
    ]);
    expect(result.sentences.map((sentence) => sentence.index)).toEqual([0, 1]);
  });

  it('keeps only sentences that carry mentions, with mention offsets into their text', () => {
    const result = extract('Nothing here. MONUSCO is here. Nothing again.');
    expect(result.sentences).toEqual([{ index: 1, text: 'MONUSCO is here.' }]);
    expect(result.mentions).toEqual([{ entity: 'mission:monusco', sentence: 1, start: 0, end: 7, surface: 'MONUSCO' }]);
    expect(result.document.sentenceCount).toBe(3);
  });
});

describe('acronyms defined in the document', () => {
  const rows: [rule: string, text: string, id: string, mentions: number][] = [
    // The name, the acronym in parentheses and the later acronym: three mentions.
    ['a new name spelled out before its acronym is found, and the acronym after it', 'Raids by the Kata Mbolo Ndege Front (KMNF) grew. Later the KMNF denied it.', 'organization:kata-mbolo-ndege-front', 3],
    ['a name in French headed by its organisation noun', 'The Mouvement pour la renaissance du Nord (MRN) signed. The MRN then split.', 'organization:mouvement-pour-la-renaissance-du-nord', 3],
    ['an acronym after a lexicon name names that entity', 'The Alliance of Sahel States (AES) met in Bamako. The AES chose a new chair.', 'organization:alliance-of-sahel-states', 3],
    ['an acronym before a name in parentheses names that entity', 'The AES (Alliance of Sahel States) met. Then the AES expanded.', 'organization:alliance-of-sahel-states', 3],
    ['small words inside the name are skipped by the initials', 'The Front for Unity and Renewal of the North (FURN) attacked. FURN fighters withdrew.', 'organization:front-for-unity-and-renewal-of-the-north', 3],
    ['an acronym after a longer name ending in a known form belongs to the longer name', 'The Security Council met. The Transitional Presidential Council (CPT) named a minister. The CPT then met.', 'organization:transitional-presidential-council', 3],
    ['a mission defined with its acronym takes the acronym as id', 'The Regional Protection Mission (RPM) deployed. RPM troops patrolled.', 'mission:rpm', 3],
  ];
  it.each(rows)('%s', (_rule, text, id, mentions) => {
    expect(mentionCount(text, id, true)).toBe(mentions);
  });

  const junk: [rule: string, text: string][] = [
    ['a role with its acronym is no entity', 'The Special Representative of the Secretary-General (SRSG) and the Head of Mission (HoM) spoke.'],
    ['a plural category with its acronym is no entity', 'Internally Displaced People (IDPs) returned home.'],
    ['common words with an acronym are no name', 'Quick Impact Projects (QIP) and an Improvised Explosive Device (IED) were found.'],
    ['initials that do not spell the acronym find nothing', 'The Green Valley Farmers (XYZ) met.'],
  ];
  it.each(junk)('%s', (_rule, text) => {
    expect(extract(text, true).entities.map((entity) => entity.id)).toEqual([]);
  });
});
