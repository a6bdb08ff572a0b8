import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@corroborate/api-core';

/** How long readiness waits for the database before it says "down". */
const HEALTH_TIMEOUT_MS = 5_000;

/**
 * Liveness and readiness: 200 when the database answers, 503 when it does not — within
 * HEALTH_TIMEOUT_MS, so a database that stops answering (a network partition) shows as down
 * at once rather than when the statement finally fails.
 */
@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    try {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer')), HEALTH_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      res.status(HttpStatus.OK).json({ status: 'ok', database: 'up' });
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'unavailable', database: 'down' });
    }
  }
}
