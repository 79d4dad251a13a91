/**
 * Kỳ khác…: any period by year, kind and index, behind a disclosure button, for a period the lists
 * around today do not offer (filing 2026-Q1 late, opening a period nobody filed).
 */
import { parsePeriod, periodLabel, type PeriodKind } from '../../../../shared/periods';
import type { Ctx } from '../context';
import { h, replace, select, valueOf } from '../dom';

/** The first year offered. */
const FIRST_YEAR = 2020;

export interface OtherPeriod {
  /** The disclosure button and the picker it opens. */
  toggle: HTMLElement;
  box: HTMLElement;
  isOpen: () => boolean;
  /** The period code chosen (`2026-Q1`, `2025-H2`, `2024`). */
  value: () => string;
  /** Offers other kinds (a template's own), keeping the year. */
  setKinds: (kinds: readonly PeriodKind[]) => void;
}

export function otherPeriodPicker(ctx: Ctx, id: string, kinds: readonly PeriodKind[], year: string, onToggle?: (open: boolean) => void): OtherPeriod {
  const t = ctx.t.day;
  const box = h('div', { id: `${id}-box`, hidden: true, role: 'group', 'aria-label': t.otherPeriod });
  let open = false;
  let offered = [...kinds];
  const thisYear = Number(ctx.today().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));

  const fillIndex = () => {
    const kind = (valueOf(box, `${id}-kind`) || offered[0]) as PeriodKind;
    const y = valueOf(box, `${id}-year`) || year;
    const count = kind === 'Q' ? 4 : kind === 'H' ? 2 : 0;
    const options = Array.from({ length: count }, (_, i) => ({ value: String(i + 1), label: periodLabel(parsePeriod(`${y}-${kind}${i + 1}`)!, ctx.lang) }));
    replace(box.querySelector(`#${id}-index-slot`)!, count ? select(`${id}-index`, t.index, options) : null);
  };
  const fill = () => {
    const chosenYear = valueOf(box, `${id}-year`) || year;
    replace(
      box,
      h(
        'div',
        { class: 'row-end' },
        select(`${id}-year`, t.year, years.map((y) => ({ value: y, label: y })), chosenYear),
        select(`${id}-kind`, t.kind, offered.map((k) => ({ value: k, label: ctx.t.periodKinds[k] }))),
        h('div', { id: `${id}-index-slot`, class: 'field-slot' }),
      ),
    );
    box.querySelector(`#${id}-kind`)!.addEventListener('change', fillIndex);
    box.querySelector(`#${id}-year`)!.addEventListener('change', fillIndex);
    fillIndex();
  };
  const toggle = h(
    'button',
    {
      class: 'link-button',
      type: 'button',
      id,
      'aria-expanded': 'false',
      'aria-controls': `${id}-box`,
      onclick: () => {
        open = !open;
        box.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        onToggle?.(open);
      },
    },
    t.otherPeriod,
  );
  fill();
  return {
    toggle,
    box,
    isOpen: () => open,
    value: () => {
      const kind = valueOf(box, `${id}-kind`) as PeriodKind;
      const y = valueOf(box, `${id}-year`);
      return kind === 'Y' ? y : `${y}-${kind}${valueOf(box, `${id}-index`) || '1'}`;
    },
    setKinds: (next) => {
      offered = [...next];
      fill();
    },
  };
}
