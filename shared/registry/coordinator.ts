/**
 * The coordinating department (the "DIC" of the product) on a given day, from the registry: the
 * Department of Information and Communications until it merged into the Department of Science and
 * Technology, which took over the role. Messages and sheets name it from here, never a fixed name.
 */
import { validOn, type Unit } from './units';

export interface Coordinator {
  code: string;
  name: string;
}

export function coordinatorOn(registry: readonly Unit[], day: string): Coordinator | null {
  const record = registry.find((u) => u.coordinator && validOn(u, day));
  return record ? { code: record.code, name: record.name } : null;
}

/** The body that keeps the province's catalogue of procedures and services on `day`, from the registry. */
export function catalogueKeeperOn(registry: readonly Unit[], day: string): Coordinator | null {
  const record = registry.find((u) => u.catalogue && validOn(u, day));
  return record ? { code: record.code, name: record.name } : null;
}
