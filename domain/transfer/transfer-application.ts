import type { TransferInsurance } from './transfer-policy.js';

/** A transfer as filed (POST /v1/transfers) and checked at the door; plain JSON, it is workflow input. */
export interface TransferApplication {
  citizenId: string;
  /** The person's name as the records hold it (for notices and the counterpart's messages). */
  personName: string | null;
  insurance: TransferInsurance;
  fromRegion: string;
  toRegion: string;
  fromPoolingArea: string;
  toPoolingArea: string;
  /** The move was approved by an organisation or 人社 department (国办发〔2009〕66号 art. 5 exception). */
  approvedTransfer: boolean;
  appliedOn: string;
}
