/**
 * The import rules of the layout (CONTRIBUTING.md), checked by `npm run lint`. They write down what
 * the code already does, so that an import that breaks the layering fails lint instead of being found
 * later. Run alone: `npx depcruise client server shared`.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */

/** The processes and tools that start the code: everything else must be reachable from one of them. */
const ENTRY_POINTS = [
  '^client/main\\.tsx$',
  '^client/early\\.ts$',
  '^client/sw\\.ts$',
  '^server/index\\.ts$',
  '^server/cli/[^/]+\\.ts$',
];

/** A server module's route files (routes.ts, plan-routes.ts …): registered by server/app.ts only. */
const ROUTE_FILE = '^server/modules/[^/]+/[^/]*routes\\.ts$';

/** The tables: read and written by repositories only. */
const SCHEMA = '^server/db/schema/';

module.exports = {
  forbidden: [
    // --- The three parts: shared is the contract both sides bundle; client and server never meet.
    {
      name: 'shared-is-self-contained',
      comment:
        'shared/ is bundled by the client and run by the server: it imports only shared/ and npm packages.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|server|tests|scripts)/' },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ runs in the browser too: no Node built-ins (fs, node:crypto …).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-only-isomorphic-packages',
      comment:
        'shared/ runs in Node and in the browser: of the npm packages only zod (runtime). Type-only imports ' +
        '(chart.js dataset types) vanish at build. A DOM or Node package here would break one of the two sides.',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg'],
        dependencyTypesNot: ['type-only'],
        pathNot: 'node_modules/zod/',
      },
    },
    {
      name: 'client-not-to-server',
      comment: 'The client talks to the server over HTTP only; what both need lives in shared/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-to-client',
      comment: 'The server never imports the client; what both need lives in shared/.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'client-no-node-builtins',
      comment: 'The client runs in the browser: no Node built-ins.',
      severity: 'error',
      from: { path: '^client/' },
      to: { dependencyTypes: ['core'] },
    },

    // --- Inside the client: shared → lib/components → features → routes/app (bulletproof-react).
    {
      name: 'client-feature-public-index',
      comment:
        'A feature uses another feature only through that feature’s index.ts, which lists what it offers; ' +
        'its api/, components/ and helpers stay its own to change.',
      severity: 'error',
      from: { path: '^client/features/([^/]+)/' },
      to: {
        path: '^client/features/[^/]+/',
        pathNot: ['^client/features/$1/', '^client/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'client-building-blocks-not-to-features',
      comment: 'client/lib, client/components and client/i18n serve every feature: they know none.',
      severity: 'error',
      from: { path: '^client/(lib|components|i18n)/' },
      to: { path: '^client/features/' },
    },
    {
      name: 'client-not-to-pages',
      comment: 'Pages (routes/) and the shell (app/) compose features; nothing below imports them.',
      severity: 'error',
      from: { path: '^client/(lib|components|i18n|features)/' },
      to: { path: '^client/(routes|app)/' },
    },

    // --- Inside the server. Modules call each other's services, repositories and permission
    // helpers freely (a service may check access through auth/permissions, read countries through
    // countries/repository …): that is how the code is written and what the design allows. What
    // they never do is reach into another module's HTTP layer, or into the app and process entry.
    {
      name: 'server-routes-registered-by-app',
      comment:
        'Route files are registered by server/app.ts (buildApp) only; a module may split its own routes ' +
        'into several files (plans/routes.ts registers plan-routes.ts).',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: ROUTE_FILE, pathNot: '^server/modules/$1/' },
    },
    {
      name: 'server-routes-only-from-app',
      comment: 'Outside server/modules only server/app.ts (buildApp) registers route files.',
      severity: 'error',
      from: { path: '^server/', pathNot: ['^server/app\\.ts$', '^server/modules/'] },
      to: { path: ROUTE_FILE },
    },
    // Layers inside a module: routes → services → repositories (CONTRIBUTING.md). A route file declares
    // schemas and access and calls a service; a service holds the rules and the transactions; the SQL
    // (drizzle's query builder, sql`…`, raw rows) is in repository files, so it is found in one place.
    {
      name: 'server-routes-call-services',
      comment:
        'A route file (routes.ts, plan-routes.ts …) calls services only: no repository, no table. What it ' +
        'needs of the database goes through a service, even a one-line one.',
      severity: 'error',
      from: { path: '^server/modules/.+routes\\.ts$' },
      to: { path: ['[^/]*repository[^/]*\\.ts$', SCHEMA] },
    },
    {
      name: 'server-services-without-sql',
      comment:
        'A service (service.ts, plan-read-service.ts …) builds no SQL: no drizzle-orm and no table; it calls ' +
        'repository functions.',
      severity: 'error',
      from: { path: '^server/modules/.+service\\.ts$' },
      to: { path: ['(^|/)node_modules/drizzle-orm/', SCHEMA] },
    },
    {
      name: 'server-lib-is-a-leaf',
      comment:
        'server/lib holds domain-free helpers (typed errors, spreadsheets, the work gate): it knows no module, plugin or db.',
      severity: 'error',
      from: { path: '^server/lib/' },
      to: { path: '^server/(modules|plugins|db|cli)/|^server/(app|index|config)\\.ts$' },
    },
    {
      name: 'no-import-of-entry-points',
      comment: 'The process entries and the app factory are imported by nobody but the entries and tests.',
      severity: 'error',
      from: { path: '^(client|server|shared)/', pathNot: '^server/(index|cli/[^/]+)\\.ts$' },
      to: { path: ['^server/(index|app)\\.ts$', '^server/cli/', '^client/main\\.tsx$'] },
    },

    // --- Everywhere.
    {
      name: 'no-circular',
      comment:
        'No import cycles at run time: they make the load order decide what is undefined. A cycle that ' +
        'passes through an `import type` is erased at build and allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-unreachable',
      comment:
        'Every source file is used by the client, the server or a command-line tool: a file nothing ' +
        'imports is dead code that still has to be read and kept compiling.',
      severity: 'error',
      from: { path: ENTRY_POINTS },
      to: {
        path: '^(client|server|shared)/.+\\.(ts|tsx)$',
        // The language catalogs are read by the build's plugin (scripts/catalog-parts.mjs), not imported.
        pathNot: [...ENTRY_POINTS, '\\.d\\.ts$', '^client/i18n/locales/'],
        reachable: false,
      },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that does not resolve is a typo or a missing package (but the modules a Vite plugin makes: virtual:catalog/…, scripts/catalog-parts.mjs).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:catalog/(en|fr|es|ar)-(first|rest)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript's own resolution (paths, Bundler resolution); type-only imports count too, so a
    // cycle or a boundary crossed through types is seen (and then judged by the rule).
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
