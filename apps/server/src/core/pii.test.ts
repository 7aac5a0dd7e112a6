import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRET_KEY_FILE, createPii, loadPiiKeys, parsePreviousKeys } from './pii.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-pii-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ID = '11010519491231002X';

describe('PII encryption', () => {
  const pii = createPii(loadPiiKeys({ secretKey: 'current secret', dataDir: tmp }));

  it('round-trips text, with a fresh IV every time', () => {
    const a = pii.encrypt(ID);
    const b = pii.encrypt(ID);
    expect(pii.decrypt(a)).toBe(ID);
    expect(pii.decrypt(pii.encrypt('张三 13812345678'))).toBe('张三 13812345678');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain(ID);
  });

  it('refuses a tampered ciphertext', () => {
    const buf = pii.encrypt(ID);
    for (const at of [buf.length - 1, 10, 25]) {
      const bad = Buffer.from(buf);
      bad[at]! ^= 1;
      expect(() => pii.decrypt(bad)).toThrow();
    }
    expect(() => pii.decrypt(Buffer.from([9, 1, 2]))).toThrow(/format/);
  });

  it('decrypts with a previous key after rotation and encrypts with the new one', () => {
    const old = createPii(loadPiiKeys({ secretKey: 'old secret', dataDir: tmp }));
    const written = old.encrypt(ID);
    const rotated = createPii(loadPiiKeys({ secretKey: 'new secret', previousKeys: parsePreviousKeys(' old secret , '), dataDir: tmp }));
    expect(rotated.decrypt(written)).toBe(ID);
    expect(() => old.decrypt(rotated.encrypt(ID))).toThrow(/no key/);
    expect(() => pii.decrypt(written)).toThrow(/no key/);
  });

  it('generates a key file once (mode 0600) and reuses it', () => {
    const dir = path.join(tmp, 'data');
    const first = createPii(loadPiiKeys({ dataDir: dir }));
    const file = path.join(dir, SECRET_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const content = fs.readFileSync(file, 'utf8');
    const second = createPii(loadPiiKeys({ dataDir: dir }));
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(second.decrypt(first.encrypt(ID))).toBe(ID);
    expect(second.lookupHash(ID)).toBe(first.lookupHash(ID));
  });

  it('hashes deterministically on the normalised value, differently per key', () => {
    const other = createPii(loadPiiKeys({ secretKey: 'another secret', dataDir: tmp }));
    expect(pii.lookupHash(ID)).toBe(pii.lookupHash(' 110105-19491231002x '));
    expect(pii.lookupHash('１３８１２３４５６７８')).toBe(pii.lookupHash('138 1234 5678'));
    expect(pii.lookupHash(ID)).toMatch(/^[\w-]{43}$/);
    expect(pii.lookupHash(ID)).not.toBe(pii.lookupHash('110105194912310021'));
    expect(other.lookupHash(ID)).not.toBe(pii.lookupHash(ID));
  });
});
