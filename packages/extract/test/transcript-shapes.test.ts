// One fixture per transcript shape as the tools export it (Otter, Rev/Descript, Zoom and Teams WebVTT, YouTube's
// automatic captions, bracketed times, capitals Q&A, Q:/A:, glued caption timestamps, a two-turn Q&A): each
// holds its speakers, times, sentence joins, entities and date, and no speaker label is read as a mention.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultLexicon, extractDocument, readDocument } from '../src/index.ts';
import { testLexicon } from './helpers.ts';

const dir = fileURLToPath(new URL('./fixtures/transcripts/', import.meta.url));

interface Shape {
  file: string;
  format: string;
  speakers: string[];
  /** Sentences that must be read whole, with their speaker and time. */
  sentences: { text: string; speaker?: string; time?: string }[];
  entities: string[];
  date?: string;
  sentenceCount?: number;
}

const shapes: Shape[] = [
  {
    file: 'otter-sahel-briefing.txt',
    format: 'transcript',
    speakers: ['Amara Diallo', 'Jean-Pierre Lacroix'],
    sentences: [
      { text: 'Welcome to the Sahel Briefing.', speaker: 'Amara Diallo', time: '00:04' },
      // Joined across the page break, its running line and Otter's footer, and the repeated speaker header.
      { text: 'The Security Council ended the mandate in June 2023, and the peacekeepers left Bamako and the north in the months that followed, while the protection of civilians remained our first concern until the last convoy.', speaker: 'Jean-Pierre Lacroix', time: '00:19' },
      { text: 'Not directly.', speaker: 'Jean-Pierre Lacroix', time: '01:10' },
    ],
    // "protection of civilians" is whole again once the page break between its words is gone.
    entities: ['concept:protection-of-civilians', 'country:mli', 'mission:minusma', 'organization:african-union', 'organization:security-council', 'place:bamako'],
    date: '2025-06-04',
    sentenceCount: 7,
  },
  {
    file: 'rev-goma-interview.txt',
    format: 'transcript',
    speakers: ['Jane Okafor', 'Samuel Mbeki'],
    sentences: [
      { text: 'Our guest today has worked with MONUSCO in Goma for six years.', speaker: 'Jane Okafor', time: '00:00:01' },
      { text: 'MONUSCO has been in the Democratic Republic of the Congo since 2010, and before that MONUC carried the mandate from 1999.', speaker: 'Samuel Mbeki', time: '00:00:09' },
      { text: 'Every year, usually in December.', speaker: 'Samuel Mbeki', time: '00:01:05' },
    ],
    entities: ['country:cod', 'mission:monuc', 'mission:monusco', 'organization:security-council', 'place:goma'],
    sentenceCount: 6,
  },
  {
    file: 'zoom-coordination-call.vtt',
    format: 'vtt',
    speakers: ['Grace Mensah', 'Pedro Alves'],
    sentences: [
      { text: 'Good morning, everyone, and welcome to the weekly coordination call on South Sudan.', speaker: 'Grace Mensah', time: '00:00:01.200' },
      { text: 'The mission moved two patrols to the Upper Nile this week.', speaker: 'Pedro Alves', time: '00:00:08.900' },
    ],
    entities: ['country:ssd', 'mission:unmiss', 'organization:african-union', 'place:juba'],
    sentenceCount: 5,
  },
  {
    file: 'teams-minusca-meeting.vtt',
    format: 'vtt',
    speakers: ['Leila Haddad', 'Omar Farouk'],
    sentences: [
      { text: "We need to talk about MINUSCA's patrols near the border with South Sudan.", speaker: 'Leila Haddad', time: '00:00:02.150' },
      { text: 'The Security Council asked for a report by June.', speaker: 'Omar Farouk', time: '00:00:08.500' },
    ],
    entities: ['country:ssd', 'mission:minusca', 'organization:security-council'],
    date: '2025-03-17',
    sentenceCount: 2,
  },
  {
    file: 'youtube-auto-captions.vtt',
    format: 'vtt',
    speakers: [],
    // Each rolling line read once, the inline word timings gone.
    sentences: [{ text: 'welcome to the briefing on monusco and the security situation in goma the mission has been there since twenty ten', time: '00:00:00.000' }],
    // Read without capitals (rules/lexicon/scan.ts); the test lexicon has no Goma.
    entities: ['mission:monusco'],
    sentenceCount: 1,
  },
  {
    file: 'bracket-time-name.txt',
    format: 'transcript',
    speakers: ['Fatima Sow', 'Lucas Moreau'],
    sentences: [
      { text: 'We are here to discuss the transition in Mali.', speaker: 'Fatima Sow', time: '00:00:05' },
      { text: 'After MINUSMA left, the African Union and the Alliance of Sahel States took different positions on the security arrangements.', speaker: 'Lucas Moreau', time: '00:00:14' },
    ],
    entities: ['country:mli', 'mission:minusma', 'organization:african-union', 'organization:alliance-of-sahel-states', 'place:bamako'],
    sentenceCount: 4,
  },
  {
    file: 'name-bracket-time.txt',
    format: 'transcript',
    speakers: ['Ingrid Larsen', 'Mateo Ruiz'],
    sentences: [
      { text: 'The mission in Haiti is the first topic.', speaker: 'Ingrid Larsen', time: '00:00:03' },
      { text: 'BINUH has reported on the Haitian National Police and its needs.', speaker: 'Mateo Ruiz', time: '00:00:12' },
    ],
    entities: ['mission:binuh', 'mission:mss', 'organization:haitian-national-police'],
    sentenceCount: 4,
  },
  {
    file: 'caps-qa-haysom.txt',
    format: 'transcript',
    speakers: ['Interviewer', 'Nicholas Haysom'],
    sentences: [
      { text: 'What is the situation in South Sudan today?', speaker: 'Interviewer' },
      { text: 'UNMISS is still protecting civilians in the camps, and we are preparing for the elections with the African Union.', speaker: 'Nicholas Haysom' },
    ],
    // The title line names UN Radio, a broadcaster (media are organisations, data/eval/GUIDELINES.md).
    entities: ['country:ssd', 'mission:unmiss', 'organization:african-union', 'organization:un-radio', 'place:juba'],
    date: '2024-05-02',
    sentenceCount: 5,
  },
  {
    file: 'q-and-a-oral-history.txt',
    format: 'transcript',
    speakers: ['Q', 'A'],
    sentences: [
      { text: 'When did you first work with MINUSMA?', speaker: 'Q' },
      { text: 'Timbuktu was where I spent most of that year.', speaker: 'A' },
    ],
    entities: ['country:mli', 'mission:minusma', 'place:bamako', 'place:timbuktu'],
    sentenceCount: 5,
  },
  {
    file: 'glued-timestamps-captions.txt',
    format: 'transcript',
    speakers: [],
    sentences: [
      { text: 'The Security Council voted unanimously.', time: '00:10' },
      { text: 'MINUSMA had been deployed since 2013.', time: '00:14' },
    ],
    entities: ['mission:minusma', 'organization:security-council'],
    sentenceCount: 3,
  },
  {
    file: 'two-turn-q-and-a.txt',
    format: 'transcript',
    speakers: ['Interviewer', 'Bintou Keita'],
    sentences: [
      { text: 'What did the Security Council decide about MONUSCO this week?', speaker: 'Interviewer' },
      { text: 'It extended the mandate for a year, with a plan for the withdrawal from South Kivu.', speaker: 'Bintou Keita' },
    ],
    entities: ['mission:monusco', 'organization:security-council'],
    sentenceCount: 2,
  },
];

