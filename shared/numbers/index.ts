export * from './decimal';
export * from './parse';
export * from './format';
