import * as migration_20261122_001754_initial from './20261122_001754_initial';
import * as migration_20261122_003409_content_model from './20261122_003409_content_model';
import * as migration_20261122_004156_jobs from './20261122_004156_jobs';

export const migrations = [
  {
    up: migration_20261122_001754_initial.up,
    down: migration_20261122_001754_initial.down,
    name: '20261122_001754_initial',
  },
  {
    up: migration_20261122_003409_content_model.up,
    down: migration_20261122_003409_content_model.down,
    name: '20261122_003409_content_model',
  },
  {
    up: migration_20261122_004156_jobs.up,
    down: migration_20261122_004156_jobs.down,
    name: '20261122_004156_jobs'
  },
];
