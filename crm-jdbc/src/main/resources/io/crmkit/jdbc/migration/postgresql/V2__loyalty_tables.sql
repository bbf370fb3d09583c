-- crmkit JDBC adapter, schema version 2, PostgreSQL 12 or later: the loyalty event streams.
-- As in version 1: the columns that queries filter and order on beside the record stored whole as
-- a crm-jackson JSON document. The customer of a referral is the referred customer.

CREATE TABLE crm_points_transaction (
    points_transaction_id TEXT COLLATE "C" PRIMARY KEY,
    customer_id           TEXT COLLATE "C" NOT NULL,
    occurred_at           TIMESTAMPTZ NOT NULL,
    document              JSON NOT NULL
);
CREATE INDEX crm_points_transaction_by_time ON crm_points_transaction (occurred_at, points_transaction_id);
CREATE INDEX crm_points_transaction_by_customer ON crm_points_transaction (customer_id, occurred_at, points_transaction_id);

CREATE TABLE crm_membership (
    membership_id TEXT COLLATE "C" PRIMARY KEY,
    customer_id   TEXT COLLATE "C" NOT NULL,
    joined_at     TIMESTAMPTZ NOT NULL,
    document      JSON NOT NULL
);
CREATE INDEX crm_membership_by_time ON crm_membership (joined_at, membership_id);
CREATE INDEX crm_membership_by_customer ON crm_membership (customer_id, joined_at, membership_id);

CREATE TABLE crm_referral (
    referral_id TEXT COLLATE "C" PRIMARY KEY,
    customer_id TEXT COLLATE "C" NOT NULL,
    referred_at TIMESTAMPTZ NOT NULL,
    document    JSON NOT NULL
);
CREATE INDEX crm_referral_by_time ON crm_referral (referred_at, referral_id);
CREATE INDEX crm_referral_by_customer ON crm_referral (customer_id, referred_at, referral_id);
