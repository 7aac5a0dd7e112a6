import type { MessageKey } from '../../app/i18n/translate';

export const OPEN311_BASE = '/open311/v2';

/** The GeoReport v2 endpoints as the page lists them (every one also as .xml). */
export const OPEN311_ENDPOINTS: readonly { method: 'GET' | 'POST'; path: string; labelKey: MessageKey }[] = [
  { method: 'GET', path: '/discovery.json', labelKey: 'open311.endpoint.discovery' },
  { method: 'GET', path: '/services.json', labelKey: 'open311.endpoint.services' },
  { method: 'GET', path: '/services/{service_code}.json', labelKey: 'open311.endpoint.definition' },
  { method: 'POST', path: '/requests.json', labelKey: 'open311.endpoint.requests' },
  { method: 'GET', path: '/requests/{service_request_id}.json', labelKey: 'open311.endpoint.request' },
  { method: 'GET', path: '/tokens/{token}.json', labelKey: 'open311.endpoint.token' },
];

/** A curl call placing a request, form-encoded as Open311 clients do; the key stays a placeholder unless given. */
export function curlExample(origin: string, apiKey = '<API_KEY>'): string {
  return [
    `curl -X POST '${origin}${OPEN311_BASE}/requests.json' \\`,
    `  -d 'api_key=${apiKey}' \\`,
    `  -d 'service_code=<service_code>' \\`,
    `  --data-urlencode 'address_string=小区 楼栋' \\`,
    `  --data-urlencode 'description=楼道灯不亮' \\`,
    `  -d 'attribute[<code>]=<value>'`,
  ].join('\n');
}
