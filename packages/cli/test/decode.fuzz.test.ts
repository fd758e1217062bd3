// Promise: decodeText never throws, answers any bytes quickly, never hands on a NUL or a lone surrogate, and reads
// back what UTF-8, UTF-16 (with a BOM) and Latin-1 writers produce. Property-based (fast-check) with a fixed seed.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/decode.ts';

/** Runs per property: a fixed seed in CI; MISSIONGRAPH_FUZZ_RUNS asks for a longer run (e.g. from `pnpm bench`). */
const RUNS = Number(process.env['MISSIONGRAPH_FUZZ_RUNS'] ?? '400');
const SEED = Number(process.env['MISSIONGRAPH_FUZZ_SEED'] ?? '20261202');
/** A case of at most 64 KB must be answered in this time even on a busy machine (the decoder is linear). */
const CASE_LIMIT_MS = 2000;

function timedDecode(bytes: Uint8Array): ReturnType<typeof decodeText> {
  const started = performance.now();
  const result = decodeText(bytes);
  const elapsed = performance.now() - started;
  if (elapsed > CASE_LIMIT_MS) throw new Error(`decodeText took ${elapsed.toFixed(0)} ms for ${bytes.length} bytes`);
  return result;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Bytes people's files are made of: runs of text, stray controls and NULs, high bytes, BOMs and signatures. */
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => Buffer.from(text, 'utf8')),
        fc.string({ unit: 'binary', maxLength: 80 }).map((text) => Buffer.from(text, 'utf16le')),
        fc.uint8Array({ maxLength: 16 }),
        fc.constantFrom(Buffer.from([0]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0x81, 0x8d])),
      ),
      { maxLength: 60 },
    )
    .map((parts) => new Uint8Array(Buffer.concat(parts))),
);

/** Text with no control characters and no markup start, so no decoder has a reason to refuse it. */
const plainText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 400 })
  .map((text) => text.replace(/[\p{Cc}\p{Cs}\ufffd\ufeff]/gu, ' ').replace(/^\s*</, 'x'))
  .filter((text) => text.trim() !== '');

// Long runs (pnpm bench fuzz) get time in proportion; a single case stays bounded by CASE_LIMIT_MS.
describe('decodeText under fuzzing', { timeout: Math.max(120_000, RUNS * 40) }, () => {
  it('never throws, is fast, and returns text without NULs or lone surrogates, or one line of reason', () => {
    fc.assert(
      fc.property(fileBytes, (bytes) => {
        const result = timedDecode(bytes);
        if (result.ok) {
          expect(result.text.includes('\u0000') && result.encoding === 'utf-8').toBe(false);
          expect(LONE_SURROGATE.test(result.text)).toBe(false);
          expect(result.text.trim()).not.toBe('');
          if (result.warning !== undefined) expect(result.warning).not.toMatch(/\n/);
        } else {
          expect(result.reason).toMatch(/^[^\n]+$/);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('reads back any plain text written as UTF-8, with or without a BOM, and as UTF-16LE/BE with a BOM', () => {
    fc.assert(
      fc.property(plainText, fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'), (text, form) => {
        const le = Buffer.from(text, 'utf16le');
        const bytes =
          form === 'utf-8'
            ? Buffer.from(text, 'utf8')
            : form === 'utf-8-bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
              : form === 'utf-16le'
                ? Buffer.concat([Buffer.from([0xff, 0xfe]), le])
                : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
        const result = timedDecode(bytes);
        // Text of mostly symbols can look like control-heavy data; a refusal must then say so, never be a crash.
        if (!result.ok) expect(result.reason).toMatch(/binary|HTML|empty/);
        else expect(result.text).toBe(text);
        return true;
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('reads any Latin-1 sentence with accents (not UTF-8) as Windows-1252 with a warning', () => {
    const latinWord = fc.string({ unit: fc.constantFrom(...'abcdeéèàçôîûü ABCÉ'), minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(latinWord, { minLength: 1, maxLength: 20 }), (words) => {
        const text = `Mission ${words.join(' ')} é.\n`;
        const result = timedDecode(Buffer.from(text, 'latin1'));
        expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', text });
        expect(result.ok && result.warning).toMatch(/Latin-1/);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('answers a 64 KB case of every shape in bounded time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 60_000, maxLength: 65_536 }), fc.nat(255), (bytes, fill) => {
        timedDecode(bytes);
        timedDecode(new Uint8Array(bytes.length).fill(fill));
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 20)), seed: SEED },
    );
  });
});
