import * as migration_20261122_001754_initial from './20261122_001754_initial';
import * as migration_20261122_003409_content_model from './20261122_003409_content_model';
import * as migration_20261122_004156_jobs from './20261122_004156_jobs';
import * as migration_20261122_011247_ratings from './20261122_011247_ratings';
import * as migration_20261122_014701_comments from './20261122_014701_comments';
import * as migration_20261122_022114_event_registration from './20261122_022114_event_registration';
import * as migration_20261122_030000_http_cache from './20261122_030000_http_cache';
import * as migration_20261122_030643_registration_organisers from './20261122_030643_registration_organisers';
import * as migration_20261122_035932_mail_language from './20261122_035932_mail_language';
import * as migration_20261122_043500_http_cache_bookkeeping from './20261122_043500_http_cache_bookkeeping';
import * as migration_20261129_210139_widget_return_url from './20261129_210139_widget_return_url';
import * as migration_20261129_221500_http_cache_tables_from_code from './20261129_221500_http_cache_tables_from_code';
import * as migration_20261130_021734_scheduled_publications from './20261130_021734_scheduled_publications';
import * as migration_20261130_022043_rate_limits from './20261130_022043_rate_limits';
import * as migration_20261130_022119_http_cache_targets from './20261130_022119_http_cache_targets';
import * as migration_20261130_022142_search from './20261130_022142_search';
import * as migration_20261130_022304_module_facets from './20261130_022304_module_facets';
import * as migration_20261130_022548_privacy_requests from './20261130_022548_privacy_requests';
import * as migration_20261130_022631_consent_texts from './20261130_022631_consent_texts';
import * as migration_20261201_025921_media_uploaded_by from './20261201_025921_media_uploaded_by';
import * as migration_20261201_031919_event_series_municipalities from './20261201_031919_event_series_municipalities';

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
    name: '20261122_004156_jobs',
  },
  {
    up: migration_20261122_011247_ratings.up,
    down: migration_20261122_011247_ratings.down,
    name: '20261122_011247_ratings',
  },
  {
    up: migration_20261122_014701_comments.up,
    down: migration_20261122_014701_comments.down,
    name: '20261122_014701_comments',
  },
  {
    up: migration_20261122_022114_event_registration.up,
    down: migration_20261122_022114_event_registration.down,
    name: '20261122_022114_event_registration',
  },
  {
    up: migration_20261122_030000_http_cache.up,
    down: migration_20261122_030000_http_cache.down,
    name: '20261122_030000_http_cache',
  },
  {
    up: migration_20261122_030643_registration_organisers.up,
    down: migration_20261122_030643_registration_organisers.down,
    name: '20261122_030643_registration_organisers',
  },
  {
    up: migration_20261122_035932_mail_language.up,
    down: migration_20261122_035932_mail_language.down,
    name: '20261122_035932_mail_language',
  },
  {
    up: migration_20261122_043500_http_cache_bookkeeping.up,
    down: migration_20261122_043500_http_cache_bookkeeping.down,
    name: '20261122_043500_http_cache_bookkeeping',
  },
  {
    up: migration_20261129_210139_widget_return_url.up,
    down: migration_20261129_210139_widget_return_url.down,
    name: '20261129_210139_widget_return_url',
  },
  {
    up: migration_20261129_221500_http_cache_tables_from_code.up,
    down: migration_20261129_221500_http_cache_tables_from_code.down,
    name: '20261129_221500_http_cache_tables_from_code',
  },
  {
    up: migration_20261130_021734_scheduled_publications.up,
    down: migration_20261130_021734_scheduled_publications.down,
    name: '20261130_021734_scheduled_publications',
  },
  {
    up: migration_20261130_022043_rate_limits.up,
    down: migration_20261130_022043_rate_limits.down,
    name: '20261130_022043_rate_limits',
  },
  {
    up: migration_20261130_022119_http_cache_targets.up,
    down: migration_20261130_022119_http_cache_targets.down,
    name: '20261130_022119_http_cache_targets',
  },
  {
    up: migration_20261130_022142_search.up,
    down: migration_20261130_022142_search.down,
    name: '20261130_022142_search',
  },
  {
    up: migration_20261130_022304_module_facets.up,
    down: migration_20261130_022304_module_facets.down,
    name: '20261130_022304_module_facets',
  },
  {
    up: migration_20261130_022548_privacy_requests.up,
    down: migration_20261130_022548_privacy_requests.down,
    name: '20261130_022548_privacy_requests',
  },
  {
    up: migration_20261130_022631_consent_texts.up,
    down: migration_20261130_022631_consent_texts.down,
    name: '20261130_022631_consent_texts',
  },
  {
    up: migration_20261201_025921_media_uploaded_by.up,
    down: migration_20261201_025921_media_uploaded_by.down,
    name: '20261201_025921_media_uploaded_by',
  },
  {
    up: migration_20261201_031919_event_series_municipalities.up,
    down: migration_20261201_031919_event_series_municipalities.down,
    name: '20261201_031919_event_series_municipalities'
  },
];
