/**
 * The coordinating department (the "DIC" of the product) on a given day, from the registry: the
 * Department of Information and Communications until it merged into the Department of Science and
 * Technology, which took over the role. Messages and sheets name it from here, never a fixed name.
 */
import { isMember, validOn, type Unit } from './units';

export interface Coordinator {
  code: string;
  name: string;
}

export function coordinatorOn(registry: readonly Unit[], day: string): Coordinator | null {
  const record = registry.find((u) => u.coordinator && isMember(u) && validOn(u, day));
  return record ? { code: record.code, name: record.name } : null;
}

/**
 * The body that keeps the province's catalogue of administrative procedures on `day` (it reports the
 * catalogue, counted by level, once for the province), from the registry's `catalogue` records.
 */
export function catalogueKeeperOn(registry: readonly Unit[], day: string): Coordinator | null {
  const record = registry.find((u) => u.catalogue && isMember(u) && validOn(u, day));
  return record ? { code: record.code, name: record.name } : null;
}
