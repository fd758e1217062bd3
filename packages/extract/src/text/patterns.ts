// Regex helpers shared by the recognisers: word boundaries without the slow `u` flag, and literal
// alternations of names (longest first) for finding known names again across a document.

/**
 * Letters and digits for word boundaries, as a class body for regexes without the `u` flag: V8 runs a
 * large alternation many times faster without `u`, and the names matched are in the Basic Multilingual Plane.
 */
export const WORD_CLASS = 'A-Za-z0-9\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF\\u2C00-\\uD7FF\\uF900-\\uFFEF';
export const NOT_AFTER_WORD = `(?<![${WORD_CLASS}])`;
export const NOT_BEFORE_WORD = `(?![${WORD_CLASS}])`;

export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** A global regex finding any of `names` as whole words, case-sensitive, longest name first. */
export function namesPattern(names: readonly string[]): RegExp {
  const sorted = [...new Set(names)].filter((name) => name.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (sorted.length === 0) return /(?!)/g;
  return new RegExp(`${NOT_AFTER_WORD}(?:${sorted.map(escapeRegExp).join('|')})${NOT_BEFORE_WORD}`, 'g');
}
