import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';
import { CHART_FONT_FAMILY, FONT_FILES } from './fonts';

/** Only the parts the report charts use (bar, line, points; no tooltip or animation on paper). */
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
);
GlobalFonts.registerFromPath(FONT_FILES.regular, 'Noto Sans');
GlobalFonts.registerFromPath(FONT_FILES.bold, 'Noto Sans');
GlobalFonts.registerFromPath(FONT_FILES.arabic, 'Noto Sans Arabic');
GlobalFonts.registerFromPath(FONT_FILES.arabicBold, 'Noto Sans Arabic');
// Server-only module: every chart it draws uses the embedded fonts (no system fonts are assumed).
Chart.defaults.font.family = CHART_FONT_FAMILY;
Chart.defaults.font.size = 12;
Chart.defaults.color = '#1f2933';

/** Pixels per CSS pixel: charts stay sharp when the PDF is printed or zoomed. */
export const CHART_PIXEL_RATIO = 2;

export interface ChartSize {
  /** CSS pixels (the PDF places them at 0.75 pt each, or scales them to fit). */
  width: number;
  height: number;
}

/**
 * Draws a shared chart configuration (shared/charts) on a Skia canvas and returns a PNG. The
 * configuration's options are kept; the page-only ones are set for paper: fixed size, no
 * responsiveness, no animation, devicePixelRatio 2, the embedded fonts, RTL legends for Arabic.
 */
export function renderChartPng(config: ChartConfiguration, size: ChartSize, rtl = false): Buffer {
  const canvas = createCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  // White background: PNG transparency shows as black in some viewers.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.width, size.height);
  const options = config.options ?? {};
  const plugins = (options.plugins ?? {}) as Record<string, unknown>;
  const legend = (plugins.legend ?? {}) as Record<string, unknown>;
  // Right to left, horizontal bars grow from the right and their labels stand on the right.
  const scales = (options.scales ?? {}) as Record<string, Record<string, unknown>>;
  const horizontal = (options as { indexAxis?: string }).indexAxis === 'y';
  const placed =
    rtl && horizontal
      ? { ...scales, x: { ...scales.x, reverse: true }, y: { ...scales.y, position: 'right' } }
      : scales;
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, {
    ...config,
    options: {
      ...options,
      scales: placed,
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: CHART_PIXEL_RATIO,
      // Legend items right to left; Skia shapes each label's own direction (textDirection needs a DOM canvas).
      plugins: { ...plugins, legend: { ...legend, rtl } },
    } as ChartConfiguration['options'],
  });
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}
