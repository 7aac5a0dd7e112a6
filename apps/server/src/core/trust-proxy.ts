/** What LINLI_TRUST_PROXY=true trusts: a reverse proxy on this host or on a private network. */
export const PRIVATE_PROXIES = 'loopback, linklocal, uniquelocal';

/**
 * LINLI_TRUST_PROXY → Fastify's `trustProxy`. Unset or `false`: the socket address is the client. `true`: a proxy on
 * this host or a private network (X-Forwarded-For is read back past those addresses to the first other one). Otherwise
 * a comma list of the proxies' addresses or CIDR ranges. Never "trust every hop": a client could then name any address
 * in X-Forwarded-For and walk past the per-address limits.
 */
export function parseTrustProxy(value: string | undefined): false | string {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  return v === 'true' || v === '1' ? PRIVATE_PROXIES : v;
}
