-- crmkit JDBC adapter, schema version 2, H2 2.x (embedded): the loyalty event streams.
-- As in version 1: the columns that queries filter and order on beside the record stored whole as
-- a crm-jackson JSON document. The customer of a referral is the referred customer.

CREATE TABLE crm_points_transaction (
    points_transaction_id VARCHAR PRIMARY KEY,
    customer_id           VARCHAR NOT NULL,
    occurred_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    document              CHARACTER VARYING NOT NULL
);
CREATE INDEX crm_points_transaction_by_time ON crm_points_transaction (occurred_at, points_transaction_id);
CREATE INDEX crm_points_transaction_by_customer ON crm_points_transaction (customer_id, occurred_at, points_transaction_id);

CREATE TABLE crm_membership (
    membership_id VARCHAR PRIMARY KEY,
    customer_id   VARCHAR NOT NULL,
    joined_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    document      CHARACTER VARYING NOT NULL
);
CREATE INDEX crm_membership_by_time ON crm_membership (joined_at, membership_id);
CREATE INDEX crm_membership_by_customer ON crm_membership (customer_id, joined_at, membership_id);

CREATE TABLE crm_referral (
    referral_id VARCHAR PRIMARY KEY,
    customer_id VARCHAR NOT NULL,
    referred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    document    CHARACTER VARYING NOT NULL
);
CREATE INDEX crm_referral_by_time ON crm_referral (referred_at, referral_id);
CREATE INDEX crm_referral_by_customer ON crm_referral (customer_id, referred_at, referral_id);
