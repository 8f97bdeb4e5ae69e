import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/**
 * Every environment variable the processes read, with its default. The README's
 * configuration table and docker-compose.yml are checked against this list in tests.
 */
export const configSchema = z.object({
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  EMBEDDED_PG_PORT: port.default(5433).refine((value) => value !== 5432, {
    message: 'must not be 5432: a machine may already run a Postgres there',
  }),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().trim().min(1).default('delivery-sop'),
  TEMPORAL_CLI_PATH: optionalString,
  API_HOST: z.string().trim().min(1).default('127.0.0.1'),
  API_PORT: port.default(4000),
  SOP_DAY_MS: z.coerce.number().int().min(10).max(86_400_000).default(86_400_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

/** The variables the app reads, for the tests that keep README and compose in step. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as (keyof Config)[];

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Thrown when the environment is unusable; carries every problem, not just the first. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }

  toJSON() {
    return { error: this.code, problems: this.problems };
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), message: issue.message })),
  );
}
