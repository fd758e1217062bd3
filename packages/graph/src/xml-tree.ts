// A strict XML parser for Node and the browser: saxes (conformant, no DTD processing) builds a
// small element tree with the part of the DOM interface that readGexf uses.
import { SaxesParser } from 'saxes';

/** The part of the DOM that readGexf uses; the browser's DOM provides it, and so does this tree. */
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
  readonly childNodes: XmlNode[] = [];
  private text = '';
  constructor(
    readonly nodeName: string,
    readonly localName: string,
    private readonly attributes: Map<string, string>,
  ) {}
  get textContent(): string {
    return this.text + this.childNodes.map((node) => node.textContent ?? '').join('');
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

/** Parses XML strictly; throws an Error with the parser's first complaint (line:column: message). */
export function parseXmlStrict(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: TreeElement[] = [];
  let root: TreeElement | null = null;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('doctype', () => {
    failure ??= new Error('DOCTYPE declarations are not accepted');
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes.set(name, attribute.value);
    const element = new TreeElement(tag.name, tag.local, attributes);
    const parent = stack[stack.length - 1];
    if (parent) parent.childNodes.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (value) => stack[stack.length - 1]?.appendText(value));
  parser.on('cdata', (value) => stack[stack.length - 1]?.appendText(value));
  parser.on('closetag', () => void stack.pop());
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
