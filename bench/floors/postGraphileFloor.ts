/**
 * Floor (b) of the board read: PostGraphile 5 (amber preset) over the same tables of the
 * same database, a GraphQL server that compiles each query into one SQL statement. A
 * smart tag gives it the relation the schema has no foreign key for: a project's lead
 * (`project_lead` → `app_user.username`, which is unique).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makeJSONPgSmartTagsPlugin } from 'postgraphile/utils';
import { serveParent } from '../childProcess.js';

const LeadRelationPlugin = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: {
    class: {
      project: { tags: { foreignKey: '(project_lead) references app_user (username)|@fieldName lead' } },
    },
  },
});

const instance = postgraphile({
  extends: [PostGraphileAmberPreset],
  plugins: [LeadRelationPlugin],
  // The application's pool size (src/platform/orm/ormConfig.ts).
  pgServices: [makePgService({ connectionString: process.env.BENCH_DATABASE_URL!, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
});
const serv = instance.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

serveParent({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }, {}, async () => {
  server.closeAllConnections();
  server.close();
  await instance.release();
});
