// ForceAtlas2 in a web worker through graphology's supervisor: start and stop from the toolbar,
// positions stay where they are on stop, and the worker is killed when the graph goes away.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { ExplorerGraph } from './graph-model.ts';

export class LayoutControl {
  private supervisor: FA2LayoutSupervisor | null = null;

  constructor(
    private graph: ExplorerGraph,
    private readonly onStateChange: (running: boolean) => void,
  ) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  start(): void {
    if (!this.supervisor) {
      const settings = { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 2000 };
      this.supervisor = new FA2LayoutSupervisor(this.graph, { settings, getEdgeWeight: 'weight' });
    }
    this.supervisor.start();
    this.onStateChange(true);
  }

  stop(): void {
    this.supervisor?.stop();
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
    this.onStateChange(false);
  }
}
