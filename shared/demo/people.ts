/**
 * Demo people, one for each role, who sign in through the local OpenID provider of `npm start` and
 * the tests (scripts/lib/oidc-provider.ts). The names are invented; the password is for the demo only.
 */
import type { PersonMembership } from '../people';

export const DEMO_PASSWORD = 'demo';

export interface DemoPerson {
  /** The provider's subject and login name. */
  username: string;
  email: string;
  name: string;
  role: PersonMembership['role'];
  unit: string | null;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { username: 'hoa.nt', email: 'hoa.nt@phuocan.daklak.gov.vn', name: 'Nguyễn Thị Hoa', role: 'unit', unit: 'PHUOCAN' },
  { username: 'lan.tt', email: 'lan.tt@skhcn.daklak.gov.vn', name: 'Trần Thị Lan', role: 'dic', unit: 'SKHCN' },
  { username: 'minh.lv', email: 'minh.lv@thanhtra.daklak.gov.vn', name: 'Lê Văn Minh', role: 'auditor', unit: null },
];

/** The people file that registers them (login = the verified e-mail), valid from 1 July 2025. */
export function demoPeopleCsv(): string {
  const lines = ['login,name,role,unit,valid_from,valid_to'];
  for (const p of DEMO_PEOPLE) lines.push([p.email, p.name, p.role, p.unit ?? '', '2025-07-01', ''].join(','));
  return lines.join('\r\n') + '\r\n';
}
