import { describe, expect, it } from 'vitest';
import type { SignInConfig } from '../../../shared/api/identity-schemas';
import { chooseSignInFlow, NESTED_APP_AUTH, type OfficeRequirements } from './sign-in-flow';

const M365 = { clientId: '0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5', authority: 'https://login.microsoftonline.com/3f0e1d2c-4b5a-4968-8776-a5b4c3d2e1f0', scope: 'api://0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5/access_as_user' };

/** Office.js as a host answers: the requirement sets it supports, and what it was asked. */
function office(supported: Record<string, string>, asked: string[] = []): OfficeRequirements {
  return {
    context: {
      requirements: {
        isSetSupported: (name, version = '1.1') => {
          asked.push(`${name} ${version}`);
          return supported[name] !== undefined && Number(supported[name]) >= Number(version);
        },
      },
    },
  };
}

const withBoth: SignInConfig = { enabled: true, provider: 'Cổng đăng nhập tỉnh', microsoft365: M365 };

describe('the sign-in the pane offers', () => {
  it('is Microsoft 365 without a dialog where the server names its Entra app and the host supports NestedAppAuth 1.1', () => {
    const asked: string[] = [];
    expect(chooseSignInFlow(withBoth, office({ NestedAppAuth: '1.1', DialogApi: '1.2' }, asked))).toEqual({ kind: 'microsoft365', settings: M365 });
    expect(asked).toEqual([`${NESTED_APP_AUTH.name} ${NESTED_APP_AUTH.version}`]);
    expect(chooseSignInFlow({ enabled: false, provider: null, microsoft365: M365 }, office({ NestedAppAuth: '1.1' }))).toEqual({ kind: 'microsoft365', settings: M365 });
  });

  it('is the provider through the dialog where the host has no NAA (Office 2016–2021, or an old build), or outside Office', () => {
    expect(chooseSignInFlow(withBoth, office({ DialogApi: '1.2' }))).toEqual({ kind: 'provider', provider: 'Cổng đăng nhập tỉnh' });
    expect(chooseSignInFlow(withBoth, undefined)).toEqual({ kind: 'provider', provider: 'Cổng đăng nhập tỉnh' });
    expect(chooseSignInFlow(withBoth, {})).toEqual({ kind: 'provider', provider: 'Cổng đăng nhập tỉnh' });
    const throwing: OfficeRequirements = { context: { requirements: { isSetSupported: () => { throw new Error('not ready'); } } } };
    expect(chooseSignInFlow(withBoth, throwing)).toEqual({ kind: 'provider', provider: 'Cổng đăng nhập tỉnh' });
  });

  it('is never Microsoft 365 when the server does not configure it, whatever the host supports', () => {
    expect(chooseSignInFlow({ enabled: true, provider: null }, office({ NestedAppAuth: '1.1' }))).toEqual({ kind: 'provider', provider: null });
    expect(chooseSignInFlow({ enabled: false, provider: null }, office({ NestedAppAuth: '1.1' }))).toEqual({ kind: 'token' });
    expect(chooseSignInFlow(null, office({ NestedAppAuth: '1.1' }))).toEqual({ kind: 'token' });
  });

  it('is only a pasted token where Microsoft 365 is configured but the host cannot broker and there is no provider', () => {
    expect(chooseSignInFlow({ enabled: false, provider: null, microsoft365: M365 }, office({}))).toEqual({ kind: 'token' });
  });
});
