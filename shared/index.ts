export * from './catalogue';
export * from './scopes';
export * from './scope-rules';
export * from './scope-choices';
export * from './regions';
