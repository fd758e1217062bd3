// readGexf: Gephi's files (GEXF 1.2 and 1.3: rgb and hex colours, attvalues by id, mixed edge
// types) and hostile ones, each refused with one clear error and never a partial graph.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readGexf, writeGexf, type DOMParserConstructor } from '../src/index.ts';
import { readFixture } from './helpers.ts';

describe('readGexf on files Gephi writes', () => {
  it('reads GEXF 1.2 with numeric attribute ids, rgb(a) colours, defaults, lists and mixed edges', () => {
    const graph = readGexf(readFixture('gephi-1.2.gexf'));
    expect(graph.type).toBe('mixed');
    expect(graph.getAttributes()).toEqual({ creator: 'Gephi 0.9', description: '' });
    expect(graph.getNodeAttributes('0')).toEqual({
      label: 'MONUSCO',
      Region: 'Great Lakes',
      'Modularity Class': 1,
      'Eigenvector Centrality': 0.75,
      Staffed: true,
      Years: [2010, 2024],
      size: 12.5,
      x: -120.5,
      y: 33.25,
      z: 0,
      color: '#0072b2',
    });
    expect(graph.getNodeAttribute('1', 'color')).toBe('rgba(230,159,0,0.5)');
    expect(graph.getNodeAttribute('2', 'Staffed')).toBe(false);
    expect(graph.isDirected('0')).toBe(true);
    expect(graph.isUndirected('1')).toBe(true);
    expect(graph.getEdgeAttributes('0')).toEqual({ weight: 3, 'Source Doc': 'report.txt' });
    expect(graph.getEdgeAttributes('2')).toEqual({ label: 'hosts', kind: 'host-country' });
    expect(graph.source('2')).toBe('0');
  });

  it('reads GEXF 1.3 with hex colours, liststring values and parallel edges', () => {
    const graph = readGexf(readFixture('gephi-1.3.gexf'));
    expect(graph.type).toBe('undirected');
    expect(graph.getNodeAttributes('mission:minusca')).toEqual({
      label: 'MINUSCA',
      type: 'mission',
      aliases: ['MINUSCA', 'the mission, in Bangui'],
      PageRank: 0.4,
      size: 10,
      x: 1.5,
      y: -2.5,
      color: '#0072b2',
    });
    expect(graph.getNodeAttribute('country:caf', 'color')).toBe('#e69f00');
    expect(graph.edges('mission:minusca', 'country:caf').sort()).toEqual(['0', '1']);
    expect(graph.getEdgeAttributes('1')).toEqual({ weight: 1, kind: 'host-country' });
  });

  it('reads the same with an injected DOMParser (as the browser passes its own)', () => {
    const text = readFixture('gephi-1.3.gexf');
    const injected = readGexf(text, { DOMParser: DOMParser as unknown as DOMParserConstructor });
    expect(writeGexf(injected)).toBe(writeGexf(readGexf(text)));
  });
});

