package io.crmkit.testkit.quality;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates labelled customer records for duplicate detection, as the text fields of a customers
 * file (the columns of {@code crmkit duplicates}): {@code entities} people (60% Western names, some
 * with accents; 40% Chinese names, written in Han characters or in pinyin), each with an e-mail, a
 * phone (US, Chinese or British), a birth date, and for Western people a US street address.
 *
 * <p>Planted, per the {@link Options}:
 * <ul>
 *   <li>duplicates: a share of people get one to three more records, each with one to three
 *       variations ({@link Variation}): e-mail case and whitespace, provider dots and tags, phone
 *       written in another format, first and last name swapped, a typo in a name, accents dropped,
 *       Han characters for pinyin or the reverse, the street written with abbreviations, a field
 *       missing, a new e-mail. A duplicate always keeps at least two of e-mail, phone, birth date and
 *       street readable and unchanged in substance (a real duplicate leaves some trace);</li>
 *   <li>households (hard negatives): another person with the same family name, phone and address,
 *       another given name (of another initial), e-mail and birth date;</li>
 *   <li>namesakes (hard negatives): another person with exactly the same given and family name, half
 *       of those of Western name in the same city and postal code, and nothing else in common.</li>
 * </ul>
 * Records are shuffled; identifiers are {@code c000001}, ... in the shuffled order. National phone
 * formats are written for US numbers only, so the file reads with the default region {@code US}.
 *
 * <p>Deterministic for a seed. Stateless and thread-safe.
 */
public final class DuplicateDataGenerator {

    /** The CSV header of {@link Row#toCsv()}. */
    public static final String CSV_HEADER =
            "customer_id,first_name,last_name,name,email,phone,street,city,postal_code,country,birth_date,company";

