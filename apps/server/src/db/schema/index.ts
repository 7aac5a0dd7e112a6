export * from './enums.js';
export * from './areas.js';
export * from './users.js';
export * from './registry.js';
