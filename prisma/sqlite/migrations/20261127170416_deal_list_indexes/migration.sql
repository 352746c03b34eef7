-- CreateIndex
CREATE INDEX "Deal_orgId_stageChangedAt_id_idx" ON "Deal"("orgId", "stageChangedAt", "id");

-- CreateIndex
CREATE INDEX "Deal_orgId_stage_ownerId_priceCents_totalCents_idx" ON "Deal"("orgId", "stage", "ownerId", "priceCents", "totalCents");

