// The recognition pipeline's registry: components run in an order where what each reads is written before it,
// names are unique, and extraction output carries no overlapping mentions.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocumentExtraction, defaultLexicon, explainDocument, extractDocument } from '../src/index.ts';
import { runExtraction } from '../src/extract.ts';
import { assemble } from '../src/pipeline/assemble.ts';
import { COMPONENTS } from '../src/pipeline/components.ts';

describe('the component registry', () => {
  it('lists each component once, and every field a component reads is an input or written by an earlier one', () => {
    const names = COMPONENTS.map((component) => component.name);
    expect(new Set(names).size).toBe(names.length);
    const written = new Set<string>(['sentences', 'speakers']);
    for (const component of COMPONENTS) {
      for (const field of component.reads) expect(written.has(field), `${component.name} reads ${field} before anything writes it`).toBe(true);
      for (const field of component.writes) written.add(field);
    }
  });

  it('puts vetoes after the components that propose what they veto', () => {
    const firstVeto = COMPONENTS.findIndex((component) => component.stage === 'veto');
    const lexicon = COMPONENTS.findIndex((component) => component.name === 'lexicon');
    const names = COMPONENTS.findIndex((component) => component.name === 'name-finder');
    expect(firstVeto).toBeGreaterThan(lexicon);
    expect(firstVeto).toBeGreaterThan(names);
  });
});

describe('mentions never overlap', () => {
  const evalDir = fileURLToPath(new URL('../../../data/eval/', import.meta.url));
  // The tuned set's texts (never the locked part): real layouts, real names.
  const texts = readdirSync(evalDir)
    .filter((name) => /\.(txt|md|vtt|srt)$/u.test(name) && name !== 'GUIDELINES.md' && name !== 'ROUNDS.md')
    .sort()
    .map((name) => readFileSync(path.join(evalDir, name), 'utf8'));
  const lexicon = defaultLexicon();

  function expectDisjoint(extraction: DocumentExtraction): void {
    const bySentence = new Map<number, { start: number; end: number }[]>();
    for (const mention of extraction.mentions) bySentence.set(mention.sentence, [...(bySentence.get(mention.sentence) ?? []), mention]);
    const text = new Map(extraction.sentences.map((sentence) => [sentence.index, sentence.text]));
    for (const mention of extraction.mentions) expect(text.get(mention.sentence)?.slice(mention.start, mention.end)).toBe(mention.surface);
    for (const [sentence, spans] of bySentence) {
      const sorted = [...spans].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]!.start, `sentence ${sentence} of ${extraction.document.id}`).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
    }
  }

  it('holds on every evaluation text, without the final settle having to drop anything', () => {
    expect(texts.length).toBeGreaterThan(20);
    texts.forEach((text, index) => {
      const explanation = explainDocument({ id: `eval-${index}.txt`, text }, { lexicon });
      expectDisjoint(explanation.extraction);
      // settleOverlaps (the last step) records its drops as "longer-well-formed-name: overlaps …".
      const losses = [...explanation.rejected, ...explanation.mentions.flatMap((mention) => mention.lost)];
      expect(losses.filter((lost) => lost.by === 'settle' && lost.reason.startsWith('longer-well-formed-name: overlaps')), `eval text ${index}`).toEqual([]);
    });
  });

  it('holds on documents made of paragraphs of the evaluation texts, in any mix and order', () => {
    const paragraphs = texts.flatMap((text) => text.split(/\n\s*\n/u)).filter((paragraph) => paragraph.trim().length > 0);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: paragraphs.length - 1 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (picks, topics) => {
        const text = picks.map((pick) => paragraphs[pick]).join('\n\n');
        expectDisjoint(extractDocument({ id: 'mix.txt', text }, { lexicon, topics }));
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });
});

describe('list sentences', () => {
  it('mark the co-mentions of a sentence a reader marked as a list, and only those', () => {
    const text = 'Troops came from Ghana, Nepal and Fiji.\n\nMONUSCO and UNMISS briefed the Security Council in New York.';
    const { context } = runExtraction({ id: 'lists.txt', text }, { lexicon: defaultLexicon() });
    // A reader marks the first line as a list (SentenceRecord.list); the second is prose.
    const parsed = { ...context.parsed, sentences: context.parsed.sentences.map((sentence) => (sentence.index === 0 ? { ...sentence, list: true } : sentence)) };
    const extraction = assemble(context.doc, parsed, context, context.lexicon, context.speakerIds, context.affiliations, undefined, []);
    const listed = extraction.coMentions.filter((coMention) => coMention.sentence === 0);
    const prose = extraction.coMentions.filter((coMention) => coMention.sentence === 1);
    expect(listed.length).toBe(3);
    expect(listed.every((coMention) => coMention.list === true)).toBe(true);
    expect(prose.length).toBeGreaterThan(0);
    expect(prose.every((coMention) => !('list' in coMention))).toBe(true);
    expect(extraction.sentences.find((sentence) => sentence.index === 0)?.list).toBe(true);
  });
});
