// The README's screenshots are kept current: docs/screenshots/manifest.json (written with them by
// `pnpm --filter explorer screenshots`) must list every picture with the counts a fresh build of data/transcripts gives its view.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { computeVisibility } from '../src/filters.ts';
import { graphFromSerialised } from '../src/graph-model.ts';
import { carriedPeriod, timelineIndexOf } from '../src/timeline.ts';
import { readViewState } from '../src/url-state.ts';
import { manifestFile, type ScreenshotEntry } from './support/take-screenshots.ts';

const screenshotDirectory = path.dirname(manifestFile);
const rerun = 'run `pnpm --filter explorer screenshots` to take them again';

function readManifest(): Record<string, ScreenshotEntry> {
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile}: missing; ${rerun}`);
  return JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ScreenshotEntry>;
}

describe('the screenshots in docs/screenshots', () => {
  const manifest = readManifest();
  const { graph } = graphFromSerialised(JSON.parse(readFileSync(path.join(inject('graphDir'), 'graph.json'), 'utf8')), 'graph.json');

  it('are the pictures the manifest lists, no more and no fewer', () => {
    const pictures = readdirSync(screenshotDirectory).filter((file) => file.endsWith('.png')).sort();
    expect(pictures, rerun).toEqual(Object.keys(manifest).sort());
    expect(pictures.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(manifest))('%s shows the entities and links a fresh build of data/transcripts gives its view', (file, entry) => {
    expect({ entities: entry.entities.total, links: entry.links.total }, `${file}: ${rerun}`).toEqual({ entities: graph.order, links: graph.size });
    // The view the picture was taken of, read back from its URL the way the page reads a shared link.
    const view = readViewState(entry.query);
    view.filters.period = carriedPeriod(timelineIndexOf(graph), view.filters.period)?.period ?? null;
    const visibility = computeVisibility(graph, view.filters);
    expect({ entities: entry.entities.shown, links: entry.links.shown }, `${file}: ${rerun}`).toEqual({ entities: visibility.nodes.size, links: visibility.edges.size });
  });
});
