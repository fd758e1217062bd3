// What the GEXF and GraphML readers share: parsing with the strict tree or an injected DOMParser, the linear checks
// around it (no DOCTYPE in the prolog, the root closed at the end), typed value parsing and the warnings list.
import { parseXmlStrict, type XmlDocument, type XmlNode } from './xml-tree.ts';

export interface DOMParserLike {
  parseFromString(text: string, mimeType: string): XmlDocument;
}
export type DOMParserConstructor = new (options?: { errorHandler?: unknown }) => DOMParserLike;

export const ELEMENT = 1;
/** Attribute names that would reach an object's prototype. */
export const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export function localName(element: XmlNode): string {
  const name = element.localName ?? element.nodeName;
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function children(element: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  for (let i = 0; i < element.childNodes.length; i += 1) {
    const child = element.childNodes[i]!;
    if (child.nodeType === ELEMENT && localName(child) === name) found.push(child);
  }
  return found;
}

export function child(element: XmlNode, name: string): XmlNode | undefined {
  for (let i = 0; i < element.childNodes.length; i += 1) {
    const node = element.childNodes[i]!;
    if (node.nodeType === ELEMENT && localName(node) === name) return node;
  }
  return undefined;
}

export function attribute(element: XmlNode, name: string): string | undefined {
  if (element.hasAttribute && !element.hasAttribute(name)) return undefined;
  const value = element.getAttribute?.(name);
  return value === null || value === undefined ? undefined : value;
}

/** Repairs and losses while reading a file, counted by kind: one line each, with the first place it happened. */
export class ReadWarnings {
  private readonly kinds = new Map<string, { count: number; first: string }>();
  add(kind: string, where: string): void {
    const known = this.kinds.get(kind);
    if (known) known.count += 1;
    else this.kinds.set(kind, { count: 1, first: where });
  }
  list(): string[] {
    return [...this.kinds].map(([kind, { count, first }]) => (count === 1 ? `${kind} (${first})` : `${kind}: ${count} times (first: ${first})`));
  }
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * An xsd:double as text: decimal notation, or INF, -INF, +INF and NaN (which Gephi and networkx write). Hex,
 * binary and other forms that Number() would take are refused. Undefined when it is not a number.
 */
export function parseXsdNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) return Number(trimmed);
  switch (trimmed) {
    case 'INF':
    case '+INF':
    case 'Infinity':
    case '+Infinity':
      return Infinity;
    case '-INF':
    case '-Infinity':
      return -Infinity;
    case 'NaN':
      return NaN;
    default:
      return undefined;
  }
}

/** A finite number in decimal notation, or undefined. */
export function parseFinite(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = parseXsdNumber(text);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** No DOCTYPE in the prolog (XXE, entity bombs), found by a linear scan that skips the declaration, PIs and comments. */
export function prologHasDoctype(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at += 1;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end === -1) return false;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) return false;
      at = end + 3;
    } else return text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE';
  }
}

/**
 * Whether the text ends with the closing tag of `root` (any prefix), followed only by comments, processing
 * instructions and white space: a file cut short may parse leniently in some DOMParsers. Linear: each step consumes
 * the text it looks at from the end.
 */
export function endsWithClosingTag(text: string, root: string): boolean {
  let end = text.length;
  for (;;) {
    while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
    if (text.endsWith('-->', end)) {
      const start = text.lastIndexOf('<!--', end - 3);
      if (start === -1) return false;
      end = start;
    } else if (text.endsWith('?>', end)) {
      const start = text.lastIndexOf('<?', end - 2);
      if (start === -1) return false;
      end = start;
    } else break;
  }
  if (text[end - 1] !== '>') return false;
  const open = text.lastIndexOf('</', end - 1);
  if (open === -1) return false;
  return new RegExp(`^</(?:[A-Za-z_][\\w.-]*:)?${root}\\s*>$`).test(text.slice(open, end));
}

/** Parses with the strict tree, or an injected DOMParser (its errors, and a browser's <parsererror>, become one line). */
export function parseXml(text: string, Parser: DOMParserConstructor | undefined, fail: (problem: string) => never): XmlDocument {
  if (!Parser) {
    try {
      return parseXmlStrict(text);
    } catch (error) {
      return fail(`not well-formed XML (${(error as Error).message.split('\n')[0]})`);
    }
  }
  const problems: string[] = [];
  const record = (message: unknown): void => void problems.push(String(message).split('\n')[0]!.replace(/^\[xmldom [a-z]+\]\s*/i, ''));
  let document: XmlDocument;
  try {
    // Browsers ignore the argument; parsers such as @xmldom/xmldom report through it.
    document = new Parser({ errorHandler: { warning: () => undefined, error: record, fatalError: record } }).parseFromString(text, 'application/xml');
  } catch (error) {
    return fail(`not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  if (problems.length > 0) return fail(`not well-formed XML (${problems[0]})`);
  const errors = document.getElementsByTagName('parsererror');
  if (errors.length > 0) {
    const message = (errors[0]!.textContent ?? '').trim().split('\n')[0] ?? '';
    return fail(`not well-formed XML (${message || 'parser error'})`);
  }
  return document;
}
