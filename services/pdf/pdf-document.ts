import PDFDocument from 'pdfkit';
import { cjkFontBytes } from './pdf-fonts.js';

/** What every PDF the agency issues carries in its document information. */
export interface PdfMeta {
  title: string;
  /** The business instant the document was issued (never the machine's clock). */
  createdAt: Date;
}

/**
 * The one way the system makes a PDF (参保证明, the official documents of the notice outbox): A4, the agency as
 * author, the CJK font embedded as a subset so the document reads the same on any machine, and `draw` laying out the
 * content. The bytes depend only on the content and `createdAt`, so rendering the same letter twice gives the same file.
 */
export function renderPdf(meta: PdfMeta, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const font = cjkFontBytes();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: meta.title, Author: '社会保险经办机构', CreationDate: meta.createdAt, ModDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font.name) doc.font(font.bytes, font.name);
  else doc.font(font.bytes);
  draw(doc);
  doc.end();
  return done;
}
