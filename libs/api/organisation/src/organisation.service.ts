import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import { type Actor, BadInputError, ConflictError } from '@corroborate/api-core';
import { type ExportOrganisation } from '@corroborate/domain';
import { type UpdateOrganisationInput } from './dto/organisation.inputs';
import { type OrganisationType } from './dto/organisation.type';
import { OrganisationEntity } from './organisation.entity';

const ROW_ID = 1;

/** What the settings are before an admin saves them. */
export const DEFAULT_ORGANISATION_NAME = 'Corroborate';

function view(o: OrganisationType): Record<string, unknown> {
  return { name: o.name, url: o.url, logoUrl: o.logoUrl, license: o.license };
}

@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<OrganisationType> {
    const row = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id: ROW_ID });
    return (
      row ?? {
        name: DEFAULT_ORGANISATION_NAME,
        url: null,
        logoUrl: null,
        license: null,
        version: 0,
        updatedAt: null,
      }
    );
  }

  /** The organisation as exports name it. */
  async forExport(): Promise<ExportOrganisation> {
    const o = await this.get();
    return { name: o.name, url: o.url, logoUrl: o.logoUrl, license: o.license };
  }

  async update(actor: Actor, input: UpdateOrganisationInput): Promise<OrganisationType> {
    const name = input.name.replace(/\s+/g, ' ').trim();
    if (!name) throw new BadInputError('name', 'name must not be blank.');
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(OrganisationEntity, { id: ROW_ID });
      const current = existing ?? (await this.get());
      if (current.version !== input.expectedVersion) {
        throw new ConflictError(
          `The organisation settings were changed by someone else (version ${current.version}, you sent ${input.expectedVersion}); reload and try again.`,
          { field: 'expectedVersion', currentVersion: current.version, changedFields: [] },
        );
      }
      const before = view(current);
      const row = existing ?? manager.create(OrganisationEntity, { id: ROW_ID });
      row.name = name;
      row.url = input.url || null;
      row.logoUrl = input.logoUrl || null;
      row.license = input.license || null;
      row.updatedById = actor.id;
      const after = view(row as OrganisationType);
      if (existing && JSON.stringify(before) === JSON.stringify(after)) return existing;
      const saved = await manager.save(row);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: 'Organisation',
          entityId: 'organisation',
          action: 'organisation.updated',
          before: existing ? before : null,
          after,
        },
        manager,
      );
      return saved;
    });
  }
}
