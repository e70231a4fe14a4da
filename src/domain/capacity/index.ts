export * from './rules.js';
export * from './closures.js';
export * from './pools.js';
