import Fastify from 'fastify';
import pg from 'pg';

// The raw baseline for order creation: a bare Fastify route doing one INSERT, in its own process like the server.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
await pool.query(
  `CREATE TABLE IF NOT EXISTS bench_bare (id bigserial PRIMARY KEY, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
);
const app = Fastify();
app.post('/bare-insert', async (req) => {
  const { rows } = await pool.query<{ id: string }>('INSERT INTO bench_bare (body) VALUES ($1) RETURNING id', [JSON.stringify(req.body)]);
  return { id: rows[0]!.id };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare insert ready');
