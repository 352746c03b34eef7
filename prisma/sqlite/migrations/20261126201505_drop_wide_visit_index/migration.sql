-- DropIndex
DROP INDEX "Visit_orgId_status_visitAt_source_grade_visitType_filerId_idx";

