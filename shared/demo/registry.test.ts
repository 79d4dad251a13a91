import { describe, expect, it } from 'vitest';
import { registryProblems } from '../registry/history';
import { coordinatorOn } from '../registry/coordinator';
import { validOn } from '../registry/units';
import { DEMO_REGISTRY } from './registry';

describe('the demo registry', () => {
  it('is a valid history: no overlaps, one coordinator at a time, parents outliving children, successors in place', () => {
    expect(registryProblems(DEMO_REGISTRY)).toEqual([]);
  });

  it('has districts before 1 July 2025 and communes straight under the province after', () => {
    const on = (day: string) => DEMO_REGISTRY.filter((u) => validOn(u, day));
    expect(on('2025-06-30').filter((u) => u.kind === 'district')).toHaveLength(15);
    expect(on('2025-07-01').filter((u) => u.kind === 'district')).toEqual([]);
    expect(on('2025-07-01').filter((u) => u.kind === 'commune').every((u) => u.parent === null)).toBe(true);
  });

  it('is coordinated by the Department of Information and Communications, then by Science and Technology from 1 March 2025', () => {
    expect(coordinatorOn(DEMO_REGISTRY, '2025-02-28')?.code).toBe('STTTT');
    expect(coordinatorOn(DEMO_REGISTRY, '2025-03-01')).toEqual({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' });
  });
});
