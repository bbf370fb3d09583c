package io.crmkit.core.customer;

/**
 * Social and messaging networks on which a customer has an account.
 *
 * <p>Immutable and thread-safe.
 */
public enum SocialNetwork {
    /** WeChat (微信). */
    WECHAT,
    /** Weibo (微博). */
    WEIBO,
    /** Douyin / TikTok. */
    DOUYIN,
    /** WhatsApp. */
    WHATSAPP,
    /** LINE. */
    LINE,
    /** Telegram. */
    TELEGRAM,
    /** Facebook or Messenger. */
    FACEBOOK,
    /** Instagram. */
    INSTAGRAM,
    /** LinkedIn. */
    LINKEDIN,
    /** X (formerly Twitter). */
    X,
    /** Any other network; the account handle says which. */
    OTHER
}
