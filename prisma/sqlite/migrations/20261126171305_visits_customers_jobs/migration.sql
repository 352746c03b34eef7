-- CreateTable
CREATE TABLE "Visit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "filerId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "customerId" INTEGER,
    "customerName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "visitAt" DATETIME NOT NULL,
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
    "decidedAt" DATETIME,
    "contestedOwnerId" TEXT,
    "approvalOutboxId" INTEGER,
    "reviewOutboxId" INTEGER,
    "sourceViewId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VisitRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "visitId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "editedBy" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "VisitRevision_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "phone" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "stageChangedAt" DATETIME NOT NULL,
    "lostReason" TEXT,
    "visitCount" INTEGER NOT NULL DEFAULT 0,
    "firstVisitAt" DATETIME NOT NULL,
    "lastVisitAt" DATETIME NOT NULL,
    "reminderLevel" INTEGER NOT NULL DEFAULT 0,
    "cardOutboxId" INTEGER,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CustomerStageChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "CustomerStageChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "detail" TEXT
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

