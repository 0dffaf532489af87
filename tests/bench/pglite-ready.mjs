// Start-up floor of an embedded-database server: plain node opens PGlite on the data folder (the server's
// start parameters, passed in PGLITE_START_PARAMS), runs one query, and a bare Fastify answers /api/ready.
// No app, no migration check: what no server on PGlite can start faster than.
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';

const extra = JSON.parse(process.env.PGLITE_START_PARAMS ?? '[]');
const pg = await PGlite.create(process.env.PGLITE_DATA_DIR, {
  startParams: [...PGlite.defaultStartParams, ...extra],
});
await pg.query('select 1');
const app = Fastify({ logger: false });
app.get('/api/ready', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () =>
  app
    .close()
    .then(() => pg.close())
    .then(() => process.exit(0)),
);
