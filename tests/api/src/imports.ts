import { type ApiClient, type TestApi } from './harness';

/** The import endpoint's answer. */
export interface ImportProblem {
  line: number | null;
  record: number | null;
  field: string | null;
  reason: string;
}
export interface ImportBody {
  import?: {
    importId: string;
    format: string;
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
  };
  error?: {
    code: string;
    message: string;
    field?: string;
    problems?: ImportProblem[];
    problemCount?: number;
  };
}

/** Uploads a file to the import endpoint as `client` (null: anonymous). */
export async function upload(
  api: TestApi,
  client: ApiClient | null,
  projectId: string,
  content: Buffer | string,
  fileName: string,
  format?: string,
): Promise<{ status: number; body: ImportBody }> {
  return post(api, client, `/api/projects/${projectId}/imports`, content, fileName, format);
}

/** One record of an import preview, as it would be imported. */
export interface PreviewRow {
  line: number | null;
  record: number;
  text: string;
  claimant: string | null;
  topics: string[];
  priority: string;
  dueAt: string | null;
  firstAppearanceUrl: string | null;
  firstAppearedAt: string | null;
  evidenceCount: number;
  sources: string[];
  duplicates: { claimId: string; text: string; status: string; score: number }[];
  earlierInFile: { line: number | null; record: number; score: number }[];
}

/** The preview endpoint's answer: the preview of a valid file, or the import's error. */
export interface PreviewBody {
  preview?: {
    format: string;
    bytes: number;
    rows: number;
    claims: number;
    evidence: number;
    firstRows: PreviewRow[];
  };
  error?: ImportBody['error'];
}

/** Uploads a file to `POST /api/projects/:id/imports/preview` (multipart "file"). */
export async function previewUpload(
  api: TestApi,
  client: ApiClient | null,
  projectId: string,
  content: Buffer | string,
  fileName: string,
  format?: string,
): Promise<{ status: number; body: PreviewBody }> {
  return post(api, client, `/api/projects/${projectId}/imports/preview`, content, fileName, format);
}

async function post<T>(
  api: TestApi,
  client: ApiClient | null,
  path: string,
  content: Buffer | string,
  fileName: string,
  format: string | undefined,
): Promise<{ status: number; body: T }> {
  const form = new FormData();
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  form.append('file', new Blob([bytes]), fileName);
  const headers: Record<string, string> = { 'x-requested-with': 'XMLHttpRequest' };
  if (client?.cookie) headers['cookie'] = client.cookie;
  const res = await fetch(`${api.url}${path}${format ? `?format=${format}` : ''}`, {
    method: 'POST',
    headers,
    body: form,
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** One line of an import answered with its stages (`Accept: application/x-ndjson`). */
export type ImportEvent =
  | { event: 'checking' | 'writing'; done: number; total: number }
  | { event: 'waiting' }
  | { event: 'committing'; total: number }
  | { event: 'completed'; import: NonNullable<ImportBody['import']> }
  | { event: 'failed'; error: NonNullable<ImportBody['error']> };

/**
 * Uploads a file asking for the import's stages: the status, the content type, and either the
 * NDJSON lines (parsed) or, for an answer without stages, its JSON body.
 */
export async function uploadWithStages(
  api: TestApi,
  client: ApiClient,
  projectId: string,
  content: string,
  fileName: string,
): Promise<{
  status: number;
  contentType: string;
  events: ImportEvent[];
  body: ImportBody | null;
}> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(content)]), fileName);
  const res = await fetch(`${api.url}/api/projects/${projectId}/imports`, {
    method: 'POST',
    headers: {
      'x-requested-with': 'XMLHttpRequest',
      accept: 'application/x-ndjson',
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    body: form,
  });
  const contentType = res.headers.get('content-type') ?? '';
  const text = await res.text();
  if (!contentType.startsWith('application/x-ndjson'))
    return { status: res.status, contentType, events: [], body: JSON.parse(text) as ImportBody };
  const events = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ImportEvent);
  return { status: res.status, contentType, events, body: null };
}
