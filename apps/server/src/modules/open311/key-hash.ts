import { createHash, randomBytes } from 'node:crypto';

/** Only this hash of an Open311 API key is stored; the prefix is shown in the console to tell keys apart. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, 8);
}

/** What is stored of a key issued to a community: its hash and prefix, and the community's scope ids. */
export function storedKeyFields(key: string, community: { id: string; districtId: string | null; streetId: string | null }) {
  return {
    keyHash: hashApiKey(key),
    prefix: apiKeyPrefix(key),
    districtId: community.districtId!,
    streetId: community.streetId!,
    communityId: community.id,
  };
}

/** A new random key: `o311_` + 32 url-safe characters. */
export function newApiKey(): string {
  return `o311_${randomBytes(24).toString('base64url')}`;
}
