export * from './units';
export * from './units-csv';
