-- CreateTable
CREATE TABLE "ChannelPace" (
    "channel" TEXT NOT NULL,
    "freeAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelPace_pkey" PRIMARY KEY ("channel")
);

