/**
 * A bounded concurrency gate with a short queue: at most `concurrency` holders at once, at most
 * `queue` waiting; beyond that `enter` answers null at once, so the caller can refuse the work
 * instead of piling it up. Per process on purpose: it protects this process's CPU and memory.
 */
export interface WorkGate {
  readonly name: string;
  readonly concurrency: number;
  readonly queue: number;
  /** Holders now (observable by tests and metrics). */
  readonly running: number;
  /** Waiting now. */
  readonly waiting: number;
  /** A place in the gate, or null when every slot and every queue place is taken. */
  enter(): GateTicket | null;
}

export interface GateTicket {
  /** Resolves when the slot is held; rejects when the ticket is left while still waiting. */
  readonly ready: Promise<void>;
  /** Gives up the slot (or the place in the queue). Safe to call more than once. */
  leave(): void;
}

export class GateLeftError extends Error {
  constructor() {
    super('left the queue before a slot was free');
    this.name = 'GateLeftError';
  }
}

export function createWorkGate(name: string, opts: { concurrency: number; queue: number }): WorkGate {
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) throw new Error('concurrency: at least 1');
  if (!Number.isInteger(opts.queue) || opts.queue < 0) throw new Error('queue: 0 or more');
  let running = 0;
  const waiters: Array<{ start: () => void }> = [];

  const next = () => {
    const w = waiters.shift();
    if (w) w.start();
    else running--;
  };

  return {
    name,
    concurrency: opts.concurrency,
    queue: opts.queue,
    get running() {
      return running;
    },
    get waiting() {
      return waiters.length;
    },
    enter() {
      let state: 'waiting' | 'holding' | 'left' = 'waiting';
      if (running < opts.concurrency) {
        running++;
        state = 'holding';
        return {
          ready: Promise.resolve(),
          leave() {
            if (state !== 'holding') return;
            state = 'left';
            next();
          },
        };
      }
      if (waiters.length >= opts.queue) return null;
      let resolve!: () => void;
      let reject!: (e: Error) => void;
      const ready = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // A ticket that is never awaited must not report an unhandled rejection when it is left.
      ready.catch(() => {});
      // The slot passes straight from the leaver to this waiter: `running` does not change.
      const waiter = {
        start: () => {
          state = 'holding';
          resolve();
        },
      };
      waiters.push(waiter);
      return {
        ready,
        leave() {
          if (state === 'waiting') {
            state = 'left';
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(new GateLeftError());
          } else if (state === 'holding') {
            state = 'left';
            next();
          }
        },
      };
    },
  };
}
