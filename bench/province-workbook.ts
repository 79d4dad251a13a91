/** A whole province's consolidated workbook, built from demo reports of 220 units for every template. */
import type { Consolidation } from '../shared/consolidation';
import { demoProvinceConsolidations } from '../shared/demo/province';
import { parsePeriod } from '../shared/periods';
import { ENGINE_VERSION } from '../shared/validation';
import { consolidatedWorkbook } from '../shared/workbook';
import { writeWorkbook } from '../xlsx/write';
import { draftReport } from '../shared/report/draft';
import { writeReport } from '../docx/report';

export function provinceConsolidations(period = '2024'): Consolidation[] {
  return demoProvinceConsolidations(period);
}

/** The province's periodic report drafted from the same consolidations, as .docx bytes. */
export async function provinceReport(consolidations: Consolidation[], period = '2024'): Promise<Uint8Array> {
  return writeReport(draftReport({ province: 'Đắk Lắk', period: parsePeriod(period)!, generatedAt: new Date().toISOString(), consolidations }));
}

export async function provinceWorkbook(consolidations: Consolidation[], period = '2024'): Promise<Uint8Array> {
  const model = consolidatedWorkbook({ province: 'Đắk Lắk', period: parsePeriod(period)!, generatedAt: new Date().toISOString(), engineVersion: ENGINE_VERSION, consolidations });
  return writeWorkbook(model);
}
