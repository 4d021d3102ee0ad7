// Where a sign-in may return to: this node's console pages only (no open redirect).
import { expect } from 'chai';
import { consolePath } from '../../../node/http/console/auth-routes.js';

describe('consolePath', () => {
  const origin = 'https://ffx.police.example:7501';

  it('keeps a console page with its query and fragment', () => {
    expect(consolePath('/console/outbox?status=queued#x', origin)).to.equal(
      '/console/outbox?status=queued#x',
    );
    expect(consolePath('/console/', origin)).to.equal('/console/');
  });

  it('sends anything else to the console start page', () => {
    for (const raw of [
      undefined,
      42,
      ['/console/inbox'],
      '',
      'console/inbox',
      '//evil.example/console/',
      '/\\evil.example/console/',
      'https://evil.example/console/',
      '/docs/',
      '/console',
      '/console/auth/logout',
      '/console/../v1/outbox',
    ]) {
      expect(consolePath(raw, origin), String(raw)).to.equal('/console/');
    }
  });
});
