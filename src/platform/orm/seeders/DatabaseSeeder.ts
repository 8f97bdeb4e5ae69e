import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { DEFAULT_ADD_ONS, DEFAULT_PACKAGES } from '../../../catalog/domain/defaultPackages.js';
import { validatePolicy } from '../../../catalog/domain/packagePolicy.js';
import { AddOnPack, AddOnPackVersion, Client, ServicePackage, ServicePackageVersion } from '../../../catalog/entities/index.js';
import { DEFAULT_SLA_POLICY } from '../../../aftersales/domain/slaPolicy.js';
import { SlaPolicyVersion } from '../../../aftersales/entities/index.js';
import { SEED_CLIENTS, SEED_USERS } from '../../../identity/domain/seedUsers.js';
import { User } from '../../../identity/entities/index.js';

/**
 * Loads the seed packages and add-on packs (as their version 1), two clients, the seed
 * users and the default SLA policy (version 1) once. Rows that already exist are left as they are: after the first start
 * the database, not this file, owns the policies (ADMINs add versions through the API).
 */
export class DatabaseSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const knownPackages = new Set((await em.find(ServicePackage, {}, { fields: ['code'] })).map((row) => row.code));
    for (const definition of DEFAULT_PACKAGES) {
      if (knownPackages.has(definition.code)) continue;
      const problems = validatePolicy(definition.policy);
      if (problems.length > 0) {
        throw new Error(`Seed policy ${definition.code} is invalid: ${JSON.stringify(problems)}`);
      }
      const servicePackage = em.create(ServicePackage, { ...definition, version: 1 });
      em.create(ServicePackageVersion, { servicePackage, version: 1, policy: definition.policy, createdBy: 'seed' });
    }

    const knownAddOns = new Set((await em.find(AddOnPack, {}, { fields: ['code'] })).map((row) => row.code));
    for (const definition of DEFAULT_ADD_ONS) {
      if (knownAddOns.has(definition.code)) continue;
      const addOnPack = em.create(AddOnPack, { ...definition, version: 1 });
      em.create(AddOnPackVersion, { addOnPack, version: 1, name: definition.name, description: definition.description, effect: definition.effect, createdBy: 'seed' });
    }

    const knownClients = new Set((await em.find(Client, { id: { $in: SEED_CLIENTS.map((c) => c.id) } }, { fields: ['id'] })).map((row) => row.id));
    for (const client of SEED_CLIENTS) {
      if (!knownClients.has(client.id)) em.create(Client, { ...client, contactEmail: null });
    }
    const knownUsers = new Set((await em.find(User, {}, { fields: ['username'] })).map((row) => row.username));
    for (const { clientId, ...user } of SEED_USERS) {
      if (!knownUsers.has(user.username)) em.create(User, { ...user, team: user.team ?? null, client: clientId });
    }
    if ((await em.count(SlaPolicyVersion, {})) === 0) {
      em.create(SlaPolicyVersion, { version: DEFAULT_SLA_POLICY.version, policy: DEFAULT_SLA_POLICY, packageOverrides: {}, addOnOverrides: {}, createdBy: 'seed' });
    }
    await em.flush();
  }
}
