// The view in the address bar: selection, color mode, filters and camera, so a copied link reopens the
// same view. Reading never trusts the URL: unknown values fall back to defaults.
import { emptyFilters, type FilterState } from './filters.ts';

export type ColorMode = 'type' | 'community';

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string } | { kind: 'community'; id: number } | null;

/** Sigma's camera in its framed-graph coordinates (the graph spans 0..1); ratio above 1 zooms out. */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

/** The zoom limits the renderer gives sigma; a link asking for more is ignored rather than clamped. */
export const MIN_CAMERA_RATIO = 0.02;
export const MAX_CAMERA_RATIO = 20;
/** Camera coordinates beyond this are far off any graph: such a link is ignored. */
const MAX_CAMERA_OFFSET = 1_000;

export interface ViewState {
  selection: Selection;
  colorMode: ColorMode;
  filters: FilterState;
  /** null: the default camera (the whole graph), and the app may centre on the selection. */
  camera: CameraView | null;
}

function boundedInteger(value: string | null, fallback: number, max: number): number {
  if (value === null) return fallback;
  const number = Number.parseInt(value, 10);
  return Number.isFinite(number) && number >= 0 ? Math.min(number, max) : fallback;
}

/** A plain decimal number (no hex, no empty string, no Infinity), or null. */
function decimal(value: string | null): number | null {
  if (value === null || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value)) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** The camera of a link, or null when any of x, y, ratio is missing or out of range; a bad angle counts as 0. */
function readCamera(params: URLSearchParams): CameraView | null {
  const x = decimal(params.get('x'));
  const y = decimal(params.get('y'));
  const ratio = decimal(params.get('ratio'));
  if (x === null || y === null || ratio === null) return null;
  if (Math.abs(x) > MAX_CAMERA_OFFSET || Math.abs(y) > MAX_CAMERA_OFFSET) return null;
  if (ratio < MIN_CAMERA_RATIO || ratio > MAX_CAMERA_RATIO) return null;
  const angle = decimal(params.get('angle'));
  return { x, y, ratio, angle: angle === null || Math.abs(angle) > MAX_CAMERA_OFFSET ? 0 : normalisedAngle(angle) };
}

function normalisedAngle(angle: number): number {
  const turn = 2 * Math.PI;
  return ((angle % turn) + turn) % turn;
}

/** Shortest text of a number rounded to `decimals` places ("0.5", not "0.5000"; never "-0"). */
function roundedText(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * The camera as URL parameters: ratio to 4 significant digits, x and y to a step of a ten-thousandth of
 * the ratio (so a deep zoom keeps its place to a fraction of a pixel), angle only when not 0.
 */
function writeCamera(camera: CameraView, params: URLSearchParams): void {
  const ratio = Number(Math.min(MAX_CAMERA_RATIO, Math.max(MIN_CAMERA_RATIO, camera.ratio)).toPrecision(4));
  const decimals = Math.min(10, Math.max(0, Math.ceil(4 - Math.log10(ratio))));
  params.set('x', roundedText(camera.x, decimals));
  params.set('y', roundedText(camera.y, decimals));
  params.set('ratio', String(ratio));
  const angle = roundedText(normalisedAngle(camera.angle), 4);
  if (angle !== '0' && angle !== roundedText(2 * Math.PI, 4)) params.set('angle', angle);
}

export function readViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const type of params.getAll('hide')) filters.hiddenTypes.add(type);
  filters.minEdgeWeight = Math.max(1, boundedInteger(params.get('minWeight'), 1, 1_000_000));
  filters.minDegree = boundedInteger(params.get('minDegree'), 0, 1_000_000);
  for (const document of params.getAll('doc')) filters.documents.add(document);
  for (const speaker of params.getAll('speaker')) filters.speakers.add(speaker);
  if (params.get('isolated') === 'show') filters.hideIsolated = false;
  // The timeline's period by its dates; its documents and strengths are recounted once the graph is there (timeline.ts).
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && to !== null && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to) {
    filters.period = { from, to, undated: params.get('undated') === 'count', documents: new Set(), strengths: new Map(), weights: new Map() };
  }
  const node = params.get('node');
  const edge = params.get('edge');
  const community = params.get('community');
  const selection: Selection = node
    ? { kind: 'node', key: node }
    : edge
      ? { kind: 'edge', key: edge }
      : community !== null && /^\d{1,6}$/.test(community)
        ? { kind: 'community', id: Number(community) }
        : null;
  return {
    selection,
    colorMode: params.get('colour') === 'community' ? 'community' : 'type',
    filters,
    camera: readCamera(params),
  };
}

export function viewStateToSearch(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.selection?.kind === 'community') params.set('community', String(state.selection.id));
  else if (state.selection) params.set(state.selection.kind, state.selection.key);
  if (state.colorMode === 'community') params.set('colour', 'community');
  for (const type of [...state.filters.hiddenTypes].sort()) params.append('hide', type);
  if (state.filters.minEdgeWeight > 1) params.set('minWeight', String(state.filters.minEdgeWeight));
  if (state.filters.minDegree > 0) params.set('minDegree', String(state.filters.minDegree));
  for (const document of [...state.filters.documents].sort()) params.append('doc', document);
  for (const speaker of [...state.filters.speakers].sort()) params.append('speaker', speaker);
  if (!state.filters.hideIsolated) params.set('isolated', 'show');
  if (state.filters.period !== null) {
    params.set('from', state.filters.period.from);
    params.set('to', state.filters.period.to);
    if (state.filters.period.undated) params.set('undated', 'count');
  }
  if (state.camera) writeCamera(state.camera, params);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Replaces the address bar's query without adding a history entry per filter change or camera move. */
export function writeViewState(state: ViewState): void {
  const search = viewStateToSearch(state);
  if (search === window.location.search) return;
  window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
}
