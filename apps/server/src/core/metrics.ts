import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import { HEALTH_PARTS, partState } from './health.js';

/** Prometheus metrics at /metrics: process defaults, request durations by route, pool gauges. */
export function installMetrics(app: FastifyInstance, pool: { totalCount: number; idleCount: number; waitingCount: number }): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'linli_' });
  const duration = new client.Histogram({
    name: 'linli_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'linli_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new client.Gauge({
    name: 'linli_part_up',
    help: 'Background parts of this process: 1 up, 0 down (jobs failing, LISTEN connection lost); absent when not run here',
    labelNames: ['part'],
    registers: [registry],
    collect() {
      for (const part of HEALTH_PARTS) {
        const { state } = partState(part);
        if (state !== 'off') this.set({ part }, state === 'up' ? 1 : 0);
      }
    },
  });
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { tags: ['system'], summary: 'Prometheus metrics (text exposition format)' } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
