// Runs our TypeScript sources in Node with SWC, keeping legacy decorators and
// decorator metadata on (NestJS and TypeORM rely on both).
process.env.SWC_NODE_PROJECT =
  process.env.SWC_NODE_PROJECT || require('node:path').join(__dirname, '..', 'tsconfig.node.json');
require('@swc-node/register');
