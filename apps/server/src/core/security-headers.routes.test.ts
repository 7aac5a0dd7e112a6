import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { testPii, useTestApp } from '../testing/index.js';
import { PRIVATE_PROXIES } from './trust-proxy.js';
import { CONTENT_SECURITY_POLICY, HSTS } from './security-headers.js';

// a built web app in miniature: index.html naming one hashed script, big enough to be compressed, and a tiny one
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-web-'));
const script = `export const greeting = ${JSON.stringify('你好，邻里 '.repeat(400))};\n`;
fs.mkdirSync(path.join(webDir, 'assets'));
fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
fs.writeFileSync(path.join(webDir, 'assets/index-Ab12Cd34.js'), script);
fs.writeFileSync(path.join(webDir, 'assets/tiny-Zz99.css'), 'a{color:red}');
fs.writeFileSync(path.join(webDir, 'assets/.hidden'), 'not for anyone');

const h = useTestApp({ webDir });
let proxied: FastifyInstance;
beforeAll(async () => {
  proxied = await buildApp({ database: h.t, pii: testPii, trustProxy: PRIVATE_PROXIES });
});
afterAll(async () => {
  await proxied?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}, app = h.app) => app.inject({ method: 'GET', url, headers });

describe('security headers', () => {
  it('every kind of answer carries the CSP, nosniff, frame and referrer rules; none is HSTS over plain http', async () => {
    for (const url of [
      '/api/health',
      '/api/me',
      '/api/docs',
      '/api/openapi.json',
      '/open311/v2/requests.json',
      '/',
      '/assets/index-Ab12Cd34.js',
      '/no/such/page',
    ]) {
      const res = await get(url);
      expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });

  it('personal data is never cached: API and Open311 request answers say no-store', async () => {
    expect((await get('/api/me')).headers['cache-control']).toBe('no-store');
    expect((await get('/open311/v2/requests.json')).headers['cache-control']).toBe('no-store');
  });

  it('HSTS only over TLS: a trusted proxy saying https gets it, an untrusted client saying so does not', async () => {
    const viaProxy = await proxied.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
      remoteAddress: '10.1.2.3',
    });
    expect(viaProxy.headers['strict-transport-security']).toBe(HSTS);
    const spoofed = await proxied.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
      remoteAddress: '203.0.113.9',
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    expect((await get('/api/health', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('the web app delivery', () => {
  it('index.html (and every client-side route) is revalidated at each visit, never kept', async () => {
    for (const url of ['/', '/index.html', '/orders/desk']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('hashed assets: brotli or gzip as the browser accepts, cached immutably, revalidated by ETag', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'accept-encoding',
      'content-type': 'text/javascript; charset=utf-8',
    });
    expect(br.rawPayload.length).toBeLessThan(script.length / 5);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip;q=1.0, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    const again = await get('/assets/index-Ab12Cd34.js', { 'if-none-match': String(br.headers.etag), 'accept-encoding': 'br' });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('tiny assets go as they are; missing or sneaky names are not served', async () => {
    const tiny = await get('/assets/tiny-Zz99.css', { 'accept-encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(tiny.body).toBe('a{color:red}');
    for (const url of ['/assets/nope-1234.js', '/assets/..%2Findex.html']) expect((await get(url)).statusCode, url).toBe(404);
    // a dot file is never served (an extension-less path gets the single-page app instead)
    expect((await get('/assets/.hidden')).body).not.toContain('not for anyone');
  });
});
