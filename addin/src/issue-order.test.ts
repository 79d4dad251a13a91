import { describe, expect, it } from 'vitest';
import { inSheetOrder } from './issue-order';

describe('issues in sheet order', () => {
  it('puts issues row by row, then column by column, whatever the order of the rules; those without a cell last', () => {
    const issues = [
      { id: 'E12', addresses: ["'BM03'!E12"] },
      { id: 'none' },
      { id: 'F7', addresses: ["'BM03'!F7"] },
      { id: 'E7', addresses: ["'BM03'!E7"] },
      { id: 'AA7', addresses: ["'BM03'!AA7"] },
    ];
    expect(inSheetOrder(issues).map((i) => i.id)).toEqual(['E7', 'F7', 'AA7', 'E12', 'none']);
  });

});
