// Label placement on its own: forced labels (the selection and its neighbours) in a crowded neighbourhood are all
// drawn and none overlaps another, and unforced labels never cover one.
import { describe, expect, it } from 'vitest';
import { countOverlaps, placeLabels, type LabelCandidate } from '../src/labels.ts';

const label = (key: string, x: number, y: number, forced: boolean): LabelCandidate => ({ key, x, y, radius: 4, width: 60, height: 12, forced, priority: 1 });

describe('label placement', () => {
  it('draws every forced label of a crowded neighbourhood without overlaps, moving some a row up or down', () => {
    // Eight neighbours within a few pixels of one another: no side of each node is free for all of them.
    const crowded = Array.from({ length: 8 }, (_, index) => label(`n${index}`, 200 + (index % 2) * 3, 200 + index * 2, true));
    const boxes = placeLabels(crowded, { width: 800, height: 600 });
    expect(boxes.map((box) => box.key).sort()).toEqual(crowded.map((candidate) => candidate.key).sort());
    expect(countOverlaps(boxes)).toBe(0);
    // Each label stays beside its node: within a few rows of it.
    for (const box of boxes) {
      const node = crowded.find((candidate) => candidate.key === box.key)!;
      expect(Math.abs(box.textY - node.y)).toBeLessThanOrEqual(7 * (node.height + 2) + node.radius + node.height);
    }
  });

  it('leaves out unforced labels that would cover a forced one', () => {
    const boxes = placeLabels([label('selected', 100, 100, true), label('other', 102, 100, false)], { width: 800, height: 600 });
    expect(countOverlaps(boxes)).toBe(0);
    expect(boxes.map((box) => box.key)).toContain('selected');
  });
});
