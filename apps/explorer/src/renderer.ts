// Draws the graph with sigma. Every change of appearance (color mode, filters, hover, selection) goes
// through sigma's node and edge reducers; the graph's data is never changed for display.
import { MultiUndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { createEdgeArrowProgram, drawDiscNodeLabel, EdgeLineProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from 'sigma/types';
import { colorForCommunity, isDirected, type EntityAttributes, type ExplorerGraph, type LinkAttributes } from './graph-model.ts';
import type { Visibility } from './filters.ts';
import { placeLabels, type LabelBox, type LabelCandidate } from './labels.ts';
import { MAX_CAMERA_RATIO, MIN_CAMERA_RATIO, type CameraView, type ColorMode, type Selection } from './url-state.ts';

const DIMMED_NODE = '#e3e6ea';
const DIMMED_EDGE = '#eef0f3';
const RELATION_EDGE = '#c490a8';
const SELECTED_EDGE = '#1f5fbf';
/**
 * Directed links are drawn with sigma's arrow program (a line and a head at the target), undirected ones with its
 * line program. The head is larger than sigma's default (2.5 × 2 thicknesses) and a directed link at least
 * MIN_ARROW_THICKNESS thick, so the head of a thin link still reads as an arrow.
 */
const ARROW_PROGRAM = createEdgeArrowProgram({ lengthToThicknessRatio: 4, widenessToThicknessRatio: 3.5 });
const EDGE_PROGRAMS = { line: EdgeRectangleProgram, arrow: ARROW_PROGRAM };
/**
 * Large graphs draw undirected links as one-pixel GL lines: a browser without a graphics card rasterises each
 * frame in software, and 100k anti-aliased rectangles cost it seconds a frame where lines cost a fraction.
 */
const LARGE_EDGE_PROGRAMS = { line: EdgeLineProgram, arrow: ARROW_PROGRAM };
const MIN_ARROW_THICKNESS = 2;
/** Above these sizes the graph counts as large (see GraphRenderer.large). */
const LARGE_EDGES = 20_000;
const LARGE_NODES = 5_000;
/** Label text size and the smallest drawn node radius (pixels) whose label is considered when not forced. */
const LABEL_SIZE = 13;
const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const MIN_LABELLED_RADIUS = 3;
/** At most this many labels that are not forced, so a zoomed-out view of a huge graph stays legible and cheap. */
const MAX_PLACED_LABELS = 250;
/**
 * At most this many unforced labels, the largest on screen, are measured and tried each frame: on a 10k-node graph
 * the 250 that fit are found among them (a label tried later would need thousands of larger ones not to fit).
 */
const MAX_LABEL_CANDIDATES = 8 * MAX_PLACED_LABELS;
/** Space around the graph in the first view and after Fit, in pixels, so labels at the edge are not cut. */
const STAGE_PADDING = 48;

/**
 * How labels are chosen: `placed`, our collision-free placement (the default); `grid`, sigma's own label grid
 * with sigma's default settings (what Gephi Lite and most sigma apps draw), kept for comparison (`?labels=grid`).
 */
export type LabelMode = 'placed' | 'grid';

/**
 * What the reducers draw from: the state of the last refresh is kept, so that the next one reprocesses (on large
 * graphs) only what differs; small graphs are refreshed whole, which is cheap and keeps the z-order.
 */
interface DrawnState {
  visibility: Visibility | null;
  colorMode: ColorMode;
  overlay: ((node: string) => string) | null;
  neighbours: ReadonlySet<string>;
  focus: string | null;
  selectedNode: string | null;
  selectedEdge: string | null;
}

function sameFocus(a: DrawnState, b: DrawnState): boolean {
  return (
    a.focus === b.focus &&
    a.selectedNode === b.selectedNode &&
    a.selectedEdge === b.selectedEdge &&
    a.neighbours.size === b.neighbours.size &&
    [...a.neighbours].every((node) => b.neighbours.has(node))
  );
}

function sameDrawnState(a: DrawnState, b: DrawnState): boolean {
  return a.visibility === b.visibility && a.colorMode === b.colorMode && a.overlay === b.overlay && sameFocus(a, b);
}

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };

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

/** Share of the view that the discs of a large graph may cover at the first view. */
const LARGE_GRAPH_DISC_COVER = 0.3;

/**
 * How much to shrink the discs of a large graph so that together they cover at most LARGE_GRAPH_DISC_COVER of the
 * view: 10k discs at their file sizes would overlap into one blob, and a browser drawing in software pays for
 * every covered pixel in every frame.
 */
function discScale(graph: ExplorerGraph, container: HTMLElement): number {
  let area = 0;
  graph.forEachNode((_node, attributes) => {
    area += Math.PI * attributes.size * attributes.size;
  });
  const view = Math.max(1, container.clientWidth * container.clientHeight);
  return area > 0 ? Math.min(1, Math.sqrt((LARGE_GRAPH_DISC_COVER * view) / area)) : 1;
}

export class GraphRenderer {
  readonly sigma: Sigma<EntityAttributes, LinkAttributes>;
  private visibility: Visibility | null = null;
  private colorMode: ColorMode = 'type';
  private nodeOverlay: ((node: string) => string) | null = null;
  private selection: Selection = null;
  private hovered: string | null = null;
  private focusNeighbours = new Set<string>();
  /** focusNode() as of the last updateFocus(), read by the reducers for every item. */
  private focused: string | null = null;
  /** Display size over file size: below 1 on large graphs whose discs would cover the view several times over. */
  private readonly sizeScale: number;
  private readonly looks = new Map<number, { size: number; color: string }>();
  private readonly maxWeight: number;
  /** Big graphs trade hover dimming, edge picking and edges during layout for a responsive page. */
  readonly large: boolean;
  private layoutRunning = false;
  private cameraTimer: number | undefined;

  /** The labels drawn in the last frame, with their boxes on screen (read by the tests' overlap measure). */
  private drawnLabels: LabelBox[] = [];
  private placement = new Map<string, LabelBox>();
  private placementFrame = -1;
  private frame = 0;
  private readonly textWidths = new Map<string, number>();
  /** The entities by size, largest first (ties by key): the order labels are tried in. */
  private byPriority: string[] | null = null;
  private constructed = false;
  private zoomTarget: number | null = null;
  private readonly measure: CanvasRenderingContext2D | null = document.createElement('canvas').getContext('2d');
  /** The state the last refresh drew; changes since are applied in one sigma refresh in the next frame. */
  private drawn: DrawnState;
  private refreshFrame: number | undefined;
  private readonly allNodes: string[];
  private readonly allEdges: string[];

  constructor(
    container: HTMLElement,
    private readonly graph: ExplorerGraph,
    events: RendererEvents,
    private readonly labelMode: LabelMode = 'placed',
    initial: { visibility?: Visibility; colorMode?: ColorMode; selection?: Selection; camera?: CameraView | null } = {},
  ) {
    // The first processing already draws the view's state: no refresh of 100k links right after it.
    this.visibility = initial.visibility ?? null;
    this.colorMode = initial.colorMode ?? 'type';
    this.selection = initial.selection ?? null;
    this.allNodes = graph.nodes();
    this.allEdges = graph.edges();
    let maxWeight = 1;
    graph.forEachEdge((_edge, link) => {
      if (link.weight > maxWeight) maxWeight = link.weight;
    });
    this.maxWeight = maxWeight;
    this.updateFocus();
    this.drawn = this.drawnState();
    const large = graph.size > LARGE_EDGES || graph.order > LARGE_NODES;
    this.large = large;
    this.sizeScale = large ? discScale(graph, container) : 1;
    if (this.measure) this.measure.font = `${LABEL_SIZE}px ${LABEL_FONT}`;
    const labelSettings: Partial<Settings<EntityAttributes, LinkAttributes>> =
      labelMode === 'grid'
        ? {
            labelDensity: 1,
            labelGridCellSize: 100,
            labelRenderedSizeThreshold: 6,
            defaultDrawNodeLabel: (context, data, settings) => {
              this.recordLabel(data, data.x + data.size + 3, data.y);
              drawDiscNodeLabel(context, data, settings);
            },
          }
        : {
            // Every node is a candidate for sigma; drawLabel keeps only what placeLabels chose for this frame.
            labelDensity: 1_000_000,
            labelGridCellSize: 200,
            labelRenderedSizeThreshold: 0,
            defaultDrawNodeLabel: (context, data) => this.drawPlacedLabel(context, data),
            defaultDrawNodeHover: (context, data) => this.drawHover(context, data),
          };
    // Sigma is built on an empty graph (its constructor's frame then draws nothing) and handed the graph after, so
    // the first frame is drawn once, with labels: built on the graph, sigma drew it in its constructor (without
    // labels, this.sigma being unset) and again in the next frame, and a browser drawing in software rasterised
    // 100k links twice before anything showed.
    this.sigma = new Sigma<EntityAttributes, LinkAttributes>(new MultiUndirectedGraph<EntityAttributes, LinkAttributes>(), container, {
      zIndex: !large,
      enableEdgeEvents: !large,
      hideEdgesOnMove: large,
      labelFont: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelColor: { color: '#1f2933' },
      stagePadding: STAGE_PADDING,
      defaultEdgeColor: '#b8c0cc',
      defaultEdgeType: 'line',
      edgeProgramClasses: large ? LARGE_EDGE_PROGRAMS : EDGE_PROGRAMS,
      minCameraRatio: MIN_CAMERA_RATIO,
      maxCameraRatio: MAX_CAMERA_RATIO,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
      ...labelSettings,
    });
    this.constructed = true;
    this.sigma.on('beforeRender', () => {
      this.frame += 1;
      this.drawnLabels = [];
    });
    let rendered = false;
    this.sigma.on('afterRender', () => {
      if (rendered || this.sigma.getGraph() !== graph) return;
      rendered = true;
      events.onFirstRender();
    });
    // A view named elsewhere (a shared link) is set before the graph, so the first frame already shows it.
    if (initial.camera) this.sigma.getCamera().setState(initial.camera);
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
    // Processes the graph and draws the first frame (once), now.
    this.sigma.setGraph(graph);
  }

  cameraView(): CameraView {
    const { x, y, ratio, angle } = this.sigma.getCamera().getState();
    return { x, y, ratio, angle };
  }

  /** Puts the camera straight at a view (no animation), e.g. the one a shared link names. */
  setCameraView(view: CameraView): void {
    this.sigma.getCamera().setState(view);
  }

  /**
   * New filters: on large graphs only the entities and links whose display changes (shown or hidden, another
   * weight, in or out of the focus) are reprocessed, in the next frame.
   */
  setVisibility(visibility: Visibility): void {
    this.visibility = visibility;
    this.updateFocus();
    this.scheduleFlush();
  }

  /** On large graphs edges and labels are hidden while ForceAtlas2 moves the nodes, so each frame stays cheap. */
  setLayoutRunning(running: boolean): void {
    this.layoutRunning = running;
    if (!this.large) return;
    // Sigma reprocesses everything after a setting changes: the links are hidden or shown again then.
    this.sigma.setSetting('renderLabels', !running);
  }

  /** A colour per node drawn over the colour mode (the theme layer), or null for the map's own colours. */
  setNodeOverlay(overlay: ((node: string) => string) | null): void {
    this.nodeOverlay = overlay;
    this.scheduleFlush();
  }

  setColorMode(mode: ColorMode): void {
    this.colorMode = mode;
    this.scheduleFlush();
  }

  setSelection(selection: Selection): void {
    this.selection = selection;
    this.updateFocus();
    this.scheduleFlush();
  }

  /**
   * Applies the changes made since the last frame now (also before reading what is drawn, e.g. for an export): one
   * sigma refresh, of everything on small graphs, of what differs from the drawn state on large ones.
   */
  flush(): void {
    if (this.refreshFrame !== undefined) cancelAnimationFrame(this.refreshFrame);
    this.refreshFrame = undefined;
    const drawn = this.drawn;
    const wanted = this.drawnState();
    if (sameDrawnState(drawn, wanted)) return;
    this.drawn = wanted;
    if (!this.large) {
      this.sigma.refresh();
      return;
    }
    const { nodes, edges } = this.changedItems(drawn, wanted);
    if (nodes.length === 0 && edges.length === 0) return;
    this.sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true });
  }

  /** Refreshes once, in the next frame, however many changes come before it. */
  private scheduleFlush(): void {
    this.refreshFrame ??= requestAnimationFrame(() => {
      this.refreshFrame = undefined;
      this.flush();
    });
  }

  private drawnState(): DrawnState {
    const selectedNode = this.selection?.kind === 'node' ? this.selection.key : null;
    const selectedEdge = this.selection?.kind === 'edge' ? this.selection.key : null;
    return {
      visibility: this.visibility,
      colorMode: this.colorMode,
      overlay: this.nodeOverlay,
      neighbours: this.focusNeighbours,
      focus: this.focused,
      selectedNode,
      selectedEdge,
    };
  }

  /**
   * The entities and links whose display differs between two states: all entities when the colours change; all of
   * everything when dimming starts or stops; else both neighbourhoods, the links at both focused entities and both
   * selected links, and whatever the filters show, hide or weigh differently. While the layout runs on a large graph
   * every link is hidden anyway: links are all reprocessed when it stops (setLayoutRunning).
   */
  private changedItems(drawn: DrawnState, wanted: DrawnState): { nodes: string[]; edges: string[] } {
    const dims = (state: DrawnState) => state.neighbours.size > 0 || state.selectedEdge !== null;
    if (dims(drawn) !== dims(wanted) || (drawn.focus === null) !== (wanted.focus === null)) {
      return { nodes: this.allNodes, edges: this.layoutRunning ? [] : this.allEdges };
    }
    const focusNodes = new Set<string>();
    const focusEdges = new Set<string>();
    if (!sameFocus(drawn, wanted)) {
      for (const state of [drawn, wanted]) {
        for (const node of state.neighbours) focusNodes.add(node);
        if (state.selectedNode !== null && this.graph.hasNode(state.selectedNode)) focusNodes.add(state.selectedNode);
        if (state.selectedEdge !== null && this.graph.hasEdge(state.selectedEdge)) focusEdges.add(state.selectedEdge);
        if (state.focus !== null && this.graph.hasNode(state.focus)) this.graph.forEachEdge(state.focus, (edge) => focusEdges.add(edge));
      }
    }
    const recolored = drawn.colorMode !== wanted.colorMode || drawn.overlay !== wanted.overlay;
    const before = drawn.visibility;
    const after = wanted.visibility;
    const refiltered = before !== after;
    let nodes: string[];
    if (recolored) {
      nodes = this.allNodes;
    } else {
      nodes = [...focusNodes];
      if (refiltered) {
        for (const node of this.allNodes) {
          const changed = before === null || after === null ? true : before.nodes.has(node) !== after.nodes.has(node);
          if (changed && !focusNodes.has(node)) nodes.push(node);
        }
      }
    }
    if (this.layoutRunning) return { nodes, edges: [] };
    const edges = [...focusEdges];
    if (refiltered) {
      for (const edge of this.allEdges) {
        if (focusEdges.has(edge)) continue;
        if (before === null || after === null) {
          edges.push(edge);
          continue;
        }
        const shown = after.edges.has(edge);
        if (shown !== before.edges.has(edge) || (shown && after.edgeWeights.get(edge) !== before.edgeWeights.get(edge))) edges.push(edge);
      }
    }
    return { nodes, edges };
  }

  /** Centres on an entity, zoomed so that its shown neighbours are in view too and can all be named. */
  centreOn(key: string): void {
    const centre = this.sigma.getNodeDisplayData(key);
    if (!centre) return;
    const points = [{ x: centre.x, y: centre.y }];
    this.graph.forEachEdge(key, (edge, _link, source, target) => {
      if (this.visibility && !this.visibility.edges.has(edge)) return;
      const other = this.sigma.getNodeDisplayData(source === key ? target : source);
      if (!other) return;
      // Each neighbour and the point opposite it: the framed box stays centred on the entity.
      points.push({ x: other.x, y: other.y }, { x: 2 * centre.x - other.x, y: 2 * centre.y - other.y });
    });
    this.frame_(points, Math.min(this.sigma.getCamera().ratio, 1), true);
  }

  /** Zooms in (factor above 1) or out around the centre of the view. */
  zoomBy(factor: number): void {
    const camera = this.sigma.getCamera();
    // Clicks during the animation compound from where it was heading, not from a frame in between.
    const from = camera.isAnimated() && this.zoomTarget !== null ? this.zoomTarget : camera.ratio;
    const ratio = camera.getBoundedRatio(from / factor);
    this.zoomTarget = ratio;
    void camera.animate({ ratio }, { duration: 250 });
  }

  /** The whole graph, with margins: the first view. */
  resetCamera(animate = true): void {
    const camera = this.sigma.getCamera();
    if (animate) void camera.animatedReset({ duration: 300 });
    else camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  /** Frames the entities the filters show (all of them when none is filtered out), with margins. */
  fitShown(animate = true): void {
    const points: { x: number; y: number }[] = [];
    this.graph.forEachNode((node) => {
      if (this.visibility && !this.visibility.nodes.has(node)) return;
      const display = this.sigma.getNodeDisplayData(node);
      if (display) points.push({ x: display.x, y: display.y });
    });
    if (points.length === 0) this.resetCamera(animate);
    else this.frame_(points, Infinity, animate);
  }

  /** Points the camera at the bounding box of some points of the framed graph (ratio at most `maxRatio`), leaving margins. */
  private frame_(points: readonly { x: number; y: number }[], maxRatio: number, animate: boolean): void {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const display of points) {
      minX = Math.min(minX, display.x);
      maxX = Math.max(maxX, display.x);
      minY = Math.min(minY, display.y);
      maxY = Math.max(maxY, display.y);
    }
    if (!Number.isFinite(minX)) return;
    const camera = this.sigma.getCamera();
    const { width, height } = this.sigma.getDimensions();
    // Framed coordinates span the graph's longer side over the view's shorter side; leave room for labels.
    const aspect = Math.max(width, height) / Math.max(1, Math.min(width, height));
    const extent = Math.max(maxX - minX, (maxY - minY) * (height < width ? aspect : 1), (maxX - minX) * (width < height ? aspect : 1));
    const ratio = camera.getBoundedRatio(Math.min(maxRatio, Math.max(extent * 1.25, 0.08)));
    const state = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, angle: 0, ratio };
    if (animate) void camera.animate(state, { duration: 350 });
    else camera.setState(state);
  }

  /** How each link is drawn (`arrow` or `line`) and where its ends are on screen, in pixels of the graph view. */
  edgeDrawings(): { key: string; program: string; source: { x: number; y: number; radius: number }; target: { x: number; y: number; radius: number } }[] {
    this.flush();
    const drawings: ReturnType<GraphRenderer['edgeDrawings']> = [];
    const end = (node: string) => {
      const data = this.sigma.getNodeDisplayData(node);
      if (!data) return null;
      return { ...this.sigma.framedGraphToViewport(data), radius: this.sigma.scaleSize(data.size) };
    };
    this.graph.forEachEdge((key, _link, source, target) => {
      const data = this.sigma.getEdgeDisplayData(key);
      const from = end(source);
      const to = end(target);
      if (!data || data.hidden || !from || !to) return;
      drawings.push({ key, program: data.type, source: from, target: to });
    });
    return drawings;
  }

  /** The label boxes drawn in the last frame, in pixels of the graph view. */
  labelBoxes(): LabelBox[] {
    return this.drawnLabels.map((box) => ({ ...box }));
  }

  private textWidth(label: string): number {
    let width = this.textWidths.get(label);
    if (width === undefined) {
      width = this.measure ? this.measure.measureText(label).width : label.length * LABEL_SIZE * 0.55;
      this.textWidths.set(label, width);
    }
    return width;
  }

  private recordLabel(data: LabelData, textX: number, textY: number): void {
    if (!data.label) return;
    const width = this.textWidth(data.label);
    const height = LABEL_SIZE + 2;
    this.drawnLabels.push({ key: data.key ?? '', left: textX, right: textX + width, top: textY - height / 2, bottom: textY + height / 2, textX, textY });
  }

  /** Works out this frame's labels once, when sigma asks for the first one (its matrix is then up to date). */
  private ensurePlacement(): void {
    // Sigma draws once inside its constructor, before this.sigma is set: that frame gets no labels.
    if (!this.constructed || this.placementFrame === this.frame) return;
    this.placementFrame = this.frame;
    const candidates: LabelCandidate[] = [];
    const discs: LabelBox[] = [];
    const { width, height } = this.sigma.getDimensions();
    const focusing = this.focusNeighbours.size > 0;
    let unforced = 0;
    // Largest first, the order placeLabels tries them in: past MAX_LABEL_CANDIDATES unforced ones, the rest are not measured.
    this.byPriority ??= this.graph.nodes().sort((a, b) => this.graph.getNodeAttribute(b, 'size') - this.graph.getNodeAttribute(a, 'size') || (a < b ? -1 : a > b ? 1 : 0));
    for (const node of this.byPriority) {
      const data = this.sigma.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) continue;
      const forced = data.forceLabel || (focusing && this.focusNeighbours.has(node));
      const radius = this.sigma.scaleSize(data.size);
      const { x, y } = this.sigma.framedGraphToViewport(data);
      if (x < -radius || y < -radius || x > width + radius || y > height + radius) continue;
      if (radius >= 2) discs.push({ key: '', left: x - radius, right: x + radius, top: y - radius, bottom: y + radius, textX: x, textY: y });
      if (!forced && (radius < MIN_LABELLED_RADIUS || unforced >= MAX_LABEL_CANDIDATES)) continue;
      if (!forced) unforced += 1;
      candidates.push({ key: node, x, y, radius, width: this.textWidth(data.label), height: LABEL_SIZE + 2, forced, priority: data.size });
    }
    this.placement = new Map(placeLabels(candidates, { width, height }, MAX_PLACED_LABELS, discs).map((box) => [box.key, box]));
  }

  private drawPlacedLabel(context: CanvasRenderingContext2D, data: LabelData): void {
    this.ensurePlacement();
    const box = data.key === undefined ? undefined : this.placement.get(data.key);
    if (!box || !data.label) return;
    context.fillStyle = '#1f2933';
    context.font = `${LABEL_SIZE}px ${LABEL_FONT}`;
    context.fillText(data.label, box.textX, box.textY + LABEL_SIZE / 3);
    this.drawnLabels.push(box);
  }

  /** Hovered and highlighted entities: a white halo round the disc and behind the label where it was placed. */
  private drawHover(context: CanvasRenderingContext2D, data: LabelData): void {
    this.ensurePlacement();
    const placed = data.key === undefined ? undefined : this.placement.get(data.key);
    const label = data.label ?? '';
    const box = placed ?? (label ? { textX: data.x + data.size + 3, textY: data.y, right: data.x + data.size + 3 + this.textWidth(label) } : undefined);
    context.save();
    context.fillStyle = '#fff';
    context.shadowBlur = 8;
    context.shadowColor = 'rgba(0, 0, 0, 0.45)';
    context.beginPath();
    context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
    context.fill();
    if (box && label) context.fillRect(box.textX - 3, box.textY - LABEL_SIZE / 2 - 3, box.right - box.textX + 6, LABEL_SIZE + 6);
    context.restore();
    if (box && label) {
      context.fillStyle = '#1f2933';
      context.font = `600 ${LABEL_SIZE}px ${LABEL_FONT}`;
      context.fillText(label, box.textX, box.textY + LABEL_SIZE / 3);
    }
  }

  kill(): void {
    window.clearTimeout(this.cameraTimer);
    if (this.refreshFrame !== undefined) cancelAnimationFrame(this.refreshFrame);
    this.refreshFrame = undefined;
    this.sigma.kill();
  }

  private setHovered(node: string | null): void {
    // On large graphs, dimming everything on each hover would re-process every item; selection still does.
    if (this.large) return;
    this.hovered = node;
    this.updateFocus();
    this.scheduleFlush();
  }

  /** The entity whose neighbourhood is highlighted: the hovered one, else the selected one. */
  private focusNode(): string | null {
    if (this.hovered) return this.hovered;
    return this.selection?.kind === 'node' && this.graph.hasNode(this.selection.key) ? this.selection.key : null;
  }

  private updateFocus(): void {
    this.focusNeighbours = new Set();
    const focus = this.focusNode();
    this.focused = focus;
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
      size: data.size * this.sizeScale,
      label: data.label,
      color: this.nodeOverlay?.(node) ?? (this.colorMode === 'community' ? colorForCommunity(data.community) : data.color),
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
      const focus = this.focused;
      const selectedNode = this.selection?.kind === 'node' ? this.selection.key : null;
      if (node === focus || node === selectedNode || this.selection?.kind === 'edge') {
        display.highlighted = true;
        display.forceLabel = true;
      }
    }
    return display;
  }

  /** A co-mention link's thickness and colour for its weight; a graph has few distinct weights, so each is worked out once. */
  private coMentionLook(weight: number): { size: number; color: string } {
    let look = this.looks.get(weight);
    if (!look) {
      const share = Math.sqrt(Math.min(1, weight / this.maxWeight));
      look = { size: this.large ? 0.4 + 1.2 * share : 0.6 + 3.4 * share, color: `rgba(110, 122, 140, ${(0.28 + 0.5 * share).toFixed(2)})` };
      this.looks.set(weight, look);
    }
    return look;
  }

  private reduceEdge(edge: string, data: LinkAttributes): Partial<EdgeDisplayData> {
    let display: Partial<EdgeDisplayData>;
    if (data.kind === 'co-mention') {
      const { size, color } = this.coMentionLook(this.visibility?.edgeWeights.get(edge) ?? data.weight);
      display = { size, color, zIndex: 1 };
    } else {
      display = { size: 1, color: RELATION_EDGE, zIndex: 1 };
    }
    if (isDirected(data)) {
      display.type = 'arrow';
      display.size = Math.max(MIN_ARROW_THICKNESS, display.size ?? 1);
    } else {
      display.type = 'line';
    }
    if (this.visibility && !this.visibility.edges.has(edge)) display.hidden = true;
    if (this.large && this.layoutRunning) display.hidden = true;
    if (this.selection?.kind === 'edge' && this.selection.key === edge) {
      return { ...display, color: SELECTED_EDGE, size: (display.size ?? 1) + 2, zIndex: 3 };
    }
    const focus = this.focused;
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
