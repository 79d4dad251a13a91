/** functions.json: how Excel learns the custom function's name, parameters and result. */
export const FUNCTIONS_METADATA = {
  functions: [
    {
      id: 'KIEMTRA',
      name: 'KIEMTRA',
      description: 'Kiểm tra một vùng lập theo mẫu báo cáo; trả về bảng các vấn đề (mã, ô, nội dung) hoặc "OK".',
      helpUrl: 'https://localhost:3000/taskpane.html',
      parameters: [
        { name: 'vung', description: 'Vùng cần kiểm tra: trang mẫu hoặc trang tổng hợp, gồm cột mã và hàng tiêu đề.', type: 'any', dimensionality: 'matrix' },
        { name: 'mau', description: 'Mã mẫu báo cáo, ví dụ "BM03".', type: 'string', dimensionality: 'scalar' },
        { name: 'ky', description: 'Kỳ báo cáo (tùy chọn), ví dụ "2024-H1".', type: 'string', dimensionality: 'scalar', optional: true },
        { name: 'ngon_ngu', description: '"vi" (mặc định) hoặc "en".', type: 'string', dimensionality: 'scalar', optional: true },
      ],
      result: { type: 'any', dimensionality: 'matrix' },
      options: { requiresParameterAddresses: true },
    },
  ],
} as const;
