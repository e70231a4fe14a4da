-- CreateTable
CREATE TABLE "HospitalClient" (
    "hospitalId" TEXT NOT NULL PRIMARY KEY,
    "apiKey" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HospitalRequestSeen" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hospitalId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "HospitalClient_apiKey_key" ON "HospitalClient"("apiKey");

-- CreateIndex
CREATE INDEX "HospitalRequestSeen_at_idx" ON "HospitalRequestSeen"("at");

-- CreateIndex
CREATE UNIQUE INDEX "HospitalRequestSeen_hospitalId_requestId_key" ON "HospitalRequestSeen"("hospitalId", "requestId");
