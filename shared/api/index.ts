export * from './schemas';
export * from './submission';
export * from './units';
export * from './openapi';
export * from './units-csv';
export * from './media';
