/** A part of a language's catalog, built by scripts/catalog-parts.mjs (client/i18n/parts.ts). */
declare module 'virtual:catalog/*' {
  const part: Partial<import('./types').Catalog>;
  export default part;
}
