// Media the media rule recognises by name (wire services, broadcasters, papers, the UN missions' own radios),
// and the words that make a capitalised run a station's name ("Radio Okapi", "Eye Radio", "Mikado FM").

/** Well-known media, written as they usually are. Acronyms match exactly; names in any capitalisation of their first letters. */
export const KNOWN_MEDIA = [
  { label: 'Reuters', forms: ['Reuters'] },
  { label: 'Agence France-Presse', forms: ['Agence France-Presse', 'Agence France Presse', 'AFP'] },
  { label: 'Associated Press', forms: ['Associated Press'] },
  { label: 'Xinhua', forms: ['Xinhua', 'Xinhua News Agency'] },
  { label: 'Anadolu Agency', forms: ['Anadolu Agency', 'Anadolu'] },
  { label: 'Deutsche Presse-Agentur', forms: ['Deutsche Presse-Agentur'] },
  { label: 'Bloomberg', forms: ['Bloomberg News'] },
  { label: 'BBC', forms: ['BBC', 'BBC News', 'BBC World Service', 'British Broadcasting Corporation'] },
  { label: 'CNN', forms: ['CNN'] },
  { label: 'Al Jazeera', forms: ['Al Jazeera', 'Al-Jazeera', 'Aljazeera'] },
  { label: 'France 24', forms: ['France 24', 'France24'] },
  { label: 'Radio France Internationale', forms: ['Radio France Internationale', 'RFI'] },
  { label: 'Voice of America', forms: ['Voice of America', 'VOA'] },
  { label: 'Deutsche Welle', forms: ['Deutsche Welle'] },
  { label: 'The New York Times', forms: ['New York Times'] },
  { label: 'The Washington Post', forms: ['Washington Post'] },
  { label: 'The Guardian', forms: ['The Guardian'] },
  { label: 'Le Monde', forms: ['Le Monde'] },
  { label: 'Jeune Afrique', forms: ['Jeune Afrique'] },
  { label: 'The New Humanitarian', forms: ['The New Humanitarian', 'IRIN'] },
  { label: 'Sudan Tribune', forms: ['Sudan Tribune'] },
  { label: 'Radio Dabanga', forms: ['Radio Dabanga'] },
  { label: 'Radio Okapi', forms: ['Radio Okapi'] },
  { label: 'Radio Miraya', forms: ['Radio Miraya'] },
  { label: 'Radio Tamazuj', forms: ['Radio Tamazuj'] },
  { label: 'Eye Radio', forms: ['Eye Radio'] },
  { label: 'Radio Ndeke Luka', forms: ['Radio Ndeke Luka'] },
  { label: 'Radio Guira', forms: ['Radio Guira', 'Guira FM'] },
  { label: 'Mikado FM', forms: ['Mikado FM'] },
  { label: 'ONUCI FM', forms: ['ONUCI FM'] },
  { label: 'UNMIL Radio', forms: ['UNMIL Radio'] },
  { label: 'Radio Bar-Kulan', forms: ['Radio Bar-Kulan', 'Radio Bar Kulan'] },
  { label: 'Radio Télévision Libre des Mille Collines', forms: ['Radio Télévision Libre des Mille Collines', 'Radio Television Libre des Mille Collines', 'RTLM'] },
] as const;

/** First words of a station's name: "Radio Okapi", "Radio Télévision …", "Télé Congo". */
export const STATION_FIRST_WORDS = ['Radio', 'Télé', 'Tele', 'Télévision', 'Television'] as const;
/** Last words of a station's name: "Eye Radio", "Mikado FM", "Rwanda Television", "Nile TV". */
export const STATION_LAST_WORDS = ['Radio', 'FM', 'TV', 'Television', 'Télévision', 'Broadcasting Corporation', 'Broadcasting Service', 'News Agency', 'Press Agency', 'Wire'] as const;
/** Lower-case nouns right before a medium's name: "on state television ORTM", "the news agency APS", "the newspaper Le Pays". */
export const MEDIUM_NOUNS = ['state television', 'national television', 'public television', 'state radio', 'national radio', 'public radio', 'state broadcaster', 'national broadcaster', 'public broadcaster', 'news agency', 'state news agency', 'newspaper', 'news site', 'news website', 'television channel', 'radio station', 'broadcaster'] as const;
/** Words after "Radio" that make no name: "Radio Station", "Radio Programme". */
export const NOT_STATION_WORDS = new Set(['station', 'stations', 'programme', 'program', 'programmes', 'show', 'broadcast', 'broadcasts', 'host', 'journalist', 'journalists', 'interview', 'network', 'frequency', 'and', 'the', 'in', 'on', 'or', 'is', 'was']);
