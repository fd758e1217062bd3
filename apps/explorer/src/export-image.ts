// PNG and SVG pictures of the map as shown: twice the view's size, with a title, the active filters and a
// legend of the colours drawn. Labels and titles are set as text (canvas fillText, SVG textContent), never markup.
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { CommunitySummary } from './communities.ts';
import type { Visibility } from './filters.ts';
import { colorForCommunity, isDirected, type ExplorerGraph } from './graph-model.ts';
import type { GraphRenderer } from './renderer.ts';
import type { ColorMode } from './url-state.ts';

/** Exported pictures are this many times the view's size in CSS pixels. */
export const EXPORT_SCALE = 2;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const MAX_LEGEND_ROWS = 12;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface PictureContext {
  graph: ExplorerGraph;
  renderer: GraphRenderer;
  visibility: Visibility;
  colorMode: ColorMode;
  communities: readonly CommunitySummary[];
  /** The active filters in words ("no person", "weight ≥ 2"); empty when none is on. */
  filters: readonly string[];
}

interface LegendRow {
  color: string;
  text: string;
}

/** The title line: what the picture shows. */
function titleOf(context: PictureContext): string {
  const title = context.graph.getAttribute('title');
  const name = typeof title === 'string' && title.trim() !== '' ? title.trim() : 'missiongraph';
  return `${name}: ${context.visibility.nodes.size.toLocaleString('en')} entities, ${context.visibility.edges.size.toLocaleString('en')} links`;
}

function filterLine(context: PictureContext): string {
  return context.filters.length === 0 ? 'Filters: none' : `Filters: ${context.filters.join(' · ')}`;
}

