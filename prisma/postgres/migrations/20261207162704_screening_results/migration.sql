-- CreateTable
CREATE TABLE "ScreeningResult" (
    "id" TEXT NOT NULL,
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
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScreeningResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultEvent" (
    "id" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResultEvent_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "ScreeningResult" ADD CONSTRAINT "ScreeningResult_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;
