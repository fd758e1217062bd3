// Draws the graph with sigma. Every change of appearance (colour mode, filters, hover, selection) goes
// through sigma's node and edge reducers; the graph's data is never changed for display.
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { colourForCommunity, type EntityAttributes, type ExplorerGraph, type LinkAttributes } from './graph-model.ts';
import type { Visibility } from './filters.ts';
import { MAX_CAMERA_RATIO, MIN_CAMERA_RATIO, type CameraView, type ColourMode, type Selection } from './url-state.ts';

const DIMMED_NODE = '#e3e6ea';
const DIMMED_EDGE = '#eef0f3';
const RELATION_EDGE = '#c490a8';
const SELECTED_EDGE = '#1f5fbf';
/** Above these sizes the graph counts as large (see GraphRenderer.large). */
const LARGE_EDGES = 20_000;
const LARGE_NODES = 5_000;
/** How long the camera must rest before it is reported, so panning does not rewrite the URL every frame. */
const CAMERA_SETTLE_MS = 250;

export interface RendererEvents {
  onClickNode: (key: string) => void;
  onClickEdge: (key: string) => void;
  onClickStage: () => void;
  onFirstRender: () => void;
  /** The camera came to rest after the user or an animation moved it. */
  onCameraSettled: (camera: CameraView) => void;
}

export class GraphRenderer {
  readonly sigma: Sigma<EntityAttributes, LinkAttributes>;
  private visibility: Visibility | null = null;
  private colourMode: ColourMode = 'type';
  private selection: Selection = null;
  private hovered: string | null = null;
  private focusNeighbours = new Set<string>();
  private readonly maxWeight: number;
  /** Big graphs trade hover dimming, edge picking and edges during layout for a responsive page. */
  readonly large: boolean;
  private layoutRunning = false;
  private cameraTimer: number | undefined;

