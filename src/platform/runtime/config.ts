import { DEFAULT_SLA_ALERTING, type SlaAlerting } from '../../aftersales/domain/slaAlerting.js';
import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from '../orm/connectionPool.js';
import { DEFAULT_OUTBOUND_POLICY, parseNetwork, type OutboundPolicy } from '../outbound/outboundPolicy.js';
import { WEBHOOK_SECRET_MIN_LENGTH, webhookSettingsProblems, type WebhookSettings } from '../notifications/webhookSettings.js';

const port = z.coerce.number().int().min(1).max(65535);
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A comma-separated list of CIDR networks (or single addresses); empty for none. */
const networkList = z
  .string()
  .default('')
  .transform((text) => text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      if (!parseNetwork(entry)) ctx.addIssue({ code: 'custom', message: `"${entry}" is not a CIDR network or an IP address` });
    }
  });

/** The variables the cross-variable check reads. */
const CROSS_CHECKED = new Set(['NOTIFY_WEBHOOK_URL', 'NOTIFY_WEBHOOK_SECRET', 'OUTBOUND_ALLOWED_NETWORKS']);

/**
 * Every environment variable the processes read, with its default. The README's
 * configuration table and docker-compose.yml are checked against this list in tests.
 */
export const configSchema = z.object({
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** Postgres connections per process; the API's requests and the worker's activities share them. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(DEFAULT_POOL_SIZE),
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
  OUTBOUND_ALLOWED_NETWORKS: networkList,
  OUTBOUND_MAX_REDIRECTS: z.coerce.number().int().min(0).max(10).default(DEFAULT_OUTBOUND_POLICY.maxRedirects),
  OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_OUTBOUND_POLICY.timeoutMs),
  AUTH_JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  AUTH_JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  AUTH_ISSUER: z.string().trim().min(1).default('delivery-sop'),
  AUTH_AUDIENCE: z.string().trim().min(1).default('delivery-sop-api'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  API_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(104_857_600).default(1_048_576),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(20_000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(2000),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(50),
  /** Unset: on for `npm start`, off for the separate `api` process. */
  GRAPHQL_INTROSPECTION: z
    .string()
    .trim()
    .pipe(z.enum(['true', 'false']))
    .transform((value) => value === 'true')
    .optional(),
  RATE_LIMIT_MUTATIONS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  WORKER_METRICS_PORT: port.optional(),
  /** When SLA warnings go out for new tickets (src/aftersales/domain/slaAlerting.ts). */
  SLA_WARN_SHARE: z.coerce.number().gt(0).max(1).default(DEFAULT_SLA_ALERTING.warnShare),
  SLA_LEAD_TIME_MINUTES: z.coerce.number().int().min(0).max(10_080).default(DEFAULT_SLA_ALERTING.leadTimeMillis / 60_000),
  SLA_WARNINGS_IN_BUSINESS_HOURS: z
    .string()
    .trim()
    .pipe(z.enum(['true', 'false']))
    .transform((value) => value === 'true')
    .default(false),
  /** Unset: notifications go to the log only. */
  NOTIFY_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  NOTIFY_WEBHOOK_SECRET: optionalString.pipe(z.string().min(WEBHOOK_SECRET_MIN_LENGTH, `must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters`).optional()),
}).superRefine(
  (config, ctx) => {
    // Checks across variables: a webhook URL needs its secret and must pass the outbound policy.
    for (const { variable, message } of webhookSettingsProblems(config.NOTIFY_WEBHOOK_URL, config.NOTIFY_WEBHOOK_SECRET, { allowedNetworks: config.OUTBOUND_ALLOWED_NETWORKS })) {
      // A variable already refused on its own is not reported twice.
      if (variable === 'NOTIFY_WEBHOOK_SECRET' && config.NOTIFY_WEBHOOK_SECRET !== undefined) continue;
      ctx.addIssue({ code: 'custom', path: [variable], message });
    }
  },
  // Runs even when other variables are bad, so every problem is reported at once; only
  // the variables it reads must have parsed.
  { when: ({ issues }) => !issues.some((issue) => CROSS_CHECKED.has(String(issue.path?.[0]))) },
);

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

/** Reads the configuration; a variable set to an empty string counts as not set, so it takes its default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = configSchema.safeParse(set);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), message: issue.message })),
  );
}

/** The outbound request policy the configuration describes. */
export function outboundPolicyOf(config: Config): OutboundPolicy {
  return { allowedNetworks: config.OUTBOUND_ALLOWED_NETWORKS, maxRedirects: config.OUTBOUND_MAX_REDIRECTS, timeoutMs: config.OUTBOUND_TIMEOUT_MS };
}

/** When SLA warnings go out for new tickets. */
export function slaAlertingOf(config: Pick<Config, 'SLA_WARN_SHARE' | 'SLA_LEAD_TIME_MINUTES' | 'SLA_WARNINGS_IN_BUSINESS_HOURS'>): SlaAlerting {
  return { warnShare: config.SLA_WARN_SHARE, leadTimeMillis: config.SLA_LEAD_TIME_MINUTES * 60_000, warningsInBusinessHours: config.SLA_WARNINGS_IN_BUSINESS_HOURS };
}

/** Where notifications go besides the log: the webhook, when NOTIFY_WEBHOOK_URL is set. */
export function notificationSettingsOf(config: Config): { webhook?: WebhookSettings } {
  return config.NOTIFY_WEBHOOK_URL && config.NOTIFY_WEBHOOK_SECRET ? { webhook: { url: config.NOTIFY_WEBHOOK_URL, secret: config.NOTIFY_WEBHOOK_SECRET } } : {};
}
