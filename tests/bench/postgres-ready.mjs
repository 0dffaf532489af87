// Start-up floor of a server on Postgres: plain node connects with postgres.js (DATABASE_URL), runs one
// query, and a bare Fastify answers /api/ready. No app, no migration check.
import Fastify from 'fastify';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
await sql`select 1`;
const app = Fastify({ logger: false });
app.get('/api/ready', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () =>
  app
    .close()
    .then(() => sql.end())
    .then(() => process.exit(0)),
);
