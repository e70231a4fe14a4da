// The staff console's access, mounted on the HTTP app: sessions, the login, the staff guard on
// /api/staff (and, by the caller, on the WeChat login page), the session, accounts, audit and
// hospital-key routes.
import type express from 'express';
import type { Config } from '../config/config.js';
import { accountsRouter } from '../api/staff/accountsRouter.js';
import { auditRouter } from '../api/staff/auditRouter.js';
import { hospitalKeysRouter } from '../api/staff/hospitalKeysRouter.js';
import { loginRouter, sessionRouter } from '../api/staff/sessionRouter.js';
import { staffGuard, type StaffGuard } from '../api/staff/staffGuard.js';
import { loginLimit } from '../services/staff/loginLimit.js';
import { HospitalKeys } from '../services/staff/hospitalKeys.js';
import { StaffAccounts } from '../services/staff/StaffAccounts.js';
import { StaffLogin } from '../services/staff/StaffLogin.js';
import type { StaffAuthLimit } from '../services/staffAuthLimit.js';
import type { Logger } from '../support/logger.js';
import type { Services } from './buildServices.js';

export function mountStaffAccess(
  app: express.Express,
  config: Config,
  s: Services,
  o: { authLimit?: StaffAuthLimit; countyId: string; logger: Logger },
): StaffGuard {
  const { db, clock } = s;
  const guard = staffGuard({
    db,
    clock,
    secret: config.SESSION_SECRET,
    idleMinutes: config.STAFF_SESSION_IDLE_MINUTES,
    maxHours: config.STAFF_SESSION_MAX_HOURS,
    adminToken: config.ADMIN_TOKEN,
    authLimit: o.authLimit,
    countyId: o.countyId,
  });
  const secret = config.SESSION_SECRET.split(',')[0];
  const limit = loginLimit(db, {
    accountFailures: config.STAFF_LOGIN_ACCOUNT_FAILURES,
    addressFailures: config.STAFF_LOGIN_ADDRESS_FAILURES,
    windowMinutes: config.STAFF_LOGIN_WINDOW_MINUTES,
    secret,
    logger: o.logger,
  });
  const login = new StaffLogin(db, limit, { lockAfter: config.STAFF_LOCK_AFTER_FAILURES, secret });
  app.use('/api/staff', guard.sessions);
  app.use(loginRouter({ login, guard, clock }));
  app.use('/api/staff', guard.api);
  app.use(sessionRouter({ login, guard, clock }));
  app.use(accountsRouter({ accounts: new StaffAccounts(db, { clearLoginCount: limit.clear }), clock, address: guard.address }));
  app.use(auditRouter({ db }));
  app.use(hospitalKeysRouter({ keys: new HospitalKeys(db, s.box), clock }));
  return guard;
}
