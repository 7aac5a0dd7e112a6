import { ErrorBody, MyEmail, NotificationDto, NotificationList, NotificationPush, UnreadCount } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/index.js';
import { type Agent, TEST_PASSWORD, buildCommunityTree, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { NOTIFICATIONS_CHANNEL } from './channel.js';

const h = useTestApp();
let me: Agent;
let meId: string;
let otherId: string;

async function notify(userId: string, title: string) {
  const [row] = await h.t.db.insert(notifications).values({ userId, kind: 'dispatch', title, body: '' }).returning();
  return row!;
}

beforeAll(async () => {
  const tree = await buildCommunityTree(h.t.db);
  const u = await buildUser(h.t.db, 'community_staff', { areaId: tree.community.id });
  const other = await buildUser(h.t.db, 'community_staff', { areaId: tree.community.id });
  meId = u.id;
  otherId = other.id;
  me = await signIn(h.app, u.username, TEST_PASSWORD);
});

describe('notification centre', () => {
  it('community_staff: can list own notifications, newest first, with the unread count', async () => {
    await notify(meId, 'first');
    await notify(meId, 'second');
    await notify(otherId, 'not mine');
    const res = await me.get('/api/notifications');
    expect(res.statusCode).toBe(200);
    const list = NotificationList.parse(res.json());
    expect(list.items.map((n) => n.title)).toEqual(['second', 'first']);
    expect(list).toMatchObject({ total: 2, unread: 2 });
  });

  it('community_staff: can mark one read, then all', async () => {
    const n = await notify(meId, 'third');
    const res = await me.post(`/api/notifications/${n.id}/read`);
    expect(NotificationDto.parse(res.json()).read).toBe(true);
    const unread = NotificationList.parse((await me.get('/api/notifications?unreadOnly=true')).json());
    expect(unread.items.map((i) => i.title)).not.toContain('third');
    expect(UnreadCount.parse((await me.post('/api/notifications/read-all')).json()).unread).toBe(0);
  });

  it("community_staff: cannot read another user's notification (404)", async () => {
    const theirs = await notify(otherId, 'theirs');
    const res = await me.post(`/api/notifications/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(ErrorBody.parse(res.json()).error.code).toBe('NOT_FOUND');
  });

  it('anonymous: cannot list notifications (401)', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/notifications/stream' })).statusCode).toBe(401);
  });

  it('community_staff: can set and clear the notification e-mail, and bad addresses change nothing', async () => {
    expect(MyEmail.parse((await me.put('/api/me/email', { email: 'Me@Example.org' })).json()).email).toBe('me@example.org');
    expect((await me.put('/api/me/email', { email: 'not-an-address' })).statusCode).toBe(400);
    expect(MyEmail.parse((await me.get('/api/me/email')).json()).email).toBe('me@example.org');
    expect(MyEmail.parse((await me.put('/api/me/email', { email: null })).json()).email).toBeNull();
  });
});

describe('notification stream', () => {
  let base: string;
  let closing = false;
  beforeAll(async () => {
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    // fetch opens a spare socket when the stream ends at shutdown; refuse it, or closing waits for its 4 s timeout
    h.app.server.on('connection', (socket) => closing && socket.destroy());
  });
  afterAll(() => {
    closing = true;
  });

  /** Reads server-sent events from `reader` until one named `notification` arrives. */
  async function nextPush(reader: ReadableStreamDefaultReader<Uint8Array>, buffer: { text: string }): Promise<NotificationPush> {
    const decoder = new TextDecoder();
    for (;;) {
      const end = buffer.text.indexOf('\n\n');
      if (end >= 0) {
        const frame = buffer.text.slice(0, end);
        buffer.text = buffer.text.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (frame.includes('event: notification') && data) return NotificationPush.parse(JSON.parse(data.slice(6)));
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer.text += decoder.decode(value, { stream: true });
    }
  }

  it('community_staff: gets the unread count at once, then each new notification live', async () => {
    const res = await fetch(`${base}/api/notifications/stream`, { headers: { cookie: me.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const buffer = { text: '' };
    const first = await nextPush(reader, buffer);
    expect(first.notification).toBeNull();
    const n = await notify(meId, 'live one');
    await h.t.db.execute(sql`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${meId})`);
    const pushed = await nextPush(reader, buffer);
    expect(pushed.notification).toMatchObject({ id: String(n.id), title: 'live one', read: false });
    expect(pushed.unread).toBe(first.unread + 1);
    await reader.cancel();
  });

  it('community_staff: the stream of a session ends when that session signs out, not another one', async () => {
    const u = await buildUser(h.t.db, 'community_staff', { areaId: (await buildCommunityTree(h.t.db)).community.id });
    const [tab, phone] = [await signIn(h.app, u.username, TEST_PASSWORD), await signIn(h.app, u.username, TEST_PASSWORD)];
    const open = async (agent: Agent) => {
      const res = await fetch(`${base}/api/notifications/stream`, { headers: { cookie: agent.cookie } });
      const reader = res.body!.getReader();
      await nextPush(reader, { text: '' });
      return reader;
    };
    const [tabStream, phoneStream] = [await open(tab), await open(phone)];
    expect((await tab.post('/api/auth/logout')).statusCode).toBe(200);
    // the signed-out session's stream ends (read resolves done); the other session's stream stays open
    for (;;) if ((await tabStream.read()).done) break;
    await notify(u.id, 'still here');
    await h.t.db.execute(sql`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${u.id})`);
    expect((await nextPush(phoneStream, { text: '' })).notification).toMatchObject({ title: 'still here' });
    await phoneStream.cancel();
  });
});
