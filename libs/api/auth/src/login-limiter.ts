import { Logger } from '@nestjs/common';
import type { Redis, RedisOptions } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { TooManyRequestsError } from '@corroborate/api-core';

export interface LoginLimits {
  maxFailures: number;
  windowSeconds: number;
  blockSeconds: number;
}

/** Where the counts are kept when several API instances share them. */
export interface SharedLoginCounts {
  redisUrl: string;
  /** Prefix of the Redis keys, so installations sharing one Redis keep their own counts. */
  keyPrefix: string;
}

/**
 * A Redis command without an answer after this long goes to this instance's own counts: sign-in
 * must not hang on a network that stops carrying packets.
 */
const REDIS_COMMAND_TIMEOUT_MS = 1_000;

interface Limiters {
  perAccount: RateLimiterAbstract;
  perAddress: RateLimiterAbstract;
}

const logger = new Logger('LoginLimiter');

/**
 * Counts failed sign-ins per email+address and per address. Once either runs out, sign-in is
 * refused (even with the right password) until the block ends. A success clears the email's count.
 *
 * With Redis (REDIS_URL) the counts live there, so every API instance behind a load balancer
 * counts the same failures: without it, an attacker whose attempts are spread over N instances
 * gets N times the allowance. While Redis cannot be reached, each instance counts on its own
 * (rate-limiter-flexible's insurance limiter), with a warning logged once per outage.
 */
export class LoginLimiter {
  private readonly limiters: Promise<Limiters>;
  private redis: Redis | undefined;

  constructor(
    private readonly limits: LoginLimits,
    shared?: SharedLoginCounts,
  ) {
    this.limiters = shared
      ? this.inRedis(shared).catch((error: unknown) => {
          logger.warn(
            `Could not set up shared sign-in counts, counting on this instance: ${String(error)}`,
          );
          return this.inMemory();
        })
      : Promise.resolve(this.inMemory());
  }

  private settings(keyPrefix: string) {
    return {
      keyPrefix,
      duration: this.limits.windowSeconds,
      blockDuration: this.limits.blockSeconds,
    };
  }

  private inMemory(prefix = ''): Limiters {
    return {
      perAccount: new RateLimiterMemory({
        ...this.settings(`${prefix}login-account`),
        points: this.limits.maxFailures,
      }),
      perAddress: new RateLimiterMemory({
        ...this.settings(`${prefix}login-address`),
        points: this.limits.maxFailures * 20,
      }),
    };
  }

  private async inRedis({ redisUrl, keyPrefix }: SharedLoginCounts): Promise<Limiters> {
    // Loaded only when configured (the client is a noticeable share of start-up).
    const { default: IORedis } = await import('ioredis');
    const options: RedisOptions = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
    };
    const redis = new IORedis(redisUrl, options);
    this.redis = redis;
    let down = false;
    redis.on('error', (error: Error) => {
      if (!down)
        logger.warn(
          `Redis unavailable, sign-in throttling counts on this instance only: ${error.message}`,
        );
      down = true;
    });
    redis.on('ready', () => {
      if (down) logger.log('Redis reachable again; sign-in throttling counts are shared again.');
      down = false;
    });
    const insurance = this.inMemory(keyPrefix);
    const store = (limiter: 'perAccount' | 'perAddress', name: string, points: number) =>
      new RateLimiterRedis({
        ...this.settings(`${keyPrefix}${name}`),
        points,
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: insurance[limiter],
      });
    return {
      perAccount: store('perAccount', 'login-account', this.limits.maxFailures),
      perAddress: store('perAddress', 'login-address', this.limits.maxFailures * 20),
    };
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const { perAccount, perAddress } = await this.limiters;
    const [account, ip] = await Promise.all([
      perAccount.get(`${email}|${address}`),
      perAddress.get(address),
    ]);
    const blocked = [account, ip].filter(
      (res): res is RateLimiterRes =>
        res !== null && res.remainingPoints <= 0 && res.msBeforeNext > 0,
    );
    if (blocked.length > 0) {
      const wait = Math.max(...blocked.map((r) => r.msBeforeNext));
      throw tooMany(wait);
    }
  }

  /**
   * Counts a failed sign-in against the account (from this address) and the address. Returns
   * what this very failure blocked — `account`, `address`, both or neither — so the block's start
   * can be audited once, not every refused attempt during it.
   */
  async recordFailure(email: string, address: string): Promise<('account' | 'address')[]> {
    const { perAccount, perAddress } = await this.limiters;
    const [account, ip] = await Promise.all([
      this.countFailure(perAccount, `${email}|${address}`),
      this.countFailure(perAddress, address),
    ]);
    return [...(account ? ['account' as const] : []), ...(ip ? ['address' as const] : [])];
  }

  /**
   * Counts one failure; the one that uses up the allowance starts the block at once, so sign-in
   * stays refused for the whole block duration (not only until the counting window ends).
   * Returns whether this failure started the block.
   */
  private async countFailure(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
    try {
      const res = await limiter.consume(key);
      if (res.remainingPoints > 0) return false;
      await limiter.block(key, this.limits.blockSeconds);
      return true;
    } catch (error) {
      // Already over the allowance: consume() rejected and the limiter applied the block.
      if (!(error instanceof RateLimiterRes)) throw error;
      return false;
    }
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    const { perAccount } = await this.limiters;
    await perAccount.delete(`${email}|${address}`);
  }

  /** Closes the Redis connection, if any. */
  async close(): Promise<void> {
    await this.limiters;
    this.redis?.disconnect();
  }
}

function tooMany(ms: number): TooManyRequestsError {
  const seconds = Math.ceil(ms / 1000);
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new TooManyRequestsError(
    `Too many failed sign-in attempts. Try again in ${wait}, or ask an admin to reset your password.`,
    seconds,
  );
}
