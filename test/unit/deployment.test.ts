import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/platform/runtime/config.js';
import { CUSTOM_SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes.js';

// No Docker engine runs here, so these tests check what can be checked without one:
// the file parses, its services are the ones the design names, and what it hands the
// app is what the app reads.
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; build?: string; command?: string[] | string; environment?: Record<string, unknown>; depends_on?: unknown }>;
};
const services = compose.services;
const appServices = ['migrate', 'api', 'worker'];

describe('docker-compose.yml', () => {
  it('runs postgres, temporal, temporal-ui, api and worker', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'api', 'worker']) expect(services).toHaveProperty(name);
  });

  it('builds every app process from the one Dockerfile, each running an entry that exists', () => {
    expect(existsSync('Dockerfile')).toBe(true);
    for (const name of appServices) {
      expect(services[name]!.build).toBe('.');
      const command = services[name]!.command as string[];
      const entry = command.find((part) => part.startsWith('src/bin/'))!;
      expect(existsSync(entry), `${name} runs ${entry}`).toBe(true);
    }
  });

  it('gives the app only variables it reads, and a valid configuration', () => {
    for (const name of appServices) {
      const environment = services[name]!.environment!;
      for (const variable of Object.keys(environment)) expect(CONFIG_VARIABLES).toContain(variable);
      const env = Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)]));
      expect(() => loadConfig(env)).not.toThrow();
    }
  });

  it('points the app at the compose postgres and temporal services with matching credentials', () => {
    const postgres = services.postgres!.environment as Record<string, string>;
    for (const name of appServices) {
      const env = services[name]!.environment as Record<string, string>;
      const url = new URL(env.DATABASE_URL!);
      expect(url.hostname).toBe('postgres');
      expect(url.username).toBe(postgres.POSTGRES_USER);
      expect(url.password).toBe(postgres.POSTGRES_PASSWORD);
      expect(url.pathname).toBe(`/${postgres.POSTGRES_DB}`);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    }
    expect(services.temporal!.environment).toMatchObject({ POSTGRES_SEEDS: 'postgres', POSTGRES_USER: postgres.POSTGRES_USER });
    expect((services['temporal-ui']!.environment as Record<string, string>).TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('registers every custom search attribute the workflows set, with its type', () => {
    const setup = JSON.stringify(services['temporal-setup']!.command);
    const typeNames: Record<string, string> = { KEYWORD: 'Keyword', BOOL: 'Bool' };
    for (const key of CUSTOM_SEARCH_ATTRIBUTES) expect(setup).toContain(`${key.name}=${typeNames[key.type]}`);
  });

  it('binds the api to all interfaces inside its container', () => {
    expect(services.api!.environment).toMatchObject({ API_HOST: '0.0.0.0' });
  });

  it('makes the operator set the token secret: the api never runs with a known one', () => {
    expect(String((services.api!.environment as Record<string, string>).AUTH_JWT_SECRET)).toMatch(/^\$\{AUTH_JWT_SECRET:\?.+\}$/);
  });
});

describe('README', () => {
  it('documents every configuration variable', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const variable of CONFIG_VARIABLES) expect(readme).toContain(`\`${variable}\``);
  });
});
