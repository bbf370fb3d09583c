-- crmkit JDBC adapter, schema version 3 (customer credit), H2 2.x (embedded).
-- Applied by io.crmkit.jdbc.JdbcSchema after version 1 (version 2 is the loyalty tables).
-- Receivables are kept by calendar day (DATE); money is NUMERIC at up to 4 decimal places with its
-- ISO 4217 currency beside it; identifiers ordered as Java's String.compareTo does.

-- Invoices and credit notes (status ISSUED, VOID, CREDIT_NOTE), streamed by issue day.
CREATE TABLE crm_invoice (
    invoice_id      VARCHAR PRIMARY KEY,
    customer_id     VARCHAR NOT NULL,
    issued          DATE NOT NULL,
    due             DATE NOT NULL,
    currency        CHAR(3) NOT NULL,
    amount          NUMERIC(38, 4) NOT NULL CHECK (amount > 0),
    status          VARCHAR(16) NOT NULL CHECK (status IN ('ISSUED', 'VOID', 'CREDIT_NOTE')),
    applies_to      VARCHAR,
    written_off_on  DATE,
    CHECK (due >= issued)
);
CREATE INDEX crm_invoice_by_day ON crm_invoice (issued, invoice_id);
CREATE INDEX crm_invoice_by_customer ON crm_invoice (customer_id, issued, invoice_id);

-- Payments received, optionally naming the invoice paid (not a foreign key: a payment may name an
-- invoice the host does not have), streamed by payment day.
CREATE TABLE crm_payment (
    payment_id      VARCHAR PRIMARY KEY,
    customer_id     VARCHAR NOT NULL,
    paid_on         DATE NOT NULL,
    currency        CHAR(3) NOT NULL,
    amount          NUMERIC(38, 4) NOT NULL CHECK (amount > 0),
    invoice_id      VARCHAR
);
CREATE INDEX crm_payment_by_day ON crm_payment (paid_on, payment_id);
CREATE INDEX crm_payment_by_customer ON crm_payment (customer_id, paid_on, payment_id);

-- Credit terms granted to customers: at most one row per customer.
CREATE TABLE crm_credit_terms (
    customer_id     VARCHAR PRIMARY KEY,
    currency        CHAR(3) NOT NULL,
    credit_limit    NUMERIC(38, 4) NOT NULL CHECK (credit_limit >= 0),
    terms_days      INTEGER NOT NULL CHECK (terms_days BETWEEN 0 AND 3650),
    rating_class    VARCHAR
);
