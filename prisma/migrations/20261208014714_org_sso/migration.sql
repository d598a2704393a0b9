-- CreateTable
CREATE TABLE "OrgSsoConnection" (
    "orgId" TEXT NOT NULL,
    "protocol" TEXT,
    "samlIdpEntityId" TEXT,
    "samlIdpSsoUrl" TEXT,
    "samlIdpCerts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "samlMetadataUrl" TEXT,
    "oidcIssuer" TEXT,
    "oidcClientId" TEXT,
    "oidcClientSecret" TEXT,
    "requireSso" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgSsoConnection_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "OrgSsoDomain" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "verificationToken" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "verifiedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgSsoDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SsoOneTimeValue" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoOneTimeValue_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "OrgSsoDomain_domain_idx" ON "OrgSsoDomain"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "OrgSsoDomain_orgId_domain_key" ON "OrgSsoDomain"("orgId", "domain");

-- CreateIndex
CREATE INDEX "SsoOneTimeValue_expiresAt_idx" ON "SsoOneTimeValue"("expiresAt");

-- AddForeignKey
ALTER TABLE "OrgSsoConnection" ADD CONSTRAINT "OrgSsoConnection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgSsoDomain" ADD CONSTRAINT "OrgSsoDomain_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A domain is verified by one organisation at most: its identity provider alone vouches for it.
CREATE UNIQUE INDEX "OrgSsoDomain_verified_domain_key" ON "OrgSsoDomain"("domain") WHERE "verifiedAt" IS NOT NULL;
