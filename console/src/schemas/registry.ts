// The node's JSON Schemas, imported from schemas/ (never copied), by file name.
import common from '../../../schemas/common.schema.json' with { type: 'json' };
import traceRequest from '../../../schemas/trace-request.schema.json' with { type: 'json' };
import traceResponse from '../../../schemas/trace-response.schema.json' with { type: 'json' };
import hitNotification from '../../../schemas/hit-notification.schema.json' with { type: 'json' };
import localApi from '../../../schemas/local-api.schema.json' with { type: 'json' };

/** A JSON Schema as a plain object (the console only reads it). */
export type JsonSchema = Record<string, unknown>;

/** Every schema the console's forms and checks use, by the file name other schemas refer to. */
export const SCHEMAS: Record<string, JsonSchema> = {
  'common.schema.json': common as JsonSchema,
  'trace-request.schema.json': traceRequest as JsonSchema,
  'trace-response.schema.json': traceResponse as JsonSchema,
  'hit-notification.schema.json': hitNotification as JsonSchema,
  'local-api.schema.json': localApi as JsonSchema,
};

/** The schema of each message body the console composes, by message type. */
export const BODY_SCHEMA_FILE = {
  'trace-request': 'trace-request.schema.json',
  'trace-response': 'trace-response.schema.json',
  'hit-notification': 'hit-notification.schema.json',
} as const;
