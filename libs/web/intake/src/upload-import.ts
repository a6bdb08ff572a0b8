/** Import file formats and how the page recognises them. */
export const IMPORT_FORMATS = ['csv', 'ndjson', 'jsonld'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  csv: 'CSV',
  ndjson: 'NDJSON (one JSON claim per line)',
  jsonld: 'ClaimReview JSON-LD',
};

/** The format a file name implies: .csv, .ndjson/.jsonl, .jsonld/.json — as the server decides. */
export function formatOfFileName(name: string): ImportFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'jsonld' || ext === 'json') return 'jsonld';
  return null;
}

export interface ImportProblem {
  line: number | null;
  record: number | null;
  field: string | null;
  reason: string;
}

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

/**
 * Uploads an import file to `/api/projects/:id/imports` (multipart field "file"), reporting the
 * share of bytes sent (XMLHttpRequest, because fetch does not report upload progress).
 */
export function uploadImport(
  projectId: string,
  file: File,
  format: ImportFormat,
  onProgress: (fraction: number) => void,
): Promise<ImportResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `/api/projects/${encodeURIComponent(projectId)}/imports?format=${encodeURIComponent(format)}`,
    );
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
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
    xhr.onload = () => {
      const body = xhr.response as {
        import?: ImportSummary;
        error?: { message?: string; problems?: ImportProblem[]; problemCount?: number };
      } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.import !== undefined) {
        onProgress(1);
        resolve({ ok: true, summary: body.import });
        return;
      }
      const problems = body?.error?.problems ?? [];
      resolve({
        ok: false,
        status: xhr.status,
        message: describeStatus(xhr.status, body?.error?.message ?? null),
        problems,
        problemCount: body?.error?.problemCount ?? problems.length,
      });
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
