// Hospital systems' API keys as the console manages them (issue, rotate, revoke), for the county
// administrator of the hospital's county (or a city one). The key is public (it names the hospital);
// the signing secret is shown once, at issue, and kept sealed (hospitalClients.ts). Each change is
// audited in its transaction, by ids only.
import type { Db } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { administersCounty, type StaffScope } from '../../domain/staff/staffScope.js';
import type { SecretBox } from '../../support/secretBox.js';
import { audit } from '../audit/audit.js';
import { issueHospitalKey } from '../results/hospitalClients.js';
import { auditBy, forbidden, notFound } from '../staffAccess/scopeAccess.js';

export interface HospitalKeyView {
  hospitalId: string;
  name: string;
  countyId: string;
  /** The public key (X-Api-Key), or null when none was issued or it was revoked. */
  apiKey: string | null;
  issuedAt: string | null;
}

export class HospitalKeys {
  constructor(
    private readonly db: Db,
    /** Without DATA_ENCRYPTION_KEYS no secret can be kept: issuing is refused (the list still shows). */
    private readonly box: SecretBox | undefined,
  ) {}

  get canIssue(): boolean {
    return !!this.box;
  }

  /** The hospitals of the counties the account administers, with their key (not the secret). */
  async list(by: StaffScope): Promise<HospitalKeyView[]> {
    if (by.role !== 'city' && !(by.role === 'county' && by.countyId)) throw forbidden('hospital keys are for county and city administrators');
    const hospitals = await this.db.hospital.findMany({
      where: by.role === 'city' ? {} : { regionId: by.countyId },
      orderBy: [{ regionId: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, regionId: true },
    });
    const clients = await this.db.hospitalClient.findMany({ where: { hospitalId: { in: hospitals.map((h) => h.id) } } });
    const byId = new Map(clients.map((c) => [c.hospitalId, c]));
    return hospitals.map((h) => {
      const c = byId.get(h.id);
      return { hospitalId: h.id, name: h.name, countyId: h.regionId, apiKey: c?.apiKey ?? null, issuedAt: c?.issuedAt.toISOString() ?? null };
    });
  }

  /** Issues (or rotates: the old key stops working at once) the hospital's key and secret; shown once. */
  async issue(by: StaffScope, hospitalId: string, now: Date): Promise<{ apiKey: string; secret: string; rotated: boolean }> {
    const countyId = await this.countyOf(by, hospitalId);
    const box = this.box;
    if (!box) throw new HospitalKeysUnavailable();
    return runTransaction(this.db, async (tx) => {
      const rotated = !!(await tx.hospitalClient.findUnique({ where: { hospitalId } }));
      const issued = await issueHospitalKey(tx, box, hospitalId, now);
      await audit(
        tx,
        { by: auditBy(by), action: rotated ? 'hospital_key.rotate' : 'hospital_key.issue', objectType: 'hospital', objectId: hospitalId, countyId },
        now,
      );
      return { ...issued, rotated };
    });
  }

  /** Revokes the hospital's key: its system can no longer send results until a new one is issued. */
  async revoke(by: StaffScope, hospitalId: string, now: Date): Promise<boolean> {
    const countyId = await this.countyOf(by, hospitalId);
    return runTransaction(this.db, async (tx) => {
      const { count } = await tx.hospitalClient.deleteMany({ where: { hospitalId } });
      if (count) await audit(tx, { by: auditBy(by), action: 'hospital_key.revoke', objectType: 'hospital', objectId: hospitalId, countyId }, now);
      return count > 0;
    });
  }

  private async countyOf(by: StaffScope, hospitalId: string): Promise<string> {
    const h = await this.db.hospital.findUnique({ where: { id: hospitalId }, select: { regionId: true } });
    if (!h) throw notFound('no such hospital');
    if (!administersCounty(by, h.regionId)) {
      // (an account of another county is not told the hospital exists)
      if (by.role === 'county') throw notFound('no such hospital');
      throw forbidden("a hospital's keys are for the administrator of its county");
    }
    return h.regionId;
  }
}

/** DATA_ENCRYPTION_KEYS is not set: a secret could not be kept sealed. */
export class HospitalKeysUnavailable extends Error {
  constructor() {
    super('DATA_ENCRYPTION_KEYS is not set: a signing secret could not be kept sealed');
    this.name = 'HospitalKeysUnavailable';
  }
}
