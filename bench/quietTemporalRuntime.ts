import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * The bench's Temporal processes log warnings and errors only (the SDK's INFO lines would
 * bury the bench's output) and leave SIGTERM to the bench's own orderly stop.
 */
export function quietTemporalRuntime(): void {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
}
