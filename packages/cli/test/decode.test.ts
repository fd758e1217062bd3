// Promise: every text encoding people actually save transcripts in is read correctly, and non-text is refused with a reason.
// Table-driven over real byte sequences built the way editors and exporters write them.
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/decode.ts';

const SAMPLE = 'Côte d’Ivoire: MINUSCA and MONUSCO — “protection of civilians”.\nSpeaker 01:25\n';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  return Buffer.concat([Buffer.from(mark), body]);
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(SAMPLE, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM (BOM stripped)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), 'utf-8'],
    ['UTF-16LE with BOM', utf16(SAMPLE, 'le', true), 'utf-16le'],
    ['UTF-16LE without BOM', utf16(SAMPLE, 'le', false), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(SAMPLE, 'be', true), 'utf-16be'],
    ['UTF-16BE without BOM', utf16(SAMPLE, 'be', false), 'utf-16be'],
  ] as const)('reads %s', (_name, bytes, encoding) => {
    const result = decodeText(bytes);
    expect(result).toMatchObject({ ok: true, encoding, text: SAMPLE });
    expect(result.ok && result.warning).toBeFalsy();
  });

  it('reads Latin-1 / Windows-1252 and names it in a warning', () => {
    const latin = 'La MINUSCA en République centrafricaine, Côte d\u2019Ivoire, 25 ans \u2013 résumé.\n';
    const cp1252 = Buffer.from(
      [...latin].map((char) => (char === '\u2019' ? 0x92 : char === '\u2013' ? 0x96 : char.charCodeAt(0))),
    );
    const result = decodeText(cp1252);
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', text: latin });
    expect(result.ok && result.warning).toMatch(/Latin-1/);
  });

  it('keeps damaged UTF-8 as UTF-8, replacing the bad bytes and saying how many', () => {
    const bytes = Buffer.concat([Buffer.from('Opération de l’ONU ', 'utf8'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' au Mali — MINUSMA.', 'utf8')]);
    const result = decodeText(bytes);
    expect(result.ok && result.encoding).toBe('utf-8');
    expect(result.ok && result.text).toContain('au Mali — MINUSMA.');
    expect(result.ok && result.warning).toMatch(/invalid UTF-8 byte/);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a file of blank lines', Buffer.from('\n\n   \r\n\t\n'), /empty/],
    ['NUL bytes in the middle', Buffer.concat([Buffer.from('hello '), Buffer.from([0, 1, 2, 0, 0, 0, 5]), Buffer.from(' world')]), /binary/],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF/],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/],
    ['a ZIP/DOCX', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), /ZIP/],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /binary/],
    ['mostly control characters', Buffer.from('\u0001\u0002\u0003\u0004\u0005\u0006abc\u0007\u0008\u000e\u000f'.repeat(50)), /control characters/],
    ['an HTML error page saved as .txt', Buffer.from('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>'), /HTML page/],
  ] as const)('refuses %s with a reason', (_name, bytes, reason) => {
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('replaces lone surrogates in UTF-16 with U+FFFD instead of failing', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UNMISS ', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(' South Sudan', 'utf16le')]);
    expect(decodeText(bytes)).toMatchObject({ ok: true, encoding: 'utf-16le', text: 'UNMISS \ufffd South Sudan' });
  });

  it('accepts text that contains a few stray control characters (every C0 character once)', () => {
    const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');
    const text = `${'The Security Council renewed the mandate of UNMISS. '.repeat(20)}${controls}${'UNIFIL patrols continued. '.repeat(20)}`;
    const withoutNul = text.replace('\u0000', '');
    // The one NUL is removed (and said); the other controls are kept for the extractor, which removes them.
    expect(decodeText(Buffer.from(text, 'utf8'))).toMatchObject({ ok: true, encoding: 'utf-8', text: withoutNul, warning: '1 NUL byte(s) removed' });
  });
});

describe('decodeText decides by share, not by one byte (audit defects 15–17)', () => {
  const PARAGRAPH = 'The Security Council renewed the mandate of MONUSCO in the Democratic Republic of the Congo.\n';

  it.each([
    ['in the first bytes', 10],
    ['just before 64 KB', 64 * 1024 - 5],
    ['after the first 64 KB', 70 * 1024],
  ])('reads a transcript with a stray NUL %s, removing it with a warning', (_where, offset) => {
    const text = PARAGRAPH.repeat(Math.ceil((80 * 1024) / PARAGRAPH.length));
    const bytes = Buffer.concat([Buffer.from(text.slice(0, offset)), Buffer.from([0]), Buffer.from(text.slice(offset))]);
    expect(decodeText(bytes)).toEqual({ ok: true, encoding: 'utf-8', text, warning: '1 NUL byte(s) removed' });
  });

  it('still refuses a file where NUL bytes are a real share, wherever they are', () => {
    const text = Buffer.from(PARAGRAPH.repeat(1000));
    const late = Buffer.concat([text, Buffer.alloc(4096)]);
    expect(decodeText(late)).toEqual({ ok: false, reason: 'binary file (contains NUL bytes)' });
  });

  it.each(['le', 'be'] as const)('reads Greek UTF-16%s without a BOM (few NUL bytes) as UTF-16, not as binary', (endian) => {
    const greek = 'Η Ειδική Αντιπρόσωπος του Γενικού Γραμματέα για την Κύπρο μίλησε για την ειρηνευτική δύναμη UNFICYP.\n'.repeat(40);
    const bytes = utf16(greek, endian, false);
    expect(decodeText(bytes)).toEqual({ ok: true, encoding: `utf-16${endian}`, text: greek });
  });

  it('reads Latin-1 text holding bytes 0x81 and 0x8D as Windows-1252, those bytes as U+FFFD, with a warning', () => {
    const latin = 'La MINUSCA en République centrafricaine, résumé de la séance du Conseil de sécurité.\n';
    const bytes = Buffer.concat([Buffer.from(latin, 'latin1'), Buffer.from([0x81]), Buffer.from(latin, 'latin1'), Buffer.from([0x8d]), Buffer.from(latin, 'latin1')]);
    expect(decodeText(bytes)).toEqual({
      ok: true,
      encoding: 'windows-1252',
      text: `${latin}\ufffd${latin}\ufffd${latin}`,
      warning: 'not UTF-8; read as Latin-1 (Windows-1252); 2 byte(s) that Windows-1252 leaves undefined replaced with U+FFFD',
    });
  });

  it('does not take UTF-8 Greek (or any valid UTF-8) for UTF-16', () => {
    const greek = 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ'.repeat(200);
    expect(decodeText(Buffer.from(greek, 'utf8'))).toEqual({ ok: true, encoding: 'utf-8', text: greek });
  });
});
