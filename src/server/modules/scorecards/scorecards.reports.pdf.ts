import type { Tx } from '../../db/client.js';
import { unitAt } from '../../db/scope.js';
import {
  aboutOf,
  bodySize,
  type DocumentHead,
  drawDocumentHead,
  drawSignature,
  placeOf,
  type Signer,
  upper,
} from '../../lib/document.js';
import { formatDateVi, type Pdf, renderPdf } from '../../lib/pdf.js';
import { findDocumentSettings } from '../documents/documents.repo.js';
import { findUnit, type UnitRow } from './scorecards.dashboard.data.js';
import type { loadDashboard } from './scorecards.dashboard.js';
import { formatChangeVi, formatValueVi, lightVi, monthVi } from './scorecards.export.js';
import type { loadRanking } from './scorecards.ranking.js';

/**
 * The printed scorecards: the emulation board (bảng xếp hạng thi đua) of a unit's children and the monthly report,
 * in the administrative document's frame (lib/document.ts: issuing body, national name, number, place and date,
 * signature block) with a real Vietnamese text layer. Tables and bar charts are drawn with pdfkit's own lines.
 */
type Frame = { head: Omit<DocumentHead, 'kind' | 'summary'>; signer: Signer };

/** The people's committee that issues a unit's papers: the commune for itself and its groups, else the province. */
export async function frameOf(db: Tx, unit: UnitRow, at: Date): Promise<Frame> {
  const provinceId = unitAt(unit.path, 1);
  const communeId = unitAt(unit.path, 2);
  const province = provinceId ? await findUnit(db, provinceId) : unit;
  const commune = communeId ? await findUnit(db, communeId) : null;
  const body = commune ?? province;
  const committee = (u: UnitRow) => `ỦY BAN NHÂN DÂN ${upper(u.name)}`;
  const settings = await findDocumentSettings(db, body.id);
  return {
    head: {
      issuer: { above: commune ? committee(province) : null, name: committee(body) },
      number: null,
      symbol: 'BC-UBND',
      place: placeOf(body.name),
      at,
    },
    signer: {
      authority: settings ? settings.authority || null : 'TM. ỦY BAN NHÂN DÂN',
      title: (settings?.signerTitle ?? 'CHỦ TỊCH').split('\n'),
      name: settings?.signerName ?? null,
    },
  };
}

type Column = { header: string; width: number; align?: 'left' | 'right' | 'center' };

