// Start-up floor: a bare Fastify process (plain node + fastify, as the built server runs) that answers /api/ready.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/ready', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
