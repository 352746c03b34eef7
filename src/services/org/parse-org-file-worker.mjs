// Parses a large org file off the main thread (see parse-org-file-off-thread.ts): reading 50,000
// people is seconds of YAML and checks, during which the bot could answer nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// the bot runs its TypeScript through tsx; so does this worker, however the parent was started
register();
const { parseOrgFile } = await import('../../domain/org/parse-org-file.ts');
parentPort.postMessage(parseOrgFile(workerData.text));
