import { AddOnPack } from './AddOnPack.js';
import { Client } from './Client.js';
import { ServicePackage } from './ServicePackage.js';

export { AddOnPack, Client, ServicePackage };

/** The catalog context's tables. */
export const CATALOG_ENTITIES = [Client, ServicePackage, AddOnPack];
