import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults are argon2id, m=19456 KiB, t=2, p=1 (the OWASP recommendation).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

/** Verifies; for an unknown user it still spends one verification so timing does not tell. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash('linli-dummy-password-for-timing');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