  constructor(container: HTMLElement, private readonly graph: ExplorerGraph, events: RendererEvents) {
    let maxWeight = 1;
    graph.forEachEdge((_edge, link) => {
      if (link.weight > maxWeight) maxWeight = link.weight;
    });
    this.maxWeight = maxWeight;
    const large = graph.size > LARGE_EDGES || graph.order > LARGE_NODES;
    this.large = large;
    this.sigma = new Sigma<EntityAttributes, LinkAttributes>(graph, container, {
      zIndex: !large,
      enableEdgeEvents: !large,
      hideEdgesOnMove: large,
      labelDensity: 0.6,
      labelGridCellSize: 80,
      labelRenderedSizeThreshold: 7,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
      labelSize: 13,
      labelColor: { color: '#1f2933' },
      defaultEdgeColor: '#b8c0cc',
      minCameraRatio: MIN_CAMERA_RATIO,
      maxCameraRatio: MAX_CAMERA_RATIO,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    let rendered = false;
    this.sigma.on('afterRender', () => {
      if (rendered) return;
      rendered = true;
      events.onFirstRender();
    });
    this.sigma.on('enterNode', ({ node }) => this.setHovered(node));
    this.sigma.on('leaveNode', () => this.setHovered(null));
    this.sigma.on('clickNode', ({ node }) => events.onClickNode(node));
    this.sigma.on('clickEdge', ({ edge }) => events.onClickEdge(edge));
    this.sigma.on('clickStage', () => events.onClickStage());
    this.sigma.on('enterEdge', () => container.classList.add('pointing'));
    this.sigma.on('leaveEdge', () => container.classList.remove('pointing'));
    const camera = this.sigma.getCamera();
    camera.on('updated', () => {
      window.clearTimeout(this.cameraTimer);
      this.cameraTimer = window.setTimeout(() => {
        this.cameraTimer = undefined;
        if (camera.isAnimated()) return;
        events.onCameraSettled(this.cameraView());
      }, CAMERA_SETTLE_MS);
    });
  }

  cameraView(): CameraView {
    const { x, y, ratio, angle } = this.sigma.getCamera().getState();
    return { x, y, ratio, angle };
  }

  /** Puts the camera straight at a view (no animation), e.g. the one a shared link names. */
  setCameraView(view: CameraView): void {
    this.sigma.getCamera().setState(view);
  }

  setVisibility(visibility: Visibility): void {
    this.visibility = visibility;
    this.updateFocus();
    this.sigma.refresh();
  }

  /** On large graphs edges and labels are hidden while ForceAtlas2 moves the nodes, so each frame stays cheap. */
  setLayoutRunning(running: boolean): void {
    this.layoutRunning = running;
    if (!this.large) return;
    this.sigma.setSetting('renderLabels', !running);
    this.sigma.refresh({ skipIndexation: true });
  }

  setColourMode(mode: ColourMode): void {
    this.colourMode = mode;
    this.sigma.refresh({ skipIndexation: true });
  }

  setSelection(selection: Selection): void {
    this.selection = selection;
    this.updateFocus();
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Moves the camera onto an entity, zooming in a little if the view is wide. */
  centreOn(key: string): void {
    const display = this.sigma.getNodeDisplayData(key);
    if (!display) return;
    const camera = this.sigma.getCamera();
    void camera.animate({ x: display.x, y: display.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
  }

  kill(): void {
    window.clearTimeout(this.cameraTimer);
    this.sigma.kill();
  }

  private setHovered(node: string | null): void {
    // On large graphs, dimming everything on each hover would re-process every item; selection still does.
    if (this.large) return;
    this.hovered = node;
    this.updateFocus();
    this.sigma.refresh({ skipIndexation: true });
  }

  /** The entity whose neighbourhood is highlighted: the hovered one, else the selected one. */
  private focusNode(): string | null {
    if (this.hovered) return this.hovered;
    return this.selection?.kind === 'node' && this.graph.hasNode(this.selection.key) ? this.selection.key : null;
  }

  private updateFocus(): void {
    this.focusNeighbours = new Set();
    const focus = this.focusNode();
    if (focus) {
      this.graph.forEachEdge(focus, (edge, _link, source, target) => {
        if (this.visibility && !this.visibility.edges.has(edge)) return;
        this.focusNeighbours.add(source === focus ? target : source);
      });
      this.focusNeighbours.add(focus);
    } else if (this.selection?.kind === 'edge' && this.graph.hasEdge(this.selection.key)) {
      for (const end of this.graph.extremities(this.selection.key)) this.focusNeighbours.add(end);
    }
  }

  private reduceNode(node: string, data: EntityAttributes): Partial<NodeDisplayData> {
    const display: Partial<NodeDisplayData> = {
      x: data.x,
      y: data.y,
      size: data.size,
      label: data.label,
      color: this.colourMode === 'community' ? colourForCommunity(data.community) : data.color,
      zIndex: 1,
    };
    if (this.visibility && !this.visibility.nodes.has(node)) display.hidden = true;
    const focusing = this.focusNeighbours.size > 0;
    if (focusing && !this.focusNeighbours.has(node)) {
      display.color = DIMMED_NODE;
      display.label = '';
      display.zIndex = 0;
    } else if (focusing) {
      display.zIndex = 2;
      const focus = this.focusNode();
      const selectedNode = this.selection?.kind === 'node' ? this.selection.key : null;
      if (node === focus || node === selectedNode || this.selection?.kind === 'edge') {
        display.highlighted = true;
        display.forceLabel = true;
      }
    }
    return display;
  }

  private reduceEdge(edge: string, data: LinkAttributes): Partial<EdgeDisplayData> {
    const weight = this.visibility?.edgeWeights.get(edge) ?? data.weight;
    const share = Math.sqrt(Math.min(1, weight / this.maxWeight));
    const thickness = this.large ? 0.4 + 1.2 * share : 0.6 + 3.4 * share;
    const display: Partial<EdgeDisplayData> =
      data.kind === 'co-mention'
        ? { size: thickness, color: `rgba(110, 122, 140, ${(0.28 + 0.5 * share).toFixed(2)})`, zIndex: 1 }
        : { size: 1, color: RELATION_EDGE, zIndex: 1 };
    if (this.visibility && !this.visibility.edges.has(edge)) display.hidden = true;
    if (this.large && this.layoutRunning) display.hidden = true;
    if (this.selection?.kind === 'edge' && this.selection.key === edge) {
      return { ...display, color: SELECTED_EDGE, size: (display.size ?? 1) + 2, zIndex: 3 };
    }
    const focus = this.focusNode();
    if (focus) {
      const [source, target] = this.graph.extremities(edge);
      if (source !== focus && target !== focus) {
        display.color = DIMMED_EDGE;
        display.zIndex = 0;
      } else {
        display.zIndex = 2;
      }
    } else if (this.selection?.kind === 'edge') {
      display.color = DIMMED_EDGE;
      display.zIndex = 0;
    }
    return display;
  }
}
