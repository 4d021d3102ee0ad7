// The JSON Schemas the validator knows, by name: adding a schema is one import and one entry here.
import common from '../schemas/common.schema.json' with { type: 'json' };
import message from '../schemas/message.schema.json' with { type: 'json' };
import traceRequest from '../schemas/trace-request.schema.json' with { type: 'json' };
import traceResponse from '../schemas/trace-response.schema.json' with { type: 'json' };
import hitNotification from '../schemas/hit-notification.schema.json' with { type: 'json' };
import receipt from '../schemas/receipt.schema.json' with { type: 'json' };
import federationDirectory from '../schemas/federation-directory.schema.json' with { type: 'json' };
import nodeConfig from '../schemas/node-config.schema.json' with { type: 'json' };
import localApi from '../schemas/local-api.schema.json' with { type: 'json' };
import sharingPolicy from '../schemas/sharing-policy.schema.json' with { type: 'json' };

/** Schemas that can be validated against by name. */
export const namedSchemas = {
  message,
  'trace-request': traceRequest,
  'trace-response': traceResponse,
  'hit-notification': hitNotification,
  receipt,
  'federation-directory': federationDirectory,
  'node-config': nodeConfig,
  'sharing-policy': sharingPolicy,
} as const;

/** Schemas only referenced by others (definitions). */
export const referencedSchemas = [common, localApi] as const;

/** The name of a schema `validate` accepts. */
export type SchemaName = keyof typeof namedSchemas;
