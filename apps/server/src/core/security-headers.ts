import type { FastifyInstance } from 'fastify';
import { needsNoStore } from './request-log.js';

/**
 * One policy for the console, the portal and the API docs (measured in e2e/csp.spec.ts: no violation on any page).
 * Scripts only from our own origin, never inline nor eval. Styles allow 'unsafe-inline': Ant Design's CSS-in-JS
 * inserts <style> elements at run time and ECharts writes style attributes into its tooltips' HTML; a nonce would
 * cover the first but not the second, and injected CSS cannot run code (React escapes every text it renders).
 * Images may be data: (the inline favicon, Swagger UI's icons) and blob: (photo previews before upload).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: [string, string][] = Object.entries({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // ids of residents and orders travel in our paths: never tell another site where the user came from
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=(self), payment=(), usb=()',
});

/** A year, as browsers' preload lists expect; sent only on answers served over TLS (directly or, trusted, via a proxy). */
export const HSTS = 'max-age=31536000';

/**
 * The headers every answer gets, in one hook: its request id, `no-store` on API answers (needsNoStore), the security
 * headers a route did not set itself, and HSTS when the request came over https.
 */
export function installResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    if (needsNoStore(req.url)) reply.header('cache-control', 'no-store');
    for (const [name, value] of HEADERS) if (!reply.hasHeader(name)) reply.header(name, value);
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    done(null, payload);
  });
}
