import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { type Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { ReleaseClaimEntity, ReleasesService } from '@corroborate/api-exports';
import { checkStoredFiles } from '@corroborate/api-core';
import { ProjectEntity } from '@corroborate/api-projects';
import {
  ADJUDICATE,
  type ApiClient,
  errorCode,
  REOPEN,
  signedIn,
  startApi,
  SUBMIT,
  uncaughtWithSlowOpens,
  withFullDisk,
  type TestApi,
} from './src';
import { checkClaimReviewProfile } from './src/claim-review-profile';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

const CUT = `mutation($input: CutReleaseInput!) { cutRelease(input: $input) {
  id name number filtersJson previousId previousNumber createdByName
  counts { claims evidence sources assessments captures }
  files { format name mediaType bytes sha256 downloadUrl }
  delta { added changed retracted }
  manifestUrl deltaUrl
} }`;
const RELEASES = `query($name: String) { releases(name: $name) { id name number delta { added changed retracted } } }`;
const WAITING = `{ claims(filter: { statuses: [NEEDS_ADJUDICATION] }) { edges { node { id text version } } } }`;
const VERSION = `query($id: ID!) { claim(id: $id) { id version status } }`;
const REJECT = `mutation($input: RejectClaimInput!) { rejectClaim(input: $input) { id status } }`;

interface Release {
  id: string;
  name: string;
  number: number;
  filtersJson: string;
  previousId: string | null;
  previousNumber: number | null;
  createdByName: string | null;
  counts: { claims: number };
  files: {
    format: string;
    name: string;
    mediaType: string;
    bytes: number;
    sha256: string;
    downloadUrl: string;
  }[];
  delta: { added: number; changed: number; retracted: number };
  manifestUrl: string;
  deltaUrl: string;
}

interface Delta {
  type: string;
  release: { number: number };
  previous: { number: number } | null;
  added: { claimId: string; verdict: string }[];
  changed: { claimId: string; oldVerdict: string; newVerdict: string }[];
  retracted: { claimId: string; lastVerdict: string; status: string; reason: string }[];
}

let api: TestApi;
let editor: ApiClient;
let viewer: ApiClient;
let reviewer: ApiClient;
let projectId: string;
const ids: Record<'rigged' | 'detained' | 'torture', string> = {
  rigged: '',
  detained: '',
  torture: '',
};

async function get(path: string, who: ApiClient | null) {
  const res = await fetch(`${api.url}${path}`, {
    headers: who?.cookie ? { cookie: who.cookie } : {},
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body, text: body.toString('utf8') };
}

async function version(id: string): Promise<number> {
  return (await editor.ok<{ claim: { version: number } }>(VERSION, { id })).claim.version;
}

async function adjudicate(id: string, verdict: string) {
  await editor.ok(ADJUDICATE, {
    input: {
      claimId: id,
      expectedVersion: await version(id),
      verdict,
      likelihood: 'LIKELY',
      confidence: 'MODERATE',
      publicSummary: `Adjudicated ${verdict}.`,
      citedAssessmentIds: [],
      citedEvidenceIds: [],
    },
  });
}

async function cut(name: string, filter: Record<string, unknown> = { projectId }) {
  return (await editor.ok<{ cutRelease: Release }>(CUT, { input: { name, filter } })).cutRelease;
}

beforeAll(async () => {
  api = await startApi();
  [editor, viewer, reviewer] = await Promise.all([
    signedIn(api, 'editor'),
    signedIn(api, 'viewer'),
    signedIn(api, 'reviewer'),
  ]);
  projectId = (await api.dataSource.getRepository(ProjectEntity).find())[0].id;
  const waiting = (
    await editor.ok<{ claims: { edges: { node: { id: string; text: string } }[] } }>(WAITING)
  ).claims.edges.map((e) => e.node);
  ids.rigged = waiting.find((c) => /rigged/.test(c.text))!.id;
  ids.detained = waiting.find((c) => /30,000/.test(c.text))!.id;
  ids.torture = waiting.find((c) => /torture/.test(c.text))!.id;
  await adjudicate(ids.rigged, 'MOSTLY_TRUE');
  await adjudicate(ids.detained, 'TRUE');
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('releases', () => {
  let first: Release;

  it('cuts release 1 of a name with all three files, a manifest and a delta of everything added', async () => {
    first = await cut('  Belarus   weekly ');
    expect(first).toMatchObject({
      name: 'Belarus weekly',
      number: 1,
      previousId: null,
      createdByName: 'Elena Editor',
      counts: { claims: 2 },
      delta: { added: 2, changed: 0, retracted: 0 },
    });
    expect(JSON.parse(first.filtersJson)).toEqual({ status: 'VERIFIED', projectId });
    expect(first.files.map((f) => f.format)).toEqual(['jsonld', 'csv', 'ndjson']);
    for (const file of first.files) {
      const download = await get(file.downloadUrl, viewer);
      expect(download.res.status).toBe(200);
      expect(download.res.headers.get('content-disposition')).toContain(file.name);
      expect(file.name).toMatch(new RegExp(`^belarus-weekly-1-\\d{8}-\\d{6}\\.${file.format}$`));
      expect(sha(download.body)).toBe(file.sha256);
      expect(download.body.length).toBe(file.bytes);
    }
    // The three files describe the same set.
    const ld = await get(first.files[0].downloadUrl, editor);
    const { problems, reviews } = await checkClaimReviewProfile(JSON.parse(ld.text));
    expect(problems).toEqual([]);
    expect(reviews).toHaveLength(2);
    const csv = parseCsv((await get(first.files[1].downloadUrl, editor)).text, {
      columns: true,
    }) as { claim_id: string }[];
    expect(csv.map((r) => r.claim_id).sort()).toEqual([ids.rigged, ids.detained].sort());
    const manifest = JSON.parse((await get(first.manifestUrl, viewer)).text) as {
      release: { number: number };
      files: { name: string; sha256: string }[];
      delta: unknown;
      counts: { claims: number };
    };
    expect(manifest.release.number).toBe(1);
    expect(manifest.counts.claims).toBe(2);
    expect(manifest.files.map((f) => f.sha256)).toEqual(first.files.map((f) => f.sha256));
    const delta = JSON.parse((await get(first.deltaUrl, viewer)).text) as Delta;
    expect(delta.previous).toBeNull();
    expect(delta.added.map((a) => a.claimId).sort()).toEqual([ids.rigged, ids.detained].sort());
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ entityType: 'Release', entityId: first.id });
    expect(audit.map((a) => a.action)).toEqual(['release.cut']);
  });

  it('release 2 lists claims added, changed (old → new verdict) and retracted (reopened) since release 1', async () => {
    // Retracted: the rigged-vote claim is reopened.
    await editor.ok(REOPEN, {
      input: {
        claimId: ids.rigged,
        expectedVersion: await version(ids.rigged),
        reason: 'New count',
      },
    });
    // Changed: the detention claim is reopened, corrected by a reviewer and adjudicated MOSTLY_TRUE.
    await editor.ok(REOPEN, {
      input: {
        claimId: ids.detained,
        expectedVersion: await version(ids.detained),
        reason: 'Recheck',
      },
    });
    await reviewer.ok(SUBMIT, {
      input: {
        claimId: ids.detained,
        verdict: 'MOSTLY_TRUE',
        likelihood: 'LIKELY',
        confidence: 'MODERATE',
        rationale: 'The official figure covers a shorter period.',
        evidenceIds: [],
        correctionReason: 'Recheck',
      },
    });
    await adjudicate(ids.detained, 'MOSTLY_TRUE');
    // Added: the torture claim is verified.
    await adjudicate(ids.torture, 'UNVERIFIABLE');

    const second = await cut('belarus weekly');
    expect(second).toMatchObject({
      name: 'belarus weekly',
      number: 2,
      previousId: first.id,
      previousNumber: 1,
      counts: { claims: 2 },
      delta: { added: 1, changed: 1, retracted: 1 },
    });
    const delta = JSON.parse((await get(second.deltaUrl, editor)).text) as Delta;
    expect(delta).toMatchObject({
      type: 'corroborate.release-delta',
      release: { number: 2 },
      previous: { number: 1 },
      added: [{ claimId: ids.torture, verdict: 'UNVERIFIABLE' }],
      changed: [{ claimId: ids.detained, oldVerdict: 'TRUE', newVerdict: 'MOSTLY_TRUE' }],
      retracted: [
        {
          claimId: ids.rigged,
          lastVerdict: 'MOSTLY_TRUE',
          status: 'IN_REVIEW',
          reason: 'reopened',
        },
      ],
    });
    // Release 1 is immutable: its files still hash as published.
    for (const file of first.files)
      expect(sha((await get(file.downloadUrl, editor)).body)).toBe(file.sha256);
    // Another name starts at 1; an empty set is a valid release.
    const other = await cut('Nothing yet', { projectId, verifiedFrom: '2999-01-01' });
    expect(other).toMatchObject({ number: 1, counts: { claims: 0 }, delta: { added: 0 } });
    const list = await viewer.ok<{ releases: { number: number }[] }>(RELEASES, {
      name: 'BELARUS WEEKLY',
    });
    expect(list.releases.map((r) => r.number)).toEqual([2, 1]);
  });

  it('a claim verified in one release, then reopened and rejected, is listed as retracted (rejected) in the next', async () => {
    // The torture claim is verified (UNVERIFIABLE) in release 1 of this name.
    const before = await cut('Rejections desk');
    expect(before).toMatchObject({ number: 1, counts: { claims: 2 } });
    const published = JSON.parse((await get(before.deltaUrl, editor)).text) as Delta;
    expect(published.added.map((a) => a.claimId)).toContain(ids.torture);

    await editor.ok(REOPEN, {
      input: {
        claimId: ids.torture,
        expectedVersion: await version(ids.torture),
        reason: 'The only witness withdrew the account',
      },
    });
    const rejected = await editor.ok<{ rejectClaim: { status: string } }>(REJECT, {
      input: {
        claimId: ids.torture,
        expectedVersion: await version(ids.torture),
        reason: 'No longer check-worthy: the account was withdrawn.',
      },
    });
    expect(rejected.rejectClaim.status).toBe('REJECTED');

    const after = await cut('Rejections desk');
    expect(after).toMatchObject({
      number: 2,
      previousId: before.id,
      counts: { claims: 1 },
      delta: { added: 0, changed: 0, retracted: 1 },
    });
    const delta = JSON.parse((await get(after.deltaUrl, viewer)).text) as Delta;
    expect(delta).toMatchObject({
      release: { number: 2 },
      previous: { number: 1 },
      added: [],
      changed: [],
      retracted: [
        {
          claimId: ids.torture,
          lastVerdict: 'UNVERIFIABLE',
          status: 'REJECTED',
          reason: 'rejected',
        },
      ],
    });
    // The release's files no longer carry it.
    const csv = parseCsv((await get(after.files[1].downloadUrl, editor)).text, {
      columns: true,
    }) as { claim_id: string }[];
    expect(csv.map((r) => r.claim_id)).toEqual([ids.detained]);
  });

  it('refuses reviewers and viewers to cut, anonymous callers everything, and bad input specifically', async () => {
    const input = { name: 'X', filter: { projectId } };
    expect(errorCode(await viewer.request(CUT, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await reviewer.request(CUT, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await reviewer.request(RELEASES))).toBe('FORBIDDEN');
    expect((await get(`${first.manifestUrl}`, null)).res.status).toBe(401);
    expect((await get(`${first.manifestUrl}`, reviewer)).res.status).toBe(403);
    const blank = await editor.request(CUT, { input: { name: '   ', filter: { projectId } } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const range = await editor.request(CUT, {
      input: {
        name: 'X',
        filter: { createdFrom: '2021-02-01T00:00:00Z', createdTo: '2021-01-01T00:00:00Z' },
      },
    });
    expect(range.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'createdFrom',
    });
    const unknown = await editor.request(CUT, {
      input: { name: 'X', filter: { projectId: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const badFile = await get(`/api/releases/${first.id}/files/xml`, editor);
    expect(badFile.res.status).toBe(400);
    expect(
      (await get('/api/releases/00000000-0000-4000-8000-000000000000/delta.json', editor)).res
        .status,
    ).toBe(404);
    // Refused cuts left no release behind.
    const all = await editor.ok<{ releases: { name: string }[] }>(RELEASES);
    expect(all.releases.map((r) => r.name)).not.toContain('X');
  });

  it('leaves no folder and no stray file error behind a cut refused while its files were still opening', async () => {
    // A cut of an unknown project fails just after creating its three file streams. Their opens
    // are made slow here (as on a loaded machine): removing the release's folder before they
    // finished made them fail with ENOENT on streams no one listened to any more, an uncaught
    // exception that stops a server (and fails this run).
    const root = join(api.config.dataDir, 'releases');
    const folders = () => (existsSync(root) ? readdirSync(root).sort() : []);
    const before = folders();
    const uncaught = await uncaughtWithSlowOpens(root, async () => {
      const refused = await editor.request(CUT, {
        input: { name: 'Refused', filter: { projectId: '00000000-0000-4000-8000-000000000000' } },
      });
      expect(errorCode(refused)).toBe('NOT_FOUND');
    });
    expect(uncaught).toEqual([]);
    expect(folders()).toEqual(before);
  });

  it('says the release store is full when its disk is: no release, no files, and the cut works once there is room', async (context) => {
    const root = join(api.config.dataDir, 'releases');
    const releaseCount = async () =>
      (await editor.ok<{ releases: { name: string }[] }>(RELEASES)).releases.filter(
        (r) => r.name === 'Full disk desk',
      ).length;
    await withFullDisk(
      root,
      (reason) => context.skip(reason),
      async (disk) => {
        const refused = await editor.request(CUT, {
          input: { name: 'Full disk desk', filter: { projectId } },
        });
        expect(refused.data ?? null).toBeNull();
        expect(refused.errors?.[0]?.extensions?.['code']).toBe('INSUFFICIENT_STORAGE');
        expect(refused.errors?.[0]?.message).toBe(
          'The release store is full, so the release was not cut. Tell an administrator: the disk holding the data folder needs space.',
        );
        expect(JSON.stringify(refused)).not.toMatch(/ENOSPC|releases\//);
        expect(await releaseCount()).toBe(0);
        expect(readdirSync(disk.path)).toEqual(['filler']);
        // No claim rows of the refused release left behind.
        const [orphans] = (await api.dataSource.query(
          `SELECT COUNT(*) AS n FROM "release_claims" rc
          WHERE NOT EXISTS (SELECT 1 FROM "releases" r WHERE r."id" = rc."releaseId")`,
        )) as { n: string | number }[];
        expect(Number(orphans.n)).toBe(0);

        disk.makeRoom();
        const release = await cut('Full disk desk');
        expect(release.number).toBe(1);
        expect(await releaseCount()).toBe(1);
      },
    );
  });

  it('removes what a release cut killed mid-way left behind, never a release or a cut still writing', async () => {
    const kept = await cut('Sweep kept');
    const root = join(api.config.dataDir, 'releases');
    const abandoned = randomUUID();
    const writing = randomUUID();
    const claimRows = api.dataSource.getRepository(ReleaseClaimEntity);
    for (const id of [abandoned, writing]) {
      mkdirSync(join(root, id), { recursive: true });
      writeFileSync(join(root, id, 'ndjson'), '{"half": ');
      await claimRows.insert(
        [ids.rigged, ids.detained].map((claimId) => ({
          releaseId: id,
          claimId,
          verdict: 'TRUE' as const,
          adjudicationId: randomUUID(),
        })),
      );
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(join(root, abandoned, 'ndjson'), twoHoursAgo, twoHoursAgo);
    utimesSync(join(root, abandoned), twoHoursAgo, twoHoursAgo);
    // An old folder whose file is still being written: a long cut, perhaps on another instance.
    utimesSync(join(root, writing), twoHoursAgo, twoHoursAgo);
    // The cut release is as old as the abandoned one: it is kept because a release owns it.
    utimesSync(join(root, kept.id), twoHoursAgo, twoHoursAgo);

    const sweeper = api.app.get(ReleasesService);
    expect(await sweeper.removeAbandoned()).toEqual({ folders: 1, claimRows: 2 });
    expect(existsSync(join(root, abandoned))).toBe(false);
    expect(await claimRows.countBy({ releaseId: abandoned })).toBe(0);
    expect(existsSync(join(root, writing, 'ndjson'))).toBe(true);
    expect(await claimRows.countBy({ releaseId: writing })).toBe(2);
    expect(existsSync(join(root, kept.id, 'manifest.json'))).toBe(true);
    expect(await claimRows.countBy({ releaseId: kept.id })).toBe(kept.counts.claims);
    expect((await get(kept.files[0].downloadUrl, editor)).res.status).toBe(200);
    // Once the long cut stops writing for an hour, it is swept too.
    expect(await sweeper.removeAbandoned(new Date(Date.now() + 2 * 3600 * 1000))).toEqual({
      folders: 1,
      claimRows: 2,
    });
    expect(existsSync(join(root, writing))).toBe(false);
    expect(existsSync(join(root, kept.id, 'manifest.json'))).toBe(true);
  });

  it('answers a release whose files are gone from the data folder with NOT_FOUND saying so, and the start-up check warns', async () => {
    const service = api.app.get(ReleasesService);
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger;
    const kept = await cut('Kept on one server');
    // (A release cut while an earlier test's full disk was mounted lost its files with it.)
    const before = await checkStoredFiles(logger, () => service.storedSample());
    warnings.length = 0;
    // The newest 20 releases are sampled (every release this file cuts among them): its manifest and
    // three files.
    const sampled = (await service.storedSample()).paths.filter((path) => path.includes(kept.id));
    expect(sampled).toHaveLength(4);
    // As on a server that does not share the data folder of the one that cut it.
    rmSync(join(api.config.dataDir, 'releases', kept.id), { recursive: true });
    for (const path of [kept.files[0].downloadUrl, kept.manifestUrl, kept.deltaUrl]) {
      const gone = await get(path, editor);
      expect(gone.res.status, path).toBe(404);
      const { error } = JSON.parse(gone.text) as { error: { code: string; message: string } };
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(
        /of release \d+ of "Kept on one server" is recorded but its file is missing from this server's data folder/,
      );
      expect(error.message).toMatch(/several servers must share one DATA_DIR/);
      expect(error.message).not.toContain(api.config.dataDir);
    }
    // The newest releases' files (this one's three and its manifest among them) are sampled.
    expect(await checkStoredFiles(logger, () => service.storedSample())).toBe(before + 4);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^${before + 4} of \\d+ release files sampled have no file in this server's data folder`,
      ),
    );
  });
});
