/**
 * Interactions: every recorded contact with a customer, over any channel (phone, e-mail, SMS,
 * chat, WeChat and social media, in person, video, web, app), inbound or outbound, with its type,
 * purpose (including complaints and feedback), times, outcome and links.
 */
package io.crmkit.core.interaction;
