import * as migration_20261122_001754_initial from './20261122_001754_initial';

export const migrations = [
  {
    up: migration_20261122_001754_initial.up,
    down: migration_20261122_001754_initial.down,
    name: '20261122_001754_initial'
  },
];
