-- crmkit JDBC adapter, schema version 1, H2 2.x (embedded).
-- Applied by io.crmkit.jdbc.JdbcSchema, which records it in crmkit_schema_version.
-- Identifiers are compared as Java's String.compareTo does (H2's default); instants are
-- TIMESTAMP(6) WITH TIME ZONE (microseconds); money is NUMERIC at up to 4 decimal places with its ISO 4217 currency beside it.

-- Orders: every column relational, the hot path of the analytics (streamed by placed_at).
CREATE TABLE crm_order (
    order_id        VARCHAR PRIMARY KEY,
    customer_id     VARCHAR NOT NULL,
    placed_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status_label    VARCHAR NOT NULL,
    status_category VARCHAR(16) NOT NULL CHECK (status_category IN ('OPEN', 'COMPLETED', 'VOID')),
    sales_channel   VARCHAR(32) NOT NULL,
    currency        CHAR(3) NOT NULL,
    gross_amount    NUMERIC(38, 4) NOT NULL CHECK (gross_amount >= 0),
    discount_amount NUMERIC(38, 4) NOT NULL CHECK (discount_amount >= 0),
    refunded_amount NUMERIC(38, 4) NOT NULL CHECK (refunded_amount >= 0),
    campaign_id     VARCHAR
);
CREATE INDEX crm_order_by_time ON crm_order (placed_at, order_id);
CREATE INDEX crm_order_by_customer ON crm_order (customer_id, placed_at, order_id);

-- Order lines, numbered from 1 in the order's line order; quantity keeps its decimal scale.
CREATE TABLE crm_order_line (
    order_id       VARCHAR NOT NULL REFERENCES crm_order (order_id) ON DELETE CASCADE,
    line_no        INTEGER NOT NULL CHECK (line_no >= 1),
    product_id     VARCHAR NOT NULL,
    quantity       NUMERIC(38, 10) NOT NULL CHECK (quantity > 0),
    quantity_scale SMALLINT NOT NULL,
    unit_price     NUMERIC(38, 4) NOT NULL,
    unit_cost      NUMERIC(38, 4),
    PRIMARY KEY (order_id, line_no)
);

-- The other aggregates: the columns that queries filter and order on, and the whole record as a
-- crm-jackson JSON document (see docs/adr/0030-jdbc-adapter-and-postgresql-in-ci.md).
CREATE TABLE crm_interaction (
    interaction_id VARCHAR PRIMARY KEY,
    customer_id    VARCHAR NOT NULL,
    occurred_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    document       CHARACTER VARYING NOT NULL
);
CREATE INDEX crm_interaction_by_time ON crm_interaction (occurred_at, interaction_id);
CREATE INDEX crm_interaction_by_customer ON crm_interaction (customer_id, occurred_at, interaction_id);

CREATE TABLE crm_service_case (
    service_case_id VARCHAR PRIMARY KEY,
    customer_id     VARCHAR NOT NULL,
    opened_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    document        CHARACTER VARYING NOT NULL
);
CREATE INDEX crm_service_case_by_time ON crm_service_case (opened_at, service_case_id);
CREATE INDEX crm_service_case_by_customer ON crm_service_case (customer_id, opened_at, service_case_id);

CREATE TABLE crm_survey_response (
    survey_response_id VARCHAR PRIMARY KEY,
    customer_id        VARCHAR NOT NULL,
    responded_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    document           CHARACTER VARYING NOT NULL
);
CREATE INDEX crm_survey_response_by_time ON crm_survey_response (responded_at, survey_response_id);
CREATE INDEX crm_survey_response_by_customer ON crm_survey_response (customer_id, responded_at, survey_response_id);

CREATE TABLE crm_customer (
    customer_id VARCHAR PRIMARY KEY,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    document    CHARACTER VARYING NOT NULL
);
CREATE INDEX crm_customer_by_creation ON crm_customer (created_at, customer_id);
