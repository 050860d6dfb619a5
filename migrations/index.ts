import * as migration_20261122_001754_initial from './20261122_001754_initial';
import * as migration_20261122_003409_content_model from './20261122_003409_content_model';

export const migrations = [
  {
    up: migration_20261122_001754_initial.up,
    down: migration_20261122_001754_initial.down,
    name: '20261122_001754_initial',
  },
  {
    up: migration_20261122_003409_content_model.up,
    down: migration_20261122_003409_content_model.down,
    name: '20261122_003409_content_model'
  },
];
