// The recognisers' vocabulary, apart from their code: role titles and honorifics, organisation, place, agreement
// and event head nouns, months and days, name particles, and capitalised words that never start a name.

const list = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Honorifics and role words that precede or make up a title, never a name. Lower case. */
export const ROLE_WORDS = list(`
mr mrs ms mx dr prof professor sir dame lord lady madam mister miss rev reverend hon honourable honorable his her excellency
president vice prime minister secretary general secretary-general under-secretary-general under-secretary under assistant
deputy special representative coordinator envoy adviser advisor ambassador chief head director executive chair chairman
chairwoman chairperson commander force lieutenant colonel major captain sergeant admiral marshal governor senator
brigadier corporal commodore commandant superintendent inspector
spokesperson spokesman spokeswoman officer officers researcher research analyst editor reporter correspondent host
moderator founder king queen prince princess emperor pope bishop archbishop cardinal imam sheikh ayatollah mufti rabbi pastor
monsignor patriarch judge justice prosecutor registrar
high commissioner commissioner rapporteur expert experts member members mayor premier chancellor foreign defence defense
interior affairs acting former late senior junior associate programme program manager officer-in-charge
lt col gen maj capt sgt brig adm cdr gov sen amb
`);

/** Nouns that make a capitalised run an organisation when they head it (English, then French, Spanish, Portuguese). Lower case. */
export const ORGANIZATION_HEADS = list(`
ministry department centre center council agency office organization organisation union fund programme program
commission committee institute university bank court foundation association network group front movement army party
coalition alliance corporation company police service secretariat tribunal assembly parliament government society
federation board authority brigade battalion militia force forces academy college school hospital trust guard
institution observatory watch league bureau directorate inc ltd llc mechanism panel senate congress
mouvement rassemblement parti conseil comite comité armee armée frente movimiento partido ejercito ejército fuerzas comision
comisión uniao união
`);

/** Nouns that make a capitalised run a place. Lower case. */
export const PLACE_HEADS = list(`
city province region district county island islands river lake mountains mountain valley street square airport
prefecture territory village town camp base peninsula desert sea ocean gulf bay coast plateau highlands hotel
stadium bridge market area
`);

/** Months, days and other capitalised words that are never names on their own. Lower case. */
export const NEVER_NAMES = list(`
january february march april may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
i i'm i've i'd i'll we you he she they it this that these those there here the a an and but or so yes no okay ok
well now then thank thanks welcome hello hi good great excellent absolutely indeed also however therefore
mr mrs ms dr english arabic spanish portuguese russian chinese swahili headquarters chapter article resolution
paragraph annex section session phase part volume item agenda report page figure table north south east west
northern southern eastern western central northeast northwest southeast southwest
`);

/** Honorifics and titles that, right before a name, mark it as a person's. Lower case. */
export const HONORIFICS = list(`
mr mrs ms mx dr prof professor sir dame lord lady madam mister miss president minister ambassador secretary-general
under-secretary-general general colonel lieutenant captain sergeant admiral marshal governor senator judge king queen
prince princess pope bishop archbishop cardinal imam sheikh ayatollah mufti rabbi pastor monsignor patriarch reverend
mayor premier chancellor envoy representative coordinator spokesperson
spokesman spokeswoman commander chairman chairwoman chairperson director chief head rapporteur commissioner
major brigadier corporal commodore commandant superintendent inspector
lt col gen maj capt sgt brig adm cdr gov sen amb
`);

/** Particles that may sit inside a person's name. Lower case. */
export const PERSON_CONNECTORS = list('de du la le al el bin ibn bint ben van von der den da dos das y di ter ten ould mint ag');

/** Particles that, inside a run of capitalised words, make it a person's name: "Peter van Walsum", "Mohamed Lemine ould Bah". Lower case. */
export const PERSON_ONLY_PARTICLES = list('van von ould mint ag bin bint ibn ben ter ten');

/** Words that may sit inside a name between capitalised words. Lower case. */
export const NAME_CONNECTORS = list('of the for de du la le al el bin ibn bint ben van von der den da dos das y on and ould mint ag');

/** Appositions that mark the name before them as a person ("X, the head of ..."). */
export const PERSON_APPOSITION =
  /^,\s+(?:the\s+|a\s+|an\s+|our\s+|who\s+|former\s+|then\s+)*(?:[\w'’-]+\s+){0,3}(?:head|chief|director|leader|president|minister|ambassador|spokesperson|spokesman|spokeswoman|representative|envoy|commander|coordinator|founder|secretary|professor|author|editor|deputy|special|who|executive|chair|adviser|advisor|researcher|whose|diplomat|journalist|lawyer|activist|politician|economist|historian|scholar|mediator|officer)\b/i;

/**
 * Verbs after a name that only a person's name takes: saying ("X said", "X told") and what befalls or is done
 * by one person ("Siad Barre fled", "X resigned", "X was assassinated").
 */
export const PERSON_VERB_AFTER =
  /^\s+(?:said|says|told|added|noted|stressed|explained|argued|recalled|warned|asked|replied|insisted|fled|resigned|died|wrote|(?:was|had\s+been)\s+(?:assassinated|killed|murdered|arrested|elected|appointed|sworn\s+in|born|ousted|overthrown|deposed|kidnapped|abducted))\b/i;

/** First words that make a run a place: "Jebel Marra", "Mount Nyiragongo", "Wadi Halfa", "Lake Kivu", "Camp Faouar". */
export const PLACE_FIRST_WORDS = new Set(['jebel', 'jabal', 'djebel', 'mount', 'mont', 'lake', 'lac', 'wadi', 'oued', 'cape', 'bahr', 'camp', 'fort']);

/** Head nouns that make a run an agreement or an event. Lower case. */
export const AGREEMENT_HEADS = new Set('agreement agreements accord accords declaration treaty convention protocol charter pact communique communiqué plan'.split(' '));

/** First words that make a run a named event: storms are named like people ("Storm Daniel", "Cyclone Idai"). */
export const EVENT_FIRST_WORDS = new Set(['storm', 'cyclone', 'hurricane', 'typhoon']);

/** Head nouns that make a run a named event (meetings, tracks, initiatives). Lower case. */
export const EVENT_HEADS = new Set('conference summit initiative talks forum dialogue week'.split(' '));

/** Heads of a mission's name that its own texts use alone, capitalised, for it: "the Mission", "the Force". */
export const MISSION_SHORT_HEADS = ['Mission', 'Force', 'Operation', 'Office'];

/** Heads of a body's name used alone for the one body of that kind a document names: "the Commission". */
export const BODY_SHORT_HEADS = ['Commission', 'Committee', 'Tribunal'];

/** Small words a title-case headline leaves in lower case; they do not count against its capitals. */
export const HEADLINE_SMALL_WORDS = new Set(['with', 'from', 'into', 'over', 'near', 'after', 'amid', 'than', 'that', 'this', 'their', 'about', 'upon', 'onto']);
