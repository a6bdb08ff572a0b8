import { Logger } from '@nestjs/common';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TooManyRequestsError } from '@corroborate/api-core';
import { LoginLimiter } from './login-limiter';

const LIMITS = { maxFailures: 3, windowSeconds: 60, blockSeconds: 300 };
const EMAIL = 'rita@example.org';
const ADDRESS = '203.0.113.7';

async function refusal(limiter: LoginLimiter): Promise<TooManyRequestsError | null> {
  try {
    await limiter.assertAllowed(EMAIL, ADDRESS);
    return null;
  } catch (error) {
    if (error instanceof TooManyRequestsError) return error;
    throw error;
  }
}

// The limiter keeps time with Date.now() and timers; fake both instead of sleeping.
describe('LoginLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2021-01-17T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('blocks after the allowed failures, for the block duration, then lets the person in again', async () => {
    const limiter = new LoginLimiter(LIMITS);
    for (let i = 0; i < LIMITS.maxFailures - 1; i++)
      expect(await limiter.recordFailure(EMAIL, ADDRESS)).toEqual([]);
    expect(await refusal(limiter)).toBeNull();
    // The failure that uses up the allowance says it started the account's block; later ones
    // during the block do not (its start is audited once).
    expect(await limiter.recordFailure(EMAIL, ADDRESS)).toEqual(['account']);
    expect(await limiter.recordFailure(EMAIL, ADDRESS)).toEqual([]);

    const blocked = await refusal(limiter);
    expect(blocked?.message).toMatch(/Try again in 5 minutes/);
    expect(blocked?.details['retryAfterSeconds']).toBe(LIMITS.blockSeconds);

    await vi.advanceTimersByTimeAsync((LIMITS.blockSeconds - 10) * 1000);
    expect((await refusal(limiter))?.details['retryAfterSeconds']).toBe(10);

    await vi.advanceTimersByTimeAsync(11_000);
    expect(await refusal(limiter)).toBeNull();
  });

  it('forgets failures older than the window', async () => {
    const limiter = new LoginLimiter(LIMITS);
    for (let i = 0; i < LIMITS.maxFailures - 1; i++) await limiter.recordFailure(EMAIL, ADDRESS);
    await vi.advanceTimersByTimeAsync((LIMITS.windowSeconds + 1) * 1000);
    await limiter.recordFailure(EMAIL, ADDRESS);
    expect(await refusal(limiter)).toBeNull();
  });

  it('clears the count of an account on a successful sign-in', async () => {
    const limiter = new LoginLimiter(LIMITS);
    for (let i = 0; i < LIMITS.maxFailures - 1; i++) await limiter.recordFailure(EMAIL, ADDRESS);
    await limiter.recordSuccess(EMAIL, ADDRESS);
    for (let i = 0; i < LIMITS.maxFailures - 1; i++) await limiter.recordFailure(EMAIL, ADDRESS);
    expect(await refusal(limiter)).toBeNull();
  });

  it('counts per account and address: another address is not blocked by this one', async () => {
    const limiter = new LoginLimiter(LIMITS);
    for (let i = 0; i < LIMITS.maxFailures; i++) await limiter.recordFailure(EMAIL, ADDRESS);
    await expect(limiter.assertAllowed(EMAIL, '198.51.100.4')).resolves.toBeUndefined();
    expect(await refusal(limiter)).not.toBeNull();
  });
});

describe('LoginLimiter with its counts in an unreachable Redis', () => {
  it('counts on this instance meanwhile, blocks all the same, and says so in the log', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // Port 1 refuses connections: Redis is configured but down.
    const limiter = new LoginLimiter(LIMITS, {
      redisUrl: 'redis://127.0.0.1:1',
      keyPrefix: 'limiter-spec:',
    });
    try {
      for (let i = 0; i < LIMITS.maxFailures - 1; i++) await limiter.recordFailure(EMAIL, ADDRESS);
      expect(await refusal(limiter)).toBeNull();
      await limiter.recordFailure(EMAIL, ADDRESS);
      expect((await refusal(limiter))?.details['retryAfterSeconds']).toBe(LIMITS.blockSeconds);
      await vi.waitFor(() =>
        expect(warn.mock.calls.map((call) => String(call[0]))).toContainEqual(
          expect.stringMatching(/^Redis unavailable, sign-in throttling counts on this instance/),
        ),
      );
    } finally {
      warn.mockRestore();
      await limiter.close();
    }
  });
});
