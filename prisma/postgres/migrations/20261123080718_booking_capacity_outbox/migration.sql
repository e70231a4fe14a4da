-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "noShows" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CapacityRule" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "session" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CapacityRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "session" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "Closure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reservation" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "session" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionId" TEXT NOT NULL DEFAULT '',
    "seats" INTEGER NOT NULL,
    "releaseAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Slot" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "session" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Slot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlotPool" (
    "id" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionId" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "releaseAt" TIMESTAMP(3),

    CONSTRAINT "SlotPool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "session" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activeKey" TEXT,
    "heldUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "attendedAt" TIMESTAMP(3),

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitlistEntry" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "dateFrom" TEXT NOT NULL,
    "dateTo" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "activeKey" TEXT,
    "bookingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WaitlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "contactId" TEXT,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "account" TEXT NOT NULL DEFAULT 'default',
    "text" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 1,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "notBefore" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SendAccount" (
    "account" TEXT NOT NULL,
    "lastSentAt" TIMESTAMP(3),
    "day" TEXT NOT NULL DEFAULT '',
    "sentToday" INTEGER NOT NULL DEFAULT 0,
    "backoffUntil" TIMESTAMP(3),

    CONSTRAINT "SendAccount_pkey" PRIMARY KEY ("account")
);

-- CreateIndex
CREATE UNIQUE INDEX "CapacityRule_hospitalId_serviceId_weekday_session_key" ON "CapacityRule"("hospitalId", "serviceId", "weekday", "session");

-- CreateIndex
CREATE UNIQUE INDEX "Closure_hospitalId_day_session_key" ON "Closure"("hospitalId", "day", "session");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_hospitalId_serviceId_day_session_kind_regionId_key" ON "Reservation"("hospitalId", "serviceId", "day", "session", "kind", "regionId");

-- CreateIndex
CREATE INDEX "Slot_hospitalId_serviceId_day_idx" ON "Slot"("hospitalId", "serviceId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "Slot_hospitalId_serviceId_day_session_key" ON "Slot"("hospitalId", "serviceId", "day", "session");

-- CreateIndex
CREATE UNIQUE INDEX "SlotPool_slotId_kind_regionId_key" ON "SlotPool"("slotId", "kind", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_code_key" ON "Booking"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_activeKey_key" ON "Booking"("activeKey");

-- CreateIndex
CREATE INDEX "Booking_slotId_status_idx" ON "Booking"("slotId", "status");

-- CreateIndex
CREATE INDEX "Booking_contactId_idx" ON "Booking"("contactId");

-- CreateIndex
CREATE INDEX "Booking_day_status_idx" ON "Booking"("day", "status");

-- CreateIndex
CREATE INDEX "Booking_status_heldUntil_idx" ON "Booking"("status", "heldUntil");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_activeKey_key" ON "WaitlistEntry"("activeKey");

-- CreateIndex
CREATE INDEX "WaitlistEntry_hospitalId_serviceId_status_rank_createdAt_idx" ON "WaitlistEntry"("hospitalId", "serviceId", "status", "rank", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_notBefore_priority_idx" ON "OutboxMessage"("status", "notBefore", "priority");

-- CreateIndex
CREATE INDEX "OutboxMessage_contactId_idx" ON "OutboxMessage"("contactId");

-- AddForeignKey
ALTER TABLE "SlotPool" ADD CONSTRAINT "SlotPool_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
