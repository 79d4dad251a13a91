/** `npm run bench`: every speed goal of the product, measured and printed side by side. */
import { engineBench } from './engine';
import { workerBench } from './worker';
import { excelBench } from './excel';
import { workbookBench } from './workbook';
import { historyBench } from './history';
import { paneLoadBench } from './pane-load';
import { registryBench } from './registry';
import { readersBench } from './readers';
import { filingBench } from './filing-cost';
import { filingPairBench } from './filing-pair';

const suites: Record<string, () => Promise<void>> = {
  engine: engineBench,
  excel: excelBench,
  workbook: workbookBench,
  worker: workerBench,
  history: historyBench,
  pane: paneLoadBench,
  registry: registryBench,
  readers: readersBench,
  filing: filingBench,
  'filing-pair': filingPairBench,
};
/** Run only when named: it needs another checkout to compare with. */
const ONLY_WHEN_NAMED = new Set(['filing-pair']);

const only = process.argv.slice(2);
for (const [name, suite] of Object.entries(suites)) {
  if (only.length > 0 ? !only.includes(name) : ONLY_WHEN_NAMED.has(name)) continue;
  await suite();
}
process.stdout.write('\n');
