-- CreateTable
CREATE TABLE "ScreeningResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hospitalId" TEXT NOT NULL,
    "hospitalResultId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "abnormal" BOOLEAN NOT NULL,
    "testDate" TEXT NOT NULL,
    "fieldsJson" TEXT NOT NULL,
    "visitCode" TEXT,
    "contactId" TEXT,
    "matchState" TEXT NOT NULL,
    "unmatchedReason" TEXT,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScreeningResult_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResultEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resultId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ScreeningResult_contactId_idx" ON "ScreeningResult"("contactId");

-- CreateIndex
CREATE INDEX "ScreeningResult_matchState_idx" ON "ScreeningResult"("matchState");

-- CreateIndex
CREATE INDEX "ScreeningResult_status_idx" ON "ScreeningResult"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ScreeningResult_hospitalId_hospitalResultId_key" ON "ScreeningResult"("hospitalId", "hospitalResultId");

-- CreateIndex
CREATE INDEX "ResultEvent_resultId_idx" ON "ResultEvent"("resultId");
