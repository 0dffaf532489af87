/**
 * Calls `fn` once the browser has painted what was just rendered: after the next animation frame, in
 * a task of its own (so work `fn` starts is not part of that frame). A hidden tab runs no animation
 * frames, so a timer calls it too, whichever comes first. Returns a function that cancels it.
 */
export function afterPaint(fn: () => void, latestMs = 250): () => void {
  let done = false;
  let frame = 0;
  let task: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  const timer = setTimeout(run, latestMs);
  if (typeof requestAnimationFrame === 'function')
    frame = requestAnimationFrame(() => {
      task = setTimeout(run, 0);
    });
  return () => {
    done = true;
    clearTimeout(timer);
    if (task !== undefined) clearTimeout(task);
    if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
  };
}
