// The typed attribute model shared by the GEXF and GraphML writers: which attributes a graph's
// nodes or edges carry, of what type, in a fixed order, and how a value is written as text.
import type { Attributes } from 'graphology-types';
import { compareStrings } from './build.ts';
import { escapeXml, formatNumber } from './text.ts';

/** `json` holds arrays and objects, written as JSON text in a string attribute. */
export type ValueType = 'boolean' | 'integer' | 'long' | 'double' | 'string' | 'json';

export interface AttributeColumn {
  name: string;
  type: ValueType;
}

/** Attribute order of our graphs (docs/graph-format.md); other attributes follow in string order. */
const PREFERRED_ORDER = [
  'label',
  'type',
  'kind',
  'aliases',
  'mentions',
  'documents',
  'firstDocument',
  'lastDocument',
  'facts',
  'score',
  'from',
  'to',
  'weight',
  'strength',
  'evidence',
  'community',
  'theme',
  'themeLabel',
  'themes',
  'weightedDegree',
  'pagerank',
  'betweenness',
  'x',
  'y',
  'size',
  'color',
];
const PREFERRED_RANK = new Map(PREFERRED_ORDER.map((name, index) => [name, index]));

function typeOfValue(value: unknown): ValueType | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (Number.isInteger(value)) return Math.abs(value) <= 0x7fffffff ? 'integer' : 'long';
    return 'double';
  }
  if (typeof value === 'string') return 'string';
  return 'json';
}

/** The type that holds both: numbers widen; anything else mixed becomes string, or json if either is json. */
function widen(a: ValueType, b: ValueType): ValueType {
  if (a === b) return a;
  if (a === 'json' || b === 'json') return 'json';
  const numeric = ['integer', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) return a === 'double' || b === 'double' ? 'double' : 'long';
  return 'string';
}

export function sortColumnNames(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => {
    const ra = PREFERRED_RANK.get(a) ?? Infinity;
    const rb = PREFERRED_RANK.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : compareStrings(a, b);
  });
}

/** Columns of a set of attribute records, except the names in `skip` (written elsewhere). */
export function inferColumns(records: Iterable<Attributes>, skip: (name: string, value: unknown) => boolean): AttributeColumn[] {
  const types = new Map<string, ValueType>();
  for (const attributes of records) {
    for (const name in attributes) {
      const value = attributes[name];
      if (skip(name, value)) continue;
      const type = typeOfValue(value);
      if (!type) continue;
      const known = types.get(name);
      types.set(name, known ? widen(known, type) : type);
    }
  }
  return sortColumnNames(types.keys()).map((name) => ({ name, type: types.get(name)! }));
}

/** A value as text for its column, or undefined when there is nothing to write. */
export function valueText(value: unknown, type: ValueType): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (type === 'json') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

/** Escaped JSON text of objects that several records share (one sentence's evidence on every edge it supports); one memo per escape function. */
export type EscapedJsonMemo = WeakMap<object, string>;

/**
 * valueText escaped for XML by `escape`. An array in a JSON column is encoded item by item, and an object item that
 * other records share is encoded and escaped once: the text is the same as escape(valueText(value, type)).
 */
export function escapedValueText(
  value: unknown,
  type: ValueType,
  memo: EscapedJsonMemo,
  escape: (text: string) => string = escapeXml,
): string | undefined {
  if (type !== 'json' || !Array.isArray(value)) {
    const text = valueText(value, type);
    return text === undefined ? undefined : escape(text);
  }
  let text = '[';
  for (let index = 0; index < value.length; index += 1) {
    if (index > 0) text += ',';
    const item: unknown = value[index];
    if (item !== null && typeof item === 'object') {
      let encoded = memo.get(item);
      if (encoded === undefined) {
        encoded = escape(JSON.stringify(item) ?? 'null');
        memo.set(item, encoded);
      }
      text += encoded;
    } else text += escape(JSON.stringify(item) ?? 'null');
  }
  return `${text}]`;
}
