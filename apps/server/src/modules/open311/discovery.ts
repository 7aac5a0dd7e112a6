import type { FastifyRequest } from 'fastify';
import type { O311Discovery } from './wire.js';

/** When this API's behaviour last changed; clients compare it to know whether to re-read discovery. */
export const CHANGESET = '2026-12-07T00:00:00+08:00';

/**
 * Both endpoints point at this server: a Linli installation is its own test bed (the demo street and its key), so
 * the test entry tells clients where to try requests, and a separate staging server would simply list itself.
 */
export function discoveryOf(req: FastifyRequest): O311Discovery {
  const url = `${req.protocol}://${req.host}/open311/v2`;
  const endpoint = (type: 'production' | 'test') => ({
    specification: 'http://wiki.open311.org/GeoReport_v2',
    url,
    changeset: CHANGESET,
    type,
    formats: ['text/xml', 'application/json'],
  });
  return {
    changeset: CHANGESET,
    contact: '请联系所在街道的 e 服务超市管理员（Linli 控制台 → 集成 → Open311）',
    key_service: '街道管理员在 Linli 控制台「集成 → Open311」中为社区签发 API 密钥',
    endpoints: [endpoint('production'), endpoint('test')],
  };
}
