-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Conversation" (
    "contactId" TEXT NOT NULL PRIMARY KEY,
    "flowId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "varsJson" TEXT NOT NULL DEFAULT '{}',
    "engineJson" TEXT NOT NULL DEFAULT '{}',
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastActiveAt" DATETIME NOT NULL,
    "idleResetAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Conversation" ("contactId", "failures", "flowId", "idleResetAt", "lastActiveAt", "stepId", "updatedAt", "varsJson", "version") SELECT "contactId", "failures", "flowId", "idleResetAt", "lastActiveAt", "stepId", "updatedAt", "varsJson", "version" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE INDEX "Conversation_lastActiveAt_idx" ON "Conversation"("lastActiveAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
