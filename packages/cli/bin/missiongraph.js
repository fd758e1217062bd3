#!/usr/bin/env node
// The installed `missiongraph` command: runs the bundled CLI (bin/cli-bundle.js), or, when no bundle can be made, the
// TypeScript source through tsx. Packages ship TypeScript source; MISSIONGRAPH_NO_BUNDLE=1 forces the tsx path.
import { bundledCliUrl } from './cli-bundle.js';

const bundle = process.env.MISSIONGRAPH_NO_BUNDLE === '1' ? undefined : await bundledCliUrl();
let started = false;
if (bundle !== undefined) {
  try {
    await import(bundle);
    started = true;
  } catch (error) {
    // Another process remade the bundle and removed this one between the check and the import: use the source.
    // Any other failure is the CLI's own and is not run twice.
    if (!(error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(new URL(bundle).pathname))) throw error;
  }
}
if (!started) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
