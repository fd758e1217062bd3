// Counts the steps of the loops the fault audit found quadratic (issue 16: defects 1, 2 and 4), so that tests check
// that the work grows linearly with the input by counting it, never by timing it. Costs one check when not counting.

/** The loops counted: the page-break join of a transcript turn, rolling caption lines, the merge of partial names. */
export type CountedLoop = 'transcript-join' | 'caption-repeats' | 'partial-names';

let counting: { loop: CountedLoop; steps: number } | undefined;

/** Adds `amount` steps to `loop` when a count of that loop is running. */
export function countSteps(loop: CountedLoop, amount: number): void {
  if (counting !== undefined && counting.loop === loop) counting.steps += amount;
}

/** Runs `work` and returns the steps `loop` took in it (for tests; one count at a time). */
export function stepsOf(loop: CountedLoop, work: () => unknown): number {
  if (counting !== undefined) throw new Error('extract/stepsOf: a count is already running');
  counting = { loop, steps: 0 };
  try {
    work();
    return counting.steps;
  } finally {
    counting = undefined;
  }
}
