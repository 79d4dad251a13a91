/**
 * The demo unit registry of Đắk Lắk, as dated records: the province before the 2025 reform
 * (departments, the 15 districts of the seeds and a few communes, in force to 30 June 2025) and
 * the merged province after it (departments merged on 1 March 2025, the Department of Science and
 * Technology coordinating from then, and a subset of the new communes and wards straight under the
 * province from 1 July 2025). Demo data: a real registry lives in the database, imported as CSV.
 */
import { canonicalUnit, type Unit } from '../registry/units';
import { TWO_LEVEL_LOCAL_GOVERNMENT_FROM } from '../settings';
import type { UnitKind } from '../templates/schema';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent?: string | null;
  /** The standing body that files province-wide templates (DIC). */
  coordinator?: boolean;
  /** The body that keeps the province's catalogue of administrative procedures. */
  catalogue?: boolean;
}

/** A demo unit as a registry record, in force since 2020 unless `extra` says otherwise. */
export function demoRecord(u: DemoUnit, extra: Partial<Unit> = {}): Unit {
  return canonicalUnit({
    code: u.code,
    name: u.name,
    kind: u.kind,
    parent: u.parent ?? null,
    coordinator: u.coordinator ?? false,
    ...(u.catalogue ? { catalogue: true } : {}),
    validFrom: '2020-01-01',
    validTo: null,
    successors: [],
    change: null,
    ...extra,
  });
}

/** A plausible contact for a demo unit: the office's desk for reports (demo data, not real numbers). */
function demoContact(u: DemoUnit, i: number): string {
  const desk = u.kind === 'commune' ? 'Công chức Văn phòng - Thống kê' : u.kind === 'district' ? 'Phòng Văn hóa và Thông tin' : 'Văn phòng Sở';
  return `${desk}, 0262 3${String(810_000 + i * 137).slice(0, 6)}, baocao.${u.code.toLowerCase().replace(/[^a-z0-9]/g, '')}@daklak.gov.vn`;
}

/** Demo records with the contact every unit of the province carries. */
function withDemoFields(records: readonly Unit[]): Unit[] {
  return records.map((u, i) => canonicalUnit({ ...u, ...(u.province ? {} : { contact: demoContact(u, i) }) }));
}

/** Departments merged on this day in most provinces (the Department of Information and Communications among them). */
export const DEPARTMENTS_MERGED_ON = '2025-03-01';
const LAST_DAY_BEFORE_MERGER = '2025-02-28';
const LAST_DAY_OF_DISTRICTS = '2025-06-30';

