// The shared zod schemas carry descriptions for the API's documentation (/api/docs): ~24 kB of English
// text in the schemas chunk, which the browser downloads on every first visit and never shows. The
// client build blanks every `.describe(…)` whose argument is plain text (string literals, joined with `+`
// or not; a template without `${}`); a description built from anything else is left as written. The
// calls are overwritten with spaces (line breaks kept), so every other character keeps its place and the
// module's source map stays true. The server keeps them: it is not built by Vite.
import { parseAst } from 'vite';

const isNode = (v) => typeof v === 'object' && v !== null && typeof v.type === 'string';

/** A string literal, a template without expressions, or literals joined with `+`. */
function isPlainText(n) {
  if (n.type === 'Literal') return typeof n.value === 'string';
  if (n.type === 'TemplateLiteral') return n.expressions.length === 0;
  if (n.type === 'BinaryExpression' && n.operator === '+') return isPlainText(n.left) && isPlainText(n.right);
  if (n.type === 'ParenthesizedExpression') return isPlainText(n.expression);
  return false;
}

const isTextDescribe = (n) =>
  n.type === 'CallExpression' &&
  n.callee?.type === 'MemberExpression' &&
  !n.callee.computed &&
  !n.callee.optional &&
  n.callee.property?.type === 'Identifier' &&
  n.callee.property.name === 'describe' &&
  n.arguments?.length === 1 &&
  isPlainText(n.arguments[0]);

/** The [start, end) ranges of the `.describe(text)` parts of calls in a module. */
export function describeRanges(code, filename) {
  const ranges = [];
  const visit = (n) => {
    if (Array.isArray(n)) {
      for (const c of n) visit(c);
      return;
    }
    if (!isNode(n)) return;
    if (isTextDescribe(n)) {
      ranges.push([n.callee.object.end, n.end]);
      visit(n.callee.object);
      return;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type') visit(value);
  };
  visit(parseAst(code, { lang: 'ts' }, filename));
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The module with those ranges blanked (spaces, line breaks kept); null when it has none. */
export function stripDescriptions(code, filename) {
  const ranges = describeRanges(code, filename);
  if (ranges.length === 0) return null;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += code.slice(at, start) + code.slice(start, end).replace(/[^\n\r]/g, ' ');
    at = end;
  }
  return out + code.slice(at);
}

/** The Vite plugin: the shared modules, in the client build only. */
export function stripDescriptionsPlugin() {
  return {
    name: 'strip-schema-descriptions',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]shared[\\/].*\.ts$/.test(id) || id.includes('node_modules') || !code.includes('.describe('))
        return null;
      const stripped = stripDescriptions(code, id);
      // Nothing moved: the source map of the module as written still holds.
      return stripped === null ? null : { code: stripped, map: null };
    },
  };
}
