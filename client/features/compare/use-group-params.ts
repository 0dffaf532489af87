import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  basisFromSearchParams,
  type CompareBasis,
  caseStudyFromSearchParams,
  DEFAULT_BASIS,
  type GroupSelection,
  groupFromSearchParams,
  withGroup,
} from './group-params';

/**
 * The state every comparison view keeps in its address: the peer group, the case study, the data
 * basis (source, classification) and view-specific parameters (country, sort, indicator …), so
 * that each view can be linked.
 */
export function useGroupParams(fallback: GroupSelection) {
  const [params, setParams] = useSearchParams();
  const selection = useMemo(() => groupFromSearchParams(params, fallback), [params, fallback]);
  const caseStudy = caseStudyFromSearchParams(params);
  const setSelection = useCallback(
    (sel: GroupSelection) => setParams((prev) => withGroup(prev, sel), { replace: true }),
    [setParams],
  );
  /** Sets (or, with null, removes) several parameters in one navigation. */
  const setValues = useCallback(
    (values: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(values)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const { source, classification } = basisFromSearchParams(params);
  const basis = useMemo<CompareBasis>(() => ({ source, classification }), [source, classification]);
  /** Sets the data or the classification; a default is left out of the address. */
  const setBasis = useCallback(
    (next: Partial<CompareBasis>) =>
      setValues(
        Object.fromEntries(
          Object.entries(next).map(([key, value]) => [
            key,
            value === DEFAULT_BASIS[key as keyof CompareBasis] ? null : value,
          ]),
        ),
      ),
    [setValues],
  );
  return { params, selection, caseStudy, basis, setSelection, setValues, setBasis };
}
