// Draws the graph with sigma. Every change of appearance (color mode, filters, hover, selection) goes
// through sigma's node and edge reducers; the graph's data is never changed for display.
import Sigma from 'sigma';
import { createEdgeArrowProgram, drawDiscNodeLabel, EdgeRectangleProgram } from 'sigma/rendering';
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
const EDGE_PROGRAMS = {
  line: EdgeRectangleProgram,
  arrow: createEdgeArrowProgram({ lengthToThicknessRatio: 4, widenessToThicknessRatio: 3.5 }),
};
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
/** Space around the graph in the first view and after Fit, in pixels, so labels at the edge are not cut. */
const STAGE_PADDING = 48;

/**
 * How labels are chosen: `placed`, our collision-free placement (the default); `grid`, sigma's own label grid
 * with sigma's default settings (what Gephi Lite and most sigma apps draw), kept for comparison (`?labels=grid`).
 */
export type LabelMode = 'placed' | 'grid';

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

export class GraphRenderer {
  readonly sigma: Sigma<EntityAttributes, LinkAttributes>;
  private visibility: Visibility | null = null;
  private colorMode: ColorMode = 'type';
  private selection: Selection = null;
  private hovered: string | null = null;
  private focusNeighbours = new Set<string>();
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
  private constructed = false;
  private zoomTarget: number | null = null;
  private readonly measure: CanvasRenderingContext2D | null = document.createElement('canvas').getContext('2d');

  constructor(
    container: HTMLElement,
    private readonly graph: ExplorerGraph,
    events: RendererEvents,
    private readonly labelMode: LabelMode = 'placed',
  ) {
    let maxWeight = 1;
    graph.forEachEdge((_edge, link) => {
      if (link.weight > maxWeight) maxWeight = link.weight;
    });
    this.maxWeight = maxWeight;
    const large = graph.size > LARGE_EDGES || graph.order > LARGE_NODES;
    this.large = large;
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
    this.sigma = new Sigma<EntityAttributes, LinkAttributes>(graph, container, {
      zIndex: !large,
      enableEdgeEvents: !large,
      hideEdgesOnMove: large,
      labelFont: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelColor: { color: '#1f2933' },
      stagePadding: STAGE_PADDING,
      defaultEdgeColor: '#b8c0cc',
      defaultEdgeType: 'line',
      edgeProgramClasses: EDGE_PROGRAMS,
      minCameraRatio: MIN_CAMERA_RATIO,
      maxCameraRatio: MAX_CAMERA_RATIO,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
      ...labelSettings,
    });
    this.constructed = true;
    this.sigma.scheduleRender();
    this.sigma.on('beforeRender', () => {
      this.frame += 1;
      this.drawnLabels = [];
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

  setColorMode(mode: ColorMode): void {
    this.colorMode = mode;
    this.sigma.refresh({ skipIndexation: true });
  }

  setSelection(selection: Selection): void {
    this.selection = selection;
    this.updateFocus();
    this.sigma.refresh({ skipIndexation: true });
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
    this.graph.forEachNode((node) => {
      const data = this.sigma.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) return;
      const forced = data.forceLabel || (focusing && this.focusNeighbours.has(node));
      const radius = this.sigma.scaleSize(data.size);
      const { x, y } = this.sigma.framedGraphToViewport(data);
      if (x < -radius || y < -radius || x > width + radius || y > height + radius) return;
      if (radius >= 2) discs.push({ key: '', left: x - radius, right: x + radius, top: y - radius, bottom: y + radius, textX: x, textY: y });
      if (!forced && radius < MIN_LABELLED_RADIUS) return;
      candidates.push({ key: node, x, y, radius, width: this.textWidth(data.label), height: LABEL_SIZE + 2, forced, priority: data.size });
    });
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
      color: this.colorMode === 'community' ? colorForCommunity(data.community) : data.color,
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