    private static final String[] WEST_FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
        "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
        "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret",
        "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua",
        "Michelle", "Kenneth", "Dorothy", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Timothy",
        "Deborah", "Ronald", "Stephanie", "Edward", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan",
        "Cynthia", "José", "François", "Zoë", "Renée", "Jürgen", "Søren", "Inés", "Håkon", "Chloé", "Agnès"};
    private static final String[] WEST_LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
        "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
        "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Rothermel", "Kowalski", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Müller",
        "Groß", "Núñez", "Peña", "Côté", "Gagné", "Bélanger", "Ødegaard", "Åberg", "Söderström", "Dvořák",
        "Nováková", "O'Brien", "McDonald", "MacLeod", "Van der Berg", "De la Cruz", "Fitzgerald", "Kaminski",
        "Lindqvist", "Bergström", "Johansson", "Petrov", "Ivanova", "Rossi", "Bianchi", "Ferrari", "Esposito",
        "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "Costa", "Giordano", "Mancini",
        "Rizzo", "Lombardi", "Moretti"};
    private static final String[][] HAN_FAMILY = {{"王", "Wang"}, {"李", "Li"}, {"张", "Zhang"}, {"刘", "Liu"},
        {"陈", "Chen"}, {"杨", "Yang"}, {"黄", "Huang"}, {"赵", "Zhao"}, {"吴", "Wu"}, {"周", "Zhou"}, {"徐", "Xu"},
        {"孙", "Sun"}, {"马", "Ma"}, {"朱", "Zhu"}, {"胡", "Hu"}, {"郭", "Guo"}, {"何", "He"}, {"林", "Lin"},
        {"罗", "Luo"}, {"高", "Gao"}, {"郑", "Zheng"}, {"梁", "Liang"}, {"谢", "Xie"}, {"宋", "Song"}, {"唐", "Tang"},
        {"许", "Xu"}, {"韩", "Han"}, {"冯", "Feng"}, {"邓", "Deng"}, {"曹", "Cao"}};
    private static final String[][] HAN_GIVEN = {{"伟", "Wei"}, {"芳", "Fang"}, {"娜", "Na"}, {"敏", "Min"},
        {"静", "Jing"}, {"丽", "Li"}, {"强", "Qiang"}, {"磊", "Lei"}, {"军", "Jun"}, {"洋", "Yang"}, {"勇", "Yong"},
        {"艳", "Yan"}, {"杰", "Jie"}, {"涛", "Tao"}, {"明", "Ming"}, {"超", "Chao"}, {"秀", "Xiu"}, {"霞", "Xia"},
        {"平", "Ping"}, {"刚", "Gang"}, {"华", "Hua"}, {"英", "Ying"}, {"玲", "Ling"}, {"红", "Hong"}, {"飞", "Fei"},
        {"鹏", "Peng"}, {"宇", "Yu"}, {"浩", "Hao"}, {"婷", "Ting"}, {"雪", "Xue"}, {"峰", "Feng"}, {"慧", "Hui"},
        {"晨", "Chen"}, {"琳", "Lin"}, {"博", "Bo"}, {"欣", "Xin"}};
    private static final String[] STREETS = {"Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill",
        "Park", "Main", "Sunset", "Highland", "Jefferson", "Lincoln", "Madison", "Franklin", "Ridge", "Church",
        "Walnut", "Spring", "Chestnut", "River", "Mill", "Forest", "Meadow", "Valley", "Willow", "Prospect",
        "Broadway", "Center"};
    private static final String[][] SUFFIXES = {{"Street", "St."}, {"Avenue", "Ave"}, {"Road", "Rd."},
        {"Drive", "Dr"}, {"Lane", "Ln."}, {"Boulevard", "Blvd"}};
    private static final String[][] CITIES = {{"Berkeley", "947"}, {"Oakland", "946"}, {"Austin", "787"},
        {"Denver", "802"}, {"Portland", "972"}, {"Seattle", "981"}, {"Boston", "021"}, {"Chicago", "606"},
        {"Phoenix", "850"}, {"Atlanta", "303"}, {"Madison", "537"}, {"Columbus", "432"}};
    private static final String[] DOMAINS = {"gmail.com", "outlook.com", "yahoo.com", "example.com", "mail.example.org",
        "qq.com", "163.com", "icloud.com"};
    private static final int[] US_AREA = {201, 202, 212, 213, 305, 312, 404, 415, 503, 510, 512, 617, 646, 702, 713,
        720, 808, 917};

    private DuplicateDataGenerator() {
    }

    /**
     * The planted variations of a duplicate record. Immutable and thread-safe.
     */
    public enum Variation {
        /** The e-mail in other case, with surrounding or inner spaces. */
        EMAIL_CASE,
        /** For Gmail: dots or a {@code +tag} added to the local part; else the case changed. */
        EMAIL_PROVIDER_RULES,
        /** The phone written in another format (international with spaces, 00 prefix, national). */
        PHONE_FORMAT,
        /** First and last name swapped. */
        SWAP_NAMES,
        /** One typo (a substituted, doubled, dropped or transposed letter) in a name. */
        TYPO,
        /** Accents dropped or the name upper-cased. */
        ACCENTS,
        /** A Chinese name in Han characters instead of pinyin, or the reverse. */
        HAN_PINYIN,
        /** The street written with abbreviations. */
        STREET_ABBREVIATED,
        /** One of e-mail, phone, birth date or address missing. */
        MISSING_FIELD,
        /** A new e-mail address. */
        NEW_EMAIL
    }

    /**
     * How many of each case to plant.
     *
     * @param entities the number of people (before households and namesakes), at least 1
     * @param duplicateShare the share of people with duplicate records, in [0, 1]
     * @param householdShare the share of people with a household member, in [0, 1]
     * @param namesakeShare the share of people with a namesake, in [0, 1]
     * @param seed the random seed
     */
    public record Options(int entities, double duplicateShare, double householdShare, double namesakeShare,
            long seed) {

        /**
         * Validates the options.
         *
         * @throws IllegalArgumentException if a value is out of range
         */
        public Options {
            if (entities < 1) {
                throw new IllegalArgumentException("entities must be at least 1: " + entities);
            }
            for (double s : new double[] {duplicateShare, householdShare, namesakeShare}) {
                if (!(s >= 0 && s <= 1)) {
                    throw new IllegalArgumentException("shares must be in [0, 1]: " + s);
                }
            }
        }

        /**
         * Returns the default mix: 30% with duplicates, 8% with a household member, 5% with a namesake.
         *
         * @param entities the number of people, at least 1
         * @param seed the random seed
         * @return the options, never null
         */
        public static Options of(int entities, long seed) {
            return new Options(entities, 0.30, 0.08, 0.05, seed);
        }
    }

    /**
     * One generated record: the file's fields (an empty string is a missing value) and its labels.
     *
     * @param id the customer identifier, not null
     * @param person the identity of the person described (records of one person are duplicates), not null
     * @param household the household (people sharing a phone and an address), not null
     * @param firstName the given name, not null
     * @param lastName the family name, not null
     * @param name the full name (used instead of first and last name), not null
     * @param email the e-mail, not null
     * @param phone the phone, not null
     * @param street the street line, not null
     * @param city the city, not null
     * @param postalCode the postal code, not null
     * @param country the country code, not null
     * @param birthDate the ISO birth date, not null
     * @param company the company, not null
     * @param variations the planted variations (empty for an original record), not null
     */
    public record Row(String id, String person, String household, String firstName, String lastName, String name,
            String email, String phone, String street, String city, String postalCode, String country,
            String birthDate, String company, List<Variation> variations) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Row {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(household, "household");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(street, "street");
            Objects.requireNonNull(city, "city");
            Objects.requireNonNull(postalCode, "postalCode");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(birthDate, "birthDate");
            Objects.requireNonNull(company, "company");
            variations = List.copyOf(variations);
        }

        /**
         * Returns the row as a CSV record in the column order of {@link #CSV_HEADER}, quoted where needed.
         *
         * @return the record, without a line end, never null
         */
        public String toCsv() {
            StringBuilder b = new StringBuilder(160);
            String[] f = {id, firstName, lastName, name, email, phone, street, city, postalCode, country, birthDate,
                company};
            for (int i = 0; i < f.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                String v = f[i];
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || !v.equals(v.strip())) {
                    b.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    b.append(v);
                }
            }
            return b.toString();
        }

        private Row with(String first, String last, String full, String mail, String tel, String str) {
            return new Row(id, person, household, first, last, full, mail, tel, str, city, postalCode, country,
                    birthDate, company, variations);
        }

        @Override
        public String toString() {
            return "Row[id=" + id + ", person=" + person + ", variations=" + variations + "]";
        }
    }

    /**
     * Generates the records.
     *
     * @param options what to plant, not null
     * @return the records, shuffled, never null
     */
    public static List<Row> generate(Options options) {
        SplittableRandom rnd = new SplittableRandom(options.seed());
        List<Row> rows = new ArrayList<>();
        int people = 0;
        for (int e = 0; e < options.entities(); e++) {
            Row base = person(rnd, "p" + (people++), "h" + e, null, null);
            rows.add(base);
            if (rnd.nextDouble() < options.duplicateShare()) {
                int copies = 1 + (rnd.nextDouble() < 0.25 ? 1 + rnd.nextInt(2) : 0);
                for (int c = 0; c < copies; c++) {
                    rows.add(duplicate(rnd, base));
                }
            }
            if (rnd.nextDouble() < options.householdShare()) {
                rows.add(person(rnd, "p" + (people++), base.household(), base, null));
            }
            if (rnd.nextDouble() < options.namesakeShare()) {
                rows.add(person(rnd, "p" + (people++), "h" + e + "n", null, base));
            }
        }
        Collections.shuffle(rows, new java.util.Random(rnd.nextLong()));
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Row(String.format(Locale.ROOT, "c%06d", i + 1), r.person(), r.household(), r.firstName(),
                    r.lastName(), r.name(), r.email(), r.phone(), r.street(), r.city(), r.postalCode(), r.country(),
                    r.birthDate(), r.company(), r.variations()));
        }
        return out;
    }

    private static String pick(SplittableRandom rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    /** A new person; a household member of {@code home}, or a namesake of {@code namesakeOf}. */
    private static Row person(SplittableRandom rnd, String person, String household, Row home, Row namesakeOf) {
        boolean chinese;
        String first;
        String last;
        String full = "";
        if (namesakeOf != null) {
            chinese = namesakeOf.country().equals("CN");
            first = namesakeOf.firstName();
            last = namesakeOf.lastName();
            full = namesakeOf.name();
        } else if (home != null) {
            chinese = home.country().equals("CN");
            last = home.lastName();
            if (chinese) {
                String[] g = HAN_GIVEN[rnd.nextInt(HAN_GIVEN.length)];
                String homeGiven = home.name().isEmpty() ? home.firstName() : home.name();
                while (homeGiven.contains(g[0]) || homeGiven.startsWith(g[1])) {
                    g = HAN_GIVEN[rnd.nextInt(HAN_GIVEN.length)];
                }
                if (!home.name().isEmpty()) {
                    full = home.name().substring(0, 1) + g[0] + HAN_GIVEN[rnd.nextInt(HAN_GIVEN.length)][0];
                    first = "";
                } else {
                    first = g[1] + HAN_GIVEN[rnd.nextInt(HAN_GIVEN.length)][1].toLowerCase(Locale.ROOT);
                }
            } else {
                first = pick(rnd, WEST_FIRST);
                while (first.charAt(0) == home.firstName().charAt(0)) {
                    first = pick(rnd, WEST_FIRST);
                }
            }
        } else {
            chinese = rnd.nextDouble() < 0.4;
            if (chinese) {
                String[] f = HAN_FAMILY[rnd.nextInt(HAN_FAMILY.length)];
                String[] g1 = HAN_GIVEN[rnd.nextInt(HAN_GIVEN.length)];
                String[] g2 = HAN_GIVEN[rnd.nextInt(HAN_GIVEN.length)];
                boolean two = rnd.nextDouble() < 0.8;
                if (rnd.nextBoolean()) {
                    full = f[0] + g1[0] + (two ? g2[0] : "");
                    first = "";
                    last = "";
                } else {
                    first = g1[1] + (two ? g2[1].toLowerCase(Locale.ROOT) : "");
                    last = f[1];
                }
            } else {
                first = pick(rnd, WEST_FIRST);
                last = pick(rnd, WEST_LAST);
            }
        }
        if (home != null && !home.name().isEmpty()) {
            last = "";
        }
        String country = chinese ? "CN" : "US";
        String phone;
        String street;
        String city;
        String postal;
        if (namesakeOf != null && !namesakeOf.postalCode().isEmpty() && rnd.nextBoolean()) {
            phone = usPhone(rnd);
            street = (1 + rnd.nextInt(9999)) + " " + pick(rnd, STREETS) + " "
                    + SUFFIXES[rnd.nextInt(SUFFIXES.length)][0];
            city = namesakeOf.city();
            postal = namesakeOf.postalCode();
        } else if (home != null) {
            phone = home.phone();
            street = home.street();
            city = home.city();
            postal = home.postalCode();
        } else {
            phone = chinese && rnd.nextDouble() < 0.8 ? chinaMobile(rnd) : rnd.nextDouble() < 0.1 ? ukMobile(rnd)
                    : usPhone(rnd);
            String[] c = CITIES[rnd.nextInt(CITIES.length)];
            city = c[0];
            postal = c[1] + String.format(Locale.ROOT, "%02d", rnd.nextInt(100));
            street = (1 + rnd.nextInt(9999)) + " " + pick(rnd, STREETS) + " "
                    + SUFFIXES[rnd.nextInt(SUFFIXES.length)][0];
        }
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(rnd.nextInt(365 * 65));
        String localName = ascii(first.isEmpty() ? "user" : first) + "." + ascii(last.isEmpty() ? "x" : last)
                + person.substring(1);
        String email = localName.toLowerCase(Locale.ROOT).replace(" ", "") + "@" + pick(rnd, DOMAINS);
        boolean westAddress = !chinese || home != null;
        return new Row("", person, household, first, last, full, email, phone, westAddress ? street : "",
                westAddress ? city : "", westAddress ? postal : "", country,
                birth.format(DateTimeFormatter.ISO_LOCAL_DATE), "", List.of());
    }

    private static String usPhone(SplittableRandom rnd) {
        return String.format(Locale.ROOT, "+1%d%d%02d%04d", US_AREA[rnd.nextInt(US_AREA.length)], 2 + rnd.nextInt(8),
                rnd.nextInt(100), rnd.nextInt(10000));
    }

    private static String chinaMobile(SplittableRandom rnd) {
        return String.format(Locale.ROOT, "+861%d%d%08d", 3 + rnd.nextInt(3), rnd.nextInt(10), rnd.nextInt(100_000_000));
    }

    private static String ukMobile(SplittableRandom rnd) {
        return String.format(Locale.ROOT, "+447%d%08d", 4 + rnd.nextInt(6), rnd.nextInt(100_000_000));
    }

    private static String ascii(String s) {
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("'", "").replace(" ", "");
    }

    /** A duplicate record of {@code base} with one to three variations. */
    private static Row duplicate(SplittableRandom rnd, Row base) {
        List<Variation> all = new ArrayList<>(List.of(Variation.values()));
        Collections.shuffle(all, new java.util.Random(rnd.nextLong()));
        int count = 1 + rnd.nextInt(3);
        List<Variation> chosen = new ArrayList<>();
        Row r = base;
        boolean fieldGone = false;
        for (Variation v : all) {
            if (chosen.size() == count) {
                break;
            }
            Row next = vary(rnd, r, base, v, fieldGone);
            if (next != null) {
                fieldGone |= v == Variation.MISSING_FIELD || v == Variation.NEW_EMAIL;
                chosen.add(v);
                r = next;
            }
        }
        return new Row("", r.person(), r.household(), r.firstName(), r.lastName(), r.name(), r.email(), r.phone(),
                r.street(), r.city(), r.postalCode(), r.country(), r.birthDate(), r.company(), chosen);
    }

    /** Applies a variation, or returns null when it does not apply to this record. */
    private static Row vary(SplittableRandom rnd, Row r, Row base, Variation v, boolean fieldGone) {
        switch (v) {
            case EMAIL_CASE -> {
                if (r.email().isEmpty() || !r.email().equals(base.email())) {
                    return null;
                }
                String e = rnd.nextBoolean() ? r.email().toUpperCase(Locale.ROOT)
                        : Character.toUpperCase(r.email().charAt(0)) + r.email().substring(1);
                return r.with(r.firstName(), r.lastName(), r.name(), " " + e + (rnd.nextBoolean() ? " " : ""),
                        r.phone(), r.street());
            }
            case EMAIL_PROVIDER_RULES -> {
                if (!r.email().endsWith("@gmail.com") || !r.email().equals(base.email())) {
                    return null;
                }
                int at = r.email().indexOf('@');
                String local = r.email().substring(0, at);
                String e = rnd.nextBoolean() ? local.replace(".", "") + "+shop@gmail.com"
                        : local.charAt(0) + "." + local.substring(1) + "@googlemail.com";
                return r.with(r.firstName(), r.lastName(), r.name(), e, r.phone(), r.street());
            }
            case PHONE_FORMAT -> {
                if (r.phone().isEmpty()) {
                    return null;
                }
                return r.with(r.firstName(), r.lastName(), r.name(), r.email(), reformat(rnd, r.phone()), r.street());
            }
            case SWAP_NAMES -> {
                if (r.firstName().isEmpty() || r.lastName().isEmpty()) {
                    return null;
                }
                return r.with(r.lastName(), r.firstName(), r.name(), r.email(), r.phone(), r.street());
            }
            case TYPO -> {
                if (r.lastName().length() >= 5 && rnd.nextBoolean()) {
                    return r.with(r.firstName(), typo(rnd, r.lastName()), r.name(), r.email(), r.phone(), r.street());
                }
                if (r.firstName().length() >= 5) {
                    return r.with(typo(rnd, r.firstName()), r.lastName(), r.name(), r.email(), r.phone(), r.street());
                }
                return null;
            }
            case ACCENTS -> {
                if (r.firstName().isEmpty() || r.country().equals("CN")) {
                    return null;
                }
                String f = ascii(r.firstName());
                String l = ascii(r.lastName());
                if (f.equals(r.firstName()) && l.equals(r.lastName())) {
                    f = f.toUpperCase(Locale.ROOT);
                    l = l.toUpperCase(Locale.ROOT);
                }
                return r.with(f, l, r.name(), r.email(), r.phone(), r.street());
            }
            case HAN_PINYIN -> {
                if (!r.country().equals("CN")) {
                    return null;
                }
                if (!r.name().isEmpty()) {
                    String[] p = pinyin(r.name());
                    if (p == null) {
                        return null;
                    }
                    return rnd.nextBoolean() ? r.with(p[1], p[0], "", r.email(), r.phone(), r.street())
                            : r.with("", "", p[0] + " " + p[1], r.email(), r.phone(), r.street());
                }
                String han = han(r.lastName(), r.firstName());
                return han == null ? null : r.with("", "", han, r.email(), r.phone(), r.street());
            }
            case STREET_ABBREVIATED -> {
                if (r.street().isEmpty()) {
                    return null;
                }
                String s = r.street();
                for (String[] suffix : SUFFIXES) {
                    s = s.replace(suffix[0], suffix[1]);
                }
                return s.equals(r.street()) ? null : r.with(r.firstName(), r.lastName(), r.name(), r.email(), r.phone(),
                        s.toUpperCase(Locale.ROOT));
            }
            case MISSING_FIELD -> {
                if (fieldGone) {
                    return null;
                }
                return switch (rnd.nextInt(4)) {
                    case 0 -> r.with(r.firstName(), r.lastName(), r.name(), "", r.phone(), r.street());
                    case 1 -> r.with(r.firstName(), r.lastName(), r.name(), r.email(), "", r.street());
                    case 2 -> new Row(r.id(), r.person(), r.household(), r.firstName(), r.lastName(), r.name(),
                            r.email(), r.phone(), r.street(), r.city(), r.postalCode(), r.country(), "", r.company(),
                            r.variations());
                    default -> new Row(r.id(), r.person(), r.household(), r.firstName(), r.lastName(), r.name(),
                            r.email(), r.phone(), "", "", "", r.country(), r.birthDate(), r.company(), r.variations());
                };
            }
            case NEW_EMAIL -> {
                if (fieldGone || r.email().isEmpty()) {
                    return null;
                }
                return r.with(r.firstName(), r.lastName(), r.name(), "new" + rnd.nextInt(100_000) + "@example.net",
                        r.phone(), r.street());
            }
            default -> throw new IllegalStateException("unknown variation " + v);
        }
    }

    private static String reformat(SplittableRandom rnd, String e164) {
        String digits = e164.substring(1);
        if (e164.startsWith("+1")) {
            String n = digits.substring(1);
            return switch (rnd.nextInt(4)) {
                case 0 -> "(" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6);
                case 1 -> n.substring(0, 3) + "." + n.substring(3, 6) + "." + n.substring(6);
                case 2 -> "+1 " + n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
                default -> "1-" + n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6);
            };
        }
        int cc = 2;
        String national = digits.substring(cc);
        return switch (rnd.nextInt(3)) {
            case 0 -> "00" + digits.substring(0, cc) + " " + national.substring(0, 3) + " " + national.substring(3);
            case 1 -> "+" + digits.substring(0, cc) + " " + national.substring(0, 3) + "-" + national.substring(3, 7)
                    + "-" + national.substring(7);
            default -> "+" + digits.substring(0, cc) + " " + national.substring(0, 3) + " " + national.substring(3, 7)
                    + " " + national.substring(7);
        };
    }

    private static String typo(SplittableRandom rnd, String s) {
        int i = 1 + rnd.nextInt(s.length() - 2);
        char[] c = s.toCharArray();
        switch (rnd.nextInt(4)) {
            case 0 -> {
                c[i] = (char) ('a' + rnd.nextInt(26));
                return new String(c);
            }
            case 1 -> {
                return s.substring(0, i) + s.charAt(i) + s.substring(i);
            }
            case 2 -> {
                return s.substring(0, i) + s.substring(i + 1);
            }
            default -> {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                return new String(c);
            }
        }
    }

    /** The pinyin family and given name of a Han name, or null if a character is not in the tables. */
    private static String[] pinyin(String han) {
        String family = null;
        for (String[] f : HAN_FAMILY) {
            if (han.startsWith(f[0])) {
                family = f[1];
            }
        }
        if (family == null) {
            return null;
        }
        StringBuilder given = new StringBuilder();
        for (int i = 1; i < han.length(); i++) {
            String g = null;
            for (String[] p : HAN_GIVEN) {
                if (p[0].charAt(0) == han.charAt(i)) {
                    g = p[1];
                }
            }
            if (g == null) {
                return null;
            }
            given.append(given.length() == 0 ? g : g.toLowerCase(Locale.ROOT));
        }
        return new String[] {family, given.toString()};
    }

    /** The Han form of a pinyin name, or null if a syllable is not in the tables (or is ambiguous). */
    private static String han(String family, String given) {
        String f = null;
        int matches = 0;
        for (String[] p : HAN_FAMILY) {
            if (p[1].equalsIgnoreCase(family)) {
                f = p[0];
                matches++;
            }
        }
        if (matches != 1) {
            return null;
        }
        StringBuilder b = new StringBuilder(f);
        String rest = given.toLowerCase(Locale.ROOT);
        while (!rest.isEmpty()) {
            String found = null;
            String syllable = null;
            for (String[] p : HAN_GIVEN) {
                String s = p[1].toLowerCase(Locale.ROOT);
                if (rest.startsWith(s) && (syllable == null || s.length() > syllable.length())) {
                    found = p[0];
                    syllable = s;
                }
            }
            if (found == null) {
                return null;
            }
            b.append(found);
            rest = rest.substring(syllable.length());
        }
        return b.toString();
    }
}
