package io.crmkit.testkit.internal;

import java.util.List;

/**
 * Pools of realistic sample values (fictional names, addresses, labels) in many scripts, from
 * which the crm-testkit arbitraries draw. Every value in a pool is valid for the field it serves.
 *
 * <p>Internal: not part of the crm-testkit API. Immutable and thread-safe.
 */
public final class Samples {

    /** Given names of persons, from many languages and scripts. */
    public static final List<String> GIVEN_NAMES = List.of(
            "Anna", "Mohammed", "José", "Zoë", "Siobhán", "Björn", "Łukasz", "Thị Hoa", "Priya", "Oluwaseun",
            "Kai", "Anne-Marie", "Jo", "Olga", "Αλέξανδρος", "محمد", "יעל", "さくら", "Jean-Luc", "Ngozi",
            "Mateus", "Søren", "Ayşe", "Dmitri", "Chloé", "Rahul", "Emily", "Lucía", "Giovanni", "Ines");

    /** Family names of persons, from many languages and scripts. */
    public static final List<String> FAMILY_NAMES = List.of(
            "Smith", "Müller", "García Márquez", "van der Berg", "O'Connor", "Nakamura", "Иванова", "Nguyễn",
            "Kowalska", "Dubois", "Al-Farsi", "Papadopoulos", "Cohen", "Singh", "Okafor", "Rossi", "Yılmaz",
            "Johansson", "da Silva", "Øvergaard", "Dvořák", "Hernández", "MacLeod", "Schäfer");

    /** Complete names written without a space between family and given name (East Asian order). */
    public static final List<String> EAST_ASIAN_NAMES = List.of(
            "王小明", "李娜", "张伟", "陈静", "刘洋", "山田太郎", "佐藤花子", "김민준", "이서연", "黃志明");

    /** Names of organizations. */
    public static final List<String> ORGANIZATION_NAMES = List.of(
            "ACME GmbH", "Globex Corporation", "Initech Ltd", "北京星辰科技有限公司", "上海示例贸易有限公司",
            "株式会社サンプル", "ООО «Ромашка»", "Société Exemple d'Équipement SA", "Müller & Söhne KG",
            "Example Pvt Ltd", "Café Zürich AG", "Stark Industries, Inc.", "Umbrella S.p.A.",
            "Łódzkie Zakłady Przykładowe sp. z o.o.", "Fundação Exemplo", "(주)예시상사", "Tyrell B.V.",
            "Oceanic Airlines", "Hooli", "Vandelay Industries");

    /** Street lines of postal addresses. */
    public static final List<String> STREET_LINES = List.of(
            "Hauptstraße 5", "221B Baker Street", "1600 Example Avenue NW", "Rue de l'Église 12",
            "丸の内1-1-1", "建国路88号", "ул. Тверская, д. 7, кв. 12", "Calle Mayor 3, 2º B", "Apt. 4B",
            "c/o Example Ltd", "P.O. Box 123", "Suite 1200", "Flat 3, Rose Court", "Via Roma 1",
            "Strandvejen 100", "ulica Długa 44/2", "Rua Augusta, 1500", "Building 7, Floor 23",
            "شارع الملك فهد 12", "Οδός Ερμού 5");

    /** Cities and towns. */
    public static final List<String> LOCALITIES = List.of(
            "Berlin", "München", "London", "São Paulo", "Zürich", "東京", "北京市", "Москва", "Kraków",
            "Montréal", "Reykjavík", "New York", "Lagos", "Mumbai", "Ho Chi Minh City", "Αθήνα", "Dubai",
            "Tel Aviv-Yafo", "Ōsaka", "서울", "Y", "Llanfairpwllgwyngyll");

    /** States, provinces, prefectures. */
    public static final List<String> REGIONS = List.of(
            "CA", "Bayern", "Île-de-France", "广东省", "Ontario", "NSW", "東京都", "Québec", "Lagos State",
            "Maharashtra", "경기도", "Zürich");

    /** Postal codes, at most 20 characters. */
    public static final List<String> POSTAL_CODES = List.of(
            "10115", "SW1A 1AA", "100-0005", "H2X 1Y4", "75008", "100020", "02-583", "D02 X285", "1010",
            "94043-1351", "01310-100", "8001", "101000", "04524", "AB1 2CD", "EC1A 1BB", "1", "12345678901234567890");

    /** Occupations of persons. */
    public static final List<String> OCCUPATIONS = List.of(
            "Software engineer", "Ärztin", "教师", "Farmer", "Retired", "Student", "Nurse", "Électricien",
            "会计", "Self-employed", "Civil servant", "Пилот", "Chef de cuisine");

    /** Industries, as codes (ISIC, NACE, GB/T 4754) or labels. */
    public static final List<String> INDUSTRIES = List.of(
            "C2710", "62.01", "I65", "Retail", "Manufacturing", "金融业", "Wholesale trade", "J6201",
            "Healthcare", "Logistics", "Agriculture", "软件和信息技术服务业");

    /** Registered business scopes (free text). */
    public static final List<String> BUSINESS_SCOPES = List.of(
            "技术开发、技术咨询、技术服务；销售电子产品、计算机软硬件。",
            "Manufacture and sale of industrial pumps; maintenance services.",
            "Import and export of goods and technology.\nWholesale of food and beverages.",
            "Consulting", "Entwicklung und Vertrieb von Software sowie damit verbundene Dienstleistungen.");

