import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntryGrid, EntryRow, StoredValue } from '../../../shared';
import type { Issue } from '../../../shared/domain/issues';
import { useI18n } from '../../i18n/context';
import { ApiError } from '../../lib/api-client';
import { errorText, issueLine, issueText } from '../../lib/error-text';
import { entryGridKey } from './api/get-entry-grid';
import { withStoredValue } from './api/grid-cache';
import { putEntryValue } from './api/put-entry-value';
import { bodyOf, type Draft, draftOf, type ExplainNumber, localDrafts } from './drafts';

export type SaveState =
  | { kind: 'idle' | 'saving' | 'saved' | 'restored' }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string; theirs: StoredValue };

const DEBOUNCE_MS = 700;

/**
 * One row's draft: kept in localStorage from the first keystroke until the server confirms it,
 * saved (debounced) through the shared schema; a 409 keeps the draft and shows the current value.
 */
export function useRowDraft(periodId: number, iso3: string, row: EntryRow) {
  const queryClient = useQueryClient();
  const { t, locale } = useI18n();
  const restored = useRef(localDrafts.load(periodId, row.planIndicatorId));
  const [draft, setDraft] = useState<Draft>(() => restored.current ?? draftOf(row, locale));
  const [current, setCurrent] = useState<StoredValue | null>(row.value);
  const [state, setState] = useState<SaveState>({ kind: restored.current ? 'restored' : 'idle' });
  const [dirty, setDirty] = useState(!!restored.current);

  const save = useCallback(
    async (d: Draft, base: StoredValue | null) => {
      const explain: ExplainNumber = ({ problem, params: p }) =>
        t(`number.${problem}`, {
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
      setState({ kind: 'saving' });
      try {
        const stored = await putEntryValue(iso3, row, checked.body);
        setCurrent(stored);
        setDirty(false);
        localDrafts.clear(periodId, row.planIndicatorId);
        setState({ kind: 'saved' });
        // The page's counter and history follow the save at once.
        queryClient.setQueryData<EntryGrid>(entryGridKey(periodId), (g) =>
          g ? withStoredValue(g, row.planIndicatorId, stored) : g,
        );
        void queryClient.invalidateQueries({ queryKey: ['period-history', periodId] });
      } catch (e) {
        const { StoredValueSchema } = await import('../../../shared/api/values');
        const theirs = e instanceof ApiError ? StoredValueSchema.safeParse(e.current) : null;
        if (e instanceof ApiError && e.statusCode === 409 && theirs?.success)
          return setState({ kind: 'conflict', message: errorText(t, locale, e), theirs: theirs.data });
        setState({ kind: 'error', message: errorText(t, locale, e) });
      }
    },
    [iso3, periodId, row, t, locale, queryClient],
  );

  useEffect(() => {
    if (!dirty) return;
    const t = setTimeout(() => void save(draft, current), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [dirty, draft, current, save]);

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
  };
  return { draft, current, state, change, keepMine, takeTheirs };
}
