/** What the export endpoint reports while it runs (`POST /api/exports`, NDJSON lines). */
export interface ExportManifest {
  exportId: string | null;
  format: string;
  generatedAt: string;
  generatedBy: string | null;
  organisation: { name: string; url: string | null; license: string | null };
  filters: Record<string, unknown>;
  counts: {
    claims: number;
    evidence: number;
    sources: number;
    assessments: number;
    captures: number;
    byVerdict: Record<string, number>;
  };
  files: { name: string; mediaType: string; bytes: number; sha256: string }[];
}

export type ExportEvent =
  | { event: 'started'; exportId: string; format: string }
  | { event: 'progress'; scanned: number; total: number; written: number; bytes: number }
  | { event: 'completed'; manifest: ExportManifest; downloadUrl: string; manifestUrl: string }
  | { event: 'failed'; error: { code: string; message: string } };

export class ExportRequestError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

/**
 * Runs an export and calls `onEvent` for each line the server sends, as it arrives. Resolves with
 * the last event (completed or failed); rejects on a refused request (with the server's message
 * and the field at fault) or a broken connection.
 */
export async function runExport(
  format: string,
  filter: Record<string, unknown>,
  onEvent: (event: ExportEvent) => void,
  signal?: AbortSignal,
): Promise<ExportEvent> {
  const res = await fetch('/api/exports', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
    body: JSON.stringify({ format, filter }),
    signal,
  });
  if (!res.ok || !res.body) {
    let message = `The export was refused (HTTP ${res.status}).`;
    let field: string | null = null;
    try {
      const body = (await res.json()) as { error?: { message?: string; field?: string } };
      message = body.error?.message ?? message;
      field = body.error?.field ?? null;
    } catch {
      // Not JSON: keep the status message.
    }
    throw new ExportRequestError(message, field);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let last: ExportEvent | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) {
        last = JSON.parse(line) as ExportEvent;
        onEvent(last);
      }
      newline = buffered.indexOf('\n');
    }
    if (done) break;
  }
  if (!last || (last.event !== 'completed' && last.event !== 'failed'))
    throw new ExportRequestError('The connection closed before the export finished.', null);
  return last;
}
