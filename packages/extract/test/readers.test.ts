// Readers: format detection and reading of each format (table-driven), the seed transcript's page-break
// joins and stray initials, captions with voice tags, and header material.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type DocumentFormat, readDocument } from '../src/index.ts';

const seedDir = fileURLToPath(new URL('../../../data/transcripts/', import.meta.url));
const podcastSeed = readFileSync(`${seedDir}gcr2p-expert-voices-ep41-lacroix-transcript.txt`, 'utf8');
const newsSeed = readFileSync(`${seedDir}un-news-2017-05-22-lacroix-interview.txt`, 'utf8');

type Row = [name: string, text: string, format: DocumentFormat, sentences: { text: string; speaker?: string; time?: string; seconds?: number }[]];

const rows: Row[] = [
  ['plain text', 'First sentence here. Second one follows!\n\nA new paragraph.', 'text', [{ text: 'First sentence here.' }, { text: 'Second one follows!' }, { text: 'A new paragraph.' }]],
  [
    'plain text joined across a page break in mid-sentence',
    'The mission was deployed to\n\nsupport the peace process. It stayed.',
    'text',
    [{ text: 'The mission was deployed to support the peace process.' }, { text: 'It stayed.' }],
  ],
  [
    'plain text: a first line without final punctuation, before a capitalised line, is a title of its own',
    'Envoy urges calm as talks stall in the Sahel\nNiamey, 3 March 2024. The envoy spoke.',
    'text',
    [{ text: 'Envoy urges calm as talks stall in the Sahel' }, { text: 'Niamey, 3 March 2024.' }, { text: 'The envoy spoke.' }],
  ],
  [
    'plain text: a first line that stops on a small word goes on in the next line',
    'The Council extended the mandate of\nMINUSCA by a year. It voted.',
    'text',
    [{ text: 'The Council extended the mandate of MINUSCA by a year.' }, { text: 'It voted.' }],
  ],
  [
    'markdown: heading, link, emphasis, image, list, bare URL',
    '# Report title\n\nThe [Security Council](https://un.org/sc) met **today** and _agreed_.\n\n![A photo of MINUSCA](photo.png)\n\n- First item\n- Second item\n\nSee https://example.org/x.y for more.',
    'markdown',
    [
      { text: 'Report title' },
      { text: 'The Security Council met today and agreed.' },
      { text: 'A photo of MINUSCA' },
      { text: 'First item' },
      { text: 'Second item' },
      { text: 'See https://example.org/x.y for more.' },
    ],
  ],
  [
    'transcript: "Name 01:25" headers',
    'Jane Doe 00:12\n\nWelcome to the show. Thanks.\n\nJohn Roe 01:25\n\nHappy to be here.\n',
    'transcript',
    [
      { text: 'Welcome to the show.', speaker: 'Jane Doe', time: '00:12', seconds: 12 },
      { text: 'Thanks.', speaker: 'Jane Doe', time: '00:12', seconds: 12 },
      { text: 'Happy to be here.', speaker: 'John Roe', time: '01:25', seconds: 85 },
    ],
  ],
  [
    'transcript: "[00:00:17] Name" and "Name [00:01:02]" headers',
    '[00:00:17] Jane Doe\nHello there.\n\nJohn Roe [00:01:02]\nHi.\n',
    'transcript',
    [
      { text: 'Hello there.', speaker: 'Jane Doe', time: '00:00:17', seconds: 17 },
      { text: 'Hi.', speaker: 'John Roe', time: '00:01:02', seconds: 62 },
    ],
  ],
  [
    'transcript: stray initials before and as a line, repeated header continuing a sentence',
    'J Jane Doe 00:10\n\nWe moved from a simple approach to protection of\n\nJ Jane Doe 00:40\n\ncivilians to complex ones. Next.\n\nJ\n\nJohn Roe 01:00\n\nIndeed.\n',
    'transcript',
    [
      { text: 'We moved from a simple approach to protection of civilians to complex ones.', speaker: 'Jane Doe', time: '00:10', seconds: 10 },
      { text: 'Next.', speaker: 'Jane Doe', time: '00:40', seconds: 40 },
      { text: 'Indeed.', speaker: 'John Roe', time: '01:00', seconds: 60 },
    ],
  ],
  [
    'transcript: "Name: text" turns',
    'Host: Welcome, minister.\n\nMinister Adams: Thank you.\n\nHost: Tell us more.\n\nMinister Adams: Gladly.',
    'transcript',
    [
      { text: 'Welcome, minister.', speaker: 'Host' },
      { text: 'Thank you.', speaker: 'Minister Adams' },
      { text: 'Tell us more.', speaker: 'Host' },
      { text: 'Gladly.', speaker: 'Minister Adams' },
    ],
  ],
  [
    'WebVTT with voice tags, cues merged into sentences',
    'WEBVTT\n\nNOTE a comment\n\n00:00:01.000 --> 00:00:03.000\n<v Jane Doe>The mission in Mali was</v>\n\n00:00:03.000 --> 00:00:05.500\n<v Jane Doe>closed in 2023. It left.</v>\n\n00:00:06.000 --> 00:00:08.000\n<v.loud John Roe>I <i>know</i> &amp; agree.\n',
    'vtt',
    [
      { text: 'The mission in Mali was closed in 2023.', speaker: 'Jane Doe', time: '00:00:01.000', seconds: 1 },
      { text: 'It left.', speaker: 'Jane Doe', time: '00:00:03.000', seconds: 3 },
      { text: 'I know & agree.', speaker: 'John Roe', time: '00:00:06.000', seconds: 6 },
    ],
  ],
  [
    'SRT with voice tags and formatting',
    '1\n00:00:01,000 --> 00:00:02,000\n<v Jane Doe>Peacekeepers protect\n\n2\n00:00:02,500 --> 00:00:04,000\ncivilians every day.\n\n3\n00:00:05,000 --> 00:00:06,000\n<v John Roe><b>Yes.</b>\n',
    'srt',
    [
      { text: 'Peacekeepers protect civilians every day.', speaker: 'Jane Doe', time: '00:00:01,000', seconds: 1 },
      { text: 'Yes.', speaker: 'John Roe', time: '00:00:05,000', seconds: 5 },
    ],
  ],
];

