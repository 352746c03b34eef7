import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '../../views/charts/chart-spec.ts';

/** ECharts or resvg refused the chart itself: drawing it again would fail again. */
export class ChartDrawError extends Error {
  override readonly name = 'ChartDrawError';
}

/** Pictures kept for charts sent again soon after. */
const RECENT = 16;

type Pending = { resolve: (png: Buffer) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * Renders charts to PNG in one worker thread, started on first use and kept: the event loop of the
 * bot never runs ECharts or resvg, so acks are answered while charts are drawn. A worker that dies or
 * hangs fails the charts it had (the outbox tries them again) and is replaced on the next render.
 */
export class ChartRenderer {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly timeoutMs = 30_000) {}

  /**
   * The same chart sent to several people (the planning channel, the PM, the deputy) is drawn once:
   * the last few pictures are kept by their spec, and a render in progress is shared.
   */
  render(spec: ChartSpec): Promise<Buffer> {
    const key = JSON.stringify(spec);
    const known = this.recent.get(key);
    if (known) return known;
    const drawn = this.draw(spec);
    this.recent.set(key, drawn);
    drawn.catch(() => this.recent.delete(key));
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as string);
    return drawn;
  }

  private readonly recent = new Map<string, Promise<Buffer>>();

  private draw(spec: ChartSpec): Promise<Buffer> {
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll(new Error(`chart render took over ${this.timeoutMs} ms`));
        void worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, spec });
    });
  }

  /** Stops the worker; charts still being drawn fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('chart renderer closed'));
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./chart-worker.mjs', import.meta.url));
    worker.unref(); // an idle renderer keeps no process alive
    worker.on('message', (message: { id?: number; png?: ArrayBuffer; error?: string }) => {
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting || message.id === undefined) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.png) waiting.resolve(Buffer.from(message.png));
      else waiting.reject(new ChartDrawError(message.error ?? 'chart render failed'));
    });
    const gone = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`chart worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.pending.delete(id);
    }
  }
}
