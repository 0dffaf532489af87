import { setTimeout as sleep } from 'node:timers/promises';

const LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;
/**
 * A national framework the script creates for itself (published rounds are read-only): one A–E
 * indicator, one period, a value per country to start from.
 */
export const FRAMEWORK = 'national-fault';
export const PERIOD = '2020';
export const INDICATOR = 'F1';

export interface Session {
  cookie: string;
  csrf: string;
}

/** What one writer saw: the last write the server acknowledged, and what it sent after that. */
export interface WriterLog {
  country: string;
  acked: { version: number; level: string } | null;
  /** Levels sent since the last acknowledgement (each may or may not have committed). */
  unackedSince: string[];
  ok: number;
  okAfterRestart: number;
  status: Map<number, number>;
  unavailableWithoutRetryAfter: number;
  networkErrors: number;
  unexpected: string[];
}

export interface Phase {
  stopping: boolean;
  restarted: boolean;
}

export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('nap_session='));
  if (!cookie) throw new Error('sign-in: no session cookie');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0] as string, csrf: body.csrfToken };
}

/**
 * Saves the country's answer again and again (optimistic versions, as the client does) until told
 * to stop, recording every answer. A 409 (a write that committed although its answer was lost)
 * takes the current version it carries; a 503 waits for the time it asks.
 */
export const newWriterLog = (country: string): WriterLog => ({
  country,
  acked: null,
  unackedSince: [],
  ok: 0,
  okAfterRestart: 0,
  status: new Map(),
  unavailableWithoutRetryAfter: 0,
  networkErrors: 0,
  unexpected: [],
});

export async function runWriter(
  base: string,
  session: Session,
  log: WriterLog,
  startVersion: number,
  phase: Phase,
  done: () => boolean,
): Promise<void> {
  const country = log.country;
  let version = startVersion;
  let n = 0;
  while (!done()) {
    const level = LEVELS[n++ % LEVELS.length] as string;
    log.unackedSince.push(level);
    let res: Response;
    try {
      res = await fetch(`${base}/api/values/${country}/${FRAMEWORK}/${INDICATOR}/${PERIOD}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ status: 'reported', value: { type: 'level', level }, version }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      log.networkErrors++;
      if (log.networkErrors <= 3) log.unexpected.push(`network: ${(err as Error).message}`);
      await sleep(200);
      continue;
    }
    log.status.set(res.status, (log.status.get(res.status) ?? 0) + 1);
    const body = (await res.json().catch(() => ({}))) as {
      version?: number;
      current?: { version?: number };
    };
    if (res.status === 200 || res.status === 201) {
      version = body.version as number;
      log.acked = { version, level };
      log.unackedSince = [];
      log.ok++;
      if (phase.restarted) log.okAfterRestart++;
    } else if (res.status === 409) {
      if (body.current?.version) version = body.current.version;
    } else if (res.status === 503) {
      const retryAfter = Number(res.headers.get('retry-after'));
      if (!(retryAfter > 0)) log.unavailableWithoutRetryAfter++;
      // Honour the hint, capped so that the script notices the recovery quickly.
      await sleep(Math.min(retryAfter > 0 ? retryAfter * 1000 : 500, 500));
    } else if (log.unexpected.length < 5) {
      log.unexpected.push(`${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
  }
}
