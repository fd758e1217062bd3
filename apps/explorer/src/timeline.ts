// The timeline: a period slider over the documents' dates that narrows the map to the network of that period
// (recounted by the graph package's TimelineIndex), and a chart of the selected entity's mentions over time.
import { TimelineIndex, type DocumentDate, type DocumentTally, type MentionsOnDate, type TimelineEdge } from '@missiongraph/graph';
import { element } from './dom.ts';
import type { EdgeCounts, PeriodFilter } from './filters.ts';
import type { ExplorerGraph } from './graph-model.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const SVG = 'http://www.w3.org/2000/svg';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);

/** graph.json's `documentDates` and `documentTallies` (docs/graph-format.md), checked; anything malformed is left out. */
export function readTimelineAttributes(attributes: unknown): { documentDates?: Record<string, DocumentDate>; documentTallies?: Record<string, DocumentTally> } {
  if (!isRecord(attributes)) return {};
  const read: { documentDates?: Record<string, DocumentDate>; documentTallies?: Record<string, DocumentTally> } = {};
  if (isRecord(attributes.documentDates)) {
    const dates: [string, DocumentDate][] = [];
    for (const [document, entry] of Object.entries(attributes.documentDates)) {
      if (FORBIDDEN_KEYS.has(document) || !isRecord(entry) || typeof entry.date !== 'string' || !DATE.test(entry.date)) continue;
      dates.push([document, typeof entry.source === 'string' ? { date: entry.date, source: entry.source } : { date: entry.date }]);
    }
    if (dates.length > 0) read.documentDates = Object.fromEntries(dates);
  }
  if (isRecord(attributes.documentTallies)) {
    const tallies: [string, DocumentTally][] = [];
    for (const [document, entry] of Object.entries(attributes.documentTallies)) {
      if (FORBIDDEN_KEYS.has(document) || !isRecord(entry) || !isRecord(entry.entities)) continue;
      // Keys are checked against FORBIDDEN_KEYS, so plain assignment is safe (and 10k entities a document stay cheap).
      const entities: Record<string, [number, number]> = {};
      for (const entity in entry.entities) {
        const counts = entry.entities[entity];
        if (!Object.hasOwn(entry.entities, entity) || FORBIDDEN_KEYS.has(entity) || !Array.isArray(counts)) continue;
        entities[entity] = [count(counts[0]), count(counts[1])];
      }
      tallies.push([document, { sentences: count(entry.sentences), entities }]);
    }
    if (tallies.length > 0) read.documentTallies = Object.fromEntries(tallies);
  }
  return read;
}

/** The co-mention links of the explorer's graph with their evidence documents, as the TimelineIndex takes them. */
function coMentionLinks(graph: ExplorerGraph): TimelineEdge[] {
  const edges: TimelineEdge[] = [];
  graph.forEachEdge((key, link, source, target) => {
    if (link.kind === 'co-mention') edges.push({ key, source, target, evidence: link.evidence });
  });
  return edges;
}

/** The graph's timeline: its documents in date order and each link's evidence per document. */
export function timelineIndexOf(graph: ExplorerGraph): TimelineIndex {
  const attributes = graph.getAttributes() as { documentDates?: Record<string, DocumentDate>; documentTallies?: Record<string, DocumentTally> };
  return new TimelineIndex(attributes.documentDates, attributes.documentTallies, coMentionLinks(graph));
}

/**
 * The period filter of a date range: its documents and each link's weight and strength recounted over them (the
 * index's packed recount, read by key; a link without evidence in the period has neither).
 */
export function periodFilterOf(index: TimelineIndex, from: string, to: string, undated: boolean): PeriodFilter {
  const counts = index.recount({ from, to, undated });
  const byKey = (values: Float64Array): EdgeCounts => ({
    get: (key) => {
      const position = index.edgePosition(key);
      return position === undefined || !(counts.edgeWeights[position]! > 0) ? undefined : values[position];
    },
  });
  return { from, to, undated, documents: counts.documents, strengths: byKey(counts.edgeStrengths), weights: byKey(counts.edgeWeights) };
}

