import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditEventEntity, AuditService } from '@corroborate/api-audit';
import { ClaimsService, EVIDENCE_ENTITY_TYPE } from '@corroborate/api-claims';
import {
  type Actor,
  AppError,
  BadInputError,
  ConflictError,
  ForbiddenError,
  httpUrlProblem,
  NotFoundError,
} from '@corroborate/api-core';
import { SourceEntity, SourcesService } from '@corroborate/api-sources';
import { normaliseText, quoteFound } from './anchor';
import { corroborationOf } from './corroboration.mapper';
import {
  type AddEvidenceInput,
  type QuantityInput,
  type RetractEvidenceInput,
  type TextQuoteAnchorInput,
  type UpdateEvidenceInput,
} from './dto/evidence.inputs';
import { EvidenceEntity } from './evidence.entity';

/** Fields of an evidence item as the audit log (and the stale-write message) names them. */
export function evidenceAuditView(e: EvidenceEntity): Record<string, unknown> {
  return {
    claimId: e.claimId,
    sourceId: e.sourceId,
    url: e.url,
    title: e.title,
    excerpt: e.excerpt,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    archiveUrl: e.archiveUrl,
    stance: e.stance,
    credibility: e.credibility,
    note: e.note,
    derivedFromId: e.derivedFromId,
    quantity:
      e.quantityMin === null
        ? null
        : {
            min: e.quantityMin,
            max: e.quantityMax,
            unit: e.quantityUnit,
            asOf: e.quantityAsOf?.toISOString() ?? null,
          },
    anchor:
      e.anchorExact === null
        ? null
        : { prefix: e.anchorPrefix, exact: e.anchorExact, suffix: e.anchorSuffix },
    retracted: e.retracted,
    retractionReason: e.retractionReason,
    version: e.version,
  };
}

/** Keys whose values differ (the claim id is always kept so the claim's history can find it). */
function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'version' || key === 'claimId') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  if (Object.keys(a).length === 0) return null;
  return {
    before: { ...b, version: before['version'] },
    after: { ...a, claimId: after['claimId'], version: after['version'] },
  };
}

/** Errors about the inline source name their field as `newSource.<field>`, like validation does. */
function underNewSource(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const field = error.details['field'];
  if (typeof field !== 'string' || field.startsWith('newSource.')) return error;
  if (error instanceof BadInputError) {
    return new BadInputError(`newSource.${field}`, error.message, error.details);
  }
  if (error instanceof ConflictError) {
    return new ConflictError(error.message, { ...error.details, field: `newSource.${field}` });
  }
  return error;
}

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;

function checkUrl(field: string, value: string): string {
  const problem = httpUrlProblem(field, value);
  if (problem) throw new BadInputError(field, problem);
  return value;
}

function quantityColumns(q: QuantityInput | null): Partial<EvidenceEntity> {
  if (q === null) {
    return { quantityMin: null, quantityMax: null, quantityUnit: null, quantityAsOf: null };
  }
  if (!Number.isFinite(q.min))
    throw new BadInputError('quantity.min', 'min must be a finite number.');
  const max = q.max ?? null;
  if (max !== null && !Number.isFinite(max)) {
    throw new BadInputError(
      'quantity.max',
      'max must be a finite number, or null for an open-ended quantity.',
    );
  }
  if (max !== null && max < q.min) {
    throw new BadInputError(
      'quantity.max',
      `max (${max}) must be at least min (${q.min}); leave max empty for an open-ended quantity ("more than ${q.min}").`,
    );
  }
  const unit = q.unit.trim().replace(/\s+/g, ' ');
  if (!unit || unit.length > 60)
    throw new BadInputError('quantity.unit', 'unit must be between 1 and 60 characters.');
  return { quantityMin: q.min, quantityMax: max, quantityUnit: unit, quantityAsOf: q.asOf ?? null };
}

