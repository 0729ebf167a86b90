import type { ProcedureDocument } from '../../db/schema/onestop.js';
import { drawQr, formatDateTimeVi, formatDateVi, formatVnd, renderPdf, type Pdf } from '../../lib/pdf.js';
import type { DossierWithNames, eventsOf } from './dossiers.repo.js';

type Events = Awaited<ReturnType<typeof eventsOf>>;
export type FormNumber = '01' | '02' | '03' | '04' | '05';

const titles: Record<FormNumber, string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ',
};
/** The event each form documents (Circular 03/2025 forms 01–05). */
export const formEvent: Record<FormNumber, string> = {
  '01': 'MAU_01',
  '02': 'MAU_02',
  '03': 'MAU_03',
  '04': 'MAU_04',
  '05': 'MAU_05',
};

const returnMethods: Record<string, string> = {
  COUNTER: 'Tại Bộ phận một cửa',
  POST: 'Qua dịch vụ bưu chính công ích',
  ONLINE: 'Trực tuyến (bản điện tử)',
};

/** "Xã An Hòa" → "An Hòa": the place a Vietnamese document is dated at. */
export const placeOf = (unitName: string) =>
  unitName.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/u, '').trim() || unitName;

/** "An Hòa, ngày 06 tháng 12 năm 2026", in Vietnam's time. */
export function placeAndDate(unitName: string, at: Date | string): string {
  const [dd, mm, yyyy] = formatDateVi(at).split('/');
  return `${placeOf(unitName)}, ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

/**
 * The national header of an administrative document (Decree 30/2020): the issuing body and the document's number on
 * the left, the national name and motto with place and date on the right, then the title.
 */
function header(doc: Pdf, head: { unitName: string; title: string; number: string; at: Date | string }) {
  const width = doc.page.width - 2 * 36;
  const half = width / 2;
  const top = 30;
  doc.font('bold').fontSize(8).text(`UBND ${head.unitName.toUpperCase()}`, 36, top, { width: half, align: 'center' });
  doc
    .font('bold')
    .fontSize(7.5)
    .text('BỘ PHẬN MỘT CỬA', 36, top + 11, { width: half, align: 'center' });
  doc
    .font('regular')
    .fontSize(8)
    .text(`Số: ${head.number}`, 36, top + 24, { width: half, align: 'center' });
  doc
    .font('bold')
    .fontSize(8)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 36 + half, top, { width: half, align: 'center' });
  doc
    .font('bold')
    .fontSize(8)
    .text('Độc lập - Tự do - Hạnh phúc', 36 + half, top + 11, { width: half, align: 'center', underline: true });
  doc
    .font('regular')
    .fontSize(8)
    .text(placeAndDate(head.unitName, head.at), 36 + half, top + 24, { width: half, align: 'center' });
  doc
    .font('bold')
    .fontSize(11)
    .text(head.title, 36, top + 48, { width, align: 'center' });
  doc.moveDown(0.6).font('regular').fontSize(9);
}

/** The signature block, right half: the role, "(Ký, ghi rõ họ tên)", room to sign, the name. */
function signature(doc: Pdf, role: string, name: string | null) {
  const width = (doc.page.width - 2 * 36) / 2;
  const x = 36 + width;
  doc.moveDown(1.2);
  const y = doc.y;
  doc.font('bold').fontSize(9).text(role, x, y, { width, align: 'center' });
  doc.font('regular').fontSize(8).text('(Ký, ghi rõ họ tên)', x, doc.y, { width, align: 'center' });
  doc
    .font('bold')
    .fontSize(9)
    .text(name ?? '', x, doc.y + 36, { width, align: 'center' });
}

const line = (doc: Pdf, label: string, value: string) => {
  doc
    .font('bold')
    .text(`${label}: `, { continued: true })
    .font('regular')
    .text(value || '—');
};

/**
 * Renders one of forms 01–05 for a dossier, from the dossier and the event that issued it, on A5 as the forms are
 * printed at the counter. Form 01 carries a QR code to the public status page.
 */
export async function renderForm(
  form: FormNumber,
  row: DossierWithNames,
  events: Events,
  documents: ProcedureDocument[],
  statusUrl: string,
  paymentPayload: string | null = null,
): Promise<Buffer> {
  const d = row.dossier;
  const issued = events.filter((e) => e.formType === formEvent[form]);
  const event = issued.at(-1);
  const received = events.find((e) => e.action === 'RECEIVE');
  // One number per form of a dossier; a second apology is the dossier's second Form 04.
  const number = `${d.code}/M${form}${issued.length > 1 ? `-${issued.length}` : ''}`;
  const at = form === '01' ? (received?.at ?? d.submittedAt) : (event?.at ?? new Date());
  return renderPdf({ size: 'A5', title: `${titles[form]} ${d.code}`, margin: 36 }, (doc) => {
    header(doc, { unitName: row.unitName, title: titles[form], number, at });
    line(doc, 'Mã hồ sơ', d.code);
    line(doc, 'Người nộp', d.applicantName);
    line(doc, 'Thủ tục', `${row.procedureName} (${row.procedureCode})`);
    line(doc, 'Ngày nộp', formatDateTimeVi(d.submittedAt));
    if (form === '01') {
      line(doc, 'Ngày tiếp nhận', received ? formatDateTimeVi(received.at) : 'Chờ cán bộ tiếp nhận');
      const due = d.extendedDueAt ?? d.dueAt;
      line(doc, 'Ngày hẹn trả kết quả', due ? formatDateTimeVi(due) : 'Sẽ báo khi hồ sơ được tiếp nhận');
      line(doc, 'Hình thức nhận kết quả', returnMethods[d.returnMethod] ?? d.returnMethod);
      line(doc, 'Phí, lệ phí', d.feeAmount ? `${formatVnd(d.feeAmount)}${d.paidAt ? ' (đã nộp)' : ''}` : 'Không thu');
      if (documents.length) {
        doc.moveDown(0.4).font('bold').text('Thành phần hồ sơ:');
        const copyTypes: Record<string, string> = { ORIGINAL: 'bản chính', COPY: 'bản sao' };
        for (const [i, p] of documents.entries()) {
          const copy = copyTypes[p.copyType] ?? 'bản điện tử';
          doc.font('regular').text(`${i + 1}. ${p.nameVi} — ${copy}, ${p.count} bản`);
        }
      }
      const y = Math.max(doc.y + 8, 300);
      drawQr(doc, statusUrl, 36, y, 96);
      doc
        .font('regular')
        .fontSize(8)
        .text('Quét mã để theo dõi hồ sơ, hoặc tra cứu bằng mã hồ sơ và 4 số cuối điện thoại.', 140, y + 20, {
          width: doc.page.width - 176,
        });
      doc.text(statusUrl, 140, y + 50, { width: doc.page.width - 176 });
      if (paymentPayload) {
        // The fee by bank transfer: any banking app reads a VietQR code, amount and dossier code filled in.
        const py = y + 104;
        drawQr(doc, paymentPayload, 36, py, 96);
        doc
          .font('bold')
          .fontSize(8)
          .text(`Nộp phí ${formatVnd(d.feeAmount)} bằng VietQR`, 140, py + 20, { width: doc.page.width - 176 });
        doc
          .font('regular')
          .text('Quét mã bằng ứng dụng ngân hàng; nội dung chuyển khoản đã có mã hồ sơ.', 140, py + 34, {
            width: doc.page.width - 176,
          });
      }
      return;
    }
    if (form === '04' && event?.data && typeof event.data.newDueAt === 'string') {
      line(doc, 'Ngày hẹn trả trước đây', formatDateTimeVi(earlierDue(events, event, d.dueAt)));
      line(doc, 'Ngày hẹn trả mới', formatDateTimeVi(event.data.newDueAt));
      doc.moveDown(0.3).text('Bộ phận một cửa thành thật xin lỗi ông/bà vì hồ sơ chưa được giải quyết đúng hẹn.');
    }
    line(doc, form === '02' ? 'Nội dung cần bổ sung' : 'Lý do', event?.reason ?? '');
    line(doc, 'Ngày lập phiếu', event ? formatDateVi(event.at) : formatDateVi(new Date()));
    if (form === '02')
      doc
        .moveDown(0.3)
        .text(
          'Ông/bà bổ sung giấy tờ qua đường dẫn theo dõi hồ sơ hoặc tại Bộ phận một cửa; thời gian chờ bổ sung không tính vào thời hạn giải quyết.',
        );
    signature(doc, 'NGƯỜI LẬP PHIẾU', event?.actorName ?? null);
  });
}

/**
 * The date an apology replaced: recorded with it since the change that wrote `previousDueAt`; for older apologies,
 * the date the one before it promised, else the first due date.
 */
export function earlierDue(events: Events, apology: Events[number], firstDue: Date | null): Date | string | null {
  if (typeof apology.data?.previousDueAt === 'string') return apology.data.previousDueAt;
  const before = events.filter((e) => e.formType === 'MAU_04' && e.id < apology.id).at(-1);
  return typeof before?.data?.newDueAt === 'string' ? before.data.newDueAt : firstDue;
}
