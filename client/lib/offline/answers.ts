import type { Me } from '../../../shared';
import type { AnswerOwner } from '../../../shared/api/headers';
import { type KeptAnswer, offlineDb } from './db';

/**
 * The API answers kept for working offline, and what may be kept. The pages a focal point needs —
 * what is due, the entry grid of their periods, their plan and country page — and the public
 * comparison pages: nothing else. Whose answer it is comes from the server (the x-principal header of
 * the response, shared/api/headers.ts), never from what the page believes at that moment:
 * - a visitor: only what the public sees anyway (the server's visibility rule answered it);
 * - a focal point, validator or viewer of some countries: the same paths; the server shows them
 *   public data and their own countries' data, nothing of another country's drafts;
 * - a facilitator or administrator (who may read every country's drafts): only who they are and
 *   what is due, never a country's data.
 * An answer is shown only to the person it was kept for, and everything expires with the session
 * (Me.sessionExpiresAt); a visitor's copy after a week. Another person's answer clears the rest.
 */

const ALWAYS = [/^\/auth\/me$/, /^\/config$/, /^\/due$/, /^\/notifications$/];
const PAGES = [
  /^\/countries(\/[A-Z]{3}(\/(plans|trend|national-reports))?)?$/,
  /^\/plans\/\d+(\/(periods|history))?$/,
  /^\/periods\/\d+\/(entry|history|rows\/\d+\/history)$/,
  /^\/values$/,
  /^\/frameworks(\/[^/]+\/indicators)?$/,
  /^\/rounds$/,
  /^\/global-targets$/,
  /^\/compare(\/(change|heatmap|indicator|indicators))?$/,
];
const VISITOR_DAYS = 7;
const FALLBACK_HOURS = 12;
/** Enough for every page of a plan's periods; the oldest answers go first. */
const MAX_ANSWERS = 300;

const pathOnly = (path: string) => path.split('?')[0] ?? path;

/** Whether `path` may be kept for its owner (null: a visitor). */
export function mayKeep(path: string, owner: AnswerOwner | null): boolean {
  const p = pathOnly(path);
  if (ALWAYS.some((r) => r.test(p))) return true;
  if (!PAGES.some((r) => r.test(p))) return false;
  return owner === null || !owner.allCountries;
}

/** Who the app believes is signed in (the kept /auth/me), and whose answers are kept now. */
let me: Me | null | undefined;
let keptFor: number | null | undefined;
let loaded: Promise<void> | null = null;

function load(): Promise<void> {
  loaded ??= (async () => {
    const db = await offlineDb();
    const kept = await db?.get('answers', '/auth/me');
    if (kept && new Date(kept.expiresAt) > new Date()) {
      me ??= kept.body as Me | null;
      keptFor ??= kept.userId;
    }
  })().catch(() => {});
  return loaded;
}

function expiryFor(owner: AnswerOwner | null, now: Date): string {
  if (owner === null) return new Date(now.getTime() + VISITOR_DAYS * 86_400_000).toISOString();
  const session = me?.id === owner.userId ? me.sessionExpiresAt : null;
  return session ?? new Date(now.getTime() + FALLBACK_HOURS * 3_600_000).toISOString();
}

/**
 * Keeps an answer the server gave to `owner` (a GET), if the rule allows it. Never throws. `current`
 * says whether the answer is still good to keep (no write, signing out among them, since it was asked
 * for): checked right before each change to the store, with nothing awaited in between, so a sign-out's
 * clearing, issued later, comes after it in IndexedDB's order.
 */
export async function keepAnswer(
  path: string,
  body: unknown,
  owner: AnswerOwner | null,
  now = new Date(),
  current: () => boolean = () => true,
): Promise<void> {
  try {
    const db = await offlineDb();
    if (!db) return;
    await load();
    if (!current()) return;
    const userId = owner?.userId ?? null;
    // Someone else (or nobody) now uses this browser: nothing kept for the previous person stays.
    if (keptFor !== undefined && keptFor !== userId) await db.clear('answers');
    keptFor = userId;
    if (pathOnly(path) === '/auth/me') me = (body ?? null) as Me | null;
    if (!mayKeep(path, owner)) return;
    const answer: KeptAnswer = {
      path,
      userId,
      body,
      savedAt: now.toISOString(),
      expiresAt: expiryFor(owner, now),
    };
    if (!current()) return;
    await db.put('answers', answer);
    if ((await db.count('answers')) > MAX_ANSWERS) {
      const tx = db.transaction('answers', 'readwrite');
      const oldest = await tx.store.index('savedAt').openCursor();
      if (oldest) await oldest.delete();
      await tx.done;
    }
  } catch {
    // A full or unavailable store costs the offline copy, never the page.
  }
}

/** The kept answer of `path`, if it is still valid; expired ones are deleted. */
export async function keptAnswer(path: string, now = new Date()): Promise<KeptAnswer | null> {
  try {
    const db = await offlineDb();
    if (!db) return null;
    await load();
    const kept = await db.get('answers', path);
    if (!kept) return null;
    if (new Date(kept.expiresAt) <= now) {
      await db.delete('answers', path);
      return null;
    }
    // Only the person (or visitor) who fetched it sees it.
    if (path !== '/auth/me' && kept.userId !== (me?.id ?? null)) return null;
    return kept;
  } catch {
    return null;
  }
}

/** Forgets every kept answer (sign-out, another user). */
export async function forgetAnswers(): Promise<void> {
  const db = await offlineDb();
  await db?.clear('answers');
  me = null;
  keptFor = null;
}
