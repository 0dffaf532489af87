/**
 * Records every chart placeholder (a .chart-frame holding a loading status: ChartPlaceholder) as it is
 * added to the page, with its frame's height and class, so that a test can check that the chart drawn
 * in its place has a frame of the same size: nothing below it moved. Watch before rendering; stop after.
 */
export function watchChartPlaceholders() {
  const seen: { height: string; className: string }[] = [];
  const record = (el: Element) => {
    for (const frame of [el, ...Array.from(el.querySelectorAll('.chart-frame'))]) {
      if (frame.matches('.chart-frame') && frame.querySelector('[role="status"]'))
        seen.push({ height: (frame as HTMLElement).style.height, className: frame.className });
    }
  };
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) for (const n of Array.from(m.addedNodes)) if (n instanceof Element) record(n);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return { seen, stop: () => observer.disconnect() };
}

/** The frame a drawn chart (found by its test id or role) sits in. */
export function frameOf(chart: HTMLElement): HTMLElement {
  const frame = chart.closest('.chart-frame');
  if (!(frame instanceof HTMLElement)) throw new Error('the chart is not in a .chart-frame');
  return frame;
}
