export * from './people';
export * from './import-plan';
export * from './people-csv';
export * from './session-lifetime';
export * from './claims';
