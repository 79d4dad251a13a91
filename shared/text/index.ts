export * from './unwritable';
export * from './spreadsheet-text';
export * from './schema';
