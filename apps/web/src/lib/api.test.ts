import { LoginInput, MeDto } from '@linli/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setApiLocale, setCsrfToken, toApiError, withQuery } from './api';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const ME = {
  user: { id: '7f0c1f4e-7f5c-4a7a-9d59-3f1f4bd0c2a1', username: 'anping.staff', displayName: '王芳', locale: 'zh-CN' },
  roles: ['community_staff'],
  scopes: [],
  abilities: ['areas.read'],
  grantableRoles: [],
  csrfToken: 'tok',
} satisfies MeDto;

describe('api wrapper', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken(null);
    setApiLocale('zh-CN');
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('turns a VALIDATION body into an ApiError with field issues', async () => {
    fetchMock.mockResolvedValue(
      json(400, {
        error: {
          code: 'VALIDATION',
          message: '输入有误',
          details: { issues: [{ path: 'code', message: '编码格式不正确' }], requestId: 'r1' },
        },
      }),
    );
    const err = await api.post('/api/areas', {}, MeDto).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION', message: '输入有误', requestId: 'r1' });
    expect((err as ApiError).issues).toEqual([{ path: 'code', message: '编码格式不正确' }]);
  });

  it('carries retryAfterSeconds from a 429, from the body or else the Retry-After header', async () => {
    const fromBody = await toApiError(
      json(429, { error: { code: 'LIMIT_EXCEEDED', message: 'slow down', details: { retryAfterSeconds: 42 } } }),
    );
    expect(fromBody).toMatchObject({ code: 'LIMIT_EXCEEDED', retryAfterSeconds: 42 });
    const fromHeader = await toApiError(json(429, { error: { code: 'LIMIT_EXCEEDED', message: 'slow down' } }, { 'retry-after': '30' }));
    expect(fromHeader.retryAfterSeconds).toBe(30);
  });

  it('falls back to the code of the status and a localised message when the body is not ours', async () => {
    const err = await toApiError(new Response('<html>bad gateway</html>', { status: 404 }), 'en');
    expect(err).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Not found', issues: [] });
    const unknown = await toApiError(new Response('', { status: 502 }), 'zh-CN');
    expect(unknown).toMatchObject({ code: 'INTERNAL', message: '服务器内部错误' });
  });

  it('reports a network failure as UNAVAILABLE', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.get('/api/me', MeDto)).rejects.toMatchObject({ status: 0, code: 'UNAVAILABLE' });
  });

  it('rejects a 200 answer that does not match the contract', async () => {
    fetchMock.mockResolvedValue(json(200, { user: null }));
    await expect(api.get('/api/me', MeDto)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('parses a good answer and sends locale, credentials and the CSRF token on writes only', async () => {
    setCsrfToken('tok');
    setApiLocale('en');
    fetchMock.mockImplementation(async () => json(200, ME));
    await expect(api.get('/api/me', MeDto)).resolves.toEqual(ME);
    const input: LoginInput = { username: 'a', password: 'b' };
    await api.post('/api/auth/login', input, MeDto);
    const [getUrl, getInit] = fetchMock.mock.calls[0] ?? [];
    const [, postInit] = fetchMock.mock.calls[1] ?? [];
    expect(getUrl).toBe('/api/me');
    expect(getInit?.credentials).toBe('same-origin');
    expect(getInit?.headers).toMatchObject({ 'x-linli-locale': 'en' });
    expect(getInit?.headers).not.toHaveProperty('x-csrf-token');
    expect(postInit?.headers).toMatchObject({ 'x-csrf-token': 'tok', 'content-type': 'application/json' });
    expect(postInit?.body).toBe(JSON.stringify(input));
  });

  it('sends extra headers on a post and a multipart body as it is', async () => {
    setCsrfToken('tok');
    fetchMock.mockImplementation(async () => json(200, ME));
    await api.post('/api/auth/login', { username: 'a', password: 'b' }, MeDto, { 'idempotency-key': 'k-1' });
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/png' }), 'a.png');
    await api.upload('/api/attachments', form, MeDto);
    const [, postInit] = fetchMock.mock.calls[0] ?? [];
    const [, uploadInit] = fetchMock.mock.calls[1] ?? [];
    expect(postInit?.headers).toMatchObject({ 'idempotency-key': 'k-1', 'content-type': 'application/json' });
    expect(uploadInit?.body).toBe(form);
    expect(uploadInit?.headers).toMatchObject({ 'x-csrf-token': 'tok' });
    expect(uploadInit?.headers).not.toHaveProperty('content-type');
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/areas', { parentId: 'p', q: '', kind: undefined })).toBe('/api/areas?parentId=p');
    expect(withQuery('/api/areas', {})).toBe('/api/areas');
  });
});
