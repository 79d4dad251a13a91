import { describe, expect, it } from 'vitest';
import { getTemplate, templateCells } from '../../../../shared/templates';
import type { Ctx } from '../context';
import { STRINGS } from '../i18n';
import { shownPair } from './period-changes';

const ctx = (lang: 'vi' | 'en') => ({ t: STRINGS[lang], lang }) as unknown as Ctx;
const bm03 = getTemplate('BM03')!;
if (bm03.kind !== 'indicator') throw new Error('BM03 is an indicator template');
const cells = templateCells(bm03);
const share = [...cells.values()].find((c) => c.measure === 'percent')!;
const count = [...cells.values()].find((c) => c.measure !== 'percent')!;

describe('a changed figure since the last close', () => {
  it('shows a share with as many decimals as the change needs, never as the same number twice', () => {
    expect(shownPair(97.5712, 97.5738, share, ctx('vi'))).toEqual(['97,571%', '97,574%']);
    expect(shownPair(97.5712, 98.1, share, ctx('vi'))).toEqual(['97,57%', '98,10%']);
    expect(shownPair(1000, 2000, count, ctx('vi'))).toEqual(['1.000', '2.000']);
    expect(shownPair(null, 5, count, ctx('vi'))).toEqual([STRINGS.vi.pane.empty, '5']);
  });

  it('says which units came into or left a list in words, leaving out the side where nothing changed', () => {
    expect(STRINGS.vi.pane.changesMissing('', 'UBND xã Phước An')).toBe('Đơn vị chưa nộp: đã nộp UBND xã Phước An');
    expect(STRINGS.vi.pane.changesMissing('UBND xã Ea Kly', '')).toBe('Đơn vị chưa nộp: nay thiếu UBND xã Ea Kly');
    expect(STRINGS.vi.pane.changesExpected('Sở Y tế', 'Sở Tài chính')).toBe('Đơn vị phải nộp: thêm Sở Y tế; không còn phải nộp Sở Tài chính');
    expect(STRINGS.en.pane.changesMissing('', 'Phước An')).toBe('Units missing: since filed Phước An');
  });
});
