/** Runs in a worker thread with a capped heap: builds the province's workbook (or its report) and reports its size and heap. */
import { parentPort, workerData } from 'node:worker_threads';
import { provinceConsolidations, provinceReport, provinceWorkbook } from './province-workbook';

const consolidations = provinceConsolidations();
const before = process.memoryUsage().heapUsed;
const bytes = workerData === 'report' ? await provinceReport(consolidations) : await provinceWorkbook(consolidations);
parentPort!.postMessage({ size: bytes.length, heapUsed: process.memoryUsage().heapUsed, before });
