import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './claims';

describe('what a verified ID token tells', () => {
  const base = { iss: 'https://sso.daklak.gov.vn/realms/can-bo', sub: 'f81d4fae', name: 'Nguyễn Thị Hoa' };

  it('takes a verified e-mail as the login, never an unverified one', () => {
    expect(identityFromClaims({ ...base, email: 'Hoa@KrongPac.gov.vn', email_verified: true }, { loginClaim: 'email', unitClaim: '' })).toEqual({
      issuer: base.iss, subject: 'f81d4fae', login: 'hoa@krongpac.gov.vn', name: 'Nguyễn Thị Hoa', unit: null,
    });
    expect(identityFromClaims({ ...base, email: 'hoa@krongpac.gov.vn' }, { loginClaim: 'email', unitClaim: '' }).login).toBeNull();
    expect(identityFromClaims({ ...base, preferred_username: 'hoa.nt' }, { loginClaim: 'preferred_username', unitClaim: '' }).login).toBe('hoa.nt');
  });

  it('reads a unit code from the deployment’s claim, and nothing that is not a code', () => {
    const config = { loginClaim: 'email', unitClaim: 'ma_don_vi' };
    expect(identityFromClaims({ ...base, ma_don_vi: 'kpa' }, config).unit).toBe('KPA');
    expect(identityFromClaims({ ...base, ma_don_vi: ['EAKAR', 'KPA'] }, config).unit).toBe('EAKAR');
    expect(identityFromClaims({ ...base, ma_don_vi: 'x y; DROP' }, config).unit).toBeNull();
    expect(identityFromClaims({ ...base, ma_don_vi: 'KPA' }, { ...config, unitClaim: '' }).unit).toBeNull();
  });
});
