import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { type Logger } from '@nestjs/common';
import { CaptureEntity, CapturesService } from '@corroborate/api-captures';
import { checkStoredFiles } from '@corroborate/api-core';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { type ApiClient, errorCode, signedIn, startApi, type TestApi, withFullDisk } from './src';

const HTML = `<!DOCTYPE html><html><head><title>UN rights office</title>
<style>body { color: red }</style><script>var secret = "tracking";</script></head>
<body><h1>Belarus</h1><p>According to the UN, more than 30,000 people have been
detained &amp; hundreds were beaten.</p></body></html>`;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452', 'hex'),
  Buffer.alloc(64, 1),
]);
const ZIP = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
  Buffer.alloc(100, 0),
]);
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

const EVIDENCE = `query($id: ID!) { evidenceItem(id: $id) {
  anchorStatus
  latestCapture { id version method url fileName mediaType byteSize sha256 capturedAt hasText textPreview downloadUrl evidenceId capturedBy { email } }
  captures { id version }
} }`;
const CAPTURE_URL = `mutation($input: CaptureUrlInput!) { captureUrl(input: $input) {
  id version method url fileName mediaType byteSize sha256 hasText textPreview downloadUrl capturedBy { email }
} }`;

interface CaptureJson {
  id: string;
  evidenceId: string;
  version: number;
  method: string;
  url: string | null;
  fileName: string | null;
  mediaType: string;
  byteSize: number;
  sha256: string;
  hasText: boolean;
  textPreview: string | null;
  downloadUrl: string;
}

interface Upload {
  bytes: Buffer | string;
  fileName?: string;
  type?: string;
  field?: string;
  headers?: Record<string, string>;
  auth?: { cookie?: string | null; bearer?: string };
}

async function upload(api: TestApi, evidenceId: string, u: Upload) {
  const form = new FormData();
  const bytes = typeof u.bytes === 'string' ? Buffer.from(u.bytes) : u.bytes;
  form.append(
    u.field ?? 'file',
    new Blob([bytes], { type: u.type ?? '' }),
    u.fileName ?? 'capture.bin',
  );
  const headers: Record<string, string> = { 'x-requested-with': 'XMLHttpRequest', ...u.headers };
  if (u.auth?.cookie) headers['cookie'] = u.auth.cookie;
  if (u.auth?.bearer) headers['authorization'] = `Bearer ${u.auth.bearer}`;
  const res = await fetch(`${api.url}/api/evidence/${evidenceId}/captures`, {
    method: 'POST',
    headers,
    body: form,
  });
  const json = (await res.json()) as {
    capture?: CaptureJson;
    error?: { code: string; message: string; field?: string };
  };
  return { status: res.status, ...json };
}

/** Every file under the capture store (kept captures and any temporary leftovers). */
function storeFiles(api: TestApi): string[] {
  const root = join(api.config.dataDir, 'captures');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path.slice(root.length + 1));
    }
  };
  walk(root);
  return out.sort();
}

interface Fixture {
  api: TestApi;
  editor: ApiClient;
  claimId: string;
  sourceId: string;
  evidence(input?: Record<string, unknown>): Promise<string>;
}

