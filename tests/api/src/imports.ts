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
  const form = new FormData();
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  form.append('file', new Blob([bytes]), fileName);
  const headers: Record<string, string> = { 'x-requested-with': 'XMLHttpRequest' };
  if (client?.cookie) headers['cookie'] = client.cookie;
  const res = await fetch(
    `${api.url}/api/projects/${projectId}/imports${format ? `?format=${format}` : ''}`,
    { method: 'POST', headers, body: form },
  );
  return { status: res.status, body: (await res.json()) as ImportBody };
}
