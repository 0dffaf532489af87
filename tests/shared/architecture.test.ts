import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The import rules `npm run lint` checks (.dependency-cruiser.cjs) do fail on a wrong import: the
 * project's own rule set run on a small tree laid out like the project, with one deliberate breach of
 * each rule and, beside each, the allowed way to do the same.
 */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

const root = mkdtempSync(path.join(os.tmpdir(), 'nap-architecture-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(root, 'tree-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx' } }),
  );
  return dir;
}

/** The rules broken in that tree, as `rule: from → to`. */
async function violations(dir: string): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const result = await cruise(['client', 'server', 'shared'], {
      ruleSet: { forbidden: config.forbidden ?? [] },
      validate: true,
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      tsConfig: { fileName: 'tsconfig.json' },
    });
    if (typeof result.output === 'string') throw new Error('expected a cruise result');
    return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  } finally {
    process.chdir(cwd);
  }
}

/** A tree whose entry points reach every file, so that only the imports under test can break a rule. */
const ENTRIES = {
  'client/main.tsx':
    "import '../shared';\nimport './features/plans';\nimport './features/values';\nexport {};\n",
  'client/features/plans/index.ts': "export { planName } from './api/get-plan';\n",
  'client/features/plans/api/get-plan.ts': "export const planName = 'plan';\n",
  'server/index.ts': "import './app';\nexport {};\n",
  'server/app.ts': "import './modules/plans/routes';\nimport './modules/values/routes';\nexport {};\n",
  'server/modules/plans/routes.ts': "import './service';\nexport {};\n",
  'server/modules/plans/service.ts': "import '../../lib/errors';\nexport const x = 1;\n",
  'server/lib/errors.ts': 'export class AppError extends Error {}\n',
  // A module in its three layers: routes → service → repository, which alone reads the tables with drizzle.
  'server/modules/values/routes.ts': "import './service';\nexport {};\n",
  'server/modules/values/service.ts': "import './repository';\nexport {};\n",
  'server/modules/values/repository.ts': "import 'drizzle-orm';\nimport '../../db/schema';\nexport {};\n",
  'server/db/schema/index.ts': 'export const indicatorValues = 1;\n',
  'node_modules/drizzle-orm/package.json': '{ "name": "drizzle-orm", "main": "index.js" }\n',
  'node_modules/drizzle-orm/index.js': 'export {};\n',
  'shared/index.ts': 'export const shared = 1;\n',
  'client/features/values/index.ts': 'export const v = 1;\n',
};

describe('the import rules', () => {
  it('pass a tree that keeps them', async () => {
    const dir = tree({
      ...ENTRIES,
      // Another feature, through the plans feature's public index.
      'client/features/values/index.ts': "import { planName } from '../plans';\nexport const v = planName;\n",
    });
    expect(await violations(dir)).toEqual([]);
  });

  it('fail each deliberate breach, naming the rule and the import', async () => {
    const dir = tree({
      ...ENTRIES,
      // Into another feature's insides instead of its index.
      'client/features/values/index.ts':
        "import { planName } from '../plans/api/get-plan';\nimport '../../../server/lib/errors';\nexport const v = planName;\n",
      // shared/ reaching the client, and a Node built-in.
      'shared/index.ts': "import 'node:fs';\nimport '../client/features/plans';\nexport const shared = 1;\n",
      // server/lib knowing a module; a cycle between two modules' services.
      'server/lib/errors.ts': "import '../modules/plans/service';\nexport class AppError extends Error {}\n",
      'server/modules/plans/service.ts':
        "import '../../lib/errors';\nimport '../reports/service';\nexport const x = 1;\n",
      'server/modules/reports/service.ts':
        "import '../plans/service';\nimport '../plans/routes';\nexport {};\n",
      // A route file reading the tables itself, and a service building SQL.
      'server/modules/values/routes.ts':
        "import './service';\nimport './repository';\nimport '../../db/schema';\nexport {};\n",
      'server/modules/values/service.ts':
        "import './repository';\nimport 'drizzle-orm';\nimport '../../db/schema';\nexport {};\n",
    });
    const found = await violations(dir);
    expect(found).toEqual(
      expect.arrayContaining([
        'client-feature-public-index: client/features/values/index.ts → client/features/plans/api/get-plan.ts',
        'client-not-to-server: client/features/values/index.ts → server/lib/errors.ts',
        'shared-is-self-contained: shared/index.ts → client/features/plans/index.ts',
        'shared-no-node-builtins: shared/index.ts → fs',
        'server-lib-is-a-leaf: server/lib/errors.ts → server/modules/plans/service.ts',
        'server-routes-registered-by-app: server/modules/reports/service.ts → server/modules/plans/routes.ts',
        'server-routes-call-services: server/modules/values/routes.ts → server/modules/values/repository.ts',
        'server-routes-call-services: server/modules/values/routes.ts → server/db/schema/index.ts',
        'server-services-without-sql: server/modules/values/service.ts → node_modules/drizzle-orm/index.js',
        'server-services-without-sql: server/modules/values/service.ts → server/db/schema/index.ts',
      ]),
    );
    expect(found.some((v) => v.startsWith('no-circular: '))).toBe(true);
  });

  it('fail a file that nothing reaches from an entry point', async () => {
    const dir = tree({ ...ENTRIES, 'server/modules/plans/forgotten.ts': 'export const dead = 1;\n' });
    expect(await violations(dir)).toEqual([
      'no-unreachable: server/modules/plans/forgotten.ts → server/modules/plans/forgotten.ts',
    ]);
  });
});
