import type { OfficialDocumentContent } from '../../domain/case/official-document.js';
import { renderPdf } from './pdf-document.js';

/**
 * An official document (正式文书) as a PDF, laid out like the agency's letters: title, number, addressee, the body
 * the notice carries, and the issuing body with the date. Same fonts and document information as the certificate
 * (services/pdf/pdf-document.ts).
 */
export function renderOfficialDocumentPdf(content: OfficialDocumentContent, createdAt: Date): Promise<Buffer> {
  return renderPdf({ title: content.title, createdAt }, (doc) => {
    doc.fontSize(18).text(content.title, { align: 'center' }).moveDown(0.5);
    doc.fontSize(10).text(`文书编号：${content.number}`, { align: 'right' }).moveDown();
    doc.fontSize(11).text(`${content.addressee}：`).moveDown(0.5);
    for (const line of content.lines) doc.text(line);
    if (content.lines.length === 0) doc.text('（无正文）');
    doc.moveDown(2);
    doc.text('社会保险经办机构', { align: 'right' });
    doc.text(content.issuedOn, { align: 'right' });
  });
}
