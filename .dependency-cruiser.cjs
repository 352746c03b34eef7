/**
 * The layers' import rules (README, "Development"): slack → services → views → db → domain → lib.
 * Run by `npm test`; test/unit/import-rules.test.ts shows each rule catches a planted violation.
 */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'slack-never-imports-db',
      comment: 'Listeners parse, ack, call one service and render: the database is the services\' business.',
      severity: 'error',
      from: { path: '^src/slack/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'services-never-import-prisma',
      comment: 'Services reach the database through db/ (repositories, the Db port), never the Prisma client.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: ['^src/generated/', '(^|/)node_modules/@prisma/', '^@prisma/'] },
    },
    {
      name: 'one-unit-of-work',
      comment:
        'Services and jobs open transactions with db/unit-of-work.ts and never reach the SQL paths (db/sql/): ' +
        'whether a statement runs on the driver or through Prisma is decided in db/.',
      severity: 'error',
      from: { path: '^src/(services|jobs)/' },
      to: { path: '^src/db/sql/' },
    },
    {
      name: 'views-never-import-services',
      comment: 'Views are pure Block Kit builders; services call them, never the other way round.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: '^src/services/' },
    },
    {
      name: 'domain-stays-pure',
      comment: 'domain/ holds pure rules: it imports only domain/, lib/ and libraries.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(db|services|views|slack|jobs)/' },
    },
    {
      name: 'shared-rooms-import-no-feature',
      comment: 'delivery/, calendar/ and ops/ serve every feature, so they depend on none but org (App Home aside).',
      severity: 'error',
      from: { path: '^src/(services|db|views)/(delivery|calendar|ops)/' },
      to: { path: '^src/(services|db|views)/(visits|issues|feedback|targets|rhythm)/' },
    },
    {
      name: 'no-cycles',
      comment: 'Two modules that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // generated Prisma code is cruised as a target (services must not reach it), not followed inside
    doNotFollow: { path: ['node_modules', '^src/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
