import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/runtime/config.js';
import { requireExternalServices } from '../../src/platform/runtime/requireServices.js';

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      EMBEDDED_PG_PORT: 5433,
      DATA_DIR: '.data',
      TEMPORAL_PORT: 7233,
      TEMPORAL_UI_PORT: 8233,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'delivery-sop',
      API_HOST: '127.0.0.1',
      API_PORT: 4000,
      SOP_DAY_MS: 86_400_000,
      LOG_LEVEL: 'info',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: ' ' })).not.toHaveProperty('DATABASE_URL', '');
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('reads external services and ports', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/sop', TEMPORAL_ADDRESS: 'temporal:7233', API_PORT: '8080' });
    expect(config).toMatchObject({ DATABASE_URL: 'postgresql://u:p@db:5432/sop', TEMPORAL_ADDRESS: 'temporal:7233', API_PORT: 8080 });
  });

  it('reports every bad variable at once, machine-readably', () => {
    const attempt = () =>
      loadConfig({ API_PORT: 'eighty', EMBEDDED_PG_PORT: '5432', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const json = (error as ConfigError).toJSON();
      expect(json.error).toBe('CONFIG_INVALID');
      expect(json.problems.map((p) => p.variable).sort()).toEqual(['API_PORT', 'DATABASE_URL', 'EMBEDDED_PG_PORT', 'LOG_LEVEL']);
      expect(json.problems.find((p) => p.variable === 'EMBEDDED_PG_PORT')?.message).toContain('5432');
    }
  });

  it('makes the separate api and worker processes name both services', () => {
    expect(() => requireExternalServices(loadConfig({}))).toThrow(/DATABASE_URL is required.*TEMPORAL_ADDRESS is required/);
  });
});
