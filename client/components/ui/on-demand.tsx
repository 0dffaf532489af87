import { type ComponentType, createElement, type ReactNode, useEffect, useReducer } from 'react';
import { trackCodeLoad } from '../../lib/code-loading';

/**
 * A component whose code is loaded on first use (a chart: Chart.js is the heaviest dependency), showing
 * `fallback` until it is there. Not React.lazy with Suspense: React holds back what a Suspense boundary
 * reveals until 300 ms after the last fallback it showed, so every chart appeared 300 ms after its code
 * and data were in, even when client/early.ts had loaded the code long before (docs/benchmarks.md, the
 * slow-link rows). A failed load is thrown while rendering, to the nearest error boundary, as with lazy.
 */
export function onDemand<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P & { fallback: ReactNode }> & { preload: () => Promise<void> } {
  let component: ComponentType<P> | undefined;
  let failure: { error: unknown } | undefined;
  let loading: Promise<void> | undefined;
  const start = () => {
    loading ??= trackCodeLoad(load()).then(
      (m) => {
        component = m.default;
      },
      (error: unknown) => {
        failure = { error };
      },
    );
    return loading;
  };

  // biome-ignore lint/correctness/noComponentHookFactories: made once per chart, at module level, as React.lazy is
  function OnDemand({ fallback, ...props }: P & { fallback: ReactNode }) {
    const [, loaded] = useReducer((n: number) => n + 1, 0);
    const shown = component !== undefined || failure !== undefined;
    // Rendered with the fallback: render again once the code is in (it may be by now).
    useEffect(() => {
      if (shown) return;
      let mounted = true;
      void start().then(() => {
        if (mounted) loaded();
      });
      return () => {
        mounted = false;
      };
    }, [shown]);
    if (failure) throw failure.error;
    if (!component) return <>{fallback}</>;
    return createElement(component, props as unknown as P);
  }
  /**
   * Loads the code now (resolved once it is in, or has failed): a component rendered after that shows
   * at once, without a render of its fallback first.
   */
  return Object.assign(OnDemand, { preload: start });
}
