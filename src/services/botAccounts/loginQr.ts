// The login QR code of a bot account, for the county administrator on the console's bot-account
// page: only the process that runs the account holds it (the channel keeps the scan payload in
// memory, never in the database), so another process answers `here: false` and the page points to
// that process's /wechat/login. Whoever scans it becomes the bot: each code shown to an account is
// audited once (a refresh showing the same code again is not).
import QRCode from 'qrcode';
import type { Db } from '../../db/client.js';
import { administersCounty, type StaffScope } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';

/** The account this process runs, and its channel's state (with the QR payload while it waits for a scan). */
export interface LocalBotAccount {
  account: string;
  countyId: string;
  status(): { state: string; qrCode?: string };
}

export interface LoginQr {
  account: string;
  /** Whether this process runs the account (only it can show the code). */
  here: boolean;
  state: string | null;
  /** The code as a PNG data: URL, while the account waits for a scan and the code is known. */
  qrDataUrl: string | null;
}

export class LoginQrs {
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly local?: LocalBotAccount,
  ) {}

  /** The account's code for an administrator of its county; undefined when the account is unknown or not theirs. */
  async forAccount(call: { scope: StaffScope; address?: string }, account: string, now: Date): Promise<LoginQr | undefined> {
    const here = this.local?.account === account ? this.local : undefined;
    const row = await this.db.sendAccount.findUnique({ where: { account }, select: { countyId: true } });
    const countyId = here?.countyId ?? row?.countyId;
    if (!countyId || !administersCounty(call.scope, countyId)) return undefined;
    if (!here) return { account, here: false, state: null, qrDataUrl: null };
    const status = here.status();
    if (status.state !== 'waiting_for_scan' || !status.qrCode) return { account, here: true, state: status.state, qrDataUrl: null };
    const key = `${call.scope.accountId}\u0000${account}`;
    if (this.shown.get(key) !== status.qrCode) {
      await audit(
        this.db,
        { by: call.scope, action: 'botAccount.login_qr', objectType: 'botAccount', objectId: account, countyId, address: call.address },
        now,
      );
      this.shown.set(key, status.qrCode);
    }
    const qrDataUrl = await QRCode.toDataURL(status.qrCode, { margin: 2, width: 240 });
    return { account, here: true, state: status.state, qrDataUrl };
  }
}
