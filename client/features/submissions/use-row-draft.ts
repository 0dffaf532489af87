import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntryGrid, EntryRow, PutValueBody, StoredValue } from '../../../shared';
import type { Issue } from '../../../shared/domain/issues';
import { useI18n } from '../../i18n/context';
import { ApiError, currentCsrfToken } from '../../lib/api-client';
import { errorText, issueLine, issueText } from '../../lib/error-text';
import type { OutboxEntry } from '../../lib/offline/db';
import { entryGridKey } from './api/get-entry-grid';
import { withStoredValue } from './api/grid-cache';
import { entryValuePath, putEntryValue } from './api/put-entry-value';
import { bodyOf, type Draft, draftOf, type ExplainNumber, localDrafts, rowCode } from './drafts';

export type SaveState =
  | { kind: 'idle' | 'saving' | 'saved' | 'restored' }
  /** Kept on this device (the server could not be reached); sent when it can be. */
  | { kind: 'queued' }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string; theirs: StoredValue }
  /** Sent while offline, refused meanwhile (the period was submitted or approved): kept for the user. */
  | { kind: 'aside'; message: string };

const DEBOUNCE_MS = 700;
const outbox = () => import('../../lib/offline/outbox');
const sync = () => import('../../lib/offline/sync');
/** Offline entry needs IndexedDB (not in every test environment, nor every private window). */
const canQueue = () => typeof indexedDB !== 'undefined';

/**
 * One row's draft: kept in localStorage from the first keystroke until the server confirms it,
 * saved (debounced) through the shared schema; a 409 keeps the draft and shows the current value.
 * When the server cannot be reached, the save goes to the outbox (IndexedDB) and the row says it
 * waits; it is sent in order when the connection returns (lib/offline/sync.ts).
 */
