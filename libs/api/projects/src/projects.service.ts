import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import { type Actor, BadInputError, ConflictError, NotFoundError } from '@corroborate/api-core';
import { ProjectEntity } from './project.entity';

export interface NewProject {
  name: string;
  description?: string | null;
  requiredReviews?: number | null;
}

export interface ProjectChanges {
  name?: string | null;
  description?: string | null;
  requiredReviews?: number | null;
}

function auditView(p: ProjectEntity): Record<string, unknown> {
  return { name: p.name, description: p.description, requiredReviews: p.requiredReviews };
}

function cleanName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new BadInputError('name', 'Project name must not be blank.');
  return trimmed;
}

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ProjectEntity[]> {
    return this.dataSource.getRepository(ProjectEntity).find({ order: { name: 'ASC' } });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectEntity> {
    const project = await manager.findOneBy(ProjectEntity, { id });
    if (!project) throw new NotFoundError('Project', id);
    return project;
  }

  findByName(name: string): Promise<ProjectEntity | null> {
    return this.dataSource
      .getRepository(ProjectEntity)
      .findOneBy({ nameKey: cleanName(name).toLowerCase() });
  }

  /** `actor` is null when the CLI or the demo seed creates the project. */
  async create(actor: Actor | null, input: NewProject): Promise<ProjectEntity> {
    const name = cleanName(input.name);
    return this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(manager, name, null);
      const project = manager.create(ProjectEntity, {
        name,
        nameKey: name.toLowerCase(),
        description: input.description?.trim() || null,
        requiredReviews: input.requiredReviews ?? 2,
        createdById: actor?.id ?? null,
      });
      await manager.save(project);
      await this.audit.record(
        {
          actorId: actor?.id ?? null,
          entityType: 'Project',
          entityId: project.id,
          action: 'project.created',
          after: auditView(project),
        },
        manager,
      );
      return project;
    });
  }

  async update(actor: Actor, id: string, changes: ProjectChanges): Promise<ProjectEntity> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.get(id, manager);
      const before = auditView(project);
      if (changes.name !== undefined && changes.name !== null) {
        const name = cleanName(changes.name);
        await this.assertNameFree(manager, name, project.id);
        project.name = name;
        project.nameKey = name.toLowerCase();
      }
      if (changes.description !== undefined)
        project.description = changes.description?.trim() || null;
      if (changes.requiredReviews !== undefined && changes.requiredReviews !== null) {
        project.requiredReviews = changes.requiredReviews;
      }
      const after = auditView(project);
      if (JSON.stringify(before) === JSON.stringify(after)) return project;
      await manager.save(project);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: 'Project',
          entityId: project.id,
          action: before['name'] !== after['name'] ? 'project.renamed' : 'project.updated',
          before,
          after,
        },
        manager,
      );
      return project;
    });
  }

  private async assertNameFree(manager: EntityManager, name: string, exceptId: string | null) {
    const existing = await manager.findOneBy(ProjectEntity, { nameKey: name.toLowerCase() });
    if (existing && existing.id !== exceptId) {
      throw new ConflictError(`A project named "${existing.name}" already exists.`, {
        field: 'name',
      });
    }
  }
}
