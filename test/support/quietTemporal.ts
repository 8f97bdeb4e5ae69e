import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers in tests log only warnings and errors; the SDK's INFO chatter hides failures.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this process by an earlier test file.
}
