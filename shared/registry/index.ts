export * from './units';
export * from './units-csv';
export * from './history';
export * from './lineage';
export * from './coordinator';
export * from './closed-periods';
