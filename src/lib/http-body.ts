import type http from 'node:http';

/** A body over the limit: the caller answers 413 and closes the connection. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** The whole body of a request, as bytes; past `maxBytes` it stops collecting and rejects. */
export function readBodyBytes(req: http.IncomingMessage, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      chunks.length = 0;
      req.off('data', onData);
      req.resume(); // drain without keeping it
      reject(new BodyTooLargeError(maxBytes));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The whole body of a request, as text. */
export async function readBody(req: http.IncomingMessage, maxBytes?: number): Promise<string> {
  return (await readBodyBytes(req, maxBytes)).toString('utf8');
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
