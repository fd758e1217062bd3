// A strict XML parser for Node and the browser: saxes (conformant, no DTD processing) builds a small element tree
// with the part of the DOM interface that the GEXF and GraphML readers use. Linear in size and nesting depth.
import { SaxesParser } from 'saxes';

/** The part of the DOM that the readers use; the browser's DOM provides it, and so does this tree. */
export interface XmlNode {
  nodeType: number;
  localName?: string | null;
  nodeName: string;
  textContent: string | null;
  childNodes: { length: number; [index: number]: XmlNode };
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}
export interface XmlDocument {
  documentElement: XmlNode | null;
  getElementsByTagName(name: string): { length: number; [index: number]: XmlNode };
}

class TreeElement implements XmlNode {
  readonly nodeType = 1;
  readonly childNodes: TreeElement[] = [];
  private text = '';
  constructor(
    readonly nodeName: string,
    readonly localName: string,
    private readonly attributes: Map<string, string>,
  ) {}
  /** Own text and that of every descendant, in document order as far as the readers need (text elements have no children). */
  get textContent(): string {
    let text = '';
    const pending: TreeElement[] = [this];
    while (pending.length > 0) {
      const element = pending.pop()!;
      text += element.text;
      for (let index = element.childNodes.length - 1; index >= 0; index -= 1) pending.push(element.childNodes[index]!);
    }
    return text;
  }
  appendText(text: string): void {
    this.text += text;
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
}

const prefixOf = (name: string): string | undefined => {
  const colon = name.indexOf(':');
  return colon === -1 ? undefined : name.slice(0, colon);
};

/**
 * Parses XML strictly; throws an Error with the parser's first complaint (line:column: message). Namespace prefixes
 * are checked here (each element's and attribute's prefix must be declared by it or an ancestor) with one counter per
 * prefix, rather than by saxes's xmlns mode, whose cost grows with nesting depth (quadratic on deep documents).
 */
export function parseXmlStrict(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: TreeElement[] = [];
  /** Prefixes each open element declares, to undo when it closes. */
  const declared: (string[] | undefined)[] = [];
  const bound = new Map<string, number>([['xml', 1]]);
  let root: TreeElement | null = null;
  let failure: Error | undefined;
  const fail = (message: string): void => {
    failure ??= new Error(`${parser.line}:${parser.column}: ${message}`);
  };
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('doctype', () => fail('DOCTYPE declarations are not accepted'));
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    let prefixes: string[] | undefined;
    for (const [name, value] of Object.entries(tag.attributes)) {
      const attributeValue = String(value);
      attributes.set(name, attributeValue);
      if (name.startsWith('xmlns:')) {
        const prefix = name.slice(6);
        if (attributeValue === '') fail(`prefix "${prefix}" is bound to an empty namespace`);
        (prefixes ??= []).push(prefix);
        bound.set(prefix, (bound.get(prefix) ?? 0) + 1);
      }
    }
    declared.push(prefixes);
    const elementPrefix = prefixOf(tag.name);
    if (elementPrefix !== undefined && !bound.get(elementPrefix)) fail(`unbound namespace prefix: "${elementPrefix}"`);
    for (const name of attributes.keys()) {
      const prefix = prefixOf(name);
      if (prefix !== undefined && prefix !== 'xmlns' && !bound.get(prefix)) fail(`unbound namespace prefix: "${prefix}"`);
    }
    const element = new TreeElement(tag.name, elementPrefix === undefined ? tag.name : tag.name.slice(elementPrefix.length + 1), attributes);
    const parent = stack[stack.length - 1];
    if (parent) parent.childNodes.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (value) => stack[stack.length - 1]?.appendText(value));
  parser.on('cdata', (value) => stack[stack.length - 1]?.appendText(value));
  parser.on('closetag', () => {
    stack.pop();
    for (const prefix of declared.pop() ?? []) bound.set(prefix, bound.get(prefix)! - 1);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw failure;
  const documentElement: XmlNode | null = root;
  return {
    documentElement,
    getElementsByTagName: () => ({ length: 0 }),
  };
}
