/** `npm run bench`: every speed goal of the product, measured and printed side by side. */
import { engineBench } from './engine';

const suites: Record<string, () => Promise<void>> = {
  engine: engineBench,
};

const only = process.argv.slice(2);
for (const [name, suite] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await suite();
}
process.stdout.write('\n');
