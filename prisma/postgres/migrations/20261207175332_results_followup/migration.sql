-- AlterTable
ALTER TABLE "ScreeningResult" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "heldAt" TIMESTAMP(3),
ADD COLUMN     "idHash" TEXT,
ADD COLUMN     "idSealed" TEXT;

-- CreateTable
CREATE TABLE "ContactIdentity" (
    "contactId" TEXT NOT NULL,
    "idHash" TEXT NOT NULL,
    "idSealed" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactIdentity_pkey" PRIMARY KEY ("contactId")
);

-- CreateTable
CREATE TABLE "ResultPollState" (
    "hospitalId" TEXT NOT NULL,
    "cursor" TEXT,
    "lastPollAt" TIMESTAMP(3),
    "lastOkAt" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextPollAt" TIMESTAMP(3),
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResultPollState_pkey" PRIMARY KEY ("hospitalId")
);

-- CreateTable
CREATE TABLE "FollowUpCase" (
    "id" TEXT NOT NULL,
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
    "contactedAt" TIMESTAMP(3),
    "bookedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "outcomeStage" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "lastRemindedOn" TEXT,
    "aidState" TEXT,
    "aidAmountFen" INTEGER,
    "aidUpdatedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpEvent_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "ContactIdentity" ADD CONSTRAINT "ContactIdentity_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpCase" ADD CONSTRAINT "FollowUpCase_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ScreeningResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpCase" ADD CONSTRAINT "FollowUpCase_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;
