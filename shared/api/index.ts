export * from './schemas';
export * from '../submission';
export * from '../registry/units';
export * from './openapi';
export * from '../registry/units-csv';
export * from './media';
