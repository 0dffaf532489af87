import { act, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onDemand } from '../../client/components/ui/on-demand';

function Chart({ label }: { label: string }) {
  return <p>chart {label}</p>;
}

/** Lets React's scheduler (setImmediate here, not a faked timer) run until `done`, at most 200 turns. */
async function until(done: () => boolean) {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setImmediate(r));
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error}</p> : this.props.children;
  }
}

/** A fallback that records each time it renders. */
const fallbackRenders: number[] = [];
function FallbackProbe() {
  fallbackRenders.push(Date.now());
  return <p>loading</p>;
}

describe('onDemand: a component loaded on first use', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows the fallback until its code is in, then the component with its props', async () => {
    const load = deferred<{ default: typeof Chart }>();
    const factory = vi.fn(() => load.promise);
    const Lazy = onDemand(factory);
    render(<Lazy label="A" fallback={<p>loading</p>} />);
    expect(screen.getByText('loading')).toBeTruthy();
    expect(factory).toHaveBeenCalledTimes(1);
    await act(async () => load.resolve({ default: Chart }));
    expect(screen.getByText('chart A')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('preloaded, renders the component in its first render, never the fallback', async () => {
    const factory = vi.fn(() => Promise.resolve({ default: Chart }));
    const Lazy = onDemand(factory);
    await Lazy.preload();
    fallbackRenders.length = 0;
    render(<Lazy label="B" fallback={<FallbackProbe />} />);
    expect(screen.getByText('chart B')).toBeTruthy();
    expect(fallbackRenders).toEqual([]);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('preloading code that fails resolves, and the failure reaches the error boundary on render', async () => {
    const Lazy = onDemand<{ label: string }>(() => Promise.reject(new Error('chunk gone')));
    await expect(Lazy.preload()).resolves.toBeUndefined();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <Boundary>
        <Lazy label="C" fallback={<p>loading</p>} />
      </Boundary>,
    );
    expect(screen.getByRole('alert').textContent).toBe('chunk gone');
  });

  // React.lazy in a Suspense boundary holds the content back until 300 ms after the last fallback shown
  // (a timer; act() would flush it, so this test renders as the browser does, timers stopped).
  it('shows the component as soon as its code is in, not after a timer', async () => {
    const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const wasAct = g.IS_REACT_ACT_ENVIRONMENT;
    g.IS_REACT_ACT_ENVIRONMENT = false;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const load = deferred<{ default: typeof Chart }>();
      const Lazy = onDemand(() => load.promise);
      const container = document.createElement('div');
      document.body.append(container);
      const root = createRoot(container);
      root.render(<Lazy label="B" fallback={<p>loading</p>} />);
      await until(() => container.textContent === 'loading');
      load.resolve({ default: Chart });
      await until(() => container.textContent !== 'loading');
      expect(container.textContent).toBe('chart B');
      root.unmount();
      container.remove();
    } finally {
      g.IS_REACT_ACT_ENVIRONMENT = wasAct;
    }
  });

  it('loads once: a later use renders the component at once, without the fallback', async () => {
    const factory = vi.fn(async () => ({ default: Chart }));
    const Lazy = onDemand(factory);
    const first = render(<Lazy label="C" fallback={<p>loading</p>} />);
    expect(await screen.findByText('chart C')).toBeTruthy();
    first.unmount();
    render(<Lazy label="D" fallback={<p>loading</p>} />);
    expect(screen.getByText('chart D')).toBeTruthy();
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('hands a failed load to the nearest error boundary', async () => {
    // React reports the error the boundary caught with console.error.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = deferred<{ default: typeof Chart }>();
    const Lazy = onDemand(() => load.promise);
    render(
      <Boundary>
        <Lazy label="E" fallback={<p>loading</p>} />
      </Boundary>,
    );
    await act(async () => load.reject(new Error('chunk not found')));
    expect(screen.getByRole('alert').textContent).toBe('chunk not found');
  });
});
