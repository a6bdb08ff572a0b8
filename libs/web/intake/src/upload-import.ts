import {
  type ImportFormat,
  type ImportProblem,
  type ImportStage,
  type Priority,
  counted,
} from '@corroborate/domain';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  csv: 'CSV',
  ndjson: 'NDJSON (one JSON claim per line)',
  jsonld: 'ClaimReview JSON-LD',
};

export interface ImportSummary {
  importId: string;
  format: ImportFormat;
  rows: number;
  claimsCreated: number;
  sourcesCreated: number;
  evidenceCreated: number;
  claims: { id: string; text: string; line: number | null; record: number }[];
  duplicateWarnings: {
    line: number | null;
    record: number;
    text: string;
    matches: { claimId: string; text: string; score: number }[];
  }[];
  duplicateWarningCount: number;
  duplicateChecksSkipped: number;
}

export type ImportResponse =
  | { ok: true; summary: ImportSummary }
  | {
      ok: false;
      status: number;
      /**
       * The connection broke after the whole file was sent: the server may have committed the
       * import, so the person must check before sending it again.
       */
      outcomeUnknown?: boolean;
      message: string;
      problems: ImportProblem[];
      problemCount: number;
    };

function describeStatus(status: number, message: string | null): string {
  switch (status) {
    case 0:
      return 'Could not reach the Corroborate server before the file was sent, so nothing was imported. Check your connection and try again.';
    case 401:
      return 'Your session has ended. Sign in again, then retry the import.';
    case 413:
      return message ?? 'The file is larger than the server accepts; nothing was imported.';
    default:
      return message ?? `The import failed (HTTP ${status}); nothing was imported.`;
  }
}

type ImportLine =
  | ImportStage
  | { event: 'completed'; import: ImportSummary }
  | {
      event: 'failed';
      error?: { message?: string; problems?: ImportProblem[]; problemCount?: number };
    };

/**
 * Reads the complete lines of an NDJSON answer received so far, from `from` (a character
 * offset); returns them parsed and the offset after the last complete line.
 */
export function completeLines(text: string, from: number): { lines: ImportLine[]; next: number } {
  const lines: ImportLine[] = [];
  let start = from;
  for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
    const line = text.slice(start, end).trim();
    if (line) lines.push(JSON.parse(line) as ImportLine);
    start = end + 1;
  }
  return { lines, next: start };
}

/** The JSON answer of the import endpoint, or null when it is not JSON (a proxy's error page). */
function jsonBody(text: string): {
  import?: ImportSummary;
  preview?: ImportPreview;
  error?: { message?: string; problems?: ImportProblem[]; problemCount?: number };
} | null {
  try {
    return JSON.parse(text) as ReturnType<typeof jsonBody>;
  } catch {
    return null;
  }
}

/** An answer of the import or preview endpoint that is not a success, as the page shows it. */
function refusal(
  status: number,
  body: ReturnType<typeof jsonBody>,
): Omit<Extract<ImportResponse, { ok: false }>, 'outcomeUnknown'> {
  const problems = body?.error?.problems ?? [];
  return {
    ok: false,
    status,
    message: describeStatus(status, body?.error?.message ?? null),
    problems,
    problemCount: body?.error?.problemCount ?? problems.length,
  };
}

/** What the page says of a stage. */
export function describeStage(stage: ImportStage): string {
  const n = (value: number) => value.toLocaleString('en');
  switch (stage.event) {
    case 'checking':
      return `File checked. Looking for likely duplicates of the first ${counted(stage.total, 'claim')}… ${n(stage.done)} of ${n(stage.total)}`;
    case 'waiting':
      return 'Waiting for another write to the database to finish…';
    case 'writing':
      return `Writing claims… ${n(stage.done)} of ${n(stage.total)}`;
    case 'committing':
      return `Saving ${counted(stage.total, 'claim')}…`;
  }
}

/**
 * Uploads an import file to `/api/projects/:id/imports` (multipart field "file"), reporting the
 * share of bytes sent (XMLHttpRequest, because fetch does not report upload progress), then each
 * stage of the import as the server reports it (NDJSON lines read as they arrive).
 */
