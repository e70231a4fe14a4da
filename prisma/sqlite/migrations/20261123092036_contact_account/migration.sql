-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "account" TEXT NOT NULL DEFAULT 'default',
    "regionId" TEXT,
    "consent" TEXT NOT NULL DEFAULT 'none',
    "consentAt" DATETIME,
    "healthConsentAt" DATETIME,
    "subscribed" BOOLEAN NOT NULL DEFAULT true,
    "noShows" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contact_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Contact" ("channel", "consent", "consentAt", "createdAt", "externalId", "healthConsentAt", "id", "noShows", "regionId", "subscribed", "updatedAt") SELECT "channel", "consent", "consentAt", "createdAt", "externalId", "healthConsentAt", "id", "noShows", "regionId", "subscribed", "updatedAt" FROM "Contact";
DROP TABLE "Contact";
ALTER TABLE "new_Contact" RENAME TO "Contact";
CREATE UNIQUE INDEX "Contact_channel_externalId_key" ON "Contact"("channel", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
