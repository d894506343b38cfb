export * from './vocabulary';
export type * from './types';
export type * from './sessionTypes';
