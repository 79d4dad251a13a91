import type { Me } from '../../../shared/api/schemas';
import type { Lang } from '../../../shared/i18n';
import type { ApiClient } from '../api/client';
import type { WorkbookChange, WorkbookPort } from '../excel/port';
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
  /** What the pane keeps while views are rebuilt (a tab or language switch). */
  memory: PaneMemory;
  /** The shown view follows the workbook: its listener replaces the previous view's. */
  onWorkbookChange: (listener: ((change: WorkbookChange) => void) | null) => void;
}

export interface PaneMemory {
  /** The sheet last checked, so a language switch shows its issues again in the new language. */
  checkedSheet: string | null;
  /** `TEMPLATE|PERIOD` of reports checked without errors on this computer, shown as checked until filed. */
  checkedKeys: Set<string>;
}