/** A ruled table that continues on a new page (its header repeated) when it reaches the bottom margin. */
function drawTable(doc: Pdf, columns: Column[], rows: string[][]) {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * full);
  const size = 10;
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 6 }))) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold)
        line(
          columns.map((c) => c.header),
          true,
        );
      // The repeated header left the font bold: this row is in its own.
      doc.font(bold ? 'bold' : 'regular').fontSize(size);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((text, i) => {
      doc.rect(x, top, widths[i]!, height).lineWidth(0.5).stroke('#000');
      doc.text(text, x + 3, top + 3, { width: widths[i]! - 6, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = top + height;
  };
  line(
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) line(row, false);
  doc.font('regular').fontSize(bodySize(doc));
  doc.moveDown(0.5);
}

/** A horizontal bar chart (label, bar, value written at its end) drawn as vector shapes; `max` is the scale's end. */
function drawBars(doc: Pdf, bars: { label: string; value: number | null; text: string }[], max: number) {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const labelWidth = full * 0.3;
  const barWidth = full * 0.55;
  const rowHeight = 16;
  doc.font('regular').fontSize(9);
  for (const bar of bars) {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.fillColor('#000').text(bar.label, left, y + 3, { width: labelWidth - 4, lineBreak: false, ellipsis: true });
    const length = max > 0 && bar.value !== null ? Math.max(0, Math.min(1, bar.value / max)) * barWidth : 0;
    doc
      .rect(left + labelWidth, y + 2, barWidth, rowHeight - 4)
      .lineWidth(0.3)
      .stroke('#999');
    if (length > 0) doc.rect(left + labelWidth, y + 2, length, rowHeight - 4).fill('#2f6f9f');
    doc.fillColor('#000').text(bar.text, left + labelWidth + barWidth + 4, y + 3, { lineBreak: false });
    doc.x = left;
    doc.y = y + rowHeight;
  }
  doc.font('regular').fontSize(bodySize(doc));
  doc.moveDown(0.5);
}

const heading = (doc: Pdf, text: string) => {
  doc.font('bold').fontSize(bodySize(doc)).text(text, doc.page.margins.left, doc.y);
  doc.font('regular').moveDown(0.3);
};

/** A change of rank in words: the font has no arrows, and words read aloud the same. */
const rankMove = (change: number | null) =>
  change === null ? '–' : change > 0 ? `Tăng ${change}` : change < 0 ? `Giảm ${-change}` : 'Giữ nguyên';

type RankingData = Awaited<ReturnType<typeof loadRanking>>;

/** The emulation board: the unit's children in rank order, last month's rank beside, the tie rule under. */
export async function boardPdf(db: Tx, unit: UnitRow, data: RankingData, at: Date): Promise<Buffer> {
  const frame = await frameOf(db, unit, at);
  const by = data.by.set ? data.by.set.nameVi : data.by.indicator!.nameVi;
  const measure = data.by.indicator?.measure ?? 'COUNT';
  const unitVi = data.by.indicator?.unitVi ?? 'điểm';
  return renderPdf({ title: `Bảng xếp hạng thi đua tháng ${monthVi(data.period)}` }, async (doc) => {
    drawDocumentHead(doc, {
      ...frame.head,
      kind: 'BẢNG XẾP HẠNG THI ĐUA',
      summary: aboutOf(`Kết quả chuyển đổi số tháng ${monthVi(data.period)} của ${unit.name}`),
    });
    doc.text(`Xếp hạng theo: ${by}.`);
    doc.moveDown(0.5);
    drawTable(
      doc,
      [
        { header: 'Hạng', width: 1, align: 'center' },
        { header: 'Đơn vị', width: 4 },
        {
          header: data.by.set ? `Điểm (tối đa ${data.by.set.maxTotal.toLocaleString('vi-VN')})` : 'Giá trị',
          width: 2,
          align: 'right',
        },
        { header: `Hạng tháng ${monthVi(data.previousPeriod)}`, width: 1.6, align: 'center' },
        { header: 'Tăng/giảm hạng', width: 1.4, align: 'center' },
      ],
      data.rows.map((r) => [
        r.rank === null ? '–' : String(r.rank),
        r.unit.name,
        formatValueVi(measure, data.by.set ? unitVi : (data.by.indicator?.unitVi ?? ''), r.value),
        r.previousRank === null ? '–' : String(r.previousRank),
        rankMove(r.rankChange),
      ]),
    );
    doc.font('italic').fontSize(11).text(`Cách xếp hạng: ${data.tieRule.vi}`);
    doc.font('regular').fontSize(bodySize(doc));
    drawSignature(doc, frame.signer, null);
  });
}

type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

/**
 * The monthly report: the overall result, the unit's indicators against their targets, its children ranked on the
 * scored set (a bar chart) where there is one, what moved most, and notes on where the figures come from.
 */
export async function monthlyReportPdf(
  db: Tx,
  unit: UnitRow,
  dashboard: DashboardData,
  ranking: RankingData | null,
  at: Date,
): Promise<Buffer> {
  const frame = await frameOf(db, unit, at);
  const month = monthVi(dashboard.period);
  const cells = dashboard.indicators.map((i) => ({ i, c: dashboard.total.cells[i.id]! }));
  const count = (light: string) => cells.filter((x) => x.c.light === light).length;
  return renderPdf({ title: `Báo cáo chỉ số chuyển đổi số tháng ${month}` }, async (doc) => {
    drawDocumentHead(doc, {
      ...frame.head,
      kind: 'BÁO CÁO',
      summary: aboutOf(`Kết quả thực hiện chỉ số chuyển đổi số tháng ${month}`),
    });
    heading(doc, '1. Kết quả chung');
    const targeted = count('MET') + count('NEAR') + count('BEHIND');
    doc.text(
      `${unit.name} có ${targeted} chỉ số đã giao chỉ tiêu: đạt ${count('MET')}, gần đạt ${count('NEAR')}, chưa đạt ${count('BEHIND')}; ` +
        `${count('NO_DATA')} chỉ số chưa có số liệu.`,
    );
    doc.moveDown(0.5);
    heading(doc, '2. Các chỉ số so với chỉ tiêu');
    drawTable(
      doc,
      [
        { header: 'TT', width: 0.6, align: 'center' },
        { header: 'Chỉ số', width: 5 },
        { header: 'Kết quả', width: 1.6, align: 'right' },
        { header: 'Chỉ tiêu', width: 1.4, align: 'right' },
        { header: 'Đánh giá', width: 1.6 },
        { header: `So với tháng ${monthVi(dashboard.previousPeriod)}`, width: 2 },
      ],
      cells.map(({ i, c }, n) => [
        String(n + 1),
        i.nameVi,
        formatValueVi(i.measure, i.unitVi, c.value),
        c.target === null ? '–' : formatValueVi(i.measure, i.unitVi, c.target),
        lightVi[c.light],
        formatChangeVi(i.measure, c.change),
      ]),
    );
    if (ranking && ranking.rows.length > 0 && ranking.by.set) {
      heading(doc, `3. Xếp hạng các đơn vị trực thuộc theo ${ranking.by.set.nameVi}`);
      drawBars(
        doc,
        ranking.rows.map((r) => ({
          label: `${r.rank ?? '–'}. ${r.unit.name}`,
          value: r.value,
          text: r.value === null ? 'chưa có số liệu' : `${formatValueVi('COUNT', '', r.value)} điểm`,
        })),
        ranking.by.set.maxTotal,
      );
    }
    heading(doc, `${ranking?.by.set ? 4 : 3}. Biến động nổi bật so với tháng trước`);
    const named = new Map(dashboard.indicators.map((i) => [i.id, i]));
    if (dashboard.moved.length === 0) doc.text('Không có chỉ số nào thay đổi.');
    for (const m of dashboard.moved) {
      const i = named.get(m.indicatorId)!;
      doc.text(`- ${i.nameVi}: ${formatChangeVi(i.measure, m.change)}.`);
    }
    doc.moveDown(0.5);
    heading(doc, 'Ghi chú');
    doc.text(
      dashboard.frozen
        ? `Số liệu tháng ${month} đã được chốt; báo cáo không thay đổi khi số liệu gốc được cập nhật sau đó.`
        : `Số liệu tháng ${month} chưa chốt, tính đến ngày ${formatDateVi(dashboard.computedAt ?? at)}.`,
    );
    doc.text(
      `Đánh giá "gần đạt" khi kết quả cách chỉ tiêu không quá ${Math.round(dashboard.nearMargin * 100)}% (tương đối). ` +
        'Tỷ lệ của đơn vị cấp trên được cộng từ tử số và mẫu số của các đơn vị trực thuộc, không lấy bình quân các tỷ lệ.',
    );
    drawSignature(doc, frame.signer, unit.tier === 'PROVINCE' ? ['Lưu: VT'] : ['UBND tỉnh (để báo cáo)', 'Lưu: VT']);
  });
}
