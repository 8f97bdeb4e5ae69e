/**
 * `npm run token -- <username>`: prints a bearer token for a seeded user, signed with
 * AUTH_JWT_SECRET or the secret `npm start` keeps in the data folder. Without a name it
 * lists the seeded users. For development: production tokens come from your identity
 * provider (AUTH_JWKS_URL).
 */
import { readFile } from 'node:fs/promises';
import { SEED_USERS } from '../src/identity/domain/seedUsers.js';
import { mintToken } from '../src/identity/services/tokens.js';
import { devSecretFile } from '../src/platform/runtime/authSettings.js';
import { loadConfig } from '../src/platform/runtime/config.js';

const config = loadConfig();
const username = process.argv[2];
const user = SEED_USERS.find((candidate) => candidate.username === username);
if (!user) {
  console.error(`Usage: npm run token -- <username>\nSeeded users:\n${SEED_USERS.map((u) => `  ${u.username.padEnd(14)} ${u.role.padEnd(7)} ${u.displayName}`).join('\n')}`);
  process.exit(username ? 2 : 0);
}
const secret = config.AUTH_JWT_SECRET ?? (await readFile(devSecretFile(config), 'utf8').then((text) => text.trim(), () => ''));
if (!secret) {
  console.error(`No secret to sign with: set AUTH_JWT_SECRET, or run \`npm start\` once (it keeps one in ${devSecretFile(config)}).`);
  process.exit(2);
}
console.log(await mintToken({ secret, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }, user));
