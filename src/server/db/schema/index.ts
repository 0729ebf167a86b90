export * from './units.js';
export * from './users.js';
export * from './registry.js';
export * from './audit.js';
export * from './imports.js';
export * from './onestop.js';
export * from './counter.js';
export * from './citizens.js';