export function uploadImport(
  projectId: string,
  file: File,
  format: ImportFormat,
  onProgress: (fraction: number) => void,
  onStage: (stage: ImportStage) => void = () => undefined,
): Promise<ImportResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `/api/projects/${encodeURIComponent(projectId)}/imports?format=${encodeURIComponent(format)}`,
    );
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/x-ndjson, application/json;q=0.9');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    // Whether the server can have the whole file: only a upload seen to stop short of the end
    // proves that nothing was imported; otherwise a lost answer leaves the outcome unknown.
    let fractionSent: number | null = null;
    let sent = false;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        fractionSent = event.loaded / event.total;
        onProgress(fractionSent);
      }
    };
    xhr.upload.onload = () => {
      sent = true;
    };
    const stoppedShort = () => !sent && fractionSent !== null && fractionSent < 1;
    const streamed = () =>
      (xhr.getResponseHeader('Content-Type') ?? '').startsWith('application/x-ndjson');
    // The stages of a valid file, line by line as they arrive.
    let read = 0;
    const received: { last: ImportLine | null } = { last: null };
    const readLines = () => {
      if (!streamed()) return;
      const { lines, next } = completeLines(xhr.responseText, read);
      read = next;
      for (const line of lines) {
        received.last = line;
        if (line.event !== 'completed' && line.event !== 'failed') onStage(line);
      }
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (streamed()) {
        readLines();
        const end = received.last;
        if (end?.event === 'completed') {
          onProgress(1);
          resolve({ ok: true, summary: end.import });
          return;
        }
        const problems = end?.event === 'failed' ? (end.error?.problems ?? []) : [];
        resolve({
          ok: false,
          status: xhr.status,
          // Cut off before its last line: the server may still have committed.
          outcomeUnknown: end?.event !== 'failed',
          message:
            end?.event === 'failed'
              ? (end.error?.message ?? 'The import failed; nothing was imported.')
              : 'The answer stopped before the import finished, so it may have been imported. Before importing the file again, look for its claims in the project’s queue (newest first).',
          problems,
          problemCount: end?.event === 'failed' ? (end.error?.problemCount ?? problems.length) : 0,
        });
        return;
      }
      const body = jsonBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body?.import !== undefined) {
        onProgress(1);
        resolve({ ok: true, summary: body.import });
        return;
      }
      resolve(refusal(xhr.status, body));
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        status: 0,
        outcomeUnknown: !stoppedShort(),
        message: !stoppedShort()
          ? 'The connection was lost before the server answered, so it may have imported the file. Before importing it again, look for its claims in the project’s queue (newest first): importing twice would create every claim twice.'
          : describeStatus(0, null),
        problems: [],
        problemCount: 0,
      });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** One record of a previewed file, as the import would create it. */
export interface PreviewRow {
  line: number | null;
  record: number;
  text: string;
  claimant: string | null;
  topics: string[];
  priority: Priority;
  dueAt: string | null;
  firstAppearanceUrl: string | null;
  firstAppearedAt: string | null;
  evidenceCount: number;
  sources: string[];
  duplicates: { claimId: string; text: string; score: number }[];
  earlierInFile: { line: number | null; record: number; score: number }[];
}

/** What importing a valid file would do: its counts and first records. */
export interface ImportPreview {
  format: ImportFormat;
  bytes: number;
  rows: number;
  claims: number;
  evidence: number;
  firstRows: PreviewRow[];
}

export type PreviewResponse =
  | { ok: true; preview: ImportPreview }
  | Omit<Extract<ImportResponse, { ok: false }>, 'outcomeUnknown'>;

/**
 * Sends an import file to `/api/projects/:id/imports/preview`, which reads and checks it as the
 * import would and writes nothing; reports the share of bytes sent (XMLHttpRequest, as above).
 */
export function previewImport(
  projectId: string,
  file: File,
  format: ImportFormat,
  onProgress: (fraction: number) => void,
): Promise<PreviewResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `/api/projects/${encodeURIComponent(projectId)}/imports/preview?format=${encodeURIComponent(format)}`,
    );
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = jsonBody(xhr.responseText);
      if (xhr.status === 200 && body?.preview !== undefined) {
        resolve({ ok: true, preview: body.preview });
        return;
      }
      resolve(refusal(xhr.status, body));
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        status: 0,
        message:
          'Could not reach the Corroborate server to check the file; nothing was imported. Check your connection and try again.',
        problems: [],
        problemCount: 0,
      });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
