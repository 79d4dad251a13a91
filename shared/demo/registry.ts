/**
 * The demo unit registry: Đắk Lắk's departments and 15 districts as named in the seeds, with a
 * few communes. A real registry lives in the database and is imported as CSV; this one seeds a local run.
 */
import type { Unit } from '../registry/units';
import type { UnitKind } from '../templates/schema';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  /** The standing body that files province-wide templates (DIC). */
  coordinator?: boolean;
}

/** A demo unit as a registry record, in force since 2020 unless `extra` says otherwise. */
export function demoRecord(u: DemoUnit, extra: Partial<Unit> = {}): Unit {
  return { code: u.code, name: u.name, kind: u.kind, parent: u.parent ?? null, coordinator: u.coordinator ?? false, validFrom: '2020-01-01', validTo: null, ...extra };
}

export const DEPARTMENTS: readonly DemoUnit[] = [
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', kind: 'department', coordinator: true },
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', kind: 'department' },
  { code: 'SNV', name: 'Sở Nội vụ', kind: 'department' },
  { code: 'STC', name: 'Sở Tài chính', kind: 'department' },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', kind: 'department' },
  { code: 'SCT', name: 'Sở Công Thương', kind: 'department' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'department' },
  { code: 'SYT', name: 'Sở Y tế', kind: 'department' },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', kind: 'department' },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', kind: 'department' },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải', kind: 'department' },
  { code: 'SXD', name: 'Sở Xây dựng', kind: 'department' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', kind: 'department' },
  { code: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', kind: 'department' },
  { code: 'STP', name: 'Sở Tư pháp', kind: 'department' },
  { code: 'TTT', name: 'Thanh tra tỉnh', kind: 'department' },
  { code: 'CAT', name: 'Công an tỉnh', kind: 'department' },
  { code: 'CTHUE', name: 'Cục Thuế tỉnh', kind: 'department' },
  { code: 'CTK', name: 'Cục Thống kê tỉnh', kind: 'department' },
];

export const DISTRICTS: readonly DemoUnit[] = [
  { code: 'BMT', name: 'UBND thành phố Buôn Ma Thuột', kind: 'district' },
  { code: 'BHO', name: 'UBND thị xã Buôn Hồ', kind: 'district' },
  { code: 'BDO', name: 'UBND huyện Buôn Đôn', kind: 'district' },
  { code: 'CKU', name: 'UBND huyện Cư Kuin', kind: 'district' },
  { code: 'CMG', name: "UBND huyện Cư M'gar", kind: 'district' },
  { code: 'EHL', name: "UBND huyện Ea H'leo", kind: 'district' },
  { code: 'EKA', name: 'UBND huyện Ea Kar', kind: 'district' },
  { code: 'ESU', name: 'UBND huyện Ea Súp', kind: 'district' },
  { code: 'KAN', name: 'UBND huyện Krông Ana', kind: 'district' },
  { code: 'KBO', name: 'UBND huyện Krông Bông', kind: 'district' },
  { code: 'KBU', name: 'UBND huyện Krông Búk', kind: 'district' },
  { code: 'KNA', name: 'UBND huyện Krông Năng', kind: 'district' },
  { code: 'KPA', name: 'UBND huyện Krông Pắc', kind: 'district' },
  { code: 'LAK', name: 'UBND huyện Lắk', kind: 'district' },
  { code: 'MDR', name: "UBND huyện M'Đrắk", kind: 'district' },
];

export const DEMO_COMMUNES: readonly DemoUnit[] = [
  { code: 'BMT-TANLOI', name: 'UBND phường Tân Lợi', kind: 'commune', parent: 'BMT' },
  { code: 'BMT-TANAN', name: 'UBND phường Tân An', kind: 'commune', parent: 'BMT' },
  { code: 'BMT-THANGLOI', name: 'UBND phường Thắng Lợi', kind: 'commune', parent: 'BMT' },
  { code: 'BMT-HOATHANG', name: 'UBND xã Hòa Thắng', kind: 'commune', parent: 'BMT' },
  { code: 'BMT-EATU', name: 'UBND xã Ea Tu', kind: 'commune', parent: 'BMT' },
  { code: 'KPA-PHUOCAN', name: 'UBND thị trấn Phước An', kind: 'commune', parent: 'KPA' },
  { code: 'KPA-EAKLY', name: 'UBND xã Ea Kly', kind: 'commune', parent: 'KPA' },
  { code: 'KPA-EAPHE', name: 'UBND xã Ea Phê', kind: 'commune', parent: 'KPA' },
];

export const DEMO_REGISTRY: readonly DemoUnit[] = [...DEPARTMENTS, ...DISTRICTS, ...DEMO_COMMUNES];

/** A whole province of `size` units: the demo departments and districts, and communes to make up the rest. */
export function syntheticProvince(size = 220): DemoUnit[] {
  const units: DemoUnit[] = [...DEPARTMENTS, ...DISTRICTS];
  let i = 0;
  while (units.length < size) {
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const n = Math.floor(i / DISTRICTS.length) + 1;
    units.push({ code: `${district.code}-X${String(n).padStart(2, '0')}`, name: `UBND xã số ${n} (${district.name.replace('UBND ', '')})`, kind: 'commune', parent: district.code });
    i++;
  }
  return units;
}
