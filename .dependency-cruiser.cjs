/**
 * Import rules for backend/src, checked by test/architecture/folder-cycles.test.ts
 * (or by hand: `npx depcruise backend/src`).
 *
 * A folder is one module of the backend; its files may import each other freely, but folders
 * must form layers: no two folders may need each other, and the bottom layers (lib, db, jobs)
 * import nothing above them. config.ts (the env schema) imports no backend module, so every
 * layer may read it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Folders of backend/src must not import each other in a loop: move the shared piece to the ' +
        'folder that owns it, or to a lower one.',
      severity: 'error',
      scope: 'folder',
      // Cycles are reported from the top-level folders; loops between subfolders of one folder
      // (crm/sync <-> crm/inbound) stay inside that folder and are its own business.
      from: { path: '^backend/src/[^/]+$' },
      to: { path: '^backend/src/[^/]+', circular: true },
    },
    {
      name: 'lib-is-the-bottom',
      comment: 'lib/ holds helpers every layer may use, so it imports no other folder.',
      severity: 'error',
      from: { path: '^backend/src/lib/' },
      to: { path: '^backend/src/', pathNot: '^backend/src/(lib/|config\\.ts$)' },
    },
    {
      name: 'db-imports-only-lib',
      comment: 'db/ (client, schema, migrations) sits under every service and imports only lib/.',
      severity: 'error',
      from: { path: '^backend/src/db/' },
      to: { path: '^backend/src/', pathNot: '^backend/src/((db|lib)/|config\\.ts$)' },
    },
    {
      name: 'jobs-imports-only-db-and-lib',
      comment: 'jobs/ (worker loop, lease claim, scheduler) is infrastructure: it imports only db/ and lib/.',
      severity: 'error',
      from: { path: '^backend/src/jobs/' },
      to: { path: '^backend/src/', pathNot: '^backend/src/((jobs|db|lib)/|config\\.ts$)' },
    },
    {
      name: 'http-stays-in-api',
      comment:
        'Only api/ and the entry points speak HTTP; services raise domain errors (lib/errors.ts) instead.',
      severity: 'error',
      from: {
        path: '^backend/src/',
        pathNot: [
          '^backend/src/(api/|(app|runtime|server|cli|worker)\\.ts$)',
          // Renders the OAuth install page with hono/html; it moves with the CRM provider reshape
          // (issue 10, point 1), which is the moment to drop this exception.
          '^backend/src/crm/hubspot/oauth/install-page\\.ts$',
        ],
      },
      to: { path: '(^|/)node_modules/(hono|@hono/[^/]+)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a folder that needs another's types depends on it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.tsv$' },
    // hono and other ESM-only packages resolve through their `exports` map.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
}
