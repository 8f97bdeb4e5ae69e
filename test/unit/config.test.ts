import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devSecretFile, devTokenSettings, requireTokenSettings } from '../../src/platform/runtime/authSettings.js';
import { DEFAULT_OUTBOUND_POLICY, refusalOf } from '../../src/platform/outbound/outboundPolicy.js';
import { CONFIG_VARIABLES, ConfigError, loadConfig, notificationSettingsOf, outboundPolicyOf, slaAlertingOf } from '../../src/platform/runtime/config.js';
import { requireExternalServices } from '../../src/platform/runtime/requireServices.js';
import { workerMetricsAddress } from '../../src/platform/runtime/worker.js';

/** The problems loadConfig reports for an environment (empty when it loads). */
function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
}
const badVariables = (env: Record<string, string>) => problemsOf(env).map((p) => p.variable).sort();

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      EMBEDDED_PG_PORT: 5433,
      DATABASE_POOL_SIZE: 10,
      DATA_DIR: '.data',
      TEMPORAL_PORT: 7233,
      TEMPORAL_UI_PORT: 8233,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'delivery-sop',
      API_HOST: '127.0.0.1',
      API_PORT: 4000,
      SOP_DAY_MS: 86_400_000,
      OUTBOUND_ALLOWED_NETWORKS: [],
      OUTBOUND_MAX_REDIRECTS: 3,
      OUTBOUND_TIMEOUT_MS: 10_000,
      AUTH_ISSUER: 'delivery-sop',
      AUTH_AUDIENCE: 'delivery-sop-api',
      LOG_LEVEL: 'info',
      API_BODY_LIMIT_BYTES: 1_048_576,
      GRAPHQL_MAX_DEPTH: 12,
      GRAPHQL_MAX_ALIASES: 15,
      GRAPHQL_MAX_COST: 20_000,
      GRAPHQL_MAX_TOKENS: 2000,
      GRAPHQL_MAX_DIRECTIVES: 50,
      RATE_LIMIT_MUTATIONS_PER_MINUTE: 120,
      SLA_WARN_SHARE: 0.8,
      SLA_LEAD_TIME_MINUTES: 30,
      SLA_WARNINGS_IN_BUSINESS_HOURS: false,
    });
  });

  it('reads exactly these variables', () => {
    expect([...CONFIG_VARIABLES].sort()).toEqual(
      [
        'DATABASE_URL',
        'DATABASE_POOL_SIZE',
        'EMBEDDED_PG_PORT',
        'DATA_DIR',
        'TEMPORAL_ADDRESS',
        'TEMPORAL_PORT',
        'TEMPORAL_UI_PORT',
        'TEMPORAL_NAMESPACE',
        'TEMPORAL_TASK_QUEUE',
        'TEMPORAL_CLI_PATH',
        'API_HOST',
        'API_PORT',
        'SOP_DAY_MS',
        'OUTBOUND_ALLOWED_NETWORKS',
        'OUTBOUND_MAX_REDIRECTS',
        'OUTBOUND_TIMEOUT_MS',
        'AUTH_JWT_SECRET',
        'AUTH_JWKS_URL',
        'AUTH_ISSUER',
        'AUTH_AUDIENCE',
        'LOG_LEVEL',
        'API_BODY_LIMIT_BYTES',
        'GRAPHQL_MAX_DEPTH',
        'GRAPHQL_MAX_ALIASES',
        'GRAPHQL_MAX_COST',
        'GRAPHQL_MAX_TOKENS',
        'GRAPHQL_MAX_DIRECTIVES',
        'GRAPHQL_INTROSPECTION',
        'RATE_LIMIT_MUTATIONS_PER_MINUTE',
        'WORKER_METRICS_PORT',
        'NOTIFY_WEBHOOK_URL',
        'NOTIFY_WEBHOOK_SECRET',
        'SLA_WARN_SHARE',
        'SLA_LEAD_TIME_MINUTES',
        'SLA_WARNINGS_IN_BUSINESS_HOURS',
      ].sort(),
    );
  });

  it('reads the SLA alerting settings within their ranges, and hands them over in milliseconds', () => {
    const config = loadConfig({ SLA_WARN_SHARE: '0.5', SLA_LEAD_TIME_MINUTES: '45', SLA_WARNINGS_IN_BUSINESS_HOURS: 'true' });
    expect(slaAlertingOf(config)).toEqual({ warnShare: 0.5, leadTimeMillis: 45 * 60_000, warningsInBusinessHours: true });
    expect(loadConfig({ SLA_WARN_SHARE: '1' }).SLA_WARN_SHARE).toBe(1);
    for (const bad of ['0', '-0.1', '1.01', 'most']) expect(badVariables({ SLA_WARN_SHARE: bad }), bad).toEqual(['SLA_WARN_SHARE']);
    for (const bad of ['-1', '10081', '2.5']) expect(badVariables({ SLA_LEAD_TIME_MINUTES: bad }), bad).toEqual(['SLA_LEAD_TIME_MINUTES']);
    for (const bad of ['yes', '1', 'TRUE']) expect(badVariables({ SLA_WARNINGS_IN_BUSINESS_HOURS: bad }), bad).toEqual(['SLA_WARNINGS_IN_BUSINESS_HOURS']);
  });

  it('ignores variables it does not read', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it.each(['EMBEDDED_PG_PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'API_PORT'])('coerces %s to a port number in 1..65535', (variable) => {
    expect(loadConfig({ [variable]: '8081' })[variable as 'API_PORT']).toBe(8081);
    expect(loadConfig({ [variable]: ' 1 ' })[variable as 'API_PORT']).toBe(1);
    expect(loadConfig({ [variable]: '65535' })[variable as 'API_PORT']).toBe(65535);
    for (const bad of ['0', '65536', '-1', '80.5', 'eighty']) expect(badVariables({ [variable]: bad }), `${variable}=${bad}`).toEqual([variable]);
  });

  it('refuses 5432 for the embedded Postgres, saying why', () => {
    const problems = problemsOf({ EMBEDDED_PG_PORT: '5432' });
    expect(problems).toEqual([{ variable: 'EMBEDDED_PG_PORT', message: 'must not be 5432: a machine may already run a Postgres there' }]);
    expect(loadConfig({ TEMPORAL_PORT: '5432' }).TEMPORAL_PORT).toBe(5432);
  });

  it('takes SOP_DAY_MS as whole milliseconds from 10 to one day', () => {
    expect(loadConfig({ SOP_DAY_MS: '2000' }).SOP_DAY_MS).toBe(2000);
    expect(loadConfig({ SOP_DAY_MS: '10' }).SOP_DAY_MS).toBe(10);
    expect(loadConfig({ SOP_DAY_MS: '86400000' }).SOP_DAY_MS).toBe(86_400_000);
    for (const bad of ['9', '0', '86400001', '1.5', 'fast']) expect(badVariables({ SOP_DAY_MS: bad }), bad).toEqual(['SOP_DAY_MS']);
  });

  it.each(['postgres://u:p@db:5432/sop', 'postgresql://u:p@db:5432/sop', 'postgres://localhost/sop'])('accepts DATABASE_URL %s', (url) => {
    expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(['mysql://u:p@db/sop', 'http://db:5432/sop', 'postgresx://db/sop', 'db:5432/sop', 'not a url'])('refuses DATABASE_URL %s', (url) => {
    expect(badVariables({ DATABASE_URL: url })).toEqual(['DATABASE_URL']);
  });

  it('takes DATABASE_POOL_SIZE as a whole number of connections from 1 to 1000', () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: '1' }).DATABASE_POOL_SIZE).toBe(1);
    expect(loadConfig({ DATABASE_POOL_SIZE: '40' }).DATABASE_POOL_SIZE).toBe(40);
    for (const bad of ['0', '-3', '2.5', '1001', 'ten']) expect(badVariables({ DATABASE_POOL_SIZE: bad }), bad).toEqual(['DATABASE_POOL_SIZE']);
  });

  it('takes LOG_LEVEL from debug, info, warn and error only', () => {
    for (const level of ['debug', 'info', 'warn', 'error']) expect(loadConfig({ LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    for (const bad of ['loud', 'INFO', 'trace']) expect(badVariables({ LOG_LEVEL: bad }), bad).toEqual(['LOG_LEVEL']);
  });

  it('takes the API limits as whole numbers in their ranges', () => {
    expect(
      loadConfig({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_ALIASES: '0', GRAPHQL_MAX_COST: '20000', GRAPHQL_MAX_TOKENS: '500', GRAPHQL_MAX_DIRECTIVES: '5', RATE_LIMIT_MUTATIONS_PER_MINUTE: '0', API_BODY_LIMIT_BYTES: '65536' }),
    ).toMatchObject({ GRAPHQL_MAX_DEPTH: 8, GRAPHQL_MAX_ALIASES: 0, GRAPHQL_MAX_COST: 20_000, GRAPHQL_MAX_TOKENS: 500, GRAPHQL_MAX_DIRECTIVES: 5, RATE_LIMIT_MUTATIONS_PER_MINUTE: 0, API_BODY_LIMIT_BYTES: 65_536 });
    const bad: [string, string][] = [
      ['GRAPHQL_MAX_DEPTH', '0'],
      ['GRAPHQL_MAX_DEPTH', '101'],
      ['GRAPHQL_MAX_ALIASES', '-1'],
      ['GRAPHQL_MAX_COST', '0'],
      ['GRAPHQL_MAX_COST', '1.5'],
      ['GRAPHQL_MAX_TOKENS', '99'],
      ['GRAPHQL_MAX_DIRECTIVES', 'many'],
      ['RATE_LIMIT_MUTATIONS_PER_MINUTE', '-5'],
      ['API_BODY_LIMIT_BYTES', '1023'],
      ['API_BODY_LIMIT_BYTES', '1mb'],
    ];
    for (const [variable, value] of bad) expect(badVariables({ [variable]: value }), `${variable}=${value}`).toEqual([variable]);
  });

  it('leaves GRAPHQL_INTROSPECTION to the entry unless it is true or false', () => {
    expect(loadConfig({}).GRAPHQL_INTROSPECTION).toBeUndefined();
    expect(loadConfig({ GRAPHQL_INTROSPECTION: '' }).GRAPHQL_INTROSPECTION).toBeUndefined();
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'true' }).GRAPHQL_INTROSPECTION).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: ' false ' }).GRAPHQL_INTROSPECTION).toBe(false);
    for (const bad of ['yes', '1', 'TRUE', 'on']) expect(badVariables({ GRAPHQL_INTROSPECTION: bad }), bad).toEqual(['GRAPHQL_INTROSPECTION']);
  });

  it('serves worker metrics only when WORKER_METRICS_PORT is set, on API_HOST', () => {
    expect(loadConfig({}).WORKER_METRICS_PORT).toBeUndefined();
    expect(workerMetricsAddress(loadConfig({}))).toBeUndefined();
    expect(workerMetricsAddress(loadConfig({ WORKER_METRICS_PORT: '9464' }))).toBe('127.0.0.1:9464');
    expect(workerMetricsAddress(loadConfig({ WORKER_METRICS_PORT: '9464', API_HOST: '0.0.0.0' }))).toBe('0.0.0.0:9464');
    expect(workerMetricsAddress(loadConfig({ WORKER_METRICS_PORT: '9464', API_HOST: '::' }))).toBe('[::]:9464');
    for (const bad of ['0', '65536', 'metrics']) expect(badVariables({ WORKER_METRICS_PORT: bad }), bad).toEqual(['WORKER_METRICS_PORT']);
  });

  it('trims names, and treats a blank variable as not set', () => {
    expect(loadConfig({ TEMPORAL_NAMESPACE: ' sop ', TEMPORAL_TASK_QUEUE: 'q1', API_HOST: '0.0.0.0', DATA_DIR: '/var/lib/sop' })).toMatchObject({
      TEMPORAL_NAMESPACE: 'sop',
      TEMPORAL_TASK_QUEUE: 'q1',
      API_HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/sop',
    });
    // `API_PORT=` in an env file or compose means "not set", as shells and Docker treat it.
    expect(loadConfig({ TEMPORAL_NAMESPACE: '  ', API_HOST: ' ', API_PORT: '', SOP_DAY_MS: ' ', LOG_LEVEL: '' })).toMatchObject({
      TEMPORAL_NAMESPACE: 'default',
      API_HOST: '127.0.0.1',
      API_PORT: 4000,
      SOP_DAY_MS: 86_400_000,
      LOG_LEVEL: 'info',
    });
  });

  it.each(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_CLI_PATH'])('treats an empty or blank %s as unset', (variable) => {
    expect(loadConfig({ [variable]: '' })[variable as 'DATABASE_URL']).toBeUndefined();
    expect(loadConfig({ [variable]: '   ' })[variable as 'DATABASE_URL']).toBeUndefined();
  });

  it('reads external services, trimmed', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/sop', TEMPORAL_ADDRESS: ' temporal:7233 ', TEMPORAL_CLI_PATH: '/opt/temporal' });
    expect(config).toMatchObject({ DATABASE_URL: 'postgresql://u:p@db:5432/sop', TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_CLI_PATH: '/opt/temporal' });
  });

  it('reports every bad variable at once, machine-readably', () => {
    const env = { API_PORT: 'eighty', EMBEDDED_PG_PORT: '5432', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SOP_DAY_MS: '1', TEMPORAL_UI_PORT: '0' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    const problems = problemsOf(env);
    expect(problems.map((p) => p.variable).sort()).toEqual(['API_PORT', 'DATABASE_URL', 'EMBEDDED_PG_PORT', 'LOG_LEVEL', 'SOP_DAY_MS', 'TEMPORAL_UI_PORT']);
    const error = new ConfigError(problems);
    expect(error.toJSON()).toEqual({ error: 'CONFIG_INVALID', problems });
    for (const { variable } of problems) expect(error.message).toContain(variable);
  });

  it('makes the separate api and worker processes name both services', () => {
    expect(() => requireExternalServices(loadConfig({}))).toThrow(/DATABASE_URL is required.*TEMPORAL_ADDRESS is required/);
  });
});

