import { describe, expect, it } from 'vitest';
import { allowedMethods } from './methods';

describe('the methods a path answers to', () => {
  const routes = [
    { method: 'ALL', path: '/api/v1/*' },
    { method: 'GET', path: '/api/v1/submissions' },
    { method: 'POST', path: '/api/v1/submissions' },
    { method: 'GET', path: '/api/v1/submissions/:id' },
    { method: 'POST', path: '/api/v1/submissions/:id/review' },
    { method: 'GET', path: '/api/v1/consolidations/:period{[0-9]{4}(?:-[HQ][1-4])?}.xlsx' },
  ];

  it('lists every method of the routes matching the path, HEAD beside GET, ignoring middleware', () => {
    expect(allowedMethods(routes, '/api/v1/submissions')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods(routes, '/api/v1/submissions/sub_1')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods(routes, '/api/v1/submissions/sub_1/review')).toEqual(['POST']);
    expect(allowedMethods(routes, '/api/v1/consolidations/2024-H1.xlsx')).toEqual(['GET', 'HEAD']);
  });

  it('lists nothing for a path no route has', () => {
    expect(allowedMethods(routes, '/api/v1/nothing')).toEqual([]);
    expect(allowedMethods(routes, '/api/v1/submissions/a/b/c')).toEqual([]);
  });
});
