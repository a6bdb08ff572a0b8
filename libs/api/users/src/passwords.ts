import { argon2id, hash, verify } from 'argon2';

/**
 * argon2id with the OWASP-recommended minimum parameters (19 MiB, 2 iterations, 1 lane); memory in
 * KiB. Raising them strengthens new hashes; stored ones keep their own and still verify.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown email is not revealed by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('corroborate-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
