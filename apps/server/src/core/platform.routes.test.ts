import { ErrorBody } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/index.js';

const ctx = useTestApp();

describe('platform endpoints', () => {
  it('reports health with the database up', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('serves Prometheus metrics with request durations', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const res = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/linli_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(res.body).toContain('linli_db_pool_connections');
  });

  it('documents every API route in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const missing: string[] = [];
    expect(ctx.app.routeList.length).toBeGreaterThan(5);
    for (const r of ctx.app.routeList) {
      if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs') || r.url === '/api/openapi.json') continue;
      const oaPath = r.url.replace(/:(\w+)/g, '{$1}');
      for (const m of r.methods) if (m !== 'HEAD' && !documented.has(`${m} ${oaPath}`)) missing.push(`${m} ${r.url}`);
    }
    expect(missing).toEqual([]);
    expect(documented.has('POST /api/auth/login')).toBe(true);
  });

  it('serves browsable API docs', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers an unknown route with the error shape and a request id', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'abc-123' } });
    expect(res.statusCode).toBe(404);
    expect(ErrorBody.parse(res.json()).error.details?.requestId).toBe('abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('answers 401 UNAUTHENTICATED without a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(ErrorBody.parse(res.json()).error.code).toBe('UNAUTHENTICATED');
  });
});
