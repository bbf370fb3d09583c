/**
 * Normalisation of messy customer fields before matching and reporting: e-mail addresses
 * ({@link io.crmkit.quality.normalize.EmailNormalizer}), phone numbers to E.164
 * ({@link io.crmkit.quality.normalize.PhoneNormalizer}, Google's libphonenumber with a default region),
 * names ({@link io.crmkit.quality.normalize.NameNormalizer}: case, accents, whitespace, Chinese names
 * also in pinyin through ICU4J) and postal addresses ({@link io.crmkit.quality.normalize.AddressNormalizer}).
 *
 * <p>Every normaliser is idempotent: normalising a normalised value returns it unchanged.
 */
package io.crmkit.quality.normalize;
