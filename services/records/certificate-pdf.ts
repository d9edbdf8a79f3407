import { renderPdf } from '../pdf/pdf-document.js';
import type { PersonalRecord } from './read-personal-record.js';

const INSURANCE: Record<string, string> = {
  pension: '基本养老保险',
  medical: '基本医疗保险',
  unemployment: '失业保险',
  workInjury: '工伤保险',
  maternity: '生育保险',
};

export interface CertificateContent {
  record: PersonalRecord;
  code: string;
  issuedOn: string;
  issuedAt: Date;
  /** Where the verification page is, printed beside the code (the path; the host is the agency's). */
  verifyPath: string;
}

/**
 * 参保证明 as a PDF: who, the periods per insurance and employer with their months, the contribution months per
 * insurance, the personal account balance, and the verification code. The CJK font is embedded (a subset), so the
 * document reads the same on any machine. The creation date is the business clock's, never the machine's.
 */
export function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const { record } = content;
  return renderPdf({ title: '参保证明', createdAt: content.issuedAt }, (doc) => {
    doc.fontSize(20).text('参 保 证 明', { align: 'center' }).moveDown();
    doc.fontSize(11);
    doc.text(`姓名：${record.name ?? '—'}    公民身份号码：${record.citizenId}`);
    doc.text(`截至 ${content.issuedOn}，该参保人员的社会保险参保缴费情况如下：`).moveDown(0.5);
    for (const period of record.periods) {
      const until = period.endMonth ?? '至今';
      doc.text(
        `${INSURANCE[period.insuranceType] ?? period.insuranceType}  ${period.employerCreditCode ?? '灵活就业'}  ${period.startMonth} — ${until}  缴费基数 ${period.contributionBase}  已缴 ${period.paidMonths} 个月`,
      );
    }
    if (record.periods.length === 0) doc.text('无参保记录。');
    doc.moveDown(0.5).text(
      '累计缴费月数：' +
        Object.entries(record.contributionMonths)
          .map(([type, months]) => `${INSURANCE[type] ?? type} ${months} 个月`)
          .join('；'),
    );
    doc.text(`基本养老保险个人账户储存额：${record.personalAccount.balance} 元（含记账利息 ${record.personalAccount.interestTotal} 元）`);
    doc.moveDown(2);
    doc.text(`验证码：${content.code}`);
    doc.text(`可在 ${content.verifyPath} 输入验证码核验本证明的真伪。`);
    doc.text(`出具日期：${content.issuedOn}`, { align: 'right' });
  });
}
