/** Runs in a worker thread with a capped heap: builds the province's workbook and reports its size and heap. */
import { parentPort } from 'node:worker_threads';
import { provinceConsolidations, provinceWorkbook } from './province-workbook';

const consolidations = provinceConsolidations();
const before = process.memoryUsage().heapUsed;
const bytes = await provinceWorkbook(consolidations);
parentPort!.postMessage({ size: bytes.length, heapUsed: process.memoryUsage().heapUsed, before });
