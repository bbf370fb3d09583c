/**
 * A seeded generator of labelled customer records for duplicate detection
 * ({@link io.crmkit.testkit.quality.DuplicateDataGenerator}): people with planted duplicates
 * (e-mail case and whitespace, phone formats, swapped names, typos, accents, pinyin and Han
 * characters, missing fields), and household members and namesakes as hard negatives. Every record
 * carries the identity of the person it describes, so precision and recall can be measured.
 */
package io.crmkit.testkit.quality;