describe('transcript shapes', () => {
  it.each(shapes.map((shape) => [shape.file, shape] as const))('%s', (file, shape) => {
    const text = readFileSync(dir + file, 'utf8');
    const parsed = readDocument({ id: file, text });
    expect(parsed.format).toBe(shape.format);
    expect(parsed.speakers).toEqual(shape.speakers);
    for (const expected of shape.sentences) {
      const found = parsed.sentences.find((sentence) => sentence.text === expected.text);
      expect(found, expected.text).toBeDefined();
      expect(found?.speaker).toBe(expected.speaker);
      expect(found?.time).toBe(expected.time);
    }
    if (shape.sentenceCount !== undefined) expect(parsed.sentences).toHaveLength(shape.sentenceCount);
    expect(parsed.date).toBe(shape.date);
    const extraction = extractDocument({ id: file, text }, { lexicon: testLexicon });
    expect(extraction.entities.filter((entity) => entity.mentions > 0).map((entity) => entity.id)).toEqual(shape.entities);
    // A speaker label is never in the text of a sentence, so it is never a mention of anyone.
    for (const sentence of parsed.sentences) {
      for (const speaker of [...parsed.speakers, ...parsed.speakers.map((name) => name.toUpperCase())]) {
        expect(sentence.text.startsWith(`${speaker}:`) || sentence.text.startsWith(`${speaker} `) && /\d:\d\d/.test(sentence.text.slice(0, 40))).toBe(false);
      }
    }
    for (const speaker of parsed.speakers) {
      const spoken = extraction.mentions.filter((mention) => mention.surface === speaker || mention.surface.toUpperCase() === speaker.toUpperCase());
      expect(spoken, `${speaker} mentioned by their own label`).toEqual(
        spoken.filter((mention) => extraction.sentences.find((sentence) => sentence.index === mention.sentence)?.speaker !== speaker),
      );
    }
  });

  it('Otter: SUMMARY KEYWORDS become document keywords, SPEAKERS the speakers, and neither header is a sentence', () => {
    const text = readFileSync(dir + 'otter-sahel-briefing.txt', 'utf8');
    const extraction = extractDocument({ id: 'otter.txt', text }, { lexicon: testLexicon });
    expect(extraction.document.keywords).toEqual(['MINUSMA', 'Mali', 'Bamako', 'Security Council', 'peacekeepers', 'withdrawal', 'African Union', 'protection of civilians']);
    expect(extraction.document).toMatchObject({ date: '2025-06-04', dateSource: 'header', speakers: ['Amara Diallo', 'Jean-Pierre Lacroix'] });
    expect(extraction.sentences.some((sentence) => /SUMMARY KEYWORDS|SPEAKERS|Amara Diallo, Jean-Pierre Lacroix|peacekeepers, withdrawal|Page \d of \d|otter\.ai/.test(sentence.text))).toBe(false);
    expect(extraction.coMentions.some((pair) => pair.source === 'person:amara-diallo' || pair.target === 'person:amara-diallo')).toBe(false);
  });

  it('captions: the WebVTT title and a NOTE date are read; cues are never shown twice', () => {
    const parsed = readDocument({ id: 'call.vtt', text: 'WEBVTT - Weekly call on Mali\n\nNOTE\nrecorded 2 June 2024\n\n00:00:01.000 --> 00:00:02.000\nMINUSMA left.\n\n00:00:02.000 --> 00:00:03.000\nMINUSMA left.\nBamako stayed calm.\n' });
    expect(parsed.title).toBe('Weekly call on Mali');
    expect(parsed).toMatchObject({ date: '2024-06-02', dateSource: 'note' });
    expect(parsed.sentences.map((sentence) => sentence.text)).toEqual(['MINUSMA left.', 'Bamako stayed calm.']);
  });

  it('a date in the file name dates a document whose text gives none', () => {
    expect(readDocument({ id: 'calls/2023-11-07-briefing.txt', text: 'MINUSMA left.' })).toMatchObject({ date: '2023-11-07', dateSource: 'name' });
    expect(readDocument({ id: 'calls/briefing_20231107.txt', text: 'MINUSMA left.' })).toMatchObject({ date: '2023-11-07', dateSource: 'name' });
  });
});

