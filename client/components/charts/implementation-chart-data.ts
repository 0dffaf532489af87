/** Moved to shared/charts (the server renders the same charts into PDF reports). */
export * from '../../../shared/charts/implementation-chart';