export const DEPARTMENTS: readonly DemoUnit[] = [
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', kind: 'department', coordinator: true },
  // Runs the provincial system for administrative procedures, so keeps their catalogue.
  { code: 'VPUBND', name: 'Văn phòng UBND tỉnh', kind: 'department', catalogue: true },
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

/** The units of the seeds, as they were before the 2025 reform. */
export const DEMO_REGISTRY_BEFORE_REFORM: readonly DemoUnit[] = [...DEPARTMENTS, ...DISTRICTS, ...DEMO_COMMUNES];

/** Which department took over each one that merged on 1 March 2025. */
const DEPARTMENT_MERGERS: Readonly<Record<string, string>> = {
  STTTT: 'SKHCN',
  SKHDT: 'STC',
  SGTVT: 'SXD',
  SLDTBXH: 'SNV',
  SNNPTNT: 'SNNMT',
  STNMT: 'SNNMT',
};

const NEW_DEPARTMENTS: readonly DemoUnit[] = [{ code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', kind: 'department' }];

/** New communes and wards of the merged province (a subset), with the old communes each took over. */
export const NEW_COMMUNES: readonly (DemoUnit & { from: readonly string[] })[] = [
  { code: 'BUONMATHUOT', name: 'UBND phường Buôn Ma Thuột', kind: 'commune', from: ['BMT-TANLOI', 'BMT-THANGLOI'] },
  { code: 'TANAN', name: 'UBND phường Tân An', kind: 'commune', from: ['BMT-TANAN', 'BMT-EATU'] },
  { code: 'EAKAO', name: 'UBND phường Ea Kao', kind: 'commune', from: ['BMT-HOATHANG'] },
  { code: 'THANHNHAT', name: 'UBND phường Thành Nhất', kind: 'commune', from: [] },
  { code: 'BUONHO', name: 'UBND phường Buôn Hồ', kind: 'commune', from: [] },
  { code: 'PHUOCAN', name: 'UBND xã Phước An', kind: 'commune', from: ['KPA-PHUOCAN'] },
  { code: 'EAKLY', name: 'UBND xã Ea Kly', kind: 'commune', from: ['KPA-EAKLY', 'KPA-EAPHE'] },
  { code: 'KRONGPAC', name: 'UBND xã Krông Pắc', kind: 'commune', from: [] },
  { code: 'EAKAR', name: 'UBND xã Ea Kar', kind: 'commune', from: [] },
  { code: 'BUONDON', name: 'UBND xã Buôn Đôn', kind: 'commune', from: [] },
  { code: 'LIENSONLAK', name: 'UBND xã Liên Sơn Lắk', kind: 'commune', from: [] },
  { code: 'TUYHOA', name: 'UBND phường Tuy Hòa', kind: 'commune', from: [] },
  { code: 'SONGCAU', name: 'UBND phường Sông Cầu', kind: 'commune', from: [] },
  { code: 'SONGHINH', name: 'UBND xã Sông Hinh', kind: 'commune', from: [] },
];

function departmentRecords(d: DemoUnit): Unit[] {
  const successor = DEPARTMENT_MERGERS[d.code];
  if (successor) return [demoRecord({ ...d, coordinator: d.coordinator ?? false }, { validTo: LAST_DAY_BEFORE_MERGER, successors: [successor], change: 'merge' })];
  // The Department of Science and Technology took over the coordinating role with the merger.
  if (d.code === DEPARTMENT_MERGERS.STTTT) return [demoRecord(d, { validTo: LAST_DAY_BEFORE_MERGER }), demoRecord({ ...d, coordinator: true }, { validFrom: DEPARTMENTS_MERGED_ON })];
  return [demoRecord(d)];
}

/** Phú Yên, which merged into Đắk Lắk on 1 July 2025: its records carry the lineage of the units they joined. */
export const JOINED_PROVINCE = 'Phú Yên';

/** A few of Phú Yên's departments, each merged into the department of Đắk Lắk that does its work. */
const JOINED_DEPARTMENTS: readonly (DemoUnit & { into: string })[] = [
  { code: 'PY-VPUBND', name: 'Văn phòng UBND tỉnh Phú Yên', kind: 'department', into: 'VPUBND' },
  { code: 'PY-SKHCN', name: 'Sở Khoa học và Công nghệ tỉnh Phú Yên', kind: 'department', into: 'SKHCN' },
  { code: 'PY-STC', name: 'Sở Tài chính tỉnh Phú Yên', kind: 'department', into: 'STC' },
  { code: 'PY-SYT', name: 'Sở Y tế tỉnh Phú Yên', kind: 'department', into: 'SYT' },
];

/** Phú Yên's districts around the new wards and communes of the demo, and the old communes each new one took over. */
const JOINED_DISTRICTS: readonly (DemoUnit & { communes: readonly (DemoUnit & { into: string })[] })[] = [
  {
    code: 'PY-TUYHOA',
    name: 'UBND thành phố Tuy Hòa',
    kind: 'district',
    communes: [
      { code: 'PY-TUYHOA-P1', name: 'UBND Phường 1 (thành phố Tuy Hòa)', kind: 'commune', into: 'TUYHOA' },
      { code: 'PY-TUYHOA-P2', name: 'UBND Phường 2 (thành phố Tuy Hòa)', kind: 'commune', into: 'TUYHOA' },
      { code: 'PY-TUYHOA-P7', name: 'UBND Phường 7 (thành phố Tuy Hòa)', kind: 'commune', into: 'TUYHOA' },
    ],
  },
  {
    code: 'PY-SONGCAU',
    name: 'UBND thị xã Sông Cầu',
    kind: 'district',
    communes: [
      { code: 'PY-SONGCAU-XUANPHU', name: 'UBND phường Xuân Phú', kind: 'commune', into: 'SONGCAU' },
      { code: 'PY-SONGCAU-XUANYEN', name: 'UBND phường Xuân Yên', kind: 'commune', into: 'SONGCAU' },
      { code: 'PY-SONGCAU-XUANTHANH', name: 'UBND phường Xuân Thành', kind: 'commune', into: 'SONGCAU' },
    ],
  },
  {
    code: 'PY-SONGHINH',
    name: 'UBND huyện Sông Hinh',
    kind: 'district',
    communes: [
      { code: 'PY-SONGHINH-HAIRIENG', name: 'UBND thị trấn Hai Riêng', kind: 'commune', into: 'SONGHINH' },
      { code: 'PY-SONGHINH-EABIA', name: 'UBND xã Ea Bia', kind: 'commune', into: 'SONGHINH' },
    ],
  },
];

/** Phú Yên's records until the merger: members of the other province, with their successors here. */
const JOINED_RECORDS: readonly Unit[] = [
  ...JOINED_DEPARTMENTS.map(({ into, ...d }) => demoRecord(d, { validTo: LAST_DAY_OF_DISTRICTS, successors: [into], change: 'merge', province: JOINED_PROVINCE })),
  ...JOINED_DISTRICTS.flatMap(({ communes, ...d }) => [
    demoRecord(d, { validTo: LAST_DAY_OF_DISTRICTS, province: JOINED_PROVINCE }),
    ...communes.map(({ into, ...c }) => demoRecord({ ...c, parent: d.code }, { validTo: LAST_DAY_OF_DISTRICTS, successors: [into], change: 'merge', province: JOINED_PROVINCE })),
  ]),
];

/** The whole demo registry: every record of the province before and after the reform, and those of Phú Yên before it joined. */
export const DEMO_REGISTRY: readonly Unit[] = withDemoFields([
  ...DEPARTMENTS.flatMap(departmentRecords),
  ...NEW_DEPARTMENTS.map((d) => demoRecord(d, { validFrom: DEPARTMENTS_MERGED_ON })),
  ...DISTRICTS.map((d) => demoRecord(d, { validTo: LAST_DAY_OF_DISTRICTS })),
  ...DEMO_COMMUNES.map((c) => {
    const successor = NEW_COMMUNES.find((n) => n.from.includes(c.code))!;
    return demoRecord(c, { validTo: LAST_DAY_OF_DISTRICTS, successors: [successor.code], change: 'merge' });
  }),
  ...NEW_COMMUNES.map(({ from: _, ...c }) => demoRecord(c, { validFrom: TWO_LEVEL_LOCAL_GOVERNMENT_FROM })),
  ...JOINED_RECORDS,
]);

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
