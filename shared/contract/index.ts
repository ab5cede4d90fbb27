/** The contract: its map, how it is defined, what crosses the wire, and both of its ends. */
export * from './define';
export * from './wire';
export * from './dispatch';
export * from './events';
export * from './client';
export * from './lab-contract';
export * from './mock-schemas';
export * from './client-schemas';
export * from './bridge';