describe('lower-case automatic captions', () => {
  // The names a reader of the clip would note; "chad" after "my colleague" is a person, "in chad" the country.
  const expected = [
    'concept:protection-of-civilians', 'country:cod', 'country:mli', 'country:ssd', 'country:tcd', 'mission:monusco', 'mission:unmiss',
    'organization:african-union', 'person:antonio-guterres', 'place:goma', 'place:malakal', 'place:north-kivu', 'place:sahel',
  ];
  it.each(['youtube-noon-briefing.vtt', 'youtube-noon-briefing-transcript.txt'])('%s: lexicon names are found without capitals; a common word or given name only after a preposition of place', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    expect(readDocument({ id: file, text }).sentences.every((sentence) => sentence.text === sentence.text.toLowerCase())).toBe(true);
    const extraction = extractDocument({ id: file, text }, { lexicon: defaultLexicon() });
    expect(extraction.entities.filter((entity) => entity.mentions > 0).map((entity) => entity.id).sort()).toEqual(expected);
    const chad = extraction.mentions.filter((mention) => mention.entity === 'country:tcd');
    expect(chad).toHaveLength(1);
    const sentence = extraction.sentences.find((record) => record.index === chad[0]?.sentence)?.text ?? '';
    expect(sentence.slice(Math.max(0, (chad[0]?.start ?? 0) - 3), chad[0]?.end)).toBe('in chad');
    // "for the sake of" and "sake" the town are not told apart without capitals: no guess.
    expect(extraction.entities.some((entity) => entity.id === 'place:sake')).toBe(false);
  });

  it('the same words with capitals are unchanged by the lower-case reading (a capitalised text is read as before)', () => {
    const text = 'My colleague Chad will take your questions on the Sahel later today. Peacekeepers are in Chad and in Mali.';
    const extraction = extractDocument({ id: 'capitals.txt', text }, { lexicon: defaultLexicon() });
    expect(extraction.mentions.filter((mention) => mention.entity === 'country:tcd').map((mention) => mention.surface)).toEqual(['Chad', 'Chad']);
  });

  it('a short clip (under 40 words) is still read as lower-case captions', () => {
    const text = readFileSync(dir + 'youtube-auto-captions.vtt', 'utf8');
    const extraction = extractDocument({ id: 'clip.vtt', text }, { lexicon: defaultLexicon() });
    expect(extraction.entities.filter((entity) => entity.mentions > 0).map((entity) => entity.id).sort()).toEqual(['mission:monusco', 'place:goma']);
  });
});

