import type { Me } from '../../../shared/api/schemas';
import type { Lang } from '../../../shared/i18n';
import type { ApiClient } from '../api/client';
import type { WorkbookPort } from '../excel/port';
import type { Strings } from './i18n';
import type { Session } from './session';

/** What every view gets. */
export interface Ctx {
  port: WorkbookPort;
  api: ApiClient;
  session: Session;
  me: Me;
  t: Strings;
  lang: Lang;
  /** Today's date (ISO), so tests can fix it. */
  today: () => string;
}
