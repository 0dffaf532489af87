import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/**
 * The one place Chart.js parts are registered. Importing only what the charts use (instead
 * of chart.js/auto) keeps unused controllers, scales and plugins out of the bundle.
 * Chart wrappers import this module for its side effect.
 */
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export { Chart };
