// Roles from the configured claim: arrays, space-separated strings, dotted paths (Keycloak), unknown roles dropped.
import { expect } from 'chai';
import { claimAt, rolesOf } from '../../../node/http/console/oidc-sign-in.js';

describe('roles from the configured claim', () => {
  it('reads a top-level claim or a dotted path into objects', () => {
    const claims = { roles: ['analyst'], realm_access: { roles: ['admin', 'offline_access'] } };
    expect(claimAt(claims, 'roles')).to.deep.equal(['analyst']);
    expect(claimAt(claims, 'realm_access.roles')).to.deep.equal(['admin', 'offline_access']);
    expect(claimAt(claims, 'realm_access.missing')).to.equal(undefined);
    expect(claimAt(claims, 'roles.0')).to.equal(undefined);
    expect(claimAt(undefined, 'roles')).to.equal(undefined);
  });

  it('keeps the local API roles of an array or a space-separated string, once each, and nothing else', () => {
    expect(rolesOf(['admin', 'offline_access', 'admin', 'auditor'])).to.deep.equal([
      'admin',
      'auditor',
    ]);
    expect(rolesOf('analyst compliance-officer uma_authorization')).to.deep.equal([
      'analyst',
      'compliance-officer',
    ]);
    expect(rolesOf([42, null, { role: 'admin' }])).to.deep.equal([]);
    expect(rolesOf(undefined)).to.deep.equal([]);
    expect(rolesOf('ADMIN')).to.deep.equal([]);
  });
});
