-- CreateTable
CREATE TABLE "ReminderDrop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "plannedDay" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "day" TEXT,
    "messageSent" BOOLEAN NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ReminderDrop_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReminderDrop_at_idx" ON "ReminderDrop"("at");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDrop_messageId_what_key" ON "ReminderDrop"("messageId", "what");