describe('token settings', () => {
  it('refuses a short secret and a JWKS URL that is not http(s)', () => {
    expect(badVariables({ AUTH_JWT_SECRET: 'too-short' })).toEqual(['AUTH_JWT_SECRET']);
    expect(badVariables({ AUTH_JWKS_URL: 'file:///etc/jwks.json' })).toEqual(['AUTH_JWKS_URL']);
    expect(loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json' })).toMatchObject({
      AUTH_JWT_SECRET: 'x'.repeat(32),
      AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
    });
  });

  it('makes the separate api process name its token settings, and npm start keep a secret of its own', async () => {
    expect(() => requireTokenSettings(loadConfig({}))).toThrow(ConfigError);
    expect(requireTokenSettings(loadConfig({ AUTH_JWT_SECRET: 's'.repeat(40) }))).toMatchObject({ secret: 's'.repeat(40), issuer: 'delivery-sop' });
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sop-auth-'));
    try {
      const first = await devTokenSettings(loadConfig({ DATA_DIR: dataDir }));
      expect(first.secret!.length).toBeGreaterThanOrEqual(32);
      expect((await stat(devSecretFile({ DATA_DIR: dataDir }))).mode & 0o777).toBe(0o600);
      // The same secret after a restart, so tokens minted before still work.
      expect((await devTokenSettings(loadConfig({ DATA_DIR: dataDir }))).secret).toBe(first.secret);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('outbound configuration', () => {

  it('defaults to public addresses only, three redirects and ten seconds', () => {
    expect(loadConfig({})).toMatchObject({ OUTBOUND_ALLOWED_NETWORKS: [], OUTBOUND_MAX_REDIRECTS: 3, OUTBOUND_TIMEOUT_MS: 10_000 });
    expect(outboundPolicyOf(loadConfig({}))).toEqual(DEFAULT_OUTBOUND_POLICY);
  });

  it('reads OUTBOUND_ALLOWED_NETWORKS as a comma list, trimming spaces and skipping empty entries', () => {
    const config = loadConfig({ OUTBOUND_ALLOWED_NETWORKS: ' 127.0.0.0/8 , 10.0.0.5,fd00::/8 ,' });
    expect(config.OUTBOUND_ALLOWED_NETWORKS).toEqual(['127.0.0.0/8', '10.0.0.5', 'fd00::/8']);
    expect(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: ' , ' }).OUTBOUND_ALLOWED_NETWORKS).toEqual([]);
  });

  it('refuses a bad network entry, naming the variable and the entry', () => {
    const problems = problemsOf({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8, intranet, 10.0.0.0/40' });
    expect(problems.map((p) => p.variable)).toEqual(['OUTBOUND_ALLOWED_NETWORKS', 'OUTBOUND_ALLOWED_NETWORKS']);
    expect(problems[0]?.message).toContain('intranet');
    expect(problems[1]?.message).toContain('10.0.0.0/40');
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: 'intranet' })).toThrow(/OUTBOUND_ALLOWED_NETWORKS/);
  });

  it('takes OUTBOUND_MAX_REDIRECTS as a whole number from 0 to 10', () => {
    expect(loadConfig({ OUTBOUND_MAX_REDIRECTS: '0' }).OUTBOUND_MAX_REDIRECTS).toBe(0);
    expect(loadConfig({ OUTBOUND_MAX_REDIRECTS: ' 10 ' }).OUTBOUND_MAX_REDIRECTS).toBe(10);
    for (const bad of ['-1', '11', '1.5', 'many']) expect(badVariables({ OUTBOUND_MAX_REDIRECTS: bad }), bad).toEqual(['OUTBOUND_MAX_REDIRECTS']);
  });

  it('takes OUTBOUND_TIMEOUT_MS as whole milliseconds from 100 to 60000', () => {
    expect(loadConfig({ OUTBOUND_TIMEOUT_MS: '100' }).OUTBOUND_TIMEOUT_MS).toBe(100);
    expect(loadConfig({ OUTBOUND_TIMEOUT_MS: '60000' }).OUTBOUND_TIMEOUT_MS).toBe(60_000);
    for (const bad of ['99', '60001', '0', '250.5', 'slow']) expect(badVariables({ OUTBOUND_TIMEOUT_MS: bad }), bad).toEqual(['OUTBOUND_TIMEOUT_MS']);
  });

  it('turns the configuration into the policy requests are sent under', () => {
    const policy = outboundPolicyOf(
      loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8,fd00::/8', OUTBOUND_MAX_REDIRECTS: '5', OUTBOUND_TIMEOUT_MS: '2500' }),
    );
    expect(policy).toEqual({ allowedNetworks: ['127.0.0.0/8', 'fd00::/8'], maxRedirects: 5, timeoutMs: 2500 });
    // The configured list is what refusalOf consults.
    expect(refusalOf('127.0.0.1', policy)).toBeNull();
    expect(refusalOf('10.0.0.1', policy)).toBe('private');
  });
});

describe('notification configuration', () => {
  const secret = 'n'.repeat(32);

  it('sends notifications to the log only when NOTIFY_WEBHOOK_URL is unset', () => {
    expect(loadConfig({})).not.toHaveProperty('NOTIFY_WEBHOOK_URL');
    expect(notificationSettingsOf(loadConfig({}))).toEqual({});
    expect(loadConfig({ NOTIFY_WEBHOOK_URL: ' ', NOTIFY_WEBHOOK_SECRET: '' }).NOTIFY_WEBHOOK_URL).toBeUndefined();
    // A secret alone does nothing (and is not an error: it may be set ahead of the URL).
    expect(notificationSettingsOf(loadConfig({ NOTIFY_WEBHOOK_SECRET: secret }))).toEqual({});
  });

  it('posts to NOTIFY_WEBHOOK_URL, signed with NOTIFY_WEBHOOK_SECRET', () => {
    const config = loadConfig({ NOTIFY_WEBHOOK_URL: ' https://hooks.example.com/sla ', NOTIFY_WEBHOOK_SECRET: secret });
    expect(notificationSettingsOf(config)).toEqual({ webhook: { url: 'https://hooks.example.com/sla', secret } });
  });

  it('needs a secret of 32+ characters with the URL', () => {
    expect(problemsOf({ NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/sla' })).toEqual([
      { variable: 'NOTIFY_WEBHOOK_SECRET', message: 'is required when NOTIFY_WEBHOOK_URL is set' },
    ]);
    expect(problemsOf({ NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/sla', NOTIFY_WEBHOOK_SECRET: 'n'.repeat(31) })).toEqual([
      { variable: 'NOTIFY_WEBHOOK_SECRET', message: 'must be at least 32 characters' },
    ]);
    expect(badVariables({ NOTIFY_WEBHOOK_SECRET: 'short' })).toEqual(['NOTIFY_WEBHOOK_SECRET']);
  });

  it('never repeats the secret in a problem', () => {
    const short = 'hunter2-is-not-long-enough';
    expect(JSON.stringify(problemsOf({ NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/sla', NOTIFY_WEBHOOK_SECRET: short }))).not.toContain(short);
  });

  it.each(['ftp://hooks.example.com/', 'file:///etc/passwd', 'hooks.example.com/sla', 'not a url'])('refuses NOTIFY_WEBHOOK_URL %s', (url) => {
    expect(badVariables({ NOTIFY_WEBHOOK_URL: url, NOTIFY_WEBHOOK_SECRET: secret })).toEqual(['NOTIFY_WEBHOOK_URL']);
  });

  it.each(['http://10.0.0.1/hooks', 'http://169.254.169.254/latest/meta-data', 'http://127.0.0.1:8080/', 'http://[::1]/', 'http://[::ffff:192.168.0.1]/'])(
    'refuses %s at start-up: the outbound policy would refuse every request',
    (url) => {
      const problems = problemsOf({ NOTIFY_WEBHOOK_URL: url, NOTIFY_WEBHOOK_SECRET: secret });
      expect(problems).toEqual([{ variable: 'NOTIFY_WEBHOOK_URL', message: expect.stringMatching(/^is refused by the outbound policy \(\w+ address\); add its network to OUTBOUND_ALLOWED_NETWORKS/) }]);
    },
  );

  it('accepts an inside address that OUTBOUND_ALLOWED_NETWORKS allows, and a host name (checked on every request)', () => {
    expect(loadConfig({ NOTIFY_WEBHOOK_URL: 'http://10.0.0.1/hooks', NOTIFY_WEBHOOK_SECRET: secret, OUTBOUND_ALLOWED_NETWORKS: '10.0.0.0/8' }).NOTIFY_WEBHOOK_URL).toBe('http://10.0.0.1/hooks');
    expect(loadConfig({ NOTIFY_WEBHOOK_URL: 'http://hooks.internal/sla', NOTIFY_WEBHOOK_SECRET: secret }).NOTIFY_WEBHOOK_URL).toBe('http://hooks.internal/sla');
  });

  it('reports webhook problems together with the others', () => {
    expect(badVariables({ API_PORT: 'eighty', NOTIFY_WEBHOOK_URL: 'http://169.254.169.254/' })).toEqual(['API_PORT', 'NOTIFY_WEBHOOK_SECRET', 'NOTIFY_WEBHOOK_URL']);
    // A bad allow-list is reported on its own, not as a refused URL.
    expect(badVariables({ OUTBOUND_ALLOWED_NETWORKS: 'intranet', NOTIFY_WEBHOOK_URL: 'http://10.0.0.1/', NOTIFY_WEBHOOK_SECRET: secret })).toEqual(['OUTBOUND_ALLOWED_NETWORKS']);
  });
});
