import { type Text, text } from '@linli/contracts';

/** Messages of the console's key management (GeoReport v2 itself answers in its own, fixed English texts). */
export const OPEN311_MESSAGES = {
  keyRevoked: () => text('该密钥已停用', 'The key is already revoked'),
} satisfies Record<string, (...args: never[]) => Text>;
