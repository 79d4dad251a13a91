import type { NumberKind } from '../numbers';
import type { Measure } from '../templates/schema';

/** How a cell of this measure reads numbers; undefined for text, status and date cells. */
export function numberKindOf(measure: Measure): NumberKind | undefined {
  switch (measure) {
    case 'count':
    case 'rank':
      return 'integer';
    case 'percent':
      return 'percent';
    case 'money':
      return 'money';
    case 'score':
      return 'decimal';
    default:
      return undefined;
  }
}