async function fixture(env: Record<string, string> = {}): Promise<Fixture> {
  const api = await startApi(env);
  const editor = await signedIn(api, 'editor');
  const project = await editor.ok<{ createProject: { id: string } }>(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    { input: { name: 'Capture suite' } },
  );
  const claim = await editor.ok<{ createClaim: { id: string } }>(
    'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
    {
      input: {
        projectId: project.createProject.id,
        text: 'More than 30,000 people have been detained.',
      },
    },
  );
  const source = await editor.ok<{ createSource: { id: string } }>(
    'mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }',
    { input: { name: 'Capture suite outlet', kind: 'MEDIA', reliability: 'B' } },
  );
  const f: Fixture = {
    api,
    editor,
    claimId: claim.createClaim.id,
    sourceId: source.createSource.id,
    evidence: async (input = {}) =>
      (
        await editor.ok<{ addEvidence: { id: string } }>(
          'mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
          {
            input: {
              claimId: f.claimId,
              sourceId: f.sourceId,
              url: 'https://example.org/report',
              stance: 'SUPPORTS',
              credibility: 2,
              ...input,
            },
          },
        )
      ).addEvidence.id,
  };
  return f;
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('capture uploads', () => {
  let f: Fixture;
  let api: TestApi;
  let reviewer: ApiClient;
  let viewer: ApiClient;
  const captureCount = () => api.dataSource.getRepository(CaptureEntity).count();

  beforeAll(async () => {
    f = await fixture();
    api = f.api;
    reviewer = await signedIn(api, 'reviewer');
    viewer = await signedIn(api, 'viewer');
  });
  afterAll(() => api.close());

  it('streams an HTML upload into the content-addressed store with its hash, text and audit event', async () => {
    const evidenceId = await f.evidence({
      anchor: {
        prefix: 'According to the UN,',
        exact: 'more than 30,000 people',
        suffix: 'have been detained',
      },
    });
    const result = await upload(api, evidenceId, {
      bytes: HTML,
      fileName: 'un-statement.html',
      type: 'text/html',
      auth: { cookie: f.editor.cookie },
    });
    expect(result.status).toBe(201);
    const capture = result.capture as CaptureJson & { capturedBy: { email: string } };
    expect(capture.capturedBy.email).toBe('editor@example.org');
    expect(capture).toMatchObject({
      evidenceId,
      version: 1,
      method: 'UPLOAD',
      url: null,
      fileName: 'un-statement.html',
      mediaType: 'text/html',
      byteSize: Buffer.byteLength(HTML),
      sha256: sha(HTML),
      hasText: true,
      downloadUrl: `/api/captures/${capture.id}/content`,
    });
    expect(capture.textPreview).toContain('more than 30,000 people have been');
    expect(capture.textPreview).toContain('detained & hundreds');
    expect(capture.textPreview).not.toMatch(/secret|color|<p>/);
    expect(storeFiles(api)).toEqual([`${sha(HTML).slice(0, 2)}/${sha(HTML)}`]);

    const data = await viewer.ok<{
      evidenceItem: {
        anchorStatus: string;
        latestCapture: Record<string, unknown>;
        captures: unknown[];
      };
    }>(EVIDENCE, { id: evidenceId });
    expect(data.evidenceItem.anchorStatus).toBe('FOUND');
    expect(data.evidenceItem.latestCapture).toMatchObject({
      id: capture.id,
      sha256: sha(HTML),
      hasText: true,
      capturedBy: { email: 'editor@example.org' },
    });
    expect(new Date(data.evidenceItem.latestCapture['capturedAt'] as string).toISOString()).toBe(
      data.evidenceItem.latestCapture['capturedAt'],
    );
    const event = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityType: 'Capture', entityId: capture.id });
    expect(event.action).toBe('capture.created');
    expect(event.after).toMatchObject({
      claimId: f.claimId,
      evidenceId,
      sha256: sha(HTML),
      version: 1,
    });
  });

  it('keeps every recapture as a new version, newest first, storing identical bytes once (a capture lacking the anchor is kept, reporting NOT_FOUND)', async () => {
    const evidenceId = await f.evidence({ anchor: { exact: 'thirty thousand' } });
    const auth = { cookie: f.editor.cookie };
    const first = await upload(api, evidenceId, {
      bytes: 'Some 30,000 people were held.',
      type: 'text/plain',
      auth,
    });
    const second = await upload(api, evidenceId, {
      bytes: PNG,
      fileName: 'shot.png',
      type: 'image/png',
      auth,
    });
    const third = await upload(api, evidenceId, {
      bytes: 'Some 30,000 people were held.',
      type: 'text/plain',
      auth,
    });
    expect([first.capture?.version, second.capture?.version, third.capture?.version]).toEqual([
      1, 2, 3,
    ]);
    expect(second.capture).toMatchObject({
      mediaType: 'image/png',
      hasText: false,
      textPreview: null,
    });
    expect(third.capture?.sha256).toBe(first.capture?.sha256);
    const files = storeFiles(api);
    expect(
      files.filter((name) => name.endsWith(sha('Some 30,000 people were held.'))),
    ).toHaveLength(1);
    const data = await viewer.ok<{
      evidenceItem: { anchorStatus: string; captures: { version: number }[] };
    }>(EVIDENCE, { id: evidenceId });
    expect(data.evidenceItem.captures.map((c) => c.version)).toEqual([3, 2, 1]);
    expect(data.evidenceItem.anchorStatus).toBe('NOT_FOUND');
  });

  describe('anchors set or changed once the item has a capture', () => {
    const UPDATE = `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) {
      version anchor { prefix exact suffix } anchorStatus
    } }`;
    const TEXT = 'Rights groups say more than 30,000 people have been detained since the vote.';
    const auditCount = () => api.dataSource.getRepository(AuditEventEntity).count();
    const row = (id: string) =>
      api.dataSource.getRepository(EvidenceEntity).findOneByOrFail({ id });
    const captured = async (bytes: Buffer | string, type: string, input = {}) => {
      const id = await f.evidence(input);
      const result = await upload(api, id, { bytes, type, auth: { cookie: f.editor.cookie } });
      expect(result.status).toBe(201);
      return id;
    };
    const setAnchor = (id: string, anchor: Record<string, unknown> | null, expectedVersion = 1) =>
      f.editor.request<{
        updateEvidence: {
          version: number;
          anchor: { prefix: string | null; exact: string; suffix: string | null } | null;
          anchorStatus: string;
        };
      }>(UPDATE, { input: { evidenceId: id, expectedVersion, anchor } });

    it.each([
      ['exact text that is not there', { exact: '40,000 people' }, 'anchor.exact', /40,000 people/],
      [
        'a prefix that does not come right before it',
        { prefix: 'The UN says', exact: '30,000 people' },
        'anchor.prefix',
        /The UN says/,
      ],
      [
        'a suffix that does not come right after it',
        { exact: '30,000 people', suffix: 'were released' },
        'anchor.suffix',
        /were released/,
      ],
    ])(
      'refuses %s as BAD_USER_INPUT naming that part of the anchor, changing nothing',
      async (_label, anchor, field, message) => {
        const id = await captured(TEXT, 'text/plain');
        const [before, auditBefore] = [await row(id), await auditCount()];
        const result = await setAnchor(id, anchor);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
        expect(result.errors?.[0]?.message).toMatch(message);
        expect(result.errors?.[0]?.message).toMatch(/capture version 1/);
        expect(await row(id)).toEqual(before);
        expect(before).toMatchObject({ version: 1, anchorExact: null });
        expect(await auditCount()).toBe(auditBefore);
      },
    );

    it('checks against the newest capture, not an older one that had the text', async () => {
      const id = await captured(TEXT, 'text/plain');
      await upload(api, id, {
        bytes: 'The page now says: figures withdrawn.',
        type: 'text/plain',
        auth: { cookie: f.editor.cookie },
      });
      const auditBefore = await auditCount();
      const result = await setAnchor(id, { exact: '30,000 people' });
      expect(result.errors?.[0]?.extensions?.['field']).toBe('anchor.exact');
      expect(result.errors?.[0]?.message).toMatch(/capture version 2/);
      expect((await row(id)).anchorExact).toBeNull();
      expect(await auditCount()).toBe(auditBefore);
    });

    it('accepts an anchor found in the capture, as a new version with its audit event, and reports FOUND', async () => {
      const id = await captured(TEXT, 'text/plain');
      const auditBefore = await auditCount();
      const result = await setAnchor(id, {
        prefix: 'say more than',
        exact: '30,000   people',
        suffix: 'have been detained',
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.updateEvidence).toMatchObject({
        version: 2,
        anchor: { prefix: 'say more than', exact: '30,000   people', suffix: 'have been detained' },
        anchorStatus: 'FOUND',
      });
      expect(await auditCount()).toBe(auditBefore + 1);
    });

    it('keeps any anchor on an item without a capture, or whose capture has no text, reporting why', async () => {
      const bare = await f.evidence();
      const kept = await setAnchor(bare, { exact: 'not quoted anywhere yet' });
      expect(kept.data?.updateEvidence).toMatchObject({ version: 2, anchorStatus: 'NO_CAPTURE' });
      const image = await captured(PNG, 'image/png');
      const onImage = await setAnchor(image, { exact: 'text in a screenshot' });
      expect(onImage.data?.updateEvidence).toMatchObject({ version: 2, anchorStatus: 'NO_TEXT' });
    });

    it('lets an item whose anchor a later capture lacks be edited without re-checking the unchanged anchor', async () => {
      const anchor = { prefix: null, exact: 'thirty thousand', suffix: null };
      const id = await captured(TEXT, 'text/plain', { anchor });
      const result = await f.editor.request<{
        updateEvidence: { version: number; anchorStatus: string };
      }>(UPDATE, { input: { evidenceId: id, expectedVersion: 1, anchor, note: 'Checked.' } });
      expect(result.data?.updateEvidence).toEqual({
        version: 2,
        anchor,
        anchorStatus: 'NOT_FOUND',
      });
    });
  });

  it('reports NO_TEXT when the latest capture is an image and NO_ANCHOR without an anchor', async () => {
    const anchored = await f.evidence({ anchor: { exact: '30,000' } });
    await upload(api, anchored, {
      bytes: PNG,
      type: 'image/png',
      auth: { cookie: f.editor.cookie },
    });
    const plain = await f.evidence();
    await upload(api, plain, {
      bytes: 'text',
      type: 'text/plain',
      auth: { cookie: f.editor.cookie },
    });
    const status = async (id: string) =>
      (await viewer.ok<{ evidenceItem: { anchorStatus: string } }>(EVIDENCE, { id })).evidenceItem
        .anchorStatus;
    expect(await status(anchored)).toBe('NO_TEXT');
    expect(await status(plain)).toBe('NO_ANCHOR');
  });

  it('sniffs the bytes rather than trusting the declared type', async () => {
    const evidenceId = await f.evidence();
    const pdf = await upload(api, evidenceId, {
      bytes: '%PDF-1.7\n1 0 obj\n',
      fileName: 'report.bin',
      type: 'application/octet-stream',
      auth: { cookie: f.editor.cookie },
    });
    expect(pdf.capture).toMatchObject({ mediaType: 'application/pdf', hasText: false });
    const html = await upload(api, evidenceId, {
      bytes: '<html><body><p>Hi &amp; bye</p></body></html>',
      type: 'text/plain',
      auth: { cookie: f.editor.cookie },
    });
    expect(html.capture).toMatchObject({ mediaType: 'text/html', textPreview: 'Hi & bye' });
  });

  it('downloads the stored bytes as an attachment with nosniff, to any signed-in role', async () => {
    const evidenceId = await f.evidence();
    const { capture } = await upload(api, evidenceId, {
      bytes: HTML,
      fileName: 'page «1».html',
      type: 'text/html',
      auth: { cookie: f.editor.cookie },
    });
    const res = await fetch(`${api.url}${capture?.downloadUrl}`, {
      headers: { cookie: viewer.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="page _1_\.html"; filename\*=UTF-8''/,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('repr-digest')).toBe(
      `sha-256=:${Buffer.from(sha(HTML), 'hex').toString('base64')}:`,
    );
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe(HTML);

    const anonymous = await fetch(`${api.url}${capture?.downloadUrl}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const unknown = await fetch(`${api.url}/api/captures/${UNKNOWN}/content`, {
      headers: { cookie: viewer.cookie ?? '' },
    });
    expect(unknown.status).toBe(404);
    const malformed = await fetch(`${api.url}/api/captures/nope/content`, {
      headers: { cookie: viewer.cookie ?? '', accept: 'text/html' },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'captureId' },
    });
  });

  it('answers a capture whose file is gone from the data folder with NOT_FOUND saying so, and the start-up check warns', async () => {
    const evidenceId = await f.evidence();
    const bytes = `<html><body><p>Kept elsewhere ${Date.now()}</p></body></html>`;
    const { capture } = await upload(api, evidenceId, {
      bytes,
      fileName: 'elsewhere.html',
      type: 'text/html',
      auth: { cookie: f.editor.cookie },
    });
    const row = await api.dataSource
      .getRepository(CaptureEntity)
      .findOneByOrFail({ id: capture!.id });
    const service = api.app.get(CapturesService);
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger;
    // The 20 newest captures are sampled (this one, the newest, among them); every one has its file.
    const path = service.store.pathOf(row.storageKey);
    expect((await service.storedSample()).paths).toContain(path);
    expect(await checkStoredFiles(logger, () => service.storedSample())).toBe(0);
    expect(warnings).toEqual([]);

    // As on a server that does not share the data folder of the one that stored it.
    rmSync(path);
    const res = await fetch(`${api.url}${capture?.downloadUrl}`, {
      headers: { cookie: viewer.cookie ?? '' },
    });
    expect(res.status).toBe(404);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(`Capture ${capture!.id} (elsewhere.html`);
    expect(error.message).toMatch(/its file is missing from this server's data folder/);
    expect(error.message).toMatch(/several servers must share one DATA_DIR/);
    // No path of the server's in what the client is told.
    expect(error.message).not.toContain(api.config.dataDir);

    expect(await checkStoredFiles(logger, () => service.storedSample())).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^1 of \d+ captures sampled have no file in this server's data folder \(DATA_DIR\)/,
    );
    expect(warnings[0]).toMatch(/every one must mount the same DATA_DIR/);
  });

  it('accepts a same-origin browser upload that says so with Sec-Fetch-Site instead', async () => {
    const evidenceId = await f.evidence();
    const result = await upload(api, evidenceId, {
      bytes: 'from the web app',
      type: 'text/plain',
      headers: { 'x-requested-with': '', 'sec-fetch-site': 'same-origin' },
      auth: { cookie: f.editor.cookie },
    });
    expect(result.status).toBe(201);
  });

  it('accepts a bearer token without the CSRF header', async () => {
    const token = await f.editor.ok<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "capture script" }) { token } }',
    );
    const evidenceId = await f.evidence();
    const result = await upload(api, evidenceId, {
      bytes: 'from a script',
      type: 'text/plain',
      headers: { 'x-requested-with': '' },
      auth: { bearer: token.createApiToken.token },
    });
    expect(result.status).toBe(201);
  });

  describe('refusals change nothing and leave no file behind', () => {
    let evidenceId: string;
    let lockedEvidence: string;
    let retractedEvidence: string;

    beforeAll(async () => {
      evidenceId = await f.evidence();
      retractedEvidence = await f.evidence();
      await f.editor.ok(
        'mutation($input: RetractEvidenceInput!) { retractEvidence(input: $input) { id } }',
        { input: { evidenceId: retractedEvidence, expectedVersion: 1, reason: 'duplicate' } },
      );
      const project = await f.editor.ok<{ projects: { id: string }[] }>('{ projects { id } }');
      const claim = await f.editor.ok<{ createClaim: { id: string; version: number } }>(
        'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }',
        { input: { projectId: project.projects[0].id, text: 'A claim to be rejected.' } },
      );
      lockedEvidence = await f.evidence({ claimId: claim.createClaim.id });
      await f.editor.ok(
        'mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { id } }',
        {
          input: {
            claimId: claim.createClaim.id,
            expectedVersion: claim.createClaim.version,
            reason: 'Duplicate',
          },
        },
      );
    });

    const refused = async (
      target: () => string,
      u: Partial<Upload>,
      status: number,
      code: string,
      field?: string,
    ) => {
      const [captures, files] = [await captureCount(), storeFiles(api)];
      const result = await upload(api, target(), {
        bytes: 'plain words',
        type: 'text/plain',
        ...u,
      });
      expect(result.status).toBe(status);
      expect(result.error?.code).toBe(code);
      if (field) expect(result.error?.field).toBe(field);
      expect(result.error?.message).toBeTruthy();
      expect(await captureCount()).toBe(captures);
      expect(storeFiles(api)).toEqual(files);
      return result;
    };

    it('refuses anonymous callers (401) and viewers (403)', async () => {
      await refused(() => evidenceId, {}, 401, 'UNAUTHENTICATED');
      await refused(() => evidenceId, { auth: { cookie: viewer.cookie } }, 403, 'FORBIDDEN');
    });

    it('refuses a cookie-authenticated upload without X-Requested-With, or from another site (CSRF)', async () => {
      const missing = await refused(
        () => evidenceId,
        { auth: { cookie: f.editor.cookie }, headers: { 'x-requested-with': '' } },
        403,
        'FORBIDDEN',
      );
      expect(missing.error?.message).toMatch(/X-Requested-With/);
      for (const site of ['cross-site', 'same-site']) {
        await refused(
          () => evidenceId,
          { auth: { cookie: f.editor.cookie }, headers: { 'sec-fetch-site': site } },
          403,
          'FORBIDDEN',
        );
      }
    });

    it('answers 403 to a reviewer not assigned to the claim, keeping nothing', async () => {
      const refusal = await refused(
        () => evidenceId,
        { auth: { cookie: reviewer.cookie } },
        403,
        'FORBIDDEN',
      );
      expect(refusal.error?.message).toBe(
        'Reviewers can capture evidence only on claims assigned to them.',
      );
    });

    it('answers 404 for unknown evidence and 400 for a malformed id', async () => {
      await refused(() => UNKNOWN, { auth: { cookie: f.editor.cookie } }, 404, 'NOT_FOUND');
      await refused(
        () => 'evidence-1',
        { auth: { cookie: f.editor.cookie } },
        400,
        'BAD_USER_INPUT',
        'evidenceId',
      );
    });

    it('answers 409 when the claim is locked or the evidence retracted', async () => {
      await refused(() => lockedEvidence, { auth: { cookie: reviewer.cookie } }, 409, 'CONFLICT');
      await refused(
        () => retractedEvidence,
        { auth: { cookie: f.editor.cookie } },
        409,
        'CONFLICT',
      );
    });

    it('answers 415 for unsupported media, sniffed from the bytes', async () => {
      const zip = await refused(
        () => evidenceId,
        {
          bytes: ZIP,
          type: 'application/zip',
          fileName: 'a.zip',
          auth: { cookie: f.editor.cookie },
        },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'file',
      );
      expect(zip.error?.message).toMatch(/HTML, PDF, PNG, JPEG, GIF, WebP or plain text/);
      await refused(
        () => evidenceId,
        { bytes: ZIP, type: 'application/octet-stream', auth: { cookie: f.editor.cookie } },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      await refused(
        () => evidenceId,
        { bytes: 'not really a picture', type: 'image/png', auth: { cookie: f.editor.cookie } },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('answers 400 for a missing file field, an empty file or a non-multipart body', async () => {
      await refused(
        () => evidenceId,
        { field: 'attachment', auth: { cookie: f.editor.cookie } },
        400,
        'BAD_USER_INPUT',
        'file',
      );
      await refused(
        () => evidenceId,
        { bytes: '', auth: { cookie: f.editor.cookie } },
        400,
        'BAD_USER_INPUT',
        'file',
      );
      const res = await fetch(`${api.url}/api/evidence/${evidenceId}/captures`, {
        method: 'POST',
        headers: {
          cookie: f.editor.cookie ?? '',
          'x-requested-with': 'XMLHttpRequest',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ file: 'x' }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'file' } });
    });
  });
});

describe('URL capture refuses private and local targets without an allow-list', () => {
  let f: Fixture;
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    f = await fixture();
    server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('secret internal page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.close();
    await f.api.close();
  });

  it.each([
    [
      'loopback',
      () => `http://127.0.0.1:${port}/`,
      /^127\.0\.0\.1 is a loopback address; URL capture refuses private and local addresses unless an operator allows them/,
    ],
    [
      'a private address',
      () => 'http://10.0.0.1/',
      /10\.0\.0\.1 is a private \(RFC 1918\) address/,
    ],
    [
      'cloud metadata (link-local)',
      () => 'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 is a link-local address/,
    ],
    ['IPv6 loopback', () => `http://[::1]:${port}/`, /::1 is a loopback address/],
    ['an IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port}/`, /loopback/],
    [
      'a decimal-encoded loopback',
      () => `http://2130706433:${port}/`,
      /127\.0\.0\.1 is a loopback/,
    ],
    ['the unspecified address', () => `http://0.0.0.0:${port}/`, /unspecified/],
    ['localhost by name', () => `http://localhost:${port}/`, /^localhost resolves to .*loopback/],
    ['a file: URL', () => 'file:///etc/passwd', /file:/],
    ['a javascript: URL', () => 'javascript:alert(1)', /javascript:/],
  ])(
    'refuses %s as BAD_USER_INPUT on url, saying why, and captures nothing',
    async (_label, url, message) => {
      const evidenceId = await f.evidence();
      const before = await f.api.dataSource.getRepository(CaptureEntity).count();
      const result = await f.editor.request(CAPTURE_URL, { input: { evidenceId, url: url() } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('url');
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(await f.api.dataSource.getRepository(CaptureEntity).count()).toBe(before);
      expect(storeFiles(f.api)).toEqual([]);
      expect(hits).toBe(0);
    },
  );

  it('refuses the evidence URL itself when it is local, and refuses viewers', async () => {
    const evidenceId = await f.evidence({ url: `http://127.0.0.1:${port}/report` });
    const result = await f.editor.request(CAPTURE_URL, { input: { evidenceId } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const viewer = await signedIn(f.api, 'viewer');
    expect(errorCode(await viewer.request(CAPTURE_URL, { input: { evidenceId } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await f.editor.request(CAPTURE_URL, { input: { evidenceId: UNKNOWN } }))).toBe(
      'NOT_FOUND',
    );
    expect(hits).toBe(0);
  });
});

describe('URL capture with an operator allow-list, and size limits', () => {
  let f: Fixture;
  let server: Server;
  let base: string;
  const page = `<html><body><p>Official: 30,000 detained.</p><script>x()</script></body></html>`;

  beforeAll(async () => {
    f = await fixture({
      UPLOAD_MAX_BYTES: '1024',
      CAPTURE_ALLOW_HOSTS: '127.0.0.1',
      CAPTURE_MAX_REDIRECTS: '2',
      CAPTURE_TIMEOUT_SECONDS: '1',
    });
    server = createServer((req, res) => {
      switch (req.url) {
        case '/page':
          return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
        case '/moved':
          return res.writeHead(302, { location: '/page' }).end();
        case '/to-metadata':
          return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        case '/to-private':
          return res.writeHead(301, { location: 'http://10.0.0.1/admin' }).end();
        case '/to-file':
          return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
        case '/loop':
          return res.writeHead(302, { location: '/loop' }).end();
        case '/big':
          return res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(5000));
        case '/big-chunked': {
          res.writeHead(200, { 'content-type': 'text/plain' });
          for (let i = 0; i < 10; i++) res.write('y'.repeat(500));
          return res.end();
        }
        case '/slow':
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('a first line that never ends');
          return; // the body never completes
        case '/silent':
          return; // no answer at all
        case '/zip':
          return res.writeHead(200, { 'content-type': 'application/zip' }).end(ZIP);
        default:
          return res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await f.api.close();
  });

  it('fetches an allowed local page, following redirects, and stores it like an upload with the final URL', async () => {
    const evidenceId = await f.evidence({
      url: `${base}/moved`,
      anchor: { exact: '30,000 detained' },
    });
    const data = await f.editor.ok<{ captureUrl: CaptureJson & { capturedBy: { email: string } } }>(
      CAPTURE_URL,
      { input: { evidenceId } },
    );
    expect(data.captureUrl).toMatchObject({
      version: 1,
      method: 'URL_FETCH',
      url: `${base}/page`,
      fileName: null,
      mediaType: 'text/html',
      byteSize: Buffer.byteLength(page),
      sha256: sha(page),
      hasText: true,
      textPreview: 'Official: 30,000 detained.',
      capturedBy: { email: 'editor@example.org' },
    });
    expect(storeFiles(f.api)).toEqual([`${sha(page).slice(0, 2)}/${sha(page)}`]);
    const item = await f.editor.ok<{ evidenceItem: { anchorStatus: string } }>(EVIDENCE, {
      id: evidenceId,
    });
    expect(item.evidenceItem.anchorStatus).toBe('FOUND');
    const event = await f.api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityType: 'Capture', entityId: data.captureUrl.id });
    expect(event.after).toMatchObject({
      evidenceId,
      claimId: f.claimId,
      sha256: sha(page),
      method: 'URL_FETCH',
    });
  });

  it.each([
    [
      'a redirect to cloud metadata',
      '/to-metadata',
      /redirects to http:\/\/169\.254\.169\.254\/latest\/meta-data\/: 169\.254\.169\.254 is a link-local address/,
    ],
    ['a redirect to a private address', '/to-private', /10\.0\.0\.1 is a private/],
    ['a redirect to file:', '/to-file', /file:/],
    ['a redirect loop', '/loop', /more than 2 times/],
    ['a body over the limit (Content-Length)', '/big', /larger than the limit of 1,024 bytes/],
    ['a body over the limit (streamed)', '/big-chunked', /larger than the limit of 1,024 bytes/],
    ['an unsupported media type', '/zip', /application\/zip is not a supported type/],
    ['an HTTP error', '/missing', /answered HTTP 404/],
    [
      'a server that never answers',
      '/silent',
      /did not answer within 1 second \(CAPTURE_TIMEOUT_SECONDS\)/,
    ],
    [
      'a body that never ends',
      '/slow',
      /did not answer within 1 second \(CAPTURE_TIMEOUT_SECONDS\)/,
    ],
  ])('refuses %s as BAD_USER_INPUT on url, capturing nothing', async (_label, path, message) => {
    const evidenceId = await f.evidence();
    const [before, files] = [
      await f.api.dataSource.getRepository(CaptureEntity).count(),
      storeFiles(f.api),
    ];
    const result = await f.editor.request(CAPTURE_URL, {
      input: { evidenceId, url: `${base}${path}` },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('url');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await f.api.dataSource.getRepository(CaptureEntity).count()).toBe(before);
    expect(storeFiles(f.api)).toEqual(files);
  });

  it('refuses an upload over UPLOAD_MAX_BYTES with 413 while streaming, removing the partial file', async () => {
    const evidenceId = await f.evidence();
    const [before, files] = [
      await f.api.dataSource.getRepository(CaptureEntity).count(),
      storeFiles(f.api),
    ];
    const result = await upload(f.api, evidenceId, {
      bytes: 'z'.repeat(4096),
      type: 'text/plain',
      auth: { cookie: f.editor.cookie },
    });
    expect(result.status).toBe(413);
    expect(result.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
    expect(result.error?.message).toMatch(/1,024 bytes/);
    expect(await f.api.dataSource.getRepository(CaptureEntity).count()).toBe(before);
    expect(storeFiles(f.api)).toEqual(files);
    const exact = await upload(f.api, evidenceId, {
      bytes: 'z'.repeat(1024),
      type: 'text/plain',
      auth: { cookie: f.editor.cookie },
    });
    expect(exact.status).toBe(201);
  });

  it('answers 507, saying who can fix it, without storing anything when the capture store cannot be written', async () => {
    const evidenceId = await f.evidence();
    const root = join(f.api.config.dataDir, 'captures');
    const before = await f.api.dataSource.getRepository(CaptureEntity).count();
    rmSync(root, { recursive: true, force: true });
    writeFileSync(root, 'not a directory');
    try {
      const result = await upload(f.api, evidenceId, {
        bytes: 'words',
        type: 'text/plain',
        auth: { cookie: f.editor.cookie },
      });
      expect(result.status).toBe(507);
      expect(result.error?.code).toBe('INSUFFICIENT_STORAGE');
      expect(result.error?.message).toMatch(
        /cannot write to its capture store, so nothing was stored\. Tell an administrator/,
      );
      expect(JSON.stringify(result)).not.toMatch(/ENOTDIR|EEXIST|captures\//);
      expect(await f.api.dataSource.getRepository(CaptureEntity).count()).toBe(before);
    } finally {
      rmSync(root, { force: true });
    }
  });

  it('answers 507 saying the store is full when the disk holding it is full, keeps nothing, and stores again once there is room', async (context) => {
    const evidenceId = await f.evidence();
    const root = join(f.api.config.dataDir, 'captures');
    await withFullDisk(
      root,
      (reason) => context.skip(reason),
      async (disk) => {
        const before = await f.api.dataSource.getRepository(CaptureEntity).count();
        const files = storeFiles(f.api);
        const result = await upload(f.api, evidenceId, {
          bytes: 'words kept as evidence',
          type: 'text/plain',
          auth: { cookie: f.editor.cookie },
        });
        expect(result.status).toBe(507);
        expect(result.error?.code).toBe('INSUFFICIENT_STORAGE');
        expect(result.error?.message).toMatch(
          /^The capture store is full, so nothing was stored\. Tell an administrator/,
        );
        expect(JSON.stringify(result)).not.toMatch(/ENOSPC|captures\//);
        // No half-written capture: no row, and no file beside the filler (a .part removed).
        expect(await f.api.dataSource.getRepository(CaptureEntity).count()).toBe(before);
        expect(storeFiles(f.api)).toEqual(files);

        // A URL capture into the full store: the same answer, through GraphQL.
        const fetched = await f.editor.request(CAPTURE_URL, {
          input: { evidenceId: await f.evidence({ url: `${base}/page` }) },
        });
        expect(fetched.errors?.[0]?.extensions?.['code']).toBe('INSUFFICIENT_STORAGE');
        expect(fetched.errors?.[0]?.message).toBe(result.error?.message);
        expect(await f.api.dataSource.getRepository(CaptureEntity).count()).toBe(before);
        expect(storeFiles(f.api)).toEqual(files);

        // Room again: the same upload is stored.
        disk.makeRoom();
        const stored = await upload(f.api, evidenceId, {
          bytes: 'words kept as evidence',
          type: 'text/plain',
          auth: { cookie: f.editor.cookie },
        });
        expect(stored.status).toBe(201);
        expect(await f.api.dataSource.getRepository(CaptureEntity).count()).toBe(before + 1);
      },
    );
  });
});
