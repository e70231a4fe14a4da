-- CreateTable
CREATE TABLE "Pregnancy" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activeKey" TEXT,
    "dueDate" TEXT NOT NULL,
    "datingFrom" TEXT NOT NULL,
    "cycleDays" INTEGER,
    "twins" BOOLEAN NOT NULL DEFAULT false,
    "ageOnDueDate" INTEGER,
    "referred" BOOLEAN NOT NULL DEFAULT false,
    "registeredOn" TEXT NOT NULL,
    "birthDate" TEXT,
    "endedOn" TEXT,
    "guardianConsentAt" TIMESTAMP(3),
    "heelBloodDone" BOOLEAN,
    "hearingFirst" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pregnancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PregnancyScreening" (
    "pregnancyId" TEXT NOT NULL,
    "screeningId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PregnancyScreening_pkey" PRIMARY KEY ("pregnancyId","screeningId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pregnancy_activeKey_key" ON "Pregnancy"("activeKey");

-- CreateIndex
CREATE INDEX "Pregnancy_status_dueDate_idx" ON "Pregnancy"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Pregnancy_status_birthDate_idx" ON "Pregnancy"("status", "birthDate");

-- CreateIndex
CREATE INDEX "Pregnancy_contactId_idx" ON "Pregnancy"("contactId");

-- CreateIndex
CREATE INDEX "PregnancyScreening_status_day_idx" ON "PregnancyScreening"("status", "day");

-- CreateIndex
CREATE INDEX "EligibilityCheck_nextEligibleOn_programme_idx" ON "EligibilityCheck"("nextEligibleOn", "programme");

-- AddForeignKey
ALTER TABLE "Pregnancy" ADD CONSTRAINT "Pregnancy_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PregnancyScreening" ADD CONSTRAINT "PregnancyScreening_pregnancyId_fkey" FOREIGN KEY ("pregnancyId") REFERENCES "Pregnancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