describe('list sentences', () => {
  const rows: [name: string, text: string, list: boolean][] = [
    ['an enumeration of missions and places', 'Those are MONUSCO in the Congo, UNMISS in South Sudan, MINUSCA in Bangui, MINUSMA in Mali and BINUH in Haiti.', true],
    ['a statement with two commas', 'After MINUSMA left, the African Union and the Alliance of Sahel States took different positions, as expected.', false],
  ];
  it.each(rows)('%s', (_name, text, list) => {
    const extraction = extractDocument({ id: 'list.txt', text }, { lexicon: testLexicon });
    expect(extraction.sentences[0]?.list === true).toBe(list);
    expect(extraction.coMentions.length).toBeGreaterThan(0);
    expect(extraction.coMentions.every((pair) => (pair.list === true) === list)).toBe(true);
  });

  it('a Markdown table row and a bullet of names are lists; their mentions still count', () => {
    const text = '# Missions\n\n| Mission | Country |\n|---|---|\n| MONUSCO | Democratic Republic of the Congo |\n\n- MINUSMA, Mali\n- UNMISS, South Sudan\n\nMINUSCA patrolled Bangui with the African Union, and they met.';
    const parsed = readDocument({ id: 'table.md', text });
    expect(parsed.sentences.filter((sentence) => sentence.list).map((sentence) => sentence.text)).toEqual(['Mission; Country', 'MONUSCO; Democratic Republic of the Congo', 'MINUSMA, Mali', 'UNMISS, South Sudan']);
    const extraction = extractDocument({ id: 'table.md', text }, { lexicon: testLexicon });
    expect(extraction.entities.find((entity) => entity.id === 'mission:minusma')?.mentions).toBe(1);
  });
});