    /** Tags (free labels). */
    public static final List<String> TAGS = List.of(
            "vip", "newsletter", "b2b", "black-friday-2024", "高价值", "churn risk", "wholesale", "beta-tester",
            "Key Account", "trade-show:hannover-2025", "do not call", "ÉTÉ", "A");

    /** Attribute keys. */
    public static final List<String> ATTRIBUTE_KEYS = List.of(
            "loyaltyTier", "preferred_language", "erp.customer_no", "source-system", "微信OpenID",
            "credit limit", "segment", "x");

    /** Attribute values (free text, possibly empty or multi-line). */
    public static final List<String> ATTRIBUTE_VALUES = List.of(
            "gold", "de-CH", "100045", "legacy-crm", "oX1b2c3d4e5f", "50000", "", "line one\nline two",
            "中文", "  padded value  ", "true");

    /** Occupation-independent handles on social and messaging networks. */
    public static final List<String> SOCIAL_HANDLES = List.of(
            "@jane_doe", "wxid_k2j3h4l5", "jane.doe", "小明", "user-123", "@ExampleCorp", "+85291234567",
            "line.me/ti/p/~example", "j", "Ölçer");

    /** Hosts of web addresses (ASCII, as {@link java.net.URI} requires for a server authority). */
    public static final List<String> WEB_HOSTS = List.of(
            "example.com", "www.example.org", "shop.example.co.uk", "example.cn", "sub.domain.example.net",
            "localhost", "192.0.2.10", "xn--bcher-kva.example", "a.io", "example.com.", "EXAMPLE.COM");

    /** Paths of web addresses, possibly empty, possibly with non-ASCII characters. */
    public static final List<String> WEB_PATHS = List.of(
            "", "/", "/about", "/profile/jane-doe", "/users/123?tab=orders", "/p/%E4%BD%A0%E5%A5%BD",
            "/über-uns", "/search?q=crm&lang=en#results", "/index.html");

    /** Domains of e-mail addresses, lower and mixed case, some internationalized. */
    public static final List<String> EMAIL_DOMAINS = List.of(
            "example.com", "example.org", "mail.example.co.uk", "example.cn", "qq.example", "Example.COM",
            "sub-domain.example.net", "bücher.example", "例え.jp", "пример.рф", "x.io", "example.museum");

    /** Local parts of e-mail addresses, from the RFC 5322 atext set and dots. */
    public static final List<String> EMAIL_LOCAL_PARTS = List.of(
            "john.doe", "j", "Jane.Doe", "user+tag", "o'brien", "first_last", "info", "x-y-z", "a.b.c.d",
            "1234567", "!#$%&'*+/=?^_`{|}~-", "UPPER", "sales.cn");

    /** Calling codes of countries (E.164), as written after the {@code +}. */
    public static final List<String> CALLING_CODES = List.of(
            "1", "7", "20", "27", "30", "31", "33", "34", "39", "44", "49", "52", "55", "61", "81", "82", "86",
            "91", "234", "351", "353", "852", "886", "971", "973", "998");

    /** Labels of open order statuses. */
    public static final List<String> OPEN_ORDER_LABELS = List.of(
            "pending", "processing", "shipped", "awaiting payment", "待发货", "in Bearbeitung");

    /** Labels of completed order statuses. */
    public static final List<String> COMPLETED_ORDER_LABELS = List.of(
            "delivered", "invoiced", "closed", "returned in part", "已完成", "abgeschlossen");

    /** Labels of void order statuses. */
    public static final List<String> VOID_ORDER_LABELS = List.of(
            "rejected", "payment failed", "fraud", "test", "已取消", "storniert");

    /** Labels of open service-case statuses. */
    public static final List<String> OPEN_CASE_LABELS = List.of(
            "new", "assigned", "in progress", "escalated", "reopened", "处理中");

    /** Labels of waiting service-case statuses. */
    public static final List<String> WAITING_CASE_LABELS = List.of(
            "pending customer", "on hold", "awaiting third party", "等待客户");

    /** Labels of resolved service-case statuses. */
    public static final List<String> RESOLVED_CASE_LABELS = List.of("solved", "fixed", "answered", "已解决");

    /** Labels of closed service-case statuses. */
    public static final List<String> CLOSED_CASE_LABELS = List.of("archived", "closed - no response", "已关闭");

    /** Reason codes of resolutions. */
    public static final List<String> RESOLUTION_REASONS = List.of(
            "RMA-REPLACED", "refund-full", "kb-article-123", "duplicate-of-CASE-9", "goodwill voucher", "退款");

    /** Identifiers of surveys or survey questions. */
    public static final List<String> SURVEY_NAMES = List.of(
            "post-purchase-nps", "onboarding.csat.q1", "support-ces-2025", "年度满意度调查", "relationship NPS Q3",
            "q");

    /** Where consent decisions were captured. */
    public static final List<String> CONSENT_SOURCES = List.of(
            "web-form:signup", "call-center", "import:legacy-crm-2019", "double-opt-in", "paper form",
            "WeChat mini-program", "POS terminal 12");

    /** Names of custom survey scales (none of the reserved names NPS, CSAT, CES). */
    public static final List<String> CUSTOM_SCALE_NAMES = List.of(
            "Stars", "Likert-5", "Likert-7", "Effort-5", "Thumbs", "Slider 0-100", "满意度", "nps");

    /** Prefixes of product identifiers. */
    public static final List<String> SKU_PREFIXES = List.of("SKU-", "ART", "P", "978-", "商品-");

    private Samples() {
    }
}
