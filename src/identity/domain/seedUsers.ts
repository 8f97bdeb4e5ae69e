import type { Role } from './role.js';

/** A user the seeder creates on a fresh database; `npm run token -- <username>` mints a token for one. */
export interface SeedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** For CLIENT users: the seeded client they belong to. */
  clientId: string | null;
  /** For staff: the team they work in (CSMs' teams group the breach report). */
  team?: string | null;
}

/** Two clients to show that a client user sees only its own (Acme, tier A, has a dedicated CSM). Fixed ids, so tokens and tests can name them. */
export const SEED_CLIENTS = [
  { id: '00000000-0000-4000-8000-00000000c001', name: 'Acme Trading', tier: 'A' as const, dedicatedCsm: 'mia.csm' },
  { id: '00000000-0000-4000-8000-00000000c002', name: 'Globex Retail', tier: 'B' as const, dedicatedCsm: null },
];

export const SEED_USERS: readonly SeedUser[] = [
  { id: '00000000-0000-4000-8000-000000000a01', username: 'admin', displayName: 'Ada Admin', role: 'ADMIN', clientId: null },
  { id: '00000000-0000-4000-8000-000000000b01', username: 'lin.pm', displayName: 'Lin (project lead)', role: 'LEAD', clientId: null },
  { id: '00000000-0000-4000-8000-000000000b02', username: 'sam.pm', displayName: 'Sam (project lead)', role: 'LEAD', clientId: null },
  { id: '00000000-0000-4000-8000-000000000d01', username: 'mia.csm', displayName: 'Mia (customer success)', role: 'CSM', clientId: null, team: 'key-accounts' },
  { id: '00000000-0000-4000-8000-000000000d02', username: 'noah.csm', displayName: 'Noah (customer success)', role: 'CSM', clientId: null, team: 'support' },
  { id: '00000000-0000-4000-8000-000000000e01', username: 'acme.client', displayName: 'Acme Trading (client)', role: 'CLIENT', clientId: SEED_CLIENTS[0]!.id },
  { id: '00000000-0000-4000-8000-000000000e02', username: 'globex.client', displayName: 'Globex Retail (client)', role: 'CLIENT', clientId: SEED_CLIENTS[1]!.id },
];
