// A map that holds still: after transcripts are added, entities already on the map keep their positions and
// new ones start at the weighted barycentre of their placed neighbours, then settle for a few steps. Pure.
import type { CoMentionNetwork, LayoutResult } from '@missiongraph/graph';

/** Steps of settling for the new entities: pulled to their neighbours, pushed off entities too close. */
const SETTLE_STEPS = 30;

/**
 * Positions for every node of `network`: those in `previous` stay exactly where they were; the others are placed
 * near their neighbours (a ring outside the map for those with no placed neighbour) and settle briefly.
 */
export function placeNewNodes(network: CoMentionNetwork, previous: ReadonlyMap<string, { x: number; y: number }>): LayoutResult {
  const count = network.keys.length;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const fixed = new Uint8Array(count);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  network.keys.forEach((key, index) => {
    const position = previous.get(key);
    if (!position) return;
    x[index] = position.x;
    y[index] = position.y;
    fixed[index] = 1;
    minX = Math.min(minX, position.x);
    maxX = Math.max(maxX, position.x);
    minY = Math.min(minY, position.y);
    maxY = Math.max(maxY, position.y);
  });
  if (!Number.isFinite(minX)) [minX, maxX, minY, maxY] = [-100, 100, -100, 100];
  const span = Math.max(1, maxX - minX, maxY - minY);
  const centreX = (minX + maxX) / 2;
  const centreY = (minY + maxY) / 2;
  // Entities closer than this push each other apart: the mean spacing of the placed map.
  const spacing = span / Math.sqrt(Math.max(1, previous.size)) / 2;
  const fresh: number[] = [];
  for (let index = 0; index < count; index += 1) if (!fixed[index]) fresh.push(index);

  const placed = new Uint8Array(fixed);
  // New entities with the most placed neighbours first, so chains of new entities start from the map.
  const pending = new Set(fresh);
  let ring = 0;
  while (pending.size > 0) {
    let best = -1;
    let bestWeight = 0;
    for (const index of pending) {
      let weight = 0;
      for (let entry = network.offsets[index]!; entry < network.offsets[index + 1]!; entry += 1) {
        if (placed[network.neighbours[entry]!]) weight += network.weights[entry]!;
      }
      if (weight > bestWeight || best === -1) [best, bestWeight] = [index, weight];
    }
    pending.delete(best);
    if (bestWeight > 0) {
      let sumX = 0;
      let sumY = 0;
      for (let entry = network.offsets[best]!; entry < network.offsets[best + 1]!; entry += 1) {
        const other = network.neighbours[entry]!;
        if (!placed[other]) continue;
        sumX += network.weights[entry]! * x[other]!;
        sumY += network.weights[entry]! * y[other]!;
      }
      // A small turn of the golden angle keeps entities with the same neighbours apart.
      const angle = best * 2.399963229728653;
      x[best] = sumX / bestWeight + spacing * 0.5 * Math.cos(angle);
      y[best] = sumY / bestWeight + spacing * 0.5 * Math.sin(angle);
    } else {
      const angle = ring * 2.399963229728653;
      x[best] = centreX + (span / 2 + spacing) * Math.cos(angle);
      y[best] = centreY + (span / 2 + spacing) * Math.sin(angle);
      ring += 1;
    }
    placed[best] = 1;
  }

  for (let step = 0; step < SETTLE_STEPS; step += 1) {
    const cooling = 1 - step / SETTLE_STEPS;
    for (const index of fresh) {
      let sumX = 0;
      let sumY = 0;
      let total = 0;
      for (let entry = network.offsets[index]!; entry < network.offsets[index + 1]!; entry += 1) {
        const other = network.neighbours[entry]!;
        sumX += network.weights[entry]! * x[other]!;
        sumY += network.weights[entry]! * y[other]!;
        total += network.weights[entry]!;
      }
      let moveX = total > 0 ? (sumX / total - x[index]!) * 0.3 : 0;
      let moveY = total > 0 ? (sumY / total - y[index]!) * 0.3 : 0;
      for (let other = 0; other < count; other += 1) {
        if (other === index) continue;
        const dx = x[index]! - x[other]!;
        const dy = y[index]! - y[other]!;
        const distance = Math.hypot(dx, dy);
        if (distance >= spacing) continue;
        const push = (spacing - distance) / 2;
        const direction = distance > 1e-9 ? 1 / distance : 0;
        moveX += (direction ? dx * direction : Math.cos(index)) * push;
        moveY += (direction ? dy * direction : Math.sin(index)) * push;
      }
      x[index] = x[index]! + moveX * cooling;
      y[index] = y[index]! + moveY * cooling;
    }
  }
  return { x, y, iterations: SETTLE_STEPS, converged: true };
}
