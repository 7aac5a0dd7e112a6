import Fastify from 'fastify';

// The raw baseline: a bare Fastify route doing nothing, in its own process like the real server.
const app = Fastify();
app.get('/bare', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare ready');
