-- AlterTable
ALTER TABLE "ScreeningResult" ADD COLUMN "escalatedAt" DATETIME;
ALTER TABLE "ScreeningResult" ADD COLUMN "heldAt" DATETIME;
ALTER TABLE "ScreeningResult" ADD COLUMN "idHash" TEXT;
ALTER TABLE "ScreeningResult" ADD COLUMN "idSealed" TEXT;

-- CreateTable
CREATE TABLE "ContactIdentity" (
    "contactId" TEXT NOT NULL PRIMARY KEY,
    "idHash" TEXT NOT NULL,
    "idSealed" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ContactIdentity_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResultPollState" (
    "hospitalId" TEXT NOT NULL PRIMARY KEY,
    "cursor" TEXT,
    "lastPollAt" DATETIME,
    "lastOkAt" DATETIME,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextPollAt" DATETIME,
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FollowUpCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resultId" TEXT NOT NULL,
    "contactId" TEXT,
    "hospitalId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "nextStep" TEXT NOT NULL,
    "openedOn" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "owner" TEXT,
    "contactedAt" DATETIME,
    "bookedAt" DATETIME,
    "doneAt" DATETIME,
    "closedAt" DATETIME,
    "outcome" TEXT,
    "outcomeStage" TEXT,
    "escalatedAt" DATETIME,
    "lastRemindedOn" TEXT,
    "aidState" TEXT,
    "aidAmountFen" INTEGER,
    "aidUpdatedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUpCase_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ScreeningResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpCase_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ContactIdentity_idHash_idx" ON "ContactIdentity"("idHash");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpCase_resultId_key" ON "FollowUpCase"("resultId");

-- CreateIndex
CREATE INDEX "FollowUpCase_regionId_category_idx" ON "FollowUpCase"("regionId", "category");

-- CreateIndex
CREATE INDEX "FollowUpCase_dueOn_idx" ON "FollowUpCase"("dueOn");

-- CreateIndex
CREATE INDEX "FollowUpCase_contactId_idx" ON "FollowUpCase"("contactId");

-- CreateIndex
CREATE INDEX "FollowUpCase_closedAt_idx" ON "FollowUpCase"("closedAt");

-- CreateIndex
CREATE INDEX "FollowUpEvent_caseId_idx" ON "FollowUpEvent"("caseId");

-- CreateIndex
CREATE INDEX "ScreeningResult_idHash_idx" ON "ScreeningResult"("idHash");

-- CreateIndex
CREATE INDEX "ScreeningResult_testDate_idx" ON "ScreeningResult"("testDate");
