import { refusedTarget } from './address-guard.js';
import { signWebhook } from './signature.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type SendOutcome = { ok: boolean; status: number | null; error: string | null };

/** POSTs one signed delivery; any 2xx answer within the timeout counts as delivered. */
export async function sendWebhook(
  target: { url: string; secret: string },
  delivery: { id: number; type: string; body: string },
): Promise<SendOutcome> {
  try {
    const refused = await refusedTarget(target.url);
    if (refused) return { ok: false, status: null, error: refused };
    const res = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Linli-Webhooks/1',
        'x-linli-event': delivery.type,
        'x-linli-delivery': String(delivery.id),
        'x-linli-signature': signWebhook(target.secret, delivery.body, new Date()),
      },
      body: delivery.body,
    });
    await res.body?.cancel();
    return res.ok ? { ok: true, status: res.status, error: null } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const why = err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.message);
    return { ok: false, status: null, error: String(why).slice(0, 300) };
  }
}
