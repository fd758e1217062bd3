// One ForceAtlas2 iteration whose repulsion is estimated over a quadtree with buckets (Barnes-Hut): n log n per
// iteration instead of n². Same matrices, settings and forces as graphology's iterate; deterministic (fixed orders).

/** Fields per node and per edge in the matrices (graphology-layout-forceatlas2's layout). */
const PPN = 10;
const PPE = 3;
const X = 0;
const Y = 1;
const DX = 2;
const DY = 3;
const OLD_DX = 4;
const OLD_DY = 5;
const MASS = 6;
const CONVERGENCE = 7;
const FIXED = 9;

/** A cell holds at most this many nodes before it is split… */
const LEAF_NODES = 8;
/** …unless it is this deep (nodes on one point stay together in one leaf, never lost). */
const MAX_DEPTH = 24;
/** A cell is taken as one body when its side is under THETA times its distance to the node. */
export const BARNES_HUT_THETA = 0.5;

/** The settings this iteration reads (graphology's names; linLog, outbound distribution and adjustSizes are not supported). */
export interface BarnesHutSettings {
  scalingRatio?: number;
  gravity?: number;
  strongGravityMode?: boolean;
  slowDown?: number;
  edgeWeightInfluence?: number;
}

/** The quadtree of one iteration: cells in flat arrays, each leaf a range of `order`. */
class QuadTree {
  order: Int32Array;
  /** Per cell: mass, mass centre, side, range in `order`, first child and number of children (0 for a leaf). */
  mass = new Float64Array(0);
  centerX = new Float64Array(0);
  centerY = new Float64Array(0);
  side = new Float64Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  firstChild = new Int32Array(0);
  children = new Int32Array(0);
  cells = 0;
  private readonly scratch: Int32Array;

  constructor(nodes: number) {
    this.order = new Int32Array(nodes);
    this.scratch = new Int32Array(nodes);
    this.grow(Math.max(16, nodes));
  }

  private grow(capacity: number): void {
    const resize = <T extends Float64Array | Int32Array>(old: T, make: (size: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.cells));
      return next;
    };
    this.mass = resize(this.mass, (size) => new Float64Array(size));
    this.centerX = resize(this.centerX, (size) => new Float64Array(size));
    this.centerY = resize(this.centerY, (size) => new Float64Array(size));
    this.side = resize(this.side, (size) => new Float64Array(size));
    this.start = resize(this.start, (size) => new Int32Array(size));
    this.end = resize(this.end, (size) => new Int32Array(size));
    this.firstChild = resize(this.firstChild, (size) => new Int32Array(size));
    this.children = resize(this.children, (size) => new Int32Array(size));
  }

  private newCell(from: number, to: number, side: number): number {
    if (this.cells === this.mass.length) this.grow(this.cells * 2);
    const cell = this.cells;
    this.cells += 1;
    this.start[cell] = from;
    this.end[cell] = to;
    this.side[cell] = side;
    this.children[cell] = 0;
    return cell;
  }

  /** Builds the tree over every node of the matrix: cells in breadth-first order, the nodes of a cell in index order. */
  build(matrix: Float32Array, count: number): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < count; i += 1) {
      const x = matrix[i * PPN + X]!;
      const y = matrix[i * PPN + Y]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      this.order[i] = i;
    }
    this.cells = 0;
    const side = Math.max(maxX - minX, maxY - minY, 1e-9);
    const cornerX: number[] = [minX];
    const cornerY: number[] = [minY];
    const depth: number[] = [0];
    this.newCell(0, count, side);
    for (let cell = 0; cell < this.cells; cell += 1) {
      const from = this.start[cell]!;
      const to = this.end[cell]!;
      let mass = 0;
      let sumX = 0;
      let sumY = 0;
      for (let k = from; k < to; k += 1) {
        const at = this.order[k]! * PPN;
        const m = matrix[at + MASS]!;
        mass += m;
        sumX += m * matrix[at + X]!;
        sumY += m * matrix[at + Y]!;
      }
      this.mass[cell] = mass;
      this.centerX[cell] = sumX / mass;
      this.centerY[cell] = sumY / mass;
      if (to - from <= LEAF_NODES || depth[cell]! >= MAX_DEPTH) continue;
      // Split into quadrants, keeping index order inside each (a counting sort over the four).
      const half = this.side[cell]! / 2;
      const midX = cornerX[cell]! + half;
      const midY = cornerY[cell]! + half;
      const counts = [0, 0, 0, 0];
      for (let k = from; k < to; k += 1) {
        const at = this.order[k]! * PPN;
        counts[(matrix[at + X]! < midX ? 0 : 1) + (matrix[at + Y]! < midY ? 0 : 2)]! += 1;
      }
      const offsets = [from, from + counts[0]!, from + counts[0]! + counts[1]!, from + counts[0]! + counts[1]! + counts[2]!];
      const fill = [...offsets];
      for (let k = from; k < to; k += 1) {
        const node = this.order[k]!;
        const quadrant = (matrix[node * PPN + X]! < midX ? 0 : 1) + (matrix[node * PPN + Y]! < midY ? 0 : 2);
        this.scratch[fill[quadrant]!] = node;
        fill[quadrant]! += 1;
      }
      this.order.set(this.scratch.subarray(from, to), from);
      this.firstChild[cell] = this.cells;
      for (let quadrant = 0; quadrant < 4; quadrant += 1) {
        if (counts[quadrant] === 0) continue;
        const child = this.newCell(offsets[quadrant]!, offsets[quadrant]! + counts[quadrant]!, half);
        this.children[cell]! += 1;
        depth[child] = depth[cell]! + 1;
        cornerX[child] = quadrant % 2 === 0 ? cornerX[cell]! : midX;
        cornerY[child] = quadrant < 2 ? cornerY[cell]! : midY;
      }
    }
  }
}

