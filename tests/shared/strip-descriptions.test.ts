import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  describeRanges,
  stripDescriptions,
  stripDescriptionsPlugin,
} from '../../scripts/strip-descriptions.mjs';

// The client build leaves the schemas' API descriptions out of the browser's code (scripts/strip-descriptions.mjs).
describe('stripDescriptions', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template with a placeholder
  const described = 'export const D = z.string().describe(`a ${name}`);';
  const source = [
    "import { z } from 'zod';",
    "// a comment about .describe('x') – kept",
    "export const A = z.string().min(1).describe('An A – “quoted” ünïcode').max(3);",
    'export const B = z',
    '  .object({ a: A.describe(',
    "    'one ' +",
    '      "two – three",',
    '  ) })',
    '  .describe(`plain template`);',
    "const name = 'x';",
    'export const C = z.string().describe(name);',
    described,
    "export const E = z.number().describe('é').describe('ü');",
    '',
  ].join('\n');

  it('blanks every description written as text and keeps every other character in its place', () => {
    const out = stripDescriptions(source, 'x.ts') ?? '';
    expect(out).toHaveLength(source.length);
    expect(out.split('\n')).toHaveLength(source.split('\n').length);
    const squeezed = out.replace(/\s+/g, ' ');
    expect(squeezed).toContain('export const A = z.string().min(1) .max(3);');
    expect(squeezed).toContain('export const B = z .object({ a: A }) ;');
    expect(squeezed).toContain('export const E = z.number() ;');
    expect(squeezed).not.toMatch(/one|two|plain template|ünïcode|'é'|'ü'/);
    // The comment is not code, and descriptions built from variables are left as written.
    expect(out).toContain("// a comment about .describe('x') – kept");
    expect(out).toContain('export const C = z.string().describe(name);');
    expect(out).toContain(described);
    // Still a module, with nothing left to strip.
    expect(() => parseAst(out, { lang: 'ts' }, 'x.ts')).not.toThrow();
    expect(describeRanges(out, 'x.ts')).toEqual([]);
  });

  it('leaves a module without descriptions alone', () => {
    expect(stripDescriptions('export const a = z.string().min(1);\n', 'x.ts')).toBeNull();
  });

  it('strips a real schema module down to code that still parses', () => {
    const file = path.resolve('shared/api/compare.ts');
    const code = readFileSync(file, 'utf8');
    const before = describeRanges(code, file).length;
    expect(before).toBeGreaterThan(5);
    const out = stripDescriptions(code, file) ?? '';
    expect(out).toHaveLength(code.length);
    expect(describeRanges(out, file)).toEqual([]);
    expect(out).toContain('export const CompareResultSchema');
  });

  it('applies to the shared modules only, in the build', () => {
    const plugin = stripDescriptionsPlugin();
    expect(plugin.apply).toBe('build');
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const code = "export const A = z.string().describe('text');\n";
    expect(transform(code, '/app/shared/api/a.ts')?.code).not.toContain('text');
    expect(transform(code, '/app/client/lib/a.ts')).toBeNull();
    expect(transform(code, '/app/node_modules/x/shared/a.ts')).toBeNull();
  });
});
