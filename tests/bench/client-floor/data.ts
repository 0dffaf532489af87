/** The floor page's chart data: inline in the page, and what its server answers to `?fetch`. */
export interface FloorData {
  labels: string[];
  levels: number[];
}

export function floorData(): FloorData {
  const labels = Array.from({ length: 23 }, (_, i) => `Q${i + 1}`);
  return { labels, levels: labels.map((_, i) => 1 + (i % 5)) };
}
