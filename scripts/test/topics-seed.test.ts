// The topics acceptance on the podcast seed with its SUMMARY KEYWORDS line removed: the peer's keywords are
// found as nodes (by content words), and topic nodes are phrases rather than single words.
import { describe, expect, it } from 'vitest';
import { contentWords, sameContent, seedFigures } from '../topics-seed.ts';

describe('topics on the podcast seed', () => {
  it('matches keywords to nodes by content words, not by wording', () => {
    expect(sameContent(contentWords('civilian protection'), contentWords('protection of civilians'))).toBe(true);
    expect(sameContent(contentWords('peacekeeping mandates'), contentWords('peacekeeping'))).toBe(false);
    expect(sameContent(contentWords('early warning signs'), contentWords('early warning'))).toBe(true);
  });

  it('finds at least 12 of the 15 summary keywords as nodes, and at most 30% of topic nodes are one word', { timeout: 60_000 }, () => {
    const figures = seedFigures();
    expect(figures.keywords).toHaveLength(15);
    expect(figures.matched).toBeGreaterThanOrEqual(12);
    expect(figures.topicNodes.length).toBeGreaterThan(10);
    expect(figures.singleWordTopics / figures.topicNodes.length).toBeLessThanOrEqual(0.3);
  });
});
