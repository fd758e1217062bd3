// Label placement: which entity names are drawn and where, so that no two drawn labels overlap. Pure
// (screen boxes in, chosen boxes out); the renderer measures text and draws what this module keeps.

/** A label that may be drawn: its node's centre and radius on screen, and the text's size. */
export interface LabelCandidate {
  key: string;
  x: number;
  y: number;
  /** Node radius on screen, in pixels. */
  radius: number;
  width: number;
  height: number;
  /** Forced labels (the selection and its neighbours) are always drawn, placed where they collide least. */
  forced: boolean;
  /** Higher goes first among unforced labels (the node's size). */
  priority: number;
}

export interface LabelBox {
  key: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Where the text starts and its baseline's middle, for drawing. */
  textX: number;
  textY: number;
}

/** Space kept free around each label, in pixels. */
const GAP = 2;
/** Cell size of the spatial hash that finds nearby boxes. */
const CELL = 64;

type Side = 'right' | 'left' | 'above' | 'below';
const SIDES: readonly Side[] = ['right', 'left', 'above', 'below'];

function boxAt(candidate: LabelCandidate, side: Side): LabelBox {
  const { x, y, radius, width, height, key } = candidate;
  let textX: number;
  let textY: number;
  if (side === 'right') [textX, textY] = [x + radius + 3, y];
  else if (side === 'left') [textX, textY] = [x - radius - 3 - width, y];
  else if (side === 'above') [textX, textY] = [x - width / 2, y - radius - 2 - height / 2];
  else [textX, textY] = [x - width / 2, y + radius + 2 + height / 2];
  return { key, left: textX, right: textX + width, top: textY - height / 2, bottom: textY + height / 2, textX, textY };
}

/** How many label heights a forced label may move up or down when no side of its node is free of other labels. */
const FORCED_SHIFTS = 6;

function shifted(box: LabelBox, dy: number): LabelBox {
  return { ...box, top: box.top + dy, bottom: box.bottom + dy, textY: box.textY + dy };
}

export function boxesIntersect(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Pairs of boxes that intersect (the label-overlap measure). */
export function countOverlaps(boxes: readonly LabelBox[]): number {
  let overlaps = 0;
  for (let first = 0; first < boxes.length; first += 1) {
    const a = boxes[first]!;
    for (let second = first + 1; second < boxes.length; second += 1) if (boxesIntersect(a, boxes[second]!)) overlaps += 1;
  }
  return overlaps;
}

class BoxIndex {
  private readonly cells = new Map<number, LabelBox[]>();

  private *cellsOf(box: LabelBox): Generator<number> {
    const x0 = Math.floor((box.left - GAP) / CELL);
    const x1 = Math.floor((box.right + GAP) / CELL);
    const y0 = Math.floor((box.top - GAP) / CELL);
    const y1 = Math.floor((box.bottom + GAP) / CELL);
    for (let cx = x0; cx <= x1; cx += 1) for (let cy = y0; cy <= y1; cy += 1) yield cx * 100_003 + cy;
  }

  collides(box: LabelBox): boolean {
    const padded = { ...box, left: box.left - GAP, right: box.right + GAP, top: box.top - GAP, bottom: box.bottom + GAP };
    for (const cell of this.cellsOf(box)) for (const other of this.cells.get(cell) ?? []) if (boxesIntersect(padded, other)) return true;
    return false;
  }

  add(box: LabelBox): void {
    for (const cell of this.cellsOf(box)) {
      const list = this.cells.get(cell);
      if (list) list.push(box);
      else this.cells.set(cell, [box]);
    }
  }
}

/**
 * Chooses the labels to draw (`obstacles`, e.g. the entities' discs, are kept clear by unforced labels): forced ones first (each at the first side where it fits, else moved up or down beside its node, else on the right),
 * then the others by priority, each at the first side that collides with nothing already kept and stays inside
 * the view; those that fit nowhere are left out. `limit` caps how many unforced labels are kept.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  view: { width: number; height: number },
  limit = Infinity,
  obstacles: readonly LabelBox[] = [],
): LabelBox[] {
  const index = new BoxIndex();
  const free = new BoxIndex();
  for (const obstacle of obstacles) index.add(obstacle);
  const kept: LabelBox[] = [];
  const inside = (box: LabelBox) => box.left >= 0 && box.top >= 0 && box.right <= view.width && box.bottom <= view.height;
  const ordered = [...candidates].sort(
    (a, b) => Number(b.forced) - Number(a.forced) || b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  let unforced = 0;
  for (const candidate of ordered) {
    if (!candidate.forced && unforced >= limit) break;
    let chosen: LabelBox | undefined;
    // Every label tries to keep off other labels and entities' discs; a forced one may cover discs if it must.
    for (const within of candidate.forced ? [index, free] : [index]) {
      for (const side of SIDES) {
        const box = boxAt(candidate, side);
        if (!within.collides(box) && (candidate.forced || inside(box))) {
          chosen = box;
          break;
        }
      }
      if (chosen) break;
    }
    // A forced label with no free side (a crowded neighbourhood) moves up or down beside its node, a row at a time.
    for (let step = 1; !chosen && candidate.forced && step <= FORCED_SHIFTS; step += 1) {
      for (const side of ['right', 'left'] as const) {
        for (const direction of [1, -1]) {
          const box = shifted(boxAt(candidate, side), direction * step * (candidate.height + GAP));
          if (!chosen && !free.collides(box)) chosen = box;
        }
      }
    }
    if (!chosen && candidate.forced) {
      const right = boxAt(candidate, 'right');
      chosen = inside(right) ? right : boxAt(candidate, 'left');
    }
    if (!chosen) continue;
    if (!candidate.forced) unforced += 1;
    index.add(chosen);
    free.add(chosen);
    kept.push(chosen);
  }
  return kept;
}
