// Promise: a cache entry with a valid checksum but a payload of the wrong shape (null mentions, a `__proto__` id, a
// string where a number goes) is refused with a reason and rebuilt; an entry that is a link or a huge file is not read.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '@missiongraph/extract';
import { readCacheFile, validateCachedExtraction } from '../src/cache-validate.ts';
import { tempDir } from './helpers.ts';


function extraction(): DocumentExtraction {
  return {
    document: { id: 'a.txt', format: 'text', sentenceCount: 1, characters: 40, speakers: [] },
    sentences: [{ index: 0, text: 'MONUSCO works in the DRC.' }],
    entities: [
      { id: 'mission:monusco', label: 'MONUSCO', type: 'mission', aliases: ['MONUSCO'], mentions: 1, facts: { startYear: 2010 } },
      { id: 'country:cod', label: 'DRC', type: 'country', aliases: ['DRC'], mentions: 1 },
    ],
    mentions: [
      { entity: 'mission:monusco', sentence: 0, start: 0, end: 7, surface: 'MONUSCO' },
      { entity: 'country:cod', sentence: 0, start: 21, end: 24, surface: 'DRC' },
    ],
    coMentions: [{ source: 'country:cod', target: 'mission:monusco', sentence: 0 }],
    warnings: [],
  };
}

/** The extraction as JSON, with one change made to the parsed value (to write fields JSON.parse would make). */
function damaged(change: (value: Record<string, unknown> & { entities: Record<string, unknown>[] }) => void): unknown {
  const value = JSON.parse(JSON.stringify(extraction())) as Record<string, unknown> & { entities: Record<string, unknown>[] };
  change(value);
  return JSON.parse(JSON.stringify(value));
}

describe('validateCachedExtraction', { timeout: 300_000 }, () => {
  it('accepts a real extraction as it is', () => {
    expect(validateCachedExtraction(JSON.parse(JSON.stringify(extraction())), 'a.txt')).toEqual(extraction());
  });

  it.each<[string, unknown, RegExp]>([
    ['mentions: [null]', damaged((value) => (value['mentions'] = [null])), /a mention of no entity/],
    ['a mention of an entity the document does not have', damaged((value) => ((value['mentions'] as { entity: string }[])[0]!.entity = 'mission:unifil')), /no entity/],
    ['an entity id __proto__', damaged((value) => (value.entities[0]!['id'] = '__proto__')), /unsafe or malformed entity id/],
    ['an entity id mission:__proto__', damaged((value) => (value.entities[0]!['id'] = 'mission:__proto__')), /unsafe/],
    ['a "__proto__" key in facts', JSON.parse(JSON.stringify(extraction()).replace('"startYear"', '"__proto__"')), /__proto__/],
    ['a string sentence count', damaged((value) => ((value['document'] as Record<string, unknown>)['sentenceCount'] = '1')), /document counts/],
    ['a sentence that is null', damaged((value) => (value['sentences'] = [null])), /bad sentence/],
    ['mentions that are not an array', damaged((value) => (value['mentions'] = { length: 1 })), /missing sentences/],
    ['an unknown entity type', damaged((value) => (value.entities[0]!['type'] = 'weapon')), /known type/],
    ['negative offsets', damaged((value) => ((value['mentions'] as { start: number }[])[0]!.start = -3)), /bad offsets/],
    ['a co-mention with no target', damaged((value) => (value['coMentions'] = [{ source: 'country:cod', sentence: 0 }])), /co-mention of no entity/],
    ['another document', damaged((value) => ((value['document'] as Record<string, unknown>)['id'] = 'b.txt')), /another document/],
    ['an array', [], /not an object/],
  ])('refuses %s', (_name, value, reason) => {
    const result = validateCachedExtraction(value, 'a.txt');
    expect(typeof result).toBe('string');
    expect(result).toMatch(reason);
  });
});

describe('reading cache entries', { timeout: 300_000 }, () => {
  it('an entry file larger than the limit is refused from its size, and never read past the limit', () => {
    const file = path.join(tempDir(), 'big.mgc');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 64 * 1024 * 1024);
    expect(readCacheFile(file, 1024 * 1024)).toEqual({ status: 'refused', reason: 'larger than 1048576 bytes' });
  });

  it('a FIFO in place of an entry is refused at once (no wait for a writer)', () => {
    const file = path.join(tempDir(), 'fifo.mgc');
    const made = spawnSync('mkfifo', [file]);
    expect(made.status, 'mkfifo (coreutils) is needed for this test').toBe(0);
    expect(readCacheFile(file)).toEqual({ status: 'refused', reason: 'not a regular file' });
  });
});
