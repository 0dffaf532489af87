/**
 * The value-save measurement (value-saves.ts) in a process of its own, bundled as the server is built
 * (serve-build.ts): BENCH_DB_URL and BENCH_PERIOD in, one JSON line of figures out; progress on stderr.
 */
import { measureValueSaves } from './value-saves';

const url = process.env.BENCH_DB_URL;
const period = process.env.BENCH_PERIOD;
if (!url || !period) throw new Error('BENCH_DB_URL and BENCH_PERIOD are required');
const figures = await measureValueSaves({ url, period, log: (s) => process.stderr.write(`${s}\n`) });
process.stdout.write(`${JSON.stringify(figures)}\n`);
