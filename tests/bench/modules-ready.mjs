// Start-up floor of the built server on Postgres with its code: plain node imports every module the
// server's entry loads (the chunks dist/server/index.js imports, evaluated, nothing called), connects
// with postgres.js (DATABASE_URL), runs one query, and node's own http server answers /api/ready. No
// app built, no database check: what loading the server's code alone costs beside postgres-ready.mjs.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import postgres from 'postgres';

const entry = new URL('../../dist/server/index.js', import.meta.url);
const text = readFileSync(entry, 'utf8');
// Its static imports and those it imports while starting; the mailer and the digest scheduler load
// only when SMTP is configured, which the bench's server is not.
const chunks = [
  ...text.matchAll(/^import\s[^;]*?"(\.\/[^"]+)"/gm),
  ...text.matchAll(/import\("(\.\/[^"]+)"\)/g),
]
  .map((m) => m[1])
  .filter((c) => !/^\.\/(mailer|scheduler)-/.test(c))
  .map((c) => new URL(c, entry).href);
if (chunks.length === 0) throw new Error('no chunk found in dist/server/index.js');
await Promise.all(chunks.map((c) => import(c)));
const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
await sql`select 1`;
const server = createServer((req, res) => {
  res.writeHead(req.url === '/api/ready' ? 200 : 404, { 'content-type': 'application/json' });
  res.end('{"status":"ready"}');
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  sql.end().then(() => process.exit(0));
});
