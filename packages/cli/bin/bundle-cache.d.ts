// Types of bundle-cache.js (plain JavaScript so that the bin can use it before tsx is registered).
// See that file for what it does.
export interface CachedBundleOptions {
  /** Absolute path of the entry module. */
  entry: string;
  /** Folder that keeps the bundle and its record (bundle.json). */
  folder: string;
  /** File name stem of the bundle. */
  name: string;
  /** Packages left to node_modules at run time. */
  external?: string[];
  define?: Record<string, string>;
  /** Files besides esbuild's inputs whose change must remake the bundle. */
  extraInputs?: string[];
}

export function cachedBundleUrl(options: CachedBundleOptions): Promise<string | undefined>;

/** The workspace's pnpm-lock.yaml above `folder`, as a list of zero or one path. */
export function lockfileAbove(folder: string): string[];
