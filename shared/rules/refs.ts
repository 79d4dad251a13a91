/** How a template names its rows, columns and cells: `TT01`, `KQ`, `TT01.KQ`. */
import { z } from 'zod';

export const ROW_CODE = /^[A-Z]{1,3}[0-9]{0,2}[A-Z]?$/;
export const COLUMN_KEY = /^[A-Z]{2}$/;
export const CELL_REF = /^([A-Z]{1,3}[0-9]{0,2}[A-Z]?)\.([A-Z]{2})$/;

export const RowCodeSchema = z.string().regex(ROW_CODE, 'mã dòng không hợp lệ');
export const ColumnKeySchema = z.string().regex(COLUMN_KEY, 'mã cột không hợp lệ');
export const CellRefSchema = z.string().regex(CELL_REF, 'ô phải có dạng DÒNG.CỘT');
