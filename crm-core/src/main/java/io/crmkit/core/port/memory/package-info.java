/**
 * In-memory implementations of every storage port, for tests, demos and small applications.
 * They pass the crm-testkit port contracts; they are thread-safe and hold everything in heap
 * memory, so they are not meant for millions of records in production.
 */
package io.crmkit.core.port.memory;
