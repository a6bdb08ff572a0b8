import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '@corroborate/api-core';

export interface LoginLimits {
  maxFailures: number;
  windowSeconds: number;
  blockSeconds: number;
}

/**
 * Counts failed sign-ins per email+address and per address. Once either runs out, sign-in is
 * refused (even with the right password) until the block ends. A success clears the email's count.
 */
export class LoginLimiter {
  private readonly perAccount: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(private readonly limits: LoginLimits) {
    this.perAccount = new RateLimiterMemory({
      keyPrefix: 'login-account',
      points: limits.maxFailures,
      duration: limits.windowSeconds,
      blockDuration: limits.blockSeconds,
    });
    this.perAddress = new RateLimiterMemory({
      keyPrefix: 'login-address',
      points: limits.maxFailures * 20,
      duration: limits.windowSeconds,
      blockDuration: limits.blockSeconds,
    });
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, ip] = await Promise.all([
      this.perAccount.get(`${email}|${address}`),
      this.perAddress.get(address),
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

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.countFailure(this.perAccount, `${email}|${address}`),
      this.countFailure(this.perAddress, address),
    ]);
  }

  /**
   * Counts one failure; the one that uses up the allowance starts the block at once, so sign-in
   * stays refused for the whole block duration (not only until the counting window ends).
   */
  private async countFailure(limiter: RateLimiterMemory, key: string): Promise<void> {
    try {
      const res = await limiter.consume(key);
      if (res.remainingPoints <= 0) await limiter.block(key, this.limits.blockSeconds);
    } catch {
      // Already over the allowance: consume() rejected and the limiter applied the block.
    }
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    await this.perAccount.delete(`${email}|${address}`);
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
