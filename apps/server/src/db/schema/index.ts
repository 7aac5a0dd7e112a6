export * from './enums.js';
export * from './areas.js';
export * from './users.js';
export * from './registry.js';
export * from './map.js';
export * from './imports.js';
export * from './visits.js';
