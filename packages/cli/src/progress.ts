// Tells the user how a build is going: a progress bar on a terminal, plain log lines elsewhere (pipes, CI), or nothing.
// Everything goes to stderr so stdout stays free for the summary and --json.
import cliProgress from 'cli-progress';
import { formatBytes } from './document-task.ts';

export interface Progress {
  start(totalFiles: number, totalBytes: number): void;
  advance(bytes: number): void;
  stop(): void;
  /** After stop: one line naming the phase that starts (a long analysis, say), except with --quiet. */
  phase(text: string): void;
}

export type ProgressMode = 'bar' | 'lines' | 'none';

/** A bar only on an interactive terminal outside CI; lines otherwise; none with --quiet. */
export function chooseProgressMode(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressMode {
  if (quiet) return 'none';
  const ci = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false' && process.env['CI'] !== '0';
  return stream.isTTY === true && !ci ? 'bar' : 'lines';
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

class Tally {
  files = 0;
  bytes = 0;
  totalFiles = 0;
  totalBytes = 0;
  startedAt = performance.now();

  describe(): { rate: string; eta: string; done: string; total: string } {
    const elapsed = (performance.now() - this.startedAt) / 1000;
    const rate = elapsed > 0 ? this.bytes / elapsed : 0;
    const eta = rate > 0 ? (this.totalBytes - this.bytes) / rate : Number.POSITIVE_INFINITY;
    return { rate: `${formatBytes(rate)}/s`, eta: formatSeconds(eta), done: formatBytes(this.bytes), total: formatBytes(this.totalBytes) };
  }
}

class BarProgress implements Progress {
  #tally = new Tally();
  #bar = new cliProgress.SingleBar(
    {
      format: 'missiongraph [{bar}] {value}/{total} files | {done}/{size} | {rate} | ETA {etaText}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );

  start(totalFiles: number, totalBytes: number): void {
    Object.assign(this.#tally, { totalFiles, totalBytes, startedAt: performance.now() });
    const { done, total, rate, eta } = this.#tally.describe();
    this.#bar.start(totalFiles, 0, { done, size: total, rate, etaText: eta });
  }

  advance(bytes: number): void {
    this.#tally.files += 1;
    this.#tally.bytes += bytes;
    const { done, total, rate, eta } = this.#tally.describe();
    this.#bar.update(this.#tally.files, { done, size: total, rate, etaText: eta });
  }

  stop(): void {
    this.#bar.stop();
  }

  phase(text: string): void {
    process.stderr.write(`missiongraph: ${text}\n`);
  }
}

/** One line at most every two seconds (and at the end), for logs. */
class LineProgress implements Progress {
  #tally = new Tally();
  #lastLine = 0;

  start(totalFiles: number, totalBytes: number): void {
    Object.assign(this.#tally, { totalFiles, totalBytes, startedAt: performance.now() });
    this.#lastLine = performance.now();
    process.stderr.write(`missiongraph: reading ${totalFiles} files (${formatBytes(totalBytes)})\n`);
  }

  advance(bytes: number): void {
    this.#tally.files += 1;
    this.#tally.bytes += bytes;
    const now = performance.now();
    if (now - this.#lastLine < 2000 || this.#tally.files === this.#tally.totalFiles) return;
    this.#lastLine = now;
    const { done, total, rate, eta } = this.#tally.describe();
    process.stderr.write(`missiongraph: ${this.#tally.files}/${this.#tally.totalFiles} files, ${done}/${total}, ${rate}, ETA ${eta}\n`);
  }

  stop(): void {}

  phase(text: string): void {
    process.stderr.write(`missiongraph: ${text}\n`);
  }
}

class SilentProgress implements Progress {
  start(): void {}
  advance(): void {}
  stop(): void {}
  phase(): void {}
}

export function createProgress(mode: ProgressMode): Progress {
  if (mode === 'bar') return new BarProgress();
  if (mode === 'lines') return new LineProgress();
  return new SilentProgress();
}
