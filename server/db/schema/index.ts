/**
 * The drizzle tables, one file per domain, all re-exported here: code imports `db/schema`, and
 * drizzle-kit reads this file (drizzle.config.ts), not the folder, which would see every table twice.
 */

export * from './accounts';
export * from './adx-mappings';
export * from './analytics';
export * from './audit';
export * from './briefings';
export * from './countries';
export * from './frameworks';
export * from './me-profiles';
export * from './notifications';
export * from './peer-groups';
export * from './plan-indicators';
export * from './plans';
export * from './reporting';
export * from './rounds';
export * from './translations';
export * from './values';
