import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TokenSettings } from '../../identity/services/tokens.js';
import { ConfigError, type Config } from './config.js';

/** Where `npm start` keeps the HS256 secret it made, so tokens outlive a restart. */
export const devSecretFile = (config: Pick<Config, 'DATA_DIR'>) => path.join(config.DATA_DIR, 'auth-secret');

/** The configured token settings; null when neither a secret nor a JWKS URL is set. */
function configured(config: Config): TokenSettings | null {
  if (!config.AUTH_JWT_SECRET && !config.AUTH_JWKS_URL) return null;
  return { secret: config.AUTH_JWT_SECRET, jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
}

/** The separate api process needs its token settings configured: it never makes a secret up. */
export function requireTokenSettings(config: Config): TokenSettings {
  const settings = configured(config);
  if (!settings) throw new ConfigError([{ variable: 'AUTH_JWT_SECRET', message: 'or AUTH_JWKS_URL is required for this process' }]);
  return settings;
}

/**
 * `npm start`'s token settings: the configured ones, else a random secret kept in the
 * data folder (made on first start, readable by its owner only), which
 * `npm run token` signs with too.
 */
export async function devTokenSettings(config: Config): Promise<TokenSettings & { secretFile?: string }> {
  const settings = configured(config);
  if (settings) return settings;
  const file = devSecretFile(config);
  let secret = await readFile(file, 'utf8').then((text) => text.trim(), () => '');
  if (secret.length < 32) {
    secret = randomBytes(32).toString('base64url');
    await mkdir(config.DATA_DIR, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  return { secret, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, secretFile: file };
}