const trees = new WeakMap<Float32Array, QuadTree>();

/**
 * One ForceAtlas2 iteration on graphology's node and edge matrices (linear repulsion with Barnes-Hut, strong or
 * normal gravity, linear attraction, then each node's adaptive speed), changing `nodes` in place. Returns the
 * number of repulsions computed (node–node and node–cell), the work that is n log n, for the tests to count.
 */
export function iterateBarnesHut(settings: BarnesHutSettings, nodes: Float32Array, edges: Float32Array, theta = BARNES_HUT_THETA): number {
  const count = nodes.length / PPN;
  const scaling = settings.scalingRatio ?? 1;
  const gravity = settings.gravity ?? 1;
  const slowDown = settings.slowDown ?? 1;
  const influence = settings.edgeWeightInfluence ?? 1;
  for (let at = 0; at < nodes.length; at += PPN) {
    nodes[at + OLD_DX] = nodes[at + DX]!;
    nodes[at + OLD_DY] = nodes[at + DY]!;
  }
  let tree = trees.get(nodes);
  if (tree === undefined || tree.order.length !== count) {
    tree = new QuadTree(count);
    trees.set(nodes, tree);
  }
  tree.build(nodes, count);
  const forceX = new Float64Array(count);
  const forceY = new Float64Array(count);
  const stack = new Int32Array(tree.cells + 1);
  const thetaSquared = theta * theta;
  const { order, mass, centerX, centerY, side, start, end, firstChild, children } = tree;
  // Positions and masses in tree order: a leaf's nodes are side by side in memory, and nodes taken in that order
  // walk nearly the same cells one after another.
  const sortedX = new Float64Array(count);
  const sortedY = new Float64Array(count);
  const sortedMass = new Float64Array(count);
  for (let k = 0; k < count; k += 1) {
    const at = order[k]! * PPN;
    sortedX[k] = nodes[at + X]!;
    sortedY[k] = nodes[at + Y]!;
    sortedMass[k] = nodes[at + MASS]!;
  }
  let repulsions = 0;
  for (let self = 0; self < count; self += 1) {
    const xi = sortedX[self]!;
    const yi = sortedY[self]!;
    const coefficient = scaling * sortedMass[self]!;
    let fx = 0;
    let fy = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const cell = stack[--top]!;
      if (children[cell] === 0) {
        repulsions += end[cell]! - start[cell]!;
        for (let k = start[cell]!; k < end[cell]!; k += 1) {
          if (k === self) continue;
          const xDist = xi - sortedX[k]!;
          const yDist = yi - sortedY[k]!;
          const distance = xDist * xDist + yDist * yDist;
          if (distance > 0) {
            const factor = (coefficient * sortedMass[k]!) / distance;
            fx += xDist * factor;
            fy += yDist * factor;
          }
        }
        continue;
      }
      const xDist = xi - centerX[cell]!;
      const yDist = yi - centerY[cell]!;
      const distance = xDist * xDist + yDist * yDist;
      const s = side[cell]!;
      if (s * s < thetaSquared * distance) {
        repulsions += 1;
        const factor = (coefficient * mass[cell]!) / distance;
        fx += xDist * factor;
        fy += yDist * factor;
      } else {
        const first = firstChild[cell]!;
        for (let child = first + children[cell]! - 1; child >= first; child -= 1) stack[top++] = child;
      }
    }
    forceX[order[self]!] = fx;
    forceY[order[self]!] = fy;
  }
  for (let i = 0; i < count; i += 1) {
    const x = nodes[i * PPN + X]!;
    const y = nodes[i * PPN + Y]!;
    const distance = Math.sqrt(x * x + y * y);
    if (distance > 0) {
      const factor = settings.strongGravityMode === true ? nodes[i * PPN + MASS]! * gravity : (nodes[i * PPN + MASS]! * gravity) / distance;
      forceX[i] = forceX[i]! - x * factor;
      forceY[i] = forceY[i]! - y * factor;
    }
  }
  for (let at = 0; at < edges.length; at += PPE) {
    const a = edges[at]! / PPN;
    const b = edges[at + 1]! / PPN;
    const factor = -(influence === 1 ? edges[at + 2]! : edges[at + 2]! ** influence);
    const xDist = nodes[a * PPN + X]! - nodes[b * PPN + X]!;
    const yDist = nodes[a * PPN + Y]! - nodes[b * PPN + Y]!;
    forceX[a] = forceX[a]! + xDist * factor;
    forceY[a] = forceY[a]! + yDist * factor;
    forceX[b] = forceX[b]! - xDist * factor;
    forceY[b] = forceY[b]! - yDist * factor;
  }
  for (let i = 0; i < count; i += 1) {
    const at = i * PPN;
    nodes[at + DX] = forceX[i]!;
    nodes[at + DY] = forceY[i]!;
    if (nodes[at + FIXED] === 1) continue;
    const dx = nodes[at + DX]!;
    const dy = nodes[at + DY]!;
    const oldDx = nodes[at + OLD_DX]!;
    const oldDy = nodes[at + OLD_DY]!;
    const swinging = nodes[at + MASS]! * Math.sqrt((oldDx - dx) ** 2 + (oldDy - dy) ** 2);
    const traction = Math.sqrt((oldDx + dx) ** 2 + (oldDy + dy) ** 2) / 2;
    const speed = (nodes[at + CONVERGENCE]! * Math.log(1 + traction)) / (1 + Math.sqrt(swinging));
    nodes[at + CONVERGENCE] = Math.min(1, Math.sqrt((speed * (dx * dx + dy * dy)) / (1 + Math.sqrt(swinging))));
    nodes[at + X] = nodes[at + X]! + dx * (speed / slowDown);
    nodes[at + Y] = nodes[at + Y]! + dy * (speed / slowDown);
  }
  return repulsions;
}
