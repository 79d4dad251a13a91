import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { FilingKeys } from './filing-keys';

const counting = () => {
  let n = 0;
  return new FilingKeys(() => `key-${++n}`);
};
const offline = new ApiError(0, null, 'Không kết nối được máy chủ chitieu.');
const refused = new ApiError(422, null, 'Báo cáo có 1 lỗi');

describe('idempotency keys for filing', () => {
  it('gives every answered press its own key, even for figures filed before (A, B, then A again)', () => {
    const keys = counting();
    const pressed = ['A', 'B', 'A'].map((content) => {
      const key = keys.keyFor(content);
      keys.settled();
      return key;
    });
    expect(pressed).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('hands the key of a press whose answer was lost to the next press of the same content', () => {
    const keys = counting();
    expect(keys.keyFor('A')).toBe('key-1');
    keys.settled(offline);
    expect(keys.keyFor('A')).toBe('key-1');
    keys.settled();
    expect(keys.keyFor('A')).toBe('key-2');
  });

  it('does not hand a lost key to other content, nor keep one the server answered with a refusal', () => {
    const keys = counting();
    keys.keyFor('A');
    keys.settled(offline);
    expect(keys.keyFor('B')).toBe('key-2');
    keys.settled(refused);
    expect(keys.keyFor('B')).toBe('key-3');
  });
});
