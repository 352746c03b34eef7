import { Worker } from 'node:worker_threads';
import { parseOrgFile, type ParseOrgFileResult } from '../../domain/org/parse-org-file.ts';

/** Below this a file parses in milliseconds: a worker would cost more than it saves. */
const OFF_THREAD_BYTES = 256 * 1024;

/**
 * parseOrgFile, in a worker thread when the file is large, so requests and /healthz are answered
 * meanwhile. If the worker cannot run, the file is parsed here as before.
 */
export async function parseOrgFileOffThread(text: string): Promise<ParseOrgFileResult> {
  if (text.length < OFF_THREAD_BYTES) return parseOrgFile(text);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-org-file-worker.mjs', import.meta.url), { workerData: { text } });
  } catch {
    return parseOrgFile(text);
  }
  try {
    return await new Promise<ParseOrgFileResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`org file worker exited with ${code}`)));
    });
  } catch {
    return parseOrgFile(text);
  } finally {
    void worker.terminate();
  }
}
