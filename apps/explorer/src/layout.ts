// ForceAtlas2 in a web worker through graphology's supervisor: start and stop from the toolbar,
// positions stay where they are on stop, and the worker is killed when the graph goes away.
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { ExplorerGraph } from './graph-model.ts';

/** Graphs above this many nodes + links get their positions copied to the screen now and then. */
const THROTTLE_ABOVE = 15_000;
/** Pause between copies: at least this, and at least SYNC_COST_FACTOR times what the last copy cost to draw. */
const MIN_SYNC_MS = 250;
const MAX_SYNC_MS = 8000;
const SYNC_COST_FACTOR = 5;

interface LayoutNode {
  x: number;
  y: number;
}

/**
 * On small graphs the supervisor moves the displayed graph directly (every iteration is drawn). On large
 * ones it moves a light copy (positions and summed link weights) and the positions are copied onto the
 * displayed graph from time to time, pausing SYNC_COST_FACTOR times as long as the last redraw took, so
 * drawing takes at most about a fifth of the page's time however slow the machine's graphics are.
 */
export class LayoutControl {
  private supervisor: FA2LayoutSupervisor | null = null;
  private layoutGraph: UndirectedGraph<LayoutNode, { weight: number }> | null = null;
  private syncTimer: number | undefined;
  private syncing = false;
  private readonly throttled: boolean;

  constructor(
    private readonly graph: ExplorerGraph,
    private readonly onStateChange: (running: boolean) => void,
  ) {
    this.throttled = graph.order + graph.size > THROTTLE_ABOVE;
  }

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  start(): void {
    if (!this.supervisor) {
      const target = this.throttled ? this.buildLayoutGraph() : this.graph;
      const settings = { ...forceAtlas2.inferSettings(target), barnesHutOptimize: target.order > 2000 };
      this.supervisor = new FA2LayoutSupervisor(target, { settings, getEdgeWeight: 'weight' });
    }
    this.supervisor.start();
    if (this.throttled) {
      this.syncing = true;
      this.scheduleSync(MIN_SYNC_MS);
    }
    this.onStateChange(true);
  }

  stop(): void {
    this.supervisor?.stop();
    this.endSync();
    this.onStateChange(false);
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.start();
  }

  /** Ends the worker for good (graph replaced or page closing). */
  kill(): void {
    this.supervisor?.kill();
    this.supervisor = null;
    this.endSync();
    this.onStateChange(false);
  }

  private scheduleSync(delay: number): void {
    this.syncTimer = window.setTimeout(() => {
      if (!this.syncing) return;
      const started = performance.now();
      this.copyPositions();
      // Two frames later the copy has been drawn: that time is what one redraw costs on this machine.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const cost = performance.now() - started;
          if (this.syncing) this.scheduleSync(Math.min(MAX_SYNC_MS, Math.max(MIN_SYNC_MS, SYNC_COST_FACTOR * cost)));
        }),
      );
    }, delay);
  }

  private endSync(): void {
    if (!this.syncing) return;
    this.syncing = false;
    window.clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    this.copyPositions();
  }

  private buildLayoutGraph(): UndirectedGraph<LayoutNode, { weight: number }> {
    const copy = new UndirectedGraph<LayoutNode, { weight: number }>();
    this.graph.forEachNode((node, attributes) => copy.addNode(node, { x: attributes.x, y: attributes.y }));
    this.graph.forEachEdge((_edge, link, source, target) => {
      copy.updateEdge(source, target, (current) => ({ weight: (current.weight ?? 0) + link.weight }));
    });
    this.layoutGraph = copy;
    return copy;
  }

  private copyPositions(): void {
    const layout = this.layoutGraph;
    if (!layout) return;
    this.graph.updateEachNodeAttributes(
      (node, attributes) => {
        const position = layout.getNodeAttributes(node);
        attributes.x = position.x;
        attributes.y = position.y;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
  }
}
