// One colour per entity type, shared by the graph, the exports and the explorer's legend.
// Colour-blind-aware hues (Okabe–Ito based) with enough contrast on a white background.

export const TYPE_COLORS: Readonly<Record<string, string>> = Object.freeze({
  mission: '#0072b2',
  country: '#e69f00',
  place: '#c9a227',
  organization: '#009e73',
  person: '#cc79a7',
  concept: '#d55e00',
  agreement: '#56b4e9',
  event: '#8c564b',
  topic: '#7f7f7f',
});

/** Colour of nodes whose type is not in TYPE_COLORS. */
export const UNKNOWN_TYPE_COLOR = '#999999';

export function colorOfType(type: string): string {
  return Object.hasOwn(TYPE_COLORS, type) ? TYPE_COLORS[type]! : UNKNOWN_TYPE_COLOR;
}