export function useRowDraft(periodId: number, iso3: string, row: EntryRow, userId: number | null = null) {
  const queryClient = useQueryClient();
  const { t, locale } = useI18n();
  const restored = useRef(localDrafts.load(periodId, row.planIndicatorId));
  const [draft, setDraft] = useState<Draft>(() => restored.current ?? draftOf(row, locale));
  const [current, setCurrent] = useState<StoredValue | null>(row.value);
  const [state, setState] = useState<SaveState>({ kind: restored.current ? 'restored' : 'idle' });
  const [dirty, setDirty] = useState(!!restored.current);
  const rowKey = userId === null ? null : `${userId}:${periodId}:${row.planIndicatorId}`;
  /** The cell's outbox entry as last read; a save waits for the first read (no send past a queued one). */
  const queued = useRef<OutboxEntry | undefined>(undefined);
  const outboxRead = useRef<Promise<void>>(Promise.resolve());

  const messageOf = useCallback(
    (e: OutboxEntry) => (e.refusal ? errorText(t, locale, new ApiError(e.refusal)) : ''),
    [t, locale],
  );

  const accept = useCallback(
    (stored: StoredValue) => {
      setCurrent(stored);
      setDirty(false);
      localDrafts.clear(periodId, row.planIndicatorId);
      setState({ kind: 'saved' });
      // The page's counter and history follow the save at once.
      queryClient.setQueryData<EntryGrid>(entryGridKey(periodId), (g) =>
        g ? withStoredValue(g, row.planIndicatorId, stored) : g,
      );
      void queryClient.invalidateQueries({ queryKey: ['period-history', periodId] });
    },
    [periodId, row.planIndicatorId, queryClient],
  );

  // The cell's outbox entry: read at start (a reload offline shows what waits) and on every change.
  useEffect(() => {
    if (rowKey === null || !canQueue()) return;
    let alive = true;
    let unsubscribe = () => {};
    let first = true;
    const read = async () => {
      const ob = await outbox();
      const e = await ob.outboxEntry(rowKey);
      if (!alive) return;
      const had = queued.current;
      queued.current = e;
      if (!e) {
        if (had && !first)
          setState((s) => (s.kind === 'queued' || s.kind === 'aside' ? { kind: 'idle' } : s));
        first = false;
        return;
      }
      if (first && e.draft) setDraft(e.draft as Draft);
      first = false;
      setDirty(false);
      if (e.state === 'waiting') setState({ kind: 'queued' });
      else if (e.state === 'conflict' && e.theirs)
        setState({ kind: 'conflict', message: messageOf(e), theirs: e.theirs });
      else setState({ kind: 'aside', message: messageOf(e) });
    };
    outboxRead.current = outbox().then((ob) => {
      unsubscribe = ob.subscribeOutbox((ev) => {
        if (ev.type === 'sent' && ev.rowKey === rowKey) accept(ev.stored);
        if (ev.type === 'changed' && (ev.rowKey === undefined || ev.rowKey === rowKey)) void read();
      });
      return read();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [rowKey, accept, messageOf]);

  const queue = useCallback(
    async (d: Draft, body: PutValueBody) => {
      if (userId === null) return false;
      const ob = await outbox();
      const kept = await ob.queueValue({
        userId,
        periodId,
        rowId: row.planIndicatorId,
        iso3,
        code: rowCode(row),
        path: entryValuePath(iso3, row),
        body,
        draft: d,
        csrf: currentCsrfToken(),
      });
      // Signed out on this page meanwhile: nothing of theirs is kept (the row is going away).
      if (!kept) return false;
      setState({ kind: 'queued' });
      const s = await sync();
      void s.requestBackgroundSync();
      void s.flushNow();
      return true;
    },
    [userId, periodId, iso3, row],
  );

  const save = useCallback(
    async (d: Draft, base: StoredValue | null) => {
      // An empty number is said beside its input (or after a ratio's field name): what to do, not "is required".
      const explain: ExplainNumber = ({ problem, params: p }) =>
        problem === 'empty'
          ? t('grid.enterValue')
          : t(`number.${problem}`, {
              text: p.text,
              decimal: p.decimal,
              suggestion: p.suggestion ?? '',
              alternative: p.alternative ?? '',
            });
      // A ratio's two inputs are named; a single value's problem stands beside its input.
      const describe = (i: Issue) =>
        /numerator|denominator/.test(i.path) ? issueLine(t, i) : issueText(t, i);
      const checked = await bodyOf({ ...row, value: base }, d, explain, describe);
      if (!checked.ok) return setState({ kind: 'invalid', problems: checked.problems });
      await outboxRead.current;
      // Offline, or behind a value that still waits: into the outbox, in order.
      const offline = globalThis.navigator?.onLine === false;
      if (canQueue() && userId !== null && (offline || queued.current?.state === 'waiting')) {
        if (await queue(d, checked.body)) return;
      }
      setState({ kind: 'saving' });
      try {
        const stored = await putEntryValue(iso3, row, checked.body);
        accept(stored);
        // A conflict or a refused value of this cell is settled by this save.
        if (rowKey !== null && queued.current) void outbox().then((ob) => ob.removeOutboxEntry(rowKey));
      } catch (e) {
        if (e instanceof ApiError && e.statusCode === 0 && canQueue() && (await queue(d, checked.body)))
          return;
        const { StoredValueSchema } = await import('../../../shared/api/values');
        const theirs = e instanceof ApiError ? StoredValueSchema.safeParse(e.current) : null;
        if (e instanceof ApiError && e.statusCode === 409 && theirs?.success)
          return setState({ kind: 'conflict', message: errorText(t, locale, e), theirs: theirs.data });
        setState({ kind: 'error', message: errorText(t, locale, e) });
      }
    },
    [iso3, row, t, locale, userId, rowKey, queue, accept],
  );

  useEffect(() => {
    // Who enters is known before anything is sent: a draft restored offline waits for the outbox's
    // answer (it may already be queued) rather than failing to reach the server.
    if (!dirty || (canQueue() && userId === null)) return;
    const t = setTimeout(() => void save(draft, current), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [dirty, draft, current, save, userId]);

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setDirty(true);
    localDrafts.save(periodId, row.planIndicatorId, next);
  };
  /** After a conflict: write mine over theirs (their version), or take theirs and drop mine. */
  const keepMine = (theirs: StoredValue) => {
    setCurrent(theirs);
    void save(draft, theirs);
  };
  const takeTheirs = (theirs: StoredValue) => {
    setCurrent(theirs);
    setDraft(draftOf({ ...row, value: theirs }, locale));
    setDirty(false);
    localDrafts.clear(periodId, row.planIndicatorId);
    setState({ kind: 'idle' });
    if (rowKey !== null && queued.current) void outbox().then((ob) => ob.removeOutboxEntry(rowKey));
  };
  /** A value kept aside: send it again, or drop it and show the server's value. */
  const retry = () => {
    if (rowKey !== null)
      void outbox()
        .then((ob) => ob.retryOutboxEntry(rowKey))
        .then(() => sync().then((s) => s.flushNow()));
  };
  const discard = () => {
    setDraft(draftOf({ ...row, value: current }, locale));
    setDirty(false);
    localDrafts.clear(periodId, row.planIndicatorId);
    setState({ kind: 'idle' });
    if (rowKey !== null) void outbox().then((ob) => ob.removeOutboxEntry(rowKey));
  };
  return { draft, current, state, change, keepMine, takeTheirs, retry, discard };
}
