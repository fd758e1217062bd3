// Defects 1, 2 and 4 of the fault audit (issue 16) stay linear: the steps of the loops that were quadratic are
// counted (readers/work-count.ts) at n and 2n, and doubling the input may at most double them (≤ 2.3×). No timing.
import { describe, expect, it } from 'vitest';
import { defaultLexicon, extractDocument } from '../src/index.ts';
import { readCaptions } from '../src/readers/captions.ts';
import { readTranscript } from '../src/readers/transcript.ts';
import { stepsOf } from '../src/readers/work-count.ts';
import { nameDenseDocument } from '../../../scripts/name-dense.ts';

const PROSE = 'and the mission in the east went on with the patrols near the border';

/** Defect 1's shape: an unpunctuated auto-transcript, one speaker, a header before each short turn. */
function speakerDense(turns: number): string {
  return Array.from({ length: turns }, (_unused, turn) => `Jane Doe ${String(Math.floor(turn / 60) % 60).padStart(2, '0')}:${String(turn % 60).padStart(2, '0')}\n${PROSE}\n`).join('\n');
}

/** Defect 4's shape: two caption cues of `lines` lines, the second repeating the first (rolling captions). */
function captionDense(lines: number): string {
  const payload = Array.from({ length: lines }, (_unused, index) => `line number ${index} of the rolling caption`).join('\n');
  return `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${payload}\n\n00:00:02.000 --> 00:00:03.000\n${payload}\n`;
}

describe('the loops the fault audit found quadratic do work linear in their input', () => {
  it('defect 1: the transcript reader looks at a bounded part of a turn at each speaker header', () => {
    const read = (turns: number): { steps: number; segments: number } => {
      let segments = 0;
      const steps = stepsOf('transcript-join', () => {
        segments = readTranscript(speakerDense(turns)).blocks.reduce((sum, block) => sum + block.segments.length, 0);
      });
      return { steps, segments };
    };
    const small = read(2_000);
    const double = read(4_000);
    // Every header continues the same unfinished turn: the shape where joining the whole turn was quadratic.
    expect(small.segments).toBe(2_000);
    expect(double.segments).toBe(4_000);
    expect(small.steps).toBeGreaterThan(0);
    expect(double.steps / small.steps).toBeLessThanOrEqual(2.3);
  });

  it('defect 4: the caption reader drops a cue\'s repeated lines in one pass', () => {
    const read = (lines: number): { steps: number; text: string } => {
      let text = '';
      const steps = stepsOf('caption-repeats', () => {
        text = readCaptions(captionDense(lines)).blocks.flatMap((block) => block.segments.map((segment) => segment.text)).join('\n');
      });
      return { steps, text };
    };
    const small = read(5_000);
    const double = read(10_000);
    // The second cue repeats the first: each line is read once.
    expect(small.text.split('line number').length - 1).toBe(5_000);
    expect(double.steps / small.steps).toBeLessThanOrEqual(2.3);
  });

  it('defect 2: merging partial names works through indexes, not every pair of the people a document names', () => {
    const lexicon = defaultLexicon();
    const merge = (sentences: number): { steps: number; people: number } => {
      let people = 0;
      const steps = stepsOf('partial-names', () => {
        people = extractDocument({ id: 'names.txt', text: nameDenseDocument(sentences) }, { lexicon }).entities.filter((entity) => entity.type === 'person').length;
      });
      return { steps, people };
    };
    const small = merge(100);
    const double = merge(200);
    // Hundreds of distinct people, and "Mr. Surname" merged into the full name (not one more person per sentence).
    expect(small.people).toBeGreaterThan(150);
    expect(double.people).toBeGreaterThan(2 * small.people - 10);
    expect(double.people).toBeLessThan(2.3 * small.people);
    expect(double.steps / small.steps).toBeLessThanOrEqual(2.3);
  });
});
