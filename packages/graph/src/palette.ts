// One colour per entity type, shared by the graph, the exports and the explorer's legend.
// Chosen so every two types stay apart for readers with normal vision and with each colour-blindness (see palette.test.ts).

/**
 * Every pair of these (and UNKNOWN_TYPE_COLOR) differs by at least 24 CIE Lab units for normal vision and under
 * simulated deuteranopia, protanopia and tritanopia (Machado et al. 2009, full severity); lightness stays between
 * L* 30 and 80 so each disc shows on the white map. Found by a local search from the earlier Okabe–Ito set, whose
 * place and country were 1.8 apart for protanopes.
 */
export const TYPE_COLORS: Readonly<Record<string, string>> = Object.freeze({
  mission: '#4b49aa',
  country: '#ffb210',
  place: '#267f46',
  organization: '#06db74',
  person: '#8d32ff',
  concept: '#bf6b00',
  agreement: '#87a1ff',
  event: '#9e000f',
  topic: '#9e63a2',
});

/** Colour of nodes whose type is not in TYPE_COLORS. */
export const UNKNOWN_TYPE_COLOR = '#999999';

export function colorOfType(type: string): string {
  return Object.hasOwn(TYPE_COLORS, type) ? TYPE_COLORS[type]! : UNKNOWN_TYPE_COLOR;
}
