import type { CaptureFieldsFragment } from '@corroborate/graphql';

/** Largest upload the UI lets through before asking the server (it has its own limit). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

function readApiError(body: unknown): { code: string | null; message: string | null } {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return { code: null, message: null };
  }
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return { code: null, message: null };
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : null,
    message: typeof message === 'string' && message !== '' ? message : null,
  };
}

/** A message a person can act on, for an upload the server refused. */
export function describeUploadFailure(status: number, serverMessage: string | null): string {
  switch (status) {
    case 413:
      return `The file is too large for the server${serverMessage !== null ? ` (${serverMessage})` : ''}. Upload a smaller file, e.g. a PDF export of the page instead of a video.`;
    case 415:
      return `The server does not accept this kind of file${serverMessage !== null ? ` (${serverMessage})` : ''}. Upload a PDF, an image, HTML or plain text.`;
    case 401:
      return 'Your session has ended. Sign in again, then retry the upload.';
    case 403:
      return serverMessage ?? 'You are not allowed to add captures to this evidence item.';
    case 404:
      return serverMessage ?? 'This evidence item no longer exists. Reload the page.';
    case 0:
      return 'Could not reach the Corroborate server. Check your connection and try again.';
    default:
      return serverMessage ?? `The upload failed (HTTP ${status}). Try again.`;
  }
}

/**
 * Uploads a file as a new capture of an evidence item: multipart POST to
 * `/api/evidence/:id/captures` (field "file"), reporting progress from 0 to 1.
 * XMLHttpRequest, not fetch, because only it reports upload progress.
 */
export function uploadCapture(
  evidenceId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<CaptureFieldsFragment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/evidence/${encodeURIComponent(evidenceId)}/captures`);
    xhr.withCredentials = false; // same-origin: the session cookie is sent anyway
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    // CSRF defence for cookie-authenticated uploads (the server also accepts Sec-Fetch-Site).
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) {
        const capture =
          typeof body === 'object' && body !== null && 'capture' in body
            ? (body as { capture: CaptureFieldsFragment }).capture
            : null;
        if (capture === null) {
          reject(new UploadError('The server did not return the new capture.', xhr.status, null));
          return;
        }
        onProgress(1);
        resolve(capture);
        return;
      }
      const { code, message } = readApiError(body);
      reject(new UploadError(describeUploadFailure(xhr.status, message), xhr.status, code));
    };
    xhr.onerror = () => reject(new UploadError(describeUploadFailure(0, null), 0, null));
    xhr.onabort = () => reject(new UploadError('Upload cancelled.', 0, 'ABORTED'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
