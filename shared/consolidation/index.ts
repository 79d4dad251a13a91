export * from './consolidate';
export * from './status';
export * from './period-status';
export * from './schema';
export * from './audit';
export * from './coverage';
