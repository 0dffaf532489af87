import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { CreateUserBody } from '../../shared';
import { findCountry } from '../modules/countries/repository';
import { countUsers } from '../modules/users/repository';
import { createUser } from '../modules/users/service';
import type { Db } from './client';
import { DEMO_PERIOD, seedDemoPeriod } from './demo-period';
import { users } from './schema';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/**
 * DEMO accounts of the embedded database (no DATABASE_URL), created on its first start when it has
 * no account. The passwords are public (docs/operators/accounts.md, "Demo accounts"): never use them on real data.
 */
export const DEMO_ACCOUNTS: (CreateUserBody & { password: string })[] = [
  {
    email: 'admin@demo.example.org',
    displayName: 'Demo administrator',
    password: 'demo-admin-password',
    roles: [{ role: 'admin', country: null, sectors: [] }],
  },
  {
    email: 'facilitator@demo.example.org',
    displayName: 'Demo cluster facilitator',
    password: 'demo-facilitator-password',
    roles: [{ role: 'facilitator', country: null, sectors: [] }],
  },
  {
    email: 'focal.jordan@demo.example.org',
    displayName: 'Demo focal point, Jordan',
    password: 'demo-focal-jordan-password',
    roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
  },
  {
    email: 'validator.jordan@demo.example.org',
    displayName: 'Demo validator, Jordan',
    password: 'demo-validator-jordan-password',
    roles: [{ role: 'validator', country: 'JOR', sectors: [] }],
  },
];

export interface AccountsOptions {
  /** Create the demo accounts (embedded database only). */
  demo: boolean;
  /** First-run administrator from ADMIN_EMAIL / ADMIN_PASSWORD. */
  admin?: { email: string; password: string } | undefined;
  log?: Log | undefined;
  now?: () => Date;
}

/** First run: a database without any account gets the configured administrator, or the demo accounts. */
export async function ensureAccounts(db: Db, opts: AccountsOptions): Promise<void> {
  if ((await countUsers(db)) > 0) {
    if (opts.admin) opts.log?.info('ADMIN_EMAIL ignored: the database already has accounts');
    return;
  }
  const ctx = { db, now: opts.now ?? (() => new Date()) };
  if (opts.admin) {
    await createUser(
      ctx,
      null,
      {
        email: opts.admin.email,
        displayName: 'Administrator',
        password: opts.admin.password,
        roles: [{ role: 'admin', country: null, sectors: [] }],
      },
      { system: true },
    );
    opts.log?.info({ email: opts.admin.email }, 'first administrator created from ADMIN_EMAIL');
    return;
  }
  if (!opts.demo) {
    opts.log?.warn(
      'no account yet: create an administrator with `npm run create-admin -- --email you@example.org` ' +
        '(or set ADMIN_EMAIL and ADMIN_PASSWORD)',
    );
    return;
  }
  if (!(await findCountry(db, 'JOR'))) {
    opts.log?.warn('demo accounts skipped: the reference data (countries) is not loaded');
    return;
  }
  for (const account of DEMO_ACCOUNTS) await createUser(ctx, null, account, { system: true, demo: true });
  if (await seedDemoPeriod(db, ctx.now())) {
    opts.log?.info(`demo reporting period ${DEMO_PERIOD.year} added to Jordan's plan (see "What is due")`);
  }
  opts.log?.warn(
    { accounts: DEMO_ACCOUNTS.map((a) => a.email) },
    'DEMO accounts created (embedded database): public passwords, for trying the app only',
  );
}

/** The demo accounts this database still has (active, still marked demo), in the order above. */
export async function demoAccountsPresent(db: Db): Promise<typeof DEMO_ACCOUNTS> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.email, emails), eq(users.demo, true), eq(users.active, true)));
  const present = new Set(rows.map((r) => r.email));
  return DEMO_ACCOUNTS.filter((a) => present.has(a.email));
}

/** The demo accounts as a few aligned lines for the terminal: who, email, password. */
export function demoAccountsBlock(accounts: typeof DEMO_ACCOUNTS): string {
  const who = accounts.map((a) => a.displayName.replace(/^Demo (.)/, (_, c: string) => c.toUpperCase()));
  const w1 = Math.max(...who.map((s) => s.length));
  const w2 = Math.max(...accounts.map((a) => a.email.length));
  const lines = accounts.map(
    (a, i) => `  ${(who[i] ?? '').padEnd(w1)}  ${a.email.padEnd(w2)}  ${a.password}`,
  );
  return [
    'Demo accounts (embedded database; public passwords, for trying the app only — unless changed since):',
    ...lines,
  ].join('\n');
}
