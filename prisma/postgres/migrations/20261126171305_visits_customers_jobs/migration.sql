-- CreateTable
CREATE TABLE "Visit" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "filerId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "customerId" INTEGER,
    "customerName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "visitAt" TIMESTAMP(3) NOT NULL,
    "partySize" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "visitType" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "budget" TEXT NOT NULL,
    "unitType" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "nextStep" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "returnReason" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "contestedOwnerId" TEXT,
    "approvalOutboxId" INTEGER,
    "reviewOutboxId" INTEGER,
    "sourceViewId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitRevision" (
    "id" SERIAL NOT NULL,
    "visitId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "editedBy" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "phone" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "stageChangedAt" TIMESTAMP(3) NOT NULL,
    "lostReason" TEXT,
    "visitCount" INTEGER NOT NULL DEFAULT 0,
    "firstVisitAt" TIMESTAMP(3) NOT NULL,
    "lastVisitAt" TIMESTAMP(3) NOT NULL,
    "reminderLevel" INTEGER NOT NULL DEFAULT 0,
    "cardOutboxId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerStageChange" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Visit_sourceViewId_key" ON "Visit"("sourceViewId");

-- CreateIndex
CREATE INDEX "Visit_orgId_status_visitAt_idx" ON "Visit"("orgId", "status", "visitAt");

-- CreateIndex
CREATE INDEX "Visit_orgId_status_visitAt_source_grade_visitType_filerId_idx" ON "Visit"("orgId", "status", "visitAt", "source", "grade", "visitType", "filerId");

-- CreateIndex
CREATE INDEX "Visit_approvalOutboxId_idx" ON "Visit"("approvalOutboxId");

-- CreateIndex
CREATE INDEX "Visit_orgId_phone_idx" ON "Visit"("orgId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "VisitRevision_visitId_version_key" ON "VisitRevision"("visitId", "version");

-- CreateIndex
CREATE INDEX "Customer_orgId_ownerId_idx" ON "Customer"("orgId", "ownerId");

-- CreateIndex
CREATE INDEX "Customer_orgId_stage_stageChangedAt_idx" ON "Customer"("orgId", "stage", "stageChangedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_orgId_phone_key" ON "Customer"("orgId", "phone");

-- CreateIndex
CREATE INDEX "CustomerStageChange_customerId_at_idx" ON "CustomerStageChange"("customerId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_jobId_periodKey_key" ON "JobRun"("jobId", "periodKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentChannel_sentTs_idx" ON "OutboxMessage"("sentChannel", "sentTs");

-- AddForeignKey
ALTER TABLE "VisitRevision" ADD CONSTRAINT "VisitRevision_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerStageChange" ADD CONSTRAINT "CustomerStageChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

