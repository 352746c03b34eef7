/** Reading what clients send the fake Slack: form and JSON bodies, uploaded files, their types. */

/** The Web API client sends forms with JSON-encoded objects; response_url gets JSON. */
export function parseBody(body: string, contentType: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

/** The file in an upload: the raw body, or the file part of a multipart form (bytes kept as they are). */
export function fileFromUpload(bytes: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!contentType.startsWith('multipart/') || !boundary) return bytes;
  const body = bytes.toString('latin1');
  const parts = body.split(`--${boundary[1] ?? boundary[2]}`);
  const file = parts.find((part) => /filename=/.test(part.slice(0, part.indexOf('\r\n\r\n')))) ?? parts[1] ?? '';
  return Buffer.from(file.slice(file.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, ''), 'latin1');
}

const MIMETYPES: Record<string, string> = {
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimetypeOf(name: string): string {
  return MIMETYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
