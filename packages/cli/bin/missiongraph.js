#!/usr/bin/env node
// The installed `missiongraph` command: runs the bundled CLI (bin/cli-bundle.js), or, when no bundle can be made, the
// TypeScript source through tsx. Packages ship TypeScript source; MISSIONGRAPH_NO_BUNDLE=1 forces the tsx path.
import { bundledCliUrl } from './cli-bundle.js';

const bundle = process.env.MISSIONGRAPH_NO_BUNDLE === '1' ? undefined : await bundledCliUrl();
if (bundle !== undefined) await import(bundle);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
