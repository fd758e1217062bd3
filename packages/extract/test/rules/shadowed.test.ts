// The rules the lexicon now shadows (status-of-forces agreements, wars named by two nationalities), run with a
// lexicon that lacks those entries: they must still name what a text names when the lexicon does not know it.
import { describe, expect, it } from 'vitest';
import { compileLexicon, defaultLexicon, extractDocument } from '../../src/index.ts';

/** The default lexicon without the entries whose ids are given. */
function lexiconWithout(...ids: string[]) {
  return compileLexicon(defaultLexicon().entries.filter((entry) => !ids.includes(entry.id)));
}

function pairs(text: string, lexicon: ReturnType<typeof lexiconWithout>): string[] {
  return extractDocument({ id: 'doc.txt', text }, { lexicon }).mentions.map((mention) => `${mention.surface} → ${mention.entity}`);
}

describe('rules shadowed by lexicon entries still work on names the lexicon lacks', () => {
  it('a status-of-forces agreement, written out and as SOFA, without its concept entry', () => {
    const lexicon = lexiconWithout('concept:status-of-forces-agreement');
    const found = pairs('UNMISS signed a status-of-forces agreement with the host. The SOFA guarantees free movement.', lexicon);
    const ids = found.filter((pair) => /status-of-forces|SOFA/iu.test(pair)).map((pair) => pair.split(' → ')[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^agreement:/u);
  });

  it('a war named by two nationalities joined by a dash, without its event entry', () => {
    const lexicon = lexiconWithout('event:eritrean-ethiopian-war');
    expect(pairs('Refugees returned after the Ethiopian–Eritrean War ended.', lexicon)).toContain('Ethiopian–Eritrean War → event:ethiopian-eritrean-war');
  });
});
