import { Injectable, Logger } from '@nestjs/common';
import { ProjectsService } from '@corroborate/api-projects';
import { UsersService } from '@corroborate/api-users';
import { DEMO_PROJECT, DEMO_USERS } from './demo-data';

export interface DemoSeedResult {
  usersCreated: number;
  projectCreated: boolean;
}

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly users: UsersService,
    private readonly projects: ProjectsService,
  ) {}

  /** True when the database has no users at all: a first start. */
  async isEmpty(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  /** Adds whatever part of the demo is missing; running it twice changes nothing. */
  async seed(): Promise<DemoSeedResult> {
    let usersCreated = 0;
    for (const demoUser of DEMO_USERS) {
      if (await this.users.findByEmail(demoUser.email)) continue;
      await this.users.create(null, demoUser);
      usersCreated += 1;
    }
    let projectCreated = false;
    if (!(await this.projects.findByName(DEMO_PROJECT.name))) {
      await this.projects.create(null, DEMO_PROJECT);
      projectCreated = true;
    }
    this.logger.log(
      `Demo data: ${usersCreated} users and ${projectCreated ? 1 : 0} project added.`,
    );
    return { usersCreated, projectCreated };
  }

  /** Demo logins still present in this database, for the startup banner. */
  async presentDemoUsers(): Promise<typeof DEMO_USERS> {
    const present = [];
    for (const demoUser of DEMO_USERS) {
      const user = await this.users.findByEmail(demoUser.email);
      if (user?.active) present.push(demoUser);
    }
    return present;
  }
}