describe('readDocument', () => {
  it.each(rows)('%s', (_name, text, format, sentences) => {
    const parsed = readDocument({ id: 'doc', text });
    expect(parsed.format).toBe(format);
    expect(parsed.sentences.map(({ index: _index, ...rest }) => rest)).toEqual(sentences);
    expect(parsed.sentences.map((sentence) => sentence.index)).toEqual(sentences.map((_sentence, index) => index));
  });

  it('reads the podcast seed: header, keywords block, speakers, page-break join, stray initials', () => {
    const parsed = readDocument({ id: 'seed', text: podcastSeed });
    expect(parsed.format).toBe('transcript');
    expect(parsed.date).toBe('2025-03-11');
    expect(parsed.speakers).toEqual(['Jaclyn Streitfeld-Hall', 'Jean-Pierre Lacroix']);
    expect(parsed.keywords).toContain('Responsibility to Protect');
    // The export's header is metadata: neither the keywords line, the SPEAKERS line nor the title is a sentence.
    expect(parsed.sentences.filter((sentence) => sentence.text.includes('atrocity prevention, UN peace operations'))).toHaveLength(0);
    expect(parsed.sentences.some((sentence) => sentence.text.includes('Jaclyn Streitfeld-Hall, Jean-Pierre Lacroix'))).toBe(false);
    expect(parsed.title).toContain('Ep 41 Jean-Pierre Lacroix');
    expect(parsed.sentences[0]?.speaker).toBe('Jaclyn Streitfeld-Hall');
    expect(parsed.sentences.some((sentence) => /^(?:SUMMARY KEYWORDS|SPEAKERS)$/.test(sentence.text))).toBe(false);
    const joined = parsed.sentences.find((sentence) => sentence.text.includes('to protection of civilian to more complex ones'));
    expect(joined).toMatchObject({ speaker: 'Jean-Pierre Lacroix', time: '08:22' });
    const afterBreak = parsed.sentences.find((sentence) => sentence.text.startsWith('So we were adapting'));
    expect(afterBreak?.time).toBe('11:04');
    expect(parsed.sentences.find((sentence) => sentence.text.startsWith('I believe that the risk'))).toMatchObject({ speaker: 'Jean-Pierre Lacroix', time: '27:47' });
    expect(parsed.sentences.some((sentence) => /^J\b/.test(sentence.text))).toBe(false);
    expect(parsed.sentences.every((sentence) => sentence.speaker !== undefined)).toBe(true);
  });

  it('reads the news seed: Markdown links, title, date, "Name:" turns, page-break joins', () => {
    const parsed = readDocument({ id: 'seed', text: newsSeed });
    expect(parsed.format).toBe('markdown');
    expect(parsed.title).toBe("INTERVIEW: 'Our peacekeepers are saving lives every day' – new UN peacekeeping chief");
    expect(parsed.date).toBe('2017-05-22');
    expect(parsed.speakers).toEqual(['UN News', 'Jean-Pierre Lacroix']);
    expect(parsed.sentences.some((sentence) => sentence.text === 'It has to do with modernizing equipment, resorting to new technologies.')).toBe(true);
    expect(parsed.sentences.some((sentence) => sentence.text.includes('](#)'))).toBe(false);
    expect(parsed.sentences.find((sentence) => sentence.text.startsWith('Yes, we are facing'))?.speaker).toBe('Jean-Pierre Lacroix');
    // Photo captions between answers are not the speaker's words.
    expect(parsed.sentences.find((sentence) => sentence.text.startsWith('Under-Secretary-General Jean-Pierre Lacroix visits'))?.speaker).toBeUndefined();
    expect(parsed.sentences.find((sentence) => sentence.text.startsWith('I should also say a few words'))?.speaker).toBe('Jean-Pierre Lacroix');
  });
});
