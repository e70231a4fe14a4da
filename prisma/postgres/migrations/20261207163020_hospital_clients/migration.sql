-- CreateTable
CREATE TABLE "HospitalClient" (
    "hospitalId" TEXT NOT NULL,
    "apiKey" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HospitalClient_pkey" PRIMARY KEY ("hospitalId")
);

-- CreateTable
CREATE TABLE "HospitalRequestSeen" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HospitalRequestSeen_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HospitalClient_apiKey_key" ON "HospitalClient"("apiKey");

-- CreateIndex
CREATE INDEX "HospitalRequestSeen_at_idx" ON "HospitalRequestSeen"("at");

-- CreateIndex
CREATE UNIQUE INDEX "HospitalRequestSeen_hospitalId_requestId_key" ON "HospitalRequestSeen"("hospitalId", "requestId");
