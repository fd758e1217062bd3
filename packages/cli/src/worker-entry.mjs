// Entry of each pool worker thread: registers tsx so the TypeScript worker can load, whatever the parent's flags.
// Kept as plain JavaScript because a worker thread does not inherit the parent's module loader hooks.
import { register } from 'tsx/esm/api';

register();
const workerModule = await import('./worker.ts');
export default workerModule.default;
