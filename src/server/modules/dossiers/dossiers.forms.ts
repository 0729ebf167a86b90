import type { ProcedureDocument } from '../../db/schema/onestop.js';
import { drawDocumentHead, drawSignature, type Signer } from '../../lib/document.js';
import { drawQr, formatDateTimeVi, formatDateVi, formatVnd, renderPdf, type Pdf } from '../../lib/pdf.js';
import { type DocumentFrame, documentKinds } from '../documents/documents.service.js';
import type { DossierWithNames, eventsOf } from './dossiers.repo.js';

type Events = Awaited<ReturnType<typeof eventsOf>>;
export type FormNumber = '01' | '02' | '03' | '04' | '05';

/** A form's title, as its register entry and its header name it. */
const titles = (form: FormNumber) => documentKinds[`FORM_${form}`].name;

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

/** Who signs each form: the officer who took the step for 01–03, the commune's signer for an apology or a stop. */
const officerRoles: Partial<Record<FormNumber, string>> = {
  '01': 'NGƯỜI TIẾP NHẬN',
  '02': 'NGƯỜI LẬP PHIẾU',
  '03': 'NGƯỜI LẬP PHIẾU',
};

/**
 * How a form of a dossier is registered: its kind, what it is of (the dossier's receipt, else the event that issued
 * it, so a reprint keeps its number), its date, and whether it is issued at all (a receipt before the dossier is
 * received is a draft without a number).
 */
export function formDocument(form: FormNumber, row: DossierWithNames, events: Events) {
  const d = row.dossier;
  const event = events.filter((e) => e.formType === formEvent[form]).at(-1);
  const received = events.find((e) => e.action === 'RECEIVE');
  const at = form === '01' ? (received?.at ?? d.submittedAt) : (event?.at ?? new Date());
  return {
    kind: `FORM_${form}` as const,
    ref: form === '01' ? `dossier:${d.id}:01` : `dossier-event:${event?.id ?? 0}`,
    at,
    title: `${titles(form)} ${d.code}`,
    issued: form === '01' ? !!received : !!event,
    division: 'Bộ phận một cửa',
  };
}

const line = (doc: Pdf, label: string, value: string) => {
  doc
    .font('bold')
    .text(`${label}: `, { continued: true })
    .font('regular')
    .text(value || '—');
};

/**
 * Renders one of forms 01–05 for a dossier in the commune's document frame (`frame`: its one-stop counter under the
 * commune, the number it was registered with), on A5 as the forms are printed at the counter. Form 01 carries a QR
 * code to the public status page, and one to pay the fee when there is one.
 */
export async function renderForm(
  frame: DocumentFrame,
  form: FormNumber,
  row: DossierWithNames,
  events: Events,
  documents: ProcedureDocument[],
  statusUrl: string,
  paymentPayload: string | null = null,
): Promise<Buffer> {
  const d = row.dossier;
  const event = events.filter((e) => e.formType === formEvent[form]).at(-1);
  const received = events.find((e) => e.action === 'RECEIVE');
  const role = officerRoles[form];
  const officer = form === '01' ? received?.actorName : event?.actorName;
  const signer: Signer = role
    ? { authority: null, title: [role], hint: '(Ký, ghi rõ họ tên)', name: officer ?? null }
    : frame.signer;
  // An apology or a stop goes to the applicant; the counter keeps a copy.
  const recipients = role ? null : [`Ông/bà ${d.applicantName}`, 'Lưu: VT, Bộ phận một cửa'];
  return renderPdf({ size: 'A5', title: `${titles(form)} ${d.code}`, margin: 36 }, (doc) => {
    drawDocumentHead(doc, frame.head);
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
      receiptCodes(doc, statusUrl, paymentPayload ? { payload: paymentPayload, fee: d.feeAmount } : null);
      drawSignature(doc, signer, null);
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
    drawSignature(doc, signer, recipients);
  });
}

/**
 * The receipt's QR codes in the left column, beside the officer's signature: the status page, and the fee by bank
 * transfer (any banking app reads a VietQR code, amount and dossier code filled in).
 */
function receiptCodes(doc: Pdf, statusUrl: string, payment: { payload: string; fee: number } | null) {
  const { left, bottom } = doc.page.margins;
  const size = 72;
  const width = (doc.page.width - left - doc.page.margins.right) * 0.4;
  const needed = (payment ? 2 : 1) * (size + 40);
  if (doc.y + needed > doc.page.height - bottom) doc.addPage();
  const top = doc.y + 6;
  let y = top;
  drawQr(doc, statusUrl, left, y, size);
  doc.font('regular').fontSize(7);
  doc.text('Quét mã để theo dõi hồ sơ, hoặc tra cứu bằng mã hồ sơ và 4 số cuối điện thoại.', left, y + size, { width });
  doc.text(statusUrl, left, doc.y, { width });
  if (payment) {
    y = doc.y + 4;
    drawQr(doc, payment.payload, left, y, size);
    doc.font('bold').text(`Nộp phí ${formatVnd(payment.fee)} bằng VietQR`, left, y + size, { width });
    doc.font('regular').text('Quét mã bằng ứng dụng ngân hàng; nội dung chuyển khoản đã có mã hồ sơ.', left, doc.y, {
      width,
    });
  }
  // The signature block starts beside the codes, at their top.
  doc.y = top - 10;
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
