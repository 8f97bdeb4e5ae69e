import { AddOnPack } from './AddOnPack.js';
import { Client } from './Client.js';
import { Project } from './Project.js';
import { ServicePackage } from './ServicePackage.js';
import { StageEvent } from './StageEvent.js';

export { AddOnPack, Client, Project, ServicePackage, StageEvent };

/** Every entity the ORM knows, listed explicitly so no folder scanning happens at start. */
export const ALL_ENTITIES = [Client, ServicePackage, AddOnPack, Project, StageEvent];
