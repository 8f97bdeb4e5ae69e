import { AddOnPack } from './AddOnPack.js';
import { AddOnPackVersion } from './AddOnPackVersion.js';
import { Client } from './Client.js';
import { ServicePackage } from './ServicePackage.js';
import { ServicePackageVersion } from './ServicePackageVersion.js';

export { AddOnPack, AddOnPackVersion, Client, ServicePackage, ServicePackageVersion };

/** The catalog context's tables. */
export const CATALOG_ENTITIES = [Client, ServicePackage, ServicePackageVersion, AddOnPack, AddOnPackVersion];
