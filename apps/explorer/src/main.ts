// The explorer's entry point: loads graph.json, wires the renderer, search, filters, details panel,
// layout, files in and out, keyboard and URL state together. Each part lives in its own module.
import { required } from './dom.ts';
import { summariseCommunities, type CommunitySummary } from './communities.ts';
import { element } from './dom.ts';
import { computeVisibility, filterChips, type FilterState, type Visibility } from './filters.ts';
import { FiltersPanel } from './filters-panel.ts';
import { pictureAsPng, pictureAsSvg, type PictureContext } from './export-image.ts';
import { graphFromGexf, graphToGexf } from './gexf.ts';
import { graphFromSerialised, graphToSerialised, InputError, subgraphToSerialised, type ExplorerGraph, type LoadReport } from './graph-model.ts';
import {
  classifyFile,
  download,
  isDocumentFile,
  MAX_GRAPH_BYTES,
  MAX_TRANSCRIPT_BATCH_BYTES,
  MAX_TRANSCRIPT_BYTES,
  parseJson,
  readFileText,
} from './io.ts';
import { LayoutControl } from './layout.ts';
import { MapLegend } from './legend.ts';
import { describeError, MessageArea } from './messages.ts';
import { DetailsPanel } from './panel.ts';
import type { NewDocument } from './rebuild-protocol.ts';
import { TranscriptWorker } from './rebuild.ts';
import { GraphRenderer, type LabelMode } from './renderer.ts';
import { SearchBox, SearchIndex } from './search.ts';
import { ThemeLayer } from './themes.ts';
import { TimelinePanel } from './timeline.ts';
import { readViewState, writeViewState, type ColorMode, type Selection, type ViewState } from './url-state.ts';

class Explorer {
  private graph: ExplorerGraph | null = null;
  private renderer: GraphRenderer | null = null;
  private layout: LayoutControl | null = null;
  private searchIndex: SearchIndex | null = null;
  private visibility: Visibility | null = null;
  private view: ViewState = readViewState(window.location.search);
  private transcripts: TranscriptWorker | null = null;
  private extraNames: ReadonlyMap<string, readonly string[]> = new Map();
  private communities: CommunitySummary[] = [];
  /** Entities selected before the current one, for Backspace. */
  private readonly history: string[] = [];
  private readonly labelMode: LabelMode = new URLSearchParams(window.location.search).get('labels') === 'grid' ? 'grid' : 'placed';
  private readonly legend = new MapLegend((id) => this.select({ kind: 'community', id }, false));
  private readonly chips = required('filter-chips', HTMLDivElement);

  private readonly container = required('sigma-container', HTMLDivElement);
  private readonly messages = new MessageArea(required('messages', HTMLDivElement));
  private readonly details = new DetailsPanel(required('details', HTMLElement), {
    selectNode: (key) => this.select({ kind: 'node', key }, true),
    selectEdge: (key) => this.select({ kind: 'edge', key }, false),
    selectCommunity: (id) => this.select({ kind: 'community', id }, false),
  });
  private readonly filtersPanel = new FiltersPanel((filters) => this.applyFilters(filters));
  private readonly timeline = new TimelinePanel(required('timeline', HTMLElement), (period) => {
    const next = { ...this.view.filters, period };
    this.filtersPanel.setState(next);
    this.applyFilters(next);
  });
  private readonly layoutButton = required('layout-toggle', HTMLButtonElement);
  private readonly themes = new ThemeLayer(required('themes-toggle', HTMLButtonElement), required('theme-layer', HTMLElement), required('theme-list', HTMLOListElement), (key) =>
    this.select({ kind: 'node', key }, true),
  );
  private readonly search = new SearchBox(
    required('search-input', HTMLInputElement),
    required('search-results', HTMLUListElement),
    () => this.searchIndex,
    (key) => this.select({ kind: 'node', key }, true),
  );