/** One row per colour drawn (entity types, or the largest communities), most entities first. */
export function legendRows(context: PictureContext): LegendRow[] {
  if (context.colorMode === 'community') {
    const rows = context.communities.slice(0, MAX_LEGEND_ROWS).map((community) => ({
      color: colorForCommunity(community.id),
      text: `${community.name} (${community.members.length})`,
    }));
    if (context.communities.length > MAX_LEGEND_ROWS) rows.push({ color: '#ffffff', text: `and ${context.communities.length - MAX_LEGEND_ROWS} more communities` });
    return rows;
  }
  const byType = new Map<string, { color: string; count: number }>();
  for (const node of context.visibility.nodes) {
    const attributes = context.graph.getNodeAttributes(node);
    const entry = byType.get(attributes.type);
    if (entry) entry.count += 1;
    else byType.set(attributes.type, { color: attributes.color, count: 1 });
  }
  return [...byType.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .slice(0, MAX_LEGEND_ROWS)
    .map(([type, { color, count }]) => ({ color, text: `${type} (${count})` }));
}

/** Draws the title, filters and legend over a picture `width` × `height` (CSS pixels, before scaling). */
function drawFurniture(canvas: CanvasRenderingContext2D, context: PictureContext, width: number, height: number): void {
  const rows = legendRows(context);
  canvas.save();
  canvas.textBaseline = 'middle';
  canvas.font = `600 16px ${FONT}`;
  const title = titleOf(context);
  const filters = filterLine(context);
  canvas.fillStyle = 'rgba(255, 255, 255, 0.9)';
  canvas.font = `600 16px ${FONT}`;
  const titleWidth = canvas.measureText(title).width;
  canvas.font = `12px ${FONT}`;
  const filterWidth = canvas.measureText(filters).width;
  canvas.fillRect(8, 8, Math.min(width - 16, Math.max(titleWidth, filterWidth) + 20), 50);
  canvas.fillStyle = '#1f2933';
  canvas.font = `600 16px ${FONT}`;
  canvas.fillText(title, 18, 24, width - 36);
  canvas.font = `12px ${FONT}`;
  canvas.fillStyle = '#3e4c59';
  canvas.fillText(filters, 18, 45, width - 36);

  canvas.font = `12px ${FONT}`;
  const rowHeight = 18;
  const legendWidth = Math.min(width / 2, 24 + Math.max(60, ...rows.map((row) => canvas.measureText(row.text).width)) + 16);
  const legendHeight = rows.length * rowHeight + 30;
  const left = 8;
  const top = height - legendHeight - 8;
  canvas.fillStyle = 'rgba(255, 255, 255, 0.92)';
  canvas.strokeStyle = '#cbd2d9';
  canvas.fillRect(left, top, legendWidth, legendHeight);
  canvas.strokeRect(left + 0.5, top + 0.5, legendWidth - 1, legendHeight - 1);
  canvas.fillStyle = '#1f2933';
  canvas.font = `600 12px ${FONT}`;
  canvas.fillText(context.colorMode === 'community' ? 'Colour: community' : 'Colour: entity type', left + 10, top + 14);
  canvas.font = `12px ${FONT}`;
  rows.forEach((row, index) => {
    const y = top + 32 + index * rowHeight;
    canvas.fillStyle = row.color;
    canvas.beginPath();
    canvas.arc(left + 16, y, 6, 0, Math.PI * 2);
    canvas.fill();
    canvas.fillStyle = '#1f2933';
    canvas.fillText(row.text, left + 28, y, legendWidth - 36);
  });
  canvas.restore();
}

/**
 * The map as a PNG twice the view's size: sigma draws it again at twice the pixel ratio (nodes, links and labels
 * stay where they are on screen, each twice as large), then the title, filters and legend go on top.
 */
export async function pictureAsPng(context: PictureContext): Promise<Blob> {
  const sigma = context.renderer.sigma as unknown as Sigma;
  const { width, height } = sigma.getDimensions();
  const screenRatio = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  // export-image sizes its canvas and sigma its drawing by window.devicePixelRatio: both read it during the call.
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => EXPORT_SCALE });
  let canvas: HTMLCanvasElement;
  try {
    canvas = await drawOnCanvas(sigma, { backgroundColor: '#ffffff' });
  } finally {
    if (screenRatio) Object.defineProperty(window, 'devicePixelRatio', screenRatio);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
  const drawing = canvas.getContext('2d');
  if (!drawing) throw new Error('no 2D canvas to draw the legend on');
  drawing.setTransform(EXPORT_SCALE, 0, 0, EXPORT_SCALE, 0, 0);
  drawFurniture(drawing, context, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser made no PNG'))), 'image/png'));
}

function svgElement(document: XMLDocument, name: string, attributes: Record<string, string | number>, text?: string): Element {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The map as an SVG of twice the view's size: links, entities and the labels drawn on screen, with title, filters and legend. */
export function pictureAsSvg(context: PictureContext): string {
  const sigma = context.renderer.sigma;
  const { width, height } = sigma.getDimensions();
  const document = window.document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = document.documentElement;
  root.setAttribute('width', String(width * EXPORT_SCALE));
  root.setAttribute('height', String(height * EXPORT_SCALE));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', FONT);
  root.append(svgElement(document, 'title', {}, titleOf(context)));
  const defs = svgElement(document, 'defs', {});
  const marker = svgElement(document, 'marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 4, markerHeight: 4, orient: 'auto-start-reverse' });
  marker.append(svgElement(document, 'path', { d: 'M0,0 L10,5 L0,10 z', fill: 'context-stroke' }));
  defs.append(marker);
  root.append(defs, svgElement(document, 'rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));

  const position = (node: string) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return null;
    return { ...sigma.framedGraphToViewport(data), radius: sigma.scaleSize(data.size), color: data.color };
  };
  const links = svgElement(document, 'g', { 'stroke-linecap': 'round' });
  context.graph.forEachEdge((edge, link, source, target) => {
    const data = sigma.getEdgeDisplayData(edge);
    const from = position(source);
    const to = position(target);
    if (!data || data.hidden || !from || !to) return;
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const end = isDirected(link) ? { x: to.x - ((to.x - from.x) * to.radius) / length, y: to.y - ((to.y - from.y) * to.radius) / length } : to;
    const line = svgElement(document, 'line', { x1: from.x.toFixed(2), y1: from.y.toFixed(2), x2: end.x.toFixed(2), y2: end.y.toFixed(2), stroke: data.color, 'stroke-width': (data.size / 2).toFixed(2) });
    if (isDirected(link)) line.setAttribute('marker-end', 'url(#arrow)');
    links.append(line);
  });
  const discs = svgElement(document, 'g', { stroke: '#ffffff', 'stroke-width': 0.5 });
  context.graph.forEachNode((node) => {
    const at = position(node);
    if (at) discs.append(svgElement(document, 'circle', { cx: at.x.toFixed(2), cy: at.y.toFixed(2), r: at.radius.toFixed(2), fill: at.color }));
  });
  const labels = svgElement(document, 'g', { fill: '#1f2933', 'font-size': 13 });
  for (const box of context.renderer.labelBoxes()) {
    const label = context.graph.hasNode(box.key) ? context.graph.getNodeAttribute(box.key, 'label') : '';
    if (label) labels.append(svgElement(document, 'text', { x: box.textX.toFixed(2), y: (box.textY + 13 / 3).toFixed(2) }, label));
  }
  root.append(links, discs, labels);

  const furniture = svgElement(document, 'g', { fill: '#1f2933' });
  furniture.append(
    svgElement(document, 'text', { x: 18, y: 29, 'font-size': 16, 'font-weight': 600, class: 'title' }, titleOf(context)),
    svgElement(document, 'text', { x: 18, y: 49, 'font-size': 12, class: 'filters' }, filterLine(context)),
  );
  const rows = legendRows(context);
  const top = height - (rows.length * 18 + 30) - 8;
  const legend = svgElement(document, 'g', { class: 'legend', 'font-size': 12 });
  legend.append(svgElement(document, 'text', { x: 18, y: top + 18, 'font-weight': 600 }, context.colorMode === 'community' ? 'Colour: community' : 'Colour: entity type'));
  rows.forEach((row, index) => {
    const y = top + 32 + index * 18;
    legend.append(svgElement(document, 'circle', { cx: 24, cy: y, r: 6, fill: row.color }), svgElement(document, 'text', { x: 36, y: y + 4 }, row.text));
  });
  furniture.append(legend);
  root.append(furniture);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(document)}`;
}
