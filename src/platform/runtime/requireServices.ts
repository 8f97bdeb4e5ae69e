import { ConfigError, type Config } from './config.js';

/**
 * The separate production processes (api, worker) do not embed anything: they need
 * both services named, and say which is missing.
 */
export function requireExternalServices(config: Config): { databaseUrl: string; temporalAddress: string } {
  const problems = [
    ...(config.DATABASE_URL ? [] : [{ variable: 'DATABASE_URL', message: 'is required for this process' }]),
    ...(config.TEMPORAL_ADDRESS ? [] : [{ variable: 'TEMPORAL_ADDRESS', message: 'is required for this process' }]),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return { databaseUrl: config.DATABASE_URL!, temporalAddress: config.TEMPORAL_ADDRESS! };
}