  start(): void {
    this.exposeInspection();
    this.wireToolbar();
    this.wireKeyboard();
    this.wireFiles();
    window.addEventListener('pagehide', () => this.teardown());
    void this.loadInitialGraph();
  }

  /**
   * A small read-only window onto the view for tests and benchmarks (window.missiongraphExplorer): the label
   * boxes drawn in the last frame and the camera. Nothing in it changes the page.
   */
  private exposeInspection(): void {
    const inspection = {
      labelBoxes: () => this.renderer?.labelBoxes() ?? [],
      edgeDrawings: () => this.renderer?.edgeDrawings() ?? [],
      camera: () => this.renderer?.cameraView() ?? null,
      labelMode: () => this.labelMode,
    };
    Object.defineProperty(window, 'missiongraphExplorer', { value: Object.freeze(inspection), configurable: false });
  }

  private async loadInitialGraph(): Promise<void> {
    try {
      const response = await fetch('graph.json', { cache: 'no-store' });
      if (!response.ok) {
        this.messages.show(
          'No graph.json beside this page yet. Run `pnpm start` to build one from data/transcripts, or open a graph or drop transcripts here.',
          'info',
        );
        this.setState('empty');
        return;
      }
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_GRAPH_BYTES) throw new InputError(`graph.json: too big (${length} bytes; the limit is ${MAX_GRAPH_BYTES})`);
      required('graph-loading-text', HTMLParagraphElement).textContent = 'Downloading the graph…';
      const text = await this.readWithProgress(response, length);
      performance.mark('explorer:graph-fetched');
      required('graph-loading-text', HTMLParagraphElement).textContent = 'Drawing the graph…';
      const report = graphFromSerialised(parseJson(text, 'graph.json'), 'graph.json');
      performance.mark('explorer:graph-checked');
      this.showGraph(report, this.view);
    } catch (error) {
      this.messages.show(describeError(error), 'error');
      this.setState('empty');
    }
  }

  /** The response's text, with the loading bar following the bytes when the size is known. */
  private async readWithProgress(response: Response, length: number): Promise<string> {
    const bar = required('graph-loading-bar', HTMLProgressElement);
    if (!response.body || length <= 0) return response.text();
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      if (received > MAX_GRAPH_BYTES) throw new InputError(`graph.json: too big (more than ${MAX_GRAPH_BYTES} bytes)`);
      bar.max = 1;
      bar.value = Math.min(1, received / length);
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return new TextDecoder('utf-8').decode(bytes);
  }

  /**
   * Replaces the graph on screen; the view (filters, selection, colors, camera) carries over where it still
   * applies. A view with a camera (a shared link) is shown as it was, without centring on the selection.
   */
  private showGraph(report: LoadReport, view: ViewState): void {
    this.teardownGraph();
    const { graph } = report;
    this.graph = graph;
    this.view = view;
    for (const note of report.notes) this.messages.show(note, 'info');
    // The timeline's index (each link's evidence by date) costs about as much as drawing a large graph: without a
    // period to show it is built once the first frame is drawn (finishShowing); with one, the map needs it now.
    const timelineBuiltFirst = view.filters.period !== null;
    if (timelineBuiltFirst) view.filters.period = this.timeline.setGraph(graph, view.filters.period);
    else this.timeline.clear();
    this.filtersPanel.setGraph(graph, view.filters);
    this.visibility = computeVisibility(graph, view.filters);
    this.filtersPanel.showCounts(graph, this.visibility);
    this.communities = summariseCommunities(graph, this.visibility);
    this.showChips();
    this.searchIndex = new SearchIndex(graph, this.extraNames);
    this.layout = new LayoutControl(graph, (running) => {
      const wasRunning = this.layoutButton.getAttribute('aria-pressed') === 'true';
      this.layoutButton.setAttribute('aria-pressed', String(running));
      this.renderer?.setLayoutRunning(running);
      this.layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
      document.body.dataset.layout = running ? 'running' : 'stopped';
      // The layout moved everything: frame the result again.
      if (wasRunning && !running) this.renderer?.fitShown();
    });
    this.setState('rendering');
    const renderer = new GraphRenderer(this.container, graph, {
      onClickNode: (key) => this.select({ kind: 'node', key }, false),
      onClickEdge: (key) => this.select({ kind: 'edge', key }, false),
      onClickStage: () => this.select(null, false),
      onFirstRender: () => {
        performance.mark('explorer:first-render');
        // Two frames on, the first one's pixels are on screen: a browser drawing in software rasterises the map in between.
        requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('explorer:first-frame-shown')));
        // Drawn: the loading screen gives way to the map. The page is ready once what the first frame did not
        // need is there too, in a task after the frame.
        this.setState('drawn');
        window.setTimeout(() => this.finishShowing(graph, timelineBuiltFirst), 0);
      },
      onCameraSettled: (camera) => {
        if (this.renderer !== renderer) return;
        this.view.camera = camera;
        writeViewState(this.view);
      },
    }, this.labelMode, { visibility: this.visibility, colorMode: view.colorMode, selection: view.selection, camera: view.camera });
    this.renderer = renderer;
    document.body.dataset.color = view.colorMode;
    this.themes.show(graph, renderer);
    this.legend.show(graph, this.visibility, view.colorMode, this.communities);
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=color]')) radio.checked = radio.value === view.colorMode;
    this.select(view.selection, view.camera === null);
  }

  /** What follows the first frame of a graph: the timeline when it was left for later, then the page is ready. */
  private finishShowing(graph: ExplorerGraph, timelineBuiltFirst: boolean): void {
    if (this.graph !== graph) return;
    if (!timelineBuiltFirst) {
      // No period was shown, and a graph without one keeps none (carriedPeriod): the map stays as drawn.
      this.view.filters.period = this.timeline.setGraph(graph, null);
    }
    this.setState('ready');
    void this.loadLexiconNames(graph);
  }

  /** Adds the lexicon's names (e.g. "DRC") to search, asked of the worker so the page stays light. */
  private async loadLexiconNames(graph: ExplorerGraph): Promise<void> {
    try {
      this.transcripts ??= new TranscriptWorker();
      const names = await this.transcripts.lexiconNames(graph.nodes());
      if (this.graph !== graph) return;
      this.extraNames = names;
      this.searchIndex = new SearchIndex(graph, names);
    } catch (error) {
      this.messages.show(`Search knows only the names seen in the corpus: ${describeError(error)}`, 'info');
    }
  }

  private select(selection: Selection, centre: boolean): void {
    const graph = this.graph;
    if (!graph) return;
    const previous = this.view.selection;
    if (previous?.kind === 'node' && !(selection?.kind === 'node' && selection.key === previous.key)) {
      this.history.push(previous.key);
      if (this.history.length > 50) this.history.shift();
    }
    this.view.selection = selection;
    const filter = this.visibility ? { visibility: this.visibility, filters: this.view.filters } : null;
    if (!selection) {
      this.details.clear();
    } else if (selection.kind === 'node') {
      if (!graph.hasNode(selection.key)) {
        this.details.showMissing(`The entity "${selection.key}"`);
        this.messages.show(`No entity "${selection.key}" in this graph: the link names one it does not have`, 'error');
        this.view.selection = null;
      } else {
        this.details.showNode(graph, selection.key, filter);
        if (centre) this.renderer?.centreOn(selection.key);
      }
    } else if (selection.kind === 'community') {
      const community = this.communities.find((candidate) => candidate.id === selection.id);
      if (!community) {
        this.details.showMissing(`Community ${selection.id}`);
        this.messages.show(`No community ${selection.id} among the entities shown`, 'error');
        this.view.selection = null;
      } else {
        this.details.showCommunity(graph, community);
      }
    } else if (!graph.hasEdge(selection.key)) {
      this.details.showMissing(`The link "${selection.key}"`);
      this.messages.show(`No link "${selection.key}" in this graph: the link names one it does not have`, 'error');
      this.view.selection = null;
    } else {
      this.details.showEdge(graph, selection.key, filter);
    }
    this.renderer?.setSelection(this.view.selection);
    // Phones show Details as a sheet over the map while something is selected (styles.css).
    if (this.view.selection) document.body.dataset.selected = this.view.selection.kind;
    else delete document.body.dataset.selected;
    this.timeline.showEntity(graph, this.view.selection?.kind === 'node' ? this.view.selection.key : null);
    writeViewState(this.view);
  }

  /** The entity chips row: one removable chip per active filter. */
  private showChips(): void {
    const chips = filterChips(this.view.filters);
    this.chips.hidden = chips.length === 0;
    this.chips.replaceChildren(
      ...chips.map((chip) => {
        const button = element('button', {
          className: 'chip',
          text: `${chip.text} ×`,
          attributes: { type: 'button', 'aria-label': `Remove filter: ${chip.text}` },
        });
        button.addEventListener('click', () => {
          const next = chip.remove(this.view.filters);
          this.filtersPanel.setState(next);
          this.applyFilters(next);
        });
        return button;
      }),
    );
  }

  private applyFilters(filters: FilterState): void {
    const graph = this.graph;
    if (!graph || !this.renderer) return;
    this.view.filters = filters;
    this.visibility = computeVisibility(graph, filters);
    this.filtersPanel.showCounts(graph, this.visibility);
    this.renderer.setVisibility(this.visibility);
    this.communities = summariseCommunities(graph, this.visibility);
    this.legend.show(graph, this.visibility, this.view.colorMode, this.communities);
    this.showChips();
    this.timeline.sync(filters.period);
    // Details follow the filters: the same selection, listed over what is kept.
    this.select(this.view.selection, false);
  }

  private setColorMode(mode: ColorMode): void {
    this.view.colorMode = mode;
    document.body.dataset.color = mode;
    this.renderer?.setColorMode(mode);
    if (this.graph && this.visibility) this.legend.show(this.graph, this.visibility, mode, this.communities);
    writeViewState(this.view);
  }

  private wireToolbar(): void {
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=color]')) {
      radio.addEventListener('change', () => {
        if (radio.checked) this.setColorMode(radio.value === 'community' ? 'community' : 'type');
      });
    }
    this.layoutButton.addEventListener('click', () => this.layout?.toggle());
    required('zoom-in', HTMLButtonElement).addEventListener('click', () => this.renderer?.zoomBy(1.5));
    required('zoom-out', HTMLButtonElement).addEventListener('click', () => this.renderer?.zoomBy(1 / 1.5));
    required('fit-view', HTMLButtonElement).addEventListener('click', () => this.renderer?.fitShown());
    required('reset-view', HTMLButtonElement).addEventListener('click', () => {
      this.select(null, false);
      this.renderer?.resetCamera();
    });
    const fileInput = required('file-input', HTMLInputElement);
    required('open-button', HTMLButtonElement).addEventListener('click', () => fileInput.click());
    fileInput.addEventListener('change', () => {
      const files = [...(fileInput.files ?? [])];
      fileInput.value = '';
      void this.openFiles(files);
    });
    required('export-gexf', HTMLButtonElement).addEventListener('click', () => this.exportGexf());
    required('export-png', HTMLButtonElement).addEventListener('click', () => void this.exportPng());
    required('export-svg', HTMLButtonElement).addEventListener('click', () => this.exportSvg());
    required('export-json', HTMLButtonElement).addEventListener('click', () => this.exportJson());
  }

  private wireKeyboard(): void {
    document.addEventListener('keydown', (event) => {
      const target = event.target;
      const typing =
        target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key === 'Escape') {
        if (this.view.selection) this.select(null, false);
        if (target instanceof HTMLInputElement && target.id === 'search-input') target.blur();
        return;
      }
      if (typing || !plain) return;
      if (event.key === '/') {
        event.preventDefault();
        this.search.focus();
      } else if (event.key === '+' || event.key === '=') {
        this.renderer?.zoomBy(1.5);
      } else if (event.key === '-') {
        this.renderer?.zoomBy(1 / 1.5);
      } else if (event.key === 'f' || event.key === 'F') {
        this.renderer?.fitShown();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (this.stepThroughNeighbours(event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
      } else if (event.key === 'Backspace') {
        const back = this.history.pop();
        if (back !== undefined && this.graph?.hasNode(back)) {
          event.preventDefault();
          this.select({ kind: 'node', key: back }, true);
          this.history.pop();
        }
      }
    });
  }

  /**
   * Arrow keys walk the selection's neighbours in the Details list (strongest first): focus moves to the next
   * one's name, which Enter selects. Returns whether there was a list to walk.
   */
  private stepThroughNeighbours(step: 1 | -1): boolean {
    if (this.view.selection?.kind !== 'node' && this.view.selection?.kind !== 'community') return false;
    const names = [...document.querySelectorAll<HTMLButtonElement>('#details .neighbours li > button:not(.weight)')];
    if (names.length === 0) return false;
    const current = names.indexOf(document.activeElement as HTMLButtonElement);
    const next = current === -1 ? (step === 1 ? 0 : names.length - 1) : (current + step + names.length) % names.length;
    names[next]?.focus();
    return true;
  }

  private wireFiles(): void {
    const overlay = required('drop-overlay', HTMLDivElement);
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    window.addEventListener('dragenter', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      overlay.hidden = false;
    });
    window.addEventListener('dragover', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    });
    window.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) overlay.hidden = true;
    });
    window.addEventListener('drop', (event) => {
      event.preventDefault();
      depth = 0;
      overlay.hidden = true;
      void this.openFiles([...(event.dataTransfer?.files ?? [])]);
    });
  }

  /** Opens what the user picked or dropped: one graph file replaces the graph, transcripts are added to it. */
  async openFiles(files: File[]): Promise<void> {
    const graphs: File[] = [];
    const transcripts: File[] = [];
    for (const file of files) {
      const kind = classifyFile(file.name);
      if (kind === 'transcript') transcripts.push(file);
      else if (kind) graphs.push(file);
      else this.messages.show(`${file.name}: not a file the explorer reads (open .json, .gexf or .graphml graphs, or .txt .md .vtt .srt transcripts and .pdf .docx .html documents)`, 'error');
    }
    const graphFile = graphs[0];
    if (graphFile) {
      if (graphs.length > 1) this.messages.show(`Opened ${graphFile.name} only: open one graph at a time`, 'info');
      await this.openGraphFile(graphFile);
    }
    if (transcripts.length > 0) await this.addTranscripts(transcripts);
  }

  private async openGraphFile(file: File): Promise<void> {
    try {
      const text = await readFileText(file, MAX_GRAPH_BYTES);
      const report = classifyFile(file.name) === 'gexf' ? graphFromGexf(text, file.name) : graphFromSerialised(parseJson(text, file.name), file.name);
      const keep: ViewState = { selection: null, colorMode: this.view.colorMode, filters: this.view.filters, camera: null };
      this.showGraph(report, keep);
      this.messages.show(`Opened ${file.name}: ${report.graph.order} entities, ${report.graph.size} links`, 'success');
    } catch (error) {
      this.messages.show(describeError(error), 'error');
    }
  }

  private async addTranscripts(files: File[]): Promise<void> {
    const documents: NewDocument[] = [];
    let total = 0;
    for (const file of files) {
      try {
        total += file.size;
        if (total > MAX_TRANSCRIPT_BATCH_BYTES) {
          throw new InputError(`${file.name}: left out, the transcripts dropped at once pass ${MAX_TRANSCRIPT_BATCH_BYTES / 1024 / 1024} MB`);
        }
        // PDF, Word and HTML readers (and pdfjs) load only when such a document is dropped.
        const read = isDocumentFile(file.name) ? await (await import('./documents.ts')).readDocumentText(file) : { text: await readFileText(file, MAX_TRANSCRIPT_BYTES) };
        if (read.text.trim() === '') throw new InputError(`${file.name}: the file is empty; nothing was added`);
        // The file's time dates it (as the CLI's --date-from mtime) when neither its text nor its name does.
        documents.push({ ...read, id: file.name, lastModified: file.lastModified });
      } catch (error) {
        this.messages.show(describeError(error), 'error');
      }
    }
    if (documents.length === 0) return;
    const progress = required('progress', HTMLDivElement);
    const bar = required('progress-bar', HTMLProgressElement);
    const label = required('progress-label', HTMLLabelElement);
    progress.hidden = false;
    bar.value = 0;
    label.textContent = `Reading ${documents.length} transcript${documents.length === 1 ? '' : 's'}…`;
    this.transcripts ??= new TranscriptWorker();
    const before = this.graph?.order ?? 0;
    try {
      const current = this.graph ? graphToSerialised(this.graph) : null;
      const result = await this.transcripts.add(current, documents, (done, steps, step) => {
        bar.value = steps > 0 ? done / steps : 0;
        label.textContent = step;
      });
      for (const warning of result.warnings) this.messages.show(warning, 'info');
      const report = graphFromSerialised(result.graph, 'the rebuilt graph');
      this.showGraph(report, { ...this.view, selection: this.view.selection });
      const added = report.graph.order - before;
      this.messages.show(
        `Added ${documents.map((document) => document.id).join(', ')}: ${added} new entit${added === 1 ? 'y' : 'ies'}, ${report.graph.order} in all`,
        'success',
      );
    } catch (error) {
      this.messages.show(describeError(error), 'error');
    } finally {
      progress.hidden = true;
    }
  }

  private exportGexf(): void {
    if (!this.graph || !this.visibility) return;
    try {
      download(new Blob([graphToGexf(this.graph, this.visibility)], { type: 'application/gexf+xml' }), 'missiongraph.gexf');
    } catch (error) {
      this.messages.show(`GEXF export failed: ${describeError(error)}`, 'error');
    }
  }

  /** What the PNG and SVG pictures show: the map as filtered, its colours and the filters in words. */
  private pictureContext(): PictureContext | null {
    if (!this.graph || !this.renderer || !this.visibility) return null;
    // The picture shows what the next frame would: changes waiting for it are applied first.
    this.renderer.flush();
    const filters = filterChips(this.view.filters).map((chip) => chip.text);
    return { graph: this.graph, renderer: this.renderer, visibility: this.visibility, colorMode: this.view.colorMode, communities: this.communities, filters };
  }

  private async exportPng(): Promise<void> {
    const context = this.pictureContext();
    if (!context) return;
    try {
      download(await pictureAsPng(context), 'missiongraph.png');
    } catch (error) {
      this.messages.show(`PNG export failed: ${describeError(error)}`, 'error');
    }
  }

  private exportSvg(): void {
    const context = this.pictureContext();
    if (!context) return;
    download(new Blob([pictureAsSvg(context)], { type: 'image/svg+xml' }), 'missiongraph.svg');
  }

  private exportJson(): void {
    if (!this.graph) return;
    // Like the GEXF, the file holds what the filters show (the whole graph when no filter is on).
    const shown = this.visibility && this.visibility.nodes.size < this.graph.order ? this.visibility : null;
    const serialised = shown ? subgraphToSerialised(this.graph, shown) : graphToSerialised(this.graph);
    download(new Blob([JSON.stringify(serialised)], { type: 'application/json' }), 'graph.json');
  }

  private setState(state: 'loading' | 'empty' | 'rendering' | 'drawn' | 'ready'): void {
    document.body.dataset.state = state;
  }

  private teardownGraph(): void {
    this.layout?.kill();
    this.layout = null;
    this.renderer?.kill();
    this.renderer = null;
  }

  private teardown(): void {
    this.teardownGraph();
    this.transcripts?.terminate();
    this.transcripts = null;
  }
}

new Explorer().start();
