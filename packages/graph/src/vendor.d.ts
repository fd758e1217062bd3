// Type declarations for the internal modules of graphology-layout-forceatlas2 that layout.ts uses
// directly (one iteration over flat matrices), which the package ships without types.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  const iterate: (settings: Record<string, unknown>, nodeMatrix: Float32Array, edgeMatrix: Float32Array) => unknown;
  export default iterate;
}
declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, unknown>;
  export default defaults;
}
