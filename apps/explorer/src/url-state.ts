// The view in the address bar: selection, colour mode and filters, so a copied link reopens the same
// view. Reading never trusts the URL: unknown values fall back to defaults.
import { emptyFilters, type FilterState } from './filters.ts';

export type ColourMode = 'type' | 'community';

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string } | null;

export interface ViewState {
  selection: Selection;
  colourMode: ColourMode;
  filters: FilterState;
}

function boundedInteger(value: string | null, fallback: number, max: number): number {
  if (value === null) return fallback;
  const number = Number.parseInt(value, 10);
  return Number.isFinite(number) && number >= 0 ? Math.min(number, max) : fallback;
}

export function readViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const type of params.getAll('hide')) filters.hiddenTypes.add(type);
  filters.minEdgeWeight = Math.max(1, boundedInteger(params.get('minWeight'), 1, 1_000_000));
  filters.minDegree = boundedInteger(params.get('minDegree'), 0, 1_000_000);
  for (const document of params.getAll('doc')) filters.documents.add(document);
  for (const speaker of params.getAll('speaker')) filters.speakers.add(speaker);
  const node = params.get('node');
  const edge = params.get('edge');
  const selection: Selection = node ? { kind: 'node', key: node } : edge ? { kind: 'edge', key: edge } : null;
  return { selection, colourMode: params.get('colour') === 'community' ? 'community' : 'type', filters };
}

export function viewStateToSearch(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.selection) params.set(state.selection.kind, state.selection.key);
  if (state.colourMode === 'community') params.set('colour', 'community');
  for (const type of [...state.filters.hiddenTypes].sort()) params.append('hide', type);
  if (state.filters.minEdgeWeight > 1) params.set('minWeight', String(state.filters.minEdgeWeight));
  if (state.filters.minDegree > 0) params.set('minDegree', String(state.filters.minDegree));
  for (const document of [...state.filters.documents].sort()) params.append('doc', document);
  for (const speaker of [...state.filters.speakers].sort()) params.append('speaker', speaker);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Replaces the address bar's query without adding a history entry per filter change. */
export function writeViewState(state: ViewState): void {
  const search = viewStateToSearch(state);
  if (search === window.location.search) return;
  window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
}