function anchorColumns(anchor: TextQuoteAnchorInput | null): Partial<EvidenceEntity> {
  if (anchor === null) return { anchorPrefix: null, anchorExact: null, anchorSuffix: null };
  if (anchor.exact.trim() === '') {
    throw new BadInputError('anchor.exact', 'exact must not be blank.');
  }
  return {
    anchorPrefix: anchor.prefix || null,
    anchorExact: anchor.exact,
    anchorSuffix: anchor.suffix || null,
  };
}

/** A quoted piece of text for a message: whitespace collapsed, at most 80 characters. */
function shorten(text: string): string {
  const flat = normaliseText(text);
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** Claims whose contradiction flag one set of statements recomputes (see recomputeClaims). */
const RECOMPUTE_BATCH = 500;

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
  ) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<EvidenceEntity> {
    const item = await manager.findOneBy(EvidenceEntity, { id });
    if (!item) throw new NotFoundError('Evidence', id);
    return item;
  }

  async add(actor: Actor, input: AddEvidenceInput): Promise<EvidenceEntity> {
    const hasSourceId = input.sourceId !== undefined && input.sourceId !== null;
    const hasNewSource = input.newSource !== undefined && input.newSource !== null;
    if (hasSourceId === hasNewSource) {
      throw new BadInputError(
        'sourceId',
        hasSourceId
          ? 'Give either sourceId or newSource, not both.'
          : 'Give the source: either sourceId (from the registry) or newSource (created here).',
      );
    }
    const url = checkUrl('url', input.url.trim());
    const archiveUrl = blankToNull(input.archiveUrl);
    if (archiveUrl) checkUrl('archiveUrl', archiveUrl);
    const quantity = quantityColumns(input.quantity ?? null);
    const anchor = anchorColumns(input.anchor ?? null);

    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const claim = await this.claims.getForUpdate(input.claimId, manager);
      await this.claims.assertWorksOn(actor, claim.id, 'add evidence', manager);
      let sourceId: string;
      if (hasSourceId) {
        const source = await manager.findOneBy(SourceEntity, { id: input.sourceId as string });
        if (!source) throw new NotFoundError('Source', input.sourceId as string);
        sourceId = source.id;
      } else {
        const source = await this.sources
          .create(actor, input.newSource as NonNullable<AddEvidenceInput['newSource']>, manager)
          .catch((error: unknown) => {
            throw underNewSource(error);
          });
        sourceId = source.id;
      }
      if (input.derivedFromId) {
        await this.checkDerivation(manager, claim.id, null, input.derivedFromId);
      }
      const item = manager.create(EvidenceEntity, {
        claimId: claim.id,
        sourceId,
        url,
        title: blankToNull(input.title),
        excerpt: blankToNull(input.excerpt),
        publishedAt: input.publishedAt ?? null,
        retrievedAt: now,
        archiveUrl,
        stance: input.stance,
        credibility: input.credibility,
        note: blankToNull(input.note),
        derivedFromId: input.derivedFromId ?? null,
        ...quantity,
        ...anchor,
        retracted: false,
        retractionReason: null,
        addedById: actor.id,
        // Millisecond timestamps from here: SQLite's column default has whole seconds only.
        createdAt: now,
        updatedAt: now,
      });
      await manager.save(item);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: EVIDENCE_ENTITY_TYPE,
          entityId: item.id,
          action: 'evidence.added',
          after: evidenceAuditView(item),
        },
        manager,
      );
      await this.recomputeClaim(claim.id, manager);
      return item;
    });
  }

  async update(actor: Actor, input: UpdateEvidenceInput): Promise<EvidenceEntity> {
    for (const field of ['url', 'stance', 'credibility'] as const) {
      if (input[field] === null) {
        throw new BadInputError(field, `${field} cannot be cleared; leave it out to keep it.`);
      }
    }
    const changes: Partial<EvidenceEntity> = {};
    if (input.url !== undefined && input.url !== null)
      changes.url = checkUrl('url', input.url.trim());
    if (input.archiveUrl !== undefined) {
      const archiveUrl = blankToNull(input.archiveUrl);
      if (archiveUrl) checkUrl('archiveUrl', archiveUrl);
      changes.archiveUrl = archiveUrl;
    }
    if (input.title !== undefined) changes.title = blankToNull(input.title);
    if (input.excerpt !== undefined) changes.excerpt = blankToNull(input.excerpt);
    if (input.note !== undefined) changes.note = blankToNull(input.note);
    if (input.publishedAt !== undefined) changes.publishedAt = input.publishedAt ?? null;
    if (input.stance !== undefined && input.stance !== null) changes.stance = input.stance;
    if (input.credibility !== undefined && input.credibility !== null)
      changes.credibility = input.credibility;
    if (input.derivedFromId !== undefined) changes.derivedFromId = input.derivedFromId ?? null;
    if (input.quantity !== undefined) Object.assign(changes, quantityColumns(input.quantity));
    if (input.anchor !== undefined) Object.assign(changes, anchorColumns(input.anchor));

    return this.dataSource.transaction(async (manager) => {
      const item = await this.writable(actor, input.evidenceId, manager);
      await this.assertVersion(manager, item, input.expectedVersion);
      await this.checkAnchorInCapture(manager, item, changes);
      if (changes.derivedFromId) {
        await this.checkDerivation(manager, item.claimId, item.id, changes.derivedFromId);
      }
      const before = evidenceAuditView(item);
      const next = Object.assign(new EvidenceEntity(), item, changes);
      next.version = item.version + 1;
      const changed = diff(before, evidenceAuditView(next));
      if (!changed) return item;
      await this.conditionalUpdate(manager, item, changes);
      const saved = await this.get(item.id, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: EVIDENCE_ENTITY_TYPE,
          entityId: item.id,
          action: 'evidence.updated',
          before: changed.before,
          after: changed.after,
        },
        manager,
      );
      await this.recomputeClaim(item.claimId, manager);
      return saved;
    });
  }

  async retract(actor: Actor, input: RetractEvidenceInput): Promise<EvidenceEntity> {
    const reason = input.reason.trim();
    if (!reason) throw new BadInputError('reason', 'Give the reason for retracting.');
    return this.dataSource.transaction(async (manager) => {
      const item = await this.writable(actor, input.evidenceId, manager);
      await this.assertVersion(manager, item, input.expectedVersion);
      await this.conditionalUpdate(manager, item, { retracted: true, retractionReason: reason });
      const saved = await this.get(item.id, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: EVIDENCE_ENTITY_TYPE,
          entityId: item.id,
          action: 'evidence.retracted',
          before: { retracted: false, retractionReason: null, version: item.version },
          after: {
            retracted: true,
            retractionReason: reason,
            claimId: item.claimId,
            version: saved.version,
          },
          reason,
        },
        manager,
      );
      await this.recomputeClaim(item.claimId, manager);
      return saved;
    });
  }

  /**
   * Recomputes the claim's corroboration from all its evidence and stores whether strong evidence
   * contradicts (the CONTRADICTION warning), for the queue filter. Call inside the write's
   * transaction. The claim's version is left alone: this is derived data, not an edit of the claim.
   * Returns the new flag.
   */
  async recomputeClaim(claimId: string, manager: EntityManager): Promise<boolean> {
    const [hasContradiction] = await this.contradictionsOf([claimId], manager);
    await this.claims.setHasContradiction(claimId, hasContradiction, manager);
    return hasContradiction;
  }

  /**
   * `recomputeClaim` for many claims (a regraded source's), in batches: one statement reads the
   * evidence of a batch, one its sources, one the stored flags, and only the claims whose flag
   * changes are written (at most two statements), instead of three statements per claim.
   */
  async recomputeClaims(claimIds: readonly string[], manager: EntityManager): Promise<void> {
    for (let at = 0; at < claimIds.length; at += RECOMPUTE_BATCH) {
      const batch = claimIds.slice(at, at + RECOMPUTE_BATCH);
      const [flags, stored] = await Promise.all([
        this.contradictionsOf(batch, manager),
        this.claims.hasContradictionOf(batch, manager),
      ]);
      const on: string[] = [];
      const off: string[] = [];
      batch.forEach((id, i) => {
        if (stored.get(id) !== flags[i]) (flags[i] ? on : off).push(id);
      });
      await this.claims.setHasContradictionOf(on, off, manager);
    }
  }

  /** Whether strong evidence contradicts on each claim, in the order given. */
  private async contradictionsOf(
    claimIds: readonly string[],
    manager: EntityManager,
  ): Promise<boolean[]> {
    const evidence = await manager.find(EvidenceEntity, {
      where: { claimId: In([...claimIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const sourceIds = [...new Set(evidence.map((e) => e.sourceId))];
    const sources = sourceIds.length
      ? await manager.findBy(SourceEntity, { id: In(sourceIds) })
      : [];
    const sourcesById = new Map(sources.map((s) => [s.id, s]));
    const byClaim = new Map<string, EvidenceEntity[]>();
    for (const item of evidence) {
      const items = byClaim.get(item.claimId);
      if (items) items.push(item);
      else byClaim.set(item.claimId, [item]);
    }
    return claimIds.map((id) =>
      corroborationOf(byClaim.get(id) ?? [], sourcesById).warnings.some(
        (w) => w.code === 'CONTRADICTION',
      ),
    );
  }

  /** Loads an item for writing: it exists, its claim is not locked, it is not retracted, and the caller may edit it. */
  private async writable(
    actor: Actor,
    id: string,
    manager: EntityManager,
  ): Promise<EvidenceEntity> {
    const item = await this.get(id, manager);
    await this.claims.getForUpdate(item.claimId, manager);
    await this.claims.assertWorksOn(actor, item.claimId, 'change evidence', manager);
    if (actor.role === 'REVIEWER' && item.addedById !== actor.id) {
      throw new ForbiddenError(
        'Only the reviewer who added this evidence, an editor or an admin may change it.',
      );
    }
    if (item.retracted) {
      throw new ConflictError(
        'This evidence item is retracted; a retracted item cannot be changed. Add a new item instead.',
        { currentVersion: item.version, changedFields: [] },
      );
    }
    return item;
  }

  private async assertVersion(
    manager: EntityManager,
    item: EvidenceEntity,
    expectedVersion: number,
  ): Promise<void> {
    if (item.version === expectedVersion) return;
    throw await this.staleError(manager, item.id, expectedVersion, item.version);
  }

  /** UPDATE … WHERE version = expected: a write that lost a race changes nothing and is refused. */
  private async conditionalUpdate(
    manager: EntityManager,
    item: EvidenceEntity,
    changes: Partial<EvidenceEntity>,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(EvidenceEntity)
      .set({ ...changes, updatedAt: new Date() })
      .where('id = :id AND version = :version', { id: item.id, version: item.version })
      .execute();
    if (result.affected === 0) {
      const current = await this.get(item.id, manager);
      throw await this.staleError(manager, item.id, item.version, current.version);
    }
  }

  /** A CONFLICT naming the fields changed since `expectedVersion` (read from the audit log). */
  private async staleError(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    currentVersion: number,
  ): Promise<ConflictError> {
    const events = await manager.find(AuditEventEntity, {
      where: { entityType: EVIDENCE_ENTITY_TYPE, entityId: id },
      order: { id: 'ASC' },
    });
    const changed = new Set<string>();
    for (const event of events) {
      const version = Number(event.after?.['version']);
      if (!(version > expectedVersion)) continue;
      for (const key of Object.keys(event.after ?? {})) {
        if (key !== 'version' && key !== 'claimId') changed.add(key);
      }
    }
    const changedFields = [...changed];
    return new ConflictError(
      `This evidence item was changed by someone else since version ${expectedVersion} ` +
        `(now version ${currentVersion}${changedFields.length ? `; changed: ${changedFields.join(', ')}` : ''}). ` +
        'Reload it and apply your change again.',
      { currentVersion, changedFields },
    );
  }

  /**
   * derivedFromId must name another item of the same claim, and (on update) following the chain
   * up from it must not come back to this item.
   */
  /**
   * A new or changed anchor must be found in the text of the item's newest capture, when there is
   * one with text (BAD_USER_INPUT naming the part of the anchor that does not match). Without a
   * capture, or with one that has no text (an image), the anchor is kept and its status says so.
   */
  private async checkAnchorInCapture(
    manager: EntityManager,
    item: EvidenceEntity,
    changes: Partial<EvidenceEntity>,
  ): Promise<void> {
    const exact = changes.anchorExact;
    if (exact === undefined || exact === null) return;
    const quote = {
      prefix: changes.anchorPrefix ?? null,
      exact,
      suffix: changes.anchorSuffix ?? null,
    };
    if (
      quote.prefix === item.anchorPrefix &&
      quote.exact === item.anchorExact &&
      quote.suffix === item.anchorSuffix
    ) {
      return;
    }
    // The captures table belongs to the captures library, which builds on this one.
    const latest = await manager
      .createQueryBuilder()
      .select('c.version', 'version')
      .addSelect('c.extractedText', 'text')
      .from('captures', 'c')
      .where('c.evidenceId = :id', { id: item.id })
      .orderBy('c.version', 'DESC')
      .limit(1)
      .getRawOne<{ version: number; text: string | null }>();
    if (!latest || latest.text === null || quoteFound(latest.text, quote)) return;
    const capture = `the text of capture version ${latest.version}`;
    if (!quoteFound(latest.text, { prefix: null, exact, suffix: null })) {
      throw new BadInputError(
        'anchor.exact',
        `The exact text "${shorten(exact)}" is not in ${capture}; quote it as it appears there.`,
      );
    }
    if (quote.prefix && !quoteFound(latest.text, { ...quote, suffix: null })) {
      throw new BadInputError(
        'anchor.prefix',
        `The text before (prefix) "${shorten(quote.prefix)}" does not come right before the exact text in ${capture}.`,
      );
    }
    throw new BadInputError(
      'anchor.suffix',
      `The text after (suffix) "${shorten(quote.suffix ?? '')}" does not come right after the exact text in ${capture}.`,
    );
  }

  private async checkDerivation(
    manager: EntityManager,
    claimId: string,
    selfId: string | null,
    derivedFromId: string,
  ): Promise<void> {
    if (derivedFromId === selfId) {
      throw new BadInputError('derivedFromId', 'An evidence item cannot be derived from itself.');
    }
    const parent = await manager.findOneBy(EvidenceEntity, { id: derivedFromId });
    if (!parent) {
      throw new BadInputError(
        'derivedFromId',
        `derivedFromId names evidence ${JSON.stringify(derivedFromId)}, which does not exist.`,
      );
    }
    if (parent.claimId !== claimId) {
      throw new BadInputError(
        'derivedFromId',
        'derivedFromId must name evidence of the same claim; that item belongs to another claim.',
      );
    }
    if (selfId === null) return;
    const all = await manager.find(EvidenceEntity, {
      where: { claimId },
      select: { id: true, derivedFromId: true },
    });
    const parentOf = new Map(all.map((e) => [e.id, e.derivedFromId]));
    const seen = new Set<string>();
    let current: string | null | undefined = derivedFromId;
    while (current && !seen.has(current)) {
      if (current === selfId) {
        throw new BadInputError(
          'derivedFromId',
          'That derivation would make a cycle: the chosen item already derives (directly or indirectly) from this one.',
        );
      }
      seen.add(current);
      current = parentOf.get(current);
    }
  }
}
