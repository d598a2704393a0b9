-- CreateTable
CREATE TABLE "ClickMonthDropped" (
    "month" DATE NOT NULL,
    "droppedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClickMonthDropped_pkey" PRIMARY KEY ("month")
);