/**
 * Where a period named elsewhere (a shared link, the graph shown before) falls on a graph's dates: from its first date
 * on or after `from` to its last on or before `to`, recounted on this graph; null when the graph has no dates, when
 * no date falls inside, or when that is the whole timeline (which keeps every document, undated ones included).
 */
export function carriedPeriod(index: TimelineIndex, previous: PeriodFilter | null): { first: number; last: number; period: PeriodFilter | null } | null {
  const dates = index.distinctDates;
  if (previous === null || !index.hasDates) return null;
  const first = dates.findIndex((date) => date >= previous.from);
  const last = dates.findLastIndex((date) => date <= previous.to);
  if (first === -1 || last < first) return null;
  const whole = first === 0 && last === dates.length - 1;
  return { first, last, period: whole ? null : periodFilterOf(index, dates[first]!, dates[last]!, previous.undated) };
}

const plural = (number: number, one: string, many = `${one}s`): string => `${number.toLocaleString('en')} ${number === 1 ? one : many}`;

/**
 * The Timeline section of the filters: From and To sliders over the distinct document dates, a box to count
 * undated documents in a shorter period, what the period holds in words, and the selected entity's mentions by date.
 */
export class TimelinePanel {
  private index: TimelineIndex | null = null;
  private entity: { key: string; label: string } | null = null;
  private period: PeriodFilter | null = null;
  private readonly fromInput = element('input', { attributes: { id: 'timeline-from', type: 'range', min: '0', step: '1', 'aria-label': 'Period from' } });
  private readonly toInput = element('input', { attributes: { id: 'timeline-to', type: 'range', min: '0', step: '1', 'aria-label': 'Period to' } });
  private readonly fromOutput = element('output', { attributes: { for: 'timeline-from' } });
  private readonly toOutput = element('output', { attributes: { for: 'timeline-to' } });
  private readonly undatedInput = element('input', { attributes: { id: 'timeline-undated', type: 'checkbox' } });
  private readonly undatedLabel = element('label', { className: 'check' });
  private readonly summary = element('p', { className: 'timeline-summary', attributes: { id: 'timeline-summary' } });
  private readonly periodText = element('p', { className: 'timeline-period', attributes: { id: 'timeline-period', 'aria-live': 'polite' } });
  private readonly controls = element('div', { className: 'timeline-controls' });
  private readonly chart = element('figure', { className: 'mentions-chart', attributes: { id: 'mentions-chart' } });

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (period: PeriodFilter | null) => void,
  ) {
    this.undatedLabel.append(this.undatedInput, document.createTextNode(' '), element('span', { attributes: { id: 'timeline-undated-text' } }));
    this.controls.append(
      element('label', { className: 'range', children: [document.createTextNode('From '), this.fromOutput, this.fromInput] }),
      element('label', { className: 'range', children: [document.createTextNode('To '), this.toOutput, this.toInput] }),
      this.undatedLabel,
      this.periodText,
    );
    this.root.replaceChildren(element('h2', { text: 'Timeline' }), this.summary, this.controls, this.chart);
    this.chart.hidden = true;
    const changed = (moved: 'from' | 'to' | 'undated'): void => {
      // The two ends never cross: moving one past the other takes the other along.
      if (moved === 'from' && Number(this.fromInput.value) > Number(this.toInput.value)) this.toInput.value = this.fromInput.value;
      if (moved === 'to' && Number(this.toInput.value) < Number(this.fromInput.value)) this.fromInput.value = this.toInput.value;
      this.period = this.periodFromInputs();
      this.showPeriod();
      this.showChart();
      this.onChange(this.period);
    };
    this.fromInput.addEventListener('input', () => changed('from'));
    this.toInput.addEventListener('input', () => changed('to'));
    this.undatedInput.addEventListener('change', () => changed('undated'));
  }

  /** A new graph: its dates, and the period carried over from the view (recounted on this graph) when it still applies. */
  setGraph(graph: ExplorerGraph, previous: PeriodFilter | null): PeriodFilter | null {
    const index = timelineIndexOf(graph);
    this.index = index;
    this.period = null;
    const dates = index.distinctDates;
    const undated = index.documents.length - index.datedCount;
    if (!index.hasDates) {
      this.summary.textContent =
        `No document in this graph has a date, so there is no timeline. Dates come from a transcript's header, a dateline ` +
        `or the file name (2017-05-22…), read when the graph is built.`;
      this.controls.hidden = true;
      this.chart.hidden = true;
      return null;
    }
    this.controls.hidden = false;
    // Dates in spans that do not wrap at their hyphens.
    const date = (text: string | undefined): HTMLElement => element('span', { className: 'date', text: text ?? '' });
    const span = dates.length === 1 ? [document.createTextNode('all on '), date(dates[0])] : [document.createTextNode('from '), date(dates[0]), document.createTextNode(' to '), date(dates[dates.length - 1])];
    this.summary.replaceChildren(
      document.createTextNode(`${plural(index.datedCount, 'dated document')}, `),
      ...span,
      document.createTextNode(undated > 0 ? `; ${plural(undated, 'document')} without a date, counted only when the whole timeline is chosen or the box below is ticked.` : '.'),
    );
    for (const input of [this.fromInput, this.toInput]) input.max = String(dates.length - 1);
    this.fromInput.value = '0';
    this.toInput.value = String(dates.length - 1);
    this.undatedInput.checked = false;
    this.undatedLabel.hidden = undated === 0;
    const undatedText = this.undatedLabel.querySelector('span');
    if (undatedText) undatedText.textContent = `Count the ${plural(undated, 'document')} without a date in a shorter period`;
    const carried = carriedPeriod(index, previous);
    if (carried !== null && previous !== null) {
      this.fromInput.value = String(carried.first);
      this.toInput.value = String(carried.last);
      this.undatedInput.checked = previous.undated;
      this.period = carried.period;
    }
    this.showPeriod();
    this.showChart();
    return this.period;
  }

  /** A graph whose dates are not read yet (setGraph follows): no controls, and a word that they are coming. */
  clear(): void {
    this.index = null;
    this.period = null;
    this.summary.textContent = 'Reading the documents’ dates…';
    this.controls.hidden = true;
    this.chart.hidden = true;
    this.chart.replaceChildren();
  }

  /** The filters changed elsewhere (a chip removed, filters reset): show their period. */
  sync(period: PeriodFilter | null): void {
    const index = this.index;
    if (!index || !index.hasDates) return;
    this.period = period;
    const dates = index.distinctDates;
    const at = (date: string, fallback: number): number => {
      const found = dates.indexOf(date);
      return found === -1 ? fallback : found;
    };
    this.fromInput.value = String(period ? at(period.from, 0) : 0);
    this.toInput.value = String(period ? at(period.to, dates.length - 1) : dates.length - 1);
    this.undatedInput.checked = period?.undated ?? false;
    this.showPeriod();
    this.showChart();
  }

  /** The entity whose mentions the chart shows (null hides it). */
  showEntity(graph: ExplorerGraph, key: string | null): void {
    this.entity = key !== null && graph.hasNode(key) ? { key, label: graph.getNodeAttribute(key, 'label') } : null;
    this.showChart();
  }

  private periodFromInputs(): PeriodFilter | null {
    const index = this.index;
    if (!index || !index.hasDates) return null;
    const dates = index.distinctDates;
    const first = Number(this.fromInput.value);
    const last = Number(this.toInput.value);
    const whole = first === 0 && last === dates.length - 1;
    // The whole timeline keeps every document, undated ones included: no period filter at all.
    if (whole) return null;
    return periodFilterOf(index, dates[first]!, dates[last]!, this.undatedInput.checked);
  }

  private showPeriod(): void {
    const index = this.index;
    if (!index) return;
    const dates = index.distinctDates;
    this.fromOutput.textContent = dates[Number(this.fromInput.value)] ?? '';
    this.toOutput.textContent = dates[Number(this.toInput.value)] ?? '';
    const undated = index.documents.length - index.datedCount;
    if (this.period === null) {
      this.periodText.textContent = `Whole timeline: all ${plural(index.documents.length, 'document')}${undated > 0 ? `, the ${plural(undated, 'one')} without a date included` : ''}.`;
      return;
    }
    const { from, to, documents } = this.period;
    const range = from === to ? `On ${from}` : `From ${from} to ${to}`;
    const left = undated > 0 ? (this.period.undated ? `, with the ${plural(undated, 'document')} without a date` : `; the ${plural(undated, 'document')} without a date left out`) : '';
    this.periodText.textContent = `${range}: ${documents.size.toLocaleString('en')} of ${plural(index.documents.length, 'document')}${left}.`;
  }

  /** Bars of the selected entity's mentions per date (and without a date), the chosen period's dates marked. */
  private showChart(): void {
    const index = this.index;
    const entity = this.entity;
    if (!index || !index.hasDates || !entity) {
      this.chart.hidden = true;
      this.chart.replaceChildren();
      return;
    }
    const rows: MentionsOnDate[] = index.mentionsOverTime(entity.key);
    const most = Math.max(1, ...rows.map((row) => row.mentions));
    const total = rows.reduce((sum, row) => sum + row.mentions, 0);
    const width = 260;
    const height = 96;
    const barArea = height - 30;
    const step = width / Math.max(1, rows.length);
    const barWidth = Math.max(2, Math.min(36, step - 4));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `Mentions of ${entity.label} by document date`);
    rows.forEach((row, at) => {
      const inPeriod = this.period === null || (row.date === null ? this.period.undated : row.date >= this.period.from && row.date <= this.period.to);
      const barHeight = row.mentions === 0 ? 1 : Math.max(2, (row.mentions / most) * barArea);
      const x = at * step + (step - barWidth) / 2;
      const bar = document.createElementNS(SVG, 'rect');
      bar.setAttribute('x', x.toFixed(1));
      bar.setAttribute('y', (14 + barArea - barHeight).toFixed(1));
      bar.setAttribute('width', barWidth.toFixed(1));
      bar.setAttribute('height', barHeight.toFixed(1));
      bar.setAttribute('class', `bar${inPeriod ? ' in-period' : ''}${row.date === null ? ' undated' : ''}`);
      bar.dataset.date = row.date ?? 'undated';
      bar.dataset.mentions = String(row.mentions);
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = `${row.date ?? 'No date'}: ${plural(row.mentions, 'mention')} in ${plural(row.documents, 'document')}`;
      bar.append(tip);
      const value = document.createElementNS(SVG, 'text');
      value.setAttribute('x', (x + barWidth / 2).toFixed(1));
      value.setAttribute('y', (10 + barArea - barHeight).toFixed(1));
      value.setAttribute('class', 'value');
      value.textContent = String(row.mentions);
      svg.append(bar, value);
      // Date labels under the first, the last and every bar that has room.
      if (rows.length <= 6 || at === 0 || at === rows.length - 1) {
        const label = document.createElementNS(SVG, 'text');
        label.setAttribute('x', (x + barWidth / 2).toFixed(1));
        label.setAttribute('y', String(height - 4));
        label.setAttribute('class', 'date');
        label.textContent = row.date ?? 'no date';
        svg.append(label);
      }
    });
    const caption = element('figcaption', { text: `Mentions of ${entity.label} over time (${plural(total, 'mention')})` });
    this.chart.replaceChildren(caption, svg);
    this.chart.hidden = false;
  }
}
