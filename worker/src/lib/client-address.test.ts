import { describe, expect, it } from 'vitest';
import { signInBucket } from './client-address';

describe('the address failed sign-ins count against', () => {
  it('is the edge’s CF-Connecting-IP on a deployed host', () => {
    const at = (ip?: string) => signInBucket(new Request('https://chitieu.daklak.gov.vn/api/v1/me', { headers: ip ? { 'cf-connecting-ip': ip } : {} }));
    expect(at('203.0.113.7')).toBe('203.0.113.7');
    expect(at()).toBe('unknown');
  });

  it('is one bucket on a loopback host, whatever CF-Connecting-IP a client sends', () => {
    for (const host of ['127.0.0.1:8787', 'localhost:3000', '[::1]:8787']) {
      const buckets = new Set(['198.51.100.1', '198.51.100.2', undefined].map((ip) => signInBucket(new Request(`http://${host}/api/v1/me`, { headers: ip ? { 'cf-connecting-ip': ip } : {} }))));
      expect([...buckets]).toEqual(['local']);
    }
  });
});
