/**
 * The bench's balancer: a plain TCP round-robin proxy (one upstream per client connection) on
 * 127.0.0.1, in its own process, in front of the server processes given as BENCH_UPSTREAMS
 * (comma-separated ports). Prints {"port": n} once listening; SIGTERM closes it.
 */
import net from 'node:net';

const upstreams = (process.env.BENCH_UPSTREAMS ?? '').split(',').map(Number).filter(Boolean);
if (upstreams.length === 0) throw new Error('BENCH_UPSTREAMS is required');
let next = 0;
const server = net.createServer((client) => {
  const port = upstreams[next++ % upstreams.length] as number;
  const upstream = net.connect(port, '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', close);
  upstream.on('close', close);
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
