// Keeps the analyst's draft in this tab's sessionStorage, so an expired session loses nothing typed.
import type { MessageType } from '../../api/types.js';

/** What the compose page holds (never a token: only what the analyst typed). */
export interface Draft {
  type: MessageType;
  to: string[];
  handling: unknown;
  body: unknown;
  /** Set when answering a received trace request. */
  replyTo?: string;
}

const KEY = 'ffx-console-draft';

/** The draft kept for `replyTo` (or the new message), if any. */
export function loadDraft(replyTo: string | undefined): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Draft;
    const typed = d.to.length > 0 || Object.keys(d.body ?? {}).length > 0;
    return d.replyTo === replyTo && typed ? d : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the draft after every change. */
export function saveDraft(d: Draft): void {
  sessionStorage.setItem(KEY, JSON.stringify(d));
}

/** Forgets the draft once sent. */
export function clearDraft(): void {
  sessionStorage.removeItem(KEY);
}
