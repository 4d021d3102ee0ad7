// Local API handler of the analyst's preview: what each recipient of a draft would receive.
import { previewMessage, type PreviewDeps } from '../../service/preview-message.js';
import type { HandlerTable } from '../local-app.js';
import type { components } from '../../../generated/openapi.js';

/** Handler of `previewMessage` (same input as `submitMessage`; nothing is stored or sent). */
export function messagePreviewHandlers(deps: PreviewDeps): HandlerTable {
  return {
    previewMessage: async (ctx) => ({
      status: 200,
      body: await previewMessage(deps, ctx.body as components['schemas']['SubmitRequest']),
    }),
  };
}
