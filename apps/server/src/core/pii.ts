import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One key generation: the encryption key, the lookup-hash key, and the id stored beside each ciphertext. */
export type PiiKey = { id: Buffer; encKey: Buffer; hashKey: Buffer };
export type PiiKeys = { current: PiiKey; previous: PiiKey[] };

export type Pii = {
  encrypt(text: string): Buffer;
  decrypt(buf: Buffer): string;
  /** Keyed hash of the normalised value, for exact lookup without decrypting. */
  lookupHash(text: string): string;
};

const VERSION = 1;
const KEY_ID_LEN = 4;
const IV_LEN = 12;
const TAG_LEN = 16;
const HEADER_LEN = 1 + KEY_ID_LEN + IV_LEN + TAG_LEN;
const SALT = Buffer.from('linli-pii-v1');
export const SECRET_KEY_FILE = 'secret.key';

function derive(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), SALT, info, 32));
}

/** Derives both keys of one secret; the key id is the first 4 bytes of SHA-256 of the encryption key. */
export function derivePiiKey(secret: string): PiiKey {
  const encKey = derive(secret, 'linli pii encryption');
  const hashKey = derive(secret, 'linli pii lookup hash');
  return { id: createHash('sha256').update(encKey).digest().subarray(0, KEY_ID_LEN), encKey, hashKey };
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes starting together keep the first key.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (!secret) throw new Error(`${file} is empty: restore it from a backup or set LINLI_SECRET_KEY`);
  return secret;
}

/**
 * The keys from LINLI_SECRET_KEY (any string) or, without it, from `<dataDir>/secret.key`, generated once.
 * Old secrets (LINLI_SECRET_KEY_PREVIOUS) still decrypt rows written before a rotation.
 */
export function loadPiiKeys(opts: { secretKey?: string; previousKeys?: string[]; dataDir: string }): PiiKeys {
  const secret = opts.secretKey?.trim() || readOrCreateSecret(opts.dataDir);
  const previous = (opts.previousKeys ?? []).map((k) => k.trim()).filter(Boolean);
  return { current: derivePiiKey(secret), previous: previous.map(derivePiiKey) };
}

/** Splits LINLI_SECRET_KEY_PREVIOUS (comma-separated). */
export function parsePreviousKeys(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Full-width digits and letters become ASCII, spaces and dashes go, letters are upper-cased (x → X). */
export function normalisePii(text: string): string {
  return text.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export function createPii(keys: PiiKeys): Pii {
  const all = [keys.current, ...keys.previous];
  return {
    encrypt(text) {
      const iv = randomBytes(IV_LEN);
      const cipher = createCipheriv('aes-256-gcm', keys.current.encKey, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), keys.current.id, iv, cipher.getAuthTag(), body]);
    },
    decrypt(buf) {
      if (buf.length < HEADER_LEN || buf[0] !== VERSION) throw new Error('PII ciphertext: unknown format');
      const id = buf.subarray(1, 1 + KEY_ID_LEN);
      const key = all.find((k) => k.id.equals(id));
      if (!key) throw new Error(`PII ciphertext: no key with id ${id.toString('hex')} (set LINLI_SECRET_KEY_PREVIOUS)`);
      const iv = buf.subarray(1 + KEY_ID_LEN, 1 + KEY_ID_LEN + IV_LEN);
      const decipher = createDecipheriv('aes-256-gcm', key.encKey, iv);
      decipher.setAuthTag(buf.subarray(1 + KEY_ID_LEN + IV_LEN, HEADER_LEN));
      return Buffer.concat([decipher.update(buf.subarray(HEADER_LEN)), decipher.final()]).toString('utf8');
    },
    // Keyed by the CURRENT key only: after rotating the secret, existing hashes must be
    // recomputed (decrypt with the old key, re-hash) or lookups by value stop matching.
    lookupHash(text) {
      return createHmac('sha256', keys.current.hashKey).update(normalisePii(text), 'utf8').digest('base64url');
    },
  };
}
