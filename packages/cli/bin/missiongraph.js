#!/usr/bin/env node
// The installed `missiongraph` command: registers the TypeScript loader, then runs the CLI's main module.
// Packages ship TypeScript source, so this is the only JavaScript between the shell and src/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