const wrap = (graph: string, head = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>${head}\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">${graph}</gexf>\n`;
const nodeDeclarations = '<attributes class="node"><attribute id="a" title="score" type="double"/></attributes>';
const twoNodes = '<nodes><node id="n1"/><node id="n2"/></nodes>';
const positioned = (x: string, y = 'y="1"'): string =>
  `<graph><nodes><node id="n1"><viz:position x="${x}" ${y}/></node><node id="n2"><viz:position x="1" y="1"/></node></nodes></graph>`;
const complete = wrap(`<graph>${twoNodes}<edges><edge id="e1" source="n1" target="n2"/></edges></graph>`);

describe('readGexf refuses hostile and broken files with one clear error', () => {
  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE gexf [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="n" label="&lol3;"/></nodes></graph></gexf>`;
  const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE gexf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="n" label="&secret;"/></nodes></graph></gexf>`;
  const rows: [string, string, RegExp][] = [
    ['truncated file', complete.slice(0, complete.length - 40), /truncated/],
    ['truncated inside a tag', complete.slice(0, complete.indexOf('<edge ') + 12), /truncated/],
    ['not XML', 'MONUSCO, MINUSCA\nUNIFIL', /not XML/],
    ['empty text', '', /not XML/],
    ['mismatched tags', wrap('<graph><nodes><node id="a"></nodes></graph>'), /not well-formed XML/],
    ['unbound prefix', wrap('<graph><nodes><node id="a"><vz:size value="1"/></node></nodes></graph>'), /not well-formed XML/],
    ['forbidden character reference', wrap('<graph><nodes><node id="a" label="&#1;"/></nodes></graph>'), /not well-formed XML/],
    ['wrong root element', '<?xml version="1.0"?><graphml><gexf></gexf></graphml><!-- --></gexf>', /not well-formed XML/],
    ['no <graph>', wrap('<meta><creator>x</creator></meta>'), /no <graph> element/],
    ['another root element', '<graphml><graph/></graphml><!-- </gexf> -->', /not GEXF/],
    ['no <nodes>', wrap('<graph><edges/></graph>'), /no <nodes> element/],
    ['duplicate node ids', wrap('<graph><nodes><node id="n1"/><node id="n1"/></nodes></graph>'), /node id "n1" appears twice/],
    ['duplicate edge ids', wrap(`<graph>${twoNodes}<edges><edge id="e" source="n1" target="n2"/><edge id="e" source="n2" target="n1"/></edges></graph>`), /edge id "e" appears twice/],
    ['edge to a missing node', wrap(`<graph>${twoNodes}<edges><edge id="e" source="n1" target="ghost"/></edges></graph>`), /edge "e" ends at missing node "ghost"/],
    ['NaN position', wrap(positioned('NaN')), /node "n1": position x is "NaN", not a finite number/],
    ['Infinity position', wrap(positioned('Infinity')), /position x is "Infinity"/],
    ['position without y', wrap(positioned('1', '')), /node "n1": position y is missing/],
    ['positions on some nodes only', wrap('<graph><nodes><node id="n1"><viz:position x="1" y="2"/></node><node id="n2"/></nodes></graph>'), /positions on 1 of 2 nodes; node "n2" has none/],
    ['NaN weight', wrap(`<graph>${twoNodes}<edges><edge id="e" source="n1" target="n2" weight="NaN"/></edges></graph>`), /edge "e": weight is "NaN"/],
    ['undeclared attribute', wrap('<graph><nodes><node id="n1"><attvalues><attvalue for="ghost" value="1"/></attvalues></node></nodes></graph>'), /node "n1": attribute "ghost" is not declared/],
    ['attribute value of the wrong type', wrap(`<graph>${nodeDeclarations}<nodes><node id="n1"><attvalues><attvalue for="a" value="high"/></attvalues></node></nodes></graph>`), /attribute "score" is "high", not a finite number/],
    ['__proto__ attribute title', wrap('<graph><attributes class="node"><attribute id="p" title="__proto__" type="string"/></attributes><nodes/></graph>'), /attribute name "__proto__" is not allowed/],
    ['__proto__ attribute id', wrap('<graph><attributes class="node"><attribute id="__proto__" type="string"/></attributes><nodes/></graph>'), /attribute name "__proto__" is not allowed/],
    ['colour channel out of range', wrap('<graph><nodes><node id="n1"><viz:color r="300" g="0" b="0"/></node></nodes></graph>'), /colour channel r is 300/],
    ['external entity (XXE)', externalEntity, /DOCTYPE and ENTITY declarations are not accepted/],
    ['entity expansion bomb', billionLaughs, /DOCTYPE and ENTITY declarations are not accepted/],
  ];
  it.each(rows)('%s', (_name, text, message) => {
    let thrown: unknown;
    try {
      readGexf(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, 'no error').toBeInstanceOf(Error);
    const text0 = (thrown as Error).message;
    expect(text0).toMatch(/^graph\/readGexf: /);
    expect(text0).toMatch(message);
    expect(text0).not.toContain('\n');
  });

  it('keeps node ids like __proto__ as plain keys without touching any prototype', () => {
    const graph = readGexf(wrap('<graph><nodes><node id="__proto__" label="x"/><node id="constructor"/></nodes></graph>'));
    expect(graph.nodes()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });

  it('reads a file whose positions are all missing (not yet laid out)', () => {
    const graph = readGexf(complete);
    expect([graph.order, graph.size]).toEqual([2, 1]);
    expect(graph.getNodeAttributes('n1')).toEqual({});
  });
});
