import type { PackagePolicy } from '../../catalog/domain/packagePolicy.js';
import type { SopState } from './sopState.js';

/**
 * A new project as createProject decided it: what its row and its first timeline entry
 * hold. It travels in the workflow's input, and the workflow's first activity writes it,
 * so a project row exists exactly when its workflow does (see `projectSop`).
 */
export interface ProjectRecord {
  projectId: string;
  name: string;
  clientId: string;
  packageCode: string;
  /** For the timeline's summary. */
  packageName: string;
  /** The package's policy version the project starts on. */
  policyVersion: number;
  addOnCodes: string[];
  /** The version of each add-on bought, by code. */
  addOnVersions: Record<string, number>;
  projectLead: string;
  contractValue: number | null;
  /** When delivery (acceptance) was promised (ISO 8601); absent or null: none. Absent in projects created before it existed. */
  plannedDeliveryAt?: string | null;
  /** Who created it: the timeline's actor. */
  actor: string;
  /** When createProject accepted the request (ISO 8601): the row's and the event's time, the same on every retry. */
  createdAt: string;
}

/** What the workflow's first activity writes: the record, plus what only the workflow holds. */
export interface ProjectRow extends ProjectRecord {
  workflowId: string;
  policy: PackagePolicy;
  /** The workflow's state as it starts (the stage, the staging URL, seq 0). */
  state: SopState;
}
