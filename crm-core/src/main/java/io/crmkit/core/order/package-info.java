/**
 * Orders: purchase transactions with a {@linkplain io.crmkit.core.order.OrderStatus status} whose
 * {@linkplain io.crmkit.core.order.OrderStatusCategory category} (open, completed, void) drives
 * analytics, a sales channel, optional {@linkplain io.crmkit.core.order.OrderLine lines} with unit
 * cost, and totals with {@link io.crmkit.core.order.Order#netRevenue() net revenue}.
 */
package io.crmkit.core.order;
