/**
 * Compares every project's and ticket's workflow (the source of truth) with its Postgres
 * read model and lists the differences; `--repair` rewrites the read model from the
 * workflows through the projection code their activities use. Exit status: 0 when none
 * remain, 1 when some do, 2 for bad arguments or configuration.
 *
 *   DATABASE_URL=... TEMPORAL_ADDRESS=... npm run reconcile [-- --repair]
 */
import { Client, Connection } from '@temporalio/client';
import { findTicketDifferences, repairTickets } from '../aftersales/services/ticketReconciliation.js';
import { findProjectDifferences, repairProjects } from '../delivery/services/projectReconciliation.js';
import { TIMELINE_CAPTURE_MODULE } from '../delivery/services/timelineReplay.js';
import { openDatabase } from '../platform/orm/database.js';
import { describeDifference, type ProjectionDifference } from '../platform/projectionDifference.js';
import { loadConfig } from '../platform/runtime/config.js';
import { requireExternalServices } from '../platform/runtime/requireServices.js';
import { exitOnStartupError } from '../platform/runtime/shutdown.js';
import { installTemporalRuntime } from '../platform/runtime/worker.js';
import { bundleWorkflows } from '../platform/runtime/workflowBundle.js';

const USAGE = 'usage: npm run reconcile [-- --repair]';

function parseArguments(args: string[]): { repair: boolean } {
  const unknown = args.filter((arg) => arg !== '--repair');
  if (unknown.length > 0) {
    console.error(JSON.stringify({ error: 'BAD_ARGUMENT', arguments: unknown, usage: USAGE }));
    process.exit(2);
  }
  return { repair: args.includes('--repair') };
}

const print = (differences: ProjectionDifference[]) => differences.forEach((difference) => console.log(`  ${describeDifference(difference)}`));

const { repair } = parseArguments(process.argv.slice(2));
try {
  const config = loadConfig();
  const { databaseUrl, temporalAddress } = requireExternalServices(config);
  installTemporalRuntime(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const orm = await openDatabase(databaseUrl, config.DATABASE_POOL_SIZE);
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const scope = { orm, temporal: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), taskQueue: config.TEMPORAL_TASK_QUEUE };
    const found = [...(await findProjectDifferences(scope)), ...(await findTicketDifferences(scope))];
    console.log(`reconcile: ${found.length} difference(s) between the workflows and the read model`);
    print(found);
    let remaining = found;
    if (repair && found.length > 0) {
      const projectDifferences = found.filter((d) => d.entity === 'project');
      // The replay bundle is built only when a project needs it (a few seconds of webpack).
      const bundle = projectDifferences.length > 0 ? await bundleWorkflows({ interceptorModules: [TIMELINE_CAPTURE_MODULE] }) : null;
      remaining = [
        ...(bundle ? await repairProjects(scope, bundle, projectDifferences) : []),
        ...(await repairTickets(scope, found.filter((d) => d.entity === 'ticket'))),
        // A workflow without any row has nothing to rewrite from here: it stays listed.
        ...found.filter((d) => d.field === 'row'),
      ];
      console.log(`reconcile --repair: ${found.length - remaining.length} repaired, ${remaining.length} remaining`);
      print(remaining);
    }
    process.exitCode = remaining.length === 0 ? 0 : 1;
  } finally {
    await connection.close();
    await orm.close();
  }
} catch (error) {
  exitOnStartupError(error);
}
