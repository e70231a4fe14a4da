-- DropIndex
DROP INDEX "Pregnancy_status_dueDate_idx";

-- CreateIndex
CREATE INDEX "Pregnancy_status_dueDate_id_idx" ON "Pregnancy"("status", "dueDate", "id");
