-- CreateTable
CREATE TABLE "Product" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "packSize" INTEGER NOT NULL DEFAULT 1,
    "listPriceCents" BIGINT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "market" TEXT NOT NULL,
    "enteredById" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL DEFAULT '',
    "requestedOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "totalCents" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "excessCents" BIGINT NOT NULL DEFAULT 0,
    "overdueCents" BIGINT NOT NULL DEFAULT 0,
    "overdueDays" INTEGER NOT NULL DEFAULT 0,
    "approvalStep" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL DEFAULT '',
    "cancelReason" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'slack',
    "cardChannel" TEXT NOT NULL DEFAULT '',
    "cardTs" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderCounter" (
    "orgId" INTEGER NOT NULL,
    "next" INTEGER NOT NULL,

    CONSTRAINT "OrderCounter_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "orderId" INTEGER NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "priceCents" BIGINT NOT NULL,
    "shippedQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderChange" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "orderId" INTEGER NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountExposure" (
    "accountId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "openOrdersCents" BIGINT NOT NULL DEFAULT 0,
    "receivableCents" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountExposure_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "Shipment" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "orderId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "shippedOn" TEXT NOT NULL,
    "carrier" TEXT NOT NULL DEFAULT '',
    "waybill" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT NOT NULL,
    "deliveredOn" TEXT NOT NULL DEFAULT '',
    "deliveredById" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'slack',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShipmentLine" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "shipmentId" INTEGER NOT NULL,
    "orderLineId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ShipmentLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "market" TEXT NOT NULL,
    "orderId" INTEGER,
    "shipmentId" INTEGER,
    "issuedOn" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "openCents" BIGINT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'slack',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "unappliedCents" BIGINT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'slack',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentAllocation" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "paymentId" INTEGER NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,

    CONSTRAINT "PaymentAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "invoiceId" INTEGER,
    "kind" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceReminder" (
    "invoiceId" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvoiceReminder_pkey" PRIMARY KEY ("invoiceId","stage")
);

-- CreateTable
CREATE TABLE "ReplenishmentNeed" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "reportedById" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "orderId" INTEGER,
    "closeReason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ReplenishmentNeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Product_orgId_sku_key" ON "Product"("orgId", "sku");

-- CreateIndex
CREATE INDEX "Order_orgId_accountId_state_idx" ON "Order"("orgId", "accountId", "state");

-- CreateIndex
CREATE INDEX "Order_orgId_market_state_idx" ON "Order"("orgId", "market", "state");

-- CreateIndex
CREATE INDEX "Order_cardChannel_cardTs_idx" ON "Order"("cardChannel", "cardTs");

-- CreateIndex
CREATE UNIQUE INDEX "Order_orgId_number_key" ON "Order"("orgId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_lineNo_key" ON "OrderLine"("orderId", "lineNo");

-- CreateIndex
CREATE INDEX "OrderChange_orderId_idx" ON "OrderChange"("orderId");

-- CreateIndex
CREATE INDEX "Shipment_orderId_idx" ON "Shipment"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_orgId_number_key" ON "Shipment"("orgId", "number");

-- CreateIndex
CREATE INDEX "ShipmentLine_shipmentId_idx" ON "ShipmentLine"("shipmentId");

-- CreateIndex
CREATE INDEX "Invoice_accountId_openCents_idx" ON "Invoice"("accountId", "openCents");

-- CreateIndex
CREATE INDEX "Invoice_orgId_market_dueOn_idx" ON "Invoice"("orgId", "market", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_orgId_number_key" ON "Invoice"("orgId", "number");

-- CreateIndex
CREATE INDEX "Payment_accountId_idx" ON "Payment"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_orgId_number_key" ON "Payment"("orgId", "number");

-- CreateIndex
CREATE INDEX "PaymentAllocation_paymentId_idx" ON "PaymentAllocation"("paymentId");

-- CreateIndex
CREATE INDEX "PaymentAllocation_invoiceId_idx" ON "PaymentAllocation"("invoiceId");

-- CreateIndex
CREATE INDEX "CreditNote_accountId_idx" ON "CreditNote"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_orgId_number_key" ON "CreditNote"("orgId", "number");

-- CreateIndex
CREATE INDEX "ReplenishmentNeed_orgId_state_idx" ON "ReplenishmentNeed"("orgId", "state");

-- CreateIndex
CREATE INDEX "ReplenishmentNeed_accountId_state_idx" ON "ReplenishmentNeed"("accountId", "state");

